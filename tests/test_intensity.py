"""Intensity: calculators, classification results, rule-set registry, compliance."""

from __future__ import annotations

import json
import math
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.intensity import (
    describe_all,
    edge,
    total_hours,
    total_hours_range,
    weekly_hours,
    weekly_hours_range,
)
from carecontinuum.units import quantity

# -- calculators --------------------------------------------------------------------------


def test_weekly_and_total_hours() -> None:
    assert weekly_hours(3, 4) == quantity(12, "hour / week")
    assert weekly_hours("180 min", quantity(4, "day / week")) == quantity(12, "hour / week")
    assert total_hours(3, 4, 6) == quantity(72, "hour")
    assert total_hours(3, 4, "42 days") == quantity(72, "hour")


def test_the_seeds_iop_adds_up_to_36_to_120_hours() -> None:
    """3–4 h/day × 3–5 days/week × 4–6 weeks [SEED]."""
    total = total_hours_range((3, 4), (3, 5), cc.QuantityRange(low=4, high=6, unit="week"))
    assert (total.low, total.high, total.unit) == (36, 120, "hour")
    weekly = weekly_hours_range(cc.QuantityRange(low=3, high=4, unit="hour / day"), (3, 5))
    assert (weekly.low, weekly.high, weekly.unit) == (9, 20, "hour / week")


def test_ranges_accept_single_values_and_other_units() -> None:
    total = total_hours_range(
        3, ("3 day/week", "5 day/week"), cc.QuantityRange(low=1, unit="month", high=1)
    )
    assert total.low == pytest.approx(9 * 30.4375 / 7)
    assert str(weekly_hours_range(3, 3)) == "9 hour / week"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: weekly_hours(25, 3), "at most 24 hours per day, got 25"),
        (lambda: weekly_hours(3, 8), "at most 7 days per week, got 8"),
        (lambda: weekly_hours("3 meters", 3), "[length]"),
        (lambda: total_hours(3, 3, 0), "more than 0 weeks, got 0"),
        (lambda: total_hours(3, 3, float("nan")), "finite"),
    ],
)
def test_calculators_reject_bad_values_naming_the_field(call: Any, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    assert words in str(info.value)
    assert info.value.errors()[0]["loc"][0] in ("hours_per_day", "days_per_week", "weeks")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (((4, 3), 3), "hours_per_day: the low end (4) is above the high end (3)"),
        (((3, 4, 5), 3), "needs two values (low, high), got 3"),
        ((cc.QuantityRange(low=3, unit="hour / day"), 3), "open range"),
    ],
)
def test_bad_ranges(args: tuple[Any, Any], words: str) -> None:
    with pytest.raises(cc.IntensityInputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        weekly_hours_range(*args)


# -- exact thresholds ---------------------------------------------------------------------


def test_edges_are_the_smallest_reaching_floats() -> None:
    for threshold in (2, 3, 6, 9, 20, 7.5, 0.25):
        e = edge(threshold)
        ticks = round(threshold * 3.6e9)
        assert round(e * 3.6e9) >= ticks
        assert round(math.nextafter(e, 0) * 3.6e9) < ticks


def test_float_drift_does_not_cross_a_threshold() -> None:
    drifted = sum([1 / 3] * 27)
    assert drifted < 9
    assert drifted >= edge(9)
    assert edge(9) <= 0.1 + 0.2 + 8.7  # 8.999999999999998 or 9.0, either way 9 h


# -- classification results ---------------------------------------------------------------


def test_the_reason_reads_as_a_sentence() -> None:
    c = cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3))
    assert c.reason == "9 h/week ≥ 9 h/week: intensive outpatient under ASAM 3rd ed. (adult)"
    assert c.rule_set is cc.rule_set("asam3-adult")
    assert c.level is cc.level("IOP")
    assert c.hours_per_week == quantity(9, "hour / week")
    assert c.tier is not None
    assert c.tier.level == "intensive_outpatient"
    assert str(c) == c.reason


def test_a_rule_set_without_a_level_says_so() -> None:
    c = cc.classify(cc.Schedule(hours_per_day=1, days_per_week=2), "medicare")
    assert c.level is None
    assert not c.defined
    assert c.reason == (
        "2 h/week < 9 h/week: no level under Medicare "
        "(Medicare defines no level below its 9 h/week IOP floor)"
    )


