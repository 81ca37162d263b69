"""The TEDS-D analytics on dask DataFrames equal pandas: threaded and on a process cluster.

Each partition is counted with the pandas kernel and the counts are added up, so the tables
are exact.  Data is SYNTHETIC (``teds.synthetic_discharges``).
"""

from __future__ import annotations

from collections.abc import Iterator

import dask
import dask.dataframe as dd
import distributed
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecontinuum import teds

FUNCTIONS = [teds.completion_rates, teds.reason_distribution, teds.setting_changes, teds.los_bands]
RAW = teds.synthetic_discharges(4000, seed=31)
RAW["DISYR"] = [2018 if i % 3 else 2019 for i in range(len(RAW))]
FRAME = teds.read_discharges(RAW)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=50,
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


def _tables(discharges: object) -> list[pd.DataFrame]:
    return [
        f(discharges, by=by)  # type: ignore[operator]
        for f in FUNCTIONS
        for by in ((), ("year",), ("state_fips", "year"))
    ]


def test_a_process_cluster_gives_the_pandas_tables(cluster: object) -> None:
    lazy = dd.from_pandas(FRAME, npartitions=5)
    for got, expected in zip(_tables(lazy), _tables(FRAME), strict=True):
        assert got.equals(expected)


def test_raw_partitions_are_decoded_on_the_cluster(cluster: object) -> None:
    raw = dd.from_pandas(RAW, npartitions=4)
    decoded = teds.read_discharges(raw)
    assert isinstance(decoded, dd.DataFrame)
    got = decoded.compute()
    assert got.equals(FRAME)
    assert teds.los_bands(decoded, bands=[7, 30]).equals(teds.los_bands(FRAME, bands=[7, 30]))


def test_a_bad_value_in_a_partition_names_it(cluster: object) -> None:
    raw = RAW.copy()
    raw.loc[3500, "REASON"] = 12
    decoded = teds.read_discharges(dd.from_pandas(raw, npartitions=4))
    with pytest.raises(
        teds.TedsValueError,
        match=r"partition 3, column REASON, row \d+ \(index 3500\): 12 is not a REASON",
    ):
        decoded.compute()


@settings(max_examples=5, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=400),
    partitions=st.integers(min_value=1, max_value=7),
    seed=st.integers(min_value=0, max_value=2**16),
    form=st.sampled_from(["code", "label"]),
)
def test_the_threaded_scheduler_gives_the_pandas_tables(
    n: int, partitions: int, seed: int, form: str
) -> None:
    raw = teds.synthetic_discharges(n, seed=seed, form=form)  # type: ignore[arg-type]
    expected = teds.read_discharges(raw)
    with dask.config.set(scheduler="threads"):
        lazy = teds.read_discharges(dd.from_pandas(raw, npartitions=partitions))
        assert lazy.compute().equals(expected)
        for got, want in zip(_tables(lazy), _tables(expected), strict=True):
            assert got.equals(want)
        decoded = dd.from_pandas(expected, npartitions=partitions)
        for got, want in zip(_tables(decoded), _tables(expected), strict=True):
            assert got.equals(want)


def test_a_dask_frame_is_not_read_in_chunks() -> None:
    with pytest.raises(teds.TedsValueError, match="partition by partition"):
        teds.read_discharges(dd.from_pandas(RAW, npartitions=2), chunksize=10)  # type: ignore[call-overload]


def test_a_raw_dask_frame_is_refused_by_the_analytics() -> None:
    with pytest.raises(teds.TedsFrameError, match="pass it through"):
        teds.completion_rates(dd.from_pandas(RAW, npartitions=2))
