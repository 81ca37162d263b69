"""The episode analytics against plain pandas, on SYNTHETIC discharges; chunks give the same.

REASON 1 is "Treatment completed" and LOS codes 31–37 are intervals [TEDS-D-CB].
"""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum import teds

FRAME = teds.read_discharges(teds.synthetic_discharges(3000, seed=21))
FUNCTIONS = [teds.completion_rates, teds.reason_distribution, teds.setting_changes, teds.los_bands]


def _group(df: pd.DataFrame, level: str) -> pd.Series:
    if level == "level":
        return df["level"].astype(object).where(df["level"].notna(), "(no level)")
    return df["teds_setting"].astype(object).where(df["teds_setting"].notna(), -9)


def _random_frame(n: int, seed: int, missing: float) -> pd.DataFrame:
    """SYNTHETIC discharges, with -9 in some key columns and two years and a few states."""
    rng = np.random.default_rng(seed)
    raw = teds.synthetic_discharges(n, seed=seed)
    for column in ("SERVICES_D", "SERVICES", "REASON", "LOS"):
        raw.loc[rng.random(n) < missing, column] = -9
    raw["DISYR"] = rng.choice([2018, 2019], n)
    raw["STFIPS"] = rng.choice([6, 36, 72], n)
    return teds.read_discharges(raw)


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=300),
    seed=st.integers(min_value=0, max_value=2**16),
    missing=st.sampled_from([0.0, 0.1, 0.5]),
    by=st.sampled_from([(), ("year",), ("state_fips", "year")]),
    level=st.sampled_from(["level", "teds_setting"]),
)
def test_completion_matches_plain_pandas(
    n: int, seed: int, missing: float, by: tuple[str, ...], level: str
) -> None:
    df = _random_frame(n, seed, missing)
    got = teds.completion_rates(df, by=by, level=level)  # type: ignore[arg-type]
    keys = [*(df[b] for b in by), _group(df, level).rename(level)]
    frame = pd.DataFrame({"reason": df["reason"].astype(float)})
    grouped = frame.groupby(keys, sort=False)["reason"]
    expected = pd.DataFrame(
        {
            "discharges": grouped.size(),
            "completed": grouped.apply(lambda r: int((r == 1).sum())),
            "reason_missing": grouped.apply(lambda r: int(r.isna().sum())),
        }
    )
    assert len(got) == len(expected)
    for key, row in expected.iterrows():
        assert got.loc[key, "discharges"] == row["discharges"]
        assert got.loc[key, "completed"] == row["completed"]
        assert got.loc[key, "reason_missing"] == row["reason_missing"]
        known = row["discharges"] - row["reason_missing"]
        rate = got.loc[key, "completion_rate"]
        if known:
            assert rate == pytest.approx(row["completed"] / known)
        else:
            assert math.isnan(rate)
    assert int(got["discharges"].sum()) == n


@settings(max_examples=20, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=300),
    seed=st.integers(min_value=0, max_value=2**16),
    missing=st.sampled_from([0.0, 0.2]),
    level=st.sampled_from(["level", "teds_setting"]),
)
def test_setting_changes_match_a_crosstab(n: int, seed: int, missing: float, level: str) -> None:
    df = _random_frame(n, seed, missing)
    got = teds.setting_changes(df, level=level)  # type: ignore[arg-type]
    if level == "level":
        rows = (
            df["admission_level"].astype(object).where(df["admission_level"].notna(), "(no level)")
        )
    else:
        rows = (
            df["admission_teds_setting"]
            .astype(object)
            .where(df["admission_teds_setting"].notna(), -9)
        )
    expected = pd.crosstab(rows, _group(df, level))
    assert int(got.to_numpy().sum()) == n
    for a in expected.index:
        for b in expected.columns:
            assert got.loc[a, b] == expected.loc[a, b]
    assert set(got.index) == set(expected.index)


