"""Bad input to the unit helpers gets an InvalidQuantityError, never a raw pint error."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.units import convert

# (unit argument, text the message must contain)
BAD_UNITS: list[tuple[object, str]] = [
    ("iop", "'iop' as a unit"),  # not a unit pint knows
    ("3 h", "'3 h' as a unit"),  # a quantity, not a unit (pint: "scaling factor")
    ("\x00", "as a unit"),  # pint's parser fails an assertion on this
    (None, "got NoneType None"),
    (3, "got int 3"),
    ([], "got list []"),
]


@pytest.mark.parametrize(("unit", "message"), BAD_UNITS)
def test_quantity_bad_unit(unit: object, message: str) -> None:
    with pytest.raises(cc.InvalidQuantityError, match="unit") as info:
        cc.quantity(1, unit)  # type: ignore[arg-type]
    assert message in str(info.value)


@pytest.mark.parametrize(("unit", "message"), BAD_UNITS)
def test_convert_bad_target_unit(unit: object, message: str) -> None:
    # a bare number never touches the unit, so a bad unit used to be accepted silently
    with pytest.raises(cc.InvalidQuantityError) as info:
        convert(3, unit)  # type: ignore[arg-type]
    assert message in str(info.value)
    with pytest.raises(cc.InvalidQuantityError):
        convert("3 h", unit)  # type: ignore[arg-type]


def test_convert_bad_per_unit() -> None:
    with pytest.raises(cc.InvalidQuantityError, match="'fortnightz' as a unit"):
        convert("3 h", "hour / day", per="fortnightz")


@pytest.mark.parametrize("magnitude", [None, True, "3", {}, {"a": 1}, b"3"])
def test_quantity_bad_magnitude(magnitude: object) -> None:
    with pytest.raises(cc.InvalidQuantityError, match=r"magnitude|quantity in hour") as info:
        cc.quantity(magnitude, "hour")  # type: ignore[arg-type]
    assert repr(magnitude) in str(info.value)


def test_quantity_good_input_unchanged() -> None:
    assert cc.quantity(3, "hour / week").magnitude == 3
    assert convert("180 min", "hour") == 3.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=12))
def test_any_unit_text_gives_a_unit_or_our_error(text: str) -> None:
    problem: cc.InvalidQuantityError | None = None
    try:
        q = cc.quantity(1.0, text)
    except cc.InvalidQuantityError as err:
        problem = err
    if problem is None:
        assert math.isclose(q.magnitude, 1.0)
    else:
        assert repr(text) in str(problem)
