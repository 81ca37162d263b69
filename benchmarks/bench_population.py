"""Population analytics on one machine: carecontinuum against polars and duckdb, side by side.

Run with ``python benchmarks/bench_population.py`` (1 M, 5 M and 20 M placements)
or ``python benchmarks/bench_population.py 100000000`` for other sizes;
``python benchmarks/bench_population.py --check [rows ...]`` times ``check``
alone (20 M rows by default) against a numpy-sort anchor, without the bench extra.  Needs
the ``bench`` extra (polars, duckdb, pyarrow, psutil); the anchors are never
runtime dependencies.  The data is SYNTHETIC (``synthetic_cohort``, seeded),
rows shuffled so every engine must sort.  Nothing here is asserted by the test
suite.

Each engine runs in a fresh process that reads the same Parquet file (not
timed), then times its *first* call, and samples its resident memory every
2 ms while it runs: "peak above input" is the highest RSS
during the calls minus the RSS just before them, per input row.  For
carecontinuum the numpy allocations are also traced exactly (tracemalloc).
The *warm* times come from one more process that holds every engine's data
and runs their calls in turn, five rounds, best of each: the machine is shared,
and interleaving puts its load on every engine alike.
Every engine's answers are compared (the same counts, the same statistics)
before any time is printed.

Anchors, measured in the same run:

* ``today``: the transition matrix exactly as ``population.transition_matrix``
  computed it before ``prepare()`` (commit 68cf50b): read the columns, one
  packed sort, gather the levels, count;
* ``polars``: a stable sort by person and start, ``shift``/``group_by`` for the
  moves, ``group_by().agg()`` with linear quantiles for the stays;
* ``duckdb``: ``lead() OVER (PARTITION BY person ORDER BY start, row)`` for the
  moves, ``quantile_cont`` for the stays.

Targets (issue 14 §5): transition_matrix and length_of_stay_stats faster than
both anchors; prepare + all three analyses ≤ 1.5 × ``today``; peak memory above
the input ≤ 25 bytes per row; ``check`` of 20 M rows ≤ 5 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (1_000_000, 5_000_000, 20_000_000)
CODES = ("outpatient", "intensive_outpatient", "partial_hospitalization", "residential",
         "inpatient_acute")  # fmt: skip


class _Peak:
    """The highest RSS while a block runs, sampled every 2 ms (psutil)."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self.base = self.peak = self._proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            time.sleep(0.002)

    def __enter__(self) -> _Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._proc.memory_info().rss)


def _timed(func: Callable[[], Any], warm: int = 5) -> dict[str, Any]:
    import gc

    gc.collect()
    with _Peak() as rss:
        t = time.perf_counter()
        result = func()
        first = time.perf_counter() - t
        times = []
        for _ in range(warm):
            t = time.perf_counter()
            func()
            times.append(time.perf_counter() - t)
    return {"first": first, "warm": min(times), "rss": rss.peak - rss.base, "result": result}


def _traced(func: Callable[[], Any]) -> int:
    import gc

    gc.collect()
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


# -- the engines (each runs in its own process) --------------------------------------------


def _today_matrix(df: Any) -> list[list[int]]:
    """``transition_matrix`` as it was computed before prepare(), step by step (no checks)."""
    import numpy as np
    import pandas as pd

    ids = df["person_id"].to_numpy()
    person = ids.astype(np.int64) - int(ids.min())
    codes = df["level"].cat.codes.to_numpy()
    lookup = np.asarray([CODES.index(c) for c in df["level"].cat.categories], dtype=np.int64)
    level = lookup[codes]
    start = df["start"].to_numpy(dtype="datetime64[s]").view(np.int64)
    n = len(start)
    if not (start % 86_400).any():
        start = start // 86_400
    low = int(start.min())
    span = int(start.max()) - low + 1
    key = person * span + (start - low)
    order = np.sort(key * n + np.arange(n)) % n
    person, level = person[order], level[order]
    same = person[1:] == person[:-1]
    k = len(CODES)
    counts = np.bincount(level[:-1][same] * k + level[1:][same], minlength=k * k).reshape(k, k)
    return pd.DataFrame(counts).to_numpy().tolist()


