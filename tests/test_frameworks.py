"""Frameworks: ASAM 3rd / 4th edition, LOCUS, TEDS service settings and the registry.

Each row of level facts cites its source id (see ``carecontinuum.SOURCES`` and
shared/domain/FACTS.md).
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.levels import Management, Setting
from carecontinuum.registries import FRAMEWORKS

AMB, RES, HOSP = Setting.AMBULATORY, Setting.RESIDENTIAL, Setting.HOSPITAL
CM, MMON, MMAN = (
    Management.CLINICALLY_MANAGED,
    Management.MEDICALLY_MONITORED,
    Management.MEDICALLY_MANAGED,
)

# framework, code, name, setting, 24-hour, management, source
LEVELS: list[tuple[str, str, str, Setting, bool, Management | None, str]] = [
    ("asam3", "0.5", "Early Intervention", AMB, False, None, "ASAM3"),
    ("asam3", "1", "Outpatient Services", AMB, False, None, "ASAM3"),
    ("asam3", "1-OBOT", "Office-Based Opioid Treatment", AMB, False, None, "ASAM3"),  # S
    ("asam3", "1-OTP", "Opioid Treatment Program", AMB, False, None, "ASAM3"),
    (
        "asam3",
        "1-WM",
        "Ambulatory Withdrawal Management without Extended On-Site Monitoring",
        AMB,
        False,
        None,
        "NC-WM",
    ),
    (
        "asam3",
        "2-WM",
        "Ambulatory Withdrawal Management with Extended On-Site Monitoring",
        AMB,
        False,
        None,
        "NC-WM",
    ),
    # ASAM3 (S): the 3rd edition's treatment-level names end in "Services"
    ("asam3", "2.1", "Intensive Outpatient Services", AMB, False, None, "ASAM3"),
    ("asam3", "2.5", "Partial Hospitalization Services", AMB, False, None, "ASAM3"),
    (
        "asam3",
        "3.1",
        "Clinically Managed Low-Intensity Residential Services",
        RES,
        True,
        CM,
        "ASAM3",
    ),
    (
        "asam3",
        "3.2-WM",
        "Clinically Managed Residential Withdrawal Management",
        RES,
        True,
        CM,
        "OAR-WM",
    ),
    (
        "asam3",
        "3.3",
        "Clinically Managed Population-Specific High-Intensity Residential Services",
        RES,
        True,
        CM,
        "ASAM3",
    ),
    (
        "asam3",
        "3.5",
        "Clinically Managed High-Intensity Residential Services",
        RES,
        True,
        CM,
        "ASAM3",
    ),
    ("asam3", "3.7", "Medically Monitored Intensive Inpatient Services", RES, True, MMON, "ASAM3"),
    (
        "asam3",
        "3.7-WM",
        "Medically Monitored Inpatient Withdrawal Management",
        RES,
        True,
        MMON,
        "OAR-WM",
    ),
    ("asam3", "4", "Medically Managed Intensive Inpatient Services", HOSP, True, MMAN, "ASAM3"),
    (
        "asam3",
        "4-WM",
        "Medically Managed Intensive Inpatient Withdrawal Management",
        HOSP,
        True,
        MMAN,
        "ASAM3",  # name unverified: found only in public code repositories
    ),
    ("asam4", "1.0", "Long-Term Remission Monitoring", AMB, False, None, "ASAM4"),
    ("asam4", "1.5", "Outpatient Therapy", AMB, False, None, "ASAM4"),
    ("asam4", "1.7", "Medically Managed Outpatient", AMB, False, MMAN, "ASAM4"),
    ("asam4", "2.1", "Intensive Outpatient", AMB, False, None, "ASAM4"),
    ("asam4", "2.5", "High-Intensity Outpatient", AMB, False, None, "ASAM4"),
    ("asam4", "2.7", "Medically Managed Intensive Outpatient", AMB, False, MMAN, "ASAM4"),
    ("asam4", "3.1", "Clinically Managed Low-Intensity Residential", RES, True, CM, "ASAM4"),
    ("asam4", "3.5", "Clinically Managed High-Intensity Residential", RES, True, CM, "ASAM4"),
    ("asam4", "3.7", "Medically Managed Residential", RES, True, MMAN, "ASAM4"),
    ("asam4", "4", "Medically Managed Inpatient", HOSP, True, MMAN, "ASAM4"),
    ("locus", "0", "Basic Services", AMB, False, None, "LOCUS"),
    ("locus", "1", "Recovery Maintenance and Health Management", AMB, False, None, "LOCUS"),
    ("locus", "2", "Low Intensity Community Based Services", AMB, False, None, "LOCUS"),
    ("locus", "3", "High Intensity Community Based Services", AMB, False, None, "LOCUS"),
    ("locus", "4", "Medically Monitored Non-Residential Services", AMB, False, MMON, "LOCUS"),
    ("locus", "5", "Medically Monitored Residential Services", RES, True, MMON, "LOCUS"),
    # setting unverified: the name says residential, a provider's gloss says inpatient unit
    ("locus", "6", "Medically Managed Residential Services", HOSP, True, MMAN, "LOCUS-GPS"),
    ("teds", "1", "Detox, 24-hour, hospital inpatient", HOSP, True, None, "TEDS"),
    ("teds", "2", "Detox, 24-hour, free-standing residential", RES, True, None, "TEDS"),
    ("teds", "3", "Rehab/residential, hospital (non-detox)", HOSP, True, None, "TEDS"),
    ("teds", "4", "Rehab/residential, short term (30 days or fewer)", RES, True, None, "TEDS"),
    ("teds", "5", "Rehab/residential, long term (more than 30 days)", RES, True, None, "TEDS"),
    ("teds", "6", "Ambulatory, intensive outpatient", AMB, False, None, "TEDS"),
    ("teds", "7", "Ambulatory, non-intensive outpatient", AMB, False, None, "TEDS"),
    ("teds", "8", "Ambulatory, detoxification", AMB, False, None, "TEDS"),
]


Row = tuple[str, str, str, Setting, bool, Management | None, str]


@pytest.mark.parametrize("row", LEVELS, ids=[f"{row[0]}:{row[1]}" for row in LEVELS])
def test_framework_level_facts(row: Row) -> None:
    fw, code, name, setting, twenty_four_hour, management, source = row
    lv = cc.level(code, framework=fw)
    assert lv.code == code
    assert lv.framework == fw
    assert lv.name == name
    assert (lv.setting, lv.twenty_four_hour, lv.management) == (
        setting,
        twenty_four_hour,
        management,
    )
    assert source in lv.sources
    assert cc.level(name, framework=fw) is lv  # the name is also an alias


def test_the_table_covers_every_level() -> None:
    listed = {(fw, code) for fw, code, *_ in LEVELS}
    shipped = {(fw.code, lv.code) for fw in cc.list_frameworks()[1:] for lv in fw}
    assert listed == shipped


@pytest.mark.parametrize(
    ("fw", "order", "source"),
    [
        (
            "asam3",
            "0.5 1 1-OBOT 1-OTP 1-WM 2-WM 2.1 2.5 3.1 3.2-WM 3.3 3.5 3.7 3.7-WM 4 4-WM",
            "ASAM3",  # numbered by intensity; a shared number ties and sorts by code
        ),
        ("asam4", "1.0 1.5 1.7 2.1 2.5 2.7 3.1 3.5 3.7 4", "ASAM4"),
        ("locus", "0 1 2 3 4 5 6", "LOCUS"),
        # by setting, then non-intensive < intensive; what TEDS does not order ties
        ("teds", "7 6 8 2 4 5 1 3", "TEDS"),
        (
            "continuum",
            "outpatient intensive_outpatient partial_hospitalization residential inpatient_acute",
            "SEED",
        ),
    ],
)
def test_levels_are_listed_least_to_most_intensive(fw: str, order: str, source: str) -> None:
    framework = cc.framework(fw)
    assert framework.codes == tuple(order.split())
    assert list(framework) == sorted(framework)
    assert source in framework.sources


@pytest.mark.parametrize(
    ("fw", "ties"),
    [
        ("asam3", [("1", "1-OBOT", "1-OTP", "1-WM"), ("3.7", "3.7-WM"), ("4", "4-WM")]),
        ("teds", [("6", "8"), ("2", "4", "5"), ("1", "3")]),
    ],
)
def test_rank_ties(fw: str, ties: list[tuple[str, ...]]) -> None:
    framework = cc.framework(fw)
    for group in ties:
        assert len({framework[code].rank for code in group}) == 1, group


def test_every_setting_ranks_above_the_settings_below_it() -> None:
    order = {AMB: 0, RES: 1, HOSP: 2}
    for fw in cc.list_frameworks():
        settings = [order[lv.setting] for lv in fw]
        assert settings == sorted(settings), fw.code


# -- unverified facts carry a note --------------------------------------------------------


def test_unverified_levels() -> None:
    unverified = {
        (lv.framework, lv.code) for fw in cc.list_frameworks() for lv in fw if not lv.verified
    }
    # 4-WM's name: no primary or state text seen; LOCUS 6's setting: a reading
    assert unverified == {("asam3", "4-WM"), ("locus", "6")}
    assert "name unverified" in cc.level("4-WM", framework="asam3").note
    assert "setting unverified" in cc.level("6", framework="locus").note


@pytest.mark.parametrize(
    ("fw", "code", "words"),
    [
        ("asam3", "0.5", "reading"),  # the name states no setting
        ("asam3", "1-OTP", "reading"),
        ("asam3", "1-OBOT", "the library's"),  # the code is formed like 1-OTP
        ("asam3", "3.7", "inpatient"),  # named inpatient, ranked residential
        ("asam3", "4", "reading"),
        ("asam4", "1.0", "reading"),
        ("asam4", "4", "reading"),
        ("locus", "0", "reading"),
        ("locus", "2", "reading"),
        ("teds", "4", "reading"),
        ("teds", "8", "does not order"),
    ],
)
def test_readings_of_names_are_noted(fw: str, code: str, words: str) -> None:
    assert words in cc.level(code, framework=fw).note


def test_asam4_replaces_the_php_name_and_drops_levels() -> None:  # ASAM4
    asam4 = cc.framework("asam4")
    assert asam4["PHP"].code == "2.5"
    assert asam4["2.5"].name == "High-Intensity Outpatient"
    assert "3.3" not in asam4
    assert not any(code.endswith("-WM") for code in asam4.codes)
    for code in ("1.7", "2.7", "3.7", "4"):  # withdrawal management folds in
        assert "Withdrawal management folds into this level" in asam4[code].description


def test_asam3_has_five_withdrawal_management_levels() -> None:  # ASAM3
    wm = [code for code in cc.framework("asam3").codes if code.endswith("-WM")]
    assert wm == ["1-WM", "2-WM", "3.2-WM", "3.7-WM", "4-WM"]


def test_teds_missing_code_is_not_a_level() -> None:  # TEDS: -9 missing
    teds = cc.framework("teds")
    assert "-9" not in teds
    with pytest.raises(cc.UnknownLevelError, match="'-9'; known: 7, 6, 8, 2, 4, 5, 1, 3"):
        cc.level("-9", framework="teds")
    assert "-9 (missing) is not a level" in teds.description


def test_teds_has_no_partial_hospitalization_code() -> None:  # TEDS
    teds = cc.framework("teds")
    assert not any("partial" in lv.name.casefold() for lv in teds)
    assert "no separate partial-hospitalization code" in teds.description


def test_locus_ships_levels_only() -> None:  # LOCUS: the composite→level grid is U
    locus = cc.framework("locus")
    assert "no placement algorithm" in locus.description
    assert all(lv.typical_hours_per_day is None and lv.typical_stay is None for lv in locus)
    assert "Minnesota requires LOCUS level 4" in locus["4"].description


def test_no_framework_ships_hours() -> None:  # thresholds belong to rule sets
    for fw in cc.list_frameworks()[1:]:
        for lv in fw:
            assert lv.typical_hours_per_day is None, lv
            assert lv.typical_days_per_week is None, lv


# -- registry lookups ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("continuum", "continuum"),
        ("Continuum of care", "continuum"),
        ("default", "continuum"),
        ("seed", "continuum"),
        ("asam3", "asam3"),
        ("ASAM3", "asam3"),
        ("ASAM 3rd edition", "asam3"),
        ("asam-3", "asam3"),
        ("ASAM Criteria, 3rd edition", "asam3"),
        ("asam4", "asam4"),
        ("ASAM 4th edition", "asam4"),
        ("ASAM fourth edition", "asam4"),
        ("locus", "locus"),
        ("LOCUS", "locus"),
        ("Level of Care Utilization System", "locus"),
        ("teds", "teds"),
        ("TEDS service settings", "teds"),
        ("SERVICES_D", "teds"),
        ("SERVSETD", "teds"),  # TEDS: the 2006–2014 codebooks' name for the discharge setting
    ],
)
def test_framework_lookup(key: str, code: str) -> None:
    assert cc.framework(key).code == code


def test_list_frameworks_builtins_in_order() -> None:
    assert [fw.code for fw in cc.list_frameworks()][:5] == [
        "continuum",
        "asam3",
        "asam4",
        "locus",
        "teds",
    ]


@pytest.mark.parametrize(("key", "suggestion"), [("asam5", "asam4"), ("tedd", "teds")])
def test_unknown_framework_suggests(key: str, suggestion: str) -> None:
    with pytest.raises(cc.UnknownFrameworkError) as info:
        cc.framework(key)
    assert isinstance(info.value, LookupError)
    assert suggestion in info.value.suggestions
    assert f"unknown framework {key!r}; did you mean" in str(info.value)


def test_unknown_framework_in_level_lookup() -> None:
    with pytest.raises(cc.UnknownFrameworkError, match="did you mean 'locus'"):
        cc.level("4", framework="locuss")


def test_framework_sequence_protocol() -> None:
    asam3 = cc.framework("asam3")
    assert len(asam3) == 16
    assert asam3["iop"].code == "2.1"
    assert "3.2 wm" in asam3
    assert asam3["2.1"] in asam3
    assert cc.level("IOP") not in asam3
    assert 2.1 not in asam3
    with pytest.raises(cc.UnknownLevelError, match=r"did you mean '3\.2-WM'"):
        asam3.level("3.2-WN")


def test_framework_repr_and_html() -> None:
    teds = cc.framework("teds")
    assert repr(teds) == "Framework('teds', 8 levels)"
    assert str(teds) == "TEDS service settings"
    page = cc.framework("asam3")._repr_html_()
    assert "Medically Managed Intensive Inpatient Withdrawal Management (unverified)" in page
    assert "clinically managed" in page
    assert "<p>The 2013 ASAM Criteria" in page


# -- validation ---------------------------------------------------------------------------


def _level(code: str, rank: float, framework: str = "mine", **extra: Any) -> cc.CareLevel:
    return cc.CareLevel(
        code=code, name=code.upper(), framework=framework, rank=rank, setting="ambulatory", **extra
    )


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ([_level("a", 0), _level("a", 1)], "level code 'a' appears twice in framework 'mine'"),
        (
            [_level("b", 1), _level("a", 0)],
            "levels of framework 'mine' must be listed in rank order (rank, then code): a, b",
        ),
        ([_level("b", 0), _level("a", 0)], "must be listed in rank order (rank, then code): a, b"),
        ([_level("a", 0, framework="other")], "level 'a' belongs to framework 'other'"),
        (
            [_level("a", 0), _level("b", 1, aliases=("A",))],
            "'A' (a code or alias of level 'b') also names level 'a' in framework 'mine'",
        ),
        ([], "levels\n  at least one item is required"),
    ],
)
def test_bad_framework_levels(levels: list[cc.CareLevel], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Framework(code="mine", name="Mine", levels=tuple(levels))
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "My Framework"}, "code\n  String should match pattern"),
        ({"name": ""}, "name\n  String should have at least 1 character"),
        ({"verified": False}, "an unverified framework needs a note"),
        ({"extra": 1}, "extra\n  Extra inputs are not permitted"),
    ],
)
def test_bad_framework_fields(changes: dict[str, Any], message: str) -> None:
    data: dict[str, Any] = {"code": "mine", "name": "Mine", "levels": (_level("a", 0),)}
    data.update(changes)
    with pytest.raises(ValidationError) as info:
        cc.Framework.model_validate(data)
    assert message in str(info.value)


# -- registration -------------------------------------------------------------------------


@pytest.fixture
def custom() -> Iterator[cc.Framework]:
    fw = cc.Framework(
        code="state-x",
        name="State X levels",
        aliases=("SX",),
        levels=(_level("a", 0, framework="state-x"), _level("b", 1, framework="state-x")),
    )
    yield fw
    if "state-x" in FRAMEWORKS.codes():
        cc.unregister_framework("state-x")


def test_a_level_is_found_by_its_name_unless_another_claims_it() -> None:
    named = _level("a", 0).model_copy(update={"name": "First"})
    clash = _level("b", 1, aliases=("first",))
    assert cc.Framework(code="mine", name="Mine", levels=(named,)).level("FIRST") is named
    both = cc.Framework(code="mine", name="Mine", levels=(named, clash))
    assert both.level("first") is clash  # an explicit alias wins over a name


def test_register_framework(custom: cc.Framework) -> None:
    assert cc.register_framework(custom) is custom
    assert cc.framework("state x levels") is custom
    assert cc.framework("sx") is custom
    assert cc.level("B", framework="SX").code == "b"
    assert custom in cc.list_frameworks()


def test_unregister_framework(custom: cc.Framework) -> None:
    cc.register_framework(custom)
    walk = cc.Crosswalk(
        source_framework="state-x",
        target_framework="continuum",
        mappings=(
            cc.LevelMapping(source="a", target="outpatient", match="exact"),
            cc.LevelMapping(source="b", match="none", lost="no counterpart"),
        ),
    )
    cc.register_crosswalk(walk)
    assert cc.unregister_framework("State X levels") is custom  # by name, too
    assert "sx" not in FRAMEWORKS
    assert walk not in cc.list_crosswalks()  # its crosswalks go with it
    with pytest.raises(cc.UnknownFrameworkError, match="unknown framework 'state-x'"):
        cc.unregister_framework("state-x")


def test_register_framework_duplicate(custom: cc.Framework) -> None:
    cc.register_framework(custom)
    with pytest.raises(cc.DuplicateRegistrationError) as info:
        cc.register_framework(custom)
    assert isinstance(info.value, ValueError)
    assert "a framework with code 'state-x' is already registered" in str(info.value)
    assert "replace=True" in str(info.value)
    replacement = custom.model_copy(update={"name": "State X, revised"})
    assert cc.register_framework(replacement, replace=True) is replacement
    assert cc.framework("state-x").name == "State X, revised"


def test_register_framework_clashing_with_a_builtin() -> None:
    teds_again = cc.Framework(code="teds", name="My TEDS", levels=(_level("a", 0, "teds"),))
    with pytest.raises(cc.DuplicateRegistrationError, match="'teds' is already registered"):
        cc.register_framework(teds_again)
    alias_clash = cc.Framework(code="mine", name="ASAM3", levels=(_level("a", 0),))
    with pytest.raises(cc.DuplicateRegistrationError, match="alias of 'asam3'"):
        cc.register_framework(alias_clash)
    assert "mine" not in FRAMEWORKS.codes()


# -- serialization ------------------------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn) -> cc.Framework:
    """A valid framework made of a subset of a built-in framework's levels."""
    base = draw(st.sampled_from(cc.list_frameworks()))
    picks = draw(st.sets(st.sampled_from(base.levels), min_size=1))
    return cc.Framework(
        code=base.code,
        name=draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)),
        aliases=tuple(draw(st.lists(st.text(max_size=10).filter(str.isprintable), max_size=2))),
        levels=tuple(sorted(picks)),
        description=draw(st.text(st.characters(codec="utf-8"), max_size=30)),
        sources=base.sources,
    )