def test_classification_display_and_dict() -> None:
    c = cc.classify(cc.Schedule(hours_per_day=5, days_per_week=5), "medicare")
    assert repr(c) == "Classification('partial_hospitalization', rules='medicare', 25 h/week)"
    assert "Partial hospitalization" in c._repr_html_()
    data = c.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["sources"] == ["CFR-PHP"]


def test_classify_rejects_what_is_not_a_schedule() -> None:
    with pytest.raises(TypeError, match="takes a Schedule or a WeeklySchedule"):
        cc.classify(9)  # type: ignore[arg-type]


def test_classify_all_puts_the_verdicts_side_by_side() -> None:
    table = cc.classify_all(cc.Schedule(hours_per_day=5, days_per_week=5))
    assert [c.rule_set.id for c in table][:5] == [
        "asam3-adult",
        "asam3-adolescent",
        "medicare",
        "teds",
        "hcpcs-h0015",
    ]
    assert table["teds"].level_code == "intensive_outpatient"
    assert table[0].level_code == "partial_hospitalization"
    assert table.disagreements == {
        "intensive_outpatient": ("teds", "hcpcs-h0015"),
        "partial_hospitalization": ("asam3-adult", "asam3-adolescent", "medicare"),
    }
    assert not table.agree
    assert len(table) == len(cc.list_rule_sets())
    assert "<table>" in table._repr_html_()
    with pytest.raises(cc.UnknownRuleSetError):
        table["locus"]


def test_classify_all_with_chosen_rule_sets_and_agreement() -> None:
    table = cc.classify_all(cc.Schedule(hours_per_day=3, days_per_week=3), ["asam3-adult", "teds"])
    assert table.levels == {"asam3-adult": "intensive_outpatient", "teds": "intensive_outpatient"}
    assert table.agree
    assert table.disagreements == {}


@settings(deadline=None)
@given(
    st.integers(1, 24 * 60), st.integers(1, 7), st.booleans(), st.sampled_from([None, "hospital"])
)
def test_describe_all_fits_80_columns(minutes: int, days: int, stay: bool, setting: Any) -> None:
    schedule = cc.Schedule(
        hours_per_day=minutes / 60,
        days_per_week=days,
        twenty_four_hour=stay,
        setting=setting if stay else None,
    )
    text = describe_all(schedule)
    assert all(len(line) <= 80 for line in text.splitlines()), text
    for rs in cc.list_rule_sets():
        assert rs.id in text


def test_describe_all_shows_disagreement() -> None:
    text = describe_all(cc.Schedule(hours_per_day=1.5, days_per_week=5))
    assert "The rule sets disagree" in text
    assert "no level defined" in text


# -- rule sets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "sources", "population_word"),
    [
        ("asam3-adult", ("ASAM3",), "adults"),
        ("asam3-adolescent", ("ASAM3",), "adolescents"),
        ("medicare", ("CMS-IOP", "CFR-PHP"), "Medicare"),
        ("teds", ("TEDS",), "TEDS"),
        ("hcpcs-h0015", ("HCPCS",), "H0015"),
    ],
)
def test_builtin_rule_sets_carry_source_and_population(
    rule_id: str, sources: tuple[str, ...], population_word: str
) -> None:
    rs = cc.rule_set(rule_id)
    assert rs.sources == sources
    assert population_word in rs.population
    for tier in rs.tiers:
        for source in tier.sources:
            cc.source(source)  # every cited id exists


def test_firmness_is_recorded() -> None:
    assert cc.rule_set("asam3-adult").tier("PHP").firmness is cc.Firmness.SECONDARY
    assert cc.rule_set("asam3-adult").tier("IOP").firmness is cc.Firmness.PRIMARY
    assert cc.rule_set("hcpcs-h0015").tier("IOP").firmness is cc.Firmness.CONSISTENT
    assert "convention" in cc.rule_set("medicare").tier("IOP").note


def test_unknown_rule_set_suggests() -> None:
    with pytest.raises(cc.UnknownRuleSetError) as info:
        cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3), rules="asam3-adlut")
    assert info.value.suggestions[0] == "asam3-adult"
    assert isinstance(info.value, LookupError)
    with pytest.raises(cc.UnknownLevelError, match="teds"):
        cc.rule_set("teds").tier("PHP")


def test_rule_set_lookup_by_alias_and_name() -> None:
    assert cc.rule_set("ASAM3").id == "asam3-adult"
    assert cc.rule_set("H0015").id == "hcpcs-h0015"
    assert cc.rule_set("Medicare") is cc.rule_set("medicare")


