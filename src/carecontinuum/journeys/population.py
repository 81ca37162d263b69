"""Population analytics over a pandas DataFrame of placements (the ``dataframe`` extra).

The frame has one row per placement: a person id, a level code (or alias), a
start date and, for lengths of stay, an end date (``NaT`` while open).  Column
names are configurable.  Every function sorts once (by person, then start) and
works on whole arrays: there is no Python loop per row.  Unknown level codes,
missing columns and placements that end before they start raise clear errors.

Examples
--------
>>> from carecontinuum.journeys import population, synthetic_cohort
>>> df = synthetic_cohort(200, seed=7)          # SYNTHETIC data
>>> m = population.transition_matrix(df)
>>> int(m.to_numpy().sum()) == len(df) - df["person_id"].nunique()
True
>>> list(m.index)[:2]
['outpatient', 'intensive_outpatient']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from .._progress import Progress
from ..transitions import ContinuumGraph
from ._frame import (
    Columns,
    PlacementFrameError,
    SortedPlacements,
    UnknownLevelCodesError,
    read,
)
from ._journey import Journey
from ._pandas import np, pd
from ._placement import Placement

__all__ = [
    "PlacementFrameError",
    "UnknownLevelCodesError",
    "journeys_from_frame",
    "journeys_to_frame",
    "length_of_stay_stats",
    "transition_matrix",
    "transition_rates",
]

_NAT = np.iinfo(np.int64).min
_SECONDS_PER_DAY = 86_400


def _graph(graph: ContinuumGraph | None) -> ContinuumGraph:
    if graph is not None:
        if not isinstance(graph, ContinuumGraph):
            raise TypeError(f"graph must be a ContinuumGraph or None, got {type(graph).__name__}")
        return graph
    from ..transitions._default import shared_default_graph

    return shared_default_graph()


def _read(  # noqa: PLR0917
    df: pd.DataFrame,
    graph: ContinuumGraph | None,
    person: str,
    level: str,
    start: str,
    end: str,
    *,
    need_end: bool = False,
    sort: bool = True,
) -> SortedPlacements:
    columns = Columns(person, level, start, end)
    return read(df, _graph(graph), columns, need_end=need_end, sort=sort, keep_dates=not sort)


def _counts(data: SortedPlacements) -> Any:
    n = len(data.codes)
    same = data.same_person()
    origin, target = data.level[:-1][same], data.level[1:][same]
    return np.bincount(origin * n + target, minlength=n * n).reshape(n, n)


def transition_matrix(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Counts of moves between consecutive placements of the same person: from level × to level.

    Rows (``from``) and columns (``to``) are the graph's level codes, least
    intensive first; the diagonal counts consecutive placements at the same level.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFrameError
        For a missing column or missing values.
    carecontinuum.UnknownLevelError
        (an ``UnknownLevelCodesError``) listing every unknown level code.
    """
    with Progress("transition matrix", total=2, enabled=progress) as bar:
        data = _read(df, graph, person, level, start, end)
        bar.advance(note="counting")
        counts = _counts(data)
        bar.advance()
    index = pd.Index(data.codes, name="from")
    return pd.DataFrame(counts, index=index, columns=pd.Index(data.codes, name="to"))


