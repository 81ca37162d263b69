"""The population-wide check: ``Journey.check()`` for every person at once, vectorized.

The rules are those of :mod:`carecontinuum.journeys._check` (the per-journey
check), applied to whole arrays: the coverage of each placement (the latest end
among the placements before it since the last open one) is a running maximum
that restarts at each person and after each open placement; the findings are
masks over the sorted rows; their messages are built column-wise.  There is no
Python loop per row or per person: only per chunk of about a million rows
(cut at person boundaries) and per kind of finding.
"""

from __future__ import annotations

import itertools
from typing import Any

from ._check import FINDING_ORDER
from ._dates import NO_DAY
from ._pandas import np, pd
from ._population_messages import messages
from ._prepare import PreparedPlacements
from ._reason import DischargeReason

__all__ = ["FINDING_COLUMNS", "coverage", "empty_findings", "findings_frame", "overlaps"]

#: The columns of the findings frame, after the person column.
FINDING_COLUMNS = ("placement", "row", "code", "severity", "message")
_WARNINGS = frozenset({"gap", "reason-without-end", "program-level"})
_CODE = {code: i for i, code in enumerate(FINDING_ORDER)}
_DEATH = int(DischargeReason.DEATH)
_OFFSET = 2**31
_CHECK_CHUNK = 1 << 18  # rows a check chunk holds (its temporaries: about 100 bytes a row)
_CODE_DTYPE = pd.CategoricalDtype(list(FINDING_ORDER))
_SEVERITY_DTYPE = pd.CategoricalDtype(["error", "warning"])


def _positions(first: Any) -> Any:
    """Each row's placement index within its person."""
    rows = np.arange(len(first), dtype=np.int64)
    return rows - np.maximum.accumulate(np.where(first, rows, 0))


def coverage(first: Any, end: Any) -> tuple[Any, Any]:
    """For each row: the latest end before it in its segment, and the row holding it.

    A segment restarts at a new person and after an open placement.  The
    covering row is the earliest one reaching that latest end.  Rows without
    coverage (a person's first row, a row after an open one) get ``NO_DAY``.
    """
    n = len(end)
    cover = np.full(n, NO_DAY, dtype=np.int64)
    row = np.zeros(n, dtype=np.int64)
    if n < 2:
        return cover, row
    is_open = end == NO_DAY
    restart = first.copy()
    restart[1:] |= is_open[:-1]
    segment = np.cumsum(restart, dtype=np.int64)
    key = (segment << 33) | (end.astype(np.int64) + _OFFSET)
    running = np.maximum.accumulate(key)
    rows = np.arange(n, dtype=np.int64)
    rises = restart.copy()
    rises[1:] |= key[1:] > running[:-1]
    holder = np.maximum.accumulate(np.where(rises, rows, 0))
    covered = ~restart
    cover[1:] = np.where(covered[1:], (running[:-1] & (2**33 - 1)) - _OFFSET, NO_DAY)
    row[1:] = holder[:-1]
    return cover, row


def overlaps(data: PreparedPlacements) -> Any:
    """Per sorted row: does it start before an earlier placement of its person ends?"""
    end = data.need_end("excluding overlapping moves")
    out = np.zeros(len(end), dtype=bool)
    for a, b in _chunks(data.first):
        cover, _ = coverage(data.first[a:b], end[a:b])
        out[a:b] = (cover != NO_DAY) & (data.start[a:b] < cover)
    return out


def _chunks(first: Any, size: int = _CHECK_CHUNK) -> list[tuple[int, int]]:
    """About *size* rows at a time, cut where a person starts."""
    n = len(first)
    starts = np.flatnonzero(first)
    wanted = np.arange(size, n, size)
    cuts = np.unique(starts[np.minimum(np.searchsorted(starts, wanted), len(starts) - 1)])
    bounds = [0, *[int(c) for c in cuts if 0 < c < n], n]
    return list(itertools.pairwise(bounds))