def _state_rule(**overrides: Any) -> cc.RuleSet:
    data: dict[str, Any] = {
        "id": "test-state",
        "name": "Test State",
        "population": "adults in the test state",
        "tiers": [
            {
                "level": "intensive_outpatient",
                "conditions": [
                    {"kind": "weekly_hours", "at_least": "540 min"},
                    {"kind": "daily_hours", "hours_at_least": 0, "days_at_least": 3},
                ],
            },
            {
                "level": "partial_hospitalization",
                "conditions": [
                    {"kind": "weekly_hours", "at_least": 15},
                ],
            },
        ],
        "below": "outpatient",
        "sources": ["SEED"],
    }
    return cc.RuleSet(**{**data, **overrides})


def test_classify_by_id_follows_a_replaced_or_removed_rule_set() -> None:
    # classify() remembers what an id named; a replacement or an unregister must show
    s = cc.Schedule(hours_per_day=3, days_per_week=3)  # 9 h/week
    cc.register_rule_set(_state_rule())
    try:
        assert cc.classify(s, "test-state").level_code == "intensive_outpatient"
        assert cc.classify(s, "Test State").level_code == "intensive_outpatient"
        stricter = _state_rule(
            tiers=[
                {
                    "level": "intensive_outpatient",
                    "conditions": [{"kind": "weekly_hours", "at_least": 12}],
                }
            ]
        )
        cc.register_rule_set(stricter, replace=True)
        for key in ("test-state", "Test State"):
            found = cc.classify(s, key)
            assert found.rule_set is stricter
            assert found.level_code == "outpatient"
    finally:
        cc.unregister_rule_set("test-state")
    with pytest.raises(cc.UnknownRuleSetError):
        cc.classify(s, "test-state")


def test_register_a_rule_set_of_your_own() -> None:
    state = _state_rule()
    assert state.tiers[0].conditions[0].at_least == 9  # type: ignore[union-attr]
    cc.register_rule_set(state)
    try:
        assert cc.rule_set("test-state") is state
        assert cc.rule_set("Test State") is state
        s = cc.Schedule(hours_per_day=4.5, days_per_week=2)
        assert cc.classify(s, "test-state").level_code == "outpatient"
        assert cc.classify(
            cc.Schedule(hours_per_day=3, days_per_week=5), "test-state"
        ).level_code == ("partial_hospitalization")
        assert "test-state" in cc.classify_all(s).levels
        with pytest.raises(cc.DuplicateRegistrationError):
            cc.register_rule_set(state)
        cc.register_rule_set(state, replace=True)
    finally:
        cc.unregister_rule_set("test-state")
    with pytest.raises(cc.UnknownRuleSetError):
        cc.rule_set("test-state")


def test_register_refuses_what_is_not_a_rule_set() -> None:
    with pytest.raises(TypeError):
        cc.register_rule_set({"id": "x"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"below": "residential"}, "24-hour level"),
        ({"below": "partial_hospitalization"}, "must rise in intensity"),
        ({"below": "somewhere"}, "unknown care level in Continuum of care 'somewhere'"),
        ({"tiers": []}, "at least one item is required"),
        ({"id": "Bad Id"}, "should match pattern"),
        (
            {
                "tiers": [
                    {
                        "level": "intensive_outpatient",
                        "conditions": [{"kind": "monthly_hours", "at_least": 9}],
                    }
                ]
            },
            "does not match any of the expected tags",
        ),
        (
            {
                "tiers": [
                    {
                        "level": "intensive_outpatient",
                        "conditions": [{"kind": "weekly_hours", "at_least": "9 meters"}],
                    }
                ]
            },
            "[length]",
        ),
        (
            {
                "tiers": [
                    {
                        "level": "intensive_outpatient",
                        "conditions": [
                            {"kind": "daily_hours", "hours_at_least": 2, "days_at_least": 9}
                        ],
                    }
                ]
            },
            "at most 7 days per week",
        ),
    ],
)
def test_bad_rule_sets(overrides: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError) as info:
        _state_rule(**overrides)
    assert words in str(info.value)


