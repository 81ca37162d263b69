"""Placement files: Parquet (dtypes kept, columns, datasets, lazy) and CSV (the date rule)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from carecontinuum.journeys import population, synthetic_cohort
from carecontinuum.journeys.population import PlacementFileError, PlacementFrameError


def test_parquet_round_trip_keeps_dtypes(tmp_path: Path) -> None:
    df = synthetic_cohort(50, seed=3)
    path = population.write_parquet(df, tmp_path / "p.parquet")
    back = population.read_parquet(path)
    pd.testing.assert_frame_equal(back, df.assign())  # same values, same dtypes
    assert back["level"].dtype == df["level"].dtype  # categorical, with the graph's order
    assert str(back["discharge_reason"].dtype) == "Int8"
    assert back["start"].dtype == df["start"].dtype
    pd.testing.assert_frame_equal(population.check(back), population.check(df))


def test_parquet_reads_only_the_columns_named(tmp_path: Path) -> None:
    df = synthetic_cohort(20, seed=1)
    path = population.write_parquet(df, tmp_path / "p.parquet", row_group_size=50)
    back = population.read_parquet(path, columns=["person_id", "level", "start"])
    assert list(back.columns) == ["person_id", "level", "start"]
    pd.testing.assert_frame_equal(
        population.transition_matrix(back), population.transition_matrix(df)
    )
    with pytest.raises(TypeError, match="columns must be a sequence"):
        population.read_parquet(path, columns="level")  # type: ignore[arg-type]


def test_a_parquet_dataset_directory_read_now_or_lazily(tmp_path: Path) -> None:
    df = synthetic_cohort(60, seed=2)
    for i, part in enumerate((df[df["person_id"] < 30], df[df["person_id"] >= 30])):
        population.write_parquet(part.reset_index(drop=True), tmp_path / f"part-{i}.parquet")
    eager = population.read_parquet(tmp_path)
    assert len(eager) == len(df)
    lazy = population.read_parquet(tmp_path, lazy=True)
    assert lazy.npartitions == 2
    import dask

    with dask.config.set(scheduler="sync"):
        pd.testing.assert_frame_equal(
            population.transition_matrix(lazy, by_person=True), population.transition_matrix(df)
        )
        pd.testing.assert_frame_equal(
            population.length_of_stay_stats(lazy), population.length_of_stay_stats(df)
        )


def test_bad_parquet_paths(tmp_path: Path) -> None:
    with pytest.raises(PlacementFileError, match="does not exist"):
        population.read_parquet(tmp_path / "missing.parquet")
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"\x00\x01 not parquet")
    with pytest.raises(PlacementFileError, match=r"cannot read .* as Parquet"):
        population.read_parquet(junk)
    with pytest.raises(TypeError, match="path must be a path"):
        population.read_parquet(3)  # type: ignore[arg-type]
    with pytest.raises(PlacementFileError, match="cannot write"):
        population.write_parquet(synthetic_cohort(2), tmp_path / "no" / "such" / "dir.parquet")
    with pytest.raises(TypeError, match="row_group_size must be a whole number"):
        population.write_parquet(synthetic_cohort(2), tmp_path / "x.parquet", row_group_size=True)


def test_csv_dates_follow_the_one_rule(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "person_id,level,start,end,discharge_reason,site\n"
        "1,PHP,2024-03-01,2024-03-29,4,north\n"
        "1,IOP,2024-03-29T23:30:00-05:00,,,north\n"
        "2,residential,2024-01-01 08:00,2024-02-01,1,south\n",
        encoding="utf-8",
    )
    df = population.read_csv(path)
    assert str(df["start"].dtype) == "datetime64[s]"
    assert df["start"].tolist()[1] == pd.Timestamp("2024-03-29")  # its own local date
    assert df["end"].isna().tolist() == [False, True, False]
    assert df["level"].dtype == "category"
    assert df["site"].tolist() == ["north", "north", "south"]  # other columns as they are
    (one, two) = population.journeys_from_frame(df)
    assert one.levels == ("partial_hospitalization", "intensive_outpatient")
    assert one.placements[0].discharge_reason == 4
    assert two.placements[0].length_of_stay() == 31


def test_bad_csv_files(tmp_path: Path) -> None:
    with pytest.raises(PlacementFileError, match="does not exist"):
        population.read_csv(tmp_path / "none.csv")
    with pytest.raises(PlacementFileError, match="is a directory"):
        population.read_csv(tmp_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("person_id,level,start\n1,IOP,2024-01-01\n2,é,2024-01-01\n".encode("latin-1"))
    with pytest.raises(PlacementFileError, match="is not utf-8 text"):
        population.read_csv(latin)
    assert len(population.read_csv(latin, encoding="latin-1")) == 2
    short = tmp_path / "short.csv"
    short.write_text("person_id,start\n1,2024-01-01\n", encoding="utf-8")
    with pytest.raises(PlacementFrameError, match="has no column\\(s\\) 'level'"):
        population.read_csv(short)
    bad = tmp_path / "bad.csv"
    bad.write_text("person_id,level,start\n1,IOP,someday\n", encoding="utf-8")
    with pytest.raises(PlacementFrameError, match=r"column 'start' does not hold dates.*rows 0"):
        population.read_csv(bad)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(PlacementFileError, match="cannot read"):
        population.read_csv(empty)


def test_csv_read_lazily_equals_pandas(tmp_path: Path) -> None:
    df = synthetic_cohort(80, seed=5)
    path = tmp_path / "p.csv"
    df.to_csv(path, index=False)
    eager = population.read_csv(path)
    lazy = population.read_csv(path, lazy=True, blocksize=2_000)
    assert lazy.npartitions > 1
    import dask

    with dask.config.set(scheduler="sync"):
        pd.testing.assert_frame_equal(
            population.transition_matrix(lazy), population.transition_matrix(eager)
        )
        pd.testing.assert_frame_equal(
            population.length_of_stay_stats(lazy), population.length_of_stay_stats(df)
        )
