"""``classify_array(..., engine="numba")``: the numpy engine's answers and errors, in one loop.

The reference throughout is the numpy engine (itself tested against the scalar
path in ``test_vectorized.py``): for every input, the numba engine must give
the same int8 indexes, or raise the same error with the same message.
"""

from __future__ import annotations

import math
import sys
import threading
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.errors import UnknownKeyError
from carecontinuum.intensity import (
    LEVEL_CODES,
    _numba,
    classify_array,
    classify_codes,
    edge,
    rule_set,
)
from carecontinuum.intensity._arrays import gather
from carecontinuum.intensity._engine import CompiledRuleSet, compile_tiers
from carecontinuum.intensity._kernel import BLOCK, levels

RULE_IDS = ["asam3-adult", "asam3-adolescent", "medicare", "teds", "hcpcs-h0015"]


def _outcome(call: Any) -> tuple[str, Any]:
    """What a call gives: ``("ok", indexes)`` or ``("error", (type, message, field))``."""
    try:
        result = call()
    except cc.CareContinuumError as exc:
        return "error", (type(exc), str(exc), getattr(exc, "field", None))
    assert isinstance(result, np.ndarray | np.int8)
    assert result.dtype == np.int8
    return "ok", np.asarray(result).tolist()


def _both(compiled: CompiledRuleSet, given: dict[str, Any]) -> tuple[Any, Any]:
    """The numpy engine's and the numba engine's outcome on the same arguments."""
    arrays, length, _ = gather(np, given)
    daily = "hours_per_day" in arrays
    numpy_side = _outcome(lambda: levels(np, compiled, dict(arrays), daily, length))
    numba_side = _outcome(lambda: _numba.levels(np, compiled, dict(arrays), daily, length))
    return numpy_side, numba_side


# -- rule sets: the built-in ones, and random ones of any shape ----------------------------

_hours = st.integers(0, 24 * 60).map(lambda m: m / 60) | st.sampled_from([2, 3, 1e-12, 24])
_week_hours = st.integers(0, 168 * 4).map(lambda q: q / 4) | st.sampled_from([9, 20, 1 / 3])
_daily_condition = st.tuples(st.just(True), _hours, st.integers(0, 7))
_weekly_condition = st.tuples(st.just(False), _week_hours, st.just(0))


def _rule_sets(weekly_only: bool) -> st.SearchStrategy[CompiledRuleSet]:
    condition = _weekly_condition if weekly_only else _daily_condition | _weekly_condition
    tier = st.tuples(st.sampled_from(LEVEL_CODES), st.lists(condition, min_size=1, max_size=3))
    return st.builds(
        compile_tiers,
        st.lists(tier, min_size=1, max_size=4),
        st.none() | st.sampled_from(LEVEL_CODES),
    )


# -- rows: mostly valid, sometimes one hostile value -----------------------------------------

_DTYPES = ["float64", "float32", "int8", "uint8", "int16", "int32", "int64", "uint64", ">i4"]
_HOSTILE_HOURS = [0.0, -0.0, -1.0, 24.0, 24.000000000000004, 25.0, math.nan, math.inf, -math.inf]
_HOSTILE_DAYS = [0, 8, -1, 2.5, math.nan, 1e300, 2**63 - 1]
_HOSTILE_WEEK = [-0.0, 168.0, 168.00000000000003, -1e-300, math.nan, math.inf, 1e308]


def _cast(values: list[float], dtype: str) -> Any:
    """*values* as *dtype*, or as float64 when they do not fit (numpy refuses or wraps them)."""
    kind = np.dtype(dtype).kind
    if kind in "iu":
        info = np.iinfo(dtype)
        if all(float(v).is_integer() and info.min <= v <= info.max for v in values):
            return np.array([int(v) for v in values], dtype=dtype)
        return np.array(values, dtype=np.float64)
    with np.errstate(over="ignore"):  # 1e300 as float32 is inf: hostile either way
        return np.array(values, dtype=dtype)


@st.composite
def _daily_rows(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 40))
    hours = draw(
        st.lists(
            st.integers(1, 96).map(lambda q: q / 4) | _hours.filter(bool), min_size=n, max_size=n
        )
    )
    days = draw(st.lists(st.integers(1, 7), min_size=n, max_size=n))
    if draw(st.booleans()):
        spot = draw(st.integers(0, n - 1))
        if draw(st.booleans()):
            hours[spot] = draw(st.sampled_from(_HOSTILE_HOURS))
        else:
            days[spot] = draw(st.sampled_from(_HOSTILE_DAYS))  # type: ignore[call-overload]
    h = _cast(hours, draw(st.sampled_from(_DTYPES)))
    d = _cast(days, draw(st.sampled_from(_DTYPES)))
    if draw(st.booleans()):  # a scalar broadcast against the other argument
        h = h[0] if draw(st.booleans()) else h
        d = d[0] if not isinstance(h, np.ndarray) or draw(st.booleans()) else d
    return {"hours_per_day": h, "days_per_week": d}


