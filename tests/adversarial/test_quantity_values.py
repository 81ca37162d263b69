"""Hostile numbers, mappings and pint quantities: refused by our error, never a crash.

Huge values (``10**400``, ``Decimal("1e400")``, ``Fraction(10**400)``) must
give a validation error naming the field, never ``OverflowError``; booleans are
refused wherever a number is expected; values too close to zero to be told
from zero are refused rather than turned into 0; quantity mappings take
exactly ``magnitude`` and ``units`` (or ``unit``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pint
import pytest
from hypothesis import given, settings
from pydantic import ValidationError
from strategies import hostile_numbers, hostile_quantity_mappings

import carecontinuum as cc
from carecontinuum.errors import InvalidQuantityError
from carecontinuum.intensity import IntensityInputError, edge, total_hours, weekly_hours
from carecontinuum.units import convert, quantity

# (value, pydantic error type) for hours per day
NUMBERS: list[tuple[Any, str]] = [
    (True, "quantity_type"),
    (False, "quantity_type"),
    (np.True_, "quantity_type"),
    (np.bool_(False), "quantity_type"),
    (10**400, "quantity_out_of_range"),
    (-(10**400), "quantity_out_of_range"),
    (2**1024, "quantity_out_of_range"),
    (10**5000, "quantity_out_of_range"),  # repr() itself refuses more than 4300 digits
    (Fraction(10**400), "quantity_out_of_range"),
    (Fraction(-(10**400), 3), "quantity_out_of_range"),
    (Fraction(1, 10**400), "quantity_out_of_range"),
    (Decimal("1e400"), "quantity_out_of_range"),
    (Decimal("-1e400"), "quantity_out_of_range"),
    (Decimal("1e-400"), "quantity_out_of_range"),
    (Decimal("NaN"), "quantity_not_finite"),
    (Decimal("sNaN"), "quantity_not_finite"),
    (Decimal("Infinity"), "quantity_not_finite"),
    (math.inf, "quantity_not_finite"),
    (-math.inf, "quantity_not_finite"),
    (math.nan, "quantity_not_finite"),
    (np.float64("nan"), "quantity_not_finite"),
    (np.longdouble("1e4000"), "quantity_out_of_range"),
    (np.uint64(2**64 - 1), "quantity_out_of_range"),
    (-0.0, "quantity_out_of_range"),
    (25, "quantity_out_of_range"),
    (1 + 2j, "quantity_type"),
    (None, "quantity_type"),
    (b"3", "quantity_type"),
    ([3], "quantity_type"),
    ((3,), "quantity_type"),
    ({3}, "quantity_type"),
    (object(), "quantity_type"),
]

# (value, hours per day) accepted, each a kind of number
GOOD_NUMBERS: list[tuple[Any, float]] = [
    (3, 3.0),
    (3.0, 3.0),
    (Decimal("2.5"), 2.5),
    (Fraction(5, 2), 2.5),
    (np.int8(3), 3.0),
    (np.uint8(3), 3.0),
    (np.int16(3), 3.0),
    (np.float16(2.5), 2.5),
    (np.float32(2.5), 2.5),
    (np.float64(2.5), 2.5),
    (np.longdouble(2.5), 2.5),
    (24, 24.0),
    (1e-9, 1e-9),
    (5e-324, 5e-324),  # the smallest float: more than 0, so a (tiny) number of hours
]


@pytest.mark.parametrize(("value", "error_type"), NUMBERS, ids=range(len(NUMBERS)))
def test_numbers_refused_by_the_field(value: Any, error_type: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(hours_per_day=value, days_per_week=3)
    (error,) = info.value.errors()
    assert error["loc"] == ("hours_per_day",)
    assert error["type"] == error_type
    assert "hours per day" in error["msg"]
    assert len(error["msg"]) < 300


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS, ids=range(len(GOOD_NUMBERS)))
def test_numbers_accepted(value: Any, expected: float) -> None:
    got = cc.Schedule(hours_per_day=value, days_per_week=3).hours_per_day
    assert got == expected
    assert type(got) is float


# Every public path that takes a number: each must refuse the huge and the boolean
# with its own error (a ValidationError naming the field, or our error), never a crash.
PATHS: list[tuple[str, Callable[[Any], object], type[Exception], str]] = [
    (
        "Schedule.hours_per_day",
        lambda v: cc.Schedule(hours_per_day=v, days_per_week=3),
        ValidationError,
        "hours_per_day",
    ),
    (
        "Schedule.days_per_week",
        lambda v: cc.Schedule(hours_per_day=3, days_per_week=v),
        ValidationError,
        "days_per_week",
    ),
    (
        "Schedule.weeks",
        lambda v: cc.Schedule(hours_per_day=3, days_per_week=3, weeks=v),
        ValidationError,
        "weeks",
    ),
    (
        "Schedule.sessions_per_week",
        lambda v: cc.Schedule(hours_per_day=3, days_per_week=3, sessions_per_week=v),
        ValidationError,
        "sessions_per_week",
    ),
    (
        "Session.duration",
        lambda v: cc.Session(weekday="mon", start="09:00", duration=v, format="group"),
        ValidationError,
        "duration",
    ),
    ("QuantityRange.low", lambda v: cc.QuantityRange(low=v, unit="week"), ValidationError, "low"),
    (
        "QuantityRange.high",
        lambda v: cc.QuantityRange(low=0, high=v, unit="week"),
        ValidationError,
        "high",
    ),
    ("WeeklyHours.at_least", lambda v: cc.WeeklyHours(at_least=v), ValidationError, "at_least"),
    (
        "DailyHours.hours_at_least",
        lambda v: cc.DailyHours(hours_at_least=v, days_at_least=3),
        ValidationError,
        "hours_at_least",
    ),
    ("weekly_compliance", lambda v: cc.weekly_compliance([20, v]), ValidationError, "hours"),
    ("weekly_hours", lambda v: weekly_hours(v, 3), ValidationError, "hours_per_day"),
    ("total_hours", lambda v: total_hours(3, 3, v), ValidationError, "weeks"),
    ("convert", lambda v: convert(v, "hour"), InvalidQuantityError, "hour"),
    ("edge", edge, IntensityInputError, "hours"),
]
HUGE: list[Any] = [
    10**400,
    -(10**400),
    Fraction(10**400),
    Decimal("1e400"),
    Decimal("-1e400"),
    True,
    np.True_,
]


@pytest.mark.parametrize("value", HUGE, ids=[repr(v)[:12] for v in HUGE])
@pytest.mark.parametrize(("path", "call", "error", "name"), PATHS, ids=[p[0] for p in PATHS])
def test_every_numeric_path_refuses_huge_and_boolean_values(
    path: str, call: Callable[[Any], object], error: type[Exception], name: str, value: Any
) -> None:
    with pytest.raises(error) as info:
        call(value)
    if isinstance(info.value, ValidationError):
        (problem,) = info.value.errors()
        assert problem["loc"][0] == name
    else:
        assert isinstance(info.value, cc.CareContinuumError)
        assert name in str(info.value)


@pytest.mark.parametrize(
    ("mapping", "error_type", "words"),
    [
        ({"magnitude": 3, "units": "h", "extra": 1}, "quantity_mapping", "not 'extra'"),
        ({"magnitude": 3, "unit": "h", "Units": "h"}, "quantity_mapping", "not 'Units'"),
        ({"magnitude": 3, "units": "h", 1: 2}, "quantity_mapping", "not 1"),
        ({"magnitude": 3, "unit": "h", "units": "min"}, "quantity_mapping", "disagree"),
        ({"magnitude": 3, "unit": "hour", "units": "h"}, "quantity_mapping", "disagree"),
        ({"magnitude": 3}, "quantity_type", "a string 'units'"),
        ({"units": "h"}, "quantity_type", "numeric 'magnitude'"),
        ({}, "quantity_type", "numeric 'magnitude'"),
        ({"magnitude": True, "units": "h"}, "quantity_type", "magnitude True"),
        ({"magnitude": "3", "units": "h"}, "quantity_type", "magnitude '3'"),
        ({"magnitude": 3, "units": 3}, "quantity_type", "units 3"),
        ({"magnitude": 10**400, "units": "h"}, "quantity_out_of_range", "too large"),
        ({"magnitude": Decimal("1e-400"), "units": "h"}, "quantity_out_of_range", "zero"),
        ({"magnitude": 3, "units": "9**9**9 h"}, "quantity_parse", "expected a unit name"),
        ({"magnitude": 3, "units": "h" * 1_000_000}, "quantity_too_long", "characters"),
        ({"magnitude": 3, "units": "m/km"}, "quantity_dimension", "calendar unit"),
        ({"magnitude": 3, "units": "kg"}, "quantity_dimension", "[mass]"),
    ],
)
def test_quantity_mappings_are_exact(mapping: dict[Any, Any], error_type: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(hours_per_day=mapping, days_per_week=3)
    (error,) = info.value.errors()
    assert error["loc"] == ("hours_per_day",)
    assert error["type"] == error_type
    assert words in error["msg"]


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ({"magnitude": 3, "units": "h"}, 3.0),
        ({"magnitude": 180, "unit": "min"}, 3.0),
        ({"magnitude": 3, "unit": "h", "units": "h"}, 3.0),  # the same twice is no conflict
        ({"magnitude": 21, "units": "hour / week"}, 3.0),
        ({"magnitude": 3, "units": ""}, 3.0),  # no unit: the field's own
    ],
)
def test_quantity_mappings_accepted(mapping: dict[str, Any], expected: float) -> None:
    assert cc.Schedule(hours_per_day=mapping, days_per_week=3).hours_per_day == expected


_OTHER = pint.UnitRegistry()


@pytest.mark.parametrize(
    ("value", "error_type"),
    [
        (_OTHER.Quantity(3, "meter / kilometer"), "quantity_dimension"),
        (_OTHER.Quantity(3, "hour / minute"), "quantity_dimension"),
        (_OTHER.Quantity(3, "meter"), "quantity_dimension"),
        (_OTHER.Quantity(10**400, "hour"), "quantity_out_of_range"),
        (_OTHER.Quantity(np.array([1.0, 2.0]), "hour"), "quantity_type"),
        (_OTHER.Quantity(3, "hour ** 0.5"), "quantity_parse"),
        (quantity(3, "percent"), "quantity_dimension"),
        (quantity(3, "session / week"), "quantity_dimension"),
        (quantity(0.125, "day / day"), "quantity_dimension"),  # pint: dimensionless
    ],
)
def test_pint_quantities_obey_the_same_rules(value: Any, error_type: str) -> None:
    with pytest.raises(ValidationError) as info:
        cc.Schedule(hours_per_day=value, days_per_week=3)
    (error,) = info.value.errors()
    assert error["type"] == error_type


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_OTHER.Quantity(90, "minute"), 1.5),
        (_OTHER.Quantity(21, "hour / week"), 3.0),
        (quantity(3, "hour / day"), 3.0),
        (_OTHER.Quantity(Decimal("3"), "hour"), 3.0),
    ],
)
def test_pint_quantities_accepted(value: Any, expected: float) -> None:
    assert cc.Schedule(hours_per_day=value, days_per_week=3).hours_per_day == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    ("unit", "error_type"),
    [
        ("9**9**9", "unit_parse"),
        ("hour / (day)", "unit_parse"),
        ("h" * 1_000_000, "unit_parse"),
        ("hour day", "unit_parse"),
        ("3 h", "unit_parse"),
        ("", "unit_parse"),
        ("iop", "unit_parse"),
        ("\x00", "unit_parse"),
        (None, "unit_type"),
        (True, "unit_type"),
        (3, "unit_type"),
    ],
)
def test_quantity_refuses_hostile_units(unit: Any, error_type: str) -> None:
    with pytest.raises(InvalidQuantityError) as info:
        quantity(1, unit)
    assert info.value.error_type == error_type
    assert len(str(info.value)) < 300


@settings(max_examples=300, deadline=None)
@given(hostile_numbers())
def test_any_hostile_number_is_a_value_or_our_error(value: Any) -> None:
    got: float | None = None
    errors = []
    try:
        got = cc.Schedule(hours_per_day=value, days_per_week=3).hours_per_day
    except ValidationError as err:
        errors = err.errors()
    if got is None:
        (error,) = errors
        assert error["type"].startswith("quantity_")
    else:
        assert type(got) is float
        assert 0 < got <= 24
        assert not isinstance(value, bool | np.bool_)


@settings(max_examples=300, deadline=None)
@given(hostile_quantity_mappings())
def test_any_hostile_mapping_is_a_value_or_our_error(mapping: dict[Any, Any]) -> None:
    got: float | None = None
    errors = []
    try:
        got = cc.Schedule(hours_per_day=mapping, days_per_week=3).hours_per_day
    except ValidationError as err:
        errors = err.errors()
    if got is None:
        (error,) = errors
        assert error["type"].startswith("quantity_")
    else:
        assert set(mapping) <= {"magnitude", "unit", "units"}
        assert 0 < got <= 24
