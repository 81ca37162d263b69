"""A matplotlib drawing of a graph, laid out by intensity (the ``plot`` extra)."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ._model import TransitionKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ._graph import ContinuumGraph

__all__ = ["draw", "layout", "render_svg"]

_COLOURS = {
    TransitionKind.STEP_UP: "#b2182b",
    TransitionKind.STEP_DOWN: "#2166ac",
    TransitionKind.LATERAL: "#636363",
}


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as err:
        raise MissingExtraError("matplotlib", "plot", "drawing a ContinuumGraph") from err


def layout(graph: ContinuumGraph) -> dict[str, tuple[float, float]]:
    """Positions by intensity: one column per rank, left to right; ties stacked."""
    columns = {rank: i for i, rank in enumerate(sorted({lv.rank for lv in graph.levels}))}
    stacks: dict[float, list[str]] = {}
    for lv in graph.levels:
        stacks.setdefault(lv.rank, []).append(lv.code)
    pos: dict[str, tuple[float, float]] = {}
    for rank, codes in stacks.items():
        for j, code in enumerate(codes):
            pos[code] = (float(columns[rank]), (len(codes) - 1) / 2 - j)
    return pos


def _plot(graph: ContinuumGraph, ax: Any, *, typical_only: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    pos = layout(graph)
    for t in graph.transitions:
        if typical_only and not t.typical:
            continue
        ax.add_patch(
            FancyArrowPatch(
                pos[t.source],
                pos[t.target],
                arrowstyle="-|>",
                mutation_scale=12,
                connectionstyle="arc3,rad=-0.35",
                color=_COLOURS[t.kind],
                linestyle="-" if t.typical else (0, (3, 3)),
                linewidth=1.8 if t.typical else 0.9,
                alpha=1.0 if t.typical else 0.6,
                shrinkA=26,
                shrinkB=26,
                zorder=1,
            )
        )
    for lv in graph.levels:
        x, y = pos[lv.code]
        ax.text(
            x,
            y,
            textwrap.fill(lv.name, 13, break_long_words=False),
            ha="center",
            va="center",
            fontsize=8,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "#444444"},
        )
    width = max(x for x, _ in pos.values()) if pos else 0.0
    height = max((abs(y) for _, y in pos.values()), default=0.0)
    ax.set_xlim(-0.7, width + 0.7)
    ax.set_ylim(-height - 1.1, height + 1.1)
    ax.set_axis_off()
    ax.set_title(f"{graph.name}: less intensive → more intensive", fontsize=9)
    handles = [
        Line2D([], [], color=_COLOURS[TransitionKind.STEP_UP], label="step-up"),
        Line2D([], [], color=_COLOURS[TransitionKind.STEP_DOWN], label="step-down"),
        Line2D([], [], color="black", linewidth=1.8, label="typical"),
        Line2D([], [], color="black", linewidth=0.9, linestyle=(0, (3, 3)), label="other"),
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False, ncols=4)


def draw(graph: ContinuumGraph, ax: Axes | None = None, *, typical_only: bool = False) -> Axes:
    """Draw *graph* on *ax* (a new pyplot figure when None) and return the axes."""
    _require_matplotlib()
    if ax is None:
        import matplotlib.pyplot as plt

        columns = len({lv.rank for lv in graph.levels})
        _, ax = plt.subplots(figsize=(max(5.0, 1.6 * columns), 3.2))
    _plot(graph, ax, typical_only=typical_only)
    return ax


def render_svg(graph: ContinuumGraph) -> str:
    """SVG text of the drawing, made without pyplot (no figure is left open)."""
    _require_matplotlib()
    from matplotlib.figure import Figure

    columns = len({lv.rank for lv in graph.levels})
    fig = Figure(figsize=(max(5.0, 1.6 * columns), 3.2))
    _plot(graph, fig.add_subplot(), typical_only=False)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buf.getvalue()
