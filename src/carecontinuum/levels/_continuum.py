"""The default continuum: the seed's five levels, least to most intensive [SEED].

Codes in other systems are marked ``exact=False`` wherever the other system's
category is broader or narrower than the level.
"""

from __future__ import annotations

from ..units import QuantityRange
from ._framework import Framework
from ._model import CareLevel, CodeSystem, ExternalCode, Management, Setting

__all__ = ["DEFAULT_CONTINUUM"]

_FRAMEWORK = "continuum"


def _code(
    system: CodeSystem, code: str, display: str, source: str, *, exact: bool = True, note: str = ""
) -> ExternalCode:
    return ExternalCode(
        system=system, code=code, display=display, exact=exact, note=note, sources=(source,)
    )


_AMB = _code(
    CodeSystem.FHIR_ENCOUNTER_CLASS,
    "AMB",
    "ambulatory",
    "FHIR",
    exact=False,
    note="covers every ambulatory encounter",
)
_LOCATOR_OP = _code(
    CodeSystem.LOCATOR,
    "OP",
    "Outpatient",
    "LOCATOR",
    exact=False,
    note="the locator's outpatient category, 'treatment at a program site while a patient "
    "lives on their own', is not split by intensity",
)

OUTPATIENT = CareLevel(
    code="outpatient",
    name="Outpatient",
    framework=_FRAMEWORK,
    rank=0,
    setting=Setting.AMBULATORY,
    aliases=(
        "OP",
        "outpatient treatment",
        "outpatient services",
        "outpatient therapy",
        "non-intensive outpatient",
    ),
    typical_sessions_per_week=QuantityRange(low=1, high=2, unit="session / week", approximate=True),
    typical_stay=QuantityRange(low=2, high=12, unit="month", approximate=True),
    description=(
        "Therapy at a therapist's office or program site while the person lives at home, "
        "usually once (maybe twice) a week [SEED]; usually lasts from about two months to "
        "one year [LOCATOR]."
    ),
    codes=(
        _code(CodeSystem.ASAM3, "1", "Outpatient Services", "ASAM3"),
        _code(
            CodeSystem.ASAM4,
            "1.5",
            "Outpatient Therapy",
            "ASAM4",
            exact=False,
            note="the 4th edition splits level 1 into 1.0, 1.5 and 1.7",
        ),
        _code(CodeSystem.TEDS_SERVICES, "7", "Ambulatory, non-intensive outpatient", "TEDS"),
        _LOCATOR_OP,
        _AMB,
    ),
    sources=("SEED", "LOCATOR", "ASAM3", "ASAM4", "TEDS", "FHIR"),
)

INTENSIVE_OUTPATIENT = CareLevel(
    code="intensive_outpatient",
    name="Intensive outpatient (IOP)",
    framework=_FRAMEWORK,
    rank=1,
    setting=Setting.AMBULATORY,
    aliases=(
        "IOP",
        "intensive outpatient program",
        "intensive outpatient treatment",
        "intensive outpatient services",
    ),
    typical_hours_per_day=QuantityRange(low=2, high=4, unit="hour / day"),
    typical_days_per_week=QuantityRange(low=3, high=5, unit="day / week"),
    typical_stay=QuantityRange(low=4, high=6, unit="week", approximate=True),
    description=(
        "Group and individual therapy 2–3 hours a day (elsewhere 3–4), 3–5 days a week, for "
        "about 4–6 weeks, often mornings or evenings so people can keep working [SEED]. "
        "Used as a step-up from outpatient and as a step-down from a higher level [SEED, TIP47]."
    ),
    codes=(
        _code(CodeSystem.ASAM3, "2.1", "Intensive Outpatient", "ASAM3"),
        _code(CodeSystem.ASAM4, "2.1", "Intensive Outpatient", "ASAM4"),
        _code(CodeSystem.TEDS_SERVICES, "6", "Ambulatory, intensive outpatient", "TEDS"),
        _code(
            CodeSystem.HCPCS,
            "H0015",
            "Alcohol and/or drug services; intensive outpatient",
            "HCPCS",
            exact=False,
            note="substance-use programs only",
        ),
        _code(
            CodeSystem.HCPCS,
            "S9480",
            "Intensive outpatient psychiatric services, per diem",
            "HCPCS",
            exact=False,
            note="psychiatric programs only",
        ),
        _code(
            CodeSystem.MEDICARE_CONDITION_CODE,
            "92",
            "Intensive outpatient program claim",
            "CMS-IOP",
        ),
        _LOCATOR_OP,
        _AMB,
    ),
    sources=("SEED", "TIP47", "ASAM3", "ASAM4", "TEDS", "HCPCS", "CMS-IOP", "LOCATOR", "FHIR"),
)