def _cc_tasks(path: str) -> dict[str, Callable[[], Any]]:
    from carecontinuum.journeys import population

    df = population.read_parquet(path)

    def all_three() -> list[Any]:
        data = population.prepare(df, discharge_reason=None)
        return [
            population.transition_matrix(data).to_numpy().tolist(),
            population.transition_rates(data).to_numpy().sum(),
            _los_digest(population.length_of_stay_stats(data)),
        ]

    return {
        "today": lambda: _today_matrix(df),
        "matrix": lambda: population.transition_matrix(df).to_numpy().tolist(),
        "los": lambda: _los_digest(population.length_of_stay_stats(df)),
        "prepare+3": all_three,
        "check": lambda: len(population.check(df)),
    }


def _cc(path: str) -> dict[str, Any]:
    from carecontinuum.journeys import population

    tasks = _cc_tasks(path)
    out = {name: _timed(task, warm=1 if name == "check" else WARM) for name, task in tasks.items()}
    out["prepare+3"]["traced"] = _traced(tasks["prepare+3"])
    out["prepare+3"]["result"] = out["prepare+3"]["result"][0]
    prepared = population.prepare(population.read_parquet(path))
    out["check prepared"] = _timed(lambda: len(population.check(prepared)), warm=1)
    return out


def _los_digest(stats: Any) -> list[list[float]]:
    cols = ["closed", "mean_days", "min_days", "p25_days", "median_days", "p75_days", "max_days",
            "total_days"]  # fmt: skip
    return [[round(float(v), 9) for v in row] for row in stats.loc[list(CODES), cols].to_numpy()]


def _polars_tasks(path: str) -> dict[str, Callable[[], Any]]:
    import polars as pl

    df = pl.read_parquet(path).with_columns(pl.col("level").cast(pl.String))

    def matrix() -> list[list[int]]:
        s = df.select("person_id", "level", "start").sort(["person_id", "start"],
                                                           maintain_order=True)  # fmt: skip
        moves = s.select(
            pl.col("level").alias("a"),
            pl.col("level").shift(-1).alias("b"),
            (pl.col("person_id").shift(-1) == pl.col("person_id")).alias("same"),
        ).filter(pl.col("same"))
        counts = moves.group_by("a", "b").len()
        grid = [[0] * len(CODES) for _ in CODES]
        for a, b, n in counts.iter_rows():
            grid[CODES.index(a)][CODES.index(b)] = n
        return grid

    def los() -> list[list[float]]:
        days = (pl.col("end") - pl.col("start")).dt.total_days()
        agg = (
            df.filter(pl.col("end").is_not_null())
            .group_by("level")
            .agg(
                days.len().alias("n"),
                days.mean().alias("mean"),
                days.min().alias("min"),
                days.quantile(0.25, "linear").alias("p25"),
                days.median().alias("p50"),
                days.quantile(0.75, "linear").alias("p75"),
                days.max().alias("max"),
                days.sum().alias("sum"),
                days.std().alias("std"),
            )
        )
        rows = {r[0]: r[1:9] for r in agg.iter_rows()}
        return [[round(float(v), 9) for v in rows[c]] for c in CODES]

    return {"matrix": matrix, "los": los}


def _duckdb_tasks(path: str) -> dict[str, Callable[[], Any]]:
    import duckdb

    con = duckdb.connect()
    con.execute(
        'CREATE TABLE p AS SELECT person_id, CAST(level AS VARCHAR) AS level, start, "end", '
        "row_number() OVER () AS r FROM read_parquet(?)",
        [path],
    )

    def matrix() -> list[list[int]]:
        rows = con.execute(
            "SELECT a, b, count(*) FROM (SELECT level AS a, lead(level) OVER w AS b "
            "FROM p WINDOW w AS (PARTITION BY person_id ORDER BY start, r)) "
            "WHERE b IS NOT NULL GROUP BY a, b"
        ).fetchall()
        grid = [[0] * len(CODES) for _ in CODES]
        for a, b, n in rows:
            grid[CODES.index(a)][CODES.index(b)] = n
        return grid

    def los() -> list[list[float]]:
        rows = con.execute(
            "SELECT level, count(*), avg(d), min(d), quantile_cont(d, 0.25), median(d), "
            "quantile_cont(d, 0.75), max(d), sum(d) FROM (SELECT level, "
            'datediff(\'day\', start, "end") AS d FROM p WHERE "end" IS NOT NULL) GROUP BY level'
        ).fetchall()
        found = {r[0]: r[1:] for r in rows}
        return [[round(float(v), 9) for v in found[c]] for c in CODES]

    return {"matrix": matrix, "los": los}


def _polars(path: str) -> dict[str, Any]:
    return {name: _timed(task, WARM) for name, task in _polars_tasks(path).items()}


