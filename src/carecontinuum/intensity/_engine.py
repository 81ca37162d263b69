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
from typing import TYPE_CHECKING

from ..levels import DEFAULT_CONTINUUM, CareLevel
from ..schedules._exact import MICROSECONDS_PER_HOUR
from ._errors import IntensityInputError

if TYPE_CHECKING:
    from ._rules import RuleSet, Tier

__all__ = [
    "LEVEL_CODES",
    "NO_LEVEL",
    "CompiledRuleSet",
    "compile_rule_set",
    "compiled",
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
    """The smallest float that reaches *hours* at microsecond resolution."""
    if isinstance(hours, bool) or not isinstance(hours, Real) or not math.isfinite(hours):
        raise IntensityInputError(f"hours must be a finite number, got {hours!r}", field="hours")
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
    index: int
    level: CareLevel
    tier: Tier
    conditions: tuple[CompiledCondition, ...]


@dataclass(frozen=True, slots=True)
class CompiledRuleSet:
    """A :class:`RuleSet` prepared for classification; built once per rule set."""

    rule_set: RuleSet
    tiers: tuple[CompiledTier, ...]  # least intensive first
    below_index: int
    below_level: CareLevel | None
    needs_daily: bool
    weekly_chain: tuple[float, ...] | None
    """Edges when every tier is one weekly-hours floor (a fast vectorized path)."""
    lookup: tuple[int, ...]
    """Level index for "number of tiers met" 0..n (with ``weekly_chain``)."""

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


_CACHE: dict[int, CompiledRuleSet] = {}
_CACHE_LIMIT = 256


def compiled(rule_set: RuleSet) -> CompiledRuleSet:
    """The compiled form of *rule_set*, from a small cache keyed by identity.

    The cache lives beside the rule set rather than on it, so a rule set's
    equality, pickling and ``model_copy`` never see it.
    """
    found = _CACHE.get(id(rule_set))
    if found is not None and found.rule_set is rule_set:
        return found
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    made = _CACHE[id(rule_set)] = compile_rule_set(rule_set)
    return made


def compile_rule_set(rule_set: RuleSet) -> CompiledRuleSet:
    """Turn thresholds into edges and levels into objects and indexes."""
    tiers = tuple(
        CompiledTier(
            index=_INDEX[t.level],
            level=DEFAULT_CONTINUUM.level(t.level),
            tier=t,
            conditions=tuple(
                CompiledCondition(False, edge(c.at_least), 0)
                if c.kind == "weekly_hours"
                else CompiledCondition(True, edge(c.hours_at_least), c.days_at_least)
                for c in t.conditions
            ),
        )
        for t in rule_set.tiers
    )
    below_index = NO_LEVEL if rule_set.below is None else _INDEX[rule_set.below]
    chain: tuple[float, ...] | None = None
    if all(len(t.conditions) == 1 and not t.conditions[0].daily for t in tiers):
        edges = tuple(t.conditions[0].edge for t in tiers)
        if all(a < b for a, b in itertools.pairwise(edges)):
            chain = edges
    return CompiledRuleSet(
        rule_set=rule_set,
        tiers=tiers,
        below_index=below_index,
        below_level=None if rule_set.below is None else DEFAULT_CONTINUUM.level(rule_set.below),
        needs_daily=any(c.daily for t in tiers for c in t.conditions),
        weekly_chain=chain,
        lookup=(below_index, *(t.index for t in tiers)),
    )
