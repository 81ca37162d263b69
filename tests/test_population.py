"""Population analytics over DataFrames of placements, and the SYNTHETIC cohort generator."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.journeys import population, synthetic_cohort
from carecontinuum.journeys.population import PlacementFrameError, UnknownLevelCodesError

CODES = cc.default_graph().codes


def _frame(rows: list[tuple[object, str, str, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["person_id", "level", "start", "end"]).assign(
        start=lambda d: pd.to_datetime(d["start"]), end=lambda d: pd.to_datetime(d["end"])
    )


SMALL = _frame(
    [
        ("b", "IOP", "2024-02-01", "2024-03-01"),
        ("a", "residential", "2024-01-01", "2024-02-01"),
        ("a", "OP", "2024-03-15", None),
        ("a", "IOP", "2024-02-01", "2024-03-15"),
        ("b", "PHP", "2024-03-01", "2024-03-20"),
        ("c", "OP", "2024-01-01", "2024-01-31"),
    ]
)


def test_transition_matrix_sorts_by_person_and_start() -> None:
    m = population.transition_matrix(SMALL)
    assert list(m.index) == list(CODES)
    assert list(m.columns) == list(CODES)
    assert (m.index.name, m.columns.name) == ("from", "to")
    values = m.to_numpy()
    nonzero = {
        (a, b): int(values[i, j]) for i, a in enumerate(CODES) for j, b in enumerate(CODES)
        if values[i, j]
    }  # fmt: skip
    assert nonzero == {
        ("residential", "intensive_outpatient"): 1,
        ("intensive_outpatient", "outpatient"): 1,
        ("intensive_outpatient", "partial_hospitalization"): 1,
    }


def test_transition_rates() -> None:
    r = population.transition_rates(SMALL)
    assert list(r.index) == [*CODES, "all"]
    iop = r.loc["intensive_outpatient"]
    assert (iop["placements"], iop["moves"], iop["step_ups"], iop["step_downs"]) == (2, 2, 1, 1)
    assert iop["step_up_rate"] == pytest.approx(0.5)
    total = r.loc["all"]
    assert (total["placements"], total["moves"], total["laterals"]) == (6, 3, 0)
    assert total["step_down_rate"] == pytest.approx(2 / 6)
    assert np.isnan(r["step_up_rate"]["inpatient_acute"])  # no placements there


def test_length_of_stay_stats() -> None:
    s = population.length_of_stay_stats(SMALL)
    assert list(s.index) == list(CODES)
    op = s.loc["outpatient"]
    assert (op["placements"], op["closed"], op["open"]) == (2, 1, 1)
    assert op["mean_days"] == 30
    iop = s.loc["intensive_outpatient"]
    assert iop["median_days"] == pytest.approx((29 + 43) / 2)
    assert iop["total_days"] == 29 + 43
    assert s.loc["inpatient_acute", "placements"] == 0


def test_aliases_categoricals_and_custom_column_names() -> None:
    renamed = SMALL.rename(columns={"person_id": "who", "level": "loc", "start": "admit"})
    renamed["loc"] = renamed["loc"].astype("category")
    m = population.transition_matrix(renamed, person="who", level="loc", start="admit")
    pd.testing.assert_frame_equal(m, population.transition_matrix(SMALL))


def test_strings_as_dates() -> None:
    as_text = SMALL.assign(start=SMALL["start"].dt.strftime("%Y-%m-%d"))
    pd.testing.assert_frame_equal(
        population.transition_matrix(as_text), population.transition_matrix(SMALL)
    )


# -- bad input -------------------------------------------------------------------------


def test_missing_columns_are_named() -> None:
    with pytest.raises(PlacementFrameError, match=r"missing column.*'person_id'") as err:
        population.transition_matrix(SMALL.drop(columns="person_id"))
    assert "name yours with person=" in str(err.value)
    with pytest.raises(PlacementFrameError, match="'end'"):
        population.length_of_stay_stats(SMALL.drop(columns="end"))
    assert isinstance(err.value, cc.CareContinuumError)
    assert isinstance(err.value, ValueError)


def test_unknown_level_codes_are_all_listed() -> None:
    bad = SMALL.copy()
    bad.loc[0, "level"] = "detox"
    bad.loc[1, "level"] = "intensive outpatent"
    bad.loc[2, "level"] = "intensive outpatent"
    with pytest.raises(UnknownLevelCodesError) as err:
        population.transition_matrix(bad)
    msg = str(err.value)
    assert msg.startswith("unknown care level codes in column 'level': 'detox' in 1 row")
    assert "'intensive outpatent' in 2 rows (did you mean 'intensive_outpatient'" in msg
    assert isinstance(err.value, cc.UnknownLevelError)
    assert err.value.unknown == {"detox": 1, "intensive outpatent": 2}


def test_missing_values_are_reported_with_rows() -> None:
    with pytest.raises(PlacementFrameError, match=r"1 missing level\(s\), in rows 3"):
        population.transition_matrix(SMALL.assign(level=SMALL["level"].where(SMALL.index != 3)))
    no_id = SMALL.assign(person_id=SMALL["person_id"].where(SMALL.index != 0))
    with pytest.raises(PlacementFrameError, match="missing person id"):
        population.transition_matrix(no_id)
    with pytest.raises(PlacementFrameError, match=r"column 'start' has 1 missing date\(s\)"):
        population.transition_matrix(SMALL.assign(start=SMALL["start"].where(SMALL.index != 0)))
    with pytest.raises(PlacementFrameError, match="does not hold dates"):
        population.transition_matrix(SMALL.assign(start="soon"))


def test_placements_ending_before_they_start() -> None:
    bad = SMALL.copy()
    bad.loc[4, "end"] = pd.Timestamp("2024-01-01")
    with pytest.raises(
        PlacementFrameError, match=r"1 placement\(s\) end before they start, in rows 4"
    ):
        population.length_of_stay_stats(bad)


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match="expected a pandas DataFrame of placements, not list"):
        population.transition_matrix([1, 2])  # type: ignore[arg-type]


def test_empty_frame() -> None:
    empty = SMALL.iloc[0:0]
    assert int(population.transition_matrix(empty).to_numpy().sum()) == 0
    assert population.length_of_stay_stats(empty)["placements"].sum() == 0


# -- vectorized equals per-journey (Hypothesis) ----------------------------------------

_LEVELS = st.sampled_from(["OP", "IOP", "PHP", "residential", "inpatient_acute", "outpatient"])


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 6),
                _LEVELS,
                st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2020, 12, 31)),
                st.integers(0, 60),
            ),
            max_size=40,
        )
    )
    return pd.DataFrame(
        {
            "person_id": [r[0] for r in rows],
            "level": [r[1] for r in rows],
            "start": pd.to_datetime([r[2] for r in rows]),
            "end": pd.to_datetime([r[2] + dt.timedelta(days=r[3]) for r in rows]),
        }
    )


@given(frames())
@settings(max_examples=80, deadline=None)
def test_vectorized_matrix_equals_the_per_journey_count(df: pd.DataFrame) -> None:
    matrix = population.transition_matrix(df)
    counts: Counter[tuple[str, str]] = Counter()
    for journey in population.journeys_from_frame(df):
        counts.update((m.source, m.target) for m in journey.transitions)
    expected = pd.DataFrame(0, index=matrix.index, columns=matrix.columns)
    for (a, b), n in counts.items():
        expected.loc[a, b] = n
    pd.testing.assert_frame_equal(matrix, expected, check_dtype=False)
    rates = population.transition_rates(df)
    kinds = Counter(m.kind.value for j in population.journeys_from_frame(df) for m in j.transitions)
    assert rates.loc["all", "step_ups"] == kinds["step_up"]
    assert rates.loc["all", "step_downs"] == kinds["step_down"]
    assert rates.loc["all", "laterals"] == kinds["lateral"]


@given(frames())
@settings(max_examples=40, deadline=None)
def test_length_of_stay_matches_the_journeys(df: pd.DataFrame) -> None:
    stats = population.length_of_stay_stats(df)
    totals: Counter[str] = Counter()
    for journey in population.journeys_from_frame(df):
        totals.update(journey.length_of_stay_by_level())
    assert {k: v for k, v in stats["total_days"].items() if v} == {
        k: v for k, v in totals.items() if v
    }


def test_journeys_round_trip_through_a_frame() -> None:
    journeys = population.journeys_from_frame(SMALL)
    assert [j.person_id for j in journeys] == ["b", "a", "c"]  # in order of first appearance
    a = journeys[1]
    assert a.levels == ("residential", "intensive_outpatient", "outpatient")
    assert a.placements[-1].end is None
    back = population.journeys_from_frame(population.journeys_to_frame(journeys))
    assert back == journeys


# -- SYNTHETIC cohort ------------------------------------------------------------------


def test_synthetic_cohort_is_reproducible_and_labelled() -> None:
    a = synthetic_cohort(50, seed=3)
    pd.testing.assert_frame_equal(a, synthetic_cohort(50, seed=3))
    assert not a.equals(synthetic_cohort(50, seed=4))
    assert a.attrs["synthetic"] is True
    assert "SYNTHETIC" in a.attrs["description"]
    assert a["person_id"].nunique() == 50
    assert list(a["level"].cat.categories) == list(CODES)


def test_synthetic_journeys_pass_their_checks() -> None:
    df = synthetic_cohort(100, seed=5)
    for journey in population.journeys_from_frame(df):
        assert [f for f in journey.check(max_gap_days=14) if f.severity == "error"] == []


def test_synthetic_cohort_size_and_bad_arguments() -> None:
    df = synthetic_cohort(1000, seed=0, placements_per_person=3)
    assert 2500 < len(df) < 3500
    assert len(synthetic_cohort(0)) == 0
    with pytest.raises(ValueError, match="n_people must be a whole number ≥ 0"):
        synthetic_cohort(-1)
    with pytest.raises(ValueError, match="placements_per_person must be a finite number ≥ 1"):
        synthetic_cohort(5, placements_per_person=0.5)


def test_synthetic_cohort_on_another_graph() -> None:
    g = cc.framework_graph("asam4")
    df = synthetic_cohort(20, seed=1, graph=g)
    assert set(df["level"].cat.categories) == set(g.codes)
    assert int(population.transition_matrix(df, g).to_numpy().sum()) == len(df) - 20


def test_synthetic_cohort_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(cc.MissingExtraError, match=r"pip install 'carecontinuum\[dataframe\]'"):
        synthetic_cohort(3)


@pytest.mark.parametrize(
    ("people", "span"),
    [
        (50, 400),  # person, day and row packed in the bits of one int64: one plain sort
        (10**6, 3_652_059),  # still packed: 20 + 22 + 9 bits
        (10**12, 3_652_059),  # too wide to pack the row: stable argsort of person × span + start
        (10**15, 3_652_059),  # too wide for one key: lexsort
    ],
)
def test_sort_order_matches_a_stable_lexsort(people: int, span: int) -> None:
    from carecontinuum.journeys._prepare import sort_order

    rng = np.random.default_rng(people % 1000)
    person = rng.integers(0, people, 500).astype(np.int64)
    start = (rng.integers(0, span, 500) - 719_162).astype(np.int32)
    start[::7] = start[0]  # ties keep their input order
    person[::7] = person[0]
    order, sorted_start, first = sort_order(person, start)
    expected = np.lexsort((start, person))
    assert (order == expected).all()
    assert (sorted_start == start[expected]).all()
    by = person[expected]
    assert (first == np.r_[True, by[1:] != by[:-1]]).all()


@pytest.mark.parametrize(
    "ids",
    [
        [-5, -5, 7, 7],  # compact integers, negative ones included: shifted, not hashed
        [10**12, 10**12, 3, 3],  # sparse integers: factorized
        ["b", "b", "a", "a"],  # strings: factorized
    ],
)
def test_person_ids_of_any_kind_group_the_same_rows(ids: list[object]) -> None:
    df = pd.DataFrame(
        {
            "person_id": ids,
            "level": ["inpatient_acute", "residential", "intensive_outpatient", "outpatient"],
            "start": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-02-01", "2024-03-01"]),
        }
    )
    m = population.transition_matrix(df)
    assert int(m.loc["inpatient_acute", "residential"]) == 1
    assert int(m.loc["intensive_outpatient", "outpatient"]) == 1
    assert int(m.to_numpy().sum()) == 2


@pytest.mark.parametrize(
    ("people", "span", "n_levels", "carried"),
    [
        (50, 400, 5, True),  # the levels fit below the row: read back out of the sorted key
        (2**20, 3_652_059, 200, True),  # 20 + 22 + 9 + 8 bits still fit
        (2**26, 3_652_059, 255, False),  # 26 + 22 + 9 bits fit, the levels' 8 do not: gathered
        (2**25, 3_652_059, 255, True),  # 25 + 22 + 9 + 8 = 64 bits: all of the unsigned key
        (2**32, 3_652_059, 2, True),  # 32 + 22 + 9 + 1 = 64
        (2**33, 3_652_059, 5, False),  # 33 + 22 + 9 = 64 fit, the levels' 3 do not: gathered
        (2**34, 3_652_059, 5, False),  # 65 bits: a stable argsort of person and day
    ],
)
def test_levels_carried_in_the_sort_key_equal_a_gather(
    people: int, span: int, n_levels: int, carried: bool
) -> None:
    from carecontinuum.journeys._prepare_sort import sorted_rows

    rng = np.random.default_rng(people % 1000)
    person = rng.integers(0, people, 500).astype(np.int64)
    start = (rng.integers(0, span, 500) - 719_162).astype(np.int32)
    start[::7], person[::7] = start[0], person[0]  # ties keep their input order
    level = rng.integers(0, n_levels, 500).astype(np.uint8)
    found = sorted_rows(person, start, level)
    expected = np.lexsort((start, person))
    assert (found.order == expected).all()
    assert (found.start == start[expected]).all()
    assert (found.tail is not None) == carried
    if carried:
        assert (found.tail == level[expected]).all()


def test_end_days_and_reasons_gathered_together_come_back_whole() -> None:
    from carecontinuum.journeys._prepare import _gather_end, gather

    rng = np.random.default_rng(3)
    n = 200_000  # several chunks
    end = rng.integers(-719_162, 2_932_896, n).astype(np.int32)  # 0001-01-01 … 9999-12-31
    end[::5] = np.iinfo(np.int32).min  # open placements
    reason = rng.choice(np.array([0, 1, 2, 4, 6, 7, -9], dtype=np.int8), n)
    order = rng.permutation(n).astype(np.uint32)
    sorted_end, sorted_reason = _gather_end(order, end, reason)
    assert sorted_end.dtype == np.int32
    assert sorted_reason.dtype == np.int8
    assert (sorted_end == end[order]).all()
    assert (sorted_reason == reason[order]).all()
    assert (gather(order, end) == end[order]).all()
    assert _gather_end(order, end, None)[1] is None