@pytest.mark.parametrize("rs", cc.list_rule_sets(), ids=lambda rs: rs.id)
def test_rule_sets_round_trip_through_json(rs: cc.RuleSet) -> None:
    back = cc.RuleSet.model_validate_json(rs.model_dump_json())
    assert back == rs
    assert pickle.loads(pickle.dumps(rs)) == rs
    assert repr(rs).startswith(f"RuleSet({rs.id!r}")
    assert rs.name in rs._repr_html_()


def test_a_compiled_rule_set_still_equals_a_fresh_one() -> None:
    rs = cc.rule_set("teds")
    _ = rs.compiled
    assert cc.RuleSet.model_validate_json(rs.model_dump_json()) == rs


@pytest.mark.parametrize(
    "model",
    [cc.RuleSet, cc.Tier, cc.WeeklyHours, cc.DailyHours, cc.WeeklyCompliance],
)
def test_json_schema(model: type[Any]) -> None:
    for mode in ("validation", "serialization"):
        assert model.model_json_schema(mode=mode)["type"] == "object"


# -- weekly compliance --------------------------------------------------------------------


def test_medicare_php_weeks_under_20_hours() -> None:
    """Medicare PHP needs at least 20 hours of therapeutic services a week [CFR-PHP]."""
    report = cc.weekly_compliance([20, "1199 min", 25, quantity(19.5, "hour / week"), 20])
    assert report.below == (2, 4)
    assert not report.compliant
    assert report.shortfalls[4] == pytest.approx(0.5)
    assert report.sources == ("CFR-PHP",)
    assert repr(report) == (
        "WeeklyCompliance(medicare partial_hospitalization ≥ 20 h/week: weeks 2, 4 of 5 below)"
    )
    assert "below the floor" in report._repr_html_()
    back = cc.WeeklyCompliance.model_validate_json(report.model_dump_json())
    assert back == report


def test_compliance_is_exact_and_uses_the_rule_sets_floor() -> None:
    report = cc.weekly_compliance([sum([1 / 3] * 27), 9], level="IOP", rules="asam3-adult")
    assert report.compliant
    assert report.floor == 9
    assert repr(report).endswith("no week of 2 below)")
    one = cc.weekly_compliance([8, 9], level="IOP", rules="medicare")
    assert repr(one).endswith("week 1 of 2 below)")


def test_compliance_errors() -> None:
    with pytest.raises(cc.IntensityInputError, match="weekly totals cannot show"):
        cc.weekly_compliance([10], level="IOP", rules="teds")
    with pytest.raises(cc.UnknownLevelError):
        cc.weekly_compliance([10], level="residential")
    with pytest.raises(ValidationError, match="at least 0 hours per week, got -1"):
        cc.weekly_compliance([10, -1])
    with pytest.raises(ValidationError, match="at least one item is required"):
        cc.weekly_compliance([])


def test_a_bad_condition_is_reported_once_not_buried_under_empty_tuple_errors() -> None:
    with pytest.raises(ValidationError) as info:
        cc.RuleSet(
            id="x",
            name="x",
            population="adults",
            tiers=[
                {
                    "level": "intensive_outpatient",
                    "conditions": [{"kind": "weekly_hours", "at_least": "3 meters"}],
                }
            ],
            below="outpatient",
        )
    (error,) = info.value.errors()
    assert error["loc"] == ("tiers", 0, "conditions", 0, "weekly_hours", "at_least")
    assert error["type"] == "quantity_dimension"


def test_a_classification_says_whether_its_threshold_is_verified() -> None:
    # ASAM 3rd ed. IOP floor is primary (P), its PHP floor secondary (S) [ASAM3]
    iop = cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3), rules="asam3-adult")
    php = cc.classify(cc.Schedule(hours_per_day=5, days_per_week=5), rules="asam3-adult")
    assert (iop.verified, iop.firmness) == (True, cc.Firmness.PRIMARY)
    assert (php.verified, php.firmness) == (True, cc.Firmness.SECONDARY)
    below = cc.classify(cc.Schedule(hours_per_day=1, days_per_week=1), rules="asam3-adult")
    assert below.firmness is None
    shaky = cc.rule_set("asam3-adult").model_copy(
        update={
            "id": "shaky-demo",
            "name": "Shaky demo",
            "aliases": (),
            "tiers": tuple(
                t.model_copy(update={"firmness": cc.Firmness.UNVERIFIED, "note": "demo"})
                for t in cc.rule_set("asam3-adult").tiers
            ),
        }
    )
    assert cc.classify(cc.Schedule(hours_per_day=3, days_per_week=3), rules=shaky).verified is False
