"""Drawing a graph with matplotlib (the ``plot`` extra), laid out by intensity.

Levels are boxes in one row, least intensive on the left (levels of equal
rank side by side on a grey band); moves are arcs from box edge to box edge
routed clear of the other boxes (:mod:`._layout`), step-ups above and
step-downs below.  Typical moves are thick and
solid, the others thin, dashed and faded; the legend sits to the right of the
graph, and a new figure is sized to what it shows.  Names are drawn as plain
text: matplotlib's mathtext (``$...$``) is off, control characters are shown
as escapes, and a name past 100 characters is shortened with an ellipsis (the
drawing only; the graph keeps every name as given).
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
from typing import Any

from .._typing import Axes
from ..errors import MissingExtraError
from ._core import GraphCore, check_flag
from ._layout import COLUMN, Layout, layout
from ._model import TransitionKind

__all__ = ["GraphDrawing"]

_COLOURS = {
    TransitionKind.STEP_UP: "#b2182b",
    TransitionKind.STEP_DOWN: "#2166ac",
    TransitionKind.LATERAL: "#4d4d4d",
}
#: Inches per data unit (one column) of a new figure, and its bounds.
_SCALE, _MIN_SCALE, _MAX_WIDTH = 1.75, 1.0, 16.0
_BOX_WIDTH = 0.66
_FONT = 8.0
_LEGEND_WIDTH = 1.5  # inches beside the graph
_LONGEST = 100  # characters of a name drawn


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as err:
        raise MissingExtraError("matplotlib", "plot", "drawing a ContinuumGraph") from err


def _shown(text: str) -> str:
    """*text* for a label: control characters (other than newline) as visible escapes."""
    return "".join(
        ch
        if ch == "\n" or unicodedata.category(ch) not in {"Cc", "Cs"}
        else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        for ch in text
    )


def _short(text: str) -> str:
    """*text* for display: cut to 100 characters (…), control characters as escapes."""
    return _shown(text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…")


def _label(name: str, chars: int) -> str:
    """A level's name wrapped to *chars* a line; a name past 100 characters is shortened (…)."""
    text = _short(name)
    lines = []
    for wrapped in textwrap.wrap(text, chars, break_long_words=False) or [" "]:
        rest = wrapped
        while len(rest) > chars + 3:  # one long word: cut it rather than overflow the box
            lines.append(rest[:chars])
            rest = rest[chars:]
        lines.append(rest)
    return "\n".join(lines)


