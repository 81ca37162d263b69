"""The vectorized path's arithmetic: level indexes for many rows, block by block.

Rows are processed in blocks of :data:`BLOCK` that fit in a CPU cache: each
block is checked (two reductions per argument), multiplied into weekly hours
(in float64, so small integer dtypes cannot overflow) and compared against the
rule set's exact edges, writing straight into the result.  Every pass over a
block then reads cached memory, so checking the input costs little beside the
comparisons themselves, and no temporary as large as the input is made.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ._arrays import check

if TYPE_CHECKING:
    from ._engine import CompiledCondition, CompiledRuleSet

__all__ = ["BLOCK", "levels"]

#: Rows per block: few enough blocks that numpy's per-call cost stays small, and
#: scratch (2 MiB of float64) small enough to keep between calls.
BLOCK = 262_144


class _Scratch:
    """Buffers reused by every block: weekly hours, one mask per tier, one temporary."""

    def __init__(self, np: Any, size: int, tiers: int) -> None:
        self.size = size
        self.weekly = np.empty(size, dtype=np.float64)
        self.masks = [np.empty(size, dtype=np.bool_) for _ in range(tiers)]
        self.temp = np.empty(size, dtype=np.bool_)
        self.index = np.empty(size, dtype=np.int8)


# One set of scratch buffers per thread, kept between calls: fresh multi-megabyte
# buffers would cost a page fault per 4 KiB on every call.  At most one block's
# worth (a few MiB) is kept, whatever the size of the input.
_KEPT = threading.local()


def _scratch(np: Any, size: int, tiers: int) -> _Scratch:
    kept: _Scratch | None = getattr(_KEPT, "scratch", None)
    if kept is None or kept.size < size or len(kept.masks) < tiers:
        old_size, old_tiers = (0, 0) if kept is None else (kept.size, len(kept.masks))
        kept = _KEPT.scratch = _Scratch(np, max(size, old_size), max(tiers, old_tiers))
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
    inputs: list[tuple[str, Any, bool]] = []
    for name in names:
        array = arrays[name]
        if array.ndim == 0 or length is None:
            check(np, name, array)  # once, not per block
            inputs.append((name, np.broadcast_to(array, (rows,)), False))
        else:
            inputs.append((name, array, True))
    result = np.empty(rows, dtype=np.int8)
    scratch = _scratch(np, max(1, min(BLOCK, rows)), len(compiled.tiers))
    for start in range(0, rows, BLOCK):
        stop = min(start + BLOCK, rows)
        parts = []
        for name, array, to_check in inputs:
            part = array[start:stop]
            if to_check:
                check(np, name, part, offset=start)
            parts.append(part)
        _block(np, compiled, parts, daily, out=result[start:stop], scratch=scratch)
    return result if length is not None else result[0]


def _block(
    np: Any,
    compiled: CompiledRuleSet,
    parts: list[Any],
    daily: bool,
    *,
    out: Any,
    scratch: _Scratch,
) -> None:
    """Level indexes of one block of rows, written into *out*."""
    size = len(out)
    h, d = (parts[0], parts[1]) if daily else (None, None)
    weekly = None
    if not all(c.daily for t in compiled.tiers for c in t.conditions):
        weekly = (
            np.multiply(h, d, out=scratch.weekly[:size], dtype=np.float64) if daily else parts[0]
        )
    lookup = compiled.lookup
    identity = lookup == tuple(range(len(lookup)))
    chain = compiled.weekly_chain
    if chain is not None:  # every tier one weekly floor: count the floors reached
        target = out if identity else scratch.index[:size]
        np.greater_equal(weekly, chain[0], out=target.view(np.bool_))
        temp = scratch.temp[:size]
        for e in chain[1:]:
            np.greater_equal(weekly, e, out=temp)
            np.add(target, temp.view(np.int8), out=target)  # int8 + int8: no casting loop
        if not identity:
            np.take(np.asarray(lookup, dtype=np.int8), target, out=out)
        return
    single = len(compiled.tiers) == 1 and lookup == (0, 1)  # one tier: the mask is the answer
    masks = [
        _tier_mask(
            np,
            tier.conditions,
            (h, d, weekly),
            out.view(np.bool_) if single else scratch.masks[i][:size],
            scratch.temp[:size],
        )
        for i, tier in enumerate(compiled.tiers)
    ]
    if single:
        return
    out[...] = compiled.below_index
    for tier, mask in zip(compiled.tiers, masks, strict=True):
        np.copyto(out, np.int8(tier.index), where=mask)


def _tier_mask(
    np: Any,
    conditions: tuple[CompiledCondition, ...],
    figures: tuple[Any, Any, Any],
    mask: Any,
    temp: Any,
) -> Any:
    """Where every condition of a tier holds, written into *mask*.

    *figures* are hours per day, days per week and weekly hours (each may be
    ``None`` when no condition needs it).
    """
    h, d, weekly = figures
    comparisons: list[tuple[Any, float]] = []
    for cond in conditions:
        if not cond.daily:
            comparisons.append((weekly, cond.edge))
            continue
        comparisons.append((h, cond.edge))
        if cond.days > 1:  # every row attends at least one day
            comparisons.append((d, cond.days))
    values, limit = comparisons[0]
    np.greater_equal(values, limit, out=mask)
    for values, limit in comparisons[1:]:
        np.greater_equal(values, limit, out=temp)
        np.logical_and(mask, temp, out=mask)
    return mask
