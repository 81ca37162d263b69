"""``classify_all``: every rule set's verdict on one schedule, side by side."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator
from typing import overload

from .._display import Display, Table, num, render_html
from ..schedules import AnySchedule
from ._classify import Classification, classify, level_words
from ._registry import list_rule_sets
from ._registry import rule_set as _rule_set
from ._rules import RuleSet

__all__ = ["ClassificationTable", "classify_all", "describe_all"]

_ID_WIDTH = 17
_LEVEL_WIDTH = 24


class ClassificationTable:
    """Classifications of one schedule under several rule sets.

    Iterate it for :class:`Classification` objects, index it by position or
    rule-set id.  :attr:`levels` maps rule-set id → level code (``None`` where
    a rule set defines no level); :attr:`disagreements` groups the rule sets
    by the level they give, when they give different ones.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> table = cc.classify_all(cc.Schedule(hours_per_day=2.5, days_per_week=3))
    >>> table.levels["asam3-adult"], table.levels["teds"], table.levels["medicare"]
    ('outpatient', 'intensive_outpatient', None)
    >>> table.disagreements  # doctest: +NORMALIZE_WHITESPACE
    {'outpatient': ('asam3-adult',),
     'intensive_outpatient': ('asam3-adolescent', 'teds')}
    >>> table.undefined
    ('medicare', 'hcpcs-h0015')
    """

    __slots__ = ("classifications", "schedule")

    def __init__(self, schedule: AnySchedule, classifications: Iterable[Classification]) -> None:
        self.schedule = schedule
        self.classifications = tuple(classifications)

    def __iter__(self) -> Iterator[Classification]:
        return iter(self.classifications)

    def __len__(self) -> int:
        return len(self.classifications)

    @overload
    def __getitem__(self, key: int) -> Classification: ...
    @overload
    def __getitem__(self, key: str) -> Classification: ...
    def __getitem__(self, key: int | str) -> Classification:
        if isinstance(key, int):
            return self.classifications[key]
        wanted = _rule_set(key).id
        for c in self.classifications:
            if c.rule_set.id == wanted:
                return c
        from ..errors import UnknownRuleSetError

        raise UnknownRuleSetError(
            "rule set in this table", key, known=[c.rule_set.id for c in self.classifications]
        )

    @property
    def levels(self) -> dict[str, str | None]:
        """Rule-set id → level code (``None`` where the rule set defines no level)."""
        return {c.rule_set.id: c.level_code for c in self.classifications}

    @property
    def undefined(self) -> tuple[str, ...]:
        """Ids of the rule sets that define no level for this schedule."""
        return tuple(c.rule_set.id for c in self.classifications if c.level is None)

    @property
    def disagreements(self) -> dict[str, tuple[str, ...]]:
        """Level code → ids of the rule sets giving it, when two or more levels are given.

        Empty when every rule set that defines a level gives the same one.
        Rule sets that define no level are not counted as disagreeing (see
        :attr:`undefined`).
        """
        groups: dict[str, list[str]] = {}
        for c in sorted(
            (c for c in self.classifications if c.level is not None),
            key=lambda c: c.level.rank if c.level is not None else 0,
        ):
            assert c.level is not None
            groups.setdefault(c.level.code, []).append(c.rule_set.id)
        if len(groups) < 2:
            return {}
        return {code: tuple(ids) for code, ids in groups.items()}

    @property
    def agree(self) -> bool:
        """True when every rule set that defines a level gives the same one."""
        return not self.disagreements

    # -- display ----------------------------------------------------------------------------
    def _heading(self) -> str:
        return f"{self.schedule!r}"

    def to_text(self, width: int = 80) -> str:
        """A plain-text table that fits *width* columns (80 by default).

        Parameters
        ----------
        width:
            The width of the table, in characters; the basis column wraps to fit.

        Returns
        -------
        str
            The schedule, then one line (or more, wrapped) per rule set.
        """
        basis_width = max(20, width - _ID_WIDTH - _LEVEL_WIDTH - 2)
        lines = _wrap(self._heading(), width)
        lines.append(f"{'rule set':<{_ID_WIDTH}} {'level':<{_LEVEL_WIDTH}} basis [sources]")
        for c in self.classifications:
            basis = f"{c.basis} [{', '.join(c.sources)}]"
            if c.level is None:
                basis = f"{basis}; no level defined"
            chunks = _wrap(basis, basis_width)
            level = level_words(c.level) if c.level is not None else "—"
            lines.append(f"{c.rule_set.id:<{_ID_WIDTH}} {level:<{_LEVEL_WIDTH}} {chunks[0]}")
            pad = " " * (_ID_WIDTH + _LEVEL_WIDTH + 2)
            lines.extend(pad + chunk for chunk in chunks[1:])
        if self.disagreements:
            summary = "; ".join(
                f"{level_words_code(code)}: {', '.join(ids)}"
                for code, ids in self.disagreements.items()
            )
            lines.extend(_wrap(f"The rule sets disagree — {summary}.", width))
        return "\n".join(lines)

    def __repr__(self) -> str:
        rows = ", ".join(f"{rid}={code}" for rid, code in self.levels.items())
        return f"ClassificationTable({num(self.schedule.weekly_hours)} h/week: {rows})"

    def __str__(self) -> str:
        return self.to_text()

    def _display_(self) -> Display:
        table = Table(
            ["rule set", "population", "level", "reason", "sources"],
            [
                [
                    c.rule_set.id,
                    c.rule_set.population,
                    c.level.name if c.level is not None else "—",
                    c.reason,
                    c.sources or "(no sources)",
                ]
                for c in self.classifications
            ],
        )
        return Display(self._heading(), (), [table])

    def _repr_html_(self) -> str:
        return render_html(self._display_())


_GLUE = re.compile(r"(≥|<|\d) (?=[\dh]|days)")


def _wrap(text: str, width: int) -> list[str]:
    """Wrap without splitting "≥ 2 h/day" or a hyphenated source id across lines."""
    glued = _GLUE.sub("\\1\u00a0", text)
    lines = textwrap.wrap(glued, width, break_on_hyphens=False) or [""]
    return [line.replace("\u00a0", " ") for line in lines]


def level_words_code(code: str) -> str:
    return code.replace("_", " ")


def classify_all(
    schedule: AnySchedule, rule_sets: Iterable[str | RuleSet] | None = None
) -> ClassificationTable:
    """Classify *schedule* under every registered rule set (or the ones given).

    Parameters
    ----------
    schedule:
        A :class:`~carecontinuum.Schedule` or :class:`~carecontinuum.WeeklySchedule`.
    rule_sets:
        Rule-set ids or :class:`~carecontinuum.RuleSet` objects; every registered
        rule set when ``None``.

    Returns
    -------
    ClassificationTable
        One :class:`~carecontinuum.Classification` per rule set, in order.

    Raises
    ------
    carecontinuum.UnknownRuleSetError
        For an unknown rule-set id, with suggestions.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> table = cc.classify_all(cc.Schedule(hours_per_day=5, days_per_week=5))
    >>> table
    ClassificationTable(25 h/week: asam3-adult=partial_hospitalization, \
asam3-adolescent=partial_hospitalization, medicare=partial_hospitalization, \
teds=intensive_outpatient, hcpcs-h0015=intensive_outpatient)
    """
    chosen = list_rule_sets() if rule_sets is None else tuple(_rule_set(r) for r in rule_sets)
    return ClassificationTable(schedule, (classify(schedule, rs) for rs in chosen))


def describe_all(schedule: AnySchedule, width: int = 80) -> str:
    """Every rule set's verdict on *schedule* as a plain-text table of *width* columns.

    Parameters
    ----------
    schedule:
        A :class:`~carecontinuum.Schedule` or :class:`~carecontinuum.WeeklySchedule`.
    width:
        The width of the table, in characters; the basis column wraps to fit.

    Returns
    -------
    str
        The schedule, then one line (or more, wrapped) per registered rule set.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> print(describe_all(cc.Schedule(hours_per_day=3, days_per_week=3)))
    Schedule(3 h/day × 3 days/week = 9 h/week)
    rule set          level                    basis [sources]
    asam3-adult       intensive outpatient     9 h/week ≥ 9 h/week [ASAM3]
    asam3-adolescent  intensive outpatient     9 h/week ≥ 6 h/week [ASAM3]
    medicare          intensive outpatient     9 h/week ≥ 9 h/week [CMS-IOP]
    teds              intensive outpatient     3 h/day on 3 days/week meets ≥ 2 h/day
                                               on ≥ 3 days/week [TEDS]
    hcpcs-h0015       intensive outpatient     3 h/day on 3 days/week meets ≥ 3 h/day
                                               on ≥ 3 days/week [HCPCS]
    """
    return classify_all(schedule).to_text(width)
