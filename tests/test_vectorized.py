"""The vectorized path: same verdicts as the scalar path, row for row, boundaries included."""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.intensity import (
    LEVEL_CODES,
    NO_LEVEL,
    classify_array,
    classify_codes,
    level_codes,
)
from carecontinuum.units import quantity

RULE_IDS = ["asam3-adult", "asam3-adolescent", "medicare", "teds", "hcpcs-h0015"]


def _scalar(hours_per_day: float, days: int, rules: str) -> int:
    level = cc.classify(cc.Schedule(hours_per_day=hours_per_day, days_per_week=days), rules).level
    return NO_LEVEL if level is None else LEVEL_CODES.index(level.code)


# values that hug the thresholds: whole minutes, and fractions such as 20/60
_minutes = st.integers(min_value=1, max_value=24 * 60).map(lambda m: m / 60)
_near = st.sampled_from([2, 3, 6, 9, 20]).flatmap(
    lambda t: st.sampled_from([t, t - 1 / 60, t + 1 / 60, t - 1e-12, t + 1e-12, t - 1e-6])
)


@settings(deadline=None)
@given(
    st.sampled_from(RULE_IDS),
    st.lists(
        st.tuples(_minutes | _near.filter(lambda x: 0 < x <= 24), st.integers(1, 7)),
        min_size=1,
        max_size=40,
    ),
)
def test_scalar_and_vectorized_paths_agree(rules: str, rows: list[tuple[float, int]]) -> None:
    h = np.array([r[0] for r in rows])
    d = np.array([r[1] for r in rows])
    expected = [_scalar(float(x), int(y), rules) for x, y in rows]
    assert classify_array(hours_per_day=h, days_per_week=d, rules=rules).tolist() == expected