class GraphDrawing(GraphCore):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that draws it."""

    def _drawing(self, scale: float, *, typical_only: bool) -> tuple[Layout, float, list[str]]:
        """The layout at *scale* inches per column: boxes fitted to the wrapped names."""
        font = max(5.0, min(_FONT, _FONT * (scale / _SCALE) ** 0.5))
        chars = max(8, int(_BOX_WIDTH * scale * 72 * 0.92 / (0.55 * font)))
        labels = [_label(lv.name, chars) for lv in self.levels]
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        height = (lines * 1.25 * font / 72 + 0.14) / scale
        moves = [t for t in self.transitions if t.typical or not typical_only]
        plan = layout(self.levels, moves, box_width=_BOX_WIDTH, box_height=height)
        return plan, font, labels

    def _plot(
        self, ax: Axes, plan: Layout, font: float, labels: list[str], *, legend_room: float
    ) -> None:
        """Draw *plan* on *ax*; ``legend_room`` > 0: the legend goes inside the axes, in that
        much room (data units) kept free right of the graph; 0: beside the axes, in the figure."""
        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

        height = max((b.height for b in plan.boxes.values()), default=0.3)
        for x0, x1, _ in plan.bands:  # levels of equal rank share a band
            ax.add_patch(
                FancyBboxPatch(
                    (x0, -height / 2 - 0.05),
                    x1 - x0,
                    height + 0.1,
                    boxstyle="round,pad=0,rounding_size=0.06",
                    facecolor="#e8e8e8",
                    edgecolor="none",
                    zorder=0,
                )
            )
        for lv, label in zip(self.levels, labels, strict=True):
            box = plan.boxes[lv.code]
            patch = FancyBboxPatch(
                (box.x - box.width / 2, box.y - box.height / 2),
                box.width,
                box.height,
                boxstyle="round,pad=0,rounding_size=0.04",
                facecolor="white",
                edgecolor="#333333",
                linewidth=1.0,
                zorder=3,
            )
            ax.add_patch(patch)
            ax.text(
                box.x,
                box.y,
                label,
                ha="center",
                va="center",
                fontsize=font,
                zorder=4,
                parse_math=False,
            )
        for route in plan.routes:
            t = route.transition
            ax.add_patch(
                FancyArrowPatch(
                    route.start,
                    route.end,
                    arrowstyle="-|>",
                    mutation_scale=12 if t.typical else 8,
                    connectionstyle=f"arc3,rad={route.rad}",
                    color=_COLOURS[t.kind],
                    linestyle="-" if t.typical else (0, (3, 2)),
                    linewidth=2.0 if t.typical else 0.8,
                    alpha=1.0 if t.typical else 0.5,
                    shrinkA=0,
                    shrinkB=0,
                    zorder=2 if t.typical else 1,
                )
            )
        xmin, xmax, ymin, ymax = plan.bounds
        pad = 0.06
        ax.set_xlim(xmin - pad, xmax + pad + legend_room)
        ax.set_ylim(ymin - pad, ymax + pad)
        ax.set_aspect("equal")
        ax.set_axis_off()
        ax.set_title(
            f"{_short(self._name)}: less intensive → more intensive", fontsize=9, parse_math=False
        )
        kinds = {r.transition.kind for r in plan.routes}
        handles: list[Any] = [
            Line2D([], [], color=_COLOURS[k], linewidth=2.0, label=k.label)
            for k in TransitionKind
            if k in kinds
        ]
        if plan.bands:
            handles.append(Patch(facecolor="#e8e8e8", edgecolor="none", label="same rank"))
        handles += [
            Line2D([], [], color="#333333", linewidth=2.0, label="typical move"),
            Line2D(
                [],
                [],
                color="#333333",
                linewidth=0.8,
                alpha=0.6,
                linestyle=(0, (3, 2)),
                label="other allowed move",
            ),
        ]
        options = {"handles": handles, "fontsize": 7.5, "frameon": False}
        if legend_room:
            ax.legend(loc="center right", borderaxespad=0.2, **options)
        else:
            ax.figure.legend(loc="outside right center", **options)

    def _figure_size(
        self, *, typical_only: bool
    ) -> tuple[tuple[float, float], Layout, float, list[str]]:
        """The size of a new figure (inches) for the drawing, and what goes in it."""
        columns = len(self._levels) or 1
        scale = max(_MIN_SCALE, min(_SCALE, (_MAX_WIDTH - _LEGEND_WIDTH) / (columns * COLUMN)))
        plan, font, labels = self._drawing(scale, typical_only=typical_only)
        xmin, xmax, ymin, ymax = plan.bounds
        size = (
            max(3.5, (xmax - xmin) * scale + _LEGEND_WIDTH),
            max(1.8, (ymax - ymin) * scale + 0.5),
        )
        return size, plan, font, labels

    def draw(self, ax: Axes | None = None, *, typical_only: bool = False) -> Axes:
        """Draw the graph with matplotlib, levels laid out by intensity (needs the ``plot`` extra).

        Levels are boxes in a row, least intensive on the left (levels of equal
        rank side by side on a grey band); each move is an arrow from box edge
        to box edge that runs under no other box — step-ups above the row,
        step-downs below — with typical moves thick and solid and the others
        thin and dashed.  The legend sits to the right of the graph.

        Parameters
        ----------
        ax:
            The axes to draw on; by default a new figure sized to the graph.
        typical_only:
            Draw only the typical moves.

        Returns
        -------
        matplotlib.axes.Axes
            The axes drawn on.

        Raises
        ------
        carecontinuum.MissingExtraError
            When matplotlib is not installed.
        TypeError
            When *typical_only* is not a bool.

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import carecontinuum as cc
        >>> ax = cc.default_graph().draw()
        >>> [t.get_text() for t in ax.texts][:2]
        ['Outpatient', 'Intensive\\noutpatient (IOP)']
        >>> import matplotlib.pyplot as plt
        >>> plt.close("all")
        """
        check_flag(typical_only, "typical_only")
        _require_matplotlib()
        if ax is None:
            import matplotlib.pyplot as plt

            size, plan, font, labels = self._figure_size(typical_only=typical_only)
            _, ax = plt.subplots(figsize=size, layout="constrained")
            room = 0.0
        else:  # the caller's axes: keep room for the legend inside them, right of the graph
            extent, dpi = ax.get_window_extent(), ax.figure.dpi
            width, height = extent.width / dpi, extent.height / dpi
            columns = len(self._levels) or 1
            scale = max(0.4, min(_SCALE, (width - _LEGEND_WIDTH) / (columns * COLUMN + 0.2)))
            plan, font, labels = self._drawing(scale, typical_only=typical_only)
            _, _, ymin, ymax = plan.bounds
            if (ymax - ymin + 0.12) * scale > height:  # the height limits the scale instead
                scale = max(0.2, height / (ymax - ymin + 0.12))
                plan, font, labels = self._drawing(scale, typical_only=typical_only)
            room = _LEGEND_WIDTH / scale
        self._plot(ax, plan, font, labels, legend_room=room)
        return ax

    def _render_svg(self) -> str:
        """SVG text of the drawing, made without pyplot (no figure is left open)."""
        _require_matplotlib()
        import matplotlib
        from matplotlib.figure import Figure

        size, plan, font, labels = self._figure_size(typical_only=False)
        fig = Figure(figsize=size, layout="constrained")
        self._plot(fig.add_subplot(), plan, font, labels, legend_room=0.0)
        buf = io.StringIO()
        with matplotlib.rc_context({"svg.hashsalt": "carecontinuum"}):
            fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
        return buf.getvalue()
