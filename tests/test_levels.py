"""Care levels and the default continuum: facts, lookups, ordering, validation, round-trips.

Rows of domain facts cite their source id (see ``carecontinuum.SOURCES`` and
shared/domain/FACTS.md).
"""

from __future__ import annotations

import doctest
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.levels import CodeSystem, Setting, code_system
from carecontinuum.levels._model import SYSTEM_URIS

CONTINUUM = cc.default_continuum()
OP, IOP, PHP = "outpatient", "intensive_outpatient", "partial_hospitalization"
RES, ACUTE = "residential", "inpatient_acute"

# -- the default continuum -----------------------------------------------------------------


def test_continuum_has_the_seeds_five_levels_in_intensity_order() -> None:  # SEED
    assert CONTINUUM.codes == (OP, IOP, PHP, RES, ACUTE)
    assert [lv.rank for lv in CONTINUUM] == sorted(lv.rank for lv in CONTINUUM)
    assert cc.framework("continuum") is CONTINUUM
    assert cc.framework("default") is cc.framework("seed") is CONTINUUM


@pytest.mark.parametrize(
    ("code", "name", "setting", "twenty_four_hour", "source"),
    [
        (OP, "Outpatient", Setting.AMBULATORY, False, "SEED"),
        (IOP, "Intensive outpatient (IOP)", Setting.AMBULATORY, False, "SEED"),
        (PHP, "Partial hospitalization (PHP)", Setting.AMBULATORY, False, "SEED"),
        (RES, "Inpatient residential", Setting.RESIDENTIAL, True, "SEED"),
        (ACUTE, "Inpatient acute", Setting.HOSPITAL, True, "SEED"),
    ],
)
def test_continuum_level_facts(
    code: str, name: str, setting: Setting, twenty_four_hour: bool, source: str
) -> None:
    lv = cc.level(code)
    assert (lv.name, lv.setting, lv.twenty_four_hour) == (name, setting, twenty_four_hour)
    assert source in lv.sources
    assert lv.framework == "continuum"
    assert lv.verified


def _range(low: float, high: float, unit: str, *, approximate: bool) -> cc.QuantityRange:
    return cc.QuantityRange.model_validate(
        {"low": low, "high": high, "unit": unit, "approximate": approximate}
    )


@pytest.mark.parametrize(
    ("code", "field", "expected", "source"),
    [
        # "usually once (maybe twice) a week"
        (OP, "typical_sessions_per_week", _range(1, 2, "session / week", approximate=True), "SEED"),
        # "usually lasts from about two months to one year"
        (OP, "typical_stay", _range(2, 12, "month", approximate=True), "LOCATOR"),
        # "2–3 h/day; elsewhere 3–4 h/day, 3–5 days/week, for about 4–6 weeks"
        (IOP, "typical_hours_per_day", _range(2, 4, "hour / day", approximate=False), "SEED"),
        (IOP, "typical_days_per_week", _range(3, 5, "day / week", approximate=False), "SEED"),
        (IOP, "typical_stay", _range(4, 6, "week", approximate=True), "SEED"),
        # "about 5 h/day, 5 days/week"
        (PHP, "typical_hours_per_day", _range(5, 5, "hour / day", approximate=True), "SEED"),
        (PHP, "typical_days_per_week", _range(5, 5, "day / week", approximate=False), "SEED"),
        # "usually a month or more" [SEED]; "one month to one year" [LOCATOR]
        (RES, "typical_stay", _range(1, 12, "month", approximate=True), "LOCATOR"),
    ],
)
def test_continuum_typical_schedules_and_stays(
    code: str, field: str, expected: cc.QuantityRange, source: str
) -> None:
    lv = cc.level(code)
    assert getattr(lv, field) == expected
    assert source in lv.sources


@pytest.mark.parametrize(
    ("code", "field"),
    [
        (OP, "typical_hours_per_day"),  # the SEED gives sessions, not hours
        (PHP, "typical_stay"),  # no source gives a PHP stay
        (RES, "typical_hours_per_day"),  # 24-hour levels are about setting, not hours
        (ACUTE, "typical_stay"),  # "days or weeks" [LOCATOR] is not a range
        (ACUTE, "typical_hours_per_day"),
    ],
)
def test_no_invented_schedule(code: str, field: str) -> None:
    assert getattr(cc.level(code), field) is None


