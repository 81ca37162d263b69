"""The vectorized path: every dtype gives classify's answer, or a clear refusal.

Small integer dtypes used to overflow (``int8`` hours × days wrapped around);
booleans were read as 0 and 1; strings that looked like numbers were parsed
while ``"3 h"`` was refused.  Now numbers of any width are compared in float64
exactly as the scalar path compares Python floats, and everything that is not
a real number is refused naming its position.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.intensity import LEVEL_CODES, NO_LEVEL, IntensityInputError, classify_array

RULES = ["asam3-adult", "asam3-adolescent", "medicare", "teds", "hcpcs-h0015"]
_HOURS = np.arange(1, 25)
_DAYS = np.arange(1, 8)
_H, _D = (a.ravel() for a in np.meshgrid(_HOURS, _DAYS))


def _scalar(hours: float, days: int, rules: str) -> int:
    level = cc.classify(cc.Schedule(hours_per_day=hours, days_per_week=days), rules).level
    return NO_LEVEL if level is None else LEVEL_CODES.index(level.code)


_EXPECTED = {
    rules: np.array(
        [_scalar(float(h), int(d), rules) for h, d in zip(_H, _D, strict=True)], dtype=np.int8
    )
    for rules in RULES
}


@pytest.mark.parametrize("rules", RULES)
@pytest.mark.parametrize(
    "dtype",
    [
        np.int8,
        np.uint8,
        np.int16,
        np.uint16,
        np.int32,
        np.int64,
        np.uint64,
        np.float16,
        np.float32,
        np.float64,
        np.longdouble,
    ],
)
def test_every_numeric_dtype_agrees_with_classify(dtype: Any, rules: str) -> None:
    got = classify_array(_H.astype(dtype), _D.astype(dtype), rules=rules)
    assert got.tolist() == _EXPECTED[rules].tolist()


def test_int8_weekly_hours_do_not_wrap_around() -> None:
    # 24 h × 7 days = 168 does not fit an int8 (at most 127): it used to wrap to -88
    got = classify_array(np.array([24], dtype=np.int8), np.array([7], dtype=np.int8))
    assert got.tolist() == [LEVEL_CODES.index("partial_hospitalization")]


@pytest.mark.parametrize("rules", ["asam3-adult", "teds"])
def test_float32_thresholds_are_compared_in_float64(rules: str) -> None:
    # the float32 nearest 2 h and 9/3 h sit a hair off; float64 decides, as classify does
    hours = np.array([np.nextafter(np.float32(2), np.float32(0)), np.float32(3)], np.float32)
    days = np.array([3, 3])
    expected = [_scalar(float(h), 3, rules) for h in hours]
    assert classify_array(hours, days, rules=rules).tolist() == expected


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"hours_per_day": [True, 3], "days_per_week": [3, 3]}, "hours_per_day[0] is True"),
        ({"hours_per_day": [3, 3], "days_per_week": [3, False]}, "days_per_week[1] is False"),
        ({"hours_per_day": np.array([True]), "days_per_week": [3]}, "got booleans"),
        ({"hours_per_day": True, "days_per_week": 3}, "got booleans"),
        ({"hours_per_week": [np.True_, 9.0]}, "hours_per_week[0] is np.True_"),
        ({"hours_per_week": pd.Series([True, False])}, "got booleans"),
        ({"hours_per_week": pd.Series([9, None], dtype="Int64")}, "hours_per_week[1] is nan"),
        ({"hours_per_week": pd.Series([9, True], dtype=object)}, "hours_per_week[1] is True"),
        ({"hours_per_day": ["3", "3"], "days_per_week": [3, 3]}, "got strings"),
        ({"hours_per_day": ["3 h"], "days_per_week": [3]}, "got strings"),
        ({"hours_per_day": np.array([b"3"]), "days_per_week": [3]}, "got bytes"),
        (
            {"hours_per_day": np.array(["3", 3], dtype=object), "days_per_week": [3, 3]},
            "hours_per_day[0] is '3'",
        ),
        (
            {"hours_per_day": np.array([3, None], dtype=object), "days_per_week": [3, 3]},
            "hours_per_day[1] is None",
        ),
        (
            {"hours_per_day": np.array([3, 10**400], dtype=object), "days_per_week": [3, 3]},
            "too large",
        ),
        (
            {"hours_per_day": np.array([3, Decimal("NaN")], dtype=object), "days_per_week": [3, 3]},
            "hours_per_day[1] is nan",
        ),
        ({"hours_per_day": np.array([1 + 1j]), "days_per_week": [3]}, "real numbers"),
        (
            {
                "hours_per_day": np.array(["2024-01-01"], dtype="datetime64[D]"),
                "days_per_week": [3],
            },
            "got dates",
        ),
        (
            {"hours_per_day": np.array([1], dtype="timedelta64[h]"), "days_per_week": [3]},
            "got time deltas",
        ),
        (
            {"hours_per_day": np.array([np.longdouble("1e4000")]), "days_per_week": [3]},
            "too large for a number",
        ),
        (
            {"hours_per_day": np.array([25], dtype=np.int8), "days_per_week": [3]},
            "hours_per_day[0] is 25",
        ),
        (
            {
                "hours_per_day": np.array([3], dtype=np.uint8),
                "days_per_week": np.array([0], np.uint8),
            },
            "days_per_week[0] is 0",
        ),
        ({"hours_per_day": [3] * 300_000 + [0], "days_per_week": 3}, "hours_per_day[300000] is 0"),
        ({"hours_per_week": [9.0] * 300_000 + [-0.5]}, "hours_per_week[300000] is -0.5"),
        ({"hours_per_week": [9.0] * 300_000 + [float("nan")]}, "hours_per_week[300000] is nan"),
    ],
)
def test_refused_naming_the_position(kwargs: dict[str, Any], words: str) -> None:
    with pytest.raises(IntensityInputError) as info:
        classify_array(**kwargs)
    assert words in str(info.value)
    assert isinstance(info.value, cc.CareContinuumError)


@pytest.mark.parametrize(
    "column",
    [
        np.array([3, 4.5], dtype=object),
        np.array([Decimal(3), Fraction(9, 2)], dtype=object),
        pd.Series([3, 4.5], dtype="Float64"),
        pd.Series([3, 4], dtype="Int8"),
        [np.int8(3), np.float32(4.5)],
    ],
)
def test_numbers_in_any_container_are_read(column: Any) -> None:
    got = classify_array(column, [3, 3], rules="asam3-adult")
    expected = [_scalar(3, 3, "asam3-adult"), _scalar(4.5, 3, "asam3-adult")]
    assert list(got) == expected


def test_negative_zero_hours_per_week_is_zero() -> None:
    # the one-reduction range check sees -0.0 above 168 bitwise; the exact check accepts it
    assert classify_array(hours_per_week=[-0.0, 9.0]).tolist() == [0, 1]


@pytest.mark.parametrize("rules", RULES)
def test_long_arrays_split_into_blocks_agree_with_short_ones(rules: str) -> None:
    """600,000 rows span several blocks of the kernel; 99,999-row calls span none."""
    rng = np.random.default_rng(7)
    h = rng.integers(1, 97, 600_000) / 4
    d = rng.integers(1, 8, 600_000)
    whole = classify_array(h, d, rules=rules)
    parts = [
        classify_array(h[i : i + 99_999], d[i : i + 99_999], rules=rules)
        for i in range(0, 600_000, 99_999)
    ]
    assert whole.tolist() == np.concatenate(parts).tolist()
    sample = rng.integers(0, 600_000, 200)
    assert [whole[i] for i in sample] == [_scalar(float(h[i]), int(d[i]), rules) for i in sample]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(RULES),
    st.sampled_from([np.int8, np.uint8, np.int16, np.float16, np.float32, np.float64]),
    st.lists(st.tuples(st.integers(1, 24), st.integers(1, 7)), min_size=1, max_size=30),
)
def test_small_dtypes_agree_with_classify(
    rules: str, dtype: Any, rows: list[tuple[int, int]]
) -> None:
    h = np.array([r[0] for r in rows]).astype(dtype)
    d = np.array([r[1] for r in rows]).astype(dtype)
    expected = [_scalar(float(x), int(y), rules) for x, y in zip(h, d, strict=True)]
    assert classify_array(h, d, rules=rules).tolist() == expected
