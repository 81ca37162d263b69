"""The population functions on a real distributed scheduler: two worker processes.

The cluster is small and started once for the module (a few seconds); the
Hypothesis equality with pandas runs on the threaded scheduler in
``test_population_check.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from carecontinuum.journeys import population, synthetic_cohort


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: never 8787, which may be taken
            memory_limit="1GiB",
            silence_logs=50,
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_every_function_equals_pandas_on_a_local_cluster(client: Any) -> None:
    import dask.dataframe as dd

    df = synthetic_cohort(300, seed=21).sample(frac=1.0, random_state=2)
    lazy = dd.from_pandas(df, npartitions=3, sort=False)
    assert len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(
        population.transition_matrix(lazy), population.transition_matrix(df)
    )
    pd.testing.assert_frame_equal(
        population.transition_rates(lazy), population.transition_rates(df)
    )
    pd.testing.assert_frame_equal(
        population.length_of_stay_stats(lazy, end_inclusive=True),
        population.length_of_stay_stats(df, end_inclusive=True),
    )
    found, expected = population.check(lazy, max_gap_days=3), population.check(df, max_gap_days=3)
    assert len(found) == len(expected) > 0
    pd.testing.assert_frame_equal(found, expected, check_dtype=False, check_categorical=False)


def test_a_parquet_dataset_by_person_on_a_local_cluster(client: Any, tmp_path: Path) -> None:
    frames = []
    for i in range(4):  # one range of people per file: no shuffle needed
        part = synthetic_cohort(50, seed=i).assign(person_id=lambda d, i=i: d["person_id"] + 50 * i)
        population.write_parquet(part, tmp_path / f"part-{i:02d}.parquet")
        frames.append(part)
    df = pd.concat(frames, ignore_index=True)
    lazy = population.read_parquet(tmp_path, lazy=True)
    assert lazy.npartitions == 4
    pd.testing.assert_frame_equal(
        population.transition_matrix(lazy, by_person=True), population.transition_matrix(df)
    )
    pd.testing.assert_frame_equal(
        population.length_of_stay_stats(lazy), population.length_of_stay_stats(df)
    )
