"""Unit-aware field types: every accepted input form, every rejected one, exact JSON."""

from __future__ import annotations

import json
import math
from typing import Annotated

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from carecontinuum import InvalidQuantityError, QuantityRange
from carecontinuum.units import (
    CALENDAR_DAYS,
    DaysPerWeek,
    Hours,
    HoursPerDay,
    HoursPerWeek,
    InUnit,
    SessionsPerWeek,
    Weeks,
    convert,
    quantity,
    unit_registry,
)


class Dose(BaseModel):
    hours_per_day: HoursPerDay
    days_per_week: DaysPerWeek = 5
    sessions_per_week: SessionsPerWeek = 1
    weeks: Weeks | None = None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3.0),
        (2.5, 2.5),
        ("3", 3.0),
        ("3 h", 3.0),
        ("3 hours", 3.0),
        ("180 min", 3.0),
        ("180 minutes/day", 3.0),
        ("3 hours/day", 3.0),
        ("3 hours per day", 3.0),
        ("21 h/week", 3.0),
        ({"magnitude": 3, "units": "hour / day"}, 3.0),
        ({"magnitude": 180, "unit": "min"}, 3.0),
    ],
)
def test_hours_per_day_accepts(value: object, expected: float) -> None:
    assert Dose(hours_per_day=value).hours_per_day == pytest.approx(expected, abs=1e-12)


def test_pint_quantity_from_a_foreign_registry_is_accepted() -> None:
    other = pint.UnitRegistry()
    assert Dose(hours_per_day=other.Quantity(90, "minute")).hours_per_day == 1.5
    assert Dose(hours_per_day=other.Quantity(3, "hour/day")).hours_per_day == 3.0


def test_pint_quantity_from_the_shared_registry_is_accepted() -> None:
    assert Dose(hours_per_day=quantity(4, "hour / day")).hours_per_day == 4.0


@pytest.mark.parametrize(
    ("value", "error_type", "fragment"),
    [
        ("3 meters", "quantity_dimension", "[length]"),
        ("3 m", "quantity_dimension", "hours per day"),
        (-1, "quantity_out_of_range", "hours per day must be more than 0 hours per day, got -1"),
        (0, "quantity_out_of_range", "more than 0 hours per day, got 0"),
        (25, "quantity_out_of_range", "at most 24 hours per day, got 25"),
        (float("nan"), "quantity_not_finite", "finite"),
        (float("inf"), "quantity_not_finite", "finite"),
        ("inf", "quantity_not_finite", "finite"),
        ("50 percent", "quantity_dimension", "dimensionless"),
        ("3 h/m", "quantity_dimension", "'m' is not a calendar unit"),
        ("3 m/km", "quantity_dimension", "'km' is not a calendar unit"),
        ("3 m/day", "quantity_dimension", "amount has dimension [length], not [time]"),
        ("three hours", "quantity_parse", "could not read"),
        ("", "quantity_parse", "could not read"),
        (True, "quantity_type", "boolean"),
        ([3], "quantity_type", "list"),
        ({"magnitude": "3"}, "quantity_type", "magnitude"),
        (pint.UnitRegistry().Quantity([1, 2], "hour"), "quantity_type", "scalar"),
    ],
)
def test_hours_per_day_rejects(value: object, error_type: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Dose(hours_per_day=value)
    (error,) = info.value.errors()
    assert error["loc"] == ("hours_per_day",)
    assert error["type"] == error_type
    assert fragment in error["msg"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(4, 4), ("4", 4), ("4 days/week", 4), ("4 days", 4), (4.0, 4), ("1 day/week", 1)],
)
def test_days_per_week_is_a_whole_number(value: object, expected: int) -> None:
    got = Dose(hours_per_day=3, days_per_week=value).days_per_week
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize(
    ("value", "error_type"),
    [
        (8, "quantity_out_of_range"),
        (0, "quantity_out_of_range"),
        (4.5, "quantity_not_whole"),
        ("3 h", "quantity_out_of_range"),
        ("3 kg", "quantity_dimension"),
    ],
)
def test_days_per_week_rejects(value: object, error_type: str) -> None:
    with pytest.raises(ValidationError) as info:
        Dose(hours_per_day=3, days_per_week=value)
    (error,) = info.value.errors()
    assert error["loc"] == ("days_per_week",)
    assert error["type"] == error_type


def test_sessions_per_week_has_its_own_dimension() -> None:
    assert Dose(hours_per_day=3, sessions_per_week="3 sessions/week").sessions_per_week == 3
    assert Dose(hours_per_day=3, sessions_per_week="6 sessions").sessions_per_week == 6
    with pytest.raises(ValidationError, match="sessions per week"):
        Dose(hours_per_day=3, sessions_per_week="3 hours/week")


def test_calendar_units_follow_pint() -> None:
    # pint: a month is 1/12 of a Julian year of 365.25 days
    assert Dose(hours_per_day=3, weeks="1 month").weeks == pytest.approx(365.25 / 12 / 7)
    assert Dose(hours_per_day=3, weeks="14 days").weeks == 2.0


