"""Codes for the next issues: locator service settings, Medicare claim facts, detox codes.

Every row cites its source id (``carecontinuum.SOURCES``) and the firmness the
project's domain notes give it (P primary, S secondary, C consistent across
repositories, U unverified).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum._sources import Firmness
from carecontinuum.intensity import Firmness as IntensityFirmness
from carecontinuum.levels import (
    WITHDRAWAL_MANAGEMENT_CODES,
    CodeSystem,
    ExternalCode,
    PerDiemTier,
)

P, S, C = Firmness.PRIMARY, Firmness.SECONDARY, Firmness.CONSISTENT
OP, IOP, PHP = "outpatient", "intensive_outpatient", "partial_hospitalization"
RES, ACUTE = "residential", "inpatient_acute"
SET = CodeSystem.LOCATOR_SETTING

# -- the locator's service-setting (SET) codes --------------------------------------------------

# level, SET code, exact, firmness, source (FACTS: "SAMHSA locator records", SET codes, C)
SETTING_CODES: list[tuple[str, str, bool, Firmness, str]] = [
    (OP, "ORT", True, C, "LOCATOR"),  # regular outpatient treatment
    (OP, "OP", False, C, "LOCATOR"),  # outpatient, any intensity
    (OP, "OMB", False, C, "LOCATOR"),  # outpatient methadone/buprenorphine or naltrexone
    (IOP, "OIT", True, C, "LOCATOR"),  # intensive outpatient treatment
    (IOP, "OP", False, C, "LOCATOR"),
    (PHP, "ODT", False, C, "LOCATOR"),  # outpatient day treatment or partial hospitalization
    (PHP, "OP", False, C, "LOCATOR"),
    (RES, "RES", True, C, "LOCATOR"),  # residential
    (RES, "RS", False, C, "LOCATOR"),  # short-term residential
    (RES, "RL", False, C, "LOCATOR"),  # long-term residential
    (ACUTE, "HI", False, C, "LOCATOR"),  # hospital inpatient: substance-use detox and rehab
    (ACUTE, "HIT", False, C, "LOCATOR"),  # hospital inpatient treatment
]

# SET codes that name no continuum level: withdrawal management (detox) [LOCATOR]
DETOX_SETTINGS = {"HID", "OD", "RD"}
# every SET service-setting code the domain notes list [LOCATOR]
ALL_SETTINGS = {"HI", "HID", "HIT", "OP", "OIT", "ODT", "ORT", "OD", "OMB", "RES", "RS", "RL", "RD"}


@pytest.mark.parametrize(("level", "code", "exact", "firmness", "source"), SETTING_CODES)
def test_locator_setting_code(
    level: str, code: str, exact: bool, firmness: Firmness, source: str
) -> None:
    (found,) = [c for c in cc.level(level).codes_in("locator-setting") if c.code == code]
    assert (found.exact, found.firmness) == (exact, firmness)
    assert source in found.sources
    assert found.display
    if not exact:
        assert found.note, found  # an approximate code says how it differs


def test_every_level_carries_exactly_its_setting_codes() -> None:
    for lv in cc.default_continuum():
        listed = {code for level, code, *_ in SETTING_CODES if level == lv.code}
        assert {c.code for c in lv.codes_in("locator-setting")} == listed, lv.code


def test_the_setting_codes_cover_the_locators_list() -> None:
    on_levels = {code for _, code, *_ in SETTING_CODES}
    unplaced = {c.code for c in WITHDRAWAL_MANAGEMENT_CODES if c.system is SET}
    assert unplaced == DETOX_SETTINGS
    assert on_levels | unplaced == ALL_SETTINGS
    assert not on_levels & unplaced


def test_hospital_inpatient_is_substance_use_care_not_crisis_care() -> None:  # LOCATOR (P)
    acute = cc.level("inpatient acute")
    for system in ("locator", "locator-setting"):
        (hi,) = [c for c in acute.codes_in(system) if c.code == "HI"]
        assert not hi.exact
        assert "detox and rehabilitation for substance use" in hi.note
        assert "not psychiatric crisis care" in hi.note
    (type_of_care,) = [c for c in acute.codes_in("locator") if c.code == "HI"]
    assert type_of_care.firmness is P  # the locator's own source, content.js


@pytest.mark.parametrize("code", sorted(DETOX_SETTINGS | {"DT"}))
def test_detox_codes_name_no_level_and_say_where_wm_lives(code: str) -> None:  # LOCATOR
    (wm,) = [c for c in WITHDRAWAL_MANAGEMENT_CODES if c.code == code]
    assert not wm.exact
    assert "LOCATOR" in wm.sources
    for words in ("no withdrawal-management level", "ASAM 3rd edition's WM levels"):
        assert words in wm.note
    assert "TEDS SERVICES 1, 2 and 8" in wm.note
    for lv in cc.default_continuum():
        assert (wm.system, wm.code) not in {(c.system, c.code) for c in lv.codes}, lv.code


def test_detox_type_of_care_is_a_locator_type_of_care() -> None:  # LOCATOR: DT detox (P)
    (dt,) = [c for c in WITHDRAWAL_MANAGEMENT_CODES if c.code == "DT"]
    assert (dt.system, dt.display, dt.firmness) == (CodeSystem.LOCATOR, "Detox", P)


# -- Medicare claim facts -----------------------------------------------------------------------

# level, condition code, firmness, source (FACTS: "Medicare IOP and PHP", MLN MM13222: S)
CONDITION_CODES = [(IOP, "92", S, "MLN"), (PHP, "41", S, "MLN")]


@pytest.mark.parametrize(("level", "code", "firmness", "source"), CONDITION_CODES)
def test_medicare_condition_code(level: str, code: str, firmness: Firmness, source: str) -> None:
    (found,) = cc.level(level).codes_in("medicare-condition-code")
    assert (found.code, found.exact, found.firmness) == (code, True, firmness)
    assert found.sources == (source,)


def test_only_iop_and_php_carry_condition_codes() -> None:
    carriers = {lv.code for lv in cc.default_continuum() if lv.codes_in("medicare-condition-code")}
    assert carriers == {IOP, PHP}


# level, min services, max services, display, firmness, source (FACTS: P/S, shipped as S)
PER_DIEM_TIERS = [
    (IOP, 3, 3, "days with 3 services", S, "CMS-IOP"),
    (IOP, 4, None, "days with 4 or more services", S, "CMS-IOP"),
    (PHP, 3, 3, "days with 3 services", S, "CMS-IOP"),
    (PHP, 4, None, "days with 4 or more services", S, "CMS-IOP"),
]


@pytest.mark.parametrize("row", PER_DIEM_TIERS, ids=lambda r: f"{r[0]}:{r[1]}")
def test_medicare_per_diem_tier(row: tuple[str, int, int | None, str, Firmness, str]) -> None:
    level, low, high, display, firmness, source = row
    (tier,) = [t for t in cc.level(level).per_diem_tiers if t.min_services == low]
    assert (tier.payer, tier.max_services, tier.display, tier.firmness) == (
        "Medicare",
        high,
        display,
        firmness,
    )
    assert tier.sources == (source,)
    assert "P/S" in tier.note  # the domain notes' own rating, stated
    assert "APC numbers are not included" in tier.note


def test_the_tiers_are_complete_and_only_on_iop_and_php() -> None:
    shipped = {
        (lv.code, t.min_services, t.max_services)
        for lv in cc.default_continuum()
        for t in lv.per_diem_tiers
    }
    assert shipped == {(lv, lo, hi) for lv, lo, hi, *_ in PER_DIEM_TIERS}


@pytest.mark.parametrize(("services", "tier_low"), [(0, None), (2, None), (3, 3), (4, 4), (9, 4)])
def test_a_day_falls_in_one_tier_at_most(services: int, tier_low: int | None) -> None:
    tiers = [t.min_services for t in cc.level("IOP").per_diem_tiers if t.covers(services)]
    assert tiers == ([] if tier_low is None else [tier_low])


# -- the firmness of every built-in code ---------------------------------------------------------

# system, the firmness its built-in codes carry, source (FACTS)
SYSTEM_FIRMNESS = [
    (CodeSystem.ASAM3, S, "ASAM3"),  # names as quoted by secondary sources
    (CodeSystem.ASAM4, C, "ASAM4"),
    (CodeSystem.LOCUS, C, "LOCUS"),
    (CodeSystem.TEDS_SERVICES, P, "TEDS-D-CB"),  # checked against the codebooks
    (CodeSystem.FHIR_ENCOUNTER_CLASS, P, "FHIR"),
    (CodeSystem.MEDICARE_CONDITION_CODE, S, "MLN"),
    (CodeSystem.LOCATOR, P, "LOCATOR"),
    (CodeSystem.LOCATOR_SETTING, C, "LOCATOR"),
]


@pytest.mark.parametrize(("system", "firmness", "source"), SYSTEM_FIRMNESS)
def test_code_firmness_by_system(system: CodeSystem, firmness: Firmness, source: str) -> None:
    codes = [c for lv in cc.default_continuum() for c in lv.codes_in(system)]
    assert codes
    assert {c.firmness for c in codes} == {firmness}
    assert all(source in c.sources for c in codes)


# HCPCS is rated per code: H0015 and H0035 (C); S0201 and S9480 are not rated in the notes
HCPCS_FIRMNESS = [("H0015", C), ("H0035", C), ("S0201", None), ("S9480", None)]


@pytest.mark.parametrize(("code", "firmness"), HCPCS_FIRMNESS)
def test_hcpcs_firmness(code: str, firmness: Firmness | None) -> None:  # HCPCS
    (found,) = [c for lv in cc.default_continuum() for c in lv.codes_in("hcpcs") if c.code == code]
    assert found.firmness is firmness


def test_firmness_is_one_enum_everywhere() -> None:
    assert cc.Firmness is Firmness is IntensityFirmness
    assert cc.rule_set("hcpcs-h0015").tier("IOP").firmness is C


# -- the models: validation and round trips ------------------------------------------------------


def test_an_unverified_code_needs_a_note() -> None:
    with pytest.raises(ValidationError, match=r"an unverified code .* needs a note"):
        ExternalCode(system="locator-setting", code="XYZ", firmness="U")
    ok = ExternalCode(system="locator-setting", code="XYZ", firmness="U", note="not seen")
    assert ok.firmness is Firmness.UNVERIFIED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"min_services": True}, "Input should be a valid integer"),
        ({"min_services": 3.0}, "Input should be a valid integer"),
        ({"min_services": "3"}, "Input should be a valid integer"),
        ({"min_services": 0}, "greater than or equal to 1"),
        ({"min_services": 10**30}, "less than or equal to 100"),
        ({"min_services": 4, "max_services": 3}, "must not be below min_services"),
        ({"min_services": 3, "firmness": "U"}, "needs a note"),
        ({"min_services": 3, "firmness": "X"}, "Input should be 'P', 'S', 'C' or 'U'"),
        ({"min_services": 3, "rate": 100}, "Extra inputs are not permitted"),
        ({"min_services": 3, "payer": ""}, "at least 1 character"),
    ],
)
def test_per_diem_tier_refuses_bad_input(data: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {"payer": "Medicare", "firmness": "S"} | data
    with pytest.raises(ValidationError, match=message):
        PerDiemTier.model_validate(fields)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (True, TypeError, "services must be a whole number of services, not a bool"),
        (3.5, TypeError, "not float 3.5"),
        ("3", TypeError, "not str '3'"),
        (-1, ValueError, "services must be 0 or more, not -1"),
    ],
)
def test_covers_refuses_bad_counts(value: object, error: type[Exception], message: str) -> None:
    tier = cc.level("IOP").per_diem_tiers[0]
    with pytest.raises(error, match=message):
        tier.covers(value)  # type: ignore[arg-type]


def test_covers_echoes_huge_input_briefly() -> None:
    tier = cc.level("IOP").per_diem_tiers[1]
    assert tier.covers(10**400)  # a huge count is still 4 or more: no overflow
    with pytest.raises(ValueError, match=r"not -\d+\.\.\.") as info:
        tier.covers(-(10**100))
    assert len(str(info.value)) < 120


@pytest.mark.parametrize("level", [lv.code for lv in cc.default_continuum()])
def test_levels_round_trip_through_json(level: str) -> None:
    lv = cc.level(level)
    again = cc.CareLevel.model_validate_json(lv.model_dump_json())
    assert again == lv
    data = json.loads(lv.model_dump_json())
    assert all("firmness" in c for c in data["codes"])


def test_json_schema_describes_tiers_and_firmness() -> None:
    schema = cc.CareLevel.model_json_schema()
    assert "per_diem_tiers" in schema["properties"]
    tier = schema["$defs"]["PerDiemTier"]
    assert set(tier["required"]) == {"payer", "min_services", "firmness"}
    assert schema["$defs"]["Firmness"]["enum"] == ["P", "S", "C", "U"]
    assert "firmness" in schema["$defs"]["ExternalCode"]["properties"]


@settings(deadline=None)
@given(
    low=st.integers(1, 100),
    extra=st.none() | st.integers(0, 99),
    firmness=st.sampled_from(["P", "S", "C"]),
    services=st.integers(0, 10**6),
)
def test_tier_round_trip_and_bounds(
    low: int, extra: int | None, firmness: str, services: int
) -> None:
    high = None if extra is None else min(low + extra, 100)
    tier = PerDiemTier(payer="Medicare", min_services=low, max_services=high, firmness=firmness)
    assert PerDiemTier.model_validate_json(tier.model_dump_json()) == tier
    inside = services >= low and (high is None or services <= high)
    assert tier.covers(services) is inside