@given(frameworks())
def test_framework_json_round_trip(fw: cc.Framework) -> None:
    again = cc.Framework.model_validate_json(fw.model_dump_json())
    assert again == fw
    assert again.codes == fw.codes


@pytest.mark.parametrize("fw", cc.list_frameworks()[:5], ids=lambda fw: fw.code)
def test_builtin_framework_round_trip(fw: cc.Framework) -> None:
    again = cc.Framework.model_validate_json(fw.model_dump_json())
    assert again == fw
    assert again.level(fw.codes[-1]) == fw.levels[-1]


def test_framework_json_schema() -> None:
    schema = cc.Framework.model_json_schema()
    assert schema["type"] == "object"
    assert {"code", "name", "aliases", "levels"} <= set(schema["properties"])


# -- the lookup index is a cache, not state -----------------------------------------------


def test_equality_does_not_depend_on_lookups() -> None:
    asam4 = cc.framework("asam4")
    asam4.level("php")  # builds the index
    fresh = cc.Framework.model_validate_json(asam4.model_dump_json())
    assert fresh == asam4
    assert hash(fresh) == hash(asam4)


def test_copies_pickles_and_model_copy() -> None:
    teds = cc.framework("teds")
    teds.level("IOP")
    for clone in (copy.copy(teds), copy.deepcopy(teds), pickle.loads(pickle.dumps(teds))):
        assert clone == teds
        assert clone.level("IOP").code == "6"
    fewer = teds.model_copy(update={"levels": teds.levels[:2]})  # shares the cache object
    assert fewer.codes == ("7", "6")
    with pytest.raises(cc.UnknownLevelError):
        fewer.level("8")
    assert teds.level("8").code == "8"  # the original is not confused by the copy
    renamed = teds.model_copy(update={"name": "Renamed"})
    with pytest.raises(cc.UnknownLevelError, match="care level in Renamed"):
        renamed.level("nine")