@settings(max_examples=20, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=300),
    seed=st.integers(min_value=0, max_value=2**16),
    missing=st.sampled_from([0.0, 0.3]),
    bands=st.sampled_from([None, (7, 30, 90, 365), (1,), (30, 365)]),
)
def test_los_bands_and_the_median_band(
    n: int, seed: int, missing: float, bands: tuple[int, ...] | None
) -> None:
    df = _random_frame(n, seed, missing)
    got = teds.los_bands(df, bands=bands)
    fixed = {"discharges", "los_missing", "median_band", "median_min_days", "median_max_days"}
    band_columns = [c for c in got.columns if c not in fixed and c != "match"]
    for key, rows in df.groupby(_group(df, "level"), sort=False):
        row = got.loc[key]
        assert row["discharges"] == len(rows)
        known = rows["los"].dropna().astype(int)
        assert row["los_missing"] == len(rows) - len(known)
        assert sum(row[c] for c in band_columns) == len(known)
        # every stay counts in the band that holds its LOS interval
        lows = known.map(lambda code: teds.LOS_CODES[code - 1].min_days)
        for column in band_columns:
            first, last = _parse(column)
            inside = (lows >= first) & (True if last is None else lows <= last)
            assert row[column] == int(inside.sum())
        if len(known):
            kth = sorted(lows.tolist())[math.ceil(len(known) / 2) - 1]  # the ⌈n/2⌉-th stay
            first, last = _parse(row["median_band"])
            assert first <= kth
            assert last is None or kth <= last
            assert (row["median_min_days"], row["median_max_days"]) == (
                first,
                pd.NA if last is None else last,
            )
        else:
            assert pd.isna(row["median_band"])
            assert row["median_min_days"] is pd.NA


def _parse(label: str) -> tuple[int, int | None]:
    if label.startswith("more than "):
        return int(label.removeprefix("more than ")) + 1, None
    first, _, last = label.partition("–")
    return int(first), int(last or first)


def test_reason_distribution_counts_and_shares() -> None:
    counts = teds.reason_distribution(FRAME)
    assert list(counts.columns) == [
        "completed", "dropped_out", "terminated", "transferred", "incarcerated", "death", "other",
        "missing", "match",
    ]  # fmt: skip
    expected = pd.crosstab(_group(FRAME, "level"), FRAME["reason"])
    for level in expected.index:
        for code in expected.columns:
            name = cc.DischargeReason(int(code)).name.lower()
            assert counts.loc[level, name] == expected.loc[level, code]
    shares = teds.reason_distribution(FRAME, normalize=True)
    assert np.allclose(shares.drop(columns="match").sum(axis=1), 1.0)
    with pytest.raises(TypeError, match="normalize"):
        teds.reason_distribution(FRAME, normalize="yes")  # type: ignore[arg-type]


def test_rows_follow_the_levels_and_no_level_comes_last() -> None:
    table = teds.completion_rates(FRAME)
    order = [c for c in cc.default_graph().codes if c in set(table.index)]
    assert list(table.index) == [*order, "(no level)"]
    by_setting = teds.completion_rates(FRAME, level="teds_setting")
    assert list(by_setting.index) == sorted(by_setting.index)


def test_the_match_column_keeps_approximations_visible() -> None:
    """A level fed by approximate settings says so; exact only when every setting is exact."""
    table = teds.completion_rates(FRAME)
    walk = cc.crosswalk("teds", "continuum")
    for level, match in table["match"].items():
        if level == "(no level)":
            assert match == "none"
            continue
        kinds = {m.match.value for m in walk.mappings if m.target == level}
        assert match == ("approximate" if "approximate" in kinds else "exact")
    assert table.loc["residential", "match"] == "approximate"  # TEDS 4, 5 [TEDS]
    assert table.loc["outpatient", "match"] == "exact"  # TEDS 7 [TEDS]


def test_an_approximate_iop_from_a_crosswalk_shows_in_every_table() -> None:
    base = cc.crosswalk("teds", "continuum")
    mappings = [m for m in base.mappings if m.source != "6"]
    mappings.append(
        cc.LevelMapping(source="6", target="intensive_outpatient", match="approximate",
                        lost="PHP-like care is reported as 6", sources=("TEDS",))
    )  # fmt: skip
    walk = cc.Crosswalk(source_framework="teds", target_framework="continuum", mappings=mappings)
    df = teds.read_discharges(teds.synthetic_discharges(500, seed=3), crosswalk=walk)
    for function in (teds.completion_rates, teds.reason_distribution, teds.los_bands):
        assert function(df).loc["intensive_outpatient", "match"] == "approximate"


