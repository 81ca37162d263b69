"""Matching programs to a person's needs: filter, then rank (by distance, when asked)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .._checks import as_tuple
from .._text import echo
from ._geo import DistanceUnit
from ._needs import Needs
from ._program import Program

__all__ = ["ProgramMatch", "assess_program", "match_programs"]


_LANGUAGE_CODE = re.compile(r"^[A-Z]{1,2}\d{0,3}-")  # the locator's "SP-", "F4-", "N23-"


def _language_key(language: str) -> str:
    """``"SP-Spanish"`` (a locator code) and ``"spanish"`` compare equal."""
    return _LANGUAGE_CODE.sub("", language.strip()).casefold()


class ProgramMatch:
    """How one program measures against a person's needs.

    ``met`` lists the needs the program meets, ``unknown`` those it does not
    say anything about, ``excluded_by`` the reasons it does not fit (empty
    for a match).  ``distance`` is the facility's distance from ``near`` in
    ``distance_unit`` (``None`` when no point was given or the program has no
    coordinates).  Matches rank by fewest unknowns, then most wanted
    modalities offered, then name; with a point, nearest first.
    """

    __slots__ = (
        "distance",
        "distance_unit",
        "excluded_by",
        "met",
        "modalities_offered",
        "program",
        "ranked_by_distance",
        "unknown",
    )

    def __init__(
        self,
        program: Program,
        met: tuple[str, ...],
        unknown: tuple[str, ...],
        excluded_by: tuple[str, ...],
        modalities_offered: tuple[str, ...],
        *,
        distance: float | None = None,
        distance_unit: DistanceUnit = DistanceUnit.KM,
        ranked_by_distance: bool = False,
    ) -> None:
        self.program = program
        self.met = met
        self.unknown = unknown
        self.excluded_by = excluded_by
        self.modalities_offered = modalities_offered
        self.distance = distance
        self.distance_unit = distance_unit
        self.ranked_by_distance = ranked_by_distance

    @property
    def matches(self) -> bool:
        """True when nothing excludes the program."""
        return not self.excluded_by

    def sort_key(self) -> tuple[bool, bool, float, int, int, str]:
        """Rank: matches first; nearest first (when ranking by distance, unknown last);
        then fewest unknowns, most modalities offered, and name.

        Returns
        -------
        tuple[bool, bool, float, int, int, str]
            A key for :func:`sorted`: smaller ranks first.
        """
        far = self.ranked_by_distance and self.distance is None
        return (
            len(self.excluded_by) > 0,
            far,
            self.distance if self.ranked_by_distance and self.distance is not None else 0.0,
            len(self.unknown),
            -len(self.modalities_offered),
            self.program.name.casefold(),
        )

    def __repr__(self) -> str:
        where = (
            f", {self.distance:.1f} {self.distance_unit.value}" if self.distance is not None else ""
        )
        if self.excluded_by:
            return (
                f"ProgramMatch({self.program.name!r}{where}, excluded: "
                f"{'; '.join(self.excluded_by)})"
            )
        unknown = f", unknown: {', '.join(self.unknown)}" if self.unknown else ""
        return (
            f"ProgramMatch({self.program.name!r}{where}, met: {', '.join(self.met) or '—'}"
            f"{unknown})"
        )


def assess_program(program: Program, needs: Needs) -> ProgramMatch:
    """Measure *program* against *needs*, criterion by criterion.

    Parameters
    ----------
    program:
        A :class:`~carecontinuum.Program`.
    needs:
        The person's :class:`Needs`.

    Returns
    -------
    ProgramMatch
        What the program meets, what it does not say, what excludes it, and its
        distance when *needs* gives a point.

    Raises
    ------
    TypeError
        When *program* is not a Program or *needs* not Needs.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> verdict = assess_program(cc.Program(name="P", level="PHP", payment=["MD"]),
    ...                          Needs(level="IOP", payment=["MD"]))
    >>> verdict.matches, verdict.excluded_by
    (False, ('offers partial_hospitalization, not intensive_outpatient',))
    """
    if not isinstance(program, Program):
        raise TypeError(f"expected a Program, got {type(program).__name__} {program!r:.80}")
    if not isinstance(needs, Needs):
        raise TypeError(f"expected Needs, got {type(needs).__name__} {needs!r:.80}")
    distance = _distance(program, needs)
    return _assess(program, needs, distance)


def _distance(program: Program, needs: Needs) -> float | None:
    if needs.near is None or program.facility is None:
        return None
    return program.facility.distance_to(needs.near, needs.distance_unit)


def _assess(program: Program, needs: Needs, distance: float | None) -> ProgramMatch:
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
    if needs.languages:
        wanted = {_language_key(lang) for lang in needs.languages}
        offered = {_language_key(lang) for lang in program.languages}
        judge(
            "languages",
            bool(wanted & offered) if offered else None,
            "does not offer sessions in " + " or ".join(needs.languages),
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
    if needs.near is not None:
        unit = needs.distance_unit.value
        if needs.max_distance is None:
            if distance is None:
                unknown.append("distance")
        else:
            judge(
                "distance",
                None if distance is None else distance <= needs.max_distance,
                f"is {distance or 0:.1f} {unit} away, beyond {needs.max_distance:g} {unit}",
            )
    return ProgramMatch(
        program,
        tuple(met),
        tuple(unknown),
        tuple(excluded),
        offered_modalities,
        distance=distance,
        distance_unit=needs.distance_unit,
        ranked_by_distance=needs.near is not None,
    )


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
    need it stays in, ranked below programs that state they meet it.  With
    ``near=(latitude, longitude)`` the matches are ranked by the distance of
    their facility, nearest first (programs without coordinates last), and
    ``max_distance`` leaves out those farther away.  Pass the programs
    through :func:`assess_program` to see why one was left out.

    Parameters
    ----------
    programs:
        Programs: a list, or a :class:`~carecontinuum.locator.Listing` read
        from a treatment directory.
    needs:
        The person's :class:`Needs`.
    **criteria:
        :class:`Needs` fields, given as keywords (added to *needs*, or replacing
        its fields).

    Returns
    -------
    list of ProgramMatch
        The programs that fit, best first.

    Raises
    ------
    pydantic.ValidationError
        For criteria that are not valid needs.
    TypeError
        When *programs* is not a collection of programs.

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
    ...                                            languages=["SP-Spanish"])]
    ['A', 'C']
    """
    if needs is None:
        needs = Needs(**criteria)
    elif criteria:
        if not isinstance(needs, Needs):
            raise TypeError(f"expected Needs, got {type(needs).__name__} {needs!r:.80}")
        needs = Needs(**{**dict(needs), **criteria})
    elif not isinstance(needs, Needs):
        raise TypeError(f"expected Needs, got {type(needs).__name__} {needs!r:.80}")
    items: tuple[object, ...] = as_tuple(programs, "programs")
    distances: dict[int, float | None] = {}  # the programs of one facility share it
    assessed = []
    for program in items:
        if not isinstance(program, Program):
            raise TypeError(
                f"expected a Program in programs, got {type(program).__name__} {echo(program)}"
            )
        facility = program.facility
        if needs.near is None or facility is None:
            distance = None
        else:
            key = id(facility)
            if key not in distances:
                distances[key] = facility.distance_to(needs.near, needs.distance_unit)
            distance = distances[key]
        assessed.append(_assess(program, needs, distance))
    return sorted((a for a in assessed if a.matches), key=ProgramMatch.sort_key)