# (system, code) -> exact, for each continuum level; each row's source in the comment.
EXTERNAL_CODES: dict[str, dict[tuple[CodeSystem, str], bool]] = {
    OP: {
        (CodeSystem.ASAM3, "1"): True,  # ASAM3
        (CodeSystem.ASAM4, "1.5"): False,  # ASAM4: level 1 split into 1.0 / 1.5 / 1.7
        (CodeSystem.TEDS_SERVICES, "7"): True,  # TEDS
        (CodeSystem.LOCATOR, "OP"): False,  # LOCATOR: OP not split by intensity
        (CodeSystem.LOCATOR_SETTING, "ORT"): True,  # LOCATOR: SET regular outpatient
        (CodeSystem.LOCATOR_SETTING, "OP"): False,  # LOCATOR: SET outpatient, any intensity
        (CodeSystem.LOCATOR_SETTING, "OMB"): False,  # LOCATOR: SET outpatient OUD medication
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "AMB"): False,  # FHIR
    },
    IOP: {
        (CodeSystem.ASAM3, "2.1"): True,  # ASAM3
        (CodeSystem.ASAM4, "2.1"): True,  # ASAM4
        (CodeSystem.TEDS_SERVICES, "6"): False,  # TEDS: no PHP code, PHP-like care is 6 too
        (CodeSystem.HCPCS, "H0015"): False,  # HCPCS: alcohol/drug IOP only
        (CodeSystem.HCPCS, "S9480"): False,  # HCPCS: psychiatric IOP only
        (CodeSystem.MEDICARE_CONDITION_CODE, "92"): True,  # MLN
        (CodeSystem.LOCATOR, "OP"): False,  # LOCATOR
        (CodeSystem.LOCATOR_SETTING, "OIT"): True,  # LOCATOR: SET intensive outpatient
        (CodeSystem.LOCATOR_SETTING, "OP"): False,  # LOCATOR
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "AMB"): False,  # FHIR
    },
    PHP: {
        (CodeSystem.ASAM3, "2.5"): True,  # ASAM3
        (CodeSystem.ASAM4, "2.5"): False,  # ASAM4: High-Intensity Outpatient
        (CodeSystem.TEDS_SERVICES, "6"): False,  # TEDS: PHP-like care is reported as 6
        (CodeSystem.HCPCS, "H0035"): False,  # HCPCS: mental-health PHP only
        (CodeSystem.HCPCS, "S0201"): True,  # HCPCS
        (CodeSystem.MEDICARE_CONDITION_CODE, "41"): True,  # MLN
        (CodeSystem.LOCUS, "4"): False,  # LOCUS: Minnesota requires level 4 for adult PHP
        (CodeSystem.LOCATOR, "OP"): False,  # LOCATOR
        (CodeSystem.LOCATOR_SETTING, "ODT"): False,  # LOCATOR: day treatment or PHP
        (CodeSystem.LOCATOR_SETTING, "OP"): False,  # LOCATOR
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "AMB"): False,  # FHIR
    },
    RES: {
        (CodeSystem.ASAM3, "3.1"): False,  # ASAM3
        (CodeSystem.ASAM3, "3.3"): False,  # ASAM3
        (CodeSystem.ASAM3, "3.5"): False,  # ASAM3
        (CodeSystem.ASAM3, "3.7"): False,  # ASAM3
        (CodeSystem.ASAM4, "3.1"): False,  # ASAM4
        (CodeSystem.ASAM4, "3.5"): False,  # ASAM4
        (CodeSystem.ASAM4, "3.7"): False,  # ASAM4
        (CodeSystem.TEDS_SERVICES, "2"): False,  # TEDS: detox only
        (CodeSystem.TEDS_SERVICES, "4"): False,  # TEDS
        (CodeSystem.TEDS_SERVICES, "5"): False,  # TEDS
        (CodeSystem.LOCATOR, "RES"): True,  # LOCATOR
        (CodeSystem.LOCATOR_SETTING, "RES"): True,  # LOCATOR: SET residential
        (CodeSystem.LOCATOR_SETTING, "RS"): False,  # LOCATOR: SET short-term residential
        (CodeSystem.LOCATOR_SETTING, "RL"): False,  # LOCATOR: SET long-term residential
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "NONAC"): False,  # FHIR
    },
    ACUTE: {
        (CodeSystem.ASAM3, "4"): False,  # ASAM3
        (CodeSystem.ASAM4, "4"): False,  # ASAM4
        (CodeSystem.TEDS_SERVICES, "1"): False,  # TEDS: detox only
        (CodeSystem.TEDS_SERVICES, "3"): False,  # TEDS
        # LOCATOR (P, content.js): hospital inpatient is substance-use detox and rehab
        (CodeSystem.LOCATOR, "HI"): False,
        (CodeSystem.LOCATOR_SETTING, "HI"): False,  # LOCATOR: SET, the same category
        (CodeSystem.LOCATOR_SETTING, "HIT"): False,  # LOCATOR: SET hospital rehab
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "ACUTE"): True,  # FHIR
        (CodeSystem.FHIR_ENCOUNTER_CLASS, "IMP"): False,  # FHIR
    },
}


