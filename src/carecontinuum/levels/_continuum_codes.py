"""Codes of other systems for the default continuum's levels, and codes that name no level.

Each code carries its sources and, where the project's domain notes rate them,
its firmness (P primary, S secondary, C consistent across repositories, U
unverified).  ``exact=False`` marks a code whose category is broader or
narrower than the level, with a note saying how.

:data:`WITHDRAWAL_MANAGEMENT_CODES` lists the codes a data reader will meet
that belong to **no** continuum level: withdrawal management (detox) has no
level in the continuum; it lives in the ASAM 3rd edition's WM levels (1-WM,
2-WM, 3.2-WM, 3.7-WM, 4-WM) and in TEDS ``SERVICES`` 1, 2 and 8.
"""

from __future__ import annotations

from .._sources import Firmness
from ._model import CodeSystem, ExternalCode
from ._payment import PerDiemTier

__all__ = [
    "FHIR_AMB",
    "LOCATOR_OP",
    "SET_OP",
    "WITHDRAWAL_MANAGEMENT_CODES",
    "code",
    "medicare_per_diem_tiers",
]

#: Firmness of each system's codes, as the domain notes rate them: ASAM 3rd-edition names
#: as quoted by secondary sources (S); ASAM 4th edition and LOCUS names as encoded
#: consistently in repositories (C); TEDS codes from the codebooks (P); FHIR from the HL7
#: spec (P); the locator's type-of-care categories from its source (P) and its ``SET``
#: codes (C); Medicare condition codes from an MLN article (S).  HCPCS is rated per code.
_FIRMNESS: dict[CodeSystem, Firmness | None] = {
    CodeSystem.ASAM3: Firmness.SECONDARY,
    CodeSystem.ASAM4: Firmness.CONSISTENT,
    CodeSystem.LOCUS: Firmness.CONSISTENT,
    CodeSystem.TEDS_SERVICES: Firmness.PRIMARY,
    CodeSystem.FHIR_ENCOUNTER_CLASS: Firmness.PRIMARY,
    CodeSystem.HCPCS: None,
    CodeSystem.MEDICARE_CONDITION_CODE: Firmness.SECONDARY,
    CodeSystem.LOCATOR: Firmness.PRIMARY,
    CodeSystem.LOCATOR_SETTING: Firmness.CONSISTENT,
}

_SOURCE: dict[CodeSystem, tuple[str, ...]] = {
    CodeSystem.ASAM3: ("ASAM3",),
    CodeSystem.ASAM4: ("ASAM4",),
    CodeSystem.LOCUS: ("LOCUS",),
    CodeSystem.TEDS_SERVICES: ("TEDS", "TEDS-D-CB"),
    CodeSystem.FHIR_ENCOUNTER_CLASS: ("FHIR",),
    CodeSystem.HCPCS: ("HCPCS",),
    CodeSystem.MEDICARE_CONDITION_CODE: ("MLN",),
    CodeSystem.LOCATOR: ("LOCATOR",),
    CodeSystem.LOCATOR_SETTING: ("LOCATOR",),
}


def code(
    system: CodeSystem,
    value: str,
    display: str,
    *,
    exact: bool = True,
    note: str = "",
    firmness: Firmness | None = None,
) -> ExternalCode:
    """A built-in code, citing its system's sources, rated with its system's firmness."""
    return ExternalCode(
        system=system,
        code=value,
        display=display,
        exact=exact,
        note=note,
        sources=_SOURCE[system],
        firmness=firmness if firmness is not None else _FIRMNESS[system],
    )


#: FHIR's ambulatory encounter class, shared by the three ambulatory levels.
FHIR_AMB = code(
    CodeSystem.FHIR_ENCOUNTER_CLASS,
    "AMB",
    "ambulatory",
    exact=False,
    note="covers every ambulatory encounter",
)

#: The locator's outpatient type of care, shared by the three ambulatory levels.
LOCATOR_OP = code(
    CodeSystem.LOCATOR,
    "OP",
    "Outpatient",
    exact=False,
    note="the locator's outpatient category, 'treatment at a program site while a patient "
    "lives on their own', is not split by intensity",
)

#: The locator's outpatient service setting, shared by the three ambulatory levels.
SET_OP = code(
    CodeSystem.LOCATOR_SETTING,
    "OP",
    "Outpatient",
    exact=False,
    note="the general outpatient setting, listed beside its intensive (OIT), day treatment "
    "or partial hospitalization (ODT), regular (ORT), detoxification (OD) and medication "
    "(OMB) settings",
)

_WM = (
    "withdrawal management: the continuum has no withdrawal-management level; withdrawal "
    "management lives in the ASAM 3rd edition's WM levels (1-WM, 2-WM, 3.2-WM, 3.7-WM, 4-WM) "
    "and TEDS SERVICES 1, 2 and 8"
)

#: Codes a reader of locator data will meet that name **no** continuum level: detox
#: (withdrawal management) in a hospital, an outpatient or a residential setting, and the
#: locator's detox type of care [LOCATOR].  ``exact`` is False and the note says where
#: withdrawal management lives instead.
WITHDRAWAL_MANAGEMENT_CODES: tuple[ExternalCode, ...] = (
    code(
        CodeSystem.LOCATOR_SETTING,
        "HID",
        "Hospital inpatient detoxification",
        exact=False,
        note=_WM,
    ),
    code(CodeSystem.LOCATOR_SETTING, "OD", "Outpatient detoxification", exact=False, note=_WM),
    code(CodeSystem.LOCATOR_SETTING, "RD", "Residential detoxification", exact=False, note=_WM),
    code(CodeSystem.LOCATOR, "DT", "Detox", exact=False, note=_WM),
)

_TIER_NOTE = (
    "Medicare pays {program} per diem in two tiers for each provider type, days with 3 "
    "services and days with 4 or more, from 2024 [CMS-IOP]; the domain notes rate the CMS "
    "CY2024 OPPS fact sheet behind this P/S, so it ships as secondary. Payment rates and APC "
    "numbers are not included (unverified)."
)


def medicare_per_diem_tiers(program: str) -> tuple[PerDiemTier, PerDiemTier]:
    """Medicare's two per-diem tiers for *program* (``"IOP"`` or ``"PHP"``) [CMS-IOP]."""
    note = _TIER_NOTE.format(program=program)
    return (
        PerDiemTier(
            payer="Medicare",
            min_services=3,
            max_services=3,
            display="days with 3 services",
            firmness=Firmness.SECONDARY,
            note=note,
            sources=("CMS-IOP",),
        ),
        PerDiemTier(
            payer="Medicare",
            min_services=4,
            display="days with 4 or more services",
            firmness=Firmness.SECONDARY,
            note=note,
            sources=("CMS-IOP",),
        ),
    )
