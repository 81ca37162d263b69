"""Lengths of stay as histograms: per level, how many stays last each number of days.

The histograms add up exactly (Dask partitions) and give exact statistics;
see :mod:`carecontinuum.journeys._analytics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._dates import NO_DAY
from ._frame import CHUNK
from ._pandas import np

__all__ = ["LengthsOfStay", "bincount", "stays_histogram"]


@dataclass(frozen=True, slots=True)
class LengthsOfStay:
    """Per level: placements, and the sorted distinct day counts of closed stays with tallies."""

    placements: Any
    values: tuple[Any, ...]
    counts: tuple[Any, ...]

    @staticmethod
    def combine(parts: list[LengthsOfStay], n: int) -> LengthsOfStay:
        """Add partial results up exactly (Dask partitions)."""
        placements = np.zeros(n, dtype=np.int64)
        values, counts = [], []
        for part in parts:
            placements += part.placements
        for i in range(n):
            v = np.concatenate([p.values[i] for p in parts]) if parts else np.zeros(0, np.int64)
            c = np.concatenate([p.counts[i] for p in parts]) if parts else np.zeros(0, np.int64)
            u, inverse = np.unique(v, return_inverse=True)
            tally = np.zeros(len(u), dtype=np.int64)
            np.add.at(tally, inverse, c)
            values.append(u)
            counts.append(tally)
        return LengthsOfStay(placements, tuple(values), tuple(counts))


def bincount(values: Any, width: int) -> Any:
    """``np.bincount`` a chunk at a time (it would make an int64 copy of the whole input)."""
    total = np.zeros(width, dtype=np.int64)
    for a in range(0, len(values), CHUNK):
        total += np.bincount(values[a : a + CHUNK], minlength=width)
    return total


def _stays(level: Any, start: Any, end: Any, a: int, b: int) -> tuple[Any, Any]:
    """Levels and days (end - start) of the closed stays among rows ``a:b``."""
    e = end[a:b]
    closed = e != NO_DAY
    days = e[closed].astype(np.int64)
    days -= start[a:b][closed]
    return level[a:b][closed].astype(np.int64), days


def stays_histogram(level: Any, start: Any, end: Any, n: int) -> LengthsOfStay:
    """Per level, how many closed stays last each number of days (``end - start``).

    The rows may be in any order.  One dense ``bincount`` pass when the span of
    the dates is short (no stay is longer than it), else one sort of a packed
    ``level, days`` key.
    """
    rows = len(level)
    values: list[Any] = []
    counts: list[Any] = []
    width = (int(end.max()) - int(start.min()) + 1) if rows else 1
    if width > 0 and n * width <= max(4 * rows, 1 << 16):
        cells = n * width
        hist = np.zeros(cells + n, dtype=np.int64)  # the last n bins: open placements per level
        for a in range(0, rows, CHUNK):
            e = end[a : a + CHUNK]
            lv = level[a : a + CHUNK].astype(np.int64)
            cell = e.astype(np.int64)
            cell -= start[a : a + CHUNK]
            cell += lv * width
            is_open = e == NO_DAY
            cell[is_open] = cells + lv[is_open]
            hist += np.bincount(cell, minlength=cells + n)
        grid = hist[:cells].reshape(n, width)
        for i in range(n):
            hit = np.flatnonzero(grid[i])
            values.append(hit.astype(np.int64))
            counts.append(grid[i, hit])
        placements = grid.sum(axis=1) + hist[cells:]
    else:  # very long stays: one sort of a packed (level, days) key
        placements = bincount(level, n)
        longest = 0
        for a in range(0, rows, CHUNK):
            _, days = _stays(level, start, end, a, a + CHUNK)
            if len(days):
                longest = max(longest, int(days.max()))
        shift = max(longest.bit_length(), 1)
        lv, days = _stays(level, start, end, 0, rows)
        key, tally = np.unique((lv << shift) | days, return_counts=True)
        owner = key >> shift
        for i in range(n):
            mine = owner == i
            values.append(key[mine] & ((1 << shift) - 1))
            counts.append(tally[mine].astype(np.int64))
    return LengthsOfStay(placements, tuple(values), tuple(counts))