@pytest.mark.parametrize("code", list(EXTERNAL_CODES))
def test_continuum_external_codes(code: str) -> None:
    lv = cc.level(code)
    assert {(c.system, c.code): c.exact for c in lv.codes} == EXTERNAL_CODES[code]
    assert all(c.sources for c in lv.codes)


def test_php_has_no_teds_code_of_its_own() -> None:  # TEDS: no separate PHP code
    # PHP-like care is reported as 6, intensive outpatient: an approximate code, shared
    for level in ("PHP", "IOP"):
        (six,) = cc.level(level).codes_in("teds-services")
        assert (six.code, six.exact, six.display) == (
            "6",
            False,
            "Ambulatory, intensive outpatient",
        )
        assert "no partial-hospitalization code" in six.note
    assert "TEDS has no separate code for it and reports it as intensive outpatient" in (
        cc.level("PHP").description
    )


@pytest.mark.parametrize(
    ("code", "display", "source"),
    [
        ("H0015", "Alcohol and/or drug services; intensive outpatient", "HCPCS"),
        ("S9480", "Intensive outpatient psychiatric services, per diem", "HCPCS"),
        ("H0035", "Mental health partial hospitalization, treatment, less than 24 hours", "HCPCS"),
        ("S0201", "Partial hospitalization services, less than 24 hours, per diem", "HCPCS"),
    ],
)
def test_hcpcs_displays(code: str, display: str, source: str) -> None:
    found = [c for lv in CONTINUUM for c in lv.codes_in("hcpcs") if c.code == code]
    assert len(found) == 1
    assert found[0].display == display
    assert found[0].sources == (source,)


def test_fhir_encounter_class_system_uri() -> None:  # FHIR
    assert SYSTEM_URIS[CodeSystem.FHIR_ENCOUNTER_CLASS] == (
        "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    )


def test_every_cited_source_exists() -> None:
    for fw in cc.list_frameworks():
        assert set(fw.sources) <= set(cc.SOURCES), fw.code
        for lv in fw:
            assert lv.sources, lv
            assert set(lv.sources) <= set(cc.SOURCES), lv
            for c in lv.codes:
                assert set(c.sources) <= set(cc.SOURCES), c


def test_codes_in_forgives_and_rejects() -> None:
    iop = cc.level("IOP")
    assert [c.code for c in iop.codes_in("TEDS")] == ["6"]
    assert [c.code for c in iop.codes_in(CodeSystem.ASAM3)] == ["2.1"]
    assert code_system("Medicare_Condition_Code") is CodeSystem.MEDICARE_CONDITION_CODE
    with pytest.raises(cc.UnknownKeyError, match="unknown code system 'hcpc'") as info:
        iop.codes_in("hcpc")
    assert info.value.suggestions == ("hcpcs",)
    assert isinstance(info.value, LookupError)


# -- lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("outpatient", OP),
        ("OP", OP),
        ("op", OP),
        ("Outpatient Treatment", OP),
        ("non-intensive outpatient", OP),
        ("IOP", IOP),
        ("iop", IOP),
        ("intensive outpatient", IOP),
        ("Intensive-Outpatient", IOP),
        ("  INTENSIVE   OUTPATIENT ", IOP),
        ("intensive_outpatient", IOP),
        ("Intensive Outpatient Program", IOP),
        ("PHP", PHP),
        ("partial hospitalization", PHP),
        ("Partial-Hospitalisation", PHP),
        ("day treatment", PHP),
        ("residential", RES),
        ("inpatient residential", RES),
        ("Inpatient-Residential", RES),
        ("RES", RES),
        ("residential treatment", RES),
        ("inpatient acute", ACUTE),
        ("acute inpatient", ACUTE),
        ("Acute-Inpatient", ACUTE),
        ("psychiatric hospital", ACUTE),
    ],
)
def test_level_lookup_by_code_alias_and_abbreviation(key: str, code: str) -> None:
    assert cc.level(key).code == code
    assert key in CONTINUUM
    assert CONTINUUM[key] is cc.level(code)


