"""Placements and journeys: moves, lengths of stay, treatment hours, rebounds and checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum import DischargeReason, TransitionKind

D = dt.date


def _journey(*rows: tuple[str, str, str | None], **kw: Any) -> cc.Journey:
    return cc.Journey(placements=[{"level": lv, "start": a, "end": b} for lv, a, b in rows], **kw)


# -- discharge reasons ---------------------------------------------------------------

# TEDS-D REASON codebook, the 2015–2019 value tables' exact labels [TEDS-D-CB]
TEDS_REASONS = [
    (1, "COMPLETED", "Treatment completed"),
    (2, "DROPPED_OUT", "Dropped out of treatment"),
    (3, "TERMINATED", "Terminated by facility"),
    (4, "TRANSFERRED", "Transferred to another treatment program or facility"),
    (5, "INCARCERATED", "Incarcerated"),
    (6, "DEATH", "Death"),
    (7, "OTHER", "Other"),
    (-9, "MISSING", "Missing/unknown/not collected/invalid"),
]

# older or shorter wording that still reads as the code: (words, code, source)
REASON_ALIASES = [
    ("Left against professional advice", 2, "TEDS"),  # the 2006–2014 codebooks' label for 2
    ("left against professional advice", 2, "TEDS"),
    ("Dropped out", 2, "TEDS"),  # the library's earlier short labels
    ("Transferred to another program or facility", 4, "TEDS"),
    ("Missing", -9, "TEDS"),
]


@pytest.mark.parametrize(("words", "code", "source"), REASON_ALIASES)
def test_discharge_reason_aliases(words: str, code: int, source: str) -> None:
    p = cc.Placement(level="IOP", start=D(2024, 1, 1), end=D(2024, 1, 2), discharge_reason=words)
    assert p.discharge_reason is DischargeReason(code)
    assert words.casefold() in {a.casefold() for a in DischargeReason(code).aliases}


@pytest.mark.parametrize(("code", "name", "label"), TEDS_REASONS)
def test_discharge_reasons_are_the_teds_codes(code: int, name: str, label: str) -> None:
    reason = DischargeReason(code)
    assert reason.name == name
    assert reason.label == label
    p = cc.Placement(level="IOP", start=D(2024, 1, 1), end=D(2024, 1, 2), discharge_reason=code)
    assert p.discharge_reason is reason


def test_every_teds_reason_is_listed() -> None:
    assert {r.value for r in DischargeReason} == {c for c, _, _ in TEDS_REASONS}


@pytest.mark.parametrize("given_as", [4, "4", "transferred", "Transferred", "TRANSFERRED"])
def test_discharge_reason_inputs(given_as: object) -> None:
    p = cc.Placement(level="IOP", start=D(2024, 1, 1), discharge_reason=given_as)
    assert p.discharge_reason is DischargeReason.TRANSFERRED


@pytest.mark.parametrize(
    ("bad", "words"), [(8, "Input should be 1, 2, 3"), ("gone", "unknown discharge reason 'gone'")]
)
def test_bad_discharge_reason(bad: object, words: str) -> None:
    with pytest.raises(ValidationError, match=words) as err:
        cc.Placement(level="IOP", start=D(2024, 1, 1), discharge_reason=bad)
    assert err.value.errors()[0]["loc"] == ("discharge_reason",)


# -- placements ----------------------------------------------------------------------


def test_placement_levels_by_alias_framework_or_object() -> None:
    assert cc.Placement(level="PHP", start=D(2024, 1, 1)).code == "partial_hospitalization"
    asam = cc.Placement(level="asam3:2.1", start=D(2024, 1, 1))
    assert asam.level == cc.level("2.1", framework="asam3")
    mine = cc.CareLevel(
        code="crisis", name="Crisis", framework="mine", rank=3.5, setting="hospital",
        twenty_four_hour=True,
    )  # fmt: skip
    assert cc.Placement(level=mine, start=D(2024, 1, 1)).level is mine


def test_unknown_level_is_a_validation_error_naming_the_field() -> None:
    with pytest.raises(ValidationError, match="did you mean 'intensive_outpatient'") as err:
        cc.Placement(level="intensive outpatent", start=D(2024, 1, 1))
    assert err.value.errors()[0]["loc"] == ("level",)
    with pytest.raises(ValidationError, match="unknown framework 'asam9'"):
        cc.Placement(level="asam9:2.1", start=D(2024, 1, 1))


def test_placement_ending_before_it_starts_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"cannot end \(2024-01-01\) before it starts"):
        cc.Placement(level="IOP", start=D(2024, 1, 5), end=D(2024, 1, 1))
    same_day = cc.Placement(level="OP", start=D(2024, 1, 5), end=D(2024, 1, 5))
    assert same_day.length_of_stay() == 0


def test_length_of_stay_and_open_placements() -> None:
    p = cc.Placement(level="IOP", start=D(2024, 1, 8), end=D(2024, 2, 19))
    assert p.length_of_stay() == 42
    assert not p.is_open
    ongoing = cc.Placement(level="IOP", start=D(2024, 1, 8))
    assert ongoing.is_open
    assert ongoing.length_of_stay() is None
    assert ongoing.length_of_stay(as_of=D(2024, 1, 15)) == 7
    assert ongoing.length_of_stay(as_of=D(2024, 1, 1)) == 0


def test_treatment_hours_from_the_schedule() -> None:
    nine = cc.Schedule(hours_per_day=3, days_per_week=3)  # 9 h/week
    p = cc.Placement(level="IOP", start=D(2024, 1, 8), end=D(2024, 2, 19), schedule=nine)
    assert p.treatment_hours().to("hour").magnitude == pytest.approx(54.0)  # 6 weeks × 9 h
    # a course of 4 weeks delivers at most its 36 hours, however long the stay
    course = cc.Schedule(hours_per_day=3, days_per_week=3, weeks=4)
    capped = cc.Placement(level="IOP", start=D(2024, 1, 8), end=D(2024, 2, 19), schedule=course)
    assert capped.treatment_hours().magnitude == pytest.approx(36.0)
    assert cc.Placement(level="IOP", start=D(2024, 1, 8)).treatment_hours() is None
    open_ = cc.Placement(level="IOP", start=D(2024, 1, 8), schedule=nine)
    assert open_.treatment_hours() is None
    assert open_.treatment_hours(as_of=D(2024, 1, 22)).magnitude == pytest.approx(18.0)


def test_placement_repr_and_html() -> None:
    p = cc.Placement(level="IOP", start=D(2024, 1, 8), end=D(2024, 2, 19), discharge_reason=1)
    assert (
        repr(p) == "Placement('intensive_outpatient', 2024-01-08 → 2024-02-19, Treatment completed)"
    )
    assert repr(cc.Placement(level="OP", start=D(2024, 1, 8))) == (
        "Placement('outpatient', 2024-01-08 → ongoing)"
    )
    html = p._repr_html_()
    assert "42 days" in html
    assert "1 Treatment completed" in html


# -- journeys ------------------------------------------------------------------------


def test_moves_are_labelled() -> None:
    j = _journey(
        ("inpatient_acute", "2024-01-01", "2024-01-10"),
        ("IOP", "2024-01-10", "2024-02-21"),
        ("IOP", "2024-02-21", "2024-03-01"),
        ("PHP", "2024-03-04", None),
    )
    kinds = [m.kind for m in j.transitions]
    assert kinds == [TransitionKind.STEP_DOWN, TransitionKind.LATERAL, TransitionKind.STEP_UP]
    last = j.transitions[-1]
    assert (last.index, last.source, last.target, last.on, last.gap_days) == (
        3, "intensive_outpatient", "partial_hospitalization", D(2024, 3, 4), 3
    )  # fmt: skip
    assert j.levels[0] == "inpatient_acute"


def test_length_of_stay_per_placement_and_level() -> None:
    j = _journey(
        ("IOP", "2024-01-01", "2024-01-29"),
        ("OP", "2024-01-29", "2024-03-01"),
        ("IOP", "2024-03-01", None),
    )
    assert j.length_of_stay() == (28, 32, None)
    assert j.length_of_stay(as_of=D(2024, 3, 8)) == (28, 32, 7)
    assert j.length_of_stay_by_level() == {"intensive_outpatient": 28, "outpatient": 32}
    assert j.length_of_stay_by_level(as_of=D(2024, 3, 8))["intensive_outpatient"] == 35


def test_cumulative_treatment_hours() -> None:
    php = cc.Schedule(hours_per_day=5, days_per_week=5)  # 25 h/week
    iop = cc.Schedule(hours_per_day=3, days_per_week=3)  # 9 h/week
    j = cc.Journey(
        placements=[
            cc.Placement(level="PHP", start=D(2024, 1, 1), end=D(2024, 1, 15), schedule=php),
            cc.Placement(level="IOP", start=D(2024, 1, 15), end=D(2024, 2, 26), schedule=iop),
            cc.Placement(level="OP", start=D(2024, 2, 26), end=D(2024, 5, 1)),
            cc.Placement(level="IOP", start=D(2024, 5, 1), schedule=iop),
        ]
    )
    hours = j.treatment_hours
    assert str(hours.units) == "hour"
    assert hours.magnitude == pytest.approx(2 * 25 + 6 * 9)
    assert cc.Journey().treatment_hours.magnitude == 0


@pytest.mark.parametrize(
    ("within", "expected"),
    [(0, []), (9, []), (10, ["2024-03-11"]), (60, ["2024-03-11", "2024-06-01"])],
)
def test_rebounds(within: int, expected: list[str]) -> None:
    j = _journey(
        ("residential", "2024-01-01", "2024-03-01"),
        ("IOP", "2024-03-01", "2024-03-11"),  # step-down on 03-01
        ("PHP", "2024-03-11", "2024-04-15"),  # step-up 10 days later
        ("IOP", "2024-04-15", "2024-05-01"),  # step-down on 04-15
        ("IOP", "2024-05-01", "2024-06-01"),  # lateral
        ("residential", "2024-06-01", None),  # step-up 47 days after the step-down
    )
    assert [m.on.isoformat() for m in j.rebounds(within_days=within)] == expected


def test_no_rebound_without_a_step_down_first() -> None:
    j = _journey(("OP", "2024-01-01", "2024-01-05"), ("IOP", "2024-01-05", None))
    assert j.rebounds(within_days=365) == ()


# -- checks: every finding, not only the first ---------------------------------------


def test_a_clean_journey_has_no_findings() -> None:
    j = _journey(
        ("inpatient acute", "2024-01-01", "2024-01-10"),
        ("residential", "2024-01-10", "2024-02-10"),
        ("PHP", "2024-02-10", "2024-03-01"),
        ("IOP", "2024-03-01", "2024-04-12"),
        ("OP", "2024-04-12", None),
    )
    assert j.check() == []
    assert j.check(cc.default_graph()) == []


def test_check_reports_every_problem() -> None:
    j = cc.Journey(
        placements=[
            {"level": "IOP", "start": "2024-01-01", "end": "2024-02-01"},
            {"level": "OP", "start": "2024-01-20", "end": "2024-03-01"},  # overlap
            {"level": "IOP", "start": "2024-03-10", "end": "2024-04-01"},  # gap
            {"level": "inpatient_acute", "start": "2024-04-01"},  # open, not last
            {"level": "OP", "start": "2024-05-01", "end": "2024-05-02"},  # not allowed
            {"level": "PHP", "start": "2024-04-20", "discharge_reason": 2},  # unsorted
        ]
    )
    found = [(f.code, f.location, f.severity) for f in j.check()]
    assert found == [
        ("overlap", 1, "error"),
        ("gap", 2, "warning"),
        ("open-not-last", 3, "error"),
        ("move-not-allowed", 4, "error"),
        ("reason-without-end", 5, "warning"),
        ("unsorted", 5, "error"),
    ]
    messages = {f.code: f.message for f in j.check()}
    assert "overlap by 12 days" in messages["overlap"]
    assert "9 days without care between placement 1" in messages["gap"]
    assert "no move from 'inpatient_acute' to 'outpatient'" in messages["move-not-allowed"]
    assert "step-down to residential (typical)" in messages["move-not-allowed"]
    assert "sort the placements by start date" in messages["unsorted"]


def test_gap_tolerance() -> None:
    j = _journey(("IOP", "2024-01-01", "2024-01-29"), ("OP", "2024-02-01", None))
    assert [f.code for f in j.check()] == ["gap"]
    assert j.check(max_gap_days=3) == []


def test_unknown_levels_and_custom_graphs() -> None:
    asam = cc.level("2.1", framework="asam3")
    j = cc.Journey(
        placements=[
            cc.Placement(level="IOP", start=D(2024, 1, 1), end=D(2024, 2, 1)),
            cc.Placement(level=asam, start=D(2024, 2, 1), end=D(2024, 3, 1)),
        ]
    )
    (finding,) = j.check()
    assert finding.code == "unknown-level"
    assert finding.location == 1
    assert "level '2.1' is not in graph 'continuum'" in finding.message
    two = cc.default_graph().subgraph(["OP", "IOP"], name="clinic")
    k = _journey(("IOP", "2024-01-01", "2024-02-01"), ("PHP", "2024-02-01", None))
    assert [f.message for f in k.check(two)] == [
        "placement 1: level 'partial_hospitalization' is not in graph 'clinic'"
    ]


def test_moves_checked_against_a_custom_graph() -> None:
    g = cc.default_graph()
    j = _journey(("inpatient_acute", "2024-01-01", "2024-01-05"), ("OP", "2024-01-05", None))
    assert [f.code for f in j.check(g)] == ["move-not-allowed"]
    g.add_transition("inpatient_acute", "OP", rationale="discharged to outpatient care")
    assert j.check(g) == []


def test_nothing_after_death() -> None:
    j = cc.Journey(
        placements=[
            {"level": "inpatient_acute", "start": "2024-01-01", "end": "2024-01-05",
             "discharge_reason": 6},
            {"level": "residential", "start": "2024-01-05", "end": "2024-02-05"},
        ]
    )  # fmt: skip
    assert [(f.code, f.location) for f in j.check()] == [("after-death", 1)]


def test_same_level_moves_are_not_checked_against_the_graph() -> None:
    j = _journey(("IOP", "2024-01-01", "2024-02-01"), ("IOP", "2024-02-01", None))
    assert j.check() == []


# -- display and text ----------------------------------------------------------------


def test_journey_repr_describe_and_html() -> None:
    j = cc.Journey(
        person_id=7,
        placements=[
            {"level": "residential", "start": "2024-01-01", "end": "2024-02-01",
             "discharge_reason": 4},
            {"level": "IOP", "start": "2024-02-01"},
        ],
    )  # fmt: skip
    assert repr(j) == "Journey(7: residential ↓ intensive_outpatient)"
    assert repr(cc.Journey()) == "Journey(no placements)"
    text = j.describe()
    assert text.splitlines() == [
        "2024-01-01 → 2024-02-01  Inpatient residential (31 days; "
        "Transferred to another treatment program or facility)",
        "  ↓ step-down to intensive_outpatient",
        "2024-02-01 → ongoing     Intensive outpatient (IOP)",
    ]
    assert str(j) == text
    html = j._repr_html_()
    assert "Journey of 7" in html
    assert "↓ step-down" in html
    move = j.transitions[0]
    assert str(move) == "2024-02-01 residential ↓ intensive_outpatient"
    assert "step-down" in move._repr_html_()


# -- JSON round-trips (Hypothesis) ---------------------------------------------------

_CONTINUUM = ["outpatient", "IOP", "PHP", "residential", "inpatient_acute", "asam3:3.5", "locus:4"]
_DATES = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 1, 1))


@st.composite
def placements(draw: st.DrawFn) -> cc.Placement:
    start = draw(_DATES)
    end = draw(st.none() | st.integers(0, 400).map(lambda n: start + dt.timedelta(days=n)))
    schedule = draw(
        st.none()
        | st.builds(cc.Schedule, hours_per_day=st.integers(1, 8), days_per_week=st.integers(1, 7))
    )
    level: object = draw(st.sampled_from(_CONTINUUM))
    if draw(st.booleans()):
        level = cc.CareLevel(
            code=draw(st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)),
            name=draw(st.text(min_size=1, max_size=10)),
            framework="custom",
            rank=draw(st.floats(-3, 9, allow_nan=False)),
            setting="ambulatory",
        )
    return cc.Placement(
        level=level,
        start=start,
        end=end,
        schedule=schedule,
        discharge_reason=draw(st.none() | st.sampled_from(list(DischargeReason))),
    )


journeys = st.builds(
    cc.Journey,
    person_id=st.none() | st.integers() | st.text(max_size=8),
    placements=st.lists(placements(), max_size=6).map(tuple),
)


@given(placements())
def test_placement_json_round_trip(p: cc.Placement) -> None:
    assert cc.Placement.model_validate_json(p.model_dump_json()) == p


@given(journeys)
@settings(max_examples=50)
def test_journey_json_round_trip(j: cc.Journey) -> None:
    back = cc.Journey.model_validate_json(j.model_dump_json())
    assert back == j
    assert back.transitions == j.transitions
    for m in j.transitions:
        assert cc.Move.model_validate_json(m.model_dump_json()) == m


@given(journeys)
@settings(max_examples=50)
def test_check_never_raises_and_locates_placements(j: cc.Journey) -> None:
    for finding in j.check():
        assert isinstance(finding.location, int)
        assert 0 <= finding.location < len(j.placements)


def test_registered_levels_are_written_as_text() -> None:
    p = cc.Placement(level="asam3:3.5", start=D(2024, 1, 1))
    assert p.model_dump(mode="json")["level"] == "asam3:3.5"
    assert cc.Placement(level="IOP", start=D(2024, 1, 1)).model_dump(mode="json")["level"] == (
        "intensive_outpatient"
    )
    changed = cc.level("IOP").model_copy(update={"name": "My IOP"})
    written = cc.Placement(level=changed, start=D(2024, 1, 1)).model_dump(mode="json")["level"]
    assert written["name"] == "My IOP"


# -- programs --------------------------------------------------------------------------


def _evening_iop() -> cc.Program:
    return cc.Program(
        name="Evening IOP",
        level="IOP",
        schedule=cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6),
    )


def test_placement_in_a_program() -> None:
    p = cc.Placement(program=_evening_iop(), start=D(2024, 1, 1), end=D(2024, 3, 1))
    assert p.level == cc.level("IOP")  # the program's level
    assert p.effective_schedule == _evening_iop().schedule
    assert p.treatment_hours().magnitude == pytest.approx(54.0)  # the 6-week course, capped
    assert cc.Placement.model_validate_json(p.model_dump_json()) == p
    assert "Evening IOP" in p._repr_html_()
    own = cc.Schedule(hours_per_day=2, days_per_week=3)
    q = cc.Placement(program=_evening_iop(), schedule=own, start=D(2024, 1, 1), end=D(2024, 1, 8))
    assert q.treatment_hours().magnitude == pytest.approx(6.0)  # its own schedule wins


def test_program_at_another_level_is_a_finding() -> None:
    p = cc.Placement(level="PHP", program=_evening_iop(), start=D(2024, 1, 1))
    (finding,) = cc.Journey(placements=[p]).check()
    assert (finding.code, finding.severity, finding.location) == ("program-level", "warning", 0)
    assert "offers 'intensive_outpatient'" in finding.message


def test_placement_without_level_or_program() -> None:
    with pytest.raises(ValidationError, match="a placement needs a level") as err:
        cc.Placement(start=D(2024, 1, 1))
    assert err.value.errors()[0]["loc"] == ("level",)
