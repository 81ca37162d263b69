"""``PreparedPlacements``: a frame of placements read once, as compact sorted arrays.

Reading a frame (checking its columns, coding the levels, sorting by person
then start) is most of the cost of every population analysis, so
:func:`prepare` does it once and every analysis accepts the result.  The
arrays are small: levels as ``uint8``, dates as ``int32`` days, one flag per row
for "a new person starts here", and the row order as ``uint32``.  Only the
columns an analysis needs are read: unused columns cost nothing.

The sort is one in-place sort of a packed ``int64`` key (see
:mod:`._prepare_sort`), which also carries the levels when they fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._text import echo
from ..transitions import ContinuumGraph
from ._errors import PlacementFrameError, UnknownLevelCodesError
from ._frame import (
    CHUNK,
    Columns,
    column,
    label,
    level_positions,
    person_positions,
    reason_column,
    rows_text,
)
from ._frame_dates import day_column
from ._graphs import GraphTables, tables
from ._pandas import np, pd
from ._prepare_sort import Sorted, sort_order, sorted_rows
from ._stays import stays_histogram

__all__ = ["PreparedPlacements", "gather", "read_prepared", "sort_order"]


@dataclass(frozen=True, slots=True, eq=False)
class PreparedPlacements:
    """Placements read once, sorted by person then start (ties keep their input order).

    Make one with :func:`carecontinuum.journeys.population.prepare`; every
    population function accepts it in place of the frame.

    Attributes
    ----------
    graph:
        The graph the levels were coded against.
    columns:
        The column names read.
    level:
        Per sorted row, the level's position in ``graph.codes`` (``uint8``);
        positions past the graph's codes stand for :attr:`unknown` codes.
    first:
        Per sorted row, whether a new person starts there (``bool``).
    start:
        Days since 1970-01-01 (``int32``), sorted.
    ends:
        The end days in *frame* order (``int32``; ``-2**31`` for an open
        placement), or ``None`` without an end column.  :attr:`end` sorts them
        (once, on first use).
    reason:
        TEDS ``REASON`` codes (``int8``, 0 for none), or ``None`` without the column.
    order:
        Per sorted row, its position in the frame (``None``: the frame was
        already sorted, row *i* is position *i*).
    person_ids, index:
        The frame's person column and index, as given (not copied).
    unknown:
        Level texts the graph does not know, with their row counts in :attr:`unknown_counts`.
    """

    graph: ContinuumGraph
    tables: GraphTables
    columns: Columns
    level: Any
    first: Any
    start: Any
    ends: Any | None
    reason: Any | None
    order: Any | None
    person_ids: Any
    index: Any
    unknown: tuple[str, ...] = ()
    unknown_counts: tuple[int, ...] = ()
    unknown_suggestions: tuple[tuple[str, ...], ...] = ()
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)
    """Results already computed from these arrays (move counts), reused by later analyses."""

    def __len__(self) -> int:
        return len(self.level)

    @property
    def end(self) -> Any | None:
        """The end days in sorted order (``None`` without an end column)."""
        if self.ends is None or self.order is None:
            return self.ends
        found = self.cache.get("end")
        if found is None:
            found = self.cache["end"] = gather(self.order, self.ends)
        return found

    @property
    def codes(self) -> tuple[str, ...]:
        """The graph's level codes, least intensive first."""
        return self.tables.codes

    @property
    def n_people(self) -> int:
        """How many people."""
        return int(np.count_nonzero(self.first))

    def __repr__(self) -> str:
        extra = [c for c, a in (("end", self.ends), ("reason", self.reason)) if a is not None]
        with_ = f" with {' and '.join(extra)}" if extra else ""
        return (
            f"PreparedPlacements({len(self):,} placements of {self.n_people:,} people{with_}, "
            f"graph {self.tables.name!r})"
        )

    def known_levels(self) -> Any:
        """The level array, or an ``UnknownLevelCodesError`` listing every unknown code.

        Returns
        -------
        numpy.ndarray
            The level of each row, as a position in the graph's level codes.
        """
        if self.unknown:
            raise UnknownLevelCodesError(
                str(self.columns.level),
                dict(zip(self.unknown, self.unknown_counts, strict=True)),
                dict(zip(self.unknown, self.unknown_suggestions, strict=True)),
            )
        return self.level

    def need_end(self, what: str) -> Any:
        """The sorted end days, or a clear error when the frame had no end column.

        Parameters
        ----------
        what:
            The analysis that needs end dates, for the message.

        Returns
        -------
        numpy.ndarray
            The end day of each row, in the sorted order.
        """
        self.require_end(what)
        return self.end

    def require_end(self, what: str) -> None:
        """A clear error when the frame had no end column (nothing is sorted).

        Parameters
        ----------
        what:
            The analysis that needs end dates, for the message.

        Returns
        -------
        None
            The frame has an end column when nothing is raised.
        """
        if self.ends is None:
            raise PlacementFrameError(
                f"{what} needs end dates, but these placements were prepared without an "
                f"end column ({echo(self.columns.end)} was not in the frame)"
            )


