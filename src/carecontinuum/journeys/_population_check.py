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

from typing import Any

from ._check import FINDING_ORDER
from ._dates import NO_DAY
from ._frame import CHUNK
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


def _chunks(first: Any) -> list[tuple[int, int]]:
    """About CHUNK rows at a time, cut where a person starts."""
    n = len(first)
    cuts = [0]
    while cuts[-1] + CHUNK < n:
        starts = np.flatnonzero(first[cuts[-1] + CHUNK :])
        if not len(starts):
            break
        cuts.append(cuts[-1] + CHUNK + int(starts[0]))
    cuts.append(n)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _text(values: Any) -> Any:
    return np.asarray(values).astype(str).astype(object)


def _dates(days: Any) -> Any:
    return np.datetime_as_string(np.asarray(days, dtype="datetime64[D]"), unit="D").astype(object)


def _days(n: Any) -> Any:
    return _text(n) + np.where(n == 1, " day", " days").astype(object)


class _Found:
    """Findings collected chunk by chunk: sorted-row numbers and their message parts."""

    def __init__(self) -> None:
        self.parts: dict[str, list[dict[str, Any]]] = {code: [] for code in FINDING_ORDER}

    def add(self, code: str, mask: Any, base: int, **columns: Any) -> None:
        hits = np.flatnonzero(mask)
        if len(hits):
            found = {k: np.asarray(v)[hits] for k, v in columns.items()}
            found["row"] = hits + base
            self.parts[code].append(found)

    def column(self, code: str, name: str) -> Any:
        return np.concatenate([p[name] for p in self.parts[code]])


def _messages(code: str, f: _Found, data: PreparedPlacements) -> Any:  # noqa: PLR0911
    t = data.tables
    i = _text(f.column(code, "i"))
    if code == "unknown-level":
        texts = np.asarray(_unknown_texts(data), dtype=object)
        which = texts[f.column(code, "level").astype(np.int64) - len(t.codes)]
        return "placement " + i + ": level " + which + f" is not in graph {t.name!r}"
    if code == "open-not-last":
        after = _text(f.column(code, "i") + 1)
        return "placement " + i + " has no end date but placement " + after + " follows it"
    if code == "reason-without-end":
        return "placement " + i + " has a discharge reason but no end date"
    if code == "after-death":
        died = _text(f.column(code, "died"))
        return (
            "placement " + i + " follows placement " + died + ", which ended with "
            f"discharge reason {_DEATH} (Death)"
        )
    if code == "overlap":
        k = _text(f.column(code, "k"))
        return (
            "placement " + i + " starts " + _dates(f.column(code, "start")) + ", before placement "
            + k + " ends (" + _dates(f.column(code, "cover")) + "): they overlap by "
            + _days(f.column(code, "days"))
        )  # fmt: skip
    if code == "gap":
        k = _text(f.column(code, "k"))
        return (
            _days(f.column(code, "days")) + " without care between placement " + k + " (ends "
            + _dates(f.column(code, "cover")) + ") and placement " + i + " (starts "
            + _dates(f.column(code, "start")) + ")"
        )  # fmt: skip
    # move-not-allowed
    n = len(t.codes)
    pair = f.column(code, "pair")
    texts = np.empty(n * n, dtype=object)
    for p in np.unique(pair):
        a, b = t.codes[p // n], t.codes[p % n]
        texts[p] = f"graph {t.name!r} has no move from {a!r} to {b!r}; {t.allowed[p // n]}"
    before = _text(f.column(code, "i") - 1)
    return "placement " + before + " → " + i + ": " + texts[pair]


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


def _chunk(  # noqa: PLR0913, PLR0917
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
    level = data.level[a:b].astype(np.int64)
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
    without = start - cover - inclusive
    gap = has & ~overlap & (without > max_gap_days)
    found.add("overlap", overlap, a, i=pos, k=pos[holder], start=start, cover=cover,
              days=cover - start + inclusive)  # fmt: skip
    found.add("gap", gap, a, i=pos, k=pos[holder], start=start, cover=cover, days=without)
    if len(level) > 1:
        edges = np.zeros(n * n, dtype=bool)
        for x, y in t.edges:
            if x in t.codes and y in t.codes:
                edges[t.codes.index(x) * n + t.codes.index(y)] = True
        src, dst = level[:-1], level[1:]
        pair = np.where(known[:-1] & known[1:], src * n + dst, 0)
        bad = ~first[1:] & known[:-1] & known[1:] & (src != dst) & ~edges[pair]
        found.add("move-not-allowed", np.r_[False, bad], a, i=pos, pair=np.r_[0, pair])


def empty_findings(person: Any) -> pd.DataFrame:
    """A findings frame with no rows (the right columns and dtypes)."""
    return pd.DataFrame(
        {
            person: pd.Series([], dtype=object),
            "placement": pd.Series([], dtype="int64"),
            "row": pd.Series([], dtype=object),
            "code": pd.Categorical([], categories=list(FINDING_ORDER)),
            "severity": pd.Categorical([], categories=["error", "warning"]),
            "message": pd.Series([], dtype=object),
        }
    )


def findings_frame(data: PreparedPlacements, max_gap_days: int, end_inclusive: bool) -> pd.DataFrame:
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
    message = np.concatenate([_messages(c, found, data) for c in codes])
    order = np.argsort(rows * 16 + kind, kind="stable")
    rows, kind, placement, message = rows[order], kind[order], placement[order], message[order]
    frame_rows = rows if data.order is None else data.order[rows].astype(np.int64)
    severity = np.array([c in _WARNINGS for c in FINDING_ORDER])[kind].astype(np.int8)
    frame = pd.DataFrame(
        {
            person_col: data.person_ids.iloc[frame_rows].reset_index(drop=True),
            "placement": placement.astype(np.int64),
            "row": pd.Series(data.index[frame_rows]),
            "code": pd.Categorical.from_codes(kind, categories=list(FINDING_ORDER)),
            "severity": pd.Categorical.from_codes(severity, categories=["error", "warning"]),
            "message": pd.Series(message, dtype=object),
        }
    )
    return sort_by_person(frame, person_col)


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
