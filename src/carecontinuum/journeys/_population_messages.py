"""The messages of the population-wide check, built column-wise.

Each message is a few parts end to end: literal text, and columns of whole
numbers (placement numbers, days, dates) each turned into codes into a small
table of texts, every distinct value formatted once.  The parts are joined
by pyarrow's C++ string join when pyarrow is installed, else by numpy.
"""

from __future__ import annotations

from typing import Any

from ._check import plural
from ._dates import from_day_number
from ._pandas import np
from ._prepare import PreparedPlacements
from ._reason import DischargeReason

__all__ = ["messages"]

_DEATH = int(DischargeReason.DEATH)
#: Messages joined per slice: the slice's pieces (a few MB) are freed and reused, rather than
#: every piece of millions of messages faulted in as fresh memory at once.
_JOIN_ROWS = 262_144


class _Part:
    """One piece of a message column: positions into a small table of texts."""

    __slots__ = ("codes", "table")

    def __init__(self, codes: Any, table: list[str]) -> None:
        self.codes = codes
        self.table = table


def _table(values: Any, fmt: Any) -> _Part:
    """*values* (whole numbers) as codes into a table of their texts, each formatted once."""
    values = np.asarray(values)  # int32 or int64, kept: no widening copy
    if values.dtype.kind != "i":
        values = values.astype(np.int64)
    if not len(values):
        return _Part(np.zeros(0, dtype=np.int64), [])
    low, high = int(values.min()), int(values.max())
    if high - low <= max(4096, len(values)):  # a small range: index it directly, no sort
        return _Part(values - low, [fmt(v) for v in range(low, high + 1)])
    uniques, inverse = np.unique(values, return_inverse=True)
    return _Part(inverse.ravel(), [fmt(int(v)) for v in uniques])


def _pair(a: Any, b: Any, fmt: Any) -> _Part | None:
    """Two columns of whole numbers as one table part, when their ranges are small."""
    a, b = np.asarray(a), np.asarray(b)  # whole numbers; the codes stay below 2**15
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
    if all(isinstance(p, str) for p in parts):
        return np.full(n, "".join(parts), dtype=object)  # type: ignore[arg-type]
    tables = [p if isinstance(p, str) else pa.array(p.table, type=pa.string()) for p in parts]
    chunks = []
    for start in range(0, n, _JOIN_ROWS):  # in slices: each slice's temporaries are reused memory
        stop = min(start + _JOIN_ROWS, n)
        pieces = [
            t if isinstance(t, str) else t.take(pa.array(p.codes[start:stop]))  # type: ignore[union-attr]
            for t, p in zip(tables, parts, strict=True)
        ]
        chunks.append(pc.binary_join_element_wise(*pieces, ""))
    return chunks[0] if len(chunks) == 1 else pa.chunked_array(chunks, type=pa.string())


def messages(code: str, col: Any, data: PreparedPlacements) -> Any:
    """The message of each finding of kind *code*; ``col(code, name)`` gives its columns."""
    t = data.tables
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
