"""Rule sets as data: conditions, tiers and the rule set that orders them.

A rule set says which ambulatory level of the default continuum a schedule's
hours reach.  Each :class:`Tier` names a level and the conditions (inclusive
lower bounds) a schedule must meet for it; the level is the most intensive
tier whose every condition holds, else :attr:`RuleSet.below` (which may be
``None``: the rule set defines no level there and says so).  Because every
condition is a lower bound, more hours never give a less intensive level.

Rule sets are frozen pydantic models, so they serialize to JSON and a state's
or payer's own rule can be written as data and registered.
"""

from __future__ import annotations

import itertools
from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from .._contract import contract, rule
from .._display import Display, Table, num, render_html
from .._json_model import JsonModel
from .._nonempty import NonEmpty
from .._sources import Firmness
from ..levels import DEFAULT_CONTINUUM, CareLevel, ContinuumLevelCode, Setting
from ..units import DaysPerWeek, HoursPerWeek, InUnit
from ._engine import CompiledRuleSet, compile_tiers

__all__ = ["Condition", "DailyHours", "Firmness", "RuleSet", "Tier", "WeeklyHours"]

_SourceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
#: Hours per day for a daily floor: 0 (any day attended counts) to 24.
_DailyFloor = Annotated[float, InUnit("hour / day", per="day", label="hours per day", ge=0, le=24)]


@contract("quantity_out_of_range")
class WeeklyHours(JsonModel):
    """At least so many hours of treatment per week (inclusive).

    Examples
    --------
    >>> WeeklyHours(at_least=9).describe()
    '≥ 9 h/week'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["weekly_hours"] = "weekly_hours"
    at_least: HoursPerWeek

    def describe(self) -> str:
        """The condition in words.

        Returns
        -------
        str
            For example ``"≥ 9 h/week"``.
        """
        return f"≥ {num(self.at_least)} h/week"


@contract("quantity_out_of_range", "quantity_not_whole")
class DailyHours(JsonModel):
    """At least so many hours a day on at least so many days a week (inclusive).

    ``hours_at_least=0`` counts every day attended.

    Examples
    --------
    >>> DailyHours(hours_at_least=2, days_at_least=3).describe()
    '≥ 2 h/day on ≥ 3 days/week'
    >>> DailyHours(hours_at_least=0, days_at_least=3).describe()
    '≥ 3 days/week'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["daily_hours"] = "daily_hours"
    hours_at_least: _DailyFloor
    days_at_least: DaysPerWeek

    def describe(self) -> str:
        """The condition in words.

        Returns
        -------
        str
            For example ``"≥ 2 h/day on ≥ 3 days/week"``.
        """
        if self.hours_at_least == 0:
            return f"≥ {self.days_at_least} days/week"
        return f"≥ {num(self.hours_at_least)} h/day on ≥ {self.days_at_least} days/week"


#: One condition of a tier, told apart by its ``kind``.
def condition_kind(value: Any) -> str:
    """The condition's ``kind``: its tag, or (untagged) told from its fields."""
    if isinstance(value, WeeklyHours | DailyHours):
        return value.kind
    if isinstance(value, dict):
        tag = value.get("kind")
        if isinstance(tag, str):
            return tag
        return (
            "daily_hours" if {"hours_at_least", "days_at_least"} & set(value) else ("weekly_hours")
        )
    return "weekly_hours"


Condition = Annotated[
    Annotated[WeeklyHours, Tag("weekly_hours")] | Annotated[DailyHours, Tag("daily_hours")],
    Discriminator(condition_kind),
]


