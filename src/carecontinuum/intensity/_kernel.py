"""The vectorized path's arithmetic: level indexes for many rows, block by block.

Rows are processed in blocks of :data:`BLOCK` (:data:`WEEKLY_BLOCK` given
hours per week) that stay in a core's cache between passes: each block is
checked, multiplied into weekly hours (in float64, so small integer dtypes
cannot overflow) and compared against the rule set's exact edges, writing
straight into the result.  Only the first pass over a block reads it from
memory; the later ones read cached memory, so checking the input costs
little beside the comparisons themselves, and no temporary as large as the
input is made.  Float64 hours per day with integer days per week are
checked in two reductions and the weekly hours' minimum (see
:func:`~carecontinuum.intensity._arrays.daily_checker`), after the weekly
hours are computed, so the slow cast of the days is what waits for memory;
hours per week are checked in one reduction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._arrays import block_checker, check, daily_checker

if TYPE_CHECKING:
    from ._engine import CompiledCondition, CompiledRuleSet

__all__ = ["BLOCK", "WEEKLY_BLOCK", "levels"]

#: Rows per block given hours per day and days per week: few enough blocks that
#: numpy's per-call cost stays small, few enough rows that a block's three float64
#: columns (3 MiB) stay in the last-level cache between passes.  On 1 M rows,
#: against the best plain numpy (medians of 12 alternating rounds, on a core with
#: 2 MiB of L2 and 32 MiB of L3): 64 Ki rows 1.39x (teds 2.21x), 128 Ki 1.30x
#: (2.10x), 192 Ki 1.35x (2.06x).
BLOCK = 131_072
#: Rows per block when hours per week are given: blocks of 1 Mi rows (no cache
#: reuse between the check and the comparisons) measured 1.16-1.32x the best plain
#: numpy on 1 M rows, 64 Ki rows 0.95-1.02x (on an earlier machine, with a smaller
#: cache; on the one above, 64 Ki rows measure 1.18-1.25x).
WEEKLY_BLOCK = 65_536


class _Scratch:
    """Buffers reused by every block: weekly hours, one mask per tier, one temporary."""

    def __init__(self, np: Any, size: int, tiers: int, weekly: int) -> None:
        self.size = size
        self.weekly = np.empty(weekly, dtype=np.float64)  # hours/day × days/week, per block
        self.masks = [np.empty(size, dtype=np.bool_) for _ in range(tiers)]
        self.temp = np.empty(size, dtype=np.bool_)
        self.index = np.empty(size, dtype=np.int8)


# One set of scratch buffers per thread, kept between calls: fresh multi-megabyte
# buffers would cost a page fault per 4 KiB on every call.  At most one block's
# worth (a few MiB) is kept, whatever the size of the input.
_KEPT = threading.local()


def _scratch(np: Any, size: int, tiers: int, weekly: int) -> _Scratch:
    kept: _Scratch | None = getattr(_KEPT, "scratch", None)
    if kept is None or kept.size < size or len(kept.masks) < tiers or kept.weekly.size < weekly:
        old_size, old_tiers, old_weekly = (
            (0, 0, 0) if kept is None else (kept.size, len(kept.masks), kept.weekly.size)
        )
        kept = _KEPT.scratch = _Scratch(
            np, max(size, old_size), max(tiers, old_tiers), max(weekly, old_weekly)
        )
    return kept


def levels(
    np: Any,
    compiled: CompiledRuleSet,
    arrays: dict[str, Any],
    daily: bool,
    length: int | None,
) -> Any:
    """Checked level indexes of every row (``numpy.int8``), or one ``int8`` for scalars.

    Parameters
    ----------
    np:
        The numpy module.
    compiled:
        The rule set, compiled.
    arrays:
        ``hours_per_day`` and ``days_per_week`` (with *daily*), else
        ``hours_per_week``: 1-d arrays of *length* rows, or 0-d to broadcast.
    daily:
        Whether hours per day and days per week are given.
    length:
        The number of rows, or ``None`` when every argument is a scalar.

    Returns
    -------
    numpy.ndarray or numpy.int8
        Level indexes (see :data:`~carecontinuum.intensity.LEVEL_CODES`).

    Raises
    ------
    carecontinuum.intensity.IntensityInputError
        For the first value out of range, naming its argument and position.
    """
    names = ("hours_per_day", "days_per_week") if daily else ("hours_per_week",)
    rows = 1 if length is None else length
    columns, checkers = [], []
    for name in names:
        array = arrays[name]
        if array.ndim == 0 or length is None:
            check(np, name, array)  # once, not per block
            columns.append(np.broadcast_to(array, (rows,)))
        else:
            columns.append(array)
            checkers.append(block_checker(np, name, array))
    result = np.empty(rows, dtype=np.int8)
    block = BLOCK if daily else WEEKLY_BLOCK
    size = max(1, min(block, rows))
    scratch = _scratch(np, size, len(compiled.tiers), size if daily else 0)
    plan = _Plan(np, compiled, daily, scratch)
    pair = daily_checker(np, *columns) if len(checkers) == 2 and plan.needs_weekly else None
    if pair is not None:
        _computed_then_checked(np, plan, columns, pair, result=result, block=block)
        return result
    for start in range(0, rows, block):
        stop = min(start + block, rows)
        for checked in checkers:
            checked(start, stop)
        parts = [column[start:stop] for column in columns]
        plan.run(parts, plan.weekly(parts, stop - start), result[start:stop])
    return result if length is not None else result[0]


def _computed_then_checked(
    np: Any,
    plan: _Plan,
    columns: list[Any],
    checks: tuple[Callable[[int, int], None], Callable[[int, int], None]],
    *,
    result: Any,
    block: int,
) -> None:
    """Hours per day by days per week, each block's weekly hours computed before its check.

    The product reads the block from memory while it computes (the cast of
    the days is the slow part), so the check's reductions then read cached
    memory instead of waiting for it.  A bad value may make a product
    overflow or be NaN: floating-point warnings are silenced while blocks
    are computed, and such a block is refused before anything is compared.
    """
    bounds, full = checks
    hours, days = columns
    with np.errstate(all="ignore"):
        for start in range(0, len(result), block):
            stop = min(start + block, len(result))
            parts = [hours[start:stop], days[start:stop]]
            weekly = plan.weekly(parts, stop - start)
            bounds(start, stop)
            if not weekly.min() > 0:
                full(start, stop)  # a zero hour or day: named there
            plan.run(parts, weekly, result[start:stop])


class _Plan:
    """What a rule set asks of each block, worked out once per call.

    ``weekly`` gives a block's weekly hours (when a condition needs them) and
    ``run`` then does only numpy calls: one comparison per condition written
    into reused buffers, and the level indexes written straight into the
    result.
    """

    def __init__(self, np: Any, compiled: CompiledRuleSet, daily: bool, scratch: _Scratch) -> None:
        self.np = np
        self.daily = daily
        self.compiled = compiled
        self.scratch = scratch
        self.needs_weekly = not all(c.daily for t in compiled.tiers for c in t.conditions)
        lookup = compiled.lookup
        self.identity = lookup == tuple(range(len(lookup)))
        self.lookup = np.asarray(lookup, dtype=np.int8)
        # per tier: (figure, limit) comparisons; figure 0 = h, 1 = d, 2 = weekly hours
        self.comparisons = [_comparisons(t.conditions) for t in compiled.tiers]
        self.chain = compiled.weekly_chain
        if self.chain is not None:
            self.run = self._count_floors
        elif len(compiled.tiers) == 1 and lookup == (0, 1):
            self.run = self._one_tier
        else:
            self.run = self._tiers

    def weekly(self, parts: list[Any], size: int) -> Any:
        """A block's weekly hours (``None`` when no condition needs them)."""
        if not self.needs_weekly:
            return None
        if not self.daily:
            return parts[0]
        np = self.np
        hours, days = parts
        weekly = self.scratch.weekly[:size]
        if days.dtype == np.float64:
            return np.multiply(hours, days, out=weekly, dtype=np.float64)
        # Days (checked: whole numbers up to 7, so exact in float64) copied in as
        # floats, then multiplied in place: a ufunc's buffered cast costs more.
        np.copyto(weekly, days)
        return np.multiply(weekly, hours, out=weekly, dtype=np.float64)

    def _figures(self, parts: list[Any], weekly: Any) -> tuple[Any, Any, Any]:
        h, d = (parts[0], parts[1]) if self.daily else (None, None)
        return h, d, weekly

    def _count_floors(self, parts: list[Any], weekly: Any, out: Any) -> None:
        """Every tier one weekly floor: count the floors each row reaches."""
        np = self.np
        size = len(out)
        chain = self.chain or ()
        target = out if self.identity else self.scratch.index[:size]
        np.greater_equal(weekly, chain[0], target.view(np.bool_))
        temp = self.scratch.temp[:size]
        for e in chain[1:]:
            np.greater_equal(weekly, e, temp)
            np.add(target, temp.view(np.int8), target)  # int8 + int8: no casting loop
        if not self.identity:
            np.take(self.lookup, target, out=out)

    def _one_tier(self, parts: list[Any], weekly: Any, out: Any) -> None:
        """One tier, below level 0 and tier level 1: its mask is the answer."""
        size = len(out)
        figures = self._figures(parts, weekly)
        _mask(
            self.np, self.comparisons[0], figures, out.view(self.np.bool_), self.scratch.temp[:size]
        )

    def _tiers(self, parts: list[Any], weekly: Any, out: Any) -> None:
        """Any rule set: the most intensive tier whose every condition holds."""
        np = self.np
        size = len(out)
        figures = self._figures(parts, weekly)
        temp = self.scratch.temp[:size]
        out[...] = self.compiled.below_index
        for i, tier in enumerate(self.compiled.tiers):
            mask = _mask(np, self.comparisons[i], figures, self.scratch.masks[i][:size], temp)
            np.copyto(out, np.int8(tier.index), where=mask)


def _comparisons(conditions: tuple[CompiledCondition, ...]) -> list[tuple[int, float]]:
    """A tier's conditions as (figure, limit) comparisons, all of which must hold."""
    out: list[tuple[int, float]] = []
    for cond in conditions:
        if not cond.daily:
            out.append((2, cond.edge))
            continue
        out.append((0, cond.edge))
        if cond.days > 1:  # every row attends at least one day
            out.append((1, cond.days))
    return out


def _mask(
    np: Any, comparisons: list[tuple[int, float]], figures: tuple[Any, ...], mask: Any, temp: Any
) -> Any:
    """Where every comparison holds, written into *mask*."""
    figure, limit = comparisons[0]
    np.greater_equal(figures[figure], limit, mask)
    for figure, limit in comparisons[1:]:
        np.greater_equal(figures[figure], limit, temp)
        np.logical_and(mask, temp, mask)
    return mask