def _duckdb(path: str) -> dict[str, Any]:
    return {name: _timed(task, WARM) for name, task in _duckdb_tasks(path).items()}


def _interleaved(path: str, rounds: int = 5) -> dict[str, Any]:
    """Every engine's warm calls in turn, in one process: the load the machine is under
    (other jobs share the two cores) falls on all of them alike.  Best of *rounds*."""
    engines = {"carecontinuum": _cc_tasks(path), "polars": _polars_tasks(path),
               "duckdb": _duckdb_tasks(path)}  # fmt: skip
    del engines["carecontinuum"]["check"]
    best: dict[str, dict[str, float]] = {e: {} for e in engines}
    for tasks in engines.values():
        for task in tasks.values():
            task()  # the first calls are measured in the separate processes
    for _ in range(rounds):
        for engine, tasks in engines.items():
            for name, task in tasks.items():
                t = time.perf_counter()
                task()
                elapsed = time.perf_counter() - t
                best[engine][name] = min(best[engine].get(name, elapsed), elapsed)
    return best


ENGINES = {"carecontinuum": _cc, "polars": _polars, "duckdb": _duckdb}
#: Above this size every engine's data does not fit in one process on this machine (23 GB):
#: the warm times are then each engine's own, from its fresh process, fewer of them.
INTERLEAVE_MAX_ROWS = 50_000_000
#: Warm calls per task in an engine's own process (set by the driver for large sizes).
WARM = 5


def _worker(engine: str, path: str) -> None:
    work = _interleaved if engine == "interleaved" else ENGINES[engine]
    print(json.dumps(work(path)))


# -- the driver ----------------------------------------------------------------------------


