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

from ._check import FINDING_ORDER, plural
from ._dates import NO_DAY, from_day_number
from ._pandas import np, pd
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


class _Part:
    """One piece of a message column: positions into a small table of texts."""

    __slots__ = ("codes", "table")

    def __init__(self, codes: Any, table: list[str]) -> None:
        self.codes = codes
        self.table = table


def _table(values: Any, fmt: Any) -> _Part:
    """*values* (whole numbers) as codes into a table of their texts, each formatted once."""
    values = np.asarray(values, dtype=np.int64)
    if not len(values):
        return _Part(np.zeros(0, dtype=np.int64), [])
    low, high = int(values.min()), int(values.max())
    if high - low <= max(4096, len(values)):  # a small range: index it directly, no sort
        return _Part(values - low, [fmt(v) for v in range(low, high + 1)])
    uniques, inverse = np.unique(values, return_inverse=True)
    return _Part(inverse.ravel(), [fmt(int(v)) for v in uniques])


def _pair(a: Any, b: Any, fmt: Any) -> _Part | None:
    """Two columns of whole numbers as one table part, when their ranges are small."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    if not len(a):
        return None
    a0, b0 = int(a.min()), int(b.min())
    wa, wb = int(a.max()) - a0 + 1, int(b.max()) - b0 + 1
    if wa * wb > 1 << 15:
        return None
    table = [fmt(x, y) for x in range(a0, a0 + wa) for y in range(b0, b0 + wb)]
    return _Part((a - a0) * wb + (b - b0), table)


def _ints(values: Any) -> _Part:
    return _table(values, str)


def _days(values: Any) -> _Part:
    return _table(values, plural)


def _iso(day: int) -> str:
    return from_day_number(day).isoformat()


def _dates(days: Any) -> _Part:
    return _table(days, _iso)


def _join(parts: list[str | _Part], n: int) -> Any:
    """The messages: each row's parts end to end (pyarrow's C++ join when it is installed)."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        out = np.full(n, "", dtype=object)
        for part in parts:
            if isinstance(part, str):
                out = out + part
            else:
                out = out + np.asarray(part.table, dtype=object)[part.codes]
        return out
    pieces: list[Any] = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
        else:
            table = pa.array(part.table, type=pa.string())
            pieces.append(table.take(pa.array(part.codes, type=pa.int64())))
    if not any(not isinstance(p, str) for p in pieces):
        return np.full(n, "".join(parts), dtype=object)  # type: ignore[arg-type]
    return pc.binary_join_element_wise(*pieces, "")


def _messages(code: str, f: _Found, data: PreparedPlacements) -> Any:
    t = data.tables
    col = f.column
    n = len(col(code, "row"))
    parts: list[str | _Part]
    if code == "unknown-level":
        which = _Part(col(code, "level").astype(np.int64) - len(t.codes), _unknown_texts(data))
        parts = ["placement ", _ints(col(code, "i")), ": level ", which,
                 f" is not in graph {t.name!r}"]  # fmt: skip
    elif code == "open-not-last":
        after = _ints(col(code, "i") + 1)
        parts = ["placement ", _ints(col(code, "i")), " has no end date but placement ", after,
                 " follows it"]  # fmt: skip
    elif code == "reason-without-end":
        parts = ["placement ", _ints(col(code, "i")), " has a discharge reason but no end date"]
    elif code == "after-death":
        parts = ["placement ", _ints(col(code, "i")), " follows placement ",
                 _ints(col(code, "died")),
                 f", which ended with discharge reason {_DEATH} (Death)"]  # fmt: skip
    elif code == "overlap":  # literals folded into the tables: fewer pieces to join
        parts = [_table(col(code, "i"), "placement {} starts ".format),
                 _table(col(code, "start"), lambda d: f"{_iso(d)}, before placement "),
                 _table(col(code, "k"), "{} ends (".format),
                 _table(col(code, "cover"), lambda d: f"{_iso(d)}): they overlap by "),
                 _days(col(code, "days"))]  # fmt: skip
    elif code == "gap":

        def gap_head(d: int, k: int) -> str:
            return f"{plural(d)} without care between placement {k} (ends "

        head = _pair(col(code, "days"), col(code, "k"), gap_head)
        if head is None:
            head_parts: list[str | _Part] = [
                _days(col(code, "days")), " without care between placement ",
                _table(col(code, "k"), "{} (ends ".format)]  # fmt: skip
        else:
            head_parts = [head]
        parts = [*head_parts,
                 _table(col(code, "cover"), lambda d: f"{_iso(d)}) and placement "),
                 _table(col(code, "i"), "{} (starts ".format),
                 _table(col(code, "start"), lambda d: f"{_iso(d)})")]  # fmt: skip
    else:  # move-not-allowed
        width = len(t.codes)
        uniques, inverse = np.unique(col(code, "pair"), return_inverse=True)
        texts = []
        for p in uniques.tolist():
            a, b = t.codes[p // width], t.codes[p % width]
            texts.append(
                f"graph {t.name!r} has no move from {a!r} to {b!r}; {t.allowed[p // width]}"
            )
        parts = ["placement ", _ints(col(code, "i") - 1), " → ", _ints(col(code, "i")), ": ",
                 _Part(inverse.ravel(), texts)]  # fmt: skip
    return _join(parts, n)


def _unknown_texts(data: PreparedPlacements) -> list[str]:
    """How ``Journey.check`` would name each unknown level: its code if it has one."""
    from ..levels import level as find_level

    names = []
    for text in data.unknown:
        try:
            names.append(repr(find_level(text).code))
        except (LookupError, TypeError, ValueError):
            names.append(repr(text))
    return names


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
    for code, mask in (("overlap", overlap), ("gap", gap)):  # only the rows found: no full columns
        hits = np.flatnonzero(mask)
        s, c = start[hits], cover[hits]
        days = c - s + inclusive if code == "overlap" else s - c - inclusive
        found.add_at(code, hits, a, i=pos[hits], k=pos[holder[hits]], start=s, cover=c, days=days)
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
    message = _concat([_messages(c, found, data) for c in codes])
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

    return pa.concat_arrays(
        [pa.array(c, type=pa.string()) if isinstance(c, np.ndarray) else c for c in columns]
    )


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