def test_json_round_trip_is_exact_for_thirds() -> None:
    dose = Dose(hours_per_day="20 min", weeks="10 days")
    again = Dose.model_validate_json(dose.model_dump_json())
    assert again == dose
    assert json.loads(dose.model_dump_json())["hours_per_day"] == 1 / 3


@given(
    hours=st.floats(min_value=1e-6, max_value=24, allow_nan=False),
    days=st.integers(min_value=1, max_value=7),
    sessions=st.floats(min_value=1e-6, max_value=1e6, allow_nan=False),
    weeks=st.none() | st.floats(min_value=1e-6, max_value=CALENDAR_DAYS / 7, allow_nan=False),
)
def test_round_trips_python_and_json(
    hours: float, days: int, sessions: float, weeks: float | None
) -> None:
    dose = Dose(hours_per_day=hours, days_per_week=days, sessions_per_week=sessions, weeks=weeks)
    assert Dose.model_validate_json(dose.model_dump_json()) == dose
    assert Dose.model_validate(dose.model_dump()) == dose


@given(st.floats(min_value=0.01, max_value=24 * 60, allow_nan=False))
def test_minutes_convert_to_hours(minutes: float) -> None:
    got = Dose(hours_per_day=f"{minutes!r} min").hours_per_day
    assert math.isclose(got, minutes / 60, rel_tol=1e-12)


def test_json_schema_describes_number_or_string_and_unit() -> None:
    validation = Dose.model_json_schema()["properties"]["hours_per_day"]
    assert validation["x-unit"] == "hour / day"
    number, text = validation["anyOf"]
    assert number == {"type": "number", "exclusiveMinimum": 0, "maximum": 24}
    assert text["type"] == "string"
    serialization = Dose.model_json_schema(mode="serialization")["properties"]["days_per_week"]
    assert serialization["type"] == "integer"
    assert (serialization["minimum"], serialization["maximum"]) == (1, 7)


def test_custom_marker_in_a_user_model() -> None:
    class Stay(BaseModel):
        length: Annotated[float, InUnit("day", label="length of stay", gt=0)]

    assert Stay(length="2 weeks").length == 14.0
    with pytest.raises(ValidationError, match="length of stay"):
        Stay(length="2 kg")


def test_hours_type_is_a_positive_duration() -> None:
    class Session(BaseModel):
        duration: Hours

    assert Session(duration="45 min").duration == 0.75
    with pytest.raises(ValidationError, match="a duration must be more than 0 hours, got 0"):
        Session(duration="0 min")


def test_hours_per_week_bounds() -> None:
    class Week(BaseModel):
        hours: HoursPerWeek

    assert Week(hours=0).hours == 0
    assert Week(hours="3 h/day").hours == pytest.approx(21.0)
    with pytest.raises(ValidationError):
        Week(hours=169)


def test_convert_outside_a_model() -> None:
    assert convert("90 min", "hour") == 1.5
    assert convert(quantity(2, "week"), "day") == 14
    with pytest.raises(InvalidQuantityError) as info:
        convert("3 m", "hour")
    assert info.value.error_type == "quantity_dimension"
    assert isinstance(info.value, ValueError)


def test_registry_is_pints_application_registry_with_session() -> None:
    registry = unit_registry()
    assert registry is pint.get_application_registry().get()
    assert unit_registry() is registry
    assert str((quantity(3, "session / week")).dimensionality) == "[session] / [time]"


class TestQuantityRange:
    def test_renders_and_contains(self) -> None:
        r = QuantityRange(low=3, high=5, unit="day / week")
        assert str(r) == "3–5 day / week"
        assert 3 in r
        assert 5 in r
        assert 6 not in r
        assert "4" not in r

    def test_open_and_approximate(self) -> None:
        assert str(QuantityRange(low=1, unit="month", approximate=True)) == "about ≥ 1 month"
        assert 100 in QuantityRange(low=1, unit="month")

    def test_quantities_use_the_shared_registry(self) -> None:
        low, high = QuantityRange(low=2, high=4, unit="hour / day").quantities()
        assert low == quantity(2, "hour / day")
        assert high == quantity(4, "hour / day")

    @pytest.mark.parametrize(
        ("kwargs", "fragment"),
        [
            ({"low": 5, "high": 3, "unit": "hour"}, "must not be below"),
            ({"low": -1, "unit": "hour"}, "greater than or equal to 0"),
            ({"low": 1, "unit": "furlong"}, "Input should be"),
            ({"low": float("nan"), "unit": "hour"}, "finite"),
        ],
    )
    def test_rejects(self, kwargs: dict[str, object], fragment: str) -> None:
        with pytest.raises(ValidationError, match=fragment):
            QuantityRange.model_validate(kwargs)

    @given(
        low=st.floats(0, 1e6, allow_nan=False),
        span=st.none() | st.floats(0, 1e6, allow_nan=False),
        unit=st.sampled_from(["hour", "day / week", "month", "session / week"]),
        approximate=st.booleans(),
    )
    def test_round_trip(self, low: float, span: float | None, unit: str, approximate: bool) -> None:
        high = None if span is None else low + span
        r = QuantityRange.model_validate(
            {"low": low, "high": high, "unit": unit, "approximate": approximate}
        )
        assert QuantityRange.model_validate_json(r.model_dump_json()) == r