class _Found:
    """Findings collected chunk by chunk: sorted-row numbers and their message parts."""

    def __init__(self) -> None:
        self.parts: dict[str, list[dict[str, Any]]] = {code: [] for code in FINDING_ORDER}

    def add(self, code: str, mask: Any, base: int, **columns: Any) -> None:
        hits = np.flatnonzero(mask)
        if len(hits):
            self.add_at(code, hits, base, **{k: np.asarray(v)[hits] for k, v in columns.items()})

    def add_at(self, code: str, hits: Any, base: int, **columns: Any) -> None:
        """Findings at chunk rows *hits*, with their columns already taken at those rows."""
        if len(hits):
            self.parts[code].append({**columns, "row": hits + base})

    def column(self, code: str, name: str) -> Any:
        return np.concatenate([p[name] for p in self.parts[code]])


def _chunk(  # noqa: PLR0917
    found: _Found,
    data: PreparedPlacements,
    a: int,
    b: int,
    max_gap_days: int,
    inclusive: int,
) -> None:
    t = data.tables
    n = len(t.codes)
    first = data.first[a:b]
    level = data.level[a:b].astype(np.int32)  # positions: small; a masked-out pair may wrap
    start = data.start[a:b].astype(np.int64)
    end = data.need_end("check()")[a:b]
    pos = _positions(first)
    is_open = end == NO_DAY
    last = np.r_[first[1:], True]
    known = level < n
    found.add("unknown-level", ~known, a, i=pos, level=level)
    found.add("open-not-last", is_open & ~last, a, i=pos)
    if data.reason is not None:
        reason = data.reason[a:b]
        found.add("reason-without-end", (reason != 0) & is_open, a, i=pos)
        death = reason == _DEATH
        if death.any():
            deaths = np.cumsum(death, dtype=np.int64) - death
            rows = np.arange(len(first), dtype=np.int64)
            person_start = np.maximum.accumulate(np.where(first, rows, 0))
            before = deaths - deaths[person_start]
            first_death = death & (before == 0)
            latest = np.maximum.accumulate(np.where(first_death, rows, -1))
            after = before > 0
            found.add("after-death", after, a, i=pos, died=pos[np.maximum(latest, 0)])
    cover, holder = coverage(first, end)
    has = cover != NO_DAY
    overlap = has & (start < cover)
    gap = has & ~overlap & (start - cover - inclusive > max_gap_days)
    # the findings' columns as int32 (half the bytes to carry into the messages): days
    # always fit, placement numbers do unless one person has 2**31 placements
    narrow = np.int32 if b - a < 2**31 else np.int64
    for code, mask in (("overlap", overlap), ("gap", gap)):  # only the rows found: no full columns
        hits = np.flatnonzero(mask)
        s, c = start[hits], cover[hits]
        days = c - s + inclusive if code == "overlap" else s - c - inclusive
        found.add_at(code, hits, a, i=pos[hits].astype(narrow), k=pos[holder[hits]].astype(narrow),
                     start=s.astype(np.int32), cover=c.astype(np.int32),
                     days=days.astype(np.int32))  # fmt: skip
    if len(level) > 1:
        src, dst = level[:-1], level[1:]
        both = known[:-1] & known[1:]
        pair = np.where(both, src * n + dst, 0)
        bad = ~first[1:] & both & (src != dst) & ~_edges(data)[pair]
        hits = np.flatnonzero(bad) + 1  # the row moved to
        found.add_at("move-not-allowed", hits, a, i=pos[hits], pair=pair[hits - 1])


def _edges(data: PreparedPlacements) -> Any:
    """Per pair of level positions ``a * n + b``: does the graph allow the move (built once)."""
    found = data.cache.get("check edges")
    if found is None:
        t = data.tables
        n = len(t.codes)
        found = np.zeros(n * n, dtype=bool)
        for x, y in t.edges:
            if x in t.codes and y in t.codes:
                found[t.codes.index(x) * n + t.codes.index(y)] = True
        data.cache["check edges"] = found
    return found