def transition_rates(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Step-ups, step-downs and lateral moves out of each level, and their rates.

    Columns: ``placements`` (at the level), ``moves`` (followed by another
    placement), ``step_ups``, ``step_downs``, ``laterals``, and
    ``step_up_rate`` / ``step_down_rate`` (per placement at the level).  Kinds
    follow the levels' ranks in *graph*.  The last row, ``all``, totals them.
    """
    with Progress("transition rates", total=2, enabled=progress) as bar:
        data = _read(df, graph, person, level, start, end)
        bar.advance(note="counting")
        counts = _counts(data)
        bar.advance()
    direction = np.sign(data.ranks[None, :] - data.ranks[:, None])
    table = pd.DataFrame(
        {
            "placements": np.bincount(data.level, minlength=len(data.codes)),
            "moves": counts.sum(axis=1),
            "step_ups": (counts * (direction > 0)).sum(axis=1),
            "step_downs": (counts * (direction < 0)).sum(axis=1),
            "laterals": (counts * (direction == 0)).sum(axis=1),
        },
        index=pd.Index(data.codes, name="level"),
    )
    table.loc["all"] = table.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        table["step_up_rate"] = table["step_ups"] / table["placements"]
        table["step_down_rate"] = table["step_downs"] / table["placements"]
    return table


def length_of_stay_stats(
    df: pd.DataFrame,
    graph: ContinuumGraph | None = None,
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str = "end",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Length of stay in days per level: counts, mean, quartiles, range and total.

    Open placements (no end date) are counted in ``open`` and left out of the
    statistics.  A stay is ``end - start`` in whole days.
    """
    with Progress("length of stay", total=2, enabled=progress) as bar:
        data = _read(df, graph, person, level, start, end, need_end=True, sort=False)
        bar.advance(note="statistics")
        assert data.start is not None
        assert data.end is not None
        closed = data.end != _NAT
        days = (data.end[closed] - data.start[closed]) // _SECONDS_PER_DAY
        levels = pd.Categorical.from_codes(data.level[closed], categories=pd.Index(data.codes))
        grouped = pd.Series(days, dtype="float64").groupby(pd.Series(levels), observed=False)
        stats: pd.DataFrame = grouped.describe()
        stats = stats.rename(
            columns={
                "count": "closed",
                "mean": "mean_days",
                "std": "std_days",
                "min": "min_days",
                "25%": "p25_days",
                "50%": "median_days",
                "75%": "p75_days",
                "max": "max_days",
            }
        )
        stats.insert(0, "placements", np.bincount(data.level, minlength=len(data.codes)))
        stats["closed"] = stats["closed"].fillna(0).astype("int64")
        stats.insert(2, "open", stats["placements"] - stats["closed"])
        stats["total_days"] = np.bincount(
            data.level[closed], weights=days, minlength=len(data.codes)
        ).astype("int64")
        stats.index = pd.Index(data.codes, name="level")
        bar.advance()
    return stats


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
    *graph* (codes or aliases accepted).
    """
    g = _graph(graph)
    columns = Columns(person, level, start, end)
    data = read(df, g, columns, need_end=end in getattr(df, "columns", ()), keep_dates=True)
    assert data.start is not None
    levels = g.levels
    reasons: Any = None
    if discharge_reason is not None and discharge_reason in df.columns:
        column = df[discharge_reason]
        reasons = column.astype(object).where(column.notna(), None).to_numpy()[data.order]
    ids = df[person].to_numpy(dtype=object)[data.order]
    starts = data.start.astype("datetime64[s]").astype(object)
    ends = None if data.end is None else data.end.astype("datetime64[s]").astype(object)
    edges = np.r_[True, ~data.same_person(), True] if len(ids) else np.zeros(0, dtype=bool)
    bounds: list[int] = np.flatnonzero(edges).tolist()
    journeys: list[Journey] = []
    with Progress("journeys", total=max(len(bounds) - 1, 0), enabled=progress) as bar:
        for a, b in itertools.pairwise(bounds):
            placements = tuple(
                Placement(
                    level=levels[data.level[i]],
                    start=starts[i].date(),
                    end=None if ends is None or ends[i] is None else ends[i].date(),
                    discharge_reason=None if reasons is None else reasons[i],
                )
                for i in range(a, b)
            )
            journeys.append(Journey(person_id=_plain(ids[a]), placements=placements))
            bar.advance()
    return journeys


def _plain(value: Any) -> str | int:
    if isinstance(value, np.integer):
        return int(value)
    return value if isinstance(value, int | str) else str(value)


def journeys_to_frame(journeys: Iterable[Journey], *, progress: bool | None = None) -> pd.DataFrame:
    """A DataFrame of placements (person_id, level, start, end, discharge_reason) from journeys."""
    rows: dict[str, list[Any]] = {
        "person_id": [],
        "level": [],
        "start": [],
        "end": [],
        "discharge_reason": [],
    }
    with Progress("placements", enabled=progress) as bar:
        for j in journeys:
            if not isinstance(j, Journey):
                raise TypeError(
                    f"journeys_to_frame() takes Journey objects, got {type(j).__name__} {j!r:.40}"
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
