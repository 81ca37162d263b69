"""Reading FHIR Timings written by others: the weekly dose, exactly, or a reason why not."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.fhir import FhirMappingError, from_fhir, import_fhir

UCUM = "http://unitsofmeasure.org"


def _read(repeat: dict[str, Any], **timing: Any) -> Any:
    return from_fhir({"repeat": repeat, **timing})


# (repeat, hours per day, days per week, source of the shape)
READINGS = [
    # FACTS: "3 h/day × 3 days/week" written per day with weekdays ... [FHIR]
    (
        {
            "frequency": 1,
            "period": 1,
            "periodUnit": "d",
            "dayOfWeek": ["mon", "wed", "fri"],
            "duration": 3,
            "durationUnit": "h",
        },
        3.0,
        3,
        "FHIR",
    ),
    # ... or as 3 events a week [FHIR]
    (
        {"frequency": 3, "period": 1, "periodUnit": "wk", "duration": 3, "durationUnit": "h"},
        3.0,
        3,
        "FHIR",
    ),
    # per-day repeats with no weekdays mean every day (the rule)
    (
        {"frequency": 2, "period": 1, "periodUnit": "d", "duration": 30, "durationUnit": "min"},
        1.0,
        7,
        "FHIR",
    ),
    # timeOfDay lists a day's events
    (
        {
            "timeOfDay": ["09:00:00", "14:00:00"],
            "dayOfWeek": ["tue", "thu"],
            "duration": 1.5,
            "durationUnit": "h",
        },
        3.0,
        2,
        "FHIR",
    ),
    # every 8 hours is three times a day
    (
        {"frequency": 1, "period": 8, "periodUnit": "h", "duration": 20, "durationUnit": "min"},
        1.0,
        7,
        "FHIR",
    ),
    # twice a week, 6 events spread over the three listed days
    (
        {
            "frequency": 6,
            "period": 1,
            "periodUnit": "wk",
            "dayOfWeek": ["mon", "wed", "fri"],
            "duration": 1,
            "durationUnit": "h",
        },
        2.0,
        3,
        "FHIR",
    ),
    # once every 3.5 days is twice a week
    (
        {"frequency": 1, "period": 3.5, "periodUnit": "d", "duration": 2, "durationUnit": "h"},
        2.0,
        2,
        "FHIR",
    ),
    # durations in seconds
    (
        {"frequency": 5, "period": 1, "periodUnit": "wk", "duration": 5400, "durationUnit": "s"},
        1.5,
        5,
        "FHIR",
    ),
]


@pytest.mark.parametrize(("repeat", "per_day", "days", "source"), READINGS)
def test_foreign_timings_read_as_schedules(
    repeat: dict[str, Any], per_day: float, days: int, source: str
) -> None:
    assert source in cc.SOURCES
    schedule = _read(repeat)
    assert isinstance(schedule, cc.Schedule)
    assert (schedule.hours_per_day, schedule.days_per_week) == (per_day, days)


def test_hours_are_summed_exactly_not_as_floats() -> None:
    # 27 twenty-minute events a week are exactly 9 hours (a float sum gives 8.999…)
    schedule = _read(
        {
            "frequency": 9,
            "period": 1,
            "periodUnit": "d",
            "dayOfWeek": ["mon", "tue", "wed"],
            "duration": 20,
            "durationUnit": "min",
        }
    )
    assert sum([20 / 60] * 27) != 9.0
    assert (schedule.hours_per_day, schedule.days_per_week) == (3.0, 3)
    assert schedule.weekly_hours == 9.0
    tenth = _read(
        {"frequency": 3, "period": 1, "periodUnit": "wk", "duration": 0.1, "durationUnit": "h"}
    )
    assert tenth.hours_per_day == 0.1  # 0.1 read as 1/10, not 0.1000000000000000055…
    third = _read(
        {
            "frequency": 1,
            "period": 1,
            "periodUnit": "d",
            "duration": 20,
            "durationUnit": "min",
            "dayOfWeek": ["mon"],
        }
    )
    assert third.hours_per_day == float(Fraction(1, 3))


@settings(deadline=None, max_examples=200)
@given(
    minutes=st.integers(1, 24 * 60),
    per_day=st.integers(1, 6),
    days=st.lists(
        st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        min_size=1,
        max_size=7,
        unique=True,
    ),
)
def test_weekly_hours_are_exact_fractions(minutes: int, per_day: int, days: list[str]) -> None:
    exact = Fraction(minutes, 60) * per_day
    repeat = {
        "frequency": per_day,
        "period": 1,
        "periodUnit": "d",
        "dayOfWeek": days,
        "duration": minutes,
        "durationUnit": "min",
    }
    if exact > 24:
        with pytest.raises(FhirMappingError, match="valid Schedule"):
            _read(repeat)
        return
    schedule = _read(repeat)
    assert schedule.hours_per_day == float(exact)  # one rounding, at the end
    assert schedule.days_per_week == len(days)


def test_bounds_give_the_course_length() -> None:
    weeks = _read(
        {
            "frequency": 3,
            "period": 1,
            "periodUnit": "wk",
            "duration": 3,
            "durationUnit": "h",
            "boundsDuration": {"value": 42, "unit": "days", "system": UCUM, "code": "d"},
        }
    )
    assert weeks.weeks == 6.0
    dated = _read(
        {
            "frequency": 3,
            "period": 1,
            "periodUnit": "wk",
            "duration": 3,
            "durationUnit": "h",
            "boundsPeriod": {"start": "2024-01-08", "end": "2024-02-18"},
        }
    )
    assert dated.duration_weeks == 6.0  # the inclusive end is read back as the next day


def test_what_a_schedule_cannot_keep_is_listed_not_dropped() -> None:
    got = import_fhir(
        {
            "repeat": {
                "frequency": 1,
                "period": 1,
                "periodUnit": "d",
                "dayOfWeek": ["mon"],
                "timeOfDay": ["09:00:00"],
                "duration": 1,
                "durationUnit": "h",
            },
            "code": {"coding": [{"system": "http://example.org", "code": "QD"}]},
        }
    )
    assert {u.value for u in got.unmapped} == {"dayOfWeek", "timeOfDay", "http://example.org|QD"}


@pytest.mark.parametrize(
    ("timing", "why"),
    [
        ({"event": ["2024-01-01T09:00:00Z"]}, "event lists dates of occurrences"),
        ({"code": {"text": "BID"}}, "a code only: the Timing defines no weekly dose"),
        ({"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}, "no duration"),
        ({"repeat": {"duration": 1, "durationUnit": "h"}}, "does not say how often"),
        (
            {
                "repeat": {
                    "duration": 1,
                    "durationUnit": "wk",
                    "frequency": 1,
                    "period": 1,
                    "periodUnit": "wk",
                }
            },
            "'wk' is not a unit of time this Timing can use",
        ),
        (
            {
                "repeat": {
                    "timeOfDay": ["09:00:00"],
                    "frequency": 2,
                    "period": 1,
                    "periodUnit": "d",
                    "duration": 1,
                    "durationUnit": "h",
                }
            },
            "frequency 2 disagrees with the 1",
        ),
        (
            {
                "repeat": {
                    "frequency": 1,
                    "period": 1,
                    "periodUnit": "d",
                    "duration": 30,
                    "durationUnit": "h",
                }
            },
            "valid Schedule",
        ),
        (
            {"repeat": {"frequency": 1, "duration": 1, "durationUnit": "h"}},
            "a frequency needs a period and periodUnit",
        ),
        (
            {
                "repeat": {
                    "frequency": 1,
                    "period": 1,
                    "periodUnit": "d",
                    "duration": 1,
                    "durationUnit": "h",
                },
                "modifierExtension": [{"url": "x"}],
            },
            "a modifierExtension",
        ),
        (
            {
                "repeat": {
                    "frequency": 1,
                    "period": 1,
                    "periodUnit": "d",
                    "duration": 1,
                    "durationUnit": "h",
                    "boundsDuration": {"value": 2, "code": "mo"},
                }
            },
            "a course length must be a positive number of weeks",
        ),
    ],
)
def test_timings_without_one_weekly_dose_say_why(timing: dict[str, Any], why: str) -> None:
    with pytest.raises(FhirMappingError, match=why):
        from_fhir(timing)


def test_a_service_request_carrying_a_timing() -> None:
    request = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "subject": {"reference": "Patient/1"},
        "occurrenceTiming": {
            "repeat": {
                "frequency": 3,
                "period": 1,
                "periodUnit": "wk",
                "duration": 3,
                "durationUnit": "h",
            }
        },
    }
    assert from_fhir(request) == cc.Schedule(hours_per_day=3, days_per_week=3)
