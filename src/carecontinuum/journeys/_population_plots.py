"""The population pictures: a transition-matrix heatmap and journey timelines from a frame."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._checks import as_tuple
from .._text import echo
from ..transitions import ContinuumGraph
from ._convert import journeys_from_frame
from ._dispatch import flag as _flag
from ._errors import JourneyOptionError
from ._journey import Journey
from ._matrix import transition_matrix
from ._pandas import pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_journeys", "plot_transition_matrix"]


def plot_transition_matrix(
    data: Any,
    graph: ContinuumGraph | None = None,
    *,
    shares: bool = False,
    ax: Axes | None = None,
    annotate: bool = True,
    **columns: str,
) -> Axes:
    """A heatmap of the transition matrix: counts, or each row's shares.

    Needs the ``plot`` extra (matplotlib).

    Parameters
    ----------
    data:
        A DataFrame, :class:`PreparedPlacements`, Dask DataFrame, or a matrix
        from :func:`transition_matrix`.
    graph:
        As for :func:`transition_matrix`.
    shares:
        Colour and label each cell by its share of the row's moves (each
        row sums to 1) instead of by count.
    ax:
        The axes to draw on (a new figure when None).
    annotate:
        Write each non-zero cell's value in it.
    **columns:
        Column names (``person=``, ``level=``, ``start=``, ``end=``), as for
        :func:`transition_matrix`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with a colour bar.

    Raises
    ------
    carecontinuum.MissingExtraError
        Without matplotlib.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> ax = population.plot_transition_matrix(synthetic_cohort(100, seed=3), shares=True)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('to', 'from')
    """
    from ._plot import plot_matrix

    _flag(shares, "shares")
    _flag(annotate, "annotate")
    if isinstance(data, pd.DataFrame) and data.index.name == "from" and data.columns.name == "to":
        matrix = data
    else:
        matrix = transition_matrix(data, graph, **columns)  # type: ignore[arg-type]
    return plot_matrix(matrix, shares=shares, ax=ax, annotate=annotate)


def plot_journeys(
    df: Any,
    people: Sequence[Any] | None = None,
    *,
    graph: ContinuumGraph | None = None,
    limit: int = 10,
    ax: Axes | None = None,
    **columns: str,
) -> Axes:
    """Gantt-style timelines of a few people's journeys from a frame, one band per person.

    Parameters
    ----------
    df:
        A DataFrame of placements (or :class:`PreparedPlacements`), or a list
        of :class:`~carecontinuum.Journey` objects.
    people:
        The person ids to draw (a list; the first *limit* people when None).
    graph:
        Whose levels order the rows (the default graph when None).
    limit:
        At most this many people are drawn.
    ax:
        The axes to draw on (a new figure when None).
    **columns:
        Column names (``person=``, ``level=``, ``start=``, ``end=``,
        ``discharge_reason=``), as for :func:`journeys_from_frame`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    carecontinuum.journeys.JourneyOptionError
        For a *limit* below 1 or *people* not in the frame (a ``ValueError`` too).
    TypeError
        For a *limit* that is not a whole number, or *df* of another type.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> ax = population.plot_journeys(synthetic_cohort(20, seed=3), people=[0, 1])
    >>> ax.get_title()
    '2 journeys'
    """
    from ._plot import plot_journeys as draw

    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(
            f"limit must be a whole number of journeys, not {type(limit).__name__} {echo(limit)}"
        )
    if limit < 1:
        raise JourneyOptionError("limit", limit, "must be a whole number ≥ 1")
    if isinstance(df, list | tuple) and all(isinstance(j, Journey) for j in df):
        chosen = list(df)[:limit]
        return draw(chosen, ax=ax, graph=graph)
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"plot_journeys() takes a DataFrame of placements or a list of Journey objects, "
            f"not {type(df).__name__}"
        )
    name = columns.get("person", "person_id")
    if people is not None:
        wanted: list[object] = list(as_tuple(people, "people"))
        subset = df[df[name].isin(wanted)] if name in df.columns else df
        missing = [p for p in wanted if p not in set(subset[name].tolist())]
        if missing:
            raise JourneyOptionError("people", missing, f"not in column {echo(name)}")
    else:
        keep: Any = pd.unique(df[name])[:limit] if name in df.columns else []
        subset = df[df[name].isin(keep)] if name in df.columns else df
    journeys = journeys_from_frame(subset, graph, **columns)  # type: ignore[arg-type]
    return draw(journeys[:limit], ax=ax, graph=graph)
