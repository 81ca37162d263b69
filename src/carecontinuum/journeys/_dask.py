"""The population functions over a ``dask.dataframe.DataFrame`` (the ``dask`` extra).

Each partition is read with the same reader and analysed with the same
kernels as a pandas frame; the partial results add up exactly:

* the transition matrix and rates: per-partition move counts, summed;
* lengths of stay: per-partition, per-level counts of each length in days,
  summed, then the statistics computed once from the combined counts — so the
  quartiles are exact, not approximate;
* the check: per-partition findings, concatenated and put in person order.

Moves and checks need each person's placements in one partition.  With
``by_person=None`` (the default) the frame is shuffled once by person unless
it has a single partition; with ``by_person=True`` the caller promises it (a
Parquet dataset written one person range per file, for instance) and it is
checked: cheaply by each partition's range of ids, exactly when ranges overlap.
Lengths of stay need no such order.
"""

from __future__ import annotations

from typing import Any

from ..transitions import ContinuumGraph
from ._analytics import (
    LengthsOfStay,
    bincount,
    los_partial,
    los_table,
    matrix_frame,
    rates_table,
)
from ._errors import PlacementFrameError
from ._frame import Columns
from ._graphs import tables
from ._pandas import np, pd
from ._population_check import findings_frame, sort_by_person
from ._prepare import read_prepared

__all__ = ["run"]


def _wanted(kind: str, frame: Any, columns: Columns, valid_only: bool) -> list[Any]:
    names = (
        [columns.level, columns.start]
        if kind == "los"
        else [columns.person, columns.level, columns.start]
    )
    if kind == "los" or valid_only or kind == "check":
        names.append(columns.end)
    if kind == "check" and columns.discharge_reason in frame.columns:
        names.append(columns.discharge_reason)
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise PlacementFrameError(
            f"missing column(s) {', '.join(map(repr, missing))}; the Dask frame has "
            f"{', '.join(map(repr, map(str, frame.columns)))}; name yours with "
            "person=, level=, start=, end="
        )
    return names


def _matrix_part(part: pd.DataFrame, graph: ContinuumGraph, columns: Columns, valid: bool) -> Any:
    part = _in_order(part)
    data = read_prepared(part, graph, columns, need_end=valid, want_end=valid, want_reason=False)
    from ._moves import moves

    counts = moves(data, valid)
    placements = bincount(data.known_levels(), len(data.codes))
    return counts, placements


def _los_part(
    part: pd.DataFrame, graph: ContinuumGraph, columns: Columns, inclusive: bool
) -> LengthsOfStay:
    data = read_prepared(part, graph, columns, need_end=True, want_reason=False, sort=False)
    return los_partial(data, inclusive)


def _check_part(
    part: pd.DataFrame, graph: ContinuumGraph, columns: Columns, gap: int, inclusive: bool
) -> pd.DataFrame:
    part = _in_order(part)
    data = read_prepared(part, graph, columns, need_end=True, want_reason=True)
    return findings_frame(data, gap, inclusive)


_ROW = "__carecontinuum_row__"


def _dask() -> Any:
    """The ``dask`` module (its typing is partial: used as Any)."""
    import importlib

    return importlib.import_module("dask")


def _number(part: pd.DataFrame, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    base = 0 if partition_info is None else int(partition_info["number"]) << 40
    return part.assign(**{_ROW: np.arange(len(part), dtype=np.int64) + base})


def _in_order(part: pd.DataFrame) -> pd.DataFrame:
    """A shuffled partition back in the frame's row order (ties then break as in pandas)."""
    if _ROW not in part.columns:
        return part
    return part.sort_values(_ROW, kind="stable").drop(columns=_ROW)


def _shuffle(frame: Any, person: Any) -> Any:
    """Each person in one partition, rows numbered first so their order survives."""
    meta = frame._meta.assign(**{_ROW: np.zeros(0, dtype=np.int64)})
    return frame.map_partitions(_number, meta=meta).shuffle(on=person)


def _by_person(frame: Any, person: Any, by_person: bool | None) -> Any:
    """*frame* with each person in one partition: checked, or shuffled once."""
    if by_person is not None and not isinstance(by_person, bool):
        raise TypeError(f"by_person must be True, False or None, got {type(by_person).__name__}")
    if frame.npartitions == 1:
        return frame
    if not by_person:
        return _shuffle(frame, person)
    dask = _dask()
    ids = frame[person]
    lows, highs = dask.compute(ids.map_partitions(_low), ids.map_partitions(_high))
    ranges = sorted(
        (a, b) for a, b in zip(lows.tolist(), highs.tolist(), strict=True) if a is not None
    )
    try:
        disjoint = all(ranges[i][1] < ranges[i + 1][0] for i in range(len(ranges) - 1))
    except TypeError:
        disjoint = False
    if not disjoint:
        shared = ids.map_partitions(_unique).value_counts().max().compute()
        if int(shared or 0) > 1:
            raise PlacementFrameError(
                f"by_person=True, but some person ids in column {person!r} appear in more than "
                "one partition; pass by_person=None to shuffle the frame by person"
            )
    return frame


def _low(s: pd.Series) -> pd.Series:
    return pd.Series([s.min() if len(s) else None], dtype=object)


def _high(s: pd.Series) -> pd.Series:
    return pd.Series([s.max() if len(s) else None], dtype=object)


def _unique(s: pd.Series) -> pd.Series:
    return pd.Series(s.unique())


def run(
    kind: str,
    frame: Any,
    graph: ContinuumGraph,
    columns: Columns,
    *,
    valid_only: bool = False,
    end_inclusive: bool = False,
    max_gap_days: int = 1,
    by_person: bool | None = None,
) -> pd.DataFrame:
    """Compute the analysis *kind* (``matrix``, ``rates``, ``los``, ``check``) over Dask."""
    dask = _dask()

    names = _wanted(kind, frame, columns, valid_only)
    frame = frame[names]
    t = tables(graph)
    n = len(t.codes)
    if kind == "los":
        parts = [
            dask.delayed(_los_part)(p, graph, columns, end_inclusive) for p in frame.to_delayed()
        ]
        results = list(dask.compute(*parts))
        return los_table(t.codes, LengthsOfStay.combine(results, n), end_inclusive)
    frame = _by_person(frame, columns.person, by_person)
    if kind == "check":
        found = [
            dask.delayed(_check_part)(p, graph, columns, max_gap_days, end_inclusive)
            for p in frame.to_delayed()
        ]
        pieces = [f for f in dask.compute(*found) if len(f)]
        if not pieces:
            return _check_part(frame._meta, graph, columns, max_gap_days, end_inclusive)
        merged = pd.concat(pieces, ignore_index=True)
        return sort_by_person(merged, columns.person)
    moves = [dask.delayed(_matrix_part)(p, graph, columns, valid_only) for p in frame.to_delayed()]
    counts = np.zeros((n, n), dtype=np.int64)
    placements = np.zeros(n, dtype=np.int64)
    for c, p in dask.compute(*moves):
        counts += c
        placements += p
    if kind == "matrix":
        return matrix_frame(t.codes, counts)
    return rates_table(t.codes, t.ranks, counts, placements)
