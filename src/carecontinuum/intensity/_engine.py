"""Exact threshold comparison, shared by the scalar and the vectorized path.

Thresholds are inclusive lower bounds compared at a resolution of one
microsecond: a number of hours *x* reaches a threshold *t* when *x*, rounded
to the nearest whole microsecond (ties to even), is at least *t* rounded the
same way.  Rather than rounding every value, each threshold is turned once
into an *edge*: the smallest float *x* that reaches it.  Both paths then ask
``x >= edge``, so they agree bit for bit, and a sum that drifts a hair below
a threshold through floating point (``sum([1/3] * 27)`` is 8.999…) still
reaches it.

Examples
--------
>>> e = edge(9)
>>> sum([1 / 3] * 27) >= e, 9 - 1e-6 >= e
(True, False)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Real

from .._text import echo
from ..levels import DEFAULT_CONTINUUM, CareLevel
from ..schedules import MICROSECONDS_PER_HOUR
from ._errors import IntensityInputError

__all__ = [
    "LEVEL_CODES",
    "NO_LEVEL",
    "CompiledCondition",
    "CompiledRuleSet",
    "CompiledTier",
    "compile_tiers",
    "edge",
]

#: Level codes of the default continuum; a vectorized result holds an index into this.
LEVEL_CODES: tuple[str, ...] = DEFAULT_CONTINUUM.codes
#: The vectorized result where a rule set defines no level.
NO_LEVEL = -1
_INDEX = {code: i for i, code in enumerate(LEVEL_CODES)}
_TICKS = float(MICROSECONDS_PER_HOUR)


def _reaches(x: float, ticks: int) -> bool:
    return round(x * _TICKS) >= ticks


def edge(hours: float) -> float:
    """The smallest float that reaches *hours* at microsecond resolution.

    Parameters
    ----------
    hours:
        A threshold in hours (a finite real number, not a bool).

    Returns
    -------
    float
        The smallest float *x* with ``round(x * 3.6e9) >= round(hours * 3.6e9)``.

    Raises
    ------
    carecontinuum.intensity.IntensityInputError
        For a bool, a non-number, or a threshold that is not finite.

    Examples
    --------
    >>> edge(9) < 9 and edge(9) >= 9 - 0.5e-9
    True
    """
    try:
        finite = not isinstance(hours, bool) and isinstance(hours, Real) and math.isfinite(hours)
    except OverflowError:  # an int or Fraction too large for a float
        finite = False
    if not finite:
        raise IntensityInputError(
            f"hours must be a finite number, got {echo(hours)}", field="hours"
        )
    ticks = round(hours * _TICKS)
    x = (ticks - 0.5) / _TICKS
    while _reaches(math.nextafter(x, -math.inf), ticks):
        x = math.nextafter(x, -math.inf)
    while not _reaches(x, ticks):
        x = math.nextafter(x, math.inf)
    return x


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    """A condition ready to evaluate: ``daily`` False → weekly hours ≥ edge."""

    daily: bool
    edge: float
    days: int


@dataclass(frozen=True, slots=True)
class CompiledTier:
    """A tier ready to evaluate: its level (object and index) and its conditions."""

    index: int
    level: CareLevel
    conditions: tuple[CompiledCondition, ...]


#: One tier as plain data: a level code and its conditions as (daily, hours, days).
TierSpec = tuple[str, Sequence[tuple[bool, float, int]]]


@dataclass(frozen=True, slots=True)
class CompiledRuleSet:
    """A rule set prepared for classification; built once per rule set.

    It holds no reference to the rule-set model: ``compile_tiers`` builds
    it from plain data, so this module does not depend on the models.
    """

    tiers: tuple[CompiledTier, ...]  # least intensive first
    below_index: int
    below_level: CareLevel | None
    needs_daily: bool
    weekly_chain: tuple[float, ...] | None
    """Edges when every tier is one weekly-hours floor (a fast vectorized path)."""
    lookup: tuple[int, ...]
    """Level index for "number of tiers met" 0..n (with ``weekly_chain``)."""
    levels: tuple[CareLevel | None, ...]
    """The level at ``position + 1``: the below level first, then each tier's."""

    def tier_met(
        self, weekly: float, hours_per_day: float, days: int, day_hours: Sequence[float] | None
    ) -> int:
        """Position of the most intensive tier met, or -1 when none is.

        With ``day_hours`` (one figure per day attended) daily conditions
        count the days that reach the floor; without it every one of the
        ``days`` has ``hours_per_day``.
        """
        for position in range(len(self.tiers) - 1, -1, -1):
            for cond in self.tiers[position].conditions:
                if not cond.daily:
                    if not weekly >= cond.edge:
                        break
                elif day_hours is None:
                    if not (hours_per_day >= cond.edge and days >= cond.days):
                        break
                elif sum(1 for h in day_hours if h >= cond.edge) < cond.days:
                    break
            else:
                return position
        return -1


def compile_tiers(tiers: Sequence[TierSpec], below: str | None) -> CompiledRuleSet:
    """Turn thresholds into edges and level codes into objects and indexes.

    Parameters
    ----------
    tiers:
        Each tier as ``(level code, [(daily, hours, days), ...])``, least
        intensive first: ``daily`` False is a weekly-hours floor of ``hours``;
        True is ``hours`` a day on at least ``days`` days.
    below:
        The level code below every tier, or ``None``.

    Returns
    -------
    CompiledRuleSet
        Ready for :meth:`CompiledRuleSet.tier_met` and the vectorized path.

    Examples
    --------
    >>> c = compile_tiers([("intensive_outpatient", [(False, 9, 0)])], "outpatient")
    >>> c.lookup, c.tier_met(9.0, 0.0, 0, None)
    ((0, 1), 0)
    """
    compiled = tuple(
        CompiledTier(
            index=_INDEX[code],
            level=DEFAULT_CONTINUUM.level(code),
            conditions=tuple(
                CompiledCondition(daily, edge(hours), days) for daily, hours, days in conditions
            ),
        )
        for code, conditions in tiers
    )
    below_index = NO_LEVEL if below is None else _INDEX[below]
    chain: tuple[float, ...] | None = None
    if all(len(t.conditions) == 1 and not t.conditions[0].daily for t in compiled):
        edges = tuple(t.conditions[0].edge for t in compiled)
        if all(a < b for a, b in itertools.pairwise(edges)):
            chain = edges
    return CompiledRuleSet(
        tiers=compiled,
        below_index=below_index,
        below_level=None if below is None else DEFAULT_CONTINUUM.level(below),
        needs_daily=any(c.daily for t in compiled for c in t.conditions),
        weekly_chain=chain,
        lookup=(below_index, *(t.index for t in compiled)),
        levels=(
            None if below is None else DEFAULT_CONTINUUM.level(below),
            *(t.level for t in compiled),
        ),
    )
