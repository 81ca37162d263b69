"""The default continuum: the seed's five levels, least to most intensive [SEED].

Codes in other systems are marked ``exact=False`` wherever the other system's
category is broader or narrower than the level (see :mod:`._continuum_codes`,
which also lists the withdrawal-management codes that name no level).
"""

from __future__ import annotations

from .._sources import Firmness
from ..units import QuantityRange
from ._continuum_codes import FHIR_AMB, LOCATOR_OP, SET_OP, code, medicare_per_diem_tiers
from ._framework import Framework
from ._model import CareLevel, CodeSystem, Management, Setting

__all__ = ["DEFAULT_CONTINUUM"]

_FRAMEWORK = "continuum"


_C = CodeSystem
#: Sources every level's codes cite.
_CODES = ("ASAM3", "ASAM4", "TEDS", "TEDS-D-CB", "LOCATOR", "FHIR")

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
        "Therapy in a therapist's office, usually once (maybe twice) a week [SEED]; "
        "treatment at a program site while the person lives on their own, usually lasting "
        "from about two months to one year [LOCATOR]."
    ),
    codes=(
        code(_C.ASAM3, "1", "Outpatient Services"),
        code(
            _C.ASAM4,
            "1.5",
            "Outpatient Therapy",
            exact=False,
            note="the 4th edition splits level 1 into 1.0, 1.5 and 1.7",
        ),
        code(_C.TEDS_SERVICES, "7", "Ambulatory, non-intensive outpatient"),
        LOCATOR_OP,
        code(_C.LOCATOR_SETTING, "ORT", "Regular outpatient treatment"),
        SET_OP,
        code(
            _C.LOCATOR_SETTING,
            "OMB",
            "Outpatient methadone/buprenorphine or naltrexone",
            exact=False,
            note="outpatient medication treatment for opioid use disorder; the continuum does "
            "not separate it from other outpatient care",
        ),
        FHIR_AMB,
    ),
    sources=("SEED", *_CODES),
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
        "Used as a step-up from outpatient and as a step-down from inpatient acute or "
        "residential care [SEED, TIP47]."
    ),
    codes=(
        code(_C.ASAM3, "2.1", "Intensive Outpatient Services"),
        code(_C.ASAM4, "2.1", "Intensive Outpatient"),
        code(
            _C.TEDS_SERVICES,
            "6",
            "Ambulatory, intensive outpatient",
            exact=False,
            note="TEDS has no partial-hospitalization code, so PHP-like (day treatment) care "
            "is also reported as 6",
        ),
        code(
            _C.HCPCS,
            "H0015",
            "Alcohol and/or drug services; intensive outpatient",
            exact=False,
            note="substance-use programs only",
            firmness=Firmness.CONSISTENT,
        ),
        code(
            _C.HCPCS,
            "S9480",
            "Intensive outpatient psychiatric services, per diem",
            exact=False,
            note="psychiatric programs only",
        ),
        code(
            _C.MEDICARE_CONDITION_CODE,
            "92",
            "Intensive outpatient program claim",
            note="an IOP claim that overlaps a PHP claim is returned",
        ),
        LOCATOR_OP,
        code(_C.LOCATOR_SETTING, "OIT", "Intensive outpatient treatment"),
        SET_OP,
        FHIR_AMB,
    ),
    per_diem_tiers=medicare_per_diem_tiers("IOP"),
    sources=("SEED", "TIP47", *_CODES, "HCPCS", "MLN", "CMS-IOP"),
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
        "hospitalization [LOCUS]. TEDS has no separate code for it and reports it as "
        "intensive outpatient [TEDS]; N-SSATS counts it together with day treatment [NSSATS]."
    ),
    codes=(
        code(_C.ASAM3, "2.5", "Partial Hospitalization Services"),
        code(
            _C.ASAM4,
            "2.5",
            "High-Intensity Outpatient",
            exact=False,
            note="the 4th edition replaces the partial-hospitalization name",
        ),
        code(
            _C.TEDS_SERVICES,
            "6",
            "Ambulatory, intensive outpatient",
            exact=False,
            note="TEDS has no partial-hospitalization code: PHP-like care is reported as "
            "intensive outpatient",
        ),
        code(
            _C.HCPCS,
            "H0035",
            "Mental health partial hospitalization, treatment, less than 24 hours",
            exact=False,
            note="mental-health programs only",
            firmness=Firmness.CONSISTENT,
        ),
        code(
            _C.HCPCS,
            "S0201",
            "Partial hospitalization services, less than 24 hours, per diem",
        ),
        code(_C.MEDICARE_CONDITION_CODE, "41", "Partial hospitalization claim"),
        code(
            _C.LOCUS,
            "4",
            "Medically Monitored Non-Residential Services",
            exact=False,
            note="Minnesota requires LOCUS level 4 for adult partial hospitalization; the "
            "LOCUS level is a placement, not a program type",
        ),
        LOCATOR_OP,
        code(
            _C.LOCATOR_SETTING,
            "ODT",
            "Outpatient day treatment or partial hospitalization",
            exact=False,
            note="the locator joins day treatment and partial hospitalization in one setting",
        ),
        SET_OP,
        FHIR_AMB,
    ),
    per_diem_tiers=medicare_per_diem_tiers("PHP"),
    sources=("SEED", *_CODES, "HCPCS", "MLN", "CMS-IOP", "LOCUS", "NSSATS"),
)

