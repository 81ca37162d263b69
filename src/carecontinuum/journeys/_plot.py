"""Pictures of journeys and transition matrices (``plot`` extra: matplotlib, imported lazily)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from .._typing import Axes
from ..errors import MissingExtraError
from ..transitions import ContinuumGraph, TransitionKind
from ._graphs import resolve_graph
from ._move import Move
from ._placement import Placement

__all__ = ["JourneyLike", "plot_journeys", "plot_matrix"]


class JourneyLike(Protocol):
    """What a timeline draws from a journey: its person and its placements."""

    @property
    def person_id(self) -> object: ...
    @property
    def placements(self) -> Sequence[Placement]: ...
    @property
    def transitions(self) -> Sequence[Move]: ...


_MOVE_COLOURS = {
    TransitionKind.STEP_UP: "#b2182b",
    TransitionKind.STEP_DOWN: "#2166ac",
    TransitionKind.LATERAL: "#636363",
}
_BAR = 0.6


def _need_matplotlib(feature: str) -> None:
    """Raise :class:`~carecontinuum.MissingExtraError` when matplotlib is not installed."""
    try:
        import matplotlib.pyplot  # noqa: F401
    except ImportError as err:
        raise MissingExtraError("matplotlib", "plot", feature) from err


def plot_matrix(matrix: Any, *, shares: bool, ax: Axes | None, annotate: bool) -> Axes:
    """Draw *matrix* (``from`` × ``to`` counts) as a heatmap on *ax*."""
    _need_matplotlib("population.plot_transition_matrix()")
    import matplotlib.pyplot as plt
    import numpy as np

    counts = matrix.to_numpy(dtype=float)
    values = counts
    if shares:
        totals = counts.sum(axis=1, keepdims=True)
        values = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    n_rows, n_cols = values.shape
    if ax is None:
        _, ax = plt.subplots(figsize=(1.1 * n_cols + 3, 0.8 * n_rows + 1.8), layout="constrained")
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1 if shares else None, aspect="auto")
    ax.figure.colorbar(image, ax=ax, label="share of the row's moves" if shares else "moves")
    ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], rotation=30, ha="right")
    ax.set_yticks(range(n_rows), [str(r) for r in matrix.index])
    ax.set_xlabel(str(matrix.columns.name or "to"))
    ax.set_ylabel(str(matrix.index.name or "from"))
    ax.set_title("Transition shares (each row sums to 1)" if shares else "Transition counts")
    if annotate:
        top = float(values.max()) if values.size else 0.0
        for i in range(n_rows):
            for j in range(n_cols):
                if counts[i, j]:
                    text = f"{values[i, j]:.0%}" if shares else f"{int(counts[i, j]):,}"
                    dark = top and values[i, j] > 0.6 * top
                    ax.text(j, i, text, ha="center", va="center", fontsize=8,
                            color="white" if dark else "black")  # fmt: skip
    return ax


def plot_journeys(
    journeys: Sequence[JourneyLike], *, ax: Axes | None = None, graph: ContinuumGraph | None = None
) -> Axes:
    """Gantt-style bars for each journey's placements, one row per level, moves marked.

    Each person has a band; within it each level has a row (least intensive at
    the bottom).  An open placement is drawn to the latest date shown, hatched.
    Moves are arrows coloured by kind (step-up red, step-down blue, lateral grey).

    Parameters
    ----------
    journeys:
        The journeys to draw (anything with ``person_id``, ``placements`` and
        ``transitions``, as :class:`~carecontinuum.Journey` has).
    ax:
        The axes to draw on; a new figure sized to the journeys when ``None``.
    graph:
        The graph whose levels give the rows (the default graph when ``None``).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    carecontinuum.MissingExtraError
        When matplotlib is not installed (the ``plot`` extra).
    """
    _need_matplotlib("Journey.plot()")
    import datetime as dt
    import importlib

    mdates: Any = importlib.import_module("matplotlib.dates")  # its functions are untyped
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    g = resolve_graph(graph)
    codes = list(g.codes)
    for j in journeys:
        for p in j.placements:
            if p.level.code not in codes:
                codes.append(p.level.code)
    rows = {code: i for i, code in enumerate(codes)}
    band = len(codes) + 1
    days = [d for j in journeys for p in j.placements for d in (p.start, p.end) if d is not None]
    latest = max(days) if days else dt.date.today()
    if ax is None:
        height = min(2.0 + 0.35 * band * max(len(journeys), 1), 40.0)
        _, ax = plt.subplots(figsize=(9, height), layout="constrained")
    ticks, labels = [], []
    for b, j in enumerate(journeys):
        base = b * band
        for code in codes:
            ticks.append(base + rows[code])
            labels.append(code if len(journeys) == 1 else f"{j.person_id}: {code}")
        for p in j.placements:
            y = base + rows[p.level.code]
            end = p.end if p.end is not None else latest
            width = max((end - p.start).days, 0.5)
            ax.broken_barh([(mdates.date2num(p.start), width)], (y - _BAR / 2, _BAR),
                           facecolors="#4c72b0", edgecolor="black", linewidth=0.5,
                           hatch="//" if p.end is None else None)  # fmt: skip
        for m in j.transitions:
            a = base + rows[m.source]
            z = base + rows[m.target]
            x = mdates.date2num(m.on)
            arrow = {"arrowstyle": "-|>", "color": _MOVE_COLOURS[m.kind], "lw": 1.2}
            ax.annotate("", xy=(x, z), xytext=(x, a), arrowprops=arrow)
    ax.set_yticks(ticks, labels)
    ax.set_ylim(-1, max(band * len(journeys) - 1, 1))
    ax.xaxis_date()
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("date")
    title = (
        f"Journey of {journeys[0].person_id}"
        if len(journeys) == 1 and journeys[0].person_id is not None
        else "Journey"
        if len(journeys) == 1
        else f"{len(journeys)} journeys"
    )
    ax.set_title(title)
    handles: list[Any] = [Patch(facecolor="#4c72b0", edgecolor="black", label="placement")]
    handles += [Line2D([], [], color=c, label=k.label) for k, c in _MOVE_COLOURS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return ax