@settings(deadline=None)
@given(
    st.sampled_from(["asam3-adult", "asam3-adolescent", "medicare"]),
    st.integers(1, 90),
)
def test_weekly_schedules_agree_with_the_vectorized_path(rules: str, count: int) -> None:
    """*count* sessions of 20 minutes, summed by a WeeklySchedule, then both paths."""
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    sessions = [
        cc.Session(
            weekday=days[i // 45],
            start=dt.time(6 + (i % 45) * 20 // 60, (i % 45) * 20 % 60),
            duration="20 min",
            format="group",
        )
        for i in range(count)
    ]
    week = cc.WeeklySchedule(sessions=sessions)
    level = cc.classify(week, rules).level
    expected = NO_LEVEL if level is None else LEVEL_CODES.index(level.code)
    assert classify_array(hours_per_week=[week.weekly_hours], rules=rules).tolist() == [expected]
    naive = sum([20 / 60] * count)  # drifts; the verdict must not
    assert classify_array(hours_per_week=[naive], rules=rules).tolist() == [expected]


def test_boundaries_exactly() -> None:
    h = np.array([3, 179 / 60, 181 / 60, 4, 239 / 60, 241 / 60, 20 / 60 * 9, 2, 2])
    d = np.array([3, 3, 3, 5, 5, 5, 3, 3, 2])
    assert classify_array(h, d).tolist() == [1, 0, 1, 2, 1, 2, 1, 0, 0]
    assert classify_array(h, d, rules="medicare").tolist() == [1, -1, 1, 2, 1, 2, 1, -1, -1]
    assert classify_array(h, d, rules="teds").tolist() == [1, 1, 1, 1, 1, 1, 1, 1, 0]
    assert classify_array(h, d, rules="hcpcs-h0015").tolist() == [1, -1, 1, 1, 1, 1, 1, -1, -1]
    # 27 × 20 min: the float sum drifts below 9, the verdict does not
    assert classify_array(hours_per_week=[sum([1 / 3] * 27)]).tolist() == [1]


def test_a_bare_digitize_gets_the_drift_wrong_and_we_do_not() -> None:
    weekly = np.array([sum([1 / 3] * 27), 0.1 + 0.2 + 19.7])
    assert np.digitize(weekly, [9, 20]).tolist()[0] == 0  # the naive reference drifts
    assert classify_array(hours_per_week=weekly).tolist() == [1, 2]


def test_million_rows_match_a_bare_numpy_reference() -> None:
    rng = np.random.default_rng(7)
    h = rng.integers(1, 33, 1_000_000) / 4  # quarter hours: many rows on a threshold
    d = rng.integers(1, 8, 1_000_000)
    ours = classify_array(hours_per_day=h, days_per_week=d)
    assert ours.dtype == np.int8
    assert np.array_equal(ours, np.digitize(h * d, [9, 20], right=False))


def test_pandas_series_in_series_out() -> None:
    df = pd.DataFrame(
        {"h": [2.0, 3.0, 5.0, 1.0], "d": [4, 3, 5, 2]}, index=["ann", "bo", "cy", "di"]
    )
    out = classify_array(df["h"], df["d"])
    assert isinstance(out, pd.Series)
    assert list(out.index) == ["ann", "bo", "cy", "di"]
    assert out.tolist() == [0, 1, 2, 0]
    codes = classify_codes(df["h"], df["d"], rules="medicare")
    assert isinstance(codes.dtype, pd.CategoricalDtype)
    assert pd.isna(codes.iloc[0])
    assert codes.iloc[1:3].tolist() == ["intensive_outpatient", "partial_hospitalization"]
    assert pd.isna(codes.iloc[3])


def test_codes_for_numpy() -> None:
    codes = classify_codes(hours_per_day=[1, 3, 4], days_per_week=[1, 3, 5])
    assert codes.tolist() == ["outpatient", "intensive_outpatient", "partial_hospitalization"]
    assert level_codes(np.array([-1, 3, 4])).tolist() == [None, "residential", "inpatient_acute"]


def test_scalars_broadcast_and_quantities_convert() -> None:
    assert classify_array(hours_per_day=[2, 3, 5], days_per_week=3).tolist() == [0, 1, 1]
    assert int(classify_array(hours_per_day=3, days_per_week=3)) == 1
    h = quantity(np.array([120.0, 180.0]), "minute / day")
    assert classify_array(hours_per_day=h, days_per_week=[3, 3]).tolist() == [0, 1]


def test_twenty_four_hour_rows_are_classified_by_setting() -> None:
    got = classify_array(
        hours_per_day=[1, 1, 3, 5],
        days_per_week=[2, 2, 3, 5],
        twenty_four_hour=[True, True, False, False],
        hospital=[False, True, False, False],
    )
    assert got.tolist() == [3, 4, 1, 2]
    none = classify_array(
        hours_per_day=[1, 3], days_per_week=[2, 3], rules="medicare", twenty_four_hour=[True, False]
    )
    assert none.tolist() == [-1, 1]
    for rules in RULE_IDS:
        scalar = cc.classify(
            cc.Schedule(
                hours_per_day=1, days_per_week=2, twenty_four_hour=True, setting="hospital"
            ),
            rules,
        ).level
        vector = classify_array([1], [2], rules=rules, twenty_four_hour=[1], hospital=[1])
        assert vector.tolist() == [NO_LEVEL if scalar is None else LEVEL_CODES.index(scalar.code)]


def test_empty_input() -> None:
    assert classify_array(hours_per_day=[], days_per_week=[]).tolist() == []


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        (
            {"hours_per_day": [3, 3], "days_per_week": [3, 3, 3]},
            cc.ArrayLengthError,
            "hours_per_day has 2 values but days_per_week has 3",
        ),
        (
            {"hours_per_day": [3, 25], "days_per_week": [3, 3]},
            cc.IntensityInputError,
            "hours_per_day[1] is 25: hours per day must be more than 0 and at most 24",
        ),
        (
            {"hours_per_day": [3, float("nan")], "days_per_week": [3, 3]},
            cc.IntensityInputError,
            "hours_per_day[1] is nan",
        ),
        (
            {"hours_per_day": [0, 3], "days_per_week": [3, 3]},
            cc.IntensityInputError,
            "hours_per_day[0] is 0: hours per day",
        ),
        (
            {"hours_per_day": [-1.0], "days_per_week": [3]},
            cc.IntensityInputError,
            "hours_per_day[0] is -1.0",
        ),
        (
            {"hours_per_day": [3, 3], "days_per_week": [3, 8]},
            cc.IntensityInputError,
            "days_per_week[1] is 8: days per week must be a whole number from 1 to 7",
        ),
        (
            {"hours_per_day": [3, 3], "days_per_week": [3, 2.5]},
            cc.IntensityInputError,
            "days_per_week[1] is 2.5",
        ),
        ({"hours_per_week": [9, float("inf")]}, cc.IntensityInputError, "hours_per_week[1] is inf"),
        ({"hours_per_week": [9, 169]}, cc.IntensityInputError, "at most 168"),
        (
            {"hours_per_day": ["3 h"], "days_per_week": [3]},
            cc.IntensityInputError,
            "must hold numbers",
        ),
        ({"hours_per_day": [[3]], "days_per_week": [3]}, cc.IntensityInputError, "one-dimensional"),
        (
            {"hours_per_day": [3], "days_per_week": [3], "hours_per_week": [9]},
            cc.IntensityInputError,
            "not both",
        ),
        ({"hours_per_day": [3]}, cc.IntensityInputError, "days_per_week is missing"),
        ({}, cc.IntensityInputError, "give hours_per_day and days_per_week, or hours_per_week"),
        (
            {"hours_per_week": [9], "rules": "teds"},
            cc.IntensityInputError,
            "rule set 'teds' has a per-day condition",
        ),
        ({"hours_per_week": [9], "rules": "tedz"}, cc.UnknownRuleSetError, "did you mean 'teds'"),
        (
            {"hours_per_week": [9], "twenty_four_hour": ["yes"]},
            cc.IntensityInputError,
            "twenty_four_hour must hold booleans",
        ),
        (
            {
                "hours_per_week": [9, 9],
                "twenty_four_hour": [False, False],
                "hospital": [False, True],
            },
            cc.IntensityInputError,
            "hospital[1] is True: a hospital stay is a 24-hour setting",
        ),
        (
            {"hours_per_day": quantity(np.array([3.0]), "meter"), "days_per_week": [3]},
            cc.IntensityInputError,
            "hours_per_day: could not convert meter",
        ),
    ],
)
def test_bad_arrays(kwargs: dict[str, Any], error: type[Exception], words: str) -> None:
    with pytest.raises(error) as info:
        classify_array(**kwargs)
    assert words in str(info.value)
    assert isinstance(info.value, cc.CareContinuumError)