def empty_findings(person: Any) -> pd.DataFrame:
    """A findings frame with no rows (the right columns and dtypes)."""
    return pd.DataFrame(
        {
            person: pd.Series([], dtype=object),
            "placement": pd.Series([], dtype="int64"),
            "row": pd.Series([], dtype=object),
            "code": pd.Series([], dtype=_CODE_DTYPE),
            "severity": pd.Series([], dtype=_SEVERITY_DTYPE),
            "message": pd.Series([], dtype="str"),
        }
    )


def findings_frame(
    data: PreparedPlacements, max_gap_days: int, end_inclusive: bool
) -> pd.DataFrame:
    """Every finding of every person in *data*, as one frame (see ``population.check``)."""
    data.need_end("check()")
    found = _Found()
    for a, b in _chunks(data.first):
        _chunk(found, data, a, b, max_gap_days, int(end_inclusive))
    codes = [c for c in FINDING_ORDER if found.parts[c]]
    person_col = data.columns.person
    if not codes:
        frame = empty_findings(person_col)
        frame[person_col] = data.person_ids.iloc[:0].reset_index(drop=True)
        frame["row"] = pd.Series(data.index[:0], dtype=data.index.dtype)
        return frame
    rows = np.concatenate([found.column(c, "row") for c in codes])
    kind = np.concatenate([np.full(len(found.column(c, "row")), _CODE[c]) for c in codes])
    placement = np.concatenate([found.column(c, "i") for c in codes])
    message = _concat([messages(c, found.column, data) for c in codes])
    key = rows * 16 + kind
    if len(codes) > 1 and (key[1:] < key[:-1]).any():  # findings of several kinds interleave
        order = np.argsort(key, kind="stable")
        rows, kind, placement = rows[order], kind[order], placement[order]
        message = _take(message, order)
    del key
    frame_rows = rows if data.order is None else data.order[rows].astype(np.int64)
    severity = np.array([c in _WARNINGS for c in FINDING_ORDER])[kind].astype(np.int8)
    frame = pd.DataFrame(
        {
            person_col: data.person_ids.iloc[frame_rows].reset_index(drop=True),
            "placement": placement.astype(np.int64),
            "row": pd.Series(data.index[frame_rows]),
            "code": pd.Categorical.from_codes(kind, dtype=_CODE_DTYPE),
            "severity": pd.Categorical.from_codes(severity, dtype=_SEVERITY_DTYPE),
            "message": _series(message),
        },
        copy=False,  # every column is new: no copy, no consolidation
    )
    return sort_by_person(frame, person_col)


def _concat(columns: list[Any]) -> Any:
    if len(columns) == 1:  # one kind of finding: nothing to copy
        return columns[0]
    if all(isinstance(c, np.ndarray) for c in columns):
        return np.concatenate(columns)
    import pyarrow as pa

    chunks: list[Any] = []
    for c in columns:
        if isinstance(c, np.ndarray):
            chunks.append(pa.array(c, type=pa.string()))
        elif isinstance(c, pa.ChunkedArray):
            chunks.extend(c.chunks)
        else:
            chunks.append(c)
    return pa.chunked_array(chunks, type=pa.string())


def _take(messages: Any, order: Any) -> Any:
    if isinstance(messages, np.ndarray):
        return messages[order]
    return messages.take(order)


def _series(messages: Any) -> pd.Series:
    """The message column, in pandas' default string dtype."""
    if isinstance(messages, np.ndarray):
        return pd.Series(messages, dtype="str")
    return pd.Series(messages.to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow")),
                     dtype="str")  # fmt: skip


def sort_by_person(frame: pd.DataFrame, person: Any) -> pd.DataFrame:
    """*frame* in order of person id (stable: each person's findings keep their order)."""
    ids = frame[person]
    try:
        if ids.is_monotonic_increasing:
            return frame
        order = np.argsort(ids.to_numpy(), kind="stable")
    except TypeError:  # ids of mixed types that do not compare: leave them as read
        return frame
    return frame.iloc[order].reset_index(drop=True)
