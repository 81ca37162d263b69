"""The ``numba`` engine of :func:`~carecontinuum.intensity.classify_array`: one compiled pass.

The numpy engine (:mod:`~carecontinuum.intensity._kernel`) makes one pass
over a block per check and per comparison, each a separate ufunc call.
This engine compiles one loop, with `numba <https://numba.pydata.org>`_
(the ``numba`` extra), that reads each row once: it checks the row's
figures, works out its weekly hours and finds the most intensive tier met,
and writes the level index.  It answers exactly as the numpy engine does:

* the same figures compared with the same edges, in float64;
* a tier's conditions on one figure are all met exactly when the largest
  of their floors is met, so each tier is three floors (hours per day, days
  per week, weekly hours), ``-inf`` where the tier has no condition;
* the most intensive tier met wins, as in the numpy engine's general plan;
* when any row is out of range, the numpy engine runs on the same arrays,
  so the error (its message, its argument and its position) is the numpy
  engine's own.

numba is imported, and each loop compiled, on first use in a process: about
0.4 s for the first call, then about 0.1 s for each new combination of input
types or number of tiers (measured on a 2-core AMD EPYC).  Nothing is written
to disk (``cache=False``).  The loops release the GIL.
"""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ._kernel import levels as numpy_levels

if TYPE_CHECKING:
    from ._engine import CompiledRuleSet

__all__ = ["Floors", "floors", "levels"]

_LOCK = threading.Lock()
_COMPILED: dict[str, Any] = {}


#: Each tier's floors (hours per day, days per week, weekly hours) and level index.
Floors = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], tuple[int, ...]]


def _daily_levels(hours: Any, days: Any, tiers: Floors, below: int, out: Any) -> bool:
    """Level indexes of hours per day by days per week into *out*; whether every row is valid."""
    hour_floors, day_floors, week_floors, tier_levels = tiers
    valid = True
    for i in range(out.shape[0]):
        h = float(hours[i])
        d = float(days[i])
        valid &= (h > 0.0) & (h <= 24.0) & (d >= 1.0) & (d <= 7.0) & (d == math.floor(d))
        w = h * d
        level = below
        for t in range(len(tier_levels)):
            met = (h >= hour_floors[t]) & (d >= day_floors[t]) & (w >= week_floors[t])
            level = tier_levels[t] if met else level
        out[i] = level
    return valid


def _weekly_levels(hours: Any, tiers: Floors, below: int, out: Any) -> bool:
    """Level indexes of hours per week into *out*; whether every row is valid."""
    _, _, week_floors, tier_levels = tiers
    valid = True
    for i in range(out.shape[0]):
        w = float(hours[i])
        valid &= (w >= 0.0) & (w <= 168.0)
        level = below
        for t in range(len(tier_levels)):
            level = tier_levels[t] if w >= week_floors[t] else level
        out[i] = level
    return valid


def _compiled(name: str) -> Any:
    """The compiled loop *name* (``daily`` or ``weekly``); numba is imported here."""
    kernel = _COMPILED.get(name)
    if kernel is not None:
        return kernel
    with _LOCK:
        if name not in _COMPILED:
            try:
                import numba
            except ImportError as exc:  # absent, or refusing this numpy
                raise MissingExtraError("numba", "numba", "The numba engine") from exc
            source = _daily_levels if name == "daily" else _weekly_levels
            _COMPILED[name] = numba.njit(cache=False, nogil=True)(source)
        return _COMPILED[name]


def floors(compiled: CompiledRuleSet) -> Floors:
    """Each tier as its three floors, and the tiers' level indexes, least intensive first.

    Returns
    -------
    tuple
        ``(hours per day, days per week, weekly hours, level index)``, one
        entry per tier; ``-inf`` where a tier has no condition on a figure.

    Examples
    --------
    >>> from carecontinuum.intensity import rule_set
    >>> floors(rule_set("teds").compiled)
    ((1.999999999861111,), (3.0,), (-inf,), (1,))
    """
    hour, day, week, index = [], [], [], []
    for tier in compiled.tiers:
        h = d = w = -math.inf
        for cond in tier.conditions:
            if cond.daily:
                h, d = max(h, cond.edge), max(d, float(cond.days))
            else:
                w = max(w, cond.edge)
        hour.append(h)
        day.append(d)
        week.append(w)
        index.append(tier.index)
    return tuple(hour), tuple(day), tuple(week), tuple(index)


def levels(
    np: Any,
    compiled: CompiledRuleSet,
    arrays: dict[str, Any],
    daily: bool,
    length: int | None,
) -> Any:
    """Checked level indexes of every row, as the numpy engine gives them.

    Parameters and results are those of the numpy engine's ``levels`` (in
    ``carecontinuum.intensity._kernel``); all-scalar calls and any call with
    a row out of range are handed to it.

    Raises
    ------
    carecontinuum.MissingExtraError
        When numba is not installed: ``pip install 'carecontinuum[numba]'``.
    carecontinuum.intensity.IntensityInputError
        For the first value out of range (the numpy engine's error).
    """
    kernel = _compiled("daily" if daily else "weekly")
    if length is None:
        return numpy_levels(np, compiled, arrays, daily, length)
    names = ("hours_per_day", "days_per_week") if daily else ("hours_per_week",)
    columns = [_native(np, arrays[name], length) for name in names]
    result = np.empty(length, dtype=np.int8)
    valid = kernel(*columns, floors(compiled), compiled.below_index, result)
    if not valid:  # the numpy engine names the first bad value
        return numpy_levels(np, compiled, arrays, daily, length)
    return result


def _native(np: Any, array: Any, length: int) -> Any:
    """*array* as numba reads it: 1-d (a scalar broadcast), in the machine's byte order."""
    if not array.dtype.isnative:
        array = array.astype(array.dtype.newbyteorder("="))
    return array if array.ndim == 1 else np.broadcast_to(array, (length,))