def test_length_error_is_a_value_error_naming_both_lengths() -> None:
    with pytest.raises(ValueError, match="has 2 values but") as info:
        classify_array(hours_per_day=pd.Series([3.0, 3.0]), days_per_week=np.array([3, 3, 3]))
    assert info.value.lengths == {"hours_per_day": 2, "days_per_week": 3}  # type: ignore[attr-defined]


def test_series_with_different_indexes_are_refused() -> None:
    with pytest.raises(cc.IntensityInputError, match="different indexes"):
        classify_array(
            hours_per_day=pd.Series([3.0, 3.0], index=[1, 2]),
            days_per_week=pd.Series([3, 3], index=[2, 1]),
        )


def test_without_numpy_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(cc.MissingExtraError, match=r"pip install 'carecontinuum\[dataframe\]'"):
        classify_array(hours_per_week=[9])


@pytest.mark.parametrize("weekly", [True, False], ids=["hours_per_week", "hours_per_day"])
def test_a_bad_value_in_a_later_block_is_named_by_its_position(weekly: bool) -> None:
    from carecontinuum.intensity._kernel import BLOCK, WEEKLY_BLOCK

    rows = (WEEKLY_BLOCK if weekly else BLOCK) + 3
    bad = rows - 2  # in the second block
    if weekly:
        hours = np.full(rows, 9.0)
        hours[bad] = -1.0
        with pytest.raises(cc.intensity.IntensityInputError, match=rf"\[{bad}\] is "):
            classify_array(hours_per_week=hours)
        hours[bad] = 20.0  # ASAM 3rd ed.: 9 h/week IOP, 20 h/week PHP [ASAM3]
        result = classify_array(hours_per_week=hours)
        assert result[bad] == 2
        assert set(result[:bad].tolist()) == {1}
    else:
        h, d = np.full(rows, 3.0), np.full(rows, 3)
        h[bad] = 25.0
        with pytest.raises(cc.intensity.IntensityInputError, match=rf"\[{bad}\] is "):
            classify_array(hours_per_day=h, days_per_week=d)


# Float64 hours with integer days are checked in two reductions and the weekly
# hours' minimum (`_arrays.daily_checker`); every kind of bad value must still be
# refused, naming the argument, the position and the value as the plain check does.
_BAD_HOURS = [0.0, -0.0, -1.0, 24.5, float("nan"), float("inf"), -float("inf"), 5e-324 * -1]
_BAD_DAYS = [0, -1, 8, -(2**40)]


_DAY_DTYPES = [np.int64, np.int32, np.int8, np.uint8, np.uint64]
_CASES = [("hours_per_day", v, t) for v in _BAD_HOURS for t in _DAY_DTYPES] + [
    ("days_per_week", v, t)
    for v in _BAD_DAYS
    for t in _DAY_DTYPES
    if not (np.dtype(t).kind == "u" and v < 0)  # an unsigned array holds no negative day
]


