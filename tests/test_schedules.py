"""Schedules: unit-aware construction, derived figures, bad input, JSON round-trips."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.schedules import Weekday, weekday
from carecontinuum.units import quantity

# -- construction -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours_per_day", "expected"),
    [
        (3, 3.0),
        (2.5, 2.5),
        ("3 h", 3.0),
        ("180 min", 3.0),
        ("3 hours/day", 3.0),
        ("21 hours per week", 3.0),
        ({"magnitude": 90, "units": "minute"}, 1.5),
    ],
)
def test_hours_per_day_accepts_numbers_strings_and_mappings(
    hours_per_day: object, expected: float
) -> None:
    assert cc.Schedule(hours_per_day=hours_per_day, days_per_week=4).hours_per_day == expected


def test_pint_quantities_are_accepted() -> None:
    s = cc.Schedule(
        hours_per_day=quantity(180, "minute"),
        days_per_week=quantity(4, "day / week"),
        weeks=quantity(42, "day"),
    )
    assert (s.hours_per_day, s.days_per_week, s.weeks) == (3.0, 4, 6.0)


def test_derived_figures_of_a_plain_schedule() -> None:
    s = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
    assert s.hours_per_week == quantity(12, "hour / week")
    assert str(s.hours_per_week.units) == "hour / week"
    assert s.total_hours == quantity(72, "hour")
    assert s.days_per_week == 4
    assert s.sessions_per_week is None  # a plain schedule does not say
    assert s.day_hours == (3.0, 3.0, 3.0, 3.0)
    assert cc.Schedule(hours_per_day=3, days_per_week=4, sessions_per_week=8).sessions_per_week == 8


def test_no_duration_means_no_total() -> None:
    s = cc.Schedule(hours_per_day=3, days_per_week=4)
    assert s.total_hours is None
    assert s.duration_weeks is None
    assert s.end_date is None


def test_duration_from_dates_is_end_minus_start() -> None:
    s = cc.Schedule(hours_per_day=3, days_per_week=3, start="2024-01-08", end="2024-02-19")
    assert s.duration_weeks == 6
    assert s.total_hours == quantity(54, "hour")
    started = cc.Schedule(hours_per_day=3, days_per_week=3, start=dt.date(2024, 1, 8), weeks=6)
    assert started.end_date == dt.date(2024, 2, 19)


def test_twenty_four_hour_setting() -> None:
    residential = cc.Schedule(hours_per_day=5, days_per_week=7, twenty_four_hour=True)
    assert residential.care_setting is cc.Setting.RESIDENTIAL
    hospital = cc.Schedule(
        hours_per_day=5, days_per_week=7, twenty_four_hour=True, setting="hospital"
    )
    assert hospital.care_setting is cc.Setting.HOSPITAL
    assert cc.Schedule(hours_per_day=3, days_per_week=3).care_setting is cc.Setting.AMBULATORY


# -- weekly templates -------------------------------------------------------------------


def _session(day: str, start: str, duration: Any, fmt: str = "group", **kw: Any) -> cc.Session:
    return cc.Session(weekday=day, start=start, duration=duration, format=fmt, **kw)


def test_weekly_schedule_derives_days_hours_and_sessions() -> None:
    week = cc.WeeklySchedule(
        sessions=[
            _session("mon", "09:00", 2, modality="CBT"),
            _session("mon", "11:00", 1, "individual"),
            _session("wed", "09:00", "150 min", modality="matrix model"),
            _session("fri", "09:00", "30 min", "medication_management"),
        ],
        weeks=4,
    )
    assert week.days_attended == (Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY)
    assert week.hours_per_day == {Weekday.MONDAY: 3.0, Weekday.WEDNESDAY: 2.5, Weekday.FRIDAY: 0.5}
    assert week.days_per_week == 3
    assert week.sessions_per_week == 4
    assert week.hours_per_week == quantity(6, "hour / week")
    assert week.total_hours == quantity(24, "hour")
    assert week.hours_by_format == {
        cc.Format.INDIVIDUAL: 1.0,
        cc.Format.GROUP: 4.5,
        cc.Format.MEDICATION_MANAGEMENT: 0.5,
    }
    assert [m.code for m in week.modalities] == ["cognitive_behavioral_therapy", "matrix_model"]
    assert [s.span for s in week.sessions_on("Monday")] == ["09:00–11:00", "11:00–12:00"]


def test_twenty_seven_sessions_of_twenty_minutes_are_exactly_nine_hours() -> None:
    sessions = [
        _session(day, f"{8 + i:02d}:00", "20 min")
        for day in ("mon", "tue", "wed")
        for i in range(9)
    ]
    week = cc.WeeklySchedule(sessions=sessions)
    assert week.weekly_hours == 9.0
    assert week.sessions_per_week == 27
    assert sum([20 / 60] * 27) < 9.0  # what a naive float sum would have given


def test_sessions_touching_end_to_end_do_not_overlap() -> None:
    week = cc.WeeklySchedule(sessions=[_session("mon", "09:00", 1), _session("mon", "10:00", 1)])
    assert week.hours_per_day[Weekday.MONDAY] == 2.0


@pytest.mark.usefixtures("isolated_registries")  # the new kind must not outlive the test
def test_a_plugin_modality_in_a_session_round_trips() -> None:
    @cc.register_modality
    class DeviceModality(cc.Modality):
        kind: Literal["device_sched_test"] = "device_sched_test"
        device: str

    lamp = DeviceModality(
        code="light_sched_test", name="Light therapy (test)", category="other", device="lamp"
    )
    cc.register_modality(lamp)
    try:
        week = cc.WeeklySchedule(sessions=[_session("tue", "08:00", 0.5, modality=lamp)])
        back = cc.WeeklySchedule.model_validate_json(week.model_dump_json())
        assert back == week
        assert isinstance(back.sessions[0].modality, DeviceModality)
        assert (
            cc.WeeklySchedule(sessions=[_session("tue", "08:00", 0.5, modality="light_sched_test")])
            .sessions[0]
            .modality
            == lamp
        )
    finally:
        cc.unregister_modality("light_sched_test")


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        (
            {"hours_per_day": 25, "days_per_week": 3},
            "hours_per_day",
            "hours per day must be at most 24 hours per day, got 25",
        ),
        (
            {"hours_per_day": 3, "days_per_week": 8},
            "days_per_week",
            "days per week must be at most 7 days per week, got 8",
        ),
        ({"hours_per_day": 0, "days_per_week": 3}, "hours_per_day", "must be more than 0 hours"),
        (
            {"hours_per_day": -2, "days_per_week": 3},
            "hours_per_day",
            "more than 0 hours per day, got -2",
        ),
        (
            {"hours_per_day": 3, "days_per_week": 0},
            "days_per_week",
            "must be at least 1 day per week, got 0",
        ),
        ({"hours_per_day": 3, "days_per_week": 2.5}, "days_per_week", "whole number"),
        ({"hours_per_day": math.nan, "days_per_week": 3}, "hours_per_day", "finite"),
        ({"hours_per_day": math.inf, "days_per_week": 3}, "hours_per_day", "finite"),
        ({"hours_per_day": "3 meters", "days_per_week": 3}, "hours_per_day", "[length]"),
        ({"hours_per_day": "three", "days_per_week": 3}, "hours_per_day", "could not read"),
        (
            {"hours_per_day": 3, "days_per_week": 3, "weeks": 0},
            "weeks",
            "a duration must be more than 0 weeks, got 0",
        ),
        (
            {"hours_per_day": 3, "days_per_week": 3, "weeks": -1},
            "weeks",
            "more than 0 weeks, got -1",
        ),
        ({"hours_per_day": 3, "days_per_week": 3, "weeks": "3 kg"}, "weeks", "[mass]"),
        (
            {"hours_per_day": 3, "days_per_week": 3, "end": "2024-01-01"},
            "end",
            "needs a start date",
        ),
        (
            {"hours_per_day": 3, "days_per_week": 3, "start": "2024-01-08", "end": "2024-01-08"},
            "end",
            "must be positive",
        ),
        (
            {
                "hours_per_day": 3,
                "days_per_week": 3,
                "start": "2024-01-08",
                "end": "2024-03-01",
                "weeks": 6,
            },
            "end",
            "not both",
        ),
        (
            {"hours_per_day": 3, "days_per_week": 3, "setting": "residential"},
            "setting",
            "twenty_four_hour=True",
        ),
        (
            {
                "hours_per_day": 3,
                "days_per_week": 3,
                "setting": "ambulatory",
                "twenty_four_hour": True,
            },
            "setting",
            "cannot be a 24-hour",
        ),
    ],
)
def test_bad_schedules_raise_a_validation_error_naming_the_field(
    kwargs: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(**kwargs)
    errors = info.value.errors()
    assert any(e["loc"] == (field,) for e in errors), errors
    assert words in str(info.value)


def test_twenty_five_hours_and_eight_days_are_both_reported() -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(hours_per_day=25, days_per_week=8)
    assert {e["loc"] for e in info.value.errors()} == {("hours_per_day",), ("days_per_week",)}
    assert "pint" not in str(info.value).lower()


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"weekday": "funday"}, "weekday", "unknown weekday 'funday'; did you mean 'sunday'"),
        ({"weekday": 8}, "weekday", "unknown weekday 8; known: monday"),
        ({"duration": 0}, "duration", "a session's length must be more than 0 hours, got 0"),
        ({"duration": "2 meters"}, "duration", "[length]"),
        ({"start": "23:00", "duration": 2}, "duration", "runs past midnight"),
        ({"start": "25:00"}, "start", "time"),
        ({"format": "party"}, "format", "individual"),
        ({"modality": "cognitive behavioural therapie"}, "modality", "unknown modality"),
    ],
)
def test_bad_sessions(kwargs: dict[str, Any], field: str, words: str) -> None:
    base: dict[str, Any] = {"weekday": "mon", "start": "09:00", "duration": 1, "format": "group"}
    with pytest.raises(ValidationError) as info:
        cc.Session(**{**base, **kwargs})
    assert info.value.errors()[0]["loc"] == (field,)
    assert words in str(info.value)


def test_overlapping_sessions_are_named() -> None:
    with pytest.raises(ValidationError) as info:
        cc.WeeklySchedule(
            sessions=[
                _session("mon", "09:00", 3),
                _session("tue", "09:00", 3),
                _session("mon", "11:00", 2, "individual"),
            ]
        )
    message = str(info.value)
    assert (
        "sessions[0] (monday 09:00–12:00) and sessions[2] (monday 11:00–13:00) overlap" in message
    )
    assert info.value.errors()[0]["type"] == "schedule_sessions_overlap"


def test_more_than_twenty_four_hours_in_a_day_names_the_sessions() -> None:
    with pytest.raises(ValidationError) as info:
        cc.WeeklySchedule(
            sessions=[
                _session("sat", "00:00", 9),
                _session("sat", "08:00", 9),
                _session("sat", "15:00", 9),
            ]
        )
    message = str(info.value)
    assert "saturday holds 27 h of sessions, more than the 24 hours in a day" in message
    for name in ("sessions[0]", "sessions[1]", "sessions[2]"):
        assert name in message


def test_a_weekly_schedule_needs_a_session() -> None:
    with pytest.raises(ValidationError, match="at least one item is required"):
        cc.WeeklySchedule(sessions=[])


def test_weekday_lookup() -> None:
    assert weekday("THU") is Weekday.THURSDAY
    with pytest.raises(cc.UnknownKeyError, match="did you mean 'sunday'"):
        weekday("sundy")


# -- display ----------------------------------------------------------------------------


def test_reprs_are_short_and_informative() -> None:
    assert repr(cc.Schedule(hours_per_day=3, days_per_week=1)) == (
        "Schedule(3 h/day × 1 day/week = 3 h/week)"
    )
    s = cc.Schedule(hours_per_day=2.5, days_per_week=4, start="2024-01-08", end="2024-02-19")
    assert repr(s) == (
        "Schedule(2.5 h/day × 4 days/week = 10 h/week, 2024-01-08 → 2024-02-19 (6 weeks))"
    )
    assert str(s) == repr(s)
    hospital = cc.Schedule(
        hours_per_day=6,
        days_per_week=7,
        twenty_four_hour=True,
        setting="hospital",
        start="2024-01-01",
    )
    assert repr(hospital).endswith("from 2024-01-01, 24-hour hospital)")
    week = cc.WeeklySchedule(sessions=[_session("mon", "09:00", 1)])
    assert repr(week) == "WeeklySchedule(1 session on mon = 1 h/week)"


def test_html_reprs() -> None:
    s = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6, sessions_per_week=8)
    html = s._repr_html_()
    assert "<table>" in html
    assert "total hours" in html
    week = cc.WeeklySchedule(sessions=[_session("mon", "09:00", 1, modality="CBT")], weeks=2)
    assert "monday" in week._repr_html_()
    assert "cognitive_behavioral_therapy" in week._repr_html_()
    assert "Cognitive" in week.sessions[0]._repr_html_()


# -- serialization ----------------------------------------------------------------------

_hours = st.integers(min_value=1, max_value=24 * 60).map(lambda m: m / 60)
_dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1))


@st.composite
def schedules(draw: st.DrawFn) -> cc.Schedule:
    kwargs: dict[str, Any] = {
        "hours_per_day": draw(_hours),
        "days_per_week": draw(st.integers(1, 7)),
    }
    duration = draw(st.sampled_from(["none", "weeks", "dates", "start+weeks"]))
    if duration in ("weeks", "start+weeks"):
        kwargs["weeks"] = draw(st.floats(0.5, 104, allow_nan=False))
    if duration in ("dates", "start+weeks"):
        kwargs["start"] = draw(_dates)
    if duration == "dates":
        kwargs["end"] = kwargs["start"] + dt.timedelta(days=draw(st.integers(1, 400)))
    if draw(st.booleans()):
        kwargs["twenty_four_hour"] = True
        kwargs["setting"] = draw(st.sampled_from([None, "residential", "hospital"]))
    if draw(st.booleans()):
        kwargs["sessions_per_week"] = draw(st.integers(1, 40))
    return cc.Schedule(**kwargs)


@st.composite
def weekly_schedules(draw: st.DrawFn) -> cc.WeeklySchedule:
    sessions = []
    for day in draw(st.sets(st.sampled_from(list(Weekday)), min_size=1)):
        starts = sorted(draw(st.sets(st.integers(0, 23), min_size=1, max_size=4)))
        for hour in starts:
            minutes = draw(st.integers(1, 60))
            sessions.append(
                cc.Session(
                    weekday=day,
                    start=dt.time(hour),
                    duration=f"{minutes} min",
                    format=draw(st.sampled_from(list(cc.Format))),
                    modality=draw(st.sampled_from([None, "CBT", "DBT", "matrix model"])),
                )
            )
    return cc.WeeklySchedule(sessions=sessions, weeks=draw(st.none() | st.integers(1, 52)))


@settings(deadline=None)
@given(schedules())
def test_schedule_json_round_trip(schedule: cc.Schedule) -> None:
    assert cc.Schedule.model_validate_json(schedule.model_dump_json()) == schedule
    assert pickle.loads(pickle.dumps(schedule)) == schedule


@settings(deadline=None)
@given(weekly_schedules())
def test_weekly_schedule_json_round_trip(week: cc.WeeklySchedule) -> None:
    back = cc.WeeklySchedule.model_validate_json(week.model_dump_json())
    assert back == week
    assert back.weekly_hours == week.weekly_hours


@settings(deadline=None)
@given(weekly_schedules())
def test_weekly_figures_are_consistent(week: cc.WeeklySchedule) -> None:
    assert week.days_per_week == len(week.days_attended) == len(week.hours_per_day)
    assert week.weekly_hours == pytest.approx(sum(s.duration for s in week.sessions))
    assert week.sessions_per_week == len(week.sessions)


@pytest.mark.parametrize("model", [cc.Schedule, cc.Session, cc.WeeklySchedule])
def test_json_schema(model: type[Any]) -> None:
    for mode in ("validation", "serialization"):
        schema = model.model_json_schema(mode=mode)
        assert schema["type"] == "object"


def test_public_names_are_the_subpackages_objects() -> None:
    from carecontinuum import schedules

    for name in ("Schedule", "Session", "WeeklySchedule", "Weekday"):
        assert getattr(cc, name) is getattr(schedules, name)
        assert getattr(cc, name).__module__.startswith("carecontinuum.schedules._")
