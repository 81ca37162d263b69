"""Between frames and ``Journey`` objects: row by row, for samples and single people."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from .._checks import as_tuple
from .._progress import Progress
from .._text import echo
from ..transitions import ContinuumGraph
from ._dates import NO_DAY, from_day_number
from ._dispatch import columns as _columns
from ._dispatch import source as _source
from ._errors import PlacementFrameError
from ._graphs import resolve_graph
from ._journey import Journey
from ._pandas import np, pd
from ._placement import Placement
from ._prepare import PreparedPlacements

__all__ = ["journeys_from_frame", "journeys_to_frame"]


def _person_id(value: Any, name: Any) -> str | int:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    raise PlacementFrameError(
        f"column {name!r}: a Journey's person id must be a string or an integer, not "
        f"{type(value).__name__} {value!r:.40}"
    )


def journeys_from_frame(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    discharge_reason: str | None = "discharge_reason",
    progress: bool | None = None,
) -> list[Journey]:
    """One :class:`~carecontinuum.Journey` per person, placements sorted by start.

    This builds Python objects row by row (fine for samples and single people;
    use the vectorized functions for whole populations).  Levels are those of
    *graph* (codes or aliases accepted).  Person ids are kept as given; whole
    floats (``1.0``, as pandas stores integer ids next to missing values) become
    the integers they hold.

    Parameters
    ----------
    df:
        A DataFrame of placements (or :class:`PreparedPlacements`).
    graph:
        The graph the levels belong to (the default graph when None).
    person, level, start, end, discharge_reason:
        Column names (the end and discharge-reason columns are optional).
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    list of Journey
        In order of each person's first row in the frame (of id for integer ids).

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For unreadable columns, or person ids that are neither strings nor integers.

    Examples
    --------
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> journeys = population.journeys_from_frame(synthetic_cohort(3, seed=4))
    >>> [j.person_id for j in journeys]
    [0, 1, 2]
    """
    g = resolve_graph(graph) if not isinstance(df, PreparedPlacements) else df.graph
    data = _source(
        df,
        g,
        _columns(person, level, start, end, discharge_reason),
        want_end=True,
        want_reason=True,
    )
    level_codes = data.known_levels()
    levels = data.graph.levels
    order = np.arange(len(data)) if data.order is None else data.order
    ids = data.person_ids.to_numpy(dtype=object)[order]
    starts = [from_day_number(int(d)) for d in data.start]
    ends = (
        None
        if data.end is None
        else [None if d == NO_DAY else from_day_number(int(d)) for d in data.end]
    )
    reasons = None if data.reason is None else data.reason.tolist()
    bounds: list[int] = [*np.flatnonzero(data.first).tolist(), len(data)]
    journeys: list[Journey] = []
    with Progress("journeys", total=max(len(bounds) - 1, 0), enabled=progress) as bar:
        for a, b in itertools.pairwise(bounds):
            placements = tuple(
                Placement(
                    level=levels[level_codes[i]],
                    start=starts[i],
                    end=None if ends is None else ends[i],
                    discharge_reason=None if reasons is None or not reasons[i] else reasons[i],
                )
                for i in range(a, b)
            )
            pid = _person_id(ids[a], data.columns.person)
            journeys.append(Journey(person_id=pid, placements=placements))
            bar.advance()
    return journeys


def journeys_to_frame(journeys: Iterable[Journey], *, progress: bool | None = None) -> pd.DataFrame:
    """A DataFrame of placements (person_id, level, start, end, discharge_reason) from journeys.

    Parameters
    ----------
    journeys:
        Journey objects (a list, tuple or other iterable; not a single Journey).
    progress:
        Show progress on stderr (``None``: only in an interactive terminal).

    Returns
    -------
    pandas.DataFrame
        ``start`` and ``end`` as ``datetime64[s]``, ``discharge_reason`` as ``Int8``.

    Raises
    ------
    TypeError
        For anything but Journey objects.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> from carecontinuum.journeys import population
    >>> j = cc.Journey(person_id=1, placements=[{"level": "IOP", "start": "2024-01-01"}])
    >>> population.journeys_to_frame([j])[["person_id", "level"]].to_dict("records")
    [{'person_id': 1, 'level': 'intensive_outpatient'}]
    """
    if isinstance(journeys, Journey):
        raise TypeError(
            "journeys: journeys_to_frame() takes a list of Journey objects, not one Journey"
        )
    items: tuple[object, ...] = as_tuple(journeys, "journeys")
    rows: dict[str, list[Any]] = {
        "person_id": [],
        "level": [],
        "start": [],
        "end": [],
        "discharge_reason": [],
    }
    with Progress("placements", enabled=progress) as bar:
        for j in items:
            if not isinstance(j, Journey):
                raise TypeError(
                    f"journeys: journeys_to_frame() takes Journey objects, got {type(j).__name__} "
                    f"{echo(j)}"
                )
            for p in j.placements:
                rows["person_id"].append(j.person_id)
                rows["level"].append(p.level.code)
                rows["start"].append(p.start)
                rows["end"].append(p.end)
                rows["discharge_reason"].append(
                    None if p.discharge_reason is None else int(p.discharge_reason)
                )
            bar.advance()
    frame = pd.DataFrame(rows)
    frame["start"] = pd.to_datetime(frame["start"]).astype("datetime64[s]")
    frame["end"] = pd.to_datetime(frame["end"]).astype("datetime64[s]")
    frame["discharge_reason"] = frame["discharge_reason"].astype("Int8")
    return frame