def test_every_function_gives_the_same_tables_from_chunks() -> None:
    text = teds.synthetic_discharges(1200, seed=5).to_csv(index=False)
    whole = teds.read_discharges(io.StringIO(text))
    for function in FUNCTIONS:
        for by in ((), ("year", "state_fips")):
            chunks = teds.read_discharges(io.StringIO(text), chunksize=250)
            assert function(chunks, by=by).equals(function(whole, by=by)), function.__name__


def test_by_state_sums_to_the_whole() -> None:
    by_state = teds.completion_rates(FRAME, by=["state_fips"])
    total = by_state.groupby(level="level", sort=False)[["discharges", "completed"]].sum()
    whole = teds.completion_rates(FRAME)
    assert total.loc[whole.index].equals(whole[["discharges", "completed"]])
    assert by_state.index.names == ["state_fips", "level"]


def test_a_missing_state_is_its_own_group() -> None:
    raw = teds.synthetic_discharges(50, seed=4)
    raw.loc[:9, "STFIPS"] = -9
    table = teds.completion_rates(teds.read_discharges(raw), by=["state_fips"])
    states = table.index.get_level_values("state_fips")
    assert states.isna().sum() >= 1
    assert int(table.loc[states.isna(), "discharges"].sum()) == 10
    assert pd.isna(states[-1])  # after the known states


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ((40,), "40 is not a day on which a LOS code ends"),
        ((30, 30), "30 is not a day"),
        ((90, 30), "30 is not a day"),
        ((0,), "0 is not a day"),
        ((True,), "bands must be a number of days, not a bool"),
        ("7,30", "bands must be a sequence"),
        ((7.0,), "7.0 is not a day"),
    ],
)
def test_bands_must_end_where_codes_end(bands: object, message: str) -> None:
    with pytest.raises((teds.TedsValueError, TypeError), match=message):
        teds.los_bands(FRAME, bands=bands)  # type: ignore[arg-type]


def test_a_raw_or_foreign_frame_is_refused_clearly() -> None:
    raw = teds.synthetic_discharges(5)
    for function in FUNCTIONS:
        with pytest.raises(teds.TedsFrameError, match=r"pass it through carecontinuum\.teds"):
            function(raw)
    with pytest.raises(teds.TedsFrameError, match="no column 'level_match', 'reason'"):
        teds.completion_rates(pd.DataFrame({"level": pd.Categorical(["x"])}))
    broken = FRAME.assign(reason=FRAME["reason"].astype(float))
    with pytest.raises(teds.TedsFrameError, match="'reason' should be categorical"):
        teds.completion_rates(broken)
    with pytest.raises(teds.TedsFrameError, match="by='level' is not a column to break down by"):
        teds.completion_rates(FRAME, by=["level"])
    with pytest.raises(teds.TedsFrameError, match="names a column twice"):
        teds.completion_rates(FRAME, by=["year", "year"])
    with pytest.raises(TypeError, match="by must be a sequence"):
        teds.completion_rates(FRAME, by="year")
    with pytest.raises(teds.TedsFrameError, match="level='asam3' is not"):
        teds.completion_rates(FRAME, level="asam3")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes the frame read_discharges"):
        teds.completion_rates("tedsd_puf_2019.csv")
    with pytest.raises(teds.TedsFrameError, match="no chunks"):
        teds.completion_rates(iter([]))
    with pytest.raises(TypeError, match="a chunk is a int"):
        teds.completion_rates([FRAME, 3])


def test_chunks_with_different_dtypes_are_refused() -> None:
    other = FRAME.assign(level=FRAME["level"].cat.add_categories(["extra"]))
    with pytest.raises(teds.TedsFrameError, match="different dtypes"):
        teds.completion_rates([FRAME, other])


def test_an_empty_frame_gives_empty_tables() -> None:
    empty = FRAME.iloc[:0]
    for function in FUNCTIONS:
        assert len(function(empty)) == 0


def test_no_mean_length_of_stay_anywhere() -> None:
    """LOS codes 31–37 are intervals: the tables give counts and a median band only."""
    table = teds.los_bands(FRAME)
    assert not any("mean" in str(c) or "average" in str(c) for c in table.columns)
    assert table["median_band"].map(type).eq(str).all()
