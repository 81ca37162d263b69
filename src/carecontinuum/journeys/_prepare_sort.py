"""The sort behind :func:`~carecontinuum.journeys._prepare.read_prepared`: person, then start.

One in-place sort of a packed ``uint64`` key — person, start day and row number
side by side in its bits, and, when there is room, a small *tail* (the level)
below the row — so the sort is stable (ties keep their input order) without a
stable sort, and the person, start and tail are read back out of the sorted key
instead of being gathered row by row.  The row sits above the tail, so the tail
never changes the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._frame import CHUNK, People
from ._pandas import np

__all__ = ["Sorted", "sort_order", "sorted_rows"]


#: Bits of the packed key: person, day and row must fit (the tail rides when it also fits).
_KEY_BITS = 64


def _bits(n: int) -> int:
    return max(int(n - 1).bit_length(), 0)


@dataclass(frozen=True, slots=True)
class Sorted:
    """The rows in person, start order.

    ``order`` is ``None`` when the frame was already in order; ``tail`` is the
    tail array in sorted order when it rode in the sort key, else ``None`` (the
    caller gathers it with ``order``).
    """

    order: Any | None
    start: Any
    first: Any
    tail: Any | None = None


@dataclass(frozen=True, slots=True)
class _Packed:
    """The sorted packed key and how to read it back."""

    key: Any
    low: int
    row_bits: int
    day_bits: int
    tail_bits: int
    tail_dtype: Any


def _is_sorted(people: People, start: Any) -> bool:
    """Whether the rows are already in person, start order (checked a chunk at a time)."""
    n = len(start)
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK + 1, n)
        who, day = people.chunk(a, b), start[a:b]
        if (who[1:] < who[:-1]).any() or ((day[1:] < day[:-1]) & (who[1:] == who[:-1])).any():
            return False
    return True


def _tail_bits(tail: Any | None) -> int:
    """Bits the tail needs in the key (0: no tail, or not a small unsigned array)."""
    if tail is None or not len(tail) or tail.dtype != np.uint8:
        return 0
    return max(_bits(int(tail.max()) + 1), 1)


def _pack(people: People, start: Any, tail: Any | None) -> _Packed | None:
    """Person, start day, row number (and the tail) in the bits of one uint64, sorted in place.

    ``None`` when person, day and row do not fit in 64 bits; the tail is left
    out (0 bits) when it does not fit beside them.  (Unsigned: all 64 bits are
    usable, which is what 100 M rows of 10 M people over 12 years need.)
    """
    n = len(start)
    low = int(start.min())
    span = int(start.max()) - low + 1
    row_bits, day_bits, person_bits = _bits(n), _bits(span), _bits(people.high() + 1)
    if row_bits + day_bits + person_bits > _KEY_BITS:
        return None
    tail_bits = _tail_bits(tail)
    if row_bits + day_bits + person_bits + tail_bits > _KEY_BITS:
        tail_bits = 0
    low_bits = row_bits + tail_bits
    key = np.empty(n, dtype=np.uint64)
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK, n)
        k = people.chunk(a, b).astype(np.uint64) << np.uint64(day_bits + low_bits)
        k |= (start[a:b].astype(np.int64) - low).astype(np.uint64) << np.uint64(low_bits)
        k |= np.arange(a, b, dtype=np.uint64) << np.uint64(tail_bits)
        if tail_bits:
            k |= tail[a:b]  # type: ignore[index]
        key[a:b] = k
    key.sort()
    dtype = None if tail is None else tail.dtype
    return _Packed(key, low, row_bits, day_bits, tail_bits, dtype)


def _unpack(packed: _Packed) -> Sorted:
    key, row_bits, tail_bits = packed.key, packed.row_bits, packed.tail_bits
    n = len(key)
    order = np.empty(n, dtype=np.uint32 if n < 2**32 else np.int64)
    sorted_start = np.empty(n, dtype=np.int32)
    first = np.empty(n, dtype=bool)
    first[0] = True
    tail = np.empty(n, dtype=packed.tail_dtype) if tail_bits else None
    u = np.uint64
    row_mask = u((1 << row_bits) - 1)
    day_mask = u((1 << packed.day_bits) - 1)
    low_bits = row_bits + tail_bits
    shift = u(packed.day_bits + low_bits)
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK, n)
        k = key[a:b]
        if tail is not None:
            tail[a:b] = k & u((1 << tail_bits) - 1)
        order[a:b] = (k >> u(tail_bits)) & row_mask
        sorted_start[a:b] = ((k >> u(low_bits)) & day_mask).astype(np.int64) + packed.low
        who = k >> shift
        first[a + 1 : b] = who[1:] != who[:-1]
        if a:
            first[a] = who[0] != key[a - 1] >> shift
    return Sorted(order, sorted_start, first, tail)


def sorted_rows(people: People | Any, start: Any, tail: Any | None = None) -> Sorted:
    """Stable order by person then start, with the sorted start and new-person flags.

    *people* are person positions (a :class:`People` or an int64 array), *start*
    int32 days, *tail* an optional ``uint8`` array carried through the sort in
    the key's spare bits (see :class:`Sorted`).  One in-place sort of packed
    int64 keys when person, day and row fit in 63 bits; else a stable argsort,
    or a lexsort when even person and day do not fit.
    """
    if not isinstance(people, People):
        people = People(people)
    n = len(start)
    if not n:
        return Sorted(None, start, np.zeros(0, dtype=bool))
    if _is_sorted(people, start):
        first = np.empty(n, dtype=bool)
        first[0] = True
        for a in range(0, n - 1, CHUNK):
            b = min(a + CHUNK + 1, n)
            who = people.chunk(a, b)
            first[a + 1 : b] = who[1:] != who[:-1]
        return Sorted(None, start, first, tail)
    packed = _pack(people, start, tail)
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
    return Sorted(
        order.astype(np.uint32 if n < 2**32 else np.int64),
        start[order],
        np.r_[True, by[1:] != by[:-1]],
    )


def sort_order(people: People | Any, start: Any) -> tuple[Any | None, Any, Any]:
    """``(order, sorted_start, first)`` of :func:`sorted_rows` (``order`` ``None``: in order)."""
    found = sorted_rows(people, start)
    return found.order, found.start, found.first
