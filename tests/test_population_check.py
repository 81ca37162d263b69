"""population.check equals Journey.check per person; prepared equals raw; Dask equals pandas."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.journeys import population

_LEVELS = ["OP", "IOP", "PHP", "residential", "inpatient_acute", "outpatient", "detox"]
_REASONS = [None, None, 1, 2, 4, 6, -9]


@st.composite
def frames(
    draw: st.DrawFn, *, unknown: bool = False, string_ids: bool | None = None
) -> pd.DataFrame:
    levels = _LEVELS if unknown else _LEVELS[:-1]
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 5),
                st.sampled_from(levels),
                st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2020, 4, 1)),
                st.none() | st.integers(0, 40),
                st.sampled_from(_REASONS),
            ),
            max_size=35,
        )
    )
    as_text = draw(st.booleans()) if string_ids is None else string_ids
    ids = [f"p{r[0]}" if as_text else r[0] for r in rows]
    frame = pd.DataFrame(
        {
            "person_id": pd.Series(ids, dtype=object if as_text else "int64"),
            "level": [r[1] for r in rows],
            "start": pd.to_datetime([r[2] for r in rows]),
            "end": pd.to_datetime(
                [None if r[3] is None else r[2] + dt.timedelta(days=r[3]) for r in rows]
            ),
            "discharge_reason": pd.array([r[4] for r in rows], dtype="Int8"),
        }
    )
    frame.index = pd.RangeIndex(100, 100 + len(rows))  # row labels are not positions
    return frame


def _per_journey(df: pd.DataFrame, **options: object) -> list[tuple[object, ...]]:
    out = []
    for j in population.journeys_from_frame(df):
        for f in j.check(**options):  # type: ignore[arg-type]
            out.append((j.person_id, f.location, f.code, f.severity, f.message))
    return sorted(out, key=lambda r: str(r[0]))  # the frame is in order of person id


def _vectorized(found: pd.DataFrame) -> list[tuple[object, ...]]:
    return list(
        zip(
            found["person_id"],
            found["placement"],
            found["code"].astype(str),
            found["severity"].astype(str),
            found["message"],
            strict=True,
        )
    )


@given(frames(), st.booleans(), st.sampled_from([0, 1, 3]))
@settings(max_examples=150, deadline=None)
def test_check_gives_the_same_findings_as_journey_check(
    df: pd.DataFrame, inclusive: bool, gap: int
) -> None:
    found = population.check(df, max_gap_days=gap, end_inclusive=inclusive)
    expected = _per_journey(df, max_gap_days=gap, end_inclusive=inclusive)
    got = _vectorized(found)
    key = [str(r[0]) for r in got]
    assert key == sorted(key)
    assert sorted(got, key=lambda r: str(r[0])) == expected
    assert got == sorted(got, key=lambda r: str(r[0]))  # stable: each person's order kept
    # every row label points at the placement the finding is about
    for row, pid in zip(found["row"], found["person_id"], strict=True):
        assert df.loc[row, "person_id"] == pid


def test_check_on_a_known_frame() -> None:
    df = pd.DataFrame(
        {
            "client": [7, 7, 7, 7, 3, 3],
            "level": ["residential", "PHP", "IOP", "OP", "inpatient acute", "residential"],
            "start": ["2024-01-01", "2024-01-10", "2024-03-10", "2024-02-01", "2024-05-01",
                      "2024-05-05"],
            "end": ["2024-03-01", "2024-01-20", None, "2024-02-20", "2024-05-05", "2024-06-01"],
            "discharge_reason": [4, None, None, 1, 6, None],
        }
    )  # fmt: skip
    found = population.check(df, person="client")
    assert list(found.columns) == ["client", "placement", "row", "code", "severity", "message"]
    assert found[["client", "placement", "row", "code"]].values.tolist() == [
        [3, 1, 5, "after-death"],
        [7, 1, 1, "overlap"],
        [7, 2, 3, "overlap"],  # 2024-02-01 lies inside the residential stay (row 0)
        [7, 2, 3, "move-not-allowed"],  # PHP → OP
        [7, 3, 2, "gap"],  # 9 days after the residential stay, not after the OP one
    ]
    assert str(found["code"].dtype) == "category"
    assert found.loc[2, "message"] == (
        "placement 2 starts 2024-02-01, before placement 0 ends (2024-03-01): "
        "they overlap by 29 days"
    )


def test_unknown_levels_are_findings_not_errors() -> None:
    df = pd.DataFrame(
        {
            "person_id": [1, 1, 1],
            "level": ["IOP", "detox", "OP"],
            "start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "end": pd.to_datetime(["2024-02-01", "2024-03-01", "2024-04-01"]),
        }
    )
    found = population.check(df)
    assert found["code"].astype(str).tolist() == ["unknown-level"]
    assert found.loc[0, "message"] == "placement 1: level 'detox' is not in graph 'continuum'"
    with pytest.raises(population.UnknownLevelCodesError):
        population.transition_matrix(df)


def test_a_subgraph_check_matches_journey_check() -> None:
    two = cc.default_graph().subgraph(["OP", "IOP"], name="clinic")
    df = pd.DataFrame(
        {
            "person_id": [1, 1, 1],
            "level": ["IOP", "PHP", "OP"],
            "start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "end": pd.to_datetime(["2024-02-01", "2024-03-01", None]),
        }
    )
    journey = cc.Journey(
        placements=[
            {"level": lv, "start": a, "end": b}
            for lv, a, b in zip(df["level"], df["start"], df["end"], strict=True)
        ]
    )
    expected = [(f.location, f.code, f.message) for f in journey.check(two)]
    found = population.check(df, two)
    got = list(zip(found["placement"], found["code"].astype(str), found["message"], strict=True))
    assert got == expected


def test_no_findings_gives_an_empty_frame_with_the_columns() -> None:
    df = pd.DataFrame(
        {
            "person_id": [1, 1],
            "level": ["PHP", "IOP"],
            "start": pd.to_datetime(["2024-01-01", "2024-02-01"]),
            "end": pd.to_datetime(["2024-02-01", None]),
        }
    )
    found = population.check(df)
    assert found.empty
    assert list(found.columns) == ["person_id", "placement", "row", "code", "severity", "message"]
    with pytest.raises(population.PlacementFrameError, match="'end'"):
        population.check(df.drop(columns="end"))


# -- valid_only: the matrix without the moves the check reports --------------------------


@given(frames())
@settings(max_examples=80, deadline=None)
def test_valid_only_leaves_out_what_the_check_reports(df: pd.DataFrame) -> None:
    everything = population.transition_matrix(df)
    valid = population.transition_matrix(df, valid_only=True)
    found = population.check(df)
    bad = found[found["code"].isin(["move-not-allowed", "overlap"])]
    left_out = bad.drop_duplicates(["person_id", "placement"])
    assert int((everything - valid).to_numpy().sum()) == len(left_out)
    assert (valid.to_numpy() <= everything.to_numpy()).all()
    expected: Counter[tuple[str, str]] = Counter()
    excluded = set(zip(left_out["person_id"], left_out["placement"], strict=True))
    for j in population.journeys_from_frame(df):
        for m in j.transitions:
            if (j.person_id, m.index) not in excluded:
                expected[(m.source, m.target)] += 1
    assert {k: int(v) for k, v in valid.stack().items() if v} == dict(expected)
    rates = population.transition_rates(df, valid_only=True)
    assert rates.loc["all", "moves"] == int(valid.to_numpy().sum())


# -- a prepared object gives what the raw frame gives ------------------------------------


@given(frames())
@settings(max_examples=60, deadline=None)
def test_prepared_equals_raw(df: pd.DataFrame) -> None:
    data = population.prepare(df)
    pd.testing.assert_frame_equal(
        population.transition_matrix(data), population.transition_matrix(df)
    )
    pd.testing.assert_frame_equal(
        population.transition_rates(data), population.transition_rates(df)
    )
    for inclusive in (False, True):
        pd.testing.assert_frame_equal(
            population.length_of_stay_stats(data, end_inclusive=inclusive),
            population.length_of_stay_stats(df, end_inclusive=inclusive),
        )
    pd.testing.assert_frame_equal(population.check(data), population.check(df))
    assert population.journeys_from_frame(data) == population.journeys_from_frame(df)


@given(frames())
@settings(max_examples=60, deadline=None)
def test_length_of_stay_statistics_equal_pandas_describe(df: pd.DataFrame) -> None:
    for inclusive in (False, True):
        stats = population.length_of_stay_stats(df, end_inclusive=inclusive)
        closed = df.dropna(subset=["end"])
        days = (closed["end"] - closed["start"]).dt.days + int(inclusive)
        codes = closed["level"].map(cc.default_graph().code)
        for code, row in stats.iterrows():
            mine = days[codes == code].astype(float)
            assert row["closed"] == len(mine)
            assert row["total_days"] == int(mine.sum())
            if len(mine):
                described = mine.describe()
                assert row["mean_days"] == described["mean"]
                for ours, theirs in (("min_days", "min"), ("p25_days", "25%"),
                                     ("median_days", "50%"), ("p75_days", "75%"),
                                     ("max_days", "max")):  # fmt: skip
                    assert row[ours] == described[theirs]
                if len(mine) > 1:
                    assert row["std_days"] == pytest.approx(described["std"], rel=1e-12)


def test_prepared_objects_refuse_another_graph_or_other_columns() -> None:
    df = pd.DataFrame({"who": [1], "level": ["IOP"], "start": pd.to_datetime(["2024-01-01"])})
    data = population.prepare(df, person="who")
    assert population.transition_matrix(data).to_numpy().sum() == 0
    with pytest.raises(population.PlacementFrameError, match="prepared with graph"):
        population.transition_matrix(data, cc.default_graph().subgraph(["IOP"], name="x"))
    with pytest.raises(population.PlacementFrameError, match="prepared from columns"):
        population.transition_matrix(data, person="someone")
    with pytest.raises(population.PlacementFrameError, match="needs end dates"):
        population.length_of_stay_stats(data)
    assert "1 placements of 1 people" in repr(data)


# -- Dask (threaded scheduler): the same results as pandas -------------------------------


@given(frames(string_ids=False), st.integers(1, 4))
@settings(max_examples=25, deadline=None)
def test_dask_equals_pandas(df: pd.DataFrame, parts: int) -> None:
    import dask
    import dask.dataframe as dd

    lazy = dd.from_pandas(df, npartitions=parts)
    with dask.config.set(scheduler="threads"):
        pd.testing.assert_frame_equal(
            population.transition_matrix(lazy), population.transition_matrix(df)
        )
        pd.testing.assert_frame_equal(
            population.transition_rates(lazy, valid_only=True),
            population.transition_rates(df, valid_only=True),
        )
        pd.testing.assert_frame_equal(
            population.length_of_stay_stats(lazy), population.length_of_stay_stats(df)
        )
        found = population.check(lazy)
    expected = population.check(df)
    assert _vectorized(found) == _vectorized(expected)
    assert found["row"].tolist() == expected["row"].tolist()


def test_dask_by_person_is_checked() -> None:
    import dask
    import dask.dataframe as dd

    df = pd.DataFrame(
        {
            "person_id": [1, 2, 1, 2],
            "level": ["PHP", "PHP", "IOP", "IOP"],
            "start": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-02-01"]),
            "end": pd.to_datetime(["2024-02-01", "2024-02-01", None, None]),
        }
    )
    lazy = dd.from_pandas(df, npartitions=2, sort=False)
    with dask.config.set(scheduler="sync"):
        with pytest.raises(population.PlacementFrameError, match="more than one partition"):
            population.transition_matrix(lazy, by_person=True)
        shuffled = population.transition_matrix(lazy)  # shuffles by person
    assert int(shuffled.loc["partial_hospitalization", "intensive_outpatient"]) == 2
    ranges = dd.from_pandas(df.sort_values("person_id"), npartitions=2, sort=False)
    with dask.config.set(scheduler="sync"):
        trusted = population.transition_matrix(ranges, by_person=True)
    pd.testing.assert_frame_equal(trusted, shuffled)


def test_prepare_refuses_dask() -> None:
    import dask.dataframe as dd

    lazy = dd.from_pandas(pd.DataFrame({"person_id": [1]}), npartitions=1)
    with pytest.raises(TypeError, match="pass a Dask DataFrame to the analyses"):
        population.prepare(lazy)


def test_synthetic_cohort_agrees_at_scale() -> None:
    df = population.journeys_to_frame(
        population.journeys_from_frame(cc.journeys.synthetic_cohort(400, seed=11))
    ).sample(frac=1.0, random_state=1)
    found = population.check(df, max_gap_days=14)
    assert _vectorized(found) == _per_journey(df, max_gap_days=14)
    assert set(np.unique(found["code"].astype(str))) <= {"gap", "reason-without-end"}


def test_messages_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from carecontinuum.journeys import _population_messages as kernel

    parts = [
        "placement ",
        kernel._ints(np.array([0, 3, 12])),
        " starts ",
        kernel._dates(np.array([19_000, 19_001, 0])),
        kernel._days(np.array([1, 2, 1])),
    ]
    with_arrow = [str(m) for m in kernel._join(parts, 3).to_pylist()]
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.compute", None)
    without = kernel._join(parts, 3).tolist()
    assert (
        without
        == with_arrow
        == [
            "placement 0 starts 2022-01-081 day",
            "placement 3 starts 2022-01-092 days",
            "placement 12 starts 1970-01-011 day",
        ]
    )


@given(frames(), st.integers(1, 5))
@settings(max_examples=60, deadline=None)
def test_messages_joined_in_slices_equal_one_join(df: pd.DataFrame, rows: int) -> None:
    # population checks of millions of findings join their messages slice by slice
    from carecontinuum.journeys import _population_messages as kernel

    whole = population.check(df, max_gap_days=1)
    saved = kernel._JOIN_ROWS
    kernel._JOIN_ROWS = rows
    try:
        sliced = population.check(df, max_gap_days=1)
    finally:
        kernel._JOIN_ROWS = saved
    pd.testing.assert_frame_equal(sliced, whole)
    assert _vectorized(sliced) == _per_journey(df, max_gap_days=1)