@st.composite
def _weekly_rows(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 40))
    week = draw(st.lists(_week_hours, min_size=n, max_size=n))
    if draw(st.booleans()):
        week[draw(st.integers(0, n - 1))] = draw(st.sampled_from(_HOSTILE_WEEK))
    return {"hours_per_week": _cast(week, draw(st.sampled_from(_DTYPES)))}


@settings(deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    _rule_sets(weekly_only=False) | st.sampled_from(RULE_IDS).map(lambda r: rule_set(r).compiled),
    _daily_rows(),
)
def test_daily_rows_give_what_the_numpy_engine_gives(
    compiled: CompiledRuleSet, given: dict[str, Any]
) -> None:
    numpy_side, numba_side = _both(compiled, given)
    assert numba_side == numpy_side


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_rule_sets(weekly_only=True), _weekly_rows())
def test_weekly_rows_give_what_the_numpy_engine_gives(
    compiled: CompiledRuleSet, given: dict[str, Any]
) -> None:
    numpy_side, numba_side = _both(compiled, given)
    assert numba_side == numpy_side


@pytest.mark.parametrize(
    ("name", "bad"),
    [("hours_per_day", v) for v in _HOSTILE_HOURS]
    + [("days_per_week", v) for v in _HOSTILE_DAYS]
    + [("hours_per_week", v) for v in _HOSTILE_WEEK],
)
def test_each_hostile_value_gives_what_the_numpy_engine_gives(name: str, bad: float) -> None:
    weekly = name == "hours_per_week"
    given = (
        {"hours_per_week": np.array([9.0, 20.0, 3.0])}
        if weekly
        else {"hours_per_day": np.array([3.0, 5.0, 2.0]), "days_per_week": np.array([3, 4, 5])}
    )
    given[name] = given[name].astype(np.float64)
    given[name][1] = bad
    for rules in ("asam3-adult", "medicare") if weekly else RULE_IDS:
        numpy_side, numba_side = _both(rule_set(rules).compiled, given)
        assert numba_side == numpy_side
    fine = {"hours_per_day": [24.0], "days_per_week": [], "hours_per_week": [-0.0, 168.0]}[name]
    assert numba_side[0] == ("ok" if bad in fine else "error")


@pytest.mark.parametrize("rules", RULE_IDS)
def test_rows_on_an_edge_and_one_float_below_it(rules: str) -> None:
    # the exact edges of 2, 3, 6, 9 and 20 hours, and the float just below each
    edges = [edge(t) for t in (2, 3, 6, 9, 20)]
    figures = sorted({*edges, *(math.nextafter(e, -math.inf) for e in edges)})
    compiled = rule_set(rules).compiled
    daily = {"hours_per_day": np.array(figures), "days_per_week": np.full(len(figures), 3)}
    numpy_side, numba_side = _both(compiled, daily)
    assert numba_side == numpy_side
    assert len(set(numpy_side[1])) > 1  # the edges do change the level
    if not compiled.needs_daily:
        numpy_side, numba_side = _both(compiled, {"hours_per_week": np.array(figures)})
        assert numba_side == numpy_side


@pytest.mark.parametrize("rules", RULE_IDS)
def test_every_week_of_whole_hours_and_days_matches_classify(rules: str) -> None:
    # 24 x 7 schedules: the numba engine against the scalar path, one row each
    hh, dd = (a.ravel() for a in np.meshgrid(np.arange(1, 25), np.arange(1, 8)))
    expected = [
        -1
        if (
            c := cc.classify(
                cc.Schedule(hours_per_day=int(x), days_per_week=int(y)), rules=rules
            ).level_code
        )
        is None
        else LEVEL_CODES.index(c)
        for x, y in zip(hh, dd, strict=True)
    ]
    assert classify_array(hh, dd, rules=rules, engine="numba").tolist() == expected


def test_thresholds_exactly() -> None:
    # ASAM 3rd ed. adult: IOP from 9 h/week, PHP from 20 [ASAM3]; 27 sessions of 20 minutes
    # are 9 hours, whatever the float drift of 27 * (1/3)
    weekly = np.array([8.99, 27 * (1 / 3), 9.0, 19.999, 20.0, 0.0, 168.0])
    got = classify_array(hours_per_week=weekly, engine="numba").tolist()
    assert got == [0, 1, 1, 1, 2, 0, 2]
    # TEDS: IOP is at least 2 hours a day on at least 3 days a week [TEDS]
    teds = classify_array([2, 2, 1.99, 24], [3, 2, 7, 3], rules="teds", engine="numba").tolist()
    assert teds == [1, 0, 0, 1]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        # floors per tier: hours a day, days a week, weekly hours; level index
        (
            "asam3-adult",
            ((-math.inf, -math.inf), (-math.inf, -math.inf), (edge(9), edge(20)), (1, 2)),
        ),  # [ASAM3]
        (
            "asam3-adolescent",
            ((-math.inf, -math.inf), (-math.inf, -math.inf), (edge(6), edge(20)), (1, 2)),
        ),  # [ASAM3]
        ("teds", ((edge(2),), (3.0,), (-math.inf,), (1,))),  # [TEDS]
        ("hcpcs-h0015", ((edge(3),), (3.0,), (-math.inf,), (1,))),  # [HCPCS H0015]
    ],
)
def test_each_tier_becomes_its_three_floors(rules: str, expected: tuple[Any, ...]) -> None:
    assert _numba.floors(rule_set(rules).compiled) == expected


