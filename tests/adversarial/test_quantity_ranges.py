"""``QuantityRange`` as text: ``"8 weeks"``, ``"4-6 weeks"``, through the same grammar.

What ``str()`` shows reads back as the same range; hostile text is refused with
a validation error naming the field that holds the range.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from strategies import hostile_quantity_text, range_texts

from carecontinuum import QuantityRange

_MB = 1_000_000

ACCEPTED: list[tuple[str, dict[str, Any]]] = [
    ("8 weeks", {"low": 8, "high": 8, "unit": "week"}),
    ("4-6 weeks", {"low": 4, "high": 6, "unit": "week"}),
    ("4 - 6 weeks", {"low": 4, "high": 6, "unit": "week"}),
    ("4–6 weeks", {"low": 4, "high": 6, "unit": "week"}),
    ("4—6 weeks", {"low": 4, "high": 6, "unit": "week"}),
    ("4 to 6 weeks", {"low": 4, "high": 6, "unit": "week"}),
    ("1 week", {"low": 1, "high": 1, "unit": "week"}),
    ("2.5-3.5 hours", {"low": 2.5, "high": 3.5, "unit": "hour"}),
    ("3–5 days per week", {"low": 3, "high": 5, "unit": "day / week"}),
    ("3-5 days/week", {"low": 3, "high": 5, "unit": "day / week"}),
    ("3–5 day / week", {"low": 3, "high": 5, "unit": "day / week"}),
    ("2-4 h/day", {"low": 2, "high": 4, "unit": "hour / day"}),
    ("9–19 hours per week", {"low": 9, "high": 19, "unit": "hour / week"}),
    ("1-2 sessions per week", {"low": 1, "high": 2, "unit": "session / week"}),
    ("12-15 sessions", {"low": 12, "high": 15, "unit": "session"}),
    ("18-24 months", {"low": 18, "high": 24, "unit": "month"}),
    ("1 year", {"low": 1, "high": 1, "unit": "year"}),
    ("≥ 1 month", {"low": 1, "high": None, "unit": "month"}),
    (">= 90 days", {"low": 90, "high": None, "unit": "day"}),
    ("about 4–6 weeks", {"low": 4, "high": 6, "unit": "week", "approximate": True}),
    ("About 30 days", {"low": 30, "high": 30, "unit": "day", "approximate": True}),
    ("about ≥ 1 month", {"low": 1, "high": None, "unit": "month", "approximate": True}),
    ("  4-6 weeks  ", {"low": 4, "high": 6, "unit": "week"}),
    ("0-0 days", {"low": 0, "high": 0, "unit": "day"}),
]

REFUSED: list[tuple[str, str]] = [
    ("6-4 weeks", "range_order"),  # high below low
    ("-4-6 weeks", "greater_than_equal"),  # a negative low
    ("4-6", "quantity_range_parse"),  # no unit
    ("weeks", "quantity_range_parse"),
    ("", "quantity_range_parse"),
    ("4-6 furlongs", "quantity_range_parse"),
    ("4-6 minutes", "quantity_range_parse"),  # a time, but not a unit a range is kept in
    ("4-6 m", "quantity_range_parse"),
    ("4-6 kg/week", "quantity_range_parse"),
    ("4-6 weeks/day", "quantity_range_parse"),
    ("4-6-8 weeks", "quantity_range_parse"),
    ("≥ 4-6 weeks", "quantity_range_parse"),
    ("4 6 weeks", "quantity_range_parse"),
    ("9**9**9 weeks", "quantity_range_parse"),
    ("1/2-1 weeks", "quantity_range_parse"),
    ("1e400 weeks", "quantity_out_of_range"),
    ("1-1e400 weeks", "quantity_out_of_range"),
    ("1e-400 weeks", "quantity_out_of_range"),
    ("inf weeks", "quantity_not_finite"),
    ("nan-6 weeks", "quantity_not_finite"),
    ("٤-٦ weeks", "quantity_range_parse"),  # Arabic-Indic digits
    ("4-6 (weeks)", "quantity_range_parse"),
    ("4-6 weeks\x00", "quantity_range_parse"),
    ("4" * _MB + " weeks", "quantity_too_long"),
    ("4-6 " + "w" * _MB, "quantity_too_long"),
    ("about " * 100_000 + "4 weeks", "quantity_too_long"),
]


class _Program(BaseModel):
    stay: QuantityRange


@pytest.mark.parametrize(("text", "expected"), ACCEPTED, ids=range(len(ACCEPTED)))
def test_range_text_accepted(text: str, expected: dict[str, Any]) -> None:
    assert QuantityRange.model_validate(text) == QuantityRange(**expected)
    assert _Program(stay=text).stay == QuantityRange(**expected)  # as a field, too


@pytest.mark.parametrize(("text", "error_type"), REFUSED, ids=range(len(REFUSED)))
def test_range_text_refused_naming_the_field(text: str, error_type: str) -> None:
    with pytest.raises(ValidationError) as info:
        _Program(stay=text)
    (error,) = info.value.errors()
    assert error["loc"][0] == "stay"
    assert error["type"] == error_type
    assert len(error["msg"]) < 400


@pytest.mark.parametrize(
    ("field", "value", "error_type"),
    [
        ("low", True, "range_bound_type"),
        ("low", 10**400, "quantity_out_of_range"),
        ("high", "1e-400", "quantity_out_of_range"),
        ("high", "9**9", "quantity_parse"),
        ("low", "3 weeks", "range_bound_type"),
        ("low", float("nan"), "finite_number"),
    ],
)
def test_range_bounds_refuse_hostile_numbers(field: str, value: Any, error_type: str) -> None:
    given = {"low": 1, "unit": "week", field: value}
    with pytest.raises(ValidationError) as info:
        QuantityRange.model_validate(given)
    (error,) = info.value.errors()
    assert error["loc"] == (field,)
    assert error["type"] == error_type


def test_the_program_field_takes_range_text() -> None:
    import carecontinuum as cc

    program = cc.Program(
        name="Example IOP",
        level="IOP",
        schedule=cc.Schedule(hours_per_day=3, days_per_week=3),
        length_of_stay="4-6 weeks",
    )
    assert program.length_of_stay == QuantityRange(low=4, high=6, unit="week")


@settings(max_examples=200, deadline=None)
@given(range_texts())
def test_what_str_shows_reads_back(text: str) -> None:
    parsed = QuantityRange.model_validate(text)
    assert QuantityRange.model_validate(str(parsed)) == parsed


@settings(max_examples=200, deadline=None)
@given(
    low=st.floats(0, 1e6, allow_nan=False),
    span=st.none() | st.floats(0, 1e6, allow_nan=False),
    unit=st.sampled_from(["hour", "day / week", "month", "session / week", "hour / day"]),
    approximate=st.booleans(),
)
def test_str_round_trips_exactly_for_short_numbers(
    low: float, span: float | None, unit: str, approximate: bool
) -> None:
    low = float(f"{low:g}")  # str() writes 6 significant digits
    high = None if span is None else float(f"{low + span:g}")
    if high is not None and high < low:
        high = low
    r = QuantityRange.model_validate(
        {"low": low, "high": high, "unit": unit, "approximate": approximate}
    )
    assert QuantityRange.model_validate(str(r)) == r


@settings(max_examples=200, deadline=None)
@given(hostile_quantity_text())
def test_any_hostile_text_is_a_range_or_a_validation_error(text: str) -> None:
    try:
        parsed = QuantityRange.model_validate(text)
    except ValidationError as err:
        errors = err.errors()
    else:
        errors = []
        assert parsed.low >= 0
    # one problem with the text, or the bounds' own (a negative low and high: two)
    assert {error["loc"] for error in errors} <= {(), ("low",), ("high",)}
    assert all(len(error["msg"]) < 400 for error in errors)
