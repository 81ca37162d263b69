"""Matching programs to a person's needs: filter, then rank."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..levels import ContinuumLevelCode
from ..modalities import AnyModality
from ._codes import PaymentField, SpecialGroupField
from ._program import Program

__all__ = ["Needs", "ProgramMatch", "assess_program", "match_programs"]


class Needs(BaseModel):
    """What a person needs from a program; every field is optional.

    * ``level``: the level of care (code or alias);
    * ``payment``: ways the person can pay — a program must accept at least one;
    * ``age``: the person's age in years;
    * ``language``: a language the person needs sessions in;
    * ``modalities``: modalities wanted — a program must offer at least one;
      more of them rank higher;
    * ``special_groups``: groups the program must offer services for.

    Examples
    --------
    >>> Needs(level="IOP", payment=["Medicaid"], age=34).level
    'intensive_outpatient'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: ContinuumLevelCode | None = None
    payment: tuple[PaymentField, ...] = ()
    age: int | None = Field(default=None, ge=0, le=130)
    language: str | None = None
    modalities: tuple[AnyModality, ...] = ()
    special_groups: tuple[SpecialGroupField, ...] = ()


_LANGUAGE_CODE = re.compile(r"^[A-Z]{1,2}\d{0,3}-")  # the locator's "SP-", "F4-", "N23-"


def _language_key(language: str) -> str:
    """``"SP-Spanish"`` (a locator code) and ``"spanish"`` compare equal."""
    return _LANGUAGE_CODE.sub("", language.strip()).casefold()


class ProgramMatch:
    """How one program measures against a person's needs.

    ``met`` lists the needs the program meets, ``unknown`` those it does not
    say anything about, ``excluded_by`` the reasons it does not fit (empty
    for a match).  Matches rank by fewest unknowns, then most wanted
    modalities offered, then name.
    """

    __slots__ = ("excluded_by", "met", "modalities_offered", "program", "unknown")

    def __init__(
        self,
        program: Program,
        met: tuple[str, ...],
        unknown: tuple[str, ...],
        excluded_by: tuple[str, ...],
        modalities_offered: tuple[str, ...],
    ) -> None:
        self.program = program
        self.met = met
        self.unknown = unknown
        self.excluded_by = excluded_by
        self.modalities_offered = modalities_offered

    @property
    def matches(self) -> bool:
        """True when nothing excludes the program."""
        return not self.excluded_by

    def sort_key(self) -> tuple[bool, int, int, str]:
        """Rank: matches first, fewest unknowns, most modalities offered, then name."""
        return (
            len(self.excluded_by) > 0,
            len(self.unknown),
            -len(self.modalities_offered),
            self.program.name.casefold(),
        )

    def __repr__(self) -> str:
        if self.excluded_by:
            return f"ProgramMatch({self.program.name!r}, excluded: {'; '.join(self.excluded_by)})"
        unknown = f", unknown: {', '.join(self.unknown)}" if self.unknown else ""
        return f"ProgramMatch({self.program.name!r}, met: {', '.join(self.met) or '—'}{unknown})"


def assess_program(program: Program, needs: Needs) -> ProgramMatch:
    """Measure *program* against *needs*, criterion by criterion."""
    if not isinstance(program, Program):
        raise TypeError(f"expected a Program, got {type(program).__name__} {program!r:.80}")
    if not isinstance(needs, Needs):
        raise TypeError(f"expected Needs, got {type(needs).__name__} {needs!r:.80}")
    met: list[str] = []
    unknown: list[str] = []
    excluded: list[str] = []

    def judge(criterion: str, verdict: bool | None, why: str) -> None:
        if verdict is None:
            unknown.append(criterion)
        elif verdict:
            met.append(criterion)
        else:
            excluded.append(why)

    if needs.level is not None:
        judge("level", program.level == needs.level, f"offers {program.level}, not {needs.level}")
    if needs.payment:
        accepted = set(program.payment)
        judge(
            "payment",
            bool(accepted & set(needs.payment)) if accepted else None,
            "accepts none of " + ", ".join(p.value for p in needs.payment),
        )
    if needs.age is not None:
        judge("age", _age_fits(program, needs.age), f"does not serve age {needs.age}")
    if needs.language is not None:
        wanted = _language_key(needs.language)
        offered = {_language_key(lang) for lang in program.languages}
        judge(
            "language",
            wanted in offered if offered else None,
            f"does not offer sessions in {needs.language}",
        )
    offered_modalities: tuple[str, ...] = ()
    if needs.modalities:
        have = {m.code for m in program.all_modalities}
        offered_modalities = tuple(m.code for m in needs.modalities if m.code in have)
        judge(
            "modalities",
            bool(offered_modalities) if have else None,
            "offers none of " + ", ".join(m.code for m in needs.modalities),
        )
    if needs.special_groups:
        served = set(program.special_groups)
        missing = [g for g in needs.special_groups if g not in served]
        judge(
            "special groups",
            not missing if served else None,
            "no services for " + ", ".join(g.label for g in missing),
        )
    return ProgramMatch(program, tuple(met), tuple(unknown), tuple(excluded), offered_modalities)


def _age_fits(program: Program, age: int) -> bool | None:
    if program.ages is not None:
        return age in program.ages
    if program.age_groups:
        from ._ages import ADULT_AGE
        from ._codes import AgeGroup

        group = AgeGroup.ADULTS if age >= ADULT_AGE else AgeGroup.YOUTH
        return group in program.age_groups
    return None


def match_programs(
    programs: Iterable[Program], needs: Needs | None = None, **criteria: Any
) -> list[ProgramMatch]:
    """Programs that fit *needs*, best first.

    Give a :class:`Needs` or its fields as keywords.  A program is left out
    when what it states contradicts a need; where it says nothing about a
    need it stays in, ranked below programs that state they meet it.  Pass
    the programs through :func:`assess_program` to see why one was left out.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> week = cc.Schedule(hours_per_day=3, days_per_week=3)
    >>> programs = [
    ...     cc.Program(name="A", level="IOP", schedule=week, payment=["MD"], languages=["Spanish"]),
    ...     cc.Program(name="B", level="IOP", schedule=week, payment=["PI"]),
    ...     cc.Program(name="C", level="IOP", schedule=week, payment=["MD"]),
    ... ]
    >>> [m.program.name for m in cc.match_programs(programs, level="IOP", payment=["Medicaid"],
    ...                                            language="SP-Spanish")]
    ['A', 'C']
    """
    if needs is None:
        needs = Needs(**criteria)
    elif criteria:
        needs = Needs(**{**needs.model_dump(), **criteria})
    assessed = [assess_program(p, needs) for p in programs]
    return sorted((a for a in assessed if a.matches), key=ProgramMatch.sort_key)
