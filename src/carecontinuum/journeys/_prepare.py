"""``PreparedPlacements``: a frame of placements read once, as compact sorted arrays.

Reading a frame (checking its columns, coding the levels, sorting by person
then start) is most of the cost of every population analysis, so
:func:`prepare` does it once and every analysis accepts the result.  The
arrays are small: levels as ``uint8``, dates as ``int32`` days, one flag per row
for "a new person starts here", and the row order as ``uint32``.  Only the
columns an analysis needs are read: unused columns cost nothing.

The sort is one in-place sort of a packed ``int64`` key — person, start day
and row number side by side in its bits — so it is stable (ties keep their
input order) without a stable sort, and the person and start are read back out
of the sorted key instead of being gathered.
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
    People,
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
from ._stays import stays_histogram

__all__ = ["PreparedPlacements", "read_prepared", "sort_order"]


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
            found = self.cache["end"] = self.ends[self.order]
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


def _bits(n: int) -> int:
    return max(int(n - 1).bit_length(), 0)


@dataclass(frozen=True, slots=True)
class _Packed:
    """The sorted packed key and how to read it back."""

    key: Any
    low: int
    row_bits: int
    day_bits: int


def _is_sorted(people: People, start: Any) -> bool:
    """Whether the rows are already in person, start order (checked a chunk at a time)."""
    n = len(start)
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK + 1, n)
        who, day = people.chunk(a, b), start[a:b]
        if (who[1:] < who[:-1]).any() or ((day[1:] < day[:-1]) & (who[1:] == who[:-1])).any():
            return False
    return True


def _pack(people: People, start: Any) -> _Packed | None:
    """Person, start day and row number in the bits of one int64, sorted in place.

    ``None`` when they do not fit in 63 bits.
    """
    n = len(start)
    low = int(start.min())
    span = int(start.max()) - low + 1
    row_bits, day_bits, person_bits = _bits(n), _bits(span), _bits(people.high() + 1)
    if row_bits + day_bits + person_bits > 63:
        return None
    key = np.empty(n, dtype=np.int64)
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK, n)
        k = people.chunk(a, b) << (day_bits + row_bits)
        k |= (start[a:b].astype(np.int64) - low) << row_bits
        k |= np.arange(a, b, dtype=np.int64)
        key[a:b] = k
    key.sort()
    return _Packed(key, low, row_bits, day_bits)


def _unpack(packed: _Packed) -> tuple[Any, Any, Any]:
    key, row_bits = packed.key, packed.row_bits
    n = len(key)
    order = np.empty(n, dtype=np.uint32 if n < 2**32 else np.int64)
    sorted_start = np.empty(n, dtype=np.int32)
    first = np.empty(n, dtype=bool)
    first[0] = True
    row_mask = (1 << row_bits) - 1
    day_mask = (1 << packed.day_bits) - 1
    shift = packed.day_bits + row_bits
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK, n)
        k = key[a:b]
        order[a:b] = k & row_mask
        sorted_start[a:b] = ((k >> row_bits) & day_mask) + packed.low
        who = k >> shift
        first[a + 1 : b] = who[1:] != who[:-1]
        if a:
            first[a] = who[0] != key[a - 1] >> shift
    return order, sorted_start, first


def sort_order(people: People | Any, start: Any) -> tuple[Any | None, Any, Any]:
    """Stable order by person then start, with the sorted start and new-person flags.

    *people* are person positions (a :class:`People` or an int64 array), *start*
    int32 days.  Returns ``(order, sorted_start, first)``; ``order`` is ``None``
    when the rows are already in order.  One in-place sort of packed int64
    keys when person, day and row fit in 63 bits; else a stable argsort, or a
    lexsort when even person and day do not fit.
    """
    if not isinstance(people, People):
        people = People(people)
    n = len(start)
    if not n:
        return None, start, np.zeros(0, dtype=bool)
    if _is_sorted(people, start):
        first = np.empty(n, dtype=bool)
        first[0] = True
        for a in range(0, n - 1, CHUNK):
            b = min(a + CHUNK + 1, n)
            who = people.chunk(a, b)
            first[a + 1 : b] = who[1:] != who[:-1]
        return None, start, first
    packed = _pack(people, start)
    if packed is not None:
        return _unpack(packed)
    person = people.chunk(0, n)
    low = int(start.min())
    span = int(start.max()) - low + 1
    if (int(person.max()) + 1) * span < 2**62:  # a stable sort of person and start
        order = np.argsort(person * span + (start.astype(np.int64) - low), kind="stable")
    else:
        order = np.lexsort((start, person))
    by = person[order]
    return (
        order.astype(np.uint32 if n < 2**32 else np.int64),
        start[order],
        np.r_[True, by[1:] != by[:-1]],
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
        order, sorted_start, first = sort_order(people, start)
        del people
    else:  # lengths of stay need neither the person nor the order
        order, sorted_start, first = None, start, np.zeros(len(start), dtype=bool)
    end = None if end_col is None else _end_days(end_col, columns.end, start, df.index)
    cache: dict[Any, Any] = {}
    if stays and end is not None and not levels.unknown:  # counted while rows are in frame order
        cache["stays"] = stays_histogram(levels.positions, start, end, len(graph.codes))
    del start

    def take(a: Any) -> Any:
        return a if order is None or a is None else a[order]

    return PreparedPlacements(
        graph=graph,
        tables=tables(graph),
        columns=columns,
        level=take(levels.positions),
        first=first,
        start=sorted_start,
        ends=end,
        reason=take(reason),
        order=order,
        person_ids=person_col,
        index=df.index,
        unknown=levels.unknown,
        unknown_counts=levels.counts,
        unknown_suggestions=levels.suggestions,
        cache=cache,
    )


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
