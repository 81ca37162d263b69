"""The built-in rule sets, each with its sources and population.

Every threshold comes from the project's domain notes, table "Intensity
thresholds — several rule sets", with the firmness given there.
"""

from __future__ import annotations

from ._rules import DailyHours, Firmness, RuleSet, Tier, WeeklyHours

__all__ = ["BUILTIN_RULE_SETS"]

_IOP = "intensive_outpatient"
_PHP = "partial_hospitalization"
_OP = "outpatient"
_ASAM_PHP_NOTE = "The PHP floor is quoted by secondary sources (SAMHSA, state glossaries)."


def _asam3(
    id_: str, name: str, population: str, iop_floor: float, aliases: tuple[str, ...]
) -> RuleSet:
    return RuleSet(
        id=id_,
        name=name,
        population=population,
        below=_OP,
        tiers=(
            Tier(level=_IOP, conditions=(WeeklyHours(at_least=iop_floor),), sources=("ASAM3",)),
            Tier(
                level=_PHP,
                conditions=(WeeklyHours(at_least=20),),
                sources=("ASAM3",),
                firmness=Firmness.SECONDARY,
                note=_ASAM_PHP_NOTE,
            ),
        ),
        twenty_four_hour=True,
        aliases=aliases,
        description=(
            f"ASAM Criteria 3rd edition, {population}: outpatient (level 1) below "
            f"{iop_floor:g} h/week, intensive outpatient (2.1) from {iop_floor:g}, partial "
            "hospitalization (2.5) from 20; residential and inpatient levels (3.x, 4) are "
            "24-hour settings."
        ),
        sources=("ASAM3",),
    )


ASAM3_ADULT = _asam3("asam3-adult", "ASAM 3rd ed. (adult)", "adults", 9, ("asam3", "asam adult"))
ASAM3_ADOLESCENT = _asam3(
    "asam3-adolescent", "ASAM 3rd ed. (adolescent)", "adolescents", 6, ("asam adolescent",)
)

MEDICARE = RuleSet(
    id="medicare",
    name="Medicare",
    population="Medicare beneficiaries",
    below=None,
    below_note="Medicare defines no level below its 9 h/week IOP floor",
    tiers=(
        Tier(
            level=_IOP,
            conditions=(WeeklyHours(at_least=9),),
            sources=("CMS-IOP",),
            note=(
                "IOP needs a certified need for at least 9 hours a week. The ≤ 19 h/week IOP "
                "ceiling often quoted is a convention that follows from PHP ≥ 20, not "
                "regulation text."
            ),
        ),
        Tier(
            level=_PHP,
            conditions=(WeeklyHours(at_least=20),),
            sources=("CFR-PHP",),
            note="A minimum of 20 hours per week of therapeutic services.",
        ),
    ),
    twenty_four_hour=False,
    aliases=("cms",),
    description=(
        "Medicare's intensive outpatient benefit (from 2024) and partial hospitalization. "
        "The rule covers these two ambulatory programs only."
    ),
    sources=("CMS-IOP", "CFR-PHP"),
)

TEDS = RuleSet(
    id="teds",
    name="TEDS",
    population="treatment admissions and discharges reported to TEDS",
    below=_OP,
    tiers=(
        Tier(
            level=_IOP,
            conditions=(DailyHours(hours_at_least=2, days_at_least=3),),
            sources=("TEDS",),
            note=(
                "TEDS service setting 6, ambulatory intensive outpatient; TEDS has no PHP code, "
                "so PHP-like care is reported as 6 too."
            ),
        ),
    ),
    twenty_four_hour=True,
    aliases=("teds services",),
    description=(
        "The TEDS definition of intensive outpatient (SERVICES 6): at least 2 hours a day on "
        "at least 3 days a week; anything less is non-intensive outpatient (SERVICES 7). "
        "TEDS has no partial-hospitalization code, so more intensive ambulatory schedules "
        "are still intensive outpatient."
    ),
    sources=("TEDS",),
)

HCPCS_H0015 = RuleSet(
    id="hcpcs-h0015",
    name="HCPCS H0015",
    population="alcohol and/or drug intensive outpatient programs billed under HCPCS H0015",
    below=None,
    below_note="H0015 describes only intensive outpatient programs of ≥ 3 h/day on ≥ 3 days/week",
    tiers=(
        Tier(
            level=_IOP,
            conditions=(DailyHours(hours_at_least=3, days_at_least=3),),
            sources=("HCPCS",),
            firmness=Firmness.CONSISTENT,
            note="A program operating at least 3 hours a day and at least 3 days a week.",
        ),
    ),
    twenty_four_hour=False,
    aliases=("h0015",),
    description=(
        "The HCPCS H0015 descriptor (alcohol and/or drug services; intensive outpatient). "
        "It defines no other level."
    ),
    sources=("HCPCS",),
)

BUILTIN_RULE_SETS: tuple[RuleSet, ...] = (
    ASAM3_ADULT,
    ASAM3_ADOLESCENT,
    MEDICARE,
    TEDS,
    HCPCS_H0015,
)