def _data(n_rows: int, folder: Path) -> Path:
    from carecontinuum.journeys import population, synthetic_cohort

    path = folder / f"placements-{n_rows}.parquet"
    if not path.exists():
        df = synthetic_cohort(n_rows // 10, seed=42)
        df = df.sample(frac=1.0, random_state=0).reset_index(drop=True)  # shuffled rows
        population.write_parquet(df, path)
    return path


def _run(engine: str, path: Path, warm: int = 5) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", engine, str(path), str(warm)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def _size(n_rows: int, folder: Path) -> bool:
    path = _data(n_rows, folder)
    interleave = n_rows <= INTERLEAVE_MAX_ROWS
    cc, pl, dk = (_run(e, path, 5 if interleave else 2) for e in ENGINES)
    for task in ("matrix", "los"):  # every engine computed the same thing
        assert cc[task]["result"] == pl[task]["result"] == dk[task]["result"], task
    assert cc["today"]["result"] == cc["matrix"]["result"] == cc["prepare+3"]["result"]
    if interleave:
        warm = _run("interleaved", path)
        how = "best of 5, interleaved with the other engines"
    else:
        own = zip(ENGINES, (cc, pl, dk), strict=True)
        warm = {e: {k: v["warm"] for k, v in r.items()} for e, r in own}
        how = "best of 2 in the engine's own process; too large to hold every engine at once"
    print(f"\n{n_rows:,} placements (SYNTHETIC, shuffled); times in s")
    print(f"first call (fresh process) / warm ({how})")
    print(f"{'':28}{'carecontinuum':>22}{'polars':>20}{'duckdb':>20}")
    for task, label in (("matrix", "transition_matrix"), ("los", "length_of_stay_stats")):
        line = f"{label:28}"
        for res, engine in ((cc, "carecontinuum"), (pl, "polars"), (dk, "duckdb")):
            line += f"{res[task]['first']:>12.3f} / {warm[engine][task]:<6.3f}"
        print(line)
    mine = warm["carecontinuum"]
    today = mine["today"]
    print(f"{'today: transition_matrix':28}{cc['today']['first']:>12.3f} / {today:<6.3f}")
    both = cc["prepare+3"]
    print(f"{'prepare + all three':28}{both['first']:>12.3f} / {mine['prepare+3']:<6.3f}"
          f"   {mine['prepare+3'] / today:.2f}× today (target ≤ 1.5×)")  # fmt: skip
    for task in ("check", "check prepared"):
        print(f"{task:28}{cc[task]['first']:>12.3f} / {cc[task]['warm']:<6.3f}"
              f"   {cc[task]['result']:,} findings (warm: one call, separate process)")  # fmt: skip
    per_row = {k: v["rss"] / n_rows for k, v in cc.items()}
    print(
        f"peak memory above the input, bytes/row (RSS): prepare+3 {per_row['prepare+3']:.1f} "
        f"(traced numpy: {both['traced'] / n_rows:.1f}), matrix {per_row['matrix']:.1f}, "
        f"los {per_row['los']:.1f}, check {per_row['check']:.1f};  polars matrix "
        f"{pl['matrix']['rss'] / n_rows:.1f} los {pl['los']['rss'] / n_rows:.1f}; duckdb "
        f"matrix {dk['matrix']['rss'] / n_rows:.1f} los {dk['los']['rss'] / n_rows:.1f}"
    )
    fastest = {t: min(warm["polars"][t], warm["duckdb"][t]) for t in ("matrix", "los")}
    ok = {
        "matrix faster than both": mine["matrix"] < fastest["matrix"],
        "los faster than both": mine["los"] < fastest["los"],
        "prepare + 3 ≤ 1.5× today": mine["prepare+3"] <= 1.5 * today,
        "≤ 25 B/row above input": both["traced"] / n_rows <= 25,
    }
    if n_rows >= 20_000_000:
        ok["check ≤ 5 s"] = cc["check"]["warm"] <= 5.0
    for name, met in ok.items():
        print(f"  {name}: {'OK' if met else 'MISSED'}")
    return all(ok.values())


def _numpy_sort_anchor(df: Any) -> None:
    """The sort floor: ``np.sort`` of person, start day and row packed in one int64."""
    import numpy as np

    person = df["person_id"].to_numpy().astype(np.int64)
    day = df["start"].to_numpy().astype("datetime64[D]").view(np.int64)
    n = len(day)
    row_bits, day_bits = (n - 1).bit_length(), int(day.max() - day.min()).bit_length()
    key = (person - person.min()) << (day_bits + row_bits)
    key |= (day - day.min()) << row_bits
    key |= np.arange(n)
    key.sort()


def check_speed(n_rows: int, rounds: int = 3) -> bool:
    """``population.check`` alone (no polars or duckdb needed): a raw frame and a prepared one.

    Prints the first call, the best of *rounds* warm calls, and the ratio of
    the raw-frame check to the same-run anchor, the plain numpy sort of the
    packed person, start and row (measured between the calls, so load on the
    shared cores falls on both alike).  Target (issue 14 §2): ≤ 5 s at 20 M rows.
    """
    from carecontinuum.journeys import population

    with tempfile.TemporaryDirectory() as tmp:
        df = population.read_parquet(_data(n_rows, Path(tmp)))
    try:
        peak: Any = _Peak()
    except ImportError:  # psutil is in the bench extra: without it, no memory figure
        peak = None
    t = time.perf_counter()
    if peak is None:
        found = len(population.check(df))
    else:
        with peak:
            found = len(population.check(df))
    first = time.perf_counter() - t
    prepared = population.prepare(df)
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, task in (("check", lambda: population.check(df)),
                           ("check prepared", lambda: population.check(prepared)),
                           ("numpy sort anchor", lambda: _numpy_sort_anchor(df))):  # fmt: skip
            t = time.perf_counter()
            task()
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
    ratio = best["check"] / best["numpy sort anchor"]
    print(f"\n{n_rows:,} placements (SYNTHETIC, shuffled), {found:,} findings; times in s")
    print(f"check, raw frame: first {first:.3f}, warm {best['check']:.3f} "
          f"({ratio:.2f}× the numpy sort anchor {best['numpy sort anchor']:.3f})")  # fmt: skip
    print(f"check, prepared: warm {best['check prepared']:.3f}")
    if peak is not None:
        above = peak.peak - peak.base
        print(f"check, raw frame: peak RSS above the input {above / 2**20:,.0f} MiB "
              f"({above / n_rows:.1f} bytes per input row, the findings included)")  # fmt: skip
    met = n_rows < 20_000_000 or best["check"] <= 5.0
    print(f"  check ≤ 5 s at 20 M: {'OK' if met else 'MISSED'}")
    return met


def main(sizes: tuple[int, ...] = SIZES) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        results = [_size(n, Path(tmp)) for n in sizes]  # every size, even after a miss
    return all(results)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        WARM = int(sys.argv[4])
        _worker(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "--check":  # --check [rows ...]: check alone
        chosen = tuple(int(a) for a in sys.argv[2:]) or (20_000_000,)
        met = [check_speed(n) for n in chosen]  # every size, even after a miss
        print("all targets met" if all(met) else "SOME TARGETS MISSED")
    else:
        chosen = tuple(int(a) for a in sys.argv[1:]) or SIZES
        print("all targets met" if main(chosen) else "SOME TARGETS MISSED")