@pytest.mark.parametrize(("name", "bad", "day_dtype"), _CASES, ids=repr)
def test_each_bad_value_is_refused_by_the_two_reduction_check(
    name: str, bad: float, day_dtype: Any
) -> None:
    from carecontinuum.intensity._kernel import BLOCK

    rows = BLOCK + 5
    position = BLOCK + 2  # in the second block
    h, d = np.full(rows, 3.0), np.full(rows, 3).astype(day_dtype)
    if name == "days_per_week":
        d[position] = max(int(bad), int(np.iinfo(day_dtype).min))  # as negative as the dtype holds
        shown = repr(int(d[position]))
    else:
        h[position] = bad
        shown = repr(float(h[position]))
    with pytest.raises(cc.intensity.IntensityInputError) as info:
        classify_array(hours_per_day=h, days_per_week=d)
    assert str(info.value).startswith(f"{name}[{position}] is {shown}: ")
    assert info.value.field == name


@pytest.mark.parametrize(
    ("hours", "days", "name"),
    [
        (1e308, 7, "hours_per_day"),
        (float("inf"), 0, "hours_per_day"),
        (3.0, 2**62, "days_per_week"),
    ],
    ids=["overflowing product", "inf times a zero day", "huge day"],
)
def test_a_product_made_of_bad_values_warns_nothing_and_is_refused(
    hours: float, days: int, name: str
) -> None:
    # weekly hours are computed before each block is checked: a bad value's product
    # may overflow or be NaN, which must not reach the user as a RuntimeWarning
    from carecontinuum.intensity._kernel import BLOCK

    h, d = np.full(BLOCK + 5, 3.0), np.full(BLOCK + 5, 3)
    h[BLOCK + 1], d[BLOCK + 1] = hours, days
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(cc.intensity.IntensityInputError, match=rf"^{name}\[{BLOCK + 1}\] is "):
            classify_array(hours_per_day=h, days_per_week=d)


@settings(deadline=None, max_examples=300)
@given(
    hours=st.lists(
        st.sampled_from([3.0, 0.0, -0.0, 25.0, float("nan"), 5e-324, 24.0]), min_size=1, max_size=40
    ),
    days=st.lists(st.sampled_from([3, 0, 8, -1, 1, 7]), min_size=40, max_size=40),
)
def test_the_two_reduction_check_names_what_the_plain_check_names(
    hours: list[float], days: list[int]
) -> None:
    from carecontinuum.intensity._arrays import check

    h, d = np.array(hours), np.array(days[: len(hours)])
    try:  # the plain check, argument by argument (one block: these arrays are short)
        check(np, "hours_per_day", h)
        check(np, "days_per_week", d)
        expected = None
    except cc.intensity.IntensityInputError as problem:
        expected = str(problem)
    try:
        got_levels = classify_array(hours_per_day=h, days_per_week=d)
        got = None
    except cc.intensity.IntensityInputError as problem:
        got = str(problem)
    assert got == expected
    if expected is None:  # all in range: the scalar path's verdicts
        want = [_scalar(x, int(y), "asam3-adult") for x, y in zip(h, d, strict=True)]
        assert got_levels.tolist() == want


@pytest.mark.parametrize("engine", ["numpy", "numba"])
def test_a_masked_value_is_refused_not_read_as_its_data(engine: str) -> None:
    # numpy.asarray would drop the mask and classify the hidden 5.0 (nothing is silently lost)
    hours = np.ma.masked_array([3.0, 5.0], mask=[False, True])
    with pytest.raises(cc.IntensityInputError, match=r"hours_per_day\[1\] is masked") as info:
        classify_array(hours, [3, 4], engine=engine)  # type: ignore[arg-type]
    assert info.value.field == "hours_per_day"
    stays = np.ma.masked_array([True, False], mask=[False, True])
    with pytest.raises(cc.IntensityInputError, match=r"twenty_four_hour\[1\] is masked"):
        classify_array(hours_per_week=[9, 9], twenty_four_hour=stays)
    with pytest.raises(cc.IntensityInputError, match="days_per_week is masked"):
        classify_array(3, np.ma.masked)
    unmasked = np.ma.masked_array([3.0, 5.0], mask=[False, False])
    assert classify_array(unmasked, [3, 4], engine=engine).tolist() == [1, 2]  # type: ignore[arg-type]