def read_prepared(
    df: Any,
    graph: ContinuumGraph,
    columns: Columns,
    *,
    need_end: bool,
    want_end: bool = True,
    want_reason: bool = True,
    sort: bool = True,
    stays: bool = False,
) -> PreparedPlacements:
    """Check *df*'s columns and build the sorted arrays (see :class:`PreparedPlacements`).

    The end column is read when *need_end* (and must then exist) or, with
    *want_end*, when present; the discharge-reason column likewise with *want_reason*.
    Without *sort* the person column is not read and the rows stay in frame
    order (``first`` is then meaningless: for lengths of stay only).  With
    *stays*, the length-of-stay histogram is counted before the sort (see
    :func:`~carecontinuum.journeys._analytics.stays_histogram`).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df: expected a pandas DataFrame of placements, not {type(df).__name__}")
    names = {"person": columns.person, "level": columns.level, "start": columns.start}
    for role in ("person", "level", "start", "end", "discharge_reason"):
        value = getattr(columns, role)
        if value is not None or role in names:
            label(value, role)  # an unhashable or bool label: a TypeError naming it
    if not sort:
        del names["person"]
    if need_end:
        names["end"] = columns.end
    missing = [echo(c) for c in names.values() if not _has(df, c)]
    if missing:
        raise PlacementFrameError(
            f"missing column(s) {', '.join(missing)}; the frame has "
            f"{', '.join(echo(str(c), 30) for c in df.columns[:20])}"
            f"{' ...' if len(df.columns) > 20 else ''}; name yours with "
            "person=, level=, start=, end="
        )
    person_col = column(df, columns.person, "person") if sort else None
    levels = level_positions(column(df, columns.level, "level"), columns.level, graph)
    start = day_column(column(df, columns.start, "start"), columns.start, allow_missing=False)
    read_end = need_end or (want_end and columns.end is not None and _has(df, columns.end))
    end_col = column(df, columns.end, "end") if read_end else None
    reason = None
    name = columns.discharge_reason
    if want_reason and name is not None and _has(df, name):
        reason = reason_column(column(df, name, "discharge_reason"), name)
    if sort:
        people = person_positions(person_col, columns.person)
        ordered = sorted_rows(people, start, levels.positions)  # levels ride in the key
        del people
    else:  # lengths of stay need neither the person nor the order
        ordered = Sorted(None, start, np.zeros(len(start), dtype=bool))
    end = None if end_col is None else _end_days(end_col, columns.end, start, df.index)
    cache: dict[Any, Any] = {}
    if stays and end is not None and not levels.unknown:  # counted while rows are in frame order
        cache["stays"] = stays_histogram(levels.positions, start, end, len(graph.codes))
    del start
    level, reason = _in_order(ordered, levels.positions, reason, end if need_end else None, cache)
    order = ordered.order
    return PreparedPlacements(
        graph=graph,
        tables=tables(graph),
        columns=columns,
        level=level,
        first=ordered.first,
        start=ordered.start,
        ends=end,
        reason=reason,
        order=order,
        person_ids=person_col,
        index=df.index,
        unknown=levels.unknown,
        unknown_counts=levels.counts,
        unknown_suggestions=levels.suggestions,
        cache=cache,
    )


def _in_order(
    ordered: Sorted, level: Any, reason: Any | None, end: Any | None, cache: dict[Any, Any]
) -> tuple[Any, Any | None]:
    """The levels and reasons in sorted order; *end* too (into ``cache["end"]``) when given."""
    order = ordered.order
    if order is None:
        return level, reason
    level = ordered.tail if ordered.tail is not None else gather(order, level)
    if end is not None:  # sorted now, in the same pass as the reasons
        cache["end"], reason = _gather_end(order, end, reason)
    elif reason is not None:
        reason = gather(order, reason)
    return level, reason


def gather(order: Any, values: Any) -> Any:
    """``values[order]``, a chunk at a time (no full-length ``intp`` copy of *order*)."""
    out = np.empty(len(order), dtype=values.dtype)
    for a in range(0, len(order), CHUNK):
        np.take(values, order[a : a + CHUNK].astype(np.intp), out=out[a : a + CHUNK])
    return out


def _gather_end(order: Any, end: Any, reason: Any | None) -> tuple[Any, Any | None]:
    """The end days and reasons in sorted order, both read in one gather.

    Each row's end day and reason sit side by side as two ``int32`` (one
    8-byte item), so every sorted row costs one random read instead of two,
    and no bit arithmetic.
    """
    if reason is None:
        return gather(order, end), None
    n = len(order)
    pairs = np.empty((n, 2), dtype=np.int32)
    pairs[:, 0] = end
    pairs[:, 1] = reason
    items = pairs.view(np.int64).reshape(n)  # one 8-byte item per row
    sorted_end = np.empty(n, dtype=end.dtype)
    sorted_reason = np.empty(n, dtype=reason.dtype)
    for a in range(0, n, CHUNK):
        got = np.take(items, order[a : a + CHUNK].astype(np.intp)).view(np.int32).reshape(-1, 2)
        sorted_end[a : a + CHUNK] = got[:, 0]
        sorted_reason[a : a + CHUNK] = got[:, 1]
    return sorted_end, sorted_reason


def _end_days(col: Any, name: Any, start: Any, index: Any) -> Any:
    """The end column as int32 days (frame order), checked against the starts."""
    end = day_column(col, name, allow_missing=True)
    backwards = np.zeros(len(end), dtype=bool)
    for a in range(0, len(end), CHUNK):
        e = end[a : a + CHUNK]
        backwards[a : a + CHUNK] = (e < start[a : a + CHUNK]) & (e != np.iinfo(np.int32).min)
    if backwards.any():
        raise PlacementFrameError(
            f"{int(np.count_nonzero(backwards))} placement(s) end before they start, "
            f"in rows {rows_text(backwards, index)}"
        )
    return end


def _has(df: Any, name: Any) -> bool:
    try:
        return bool(name in df.columns)
    except TypeError:
        return False