def test_repeated_lookups_agree() -> None:
    locus = cc.framework("locus")
    assert locus.level("LOCUS 4") is locus.level("locus 4") is locus.level("4")
    for _ in range(2):  # a miss is never remembered
        with pytest.raises(cc.UnknownLevelError):
            locus.level("LOCUS 9")


# -- names and aliases from the domain notes' corrections (2026-12) -------------------------

# framework, what to look up, the level it must find, source
NAMES: list[tuple[str, str, str, str]] = [
    # ASAM3 (S): the names without "Services" still find their level
    ("asam3", "Intensive Outpatient", "2.1", "ASAM3"),
    ("asam3", "Partial Hospitalization", "2.5", "ASAM3"),
    ("asam3", "Clinically Managed Low-Intensity Residential", "3.1", "ASAM3"),
    ("asam3", "Clinically Managed Population-Specific High-Intensity Residential", "3.3", "ASAM3"),
    ("asam3", "Clinically Managed High-Intensity Residential", "3.5", "ASAM3"),
    ("asam3", "Medically Monitored Intensive Inpatient", "3.7", "ASAM3"),
    ("asam3", "Medically Managed Intensive Inpatient", "4", "ASAM3"),
    # ASAM3 (S): the adolescent names of 3.5 and 3.7
    ("asam3", "Clinically Managed Medium-Intensity Residential Services", "3.5", "ASAM3"),
    ("asam3", "Medically Monitored High-Intensity Inpatient Services", "3.7", "ASAM3"),
    # ASAM3 (S): office-based opioid treatment beside OTP at level 1
    ("asam3", "OBOT", "1-OBOT", "ASAM3"),
    ("asam3", "Office-Based Opioid Treatment", "1-OBOT", "ASAM3"),
    ("asam3", "OTP", "1-OTP", "ASAM3"),
    # LOCUS (C, weak): level 0 is also written this way
    ("locus", "Basic Services for Prevention and Maintenance", "0", "LOCUS"),
]


