"""Bad input to the intensity calculators gets IntensityInputError or a ValidationError."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import carecontinuum as cc
from carecontinuum import intensity as ci

OURS = (cc.CareContinuumError, pydantic.ValidationError)

# (indexes, text in the message); a negative index used to wrap silently to another level
BAD_INDEXES = [
    ([-2], "indexes[0] is -2: a level index is from -1 to 4"),
    ([0, 5], "indexes[1] is 5"),
    (np.array([99], dtype=np.int8), "indexes[0] is 99"),
    (pd.Series([-3]), "indexes[0] is -3"),
    (pd.Series([7]), "indexes[0] is 7"),
    ([1.5], "got values of type float64"),
    (np.array([np.nan]), "got values of type float64"),
    (["outpatient"], "got values of type <U10"),
    (None, "got values of type object"),
    ([True], "got values of type bool"),
    (pd.Series(["a"], dtype=object), "got values of type object"),
]


@pytest.mark.parametrize(("indexes", "message"), BAD_INDEXES)
def test_level_codes_refuses_what_is_not_a_level_index(indexes: Any, message: str) -> None:
    with pytest.raises(cc.IntensityInputError, match="indexes") as info:
        ci.level_codes(indexes)
    assert message in str(info.value)
    assert info.value.field == "indexes"


def test_level_codes_good_input() -> None:
    assert ci.level_codes([0, -1, 4]).tolist() == ["outpatient", None, "inpatient_acute"]
    assert ci.level_codes([]).tolist() == []
    assert ci.level_codes(pd.Series([2], dtype="int8")).tolist() == ["partial_hospitalization"]


def test_classify_array_refuses_complex_values() -> None:
    # astype(float) used to drop the imaginary part with only a ComplexWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(cc.IntensityInputError, match="hours_per_day must hold real numbers"):
            ci.classify_array(np.array([3 + 1j]), [3])


@pytest.mark.parametrize(
    "call",
    [
        lambda: ci.total_hours(3, 3, None),
        lambda: ci.total_hours_range(3, 3, None),
        lambda: ci.total_hours_range(3, 3, (None, 4)),
        lambda: ci.total_hours_range((3, 4), 3, (2, None)),
    ],
)
def test_total_hours_needs_weeks(call: Any) -> None:
    # was an AssertionError (total_hours) or a TypeError comparing None (the range)
    with pytest.raises(cc.IntensityInputError, match="weeks is required") as info:
        call()
    assert info.value.field == "weeks"


@pytest.mark.parametrize("hours", [None, float("nan"), float("inf"), "9", True, [9.0]])
def test_edge_needs_a_finite_number(hours: Any) -> None:
    with pytest.raises(cc.IntensityInputError, match="hours must be a finite number") as info:
        ci.edge(hours)
    assert repr(hours) in str(info.value)


def test_edge_accepts_numpy_scalars() -> None:
    assert ci.edge(np.int64(9)) == ci.edge(9.0) == ci.edge(np.float64(9))


_ARRAYS = hnp.arrays(
    dtype=st.sampled_from([np.float64, np.int64, np.float32, np.complex128, np.int8, np.bool_]),
    shape=hnp.array_shapes(min_dims=1, max_dims=2, max_side=3),
)


@settings(max_examples=60, deadline=None)
@given(_ARRAYS, _ARRAYS)
def test_classify_array_any_numeric_arrays(hpd: Any, dpw: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = ci.classify_array(hpd, dpw)
        except OURS:
            return
    assert len(result) == len(hpd)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(dtype=st.sampled_from([np.int64, np.int8, np.float64]), shape=st.integers(0, 4)))
def test_level_codes_any_array(indexes: Any) -> None:
    try:
        codes = ci.level_codes(indexes)
    except cc.IntensityInputError:
        assert indexes.dtype.kind == "f" or (indexes < -1).any() or (indexes > 4).any()
    else:
        assert len(codes) == len(indexes)