PARTIAL_HOSPITALIZATION = CareLevel(
    code="partial_hospitalization",
    name="Partial hospitalization (PHP)",
    framework=_FRAMEWORK,
    rank=2,
    setting=Setting.AMBULATORY,
    aliases=(
        "PHP",
        "partial hospitalization program",
        "partial hospital",
        "day treatment",
        "partial hospitalisation",
    ),
    typical_hours_per_day=QuantityRange(low=5, high=5, unit="hour / day", approximate=True),
    typical_days_per_week=QuantityRange(low=5, high=5, unit="day / week"),
    description=(
        "Group and individual therapy about 5 hours a day, 5 days a week [SEED]; a "
        "less-than-24-hour service [HCPCS] that the 4th ASAM edition calls high-intensity "
        "outpatient [ASAM4]. Minnesota requires LOCUS level 4 for adult partial "
        "hospitalization [LOCUS]. TEDS has no separate code for it [TEDS]; N-SSATS counts "
        "it together with day treatment [NSSATS]."
    ),
    codes=(
        _code(CodeSystem.ASAM3, "2.5", "Partial Hospitalization", "ASAM3"),
        _code(
            CodeSystem.ASAM4,
            "2.5",
            "High-Intensity Outpatient",
            "ASAM4",
            exact=False,
            note="the 4th edition replaces the partial-hospitalization name",
        ),
        _code(
            CodeSystem.HCPCS,
            "H0035",
            "Mental health partial hospitalization, less than 24 hours",
            "HCPCS",
            exact=False,
            note="mental-health programs only",
        ),
        _code(
            CodeSystem.HCPCS,
            "S0201",
            "Partial hospitalization services, less than 24 hours, per diem",
            "HCPCS",
        ),
        _code(CodeSystem.MEDICARE_CONDITION_CODE, "41", "Partial hospitalization claim", "CMS-IOP"),
        _code(
            CodeSystem.LOCUS,
            "4",
            "Medically Monitored Non-Residential Services",
            "LOCUS",
            exact=False,
            note="Minnesota requires LOCUS level 4 for adult partial hospitalization; the "
            "LOCUS level is a placement, not a program type",
        ),
        _LOCATOR_OP,
        _AMB,
    ),
    sources=(
        "SEED",
        "ASAM3",
        "ASAM4",
        "HCPCS",
        "CMS-IOP",
        "LOCUS",
        "LOCATOR",
        "TEDS",
        "FHIR",
        "NSSATS",
    ),
)

RESIDENTIAL = CareLevel(
    code="residential",
    name="Inpatient residential",
    framework=_FRAMEWORK,
    rank=3,
    setting=Setting.RESIDENTIAL,
    twenty_four_hour=True,
    aliases=(
        "inpatient residential",
        "residential treatment",
        "RES",
        "rehab/residential",
        "residential rehab",
    ),
    typical_stay=QuantityRange(low=1, high=12, unit="month", approximate=True),
    description=(
        "The person lives at the facility, usually for a month or more, and receives the same "
        "therapies as in IOP [SEED]; live-in care lasting one month to one year [LOCATOR]."
    ),
    codes=(
        _code(
            CodeSystem.ASAM3,
            "3.1",
            "Clinically Managed Low-Intensity Residential",
            "ASAM3",
            exact=False,
        ),
        _code(
            CodeSystem.ASAM3,
            "3.3",
            "Clinically Managed Population-Specific High-Intensity Residential",
            "ASAM3",
            exact=False,
        ),
        _code(
            CodeSystem.ASAM3,
            "3.5",
            "Clinically Managed High-Intensity Residential",
            "ASAM3",
            exact=False,
        ),
        _code(
            CodeSystem.ASAM3,
            "3.7",
            "Medically Monitored Intensive Inpatient",
            "ASAM3",
            exact=False,
            note="named inpatient, but in the residential band 3 of the numbering; the 4th "
            "edition calls its 3.7 residential",
        ),
        _code(
            CodeSystem.ASAM4,
            "3.1",
            "Clinically Managed Low-Intensity Residential",
            "ASAM4",
            exact=False,
        ),
        _code(
            CodeSystem.ASAM4,
            "3.5",
            "Clinically Managed High-Intensity Residential",
            "ASAM4",
            exact=False,
        ),
        _code(CodeSystem.ASAM4, "3.7", "Medically Managed Residential", "ASAM4", exact=False),
        _code(
            CodeSystem.TEDS_SERVICES,
            "2",
            "Detox, 24-hour, free-standing residential",
            "TEDS",
            exact=False,
            note="withdrawal management only",
        ),
        _code(
            CodeSystem.TEDS_SERVICES,
            "4",
            "Rehab/residential, short term (30 days or fewer)",
            "TEDS",
            exact=False,
        ),
        _code(
            CodeSystem.TEDS_SERVICES,
            "5",
            "Rehab/residential, long term (more than 30 days)",
            "TEDS",
            exact=False,
        ),
        _code(CodeSystem.LOCATOR, "RES", "Residential", "LOCATOR"),
        _code(
            CodeSystem.FHIR_ENCOUNTER_CLASS,
            "NONAC",
            "inpatient non-acute",
            "FHIR",
            exact=False,
            note="a reading: the v3 ActCode encounter classes have no residential class",
        ),
    ),
    sources=("SEED", "LOCATOR", "ASAM3", "ASAM4", "TEDS", "FHIR"),
)

