"""Does a program's stated level match what its schedule classifies to?"""

from __future__ import annotations

from typing import Literal

from .._display import Display, render_html
from ..intensity import Classification, RuleSet, classify, rule_set
from ..intensity._classify import level_words
from ._record import ProgramRecord

__all__ = ["LevelCheck", "check_level"]

Status = Literal["consistent", "mismatch", "undetermined"]


class LevelCheck:
    """The result of comparing a program's stated level with its schedule's.

    ``status`` is ``"consistent"``, ``"mismatch"``, or ``"undetermined"`` when
    the rule set defines no level for the schedule, or the program states no
    schedule (``classification`` is then ``None``).

    Examples
    --------
    >>> import carecontinuum as cc
    >>> php = cc.Program(name="Lite PHP", level="PHP",
    ...                  schedule=cc.Schedule(hours_per_day=3, days_per_week=4))
    >>> check = php.check_level()
    >>> check
    LevelCheck('Lite PHP': mismatch)
    >>> print(check.message)  # doctest: +NORMALIZE_WHITESPACE
    'Lite PHP' says partial hospitalization, but its schedule classifies as intensive
    outpatient: 12 h/week ≥ 9 h/week: intensive outpatient under ASAM 3rd ed. (adult)
    >>> listed = cc.Program(name="Listed IOP", level="IOP").check_level()
    >>> listed.status, listed.classification is None
    ('undetermined', True)
    >>> print(listed.message)
    'Listed IOP' says intensive outpatient; it states no schedule to check that against
    """

    __slots__ = ("classification", "program")

    def __init__(self, program: ProgramRecord, classification: Classification | None) -> None:
        self.program = program
        self.classification = classification

    @property
    def status(self) -> Status:
        """``consistent``, ``mismatch`` or ``undetermined``."""
        if self.classification is None:
            return "undetermined"
        found = self.classification.level
        if found is None:
            return "undetermined"
        return "consistent" if found.code == self.program.level else "mismatch"

    @property
    def consistent(self) -> bool:
        """True when the schedule classifies to the stated level."""
        return self.status == "consistent"

    @property
    def mismatch(self) -> bool:
        """True when the schedule classifies to another level."""
        return self.status == "mismatch"

    @property
    def message(self) -> str:
        """What was found, in a sentence."""
        stated = level_words(self.program.care_level)
        found = self.classification
        name = repr(self.program.name)
        if found is None:
            return f"{name} says {stated}; it states no schedule to check that against"
        if self.status == "consistent":
            return f"{name} says {stated}, and its schedule agrees: {found.reason}"
        if self.status == "undetermined":
            return f"{name} says {stated}; the rule set cannot tell: {found.reason}"
        return (
            f"{name} says {stated}, but its schedule classifies as "
            f"{level_words(found.level)}: {found.reason}"
        )

    def __repr__(self) -> str:
        return f"LevelCheck({self.program.name!r}: {self.status})"

    def __str__(self) -> str:
        return self.message

    def _display_(self) -> Display:
        found = self.classification.level if self.classification is not None else None
        reason = (
            self.classification.reason
            if self.classification is not None
            else "the program states no schedule"
        )
        return Display(
            f"Level check: {self.program.name}",
            [
                ("status", self.status),
                ("stated", self.program.care_level.name),
                ("schedule", found.name if found is not None else None),
                ("reason", reason),
            ],
        )

    def _repr_html_(self) -> str:
        return render_html(self._display_())


def check_level(program: ProgramRecord, rules: str | RuleSet = "asam3-adult") -> LevelCheck:
    """Compare *program*'s stated level with what its schedule classifies to under *rules*.

    Parameters
    ----------
    program:
        A :class:`~carecontinuum.Program`.
    rules:
        The rule set (id, name or alias, or a :class:`~carecontinuum.RuleSet`).

    Returns
    -------
    LevelCheck
        Consistent, mismatch or undetermined, with the classification behind it
        (``None`` for a program without a schedule: undetermined).

    Raises
    ------
    carecontinuum.errors.UnknownRuleSetError
        For an unknown rule-set id.
    TypeError
        When *program* is not a program.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> week = cc.Schedule(hours_per_day=3, days_per_week=3)
    >>> check_level(cc.Program(name="Evening IOP", level="IOP", schedule=week)).status
    'consistent'
    """
    if not isinstance(program, ProgramRecord):
        raise TypeError(
            f"check_level() takes a Program, got {type(program).__name__} {program!r:.80}"
        )
    if program.schedule is None:
        rule_set(rules)  # an unknown rule set is an error with or without a schedule
        return LevelCheck(program, None)
    return LevelCheck(program, classify(program.schedule, rules))