@pytest.mark.parametrize("key", ["hospital inpatient", "HI"])
def test_the_locator_hospital_inpatient_code_finds_acute_care_only_approximately(key: str) -> None:
    # the locator's HI is substance-use detox and rehab in a hospital, not crisis care [LOCATOR]
    assert cc.level(key).code == ACUTE
    assert key not in CONTINUUM  # not an alias of the level: a code that maps approximately
    assert cc.levels.level_match(key).match is cc.MatchKind.APPROXIMATE


@pytest.mark.parametrize(
    ("key", "framework", "code"),
    [
        ("3.2-wm", "asam3", "3.2-WM"),  # ASAM3, OAR-WM
        ("3.2 WM", "ASAM 3rd edition", "3.2-WM"),
        ("clinically managed residential withdrawal management", "ASAM3", "3.2-WM"),
        ("otp", "asam3", "1-OTP"),
        ("PHP", "asam3", "2.5"),
        ("4.0", "asam3", "4"),
        ("PHP", "asam4", "2.5"),  # ASAM4: 2.5 replaces the PHP name
        ("high-intensity outpatient", "asam4", "2.5"),
        ("1", "asam4", "1.0"),
        ("level 4", "LOCUS", "4"),  # LOCUS
        ("medically monitored non-residential services", "locus", "4"),
        ("IOP", "teds", "6"),  # TEDS
        ("Ambulatory, intensive outpatient", "TEDS service settings", "6"),
    ],
)
def test_level_lookup_in_another_framework(key: str, framework: str, code: str) -> None:
    lv = cc.level(key, framework=framework)
    assert lv.code == code
    assert lv.framework == cc.framework(framework).code


def test_level_accepts_a_level() -> None:
    iop = cc.level("IOP")
    assert cc.level(iop) is iop
    asam = cc.level("2.1", framework="asam3")
    assert cc.level(asam) is asam  # found in its own framework
    assert cc.level(asam, framework="asam3") is asam
    with pytest.raises(cc.UnknownLevelError):
        CONTINUUM.level(asam)


# -- unknown keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("intensive outpatent", IOP),
        ("partial hospitalizaton", PHP),
        ("residental", RES),
        ("inpatient acut", ACUTE),
    ],
)
def test_unknown_level_suggests_closest(key: str, suggestion: str) -> None:
    with pytest.raises(cc.UnknownLevelError) as info:
        cc.level(key)
    err = info.value
    assert isinstance(err, LookupError)
    assert isinstance(err, cc.UnknownKeyError)
    assert isinstance(err, cc.CareContinuumError)
    assert err.key == key
    assert err.suggestions[0] == suggestion
    assert f"did you mean {suggestion!r}" in str(err)


def test_unknown_level_without_close_match_lists_known() -> None:
    with pytest.raises(LookupError, match="known: outpatient, intensive_outpatient"):
        cc.level("zzzz")


def test_non_string_key_is_an_unknown_level() -> None:
    with pytest.raises(cc.UnknownLevelError, match=r"unknown care level in .* 3"):
        cc.level(3)  # type: ignore[arg-type]


def test_asam_code_needs_its_framework() -> None:
    with pytest.raises(cc.UnknownLevelError, match=r"'2\.1'"):
        cc.level("2.1")