INPATIENT_ACUTE = CareLevel(
    code="inpatient_acute",
    name="Inpatient acute",
    framework=_FRAMEWORK,
    rank=4,
    setting=Setting.HOSPITAL,
    twenty_four_hour=True,
    management=Management.MEDICALLY_MANAGED,
    note=(
        "medically managed is a reading: the ASAM level-4 names say 'Medically Managed' "
        "[ASAM3, ASAM4]; the seed does not name who directs care"
    ),
    aliases=(
        "acute inpatient",
        "inpatient",
        "inpatient hospital",
        "hospital inpatient",
        "HI",
        "psychiatric hospital",
        "acute psychiatric inpatient",
    ),
    description=(
        "Crisis care for a psychiatric emergency in a psychiatric hospital or the psychiatric "
        "ward of a general hospital [SEED]; 24/7 care connected to a hospital, lasting days or "
        "weeks [LOCATOR]."
    ),
    codes=(
        _code(CodeSystem.ASAM3, "4", "Medically Managed Intensive Inpatient", "ASAM3", exact=False),
        _code(CodeSystem.ASAM4, "4", "Medically Managed Inpatient", "ASAM4", exact=False),
        _code(
            CodeSystem.TEDS_SERVICES,
            "1",
            "Detox, 24-hour, hospital inpatient",
            "TEDS",
            exact=False,
            note="withdrawal management only",
        ),
        _code(
            CodeSystem.TEDS_SERVICES,
            "3",
            "Rehab/residential, hospital (non-detox)",
            "TEDS",
            exact=False,
            note="hospital rehabilitation, not necessarily crisis care",
        ),
        _code(CodeSystem.LOCATOR, "HI", "Hospital inpatient", "LOCATOR"),
        _code(CodeSystem.FHIR_ENCOUNTER_CLASS, "ACUTE", "inpatient acute", "FHIR"),
        _code(CodeSystem.FHIR_ENCOUNTER_CLASS, "IMP", "inpatient encounter", "FHIR", exact=False),
    ),
    sources=("SEED", "LOCATOR", "ASAM3", "ASAM4", "TEDS", "FHIR"),
)

#: The default continuum as a :class:`Framework`: the seed's five levels, least to most
#: intensive [SEED].  :func:`carecontinuum.default_continuum` returns it.
DEFAULT_CONTINUUM = Framework(
    code=_FRAMEWORK,
    name="Continuum of care",
    levels=(
        OUTPATIENT,
        INTENSIVE_OUTPATIENT,
        PARTIAL_HOSPITALIZATION,
        RESIDENTIAL,
        INPATIENT_ACUTE,
    ),
    description=(
        "The five levels of the seed text, from outpatient to inpatient acute care. Residential "
        "and inpatient levels are defined by their 24-hour setting; weekly hours decide only "
        "among the ambulatory levels."
    ),
    aliases=("default", "seed", "default continuum"),
    sources=("SEED",),
)