@contract("quantity_out_of_range")
class Tier(JsonModel):
    """A level and the conditions a schedule must all meet to reach it.

    Examples
    --------
    >>> Tier(level="intensive_outpatient", conditions=[{"kind": "weekly_hours", "at_least": 9}],
    ...      sources=["ASAM3"])
    Tier('intensive_outpatient': ≥ 9 h/week)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: ContinuumLevelCode
    conditions: Annotated[tuple[Condition, ...], NonEmpty()]
    sources: tuple[_SourceId, ...] = ()
    firmness: Firmness = Firmness.PRIMARY
    note: str = ""

    @property
    def verified(self) -> bool:
        """False when the sources mark this threshold unverified."""
        return self.firmness is not Firmness.UNVERIFIED

    def describe(self) -> str:
        """The conditions in words, joined by "and".

        Returns
        -------
        str
            For example ``"≥ 9 h/week"``.
        """
        return " and ".join(c.describe() for c in self.conditions)

    def __repr__(self) -> str:
        return f"Tier({self.level!r}: {self.describe()})"


@contract("rule_set_levels")
class RuleSet(JsonModel):
    """A published (or your own) rule for the level a schedule's hours reach.

    Parameters
    ----------
    id:
        Short identifier, e.g. ``"asam3-adult"``.
    name:
        Display name, e.g. ``"ASAM 3rd ed. (adult)"``.
    population:
        Whom the rule applies to.
    tiers:
        Ambulatory levels of the default continuum, least intensive first,
        each with its conditions.
    below:
        The level of a schedule that meets no tier, or ``None`` when the rule
        set defines none there (then ``below_note`` says so).
    twenty_four_hour:
        Whether the rule set covers 24-hour settings; those are classified by
        setting (residential, or inpatient acute for a hospital), not hours.

    Examples
    --------
    A state's own rule, written as data and registered:

    >>> import carecontinuum as cc
    >>> state = cc.RuleSet(
    ...     id="example-state", name="Example State IOP rule", population="adults",
    ...     tiers=[{"level": "intensive_outpatient", "conditions": [
    ...         {"kind": "weekly_hours", "at_least": 9},
    ...         {"kind": "daily_hours", "hours_at_least": 0, "days_at_least": 3}]}],
    ...     below="outpatient")
    >>> state
    RuleSet('example-state': outpatient < intensive_outpatient ≥ 9 h/week and ≥ 3 days/week)
    >>> cc.classify(cc.Schedule(hours_per_day=4.5, days_per_week=2), rules=state).level.code
    'outpatient'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=64)
    name: str = Field(min_length=1)
    population: str = Field(min_length=1)
    tiers: Annotated[tuple[Tier, ...], NonEmpty()]
    below: ContinuumLevelCode | None = None
    below_note: str = ""
    twenty_four_hour: bool = True
    aliases: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[_SourceId, ...] = ()
    note: str = ""

    @model_validator(mode="after")
    def _levels_are_ordered_ambulatory_levels(self) -> RuleSet:
        levels = [t.level for t in self.tiers]
        if self.below is not None:
            levels.insert(0, self.below)
        ranks = []
        for code in levels:
            if code not in DEFAULT_CONTINUUM.codes:
                raise rule(
                    "rule_set_levels",
                    f"rule set {self.id!r}: {code!r} is not a level code of the default "
                    f"continuum ({', '.join(DEFAULT_CONTINUUM.codes)})",
                )
            lv = DEFAULT_CONTINUUM.level(code)
            if lv.setting is not Setting.AMBULATORY:
                raise rule(
                    "rule_set_levels",
                    f"rule set {self.id!r}: {code!r} is a 24-hour level; hours decide only "
                    "among ambulatory levels (24-hour settings are classified by setting)",
                )
            ranks.append(lv.rank)
        if any(b <= a for a, b in itertools.pairwise(ranks)):
            raise rule(
                "rule_set_levels",
                f"rule set {self.id!r}: levels must rise in intensity, below level first "
                f"(got {', '.join(levels)})",
            )
        return self

    # -- queries --------------------------------------------------------------------------
    def tier(self, level: str | CareLevel) -> Tier:
        """The tier for *level* (code, alias or level object).

        Parameters
        ----------
        level:
            A level's code or alias, or a :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        Tier
            The tier whose level it is.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the rule set has no tier for that level.
        """
        from ..errors import UnknownLevelError

        code = DEFAULT_CONTINUUM.level(level).code
        for t in self.tiers:
            if t.level == code:
                return t
        raise UnknownLevelError(
            f"level with a tier in rule set {self.id!r}", code, known=self.levels
        )

    @property
    def levels(self) -> tuple[str, ...]:
        """Codes of the ambulatory levels this rule set defines, least intensive first."""
        below = () if self.below is None else (self.below,)
        return below + tuple(t.level for t in self.tiers)

    @property
    def compiled(self) -> CompiledRuleSet:
        """The rule set prepared for fast, exact classification (computed once per object)."""
        found = _COMPILED.get(id(self))
        if found is not None and found[0] is self:
            return found[1]
        return _compile(self)

    # -- display ---------------------------------------------------------------------------
    def __repr__(self) -> str:
        parts = [] if self.below is None else [f"{self.below} <"]
        parts += [f"{t.level} {t.describe()}" for t in self.tiers]
        return f"RuleSet({self.id!r}: {' '.join(parts)})"

    def __str__(self) -> str:
        return self.name

    def _display_(self) -> Display:
        rows: list[list[object]] = []
        if self.below is not None:
            rows.append([self.below, "below every tier", "", ""])
        rows.extend([t.level, t.describe(), t.sources, t.firmness.value] for t in self.tiers)
        table = Table(["level", "conditions", "sources", "firmness"], rows)
        return Display(f"{self.name} — {self.population}", (), [table], self.description)

    def _repr_html_(self) -> str:
        return render_html(self._display_())


# The compiled forms, keyed by identity.  The cache lives beside the rule sets
# rather than on them, so a rule set's equality, pickling and ``model_copy``
# never see it; each entry holds its rule set, so an id is never reused while
# its entry lives.
_COMPILED: dict[int, tuple[RuleSet, CompiledRuleSet]] = {}
_COMPILED_LIMIT = 256


def _compile(rule_set: RuleSet) -> CompiledRuleSet:
    made = compile_tiers(
        [
            (
                t.level,
                [
                    (False, c.at_least, 0)
                    if isinstance(c, WeeklyHours)
                    else (True, c.hours_at_least, c.days_at_least)
                    for c in t.conditions
                ],
            )
            for t in rule_set.tiers
        ],
        rule_set.below,
    )
    if len(_COMPILED) >= _COMPILED_LIMIT:
        _COMPILED.clear()
    _COMPILED[id(rule_set)] = (rule_set, made)
    return made
