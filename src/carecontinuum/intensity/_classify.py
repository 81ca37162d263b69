"""``classify``: the level a schedule reaches under one rule set, and why."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from .._checks import not_bool
from .._display import Display, num, render_html
from .._sources import Firmness
from .._text import echo
from ..levels import DEFAULT_CONTINUUM, CareLevel, Setting
from ..schedules import AnySchedule, Schedule, WeeklySchedule
from ..units import pint_types
from ._engine import CompiledCondition, CompiledRuleSet
from ._registry import RULE_SETS
from ._registry import rule_set as _rule_set
from ._rules import _COMPILED, DailyHours, RuleSet, Tier, WeeklyHours

__all__ = ["Classification", "classify"]

_BY_SETTING = -2
_SETTING_NOT_COVERED = -3
_BELOW = -1


def level_words(level: CareLevel | None) -> str:
    """A level in running text: ``'intensive outpatient'``; ``'no level'`` for ``None``."""
    return "no level" if level is None else level.code.replace("_", " ")


def _precise(x: float) -> str:
    return f"{x:.12g}"


class Classification:
    """The verdict of one rule set on one schedule.

    Attributes
    ----------
    level:
        A level of the default continuum, or ``None`` when the rule set
        defines no level for this schedule.
    rule_set:
        The :class:`RuleSet` applied.
    schedule:
        The schedule classified.

    The readable :attr:`reason` is built on first access, so classifying
    stays cheap.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> c = cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3))
    >>> c
    Classification('intensive_outpatient', rules='asam3-adult', 9 h/week)
    >>> c.reason
    '9 h/week ≥ 9 h/week: intensive outpatient under ASAM 3rd ed. (adult)'
    >>> c.hours_per_week
    <Quantity(9.0, 'hour / week')>
    """

    __slots__ = ("_position", "_reason", "level", "rule_set", "schedule", "weekly_hours")

    def __init__(
        self,
        level: CareLevel | None,
        rule_set: RuleSet,
        schedule: AnySchedule,
        weekly_hours: float,
        position: int,
    ) -> None:
        self.level = level
        self.rule_set = rule_set
        self.schedule = schedule
        self.weekly_hours = weekly_hours
        self._position = position

    # -- facts ------------------------------------------------------------------------------
    @property
    def hours_per_week(self) -> pint_types.Quantity:
        """The schedule's hours per week, a pint quantity in hour/week."""
        from ..units import quantity

        return quantity(self.weekly_hours, "hour / week")

    @property
    def level_code(self) -> str | None:
        """The level's code, or ``None``."""
        return None if self.level is None else self.level.code

    @property
    def defined(self) -> bool:
        """Whether the rule set defines a level for this schedule."""
        return self.level is not None

    @property
    def by_setting(self) -> bool:
        """True when a 24-hour setting, not hours, decided."""
        return self._position in (_BY_SETTING, _SETTING_NOT_COVERED)

    @property
    def tier(self) -> Tier | None:
        """The tier met (``None`` below every tier, or when the setting decided)."""
        return self.rule_set.tiers[self._position] if self._position >= 0 else None

    @property
    def verified(self) -> bool:
        """Whether the threshold that decided is verified (its tier's firmness is not 'U').

        A verdict decided by a 24-hour setting, or below every tier, rests on
        the rule set itself and counts as verified.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3)).verified
        True
        """
        tier = self.tier
        return True if tier is None else tier.verified

    @property
    def firmness(self) -> Firmness | None:
        """The decisive tier's firmness (``None`` when no tier decided)."""
        tier = self.tier
        return None if tier is None else tier.firmness

    @property
    def sources(self) -> tuple[str, ...]:
        """Source ids behind the verdict: the tier met (or missed), else the rule set's."""
        position = self._position
        tiers = self.rule_set.tiers
        tier = tiers[position] if position >= 0 else tiers[0] if position == _BELOW else None
        return tier.sources if tier is not None and tier.sources else self.rule_set.sources

    # -- words ------------------------------------------------------------------------------
    @property
    def basis(self) -> str:
        """The comparison that decided, e.g. ``'9 h/week ≥ 9 h/week'``."""
        position = self._position
        if position in (_BY_SETTING, _SETTING_NOT_COVERED):
            setting = self.schedule.care_setting.value
            suffix = " (by setting, not hours)" if position == _BY_SETTING else ""
            return f"24-hour {setting} setting{suffix}"
        compiled = self.rule_set.compiled
        if position >= 0:
            tier = compiled.tiers[position]
            return "; ".join(
                self._condition_text(c, cc_, True)
                for c, cc_ in zip(
                    self.rule_set.tiers[position].conditions, tier.conditions, strict=True
                )
            )
        lowest = compiled.tiers[0]
        missed = [
            self._condition_text(c, cc_, False)
            for c, cc_ in zip(self.rule_set.tiers[0].conditions, lowest.conditions, strict=True)
            if not self._holds(cc_)
        ]
        return "; ".join(missed)

    def _holds(self, cond: CompiledCondition) -> bool:
        if not cond.daily:
            return self.weekly_hours >= cond.edge
        return self._days_meeting(cond) >= cond.days

    def _days_meeting(self, cond: CompiledCondition) -> int:
        return sum(1 for h in self.schedule.day_hours if h >= cond.edge)

    def _condition_text(
        self, cond: WeeklyHours | DailyHours, compiled: CompiledCondition, met: bool
    ) -> str:
        if isinstance(cond, WeeklyHours):
            sign = "≥" if met else "<"
            return f"{_precise(self.weekly_hours)} h/week {sign} {num(cond.at_least)} h/week"
        verb = "meets" if met else "falls short of"
        schedule = self.schedule
        if isinstance(schedule, Schedule):
            days = f"{schedule.days_per_week} days/week"
            seen = (
                days
                if cond.hours_at_least == 0
                else (f"{_precise(schedule.hours_per_day)} h/day on {days}")
            )
        elif cond.hours_at_least == 0:
            seen = f"{schedule.days_per_week} days/week"
        else:
            seen = (
                f"{self._days_meeting(compiled)} of {schedule.days_per_week} days with "
                f"≥ {num(cond.hours_at_least)} h"
            )
        return f"{seen} {verb} {cond.describe()}"

    @property
    def reason(self) -> str:
        """A readable sentence: what was compared, the level, and the rule set."""
        try:
            return self._reason
        except AttributeError:  # built on first access; classifying stays cheap
            self._reason: str = self._build_reason()
            return self._reason

    def _build_reason(self) -> str:
        rs = self.rule_set
        if self._position == _SETTING_NOT_COVERED:
            return f"{self.basis}: no level under {rs.name}, which covers ambulatory programs only"
        if self.level is None:
            note = rs.below_note or "it defines no level below its lowest tier"
            return f"{self.basis}: no level under {rs.name} ({note})"
        return f"{self.basis}: {level_words(self.level)} under {rs.name}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary.

        Returns
        -------
        dict[str, Any]
            The rule set, the level's code (or ``None``), the weekly hours, whether
            the level was set by setting, the reason and the sources, as JSON types.
        """
        return {
            "rule_set": self.rule_set.id,
            "level": self.level_code,
            "hours_per_week": self.weekly_hours,
            "by_setting": self.by_setting,
            "reason": self.reason,
            "sources": list(self.sources),
        }

    # -- display ----------------------------------------------------------------------------
    def __repr__(self) -> str:
        return (
            f"Classification({self.level_code!r}, rules={self.rule_set.id!r}, "
            f"{num(self.weekly_hours)} h/week)"
        )

    def __str__(self) -> str:
        return self.reason

    def _display_(self) -> Display:
        return Display(
            "Classification",
            [
                ("level", self.level.name if self.level is not None else "— (none defined)"),
                ("rule set", f"{self.rule_set.name} [{self.rule_set.id}]"),
                ("population", self.rule_set.population),
                ("hours/week", self.weekly_hours),
                ("reason", self.reason),
                ("sources", self.sources or "(no sources)"),
            ],
        )

    def _repr_html_(self) -> str:
        return render_html(self._display_())


_RESIDENTIAL = DEFAULT_CONTINUUM.level("residential")
_INPATIENT_ACUTE = DEFAULT_CONTINUUM.level("inpatient_acute")


def classify(schedule: AnySchedule, rules: str | RuleSet = "asam3-adult") -> Classification:
    """The level *schedule* reaches under a rule set, with the reason.

    Thresholds are inclusive lower bounds compared exactly (see
    ``carecontinuum.intensity._engine``).  A 24-hour schedule is classified
    by setting, not hours: residential, or inpatient acute when the schedule
    says ``setting="hospital"``; a rule set that covers only ambulatory
    programs gives no level for it.  Where a rule set defines no level (below
    Medicare's IOP floor, say), :attr:`Classification.level` is ``None`` and
    the reason says so.

    Parameters
    ----------
    schedule:
        A :class:`~carecontinuum.Schedule` or :class:`~carecontinuum.WeeklySchedule`.
    rules:
        A rule-set id, name or alias (``"asam3-adult"``, ``"medicare"``, ...), or
        a :class:`~carecontinuum.RuleSet`.

    Returns
    -------
    Classification
        The level (``None`` where the rule set defines none), the reason, the
        weekly hours and the rule set used.

    Raises
    ------
    carecontinuum.UnknownRuleSetError
        For an unknown rule-set id, with suggestions.
    TypeError
        When *schedule* is not a schedule.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> s = cc.Schedule(hours_per_day=2, days_per_week=4)
    >>> cc.classify(s).level.code
    'outpatient'
    >>> c = cc.classify(s, rules="medicare")
    >>> print(c.level)
    None
    >>> print(c.reason)  # doctest: +NORMALIZE_WHITESPACE
    8 h/week < 9 h/week: no level under Medicare
    (Medicare defines no level below its 9 h/week IOP floor)
    >>> cc.classify(s, rules="teds").level.code
    'intensive_outpatient'
    """
    if type(rules) is str:
        rs, compiled = _by_key(rules)
    else:
        if type(rules) is RuleSet:
            rs = rules
        else:
            rs = _rule_set(not_bool(rules, "rules", "a rule-set id or a RuleSet"))
        found = _COMPILED.get(id(rs))  # RuleSet.compiled, inlined on the hot path
        compiled = found[1] if found is not None and found[0] is rs else rs.compiled
    if type(schedule) is Schedule:
        if schedule.twenty_four_hour:
            return _by_setting(rs, schedule, schedule.weekly_hours)
        hours_per_day = schedule.hours_per_day
        days = schedule.days_per_week
        weekly = hours_per_day * days
        chain = compiled.weekly_chain
        if chain is not None:  # every tier one weekly floor: count the floors reached
            position = bisect_right(chain, weekly) - 1
        else:
            position = compiled.tier_met(weekly, hours_per_day, days, None)
        return Classification(compiled.levels[position + 1], rs, schedule, weekly, position)
    if not isinstance(schedule, Schedule | WeeklySchedule):
        raise TypeError(
            "classify() takes a Schedule or a WeeklySchedule as schedule, got "
            f"{type(schedule).__name__} {echo(schedule)}"
        )
    weekly = schedule.weekly_hours
    if schedule.twenty_four_hour:
        return _by_setting(rs, schedule, weekly)
    position = compiled.tier_met(weekly, 0.0, 0, schedule.day_hours)
    return Classification(compiled.levels[position + 1], rs, schedule, weekly, position)


#: Rule sets found by a key, with the registry state they were found in: valid while the
#: registry's items are that same mapping (any change swaps in a new one).  Bounded.
_FOUND: dict[str, tuple[object, RuleSet, CompiledRuleSet]] = {}


def _by_key(key: str) -> tuple[RuleSet, CompiledRuleSet]:
    """The rule set *key* names and its compiled form, remembered per registry state."""
    items = RULE_SETS._snapshot.items
    hit = _FOUND.get(key)
    if hit is not None and hit[0] is items:
        return hit[1], hit[2]
    rs = items.get(key) or RULE_SETS.get(key)
    compiled = rs.compiled
    if len(_FOUND) < _FOUND_SIZE:
        _FOUND[key] = (items, rs, compiled)
    return rs, compiled


_FOUND_SIZE = 256


def _by_setting(rs: RuleSet, schedule: AnySchedule, weekly: float) -> Classification:
    """A 24-hour schedule: its setting decides, where the rule set covers it."""
    if not rs.twenty_four_hour:
        return Classification(None, rs, schedule, weekly, _SETTING_NOT_COVERED)
    by_setting = _INPATIENT_ACUTE if schedule.setting is Setting.HOSPITAL else _RESIDENTIAL
    return Classification(by_setting, rs, schedule, weekly, _BY_SETTING)