# -- ordering ------------------------------------------------------------------------------


def test_levels_order_by_intensity() -> None:
    op, iop, php, res, acute = (cc.level(c) for c in CONTINUUM.codes)
    assert op < iop < php < res < acute
    assert acute > res >= cc.level("RES") > php
    assert op <= cc.level("OP")
    assert sorted([acute, op, res, php, iop]) == [op, iop, php, res, acute]
    assert max(CONTINUUM) is acute
    assert min(CONTINUUM) is op


def test_ties_break_by_code() -> None:
    one, otp = cc.level("1", framework="asam3"), cc.level("1-OTP", framework="asam3")
    assert one.rank == otp.rank
    assert one < otp


@pytest.mark.parametrize("other", [1, "outpatient", None])
def test_ordering_against_other_types_is_a_type_error(other: Any) -> None:
    with pytest.raises(TypeError):
        _ = cc.level("IOP") < other


# -- display ------------------------------------------------------------------------------


def test_repr_str_and_html() -> None:
    iop = cc.level("IOP")
    assert repr(iop) == "CareLevel('intensive_outpatient', rank=1, framework='continuum')"
    assert str(iop) == "Intensive outpatient (IOP)"
    page = iop._repr_html_()
    assert "<table>" in page
    assert "Intensive outpatient (IOP)" in page
    assert "2–4 hour / day" in page
    unverified = cc.level("4-WM", framework="asam3")
    assert "<th style='text-align:left'>verified</th>" in unverified._repr_html_()
    assert repr(cc.level("3.2-WM", framework="asam3")) == (
        "CareLevel('3.2-WM', rank=3.2, framework='asam3')"
    )


def test_html_escapes() -> None:
    lv = cc.CareLevel(code="x", name="<b>&", rank=0, setting="ambulatory", sources=("SEED",))
    assert "&lt;b&gt;&amp;" in lv._repr_html_()


# -- validation ---------------------------------------------------------------------------


def _level(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"code": "x", "name": "X", "rank": 0, "setting": "ambulatory"}
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"setting": "ambulatory", "twenty_four_hour": True},
            "an ambulatory setting cannot be a 24-hour level",
        ),
        ({"verified": False}, "an unverified level needs a note"),
        ({"code": "intensive outpatient"}, "String should match pattern"),
        ({"code": ""}, "String should match pattern"),
        ({"name": ""}, "name\n  String should have at least 1 character"),
        ({"rank": float("nan")}, "rank\n  Input should be a finite number"),
        ({"setting": "home"}, "setting\n  Input should be 'ambulatory', 'residential' or"),
        ({"management": "self"}, "management\n  Input should be 'clinically_managed'"),
        ({"colour": "red"}, "colour\n  Extra inputs are not permitted"),
        (
            {"typical_stay": {"low": 5, "high": 1, "unit": "week"}},
            "high (1.0) must not be below low (5.0)",
        ),
        ({"typical_stay": {"low": 1, "unit": "fortnight"}}, "typical_stay.unit"),
    ],
)
def test_bad_level_input(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.CareLevel.model_validate(_level(**changes))
    assert message in str(info.value)


def test_levels_are_frozen() -> None:
    iop = cc.level("IOP")
    with pytest.raises(ValidationError, match="frozen"):
        iop.rank = 9  # type: ignore[misc]
    assert hash(iop) == hash(cc.CareLevel.model_validate(iop.model_dump()))


def test_external_code_validation() -> None:
    with pytest.raises(ValidationError, match="system\n  Input should be 'asam3'"):
        cc.ExternalCode(system="icd10", code="F10")
    with pytest.raises(ValidationError, match="code\n  String should have at least 1"):
        cc.ExternalCode(system="hcpcs", code="")


# -- the registry's own examples ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "crosswalk",
        "default_continuum",
        "framework",
        "level",
        "list_crosswalks",
        "list_frameworks",
        "register_crosswalk",
        "register_framework",
    ],
)
def test_registry_examples(name: str) -> None:
    """The facade's published functions, whose examples the module-wide doctest walk skips."""
    func = getattr(cc, name)
    module = sys.modules[func.__module__]
    (test,) = doctest.DocTestFinder().find(func, name, globs=dict(vars(module)))
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