@pytest.mark.parametrize(("fw", "key", "code", "source"), NAMES)
def test_level_names_and_aliases(fw: str, key: str, code: str, source: str) -> None:
    lv = cc.level(key, framework=fw)
    assert lv.code == code
    assert source in lv.sources


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("3.5", "Clinically Managed Medium-Intensity Residential Services"),
        ("3.7", "Medically Monitored High-Intensity Inpatient Services"),
    ],
)
def test_asam3_adolescent_names_are_stated(code: str, name: str) -> None:  # ASAM3 (S)
    lv = cc.level(code, framework="asam3")
    assert lv.description == f"For adolescents the 3rd edition names this level {name!r} [ASAM3]."


def test_asam3_treatment_level_names_end_in_services() -> None:  # ASAM3 (S)
    asam3 = cc.framework("asam3")
    treatment = [lv for lv in asam3 if "-" not in lv.code and lv.code != "0.5"]
    assert [lv.code for lv in treatment] == ["1", "2.1", "2.5", "3.1", "3.3", "3.5", "3.7", "4"]
    assert all(lv.name.endswith(" Services") for lv in treatment)
    # withdrawal-management names are quoted from state texts, without "Services"
    assert not any(lv.name.endswith("Services") for lv in asam3 if lv.code.endswith("-WM"))