def test_conditions_on_one_figure_become_their_largest_floor() -> None:
    compiled = compile_tiers(
        [("intensive_outpatient", [(False, 9, 0), (False, 12, 0), (True, 2, 3), (True, 1, 5)])],
        "outpatient",
    )
    assert _numba.floors(compiled) == ((edge(2),), (5.0,), (edge(12),), (1,))


def test_a_bad_value_past_the_first_block_is_named_as_the_numpy_engine_names_it() -> None:
    h = np.full(3 * BLOCK, 3.0)
    d = np.full(3 * BLOCK, 3)
    h[2 * BLOCK + 7] = 0.0
    d[BLOCK + 1] = 9
    with pytest.raises(cc.IntensityInputError, match=rf"days_per_week\[{BLOCK + 1}\] is 9") as info:
        classify_array(h, d, engine="numba")
    assert info.value.field == "days_per_week"


def test_views_read_only_unaligned_and_foreign_byte_order() -> None:
    h = np.tile([2.0, 3.0, 5.0, 8.0], 50)
    d = np.tile([4, 3, 4, 5], 50)
    want = classify_array(h[::2], d[::2]).tolist()
    frozen = d[::2].copy()
    frozen.flags.writeable = False
    assert classify_array(h[::2], frozen, engine="numba").tolist() == want
    assert (
        classify_array(h[::2].astype(">f8"), d[::2].astype(">i8"), engine="numba").tolist() == want
    )
    packed = np.zeros(100, dtype=np.dtype([("flag", "i1"), ("h", "f8"), ("d", "<i2")]))
    packed["h"], packed["d"] = h[::2], d[::2]
    assert not packed["h"].flags.aligned  # fields of a packed record: unaligned views
    assert classify_array(packed["h"], packed["d"], engine="numba").tolist() == want


def test_series_flags_and_codes_as_with_numpy() -> None:
    df = pd.DataFrame(
        {"h": [2.0, 3.0, 5.0, 24.0], "d": [4, 3, 4, 7], "stay": [False, False, False, True]},
        index=["a", "b", "c", "d"],
    )
    kwargs = {"twenty_four_hour": df["stay"], "rules": "asam3-adult"}
    numba_result = classify_array(df["h"], df["d"], engine="numba", **kwargs)
    pd.testing.assert_series_equal(numba_result, classify_array(df["h"], df["d"], **kwargs))
    assert numba_result.tolist() == [0, 1, 2, 3]  # 24-hour care without a hospital: residential
    codes = classify_codes(df["h"], df["d"], engine="numba", **kwargs)
    assert codes.tolist()[:2] == ["outpatient", "intensive_outpatient"]


def test_scalars_and_empty_arrays() -> None:
    assert classify_array(3, 3, engine="numba") == np.int8(1)
    assert classify_array(3, [3, 1], engine="numba").tolist() == [1, 0]
    assert classify_array([], [], engine="numba").tolist() == []
    assert classify_array(hours_per_week=[], engine="numba").tolist() == []


def test_threads_share_the_compiled_loop() -> None:
    h = np.tile([2.0, 3.0, 5.0], 1000)
    d = np.tile([4, 3, 4], 1000)
    want = classify_array(h, d).tolist()
    got: list[list[int]] = []
    lock = threading.Lock()

    def work() -> None:
        result = classify_array(h.astype(np.float64), d.astype(np.int16), engine="numba").tolist()
        with lock:
            got.append(result)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [want] * 4


@pytest.mark.parametrize("engine", ["numba", "NUMBA", " Numba ", "numpy", "NumPy"])
def test_engine_names_are_read_forgivingly(engine: str) -> None:
    assert classify_array([3, 5], [3, 4], engine=engine).tolist() == [1, 2]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("engine", "words"),
    [
        ("numbra", "did you mean 'numba'?"),
        ("", "known: numpy (NumPy), numba (Numba)"),
        (None, "known: numpy (NumPy), numba (Numba)"),
        (1, "known: numpy (NumPy), numba (Numba)"),
        (True, "known: numpy (NumPy), numba (Numba)"),
        (np.array(["numba"]), "known: numpy (NumPy), numba (Numba)"),
    ],
)
def test_an_unknown_engine_is_refused_by_name(engine: Any, words: str) -> None:
    with pytest.raises(UnknownKeyError, match="unknown classification engine") as info:
        classify_array([3], [3], engine=engine)
    assert words in str(info.value)


def test_without_numba_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numba", None)  # import numba now raises ImportError
    monkeypatch.setattr(_numba, "_COMPILED", {})
    with pytest.raises(cc.MissingExtraError, match=r"pip install 'carecontinuum\[numba\]'"):
        classify_array([3], [3], engine="numba")
    assert classify_array([3], [3]).tolist() == [1]  # the numpy engine needs no numba