# -- serialization ------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
_CODES = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,12}\Z")
_SOURCE_IDS = st.tuples() | st.tuples(st.sampled_from(sorted(cc.SOURCES)))
_FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)
_UNITS = [
    "hour",
    "day",
    "week",
    "month",
    "year",
    "session",
    "hour / day",
    "hour / week",
    "day / week",
    "session / week",
    "session / day",
]


@st.composite
def quantity_ranges(draw: st.DrawFn) -> cc.QuantityRange:
    low = draw(st.floats(min_value=0, max_value=1e6, allow_nan=False))
    high = draw(st.none() | st.floats(min_value=low, max_value=2e6, allow_nan=False))
    return cc.QuantityRange(
        low=low, high=high, unit=draw(st.sampled_from(_UNITS)), approximate=draw(st.booleans())
    )


external_codes = st.builds(
    cc.ExternalCode,
    system=st.sampled_from(list(CodeSystem)),
    code=_CODES,
    display=_TEXT,
    exact=st.booleans(),
    note=_TEXT,
    sources=_SOURCE_IDS,
)


@st.composite
def care_levels(draw: st.DrawFn) -> cc.CareLevel:
    setting = draw(st.sampled_from(list(Setting)))
    verified = draw(st.booleans())
    note = draw(_TEXT.filter(bool) if not verified else _TEXT)
    return cc.CareLevel(
        code=draw(_CODES),
        name=draw(_TEXT.filter(bool)),
        framework=draw(st.sampled_from(["continuum", "asam3", "mine"])),
        rank=draw(_FINITE),
        setting=setting,
        twenty_four_hour=setting is not Setting.AMBULATORY and draw(st.booleans()),
        management=draw(st.none() | st.sampled_from(list(cc.Management))),
        aliases=tuple(draw(st.lists(_TEXT, max_size=3))),
        typical_hours_per_day=draw(st.none() | quantity_ranges()),
        typical_days_per_week=draw(st.none() | quantity_ranges()),
        typical_sessions_per_week=draw(st.none() | quantity_ranges()),
        typical_stay=draw(st.none() | quantity_ranges()),
        description=draw(_TEXT),
        codes=tuple(draw(st.lists(external_codes, max_size=3))),
        sources=draw(_SOURCE_IDS),
        verified=verified,
        note=note,
    )


@given(care_levels())
def test_care_level_json_round_trip(lv: cc.CareLevel) -> None:
    assert cc.CareLevel.model_validate_json(lv.model_dump_json()) == lv


@given(external_codes)
def test_external_code_json_round_trip(code: cc.ExternalCode) -> None:
    assert cc.ExternalCode.model_validate_json(code.model_dump_json()) == code


@given(quantity_ranges())
def test_quantity_range_json_round_trip(r: cc.QuantityRange) -> None:
    assert cc.QuantityRange.model_validate_json(r.model_dump_json()) == r


@pytest.mark.parametrize(
    "lv",
    [lv for fw in cc.list_frameworks() for lv in fw],
    ids=lambda lv: f"{lv.framework}:{lv.code}",
)
def test_catalog_levels_round_trip(lv: cc.CareLevel) -> None:
    assert cc.CareLevel.model_validate_json(lv.model_dump_json()) == lv


@pytest.mark.parametrize("model", [cc.CareLevel, cc.ExternalCode, cc.QuantityRange])
def test_json_schema(model: Any) -> None:
    schema = model.model_json_schema()
    # an object; a range may also be written as text ("4-6 weeks"), its schema's other form
    (form,) = [f for f in schema.get("anyOf", [schema]) if f.get("type") == "object"]
    assert "properties" in form


def test_a_negative_service_count_is_our_error() -> None:
    # Medicare's per-diem tiers count services a day (FACTS.md, Medicare PHP tiers)
    tier = cc.levels.PerDiemTier(payer="Medicare", min_services=3, firmness="S")
    with pytest.raises(cc.levels.ServiceCountError, match="services must be 0 or more, not -1"):
        tier.covers(-1)
    assert issubclass(cc.levels.ServiceCountError, cc.CareContinuumError)
