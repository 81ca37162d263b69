"""Past one machine's memory: a Parquet dataset of placements through a local Dask cluster.

Run with ``python benchmarks/bench_scale.py`` (5 M placements, a couple of
minutes) or ``python benchmarks/bench_scale.py 50000000 100000000`` by hand (not
in CI: the 100 M dataset is about 1.5 GB on disk).  Needs the ``dask`` and
``bench`` extras.  The data is SYNTHETIC (``synthetic_cohort``, seeded).
Nothing here is asserted by the test suite.

A chunked generator writes the dataset one file at a time (each file a range
of people, so no person spans two files and ``by_person=True`` needs no
shuffle); memory while writing is one chunk.  Then a
``distributed.LocalCluster(n_workers=2, processes=True)`` computes the
transition matrix and the length-of-stay statistics, while a thread samples
the resident memory of the client process and every process it started
(scheduler, nannies, workers) every 10 ms.  The answers are checked against
per-file results summed while writing.

Targets (issue 14 §4): peak RSS (client + workers) ≤ 3 GB over 100 M
placements, and the peaks at 50 M and 100 M within ±25% of each other.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROWS_PER_FILE = 2_000_000
LIMIT_BYTES = 3 * 1024**3


def write_dataset(folder: Path, n_rows: int) -> dict[str, Any]:
    """Write about *n_rows* SYNTHETIC placements, one file per chunk; per-file answers summed."""
    import numpy as np

    from carecontinuum.journeys import population, synthetic_cohort

    people_per_file = ROWS_PER_FILE // 10
    files = max(1, round(n_rows / ROWS_PER_FILE))
    matrix = None
    closed = total = rows = 0
    for i in range(files):
        part = synthetic_cohort(people_per_file, seed=1000 + i)
        part["person_id"] += i * people_per_file  # a range of people per file
        population.write_parquet(part, folder / f"part-{i:05d}.parquet")
        m = population.transition_matrix(part).to_numpy()
        matrix = m if matrix is None else matrix + m
        los = population.length_of_stay_stats(part)
        closed += int(los["closed"].sum())
        total += int(los["total_days"].sum())
        rows += len(part)
        del part
    return {"rows": rows, "files": files, "matrix": np.asarray(matrix), "closed": closed,
            "total": total}  # fmt: skip


class _TreePeak:
    """Peak summed RSS of this process and all its descendants, sampled every 10 ms."""

    def __init__(self) -> None:
        import psutil

        self._root = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for proc in [self._root, *self._root.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a process that just ended
                continue
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(0.01)

    def __enter__(self) -> _TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(n_rows: int) -> dict[str, Any]:
    """Write a dataset of *n_rows*, then analyse it on a local cluster; the figures."""
    from distributed import Client, LocalCluster

    from carecontinuum.journeys import population

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        expected = write_dataset(folder, n_rows)
        written = time.perf_counter() - t
        size = sum(f.stat().st_size for f in folder.iterdir())
        with (
            LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                memory_limit="1.25GiB",
                silence_logs=50,
            ) as cluster,  # fmt: skip
            Client(cluster),
            _TreePeak() as peak,
        ):
            idle = peak._sample()
            lazy = population.read_parquet(folder, lazy=True)
            t = time.perf_counter()
            matrix = population.transition_matrix(lazy, by_person=True)
            t_matrix = time.perf_counter() - t
            t = time.perf_counter()
            los = population.length_of_stay_stats(lazy)
            t_los = time.perf_counter() - t
        assert (matrix.to_numpy() == expected["matrix"]).all()
        assert int(los["closed"].sum()) == expected["closed"]
        assert int(los["total_days"].sum()) == expected["total"]
    return {"rows": expected["rows"], "files": expected["files"], "bytes": size,
            "write": written, "matrix": t_matrix, "los": t_los, "peak": peak.peak,
            "idle": idle}  # fmt: skip


def main(sizes: tuple[int, ...]) -> bool:
    results = [run(n) for n in sizes]
    print("SYNTHETIC placements as a Parquet dataset, local cluster: 2 worker processes")
    print(f"{'rows':>13} {'files':>6} {'on disk':>9} {'write s':>8} {'matrix s':>9} "
          f"{'LOS s':>7} {'peak RSS':>9} {'idle RSS':>9}")  # fmt: skip
    for r in results:
        print(f"{r['rows']:>13,} {r['files']:>6} {r['bytes'] / 1e9:>7.2f}GB {r['write']:>8.1f} "
              f"{r['matrix']:>9.1f} {r['los']:>7.1f} {r['peak'] / 1e9:>7.2f}GB "
              f"{r['idle'] / 1e9:>7.2f}GB")  # fmt: skip
    ok = all(r["peak"] <= LIMIT_BYTES for r in results)
    print(f"peak RSS ≤ 3 GB at every size: {'OK' if ok else 'MISSED'}")
    if len(results) >= 2:
        a, b = results[-2]["peak"], results[-1]["peak"]
        ratio = b / a
        flat = 0.75 <= ratio <= 1.25
        print(f"peak at {results[-1]['rows']:,} / peak at {results[-2]['rows']:,} = "
              f"{ratio:.2f} (target within ±25%): {'OK' if flat else 'MISSED'}")  # fmt: skip
        ok = ok and flat
    return ok


if __name__ == "__main__":
    chosen = tuple(int(a) for a in sys.argv[1:]) or (5_000_000,)
    print("all targets met" if main(chosen) else "SOME TARGETS MISSED")
