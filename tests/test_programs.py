"""Programs: who they serve, the nine questions, level checks, matching, round-trips."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc

WEEK = cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6)


def _program(**overrides: Any) -> cc.Program:
    data: dict[str, Any] = {"name": "Test IOP", "level": "IOP", "schedule": WEEK}
    return cc.Program(**{**data, **overrides})


FULL = _program(
    name="Riverside evening IOP",
    schedule=cc.WeeklySchedule(
        sessions=[
            cc.Session(
                weekday=d,
                start="18:00",
                duration="150 min",
                format="group",
                modality="matrix model",
            )
            for d in ("mon", "wed", "thu")
        ]
        + [
            cc.Session(
                weekday="thu", start="20:30", duration="30 min", format="medication_management"
            )
        ],
        weeks=6,
    ),
    modalities=["CBT", "MI"],
    ages={"min_age": 18, "max_age": 64},
    special_groups=["veterans", "LGBTQ+"],
    languages=["English", "SP-Spanish"],
    payment=["PI", "Medicaid", "sliding fee scale"],
    conditions=["substance use disorders", "co-occurring depression"],
    communities=["Black and Latino clients"],
    length_of_stay={"low": 4, "high": 6, "unit": "week", "approximate": True},
    philosophy="Recovery-oriented, trauma-informed.",
    structure="Evening groups so people can keep working.",
    transition_plan="Step-down to weekly outpatient with an alumni group.",
)

# -- the seed's nine questions ------------------------------------------------------------

# question number, text as in the seed, words the full program's answer contains [SEED]
QUESTIONS = [
    (1, "How long are people usually in your program?", "about 4–6 weeks"),
    (2, "Do you take my insurance?", "Medicaid"),
    (3, "Have you worked with clients with issues or diagnoses like mine?", "co-occurring"),
    (
        4,
        "Have you worked with clients who identify like me (for example race or sexuality)?",
        "LGBT clients",  # the locator's GL group [LOCATOR]
    ),
    (5, 'How will you prepare me for the transition back to my "regular" life?', "alumni"),
    (6, "What age range are the people in your program, usually?", "18–64"),
    (7, "What is the structure of the program?", "8 hours a week over 3 days in 4 sessions"),
    (8, "What is the treatment philosophy?", "trauma-informed"),
    (9, "What modalities do your therapists practice?", "Matrix"),
]


@pytest.mark.parametrize(("number", "text", "words"), QUESTIONS)
def test_each_of_the_nine_questions_is_answered(number: int, text: str, words: str) -> None:
    question = cc.PROGRAM_QUESTIONS[number - 1]
    assert question.number == number
    assert question.text == text
    assert question.sources == ("SEED",)
    answer = FULL.answers()[text]
    assert answer is not None
    assert words in answer
    for field in question.fields:
        assert field in cc.Program.model_fields


def test_there_are_nine_questions_and_a_bare_program_answers_what_it_can() -> None:
    assert len(cc.PROGRAM_QUESTIONS) == 9
    bare = _program()
    answers = bare.answers()
    assert list(answers) == [q.text for q in cc.PROGRAM_QUESTIONS]
    assert answers["How long are people usually in your program?"] == ("The schedule runs 6 weeks.")
    assert answers["What is the structure of the program?"] == (
        "Intensive outpatient (IOP): 9 hours a week over 3 days, for 6 weeks."
    )
    assert answers["Do you take my insurance?"] is None
    assert answers["What is the treatment philosophy?"] is None


def test_age_groups_answer_when_no_range_is_given() -> None:
    youth = _program(age_groups=["CHLD"])
    assert youth.answers()[QUESTIONS[5][1]] == "Serves youth (under 18)."


# -- locator categories -------------------------------------------------------------------

# code, member, what a user might type [LOCATOR]
PAYMENTS = [
    ("PI", cc.Payment.PRIVATE_INSURANCE, "private health insurance"),
    ("MD", cc.Payment.MEDICAID, "medicaid"),
    ("MC", cc.Payment.MEDICARE, "Medicare"),
    ("MI", cc.Payment.MILITARY_INSURANCE, "military insurance"),
    ("ITU", cc.Payment.IHS_TRIBAL_URBAN_FUNDS, "ihs tribal urban funds"),
    ("SS", cc.Payment.SLIDING_FEE_SCALE, "Sliding fee scale"),
    ("SF", cc.Payment.CASH_OR_SELF_PAYMENT, "self pay"),
    ("NP", cc.Payment.FREE_CARE, "free care"),
    ("PA", cc.Payment.PAYMENT_ASSISTANCE, "payment assistance"),
]


@pytest.mark.parametrize(("code", "member", "typed"), PAYMENTS)
def test_payment_codes(code: str, member: cc.Payment, typed: str) -> None:
    assert member.value == code
    assert _program(payment=[code]).payment == (member,)
    assert _program(payment=[typed]).payment == (member,)
    assert member.label


@pytest.mark.parametrize(
    ("typed", "member"),
    [
        ("VET", cc.SpecialGroup.VETERANS),  # [LOCATOR]
        ("GL", cc.SpecialGroup.LGBTQ),
        ("LGBTQ+", cc.SpecialGroup.LGBTQ),
        ("AH", cc.SpecialGroup.DEAF_AND_HARD_OF_HEARING),
        ("deaf and hard of hearing", cc.SpecialGroup.DEAF_AND_HARD_OF_HEARING),
    ],
)
def test_special_groups(typed: str, member: cc.SpecialGroup) -> None:
    assert _program(special_groups=[typed]).special_groups == (member,)


@pytest.mark.parametrize(
    ("ages", "groups"),
    [
        ({"min_age": 18}, (cc.AgeGroup.ADULTS,)),  # ADLT: 18 and older [LOCATOR]
        ({"min_age": 12, "max_age": 17}, (cc.AgeGroup.YOUTH,)),  # CHLD: under 18
        ({"min_age": 16, "max_age": 25}, (cc.AgeGroup.ADULTS, cc.AgeGroup.YOUTH)),
    ],
)
def test_age_groups_follow_the_age_range(ages: dict[str, int], groups: tuple[Any, ...]) -> None:
    assert _program(ages=ages).served_age_groups == groups


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"level": "intensive outpatent"}, "level", "did you mean 'intensive_outpatient'"),
        ({"payment": ["bitcoin"]}, "payment", "unknown payment code 'bitcoin'"),
        ({"special_groups": ["pirates"]}, "special_groups", "unknown special group"),
        ({"age_groups": ["teens"]}, "age_groups", "unknown age group"),
        ({"modalities": ["CBTT"]}, "modalities", "unknown modality"),
        ({"ages": {"min_age": 30, "max_age": 20}}, "ages", "below min_age"),
        ({"ages": {"min_age": -1}}, "ages", "greater than or equal to 0"),
        (
            {"ages": {"min_age": 12, "max_age": 17}, "age_groups": ["ADLT"]},
            None,
            "outside the age range 12–17",
        ),
        (
            {"length_of_stay": {"low": 3, "high": 4, "unit": "hour / day"}},
            "length_of_stay",
            "a length of stay is in day, week, month, year",
        ),
        ({"schedule": {"hours_per_day": 25, "days_per_week": 3}}, "schedule", "24"),
        ({"name": ""}, "name", "at least 1 character"),
        ({"ages": {"min_age": True}}, "ages", "not a bool"),
        ({"languages": [""]}, "languages", "at least 1 character"),
        ({"languages": "Spanish"}, "languages", "tuple"),
        ({"facility": {"id": "", "name": "X"}}, "facility", "at least 1 character"),
        ({"facility": {"id": "x", "name": "X", "coordinates": [91, 0]}}, "facility", "90"),
        ({"other_codes": [["SET"]]}, "other_codes", "Field required"),
        ({"nickname": "x"}, "nickname", "Extra inputs are not permitted"),
    ],
)
def test_bad_programs(overrides: dict[str, Any], field: str | None, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        _program(**overrides)
    assert words in str(info.value)
    if field is not None:
        assert any(e["loc"][0] == field for e in info.value.errors())


# -- level consistency --------------------------------------------------------------------


# stated level, schedule (h/day, days/week), rule set, expected status, source
LEVEL_CHECKS = [
    ("PHP", (3, 4), "asam3-adult", "mismatch", "ASAM3"),  # a "PHP" of 12 h/week
    ("PHP", (4, 5), "asam3-adult", "consistent", "ASAM3"),  # 20 h/week
    ("IOP", (3, 3), "asam3-adult", "consistent", "ASAM3"),
    ("IOP", (1, 4), "asam3-adult", "mismatch", "ASAM3"),
    ("IOP", (2, 4), "medicare", "undetermined", "CMS-IOP"),  # 8 h: Medicare says nothing
    ("IOP", (5, 5), "teds", "consistent", "TEDS"),
    ("PHP", (5, 5), "teds", "mismatch", "TEDS"),  # TEDS has no PHP code
]


@pytest.mark.parametrize(("level", "dose", "rules", "status", "source"), LEVEL_CHECKS)
def test_stated_level_against_the_schedule(
    level: str, dose: tuple[float, int], rules: str, status: str, source: str
) -> None:
    program = _program(
        level=level, schedule=cc.Schedule(hours_per_day=dose[0], days_per_week=dose[1])
    )
    check = cc.check_level(program, rules)
    assert check.status == status, source
    assert check.consistent == (status == "consistent")
    assert check.mismatch == (status == "mismatch")
    assert program.name in check.message
    assert source in check.classification.sources


def test_a_residential_program_is_checked_by_setting() -> None:
    stay = cc.Schedule(hours_per_day=2, days_per_week=7, twenty_four_hour=True, weeks=4)
    program = _program(name="Lakeside residential", level="residential", schedule=stay)
    assert program.check_level().consistent
    assert repr(program) == "Program('Lakeside residential', residential, 24-hour, 14 h/week)"
    assert program.check_level("medicare").status == "undetermined"


def test_level_check_display() -> None:
    check = _program(
        level="PHP", schedule=cc.Schedule(hours_per_day=3, days_per_week=4)
    ).check_level()
    assert repr(check) == "LevelCheck('Test IOP': mismatch)"
    assert "says partial hospitalization, but its schedule classifies as intensive" in str(check)
    assert "mismatch" in check._repr_html_()


# -- matching -----------------------------------------------------------------------------

CATALOG = [
    _program(
        name="Alpha",
        payment=["MD"],
        ages={"min_age": 18},
        languages=["English"],
        modalities=["CBT"],
    ),
    _program(
        name="Bravo",
        payment=["PI"],
        ages={"min_age": 18},
        languages=["English"],
        modalities=["CBT", "DBT"],
    ),
    _program(
        name="Charlie",
        payment=["MD", "PI"],
        ages={"min_age": 13, "max_age": 17},
        modalities=["DBT"],
        special_groups=["LGBTQ+"],
    ),
    _program(name="Delta", modalities=["DBT", "CBT"]),  # says little: unknowns
    _program(
        name="Echo",
        level="PHP",
        schedule=cc.Schedule(hours_per_day=5, days_per_week=5),
        payment=["MD"],
        languages=["English", "Spanish"],
        special_groups=["VET", "GL"],
        modalities=["DBT"],
    ),
]


def _names(matches: list[cc.ProgramMatch]) -> list[str]:
    return [m.program.name for m in matches]


def test_match_by_level_and_payment() -> None:
    assert _names(cc.match_programs(CATALOG, level="IOP", payment=["Medicaid"])) == [
        "Alpha",
        "Charlie",
        "Delta",
    ]
    assert _names(cc.match_programs(CATALOG, level="PHP")) == ["Echo"]


def test_match_by_age_language_modality_and_group() -> None:
    # Charlie states ages 13–17; Delta and Echo say nothing about age, so they stay, below it
    assert _names(cc.match_programs(CATALOG, age=15)) == ["Charlie", "Delta", "Echo"]
    spanish = cc.match_programs(CATALOG, languages=["SP-Spanish"])
    assert _names(spanish) == ["Echo", "Charlie", "Delta"]
    assert spanish[1].unknown == ("languages",)
    either = cc.match_programs(CATALOG, languages=["Arabic", "english"])
    assert _names(either) == ["Alpha", "Bravo", "Echo", "Charlie", "Delta"]
    dbt_first = cc.match_programs(CATALOG, modalities=["DBT", "CBT"])
    assert _names(dbt_first) == ["Bravo", "Delta", "Alpha", "Charlie", "Echo"]
    assert dbt_first[0].modalities_offered == (
        "dialectical_behavior_therapy",
        "cognitive_behavioral_therapy",
    )
    assert _names(cc.match_programs(CATALOG, special_groups=["veterans"])) == [
        "Echo",
        "Alpha",
        "Bravo",
        "Delta",
    ]


def test_programs_that_say_more_rank_higher() -> None:
    matches = cc.match_programs(CATALOG, level="IOP", payment=["MD"], age=30)
    assert _names(matches) == ["Alpha", "Delta"]
    assert matches[0].unknown == ()
    assert matches[1].unknown == ("payment", "age")
    assert "met: level, payment, age" in repr(matches[0])


def test_assess_explains_an_exclusion() -> None:
    needs = cc.Needs(level="IOP", payment=["MC"], age=70, special_groups=["AH"])
    verdict = cc.assess_program(CATALOG[2], needs)
    assert not verdict.matches
    assert verdict.excluded_by == (
        "accepts none of MC",
        "does not serve age 70",
        "no services for deaf and hard of hearing clients",
    )
    assert "excluded" in repr(verdict)


def test_needs_and_keywords_combine() -> None:
    needs = cc.Needs(level="IOP")
    assert _names(cc.match_programs(CATALOG, needs, payment=["PI"])) == [
        "Bravo",
        "Charlie",
        "Delta",
    ]
    with pytest.raises(ValidationError, match="did you mean"):
        cc.Needs(level="intesive outpatient")


def test_session_modalities_count_for_matching() -> None:
    assert _names(cc.match_programs([FULL], modalities=["matrix model"])) == [FULL.name]


# -- serialization ------------------------------------------------------------------------


def test_a_plugin_modality_survives_a_program_round_trip() -> None:
    @cc.register_modality
    class HorseModality(cc.Modality):
        kind: Literal["horse_program_test"] = "horse_program_test"
        stable: str

    horse = HorseModality(
        code="horse_program_test", name="Horse (test)", category="experiential", stable="north"
    )
    cc.register_modality(horse)
    try:
        program = _program(modalities=[horse, "CBT"])
        back = cc.Program.model_validate_json(program.model_dump_json())
        assert back == program
        assert isinstance(back.modalities[0], HorseModality)
        assert _names(cc.match_programs([program], modalities=["horse_program_test"])) == [
            "Test IOP"
        ]
    finally:
        cc.unregister_modality("horse_program_test")


@st.composite
def programs(draw: st.DrawFn) -> cc.Program:
    if draw(st.booleans()):
        schedule: Any = cc.Schedule(
            hours_per_day=draw(st.integers(1, 24 * 4)) / 4,
            days_per_week=draw(st.integers(1, 7)),
            weeks=draw(st.none() | st.integers(1, 52)),
        )
    else:
        schedule = cc.WeeklySchedule(
            sessions=[
                cc.Session(
                    weekday=day,
                    start=dt.time(9),
                    duration=draw(st.integers(1, 8)),
                    format=draw(st.sampled_from(list(cc.Format))),
                    modality=draw(st.sampled_from([None, "CBT", "DBT"])),
                )
                for day in draw(st.sets(st.sampled_from(list(cc.Weekday)), min_size=1))
            ]
        )
    low = draw(st.integers(0, 80))
    return cc.Program(
        name=draw(st.text(min_size=1, max_size=20)),
        level=draw(st.sampled_from(["outpatient", "IOP", "PHP"])),
        schedule=schedule,
        modalities=draw(st.lists(st.sampled_from(["CBT", "DBT", "MET", "matrix"]), unique=True)),
        ages=draw(st.none() | st.just({"min_age": low, "max_age": low + 10})),
        special_groups=draw(st.lists(st.sampled_from(list(cc.SpecialGroup)), unique=True)),
        languages=draw(st.lists(st.sampled_from(["English", "Spanish", "F4-Arabic"]), unique=True)),
        payment=draw(st.lists(st.sampled_from(list(cc.Payment)), unique=True)),
        length_of_stay=draw(
            st.none() | st.just(cc.QuantityRange(low=1, high=3, unit="month", approximate=True))
        ),
        philosophy=draw(st.text(max_size=30)),
    )


@settings(deadline=None)
@given(programs())
def test_program_json_round_trip(program: cc.Program) -> None:
    back = cc.Program.model_validate_json(program.model_dump_json())
    assert back == program
    assert type(back.schedule) is type(program.schedule)
    assert pickle.loads(pickle.dumps(program)) == program
    assert len(program.answers()) == 9


@pytest.mark.parametrize("model", [cc.Program, cc.Needs, cc.AgeRange, cc.ProgramQuestion])
def test_json_schema(model: type[Any]) -> None:
    for mode in ("validation", "serialization"):
        assert model.model_json_schema(mode=mode)["type"] == "object"


def test_display() -> None:
    assert repr(FULL) == "Program('Riverside evening IOP', intensive_outpatient, 8 h/week)"
    assert str(FULL) == "Riverside evening IOP"
    html = FULL._repr_html_()
    assert "Riverside evening IOP" in html
    assert "Medicaid" in html


# -- programs without a schedule (from a directory) ------------------------------------------


def test_a_program_without_a_schedule() -> None:
    listed = cc.Program(name="Listed IOP", level="IOP", payment=["MD"])
    assert listed.schedule is None
    assert repr(listed) == "Program('Listed IOP', intensive_outpatient, no schedule)"
    check = listed.check_level()
    assert (check.status, check.consistent, check.mismatch) == ("undetermined", False, False)
    assert check.classification is None
    assert check.message == (
        "'Listed IOP' says intensive outpatient; it states no schedule to check that against"
    )
    assert "the program states no schedule" in check._repr_html_()
    answers = listed.answers()
    assert answers["What is the structure of the program?"] == (
        "Intensive outpatient (IOP); the schedule is not stated."
    )
    assert answers["How long are people usually in your program?"] is None
    assert answers["What modalities do your therapists practice?"] is None
    assert "not stated" in listed._repr_html_()
    back = cc.Program.model_validate_json(listed.model_dump_json())
    assert back == listed
    with pytest.raises(cc.UnknownRuleSetError):
        listed.check_level("medicaire")


def test_a_program_refers_to_its_facility() -> None:
    facility = cc.programs.Facility(
        id="f-9",
        name="Riverbend",
        name2="Evening",
        city="Richmond",
        state="VA",
        phone="555-0199",
        coordinates=(37.54, -77.44),
    )
    program = _program(facility=facility, other_codes=[("SET", "RS"), ("TAP", "Anger management")])
    assert program.facility is facility
    assert program.other_codes == (
        cc.programs.ServiceCode("SET", "RS"),
        cc.programs.ServiceCode("TAP", "Anger management"),
    )
    back = cc.Program.model_validate_json(program.model_dump_json())
    assert back == program
    assert back.facility == facility
    html = program._repr_html_()
    assert "Riverbend — Evening" in html
    assert "SET RS" in html
    assert "Richmond, VA" in facility._repr_html_()
    assert repr(facility) == "Facility('f-9', 'Riverbend — Evening')"


# -- the deprecated Needs.language --------------------------------------------------------------


def test_needs_language_is_a_deprecated_alias_of_languages() -> None:
    with pytest.deprecated_call(match="languages="):
        needs = cc.Needs(language="Spanish")
    assert needs.languages == ("Spanish",)
    with pytest.deprecated_call(match="Needs.languages"):
        assert needs.language == "Spanish"
    with pytest.deprecated_call():
        found = cc.match_programs(CATALOG, language="SP-Spanish")
    assert _names(found) == ["Echo", "Charlie", "Delta"]
    with pytest.deprecated_call(), pytest.raises(ValidationError, match="not both"):
        cc.Needs(language="Spanish", languages=["English"])
    with pytest.deprecated_call():
        assert cc.Needs(language=None).languages == ()
    assert "language" not in cc.Needs.model_json_schema()["properties"]
    assert "languages" in cc.Needs.model_json_schema()["properties"]


def test_needs_and_program_use_the_same_field_names() -> None:
    shared = {"level", "payment", "languages", "modalities", "special_groups"}
    assert shared <= set(cc.Needs.model_fields) & set(cc.Program.model_fields)


# -- distance --------------------------------------------------------------------------------


def _at(name: str, where: tuple[float, float] | None) -> cc.Program:
    facility = cc.programs.Facility(id=name, name=name, coordinates=where)
    return _program(name=name, facility=facility, payment=["MD"])


PLACES = [
    _at("Far", (37.70, -77.30)),  # about 21.4 km from the point
    _at("Near", (37.545, -77.44)),  # about 0.6 km
    _at("Nowhere", None),
    _at("Middle", (37.58, -77.49)),  # about 6.5 km
]
POINT = (37.5407, -77.4360)


def test_near_ranks_by_distance_and_programs_without_coordinates_last() -> None:
    found = cc.match_programs(PLACES, near=POINT)
    assert _names(found) == ["Near", "Middle", "Far", "Nowhere"]
    assert [round(m.distance) for m in found[:3] if m.distance is not None] == [1, 6, 21]
    assert found[3].distance is None
    assert found[3].unknown == ("distance",)
    assert "0.6 km" in repr(found[0])
    miles = cc.match_programs(PLACES, near=POINT, distance_unit="miles")
    assert miles[1].distance == pytest.approx(found[1].distance / 1.609344)  # type: ignore[operator]
    assert miles[1].distance_unit is cc.programs.DistanceUnit.MI


def test_max_distance_leaves_out_programs_farther_away() -> None:
    found = cc.match_programs(PLACES, near=POINT, max_distance=10)
    assert _names(found) == ["Near", "Middle", "Nowhere"]
    assert found[0].met == ("distance",)
    assert found[2].unknown == ("distance",)
    far = cc.assess_program(PLACES[0], cc.Needs(near=POINT, max_distance=10))
    assert far.excluded_by == ("is 21.4 km away, beyond 10 km",)
    assert _names(cc.match_programs(PLACES, near=POINT, max_distance=3, distance_unit="mi")) == [
        "Near",
        "Nowhere",
    ]


def test_without_a_point_the_ranking_is_unchanged() -> None:
    assert _names(cc.match_programs(PLACES)) == ["Far", "Middle", "Near", "Nowhere"]


@pytest.mark.parametrize(
    ("criteria", "words"),
    [
        ({"max_distance": 10}, "max_distance needs near"),
        ({"near": POINT, "max_distance": 0}, "greater than 0"),
        ({"near": POINT, "max_distance": float("nan")}, "finite number"),
        ({"near": POINT, "max_distance": True}, "not a bool"),
        ({"near": (91, 0)}, "less than or equal to 90"),
        ({"near": POINT, "distance_unit": "furlongs"}, "unknown distance unit"),
        ({"age": True}, "not a bool"),
        ({"languages": "Spanish"}, "tuple"),
    ],
)
def test_bad_needs(criteria: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        cc.Needs(**criteria)


def test_match_programs_refuses_what_is_not_programs() -> None:
    with pytest.raises(TypeError, match="programs must be a sequence"):
        cc.match_programs("IOP")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Program in programs, got str 'IOP'"):
        cc.match_programs(["IOP"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected Needs"):
        cc.match_programs(PLACES, {"level": "IOP"})  # type: ignore[arg-type]
