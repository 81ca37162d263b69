"""Weekly compliance: which weeks of an episode fall below a rule's weekly floor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import ConfigDict

from .._contract import contract
from .._display import Display, num, render_html
from .._json_model import JsonModel
from .._nonempty import NonEmpty
from ..levels import CareLevel, ContinuumLevelCode
from ..units import HoursPerWeek
from ._engine import edge
from ._errors import IntensityInputError
from ._registry import rule_set as _rule_set
from ._rules import RuleSet, WeeklyHours

__all__ = ["WeeklyCompliance", "weekly_compliance"]


@contract("quantity_out_of_range")
class WeeklyCompliance(JsonModel):
    """Hours attended week by week, checked against a level's weekly floor.

    Weeks are numbered from 1.  The comparison is exact, like classification.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> report = cc.weekly_compliance([22, 18.5, 20, "1170 min"])
    >>> report
    WeeklyCompliance(medicare partial_hospitalization ≥ 20 h/week: weeks 2, 4 of 4 below)
    >>> report.below, report.compliant
    ((2, 4), False)
    >>> report.shortfalls
    {2: 1.5, 4: 0.5}
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_set: str
    level: ContinuumLevelCode
    floor: HoursPerWeek
    hours: Annotated[tuple[HoursPerWeek, ...], NonEmpty()]
    sources: tuple[str, ...] = ()

    @property
    def below(self) -> tuple[int, ...]:
        """Numbers (from 1) of the weeks under the floor."""
        e = edge(self.floor)
        return tuple(i for i, h in enumerate(self.hours, start=1) if not h >= e)

    @property
    def compliant(self) -> bool:
        """True when no week falls below the floor."""
        return not self.below

    @property
    def shortfalls(self) -> dict[int, float]:
        """Week number → hours missing to reach the floor, for the weeks below it."""
        return {week: self.floor - self.hours[week - 1] for week in self.below}

    def __repr__(self) -> str:
        below = self.below
        weeks = "no week" if not below else "weeks " + ", ".join(map(str, below))
        if len(below) == 1:
            weeks = f"week {below[0]}"
        return (
            f"WeeklyCompliance({self.rule_set} {self.level} ≥ {num(self.floor)} h/week: "
            f"{weeks} of {len(self.hours)} below)"
        )

    def __str__(self) -> str:
        return repr(self)

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            (f"week {i}", f"{num(h)} h" + (" — below the floor" if i in self.below else ""))
            for i, h in enumerate(self.hours, start=1)
        ]
        caption = f"{self.level} under {self.rule_set}: ≥ {num(self.floor)} h/week"
        return Display(caption, [*rows, ("sources", self.sources or "(no sources)")])

    def _repr_html_(self) -> str:
        return render_html(self._display_())


def weekly_compliance(
    hours_by_week: Iterable[Any],
    level: str | CareLevel = "partial_hospitalization",
    rules: str | RuleSet = "medicare",
) -> WeeklyCompliance:
    """Check the hours attended in each week against a level's weekly floor.

    The default is Medicare partial hospitalization: at least 20 hours of
    therapeutic services a week [CFR-PHP].  Hours per week are unit-aware
    (``20``, ``"1170 min"``, a pint quantity).

    Parameters
    ----------
    hours_by_week:
        The hours attended in each week, in order: numbers (hours), text such as
        ``"1170 min"`` or pint quantities.
    level:
        The level whose weekly floor applies: a code, alias or
        :class:`~carecontinuum.CareLevel`.
    rules:
        The rule set that sets the floor: an id, name or alias, or a
        :class:`~carecontinuum.RuleSet`.

    Returns
    -------
    WeeklyCompliance
        The floor, the hours of each week and the weeks below the floor.

    Raises
    ------
    carecontinuum.UnknownLevelError
        When the rule set has no tier for *level*.
    carecontinuum.intensity.IntensityInputError
        When the level's tier is not a weekly-hours floor (TEDS counts hours
        per day, which weekly totals cannot show).
    pydantic.ValidationError
        For a week's hours that are negative, not finite, or not a duration.
    carecontinuum.UnknownRuleSetError
        For an unknown rule-set id, with suggestions.
    """
    rs = _rule_set(rules)
    tier = rs.tier(level)
    floors = [c.at_least for c in tier.conditions if isinstance(c, WeeklyHours)]
    if len(floors) != len(tier.conditions):
        raise IntensityInputError(
            f"the {tier.level} tier of rule set {rs.id!r} ({tier.describe()}) is not only a "
            "weekly-hours floor; weekly totals cannot show compliance with it",
            field="rules",
        )
    return WeeklyCompliance(
        rule_set=rs.id,
        level=tier.level,
        floor=max(floors),
        hours=tuple(hours_by_week),
        sources=tier.sources,
    )