_ONE_RESIDENTIAL = "; the continuum has a single residential level"

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
        code(
            _C.ASAM3,
            "3.1",
            "Clinically Managed Low-Intensity Residential Services",
            exact=False,
        ),
        code(
            _C.ASAM3,
            "3.3",
            "Clinically Managed Population-Specific High-Intensity Residential Services",
            exact=False,
        ),
        code(
            _C.ASAM3,
            "3.5",
            "Clinically Managed High-Intensity Residential Services",
            exact=False,
        ),
        code(
            _C.ASAM3,
            "3.7",
            "Medically Monitored Intensive Inpatient Services",
            exact=False,
            note="named inpatient, but in the residential band 3 of the numbering; the 4th "
            "edition calls its 3.7 residential",
        ),
        code(_C.ASAM4, "3.1", "Clinically Managed Low-Intensity Residential", exact=False),
        code(_C.ASAM4, "3.5", "Clinically Managed High-Intensity Residential", exact=False),
        code(_C.ASAM4, "3.7", "Medically Managed Residential", exact=False),
        code(
            _C.TEDS_SERVICES,
            "2",
            "Detox, 24-hour, free-standing residential",
            exact=False,
            note="withdrawal management only",
        ),
        code(
            _C.TEDS_SERVICES,
            "4",
            "Rehab/residential, short term (30 days or fewer)",
            exact=False,
            note="typically 30 days or fewer" + _ONE_RESIDENTIAL,
        ),
        code(
            _C.TEDS_SERVICES,
            "5",
            "Rehab/residential, long term (more than 30 days)",
            exact=False,
            note="typically more than 30 days" + _ONE_RESIDENTIAL,
        ),
        code(_C.LOCATOR, "RES", "Residential"),
        code(
            _C.LOCATOR_SETTING,
            "RES",
            "Residential",
            note="residential detoxification has its own code, RD, which names no continuum level",
        ),
        code(
            _C.LOCATOR_SETTING,
            "RS",
            "Short-term residential",
            exact=False,
            note="the short stay" + _ONE_RESIDENTIAL,
        ),
        code(
            _C.LOCATOR_SETTING,
            "RL",
            "Long-term residential",
            exact=False,
            note="the long stay" + _ONE_RESIDENTIAL,
        ),
        code(
            _C.FHIR_ENCOUNTER_CLASS,
            "NONAC",
            "inpatient non-acute",
            exact=False,
            note="a reading: the v3 ActCode encounter classes have no residential class",
        ),
    ),
    sources=("SEED", *_CODES),
)

_HOSPITAL_SUD = (
    "the locator's hospital inpatient care is detox and rehabilitation for substance use in a "
    "hospital, not psychiatric crisis care"
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
        "psychiatric hospital",
        "acute psychiatric inpatient",
    ),
    description=(
        "Crisis care for a psychiatric emergency in a psychiatric hospital or the psychiatric "
        "ward of a general hospital [SEED]. The locator's hospital inpatient category, 24/7 "
        "care connected to a hospital, lasting days or weeks, is substance-use detox and "
        "rehabilitation rather than crisis care [LOCATOR]."
    ),
    codes=(
        code(_C.ASAM3, "4", "Medically Managed Intensive Inpatient Services", exact=False),
        code(_C.ASAM4, "4", "Medically Managed Inpatient", exact=False),
        code(
            _C.TEDS_SERVICES,
            "1",
            "Detox, 24-hour, hospital inpatient",
            exact=False,
            note="withdrawal management only",
        ),
        code(
            _C.TEDS_SERVICES,
            "3",
            "Rehab/residential, hospital (non-detox)",
            exact=False,
            note="hospital rehabilitation, not necessarily crisis care",
        ),
        code(_C.LOCATOR, "HI", "Hospital inpatient", exact=False, note=_HOSPITAL_SUD),
        code(_C.LOCATOR_SETTING, "HI", "Hospital inpatient", exact=False, note=_HOSPITAL_SUD),
        code(
            _C.LOCATOR_SETTING,
            "HIT",
            "Hospital inpatient treatment",
            exact=False,
            note="substance-use rehabilitation in a hospital, not necessarily crisis care",
        ),
        code(_C.FHIR_ENCOUNTER_CLASS, "ACUTE", "inpatient acute"),
        code(_C.FHIR_ENCOUNTER_CLASS, "IMP", "inpatient encounter", exact=False),
    ),
    sources=("SEED", *_CODES),
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
