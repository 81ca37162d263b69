"""TEDS-D reader benchmark: a SYNTHETIC 1.7 M-row year, against pandas' own pyarrow reader.

Run with ``python benchmarks/bench_teds.py`` (``--rows N`` for another size).  It writes a
SYNTHETIC discharge year to a temporary folder first — ``carecontinuum.teds.synthetic_discharges``
draws every column independently from the 2019 codebook's frequencies [TEDS-D-CB]; 1,722,503 rows
is the 2019 file's size — and deletes it afterwards.  Nothing here is asserted by the test suite.

Targets (data issue, section 1):

* ``teds.read_discharges(path)`` ≤ 1.5× the time of ``pandas.read_csv(path, engine="pyarrow")``
  on the same file (best of ``--repeat`` runs each, alternated, in one process);
* peak memory ≤ 2× the decoded frame.  Memory is the **RSS high-water mark** (``VmHWM`` in
  ``/proc/self/status``) of a fresh process that only reads the file, minus that process's RSS
  after its imports, divided by ``frame.memory_usage(deep=True).sum()``.  RSS counts what pyarrow
  allocates outside Python, which ``tracemalloc`` would miss.

Also reported, for information: pandas' C engine (the reader without pyarrow), chunked reading,
and a label-form file (the codebook's labels instead of codes; smaller, as it is ~10× bigger on
disk).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from carecontinuum import teds

YEAR_ROWS = 1_722_503  # TEDS-D 2019 [TEDS-D-CB]
LABEL_ROWS = 200_000


def write_year(path: Path, rows: int, *, form: str = "code", year: int = 2019) -> float:
    """Write a SYNTHETIC TEDS-D year as CSV; return the seconds it took."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    start = time.perf_counter()
    frame = teds.synthetic_discharges(rows, year=year, form=form, seed=year)  # type: ignore[arg-type]
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pacsv.write_csv(table, path, write_options=pacsv.WriteOptions(quoting_style="needed"))
    return time.perf_counter() - start


def _best(functions: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Best time of each function, the functions alternated so load affects them alike."""
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


_MEMORY_PROBE = """
import json, sys
import pandas as pd, pyarrow, pyarrow.csv
from carecontinuum import teds
teds.read_discharges  # import the reader's modules before the baseline

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    raise SystemExit(f"no {field} in /proc/self/status")

path, how = sys.argv[1], sys.argv[2]
baseline = rss("VmRSS:")
if how == "teds":
    frame = teds.read_discharges(path)
elif how == "teds-c":
    frame = teds.read_discharges(path, engine="c")
else:
    frame = pd.read_csv(path, engine="pyarrow")
peak = rss("VmHWM:")
print(json.dumps({"baseline": baseline, "peak": peak,
                  "frame": int(frame.memory_usage(deep=True).sum())}))
"""


def _memory(path: Path, how: str) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path), how],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, int] = json.loads(done.stdout)
    return result


def main() -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=YEAR_ROWS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_teds_") as folder:
        path = Path(folder) / "SYNTHETIC_tedsd_2019.csv"
        seconds = write_year(path, args.rows)
        size = path.stat().st_size / 1e6
        print(f"SYNTHETIC TEDS-D year: {args.rows:,} rows, {size:,.0f} MB ({seconds:.1f} s)")

        times = _best(
            {
                "anchor": lambda: pd.read_csv(path, engine="pyarrow"),
                "teds": lambda: teds.read_discharges(path),
            },
            args.repeat,
        )
        ratio = times["teds"] / times["anchor"]
        ok_time = ratio <= 1.5
        print(f"pandas.read_csv(engine='pyarrow')  {times['anchor']:7.2f} s   (the anchor)")
        print(
            f"teds.read_discharges (pyarrow)     {times['teds']:7.2f} s   {ratio:5.2f}× the anchor"
            f"   target ≤ 1.5× {'OK' if ok_time else 'MISSED'}"
        )
        extra = _best(
            {
                "c": lambda: teds.read_discharges(path, engine="c"),
                "chunks": lambda: sum(
                    len(c) for c in teds.read_discharges(path, chunksize=200_000)
                ),
            },
            1,
        )
        print(
            f"teds.read_discharges (engine='c')  {extra['c']:7.2f} s   "
            f"{extra['c'] / times['anchor']:5.2f}× the anchor   (no pyarrow)"
        )
        print(
            f"  in chunks of 200,000 rows        {extra['chunks']:7.2f} s   "
            f"{extra['chunks'] / times['anchor']:5.2f}× the anchor"
        )

        ours, anchor = _memory(path, "teds"), _memory(path, "anchor")
        grown = ours["peak"] - ours["baseline"]
        memory = grown / ours["frame"]
        ok_memory = memory <= 2.0
        print(
            f"peak RSS growth reading: {grown / 1e6:,.0f} MB for a decoded frame of "
            f"{ours['frame'] / 1e6:,.0f} MB = {memory:.2f}× the frame   target ≤ 2× "
            f"{'OK' if ok_memory else 'MISSED'}"
        )
        print(
            f"  (the anchor: {(anchor['peak'] - anchor['baseline']) / 1e6:,.0f} MB of RSS for "
            f"its {anchor['frame'] / 1e6:,.0f} MB int64 frame)"
        )
        c_memory = _memory(path, "teds-c")
        print(
            f"  (engine='c': {(c_memory['peak'] - c_memory['baseline']) / 1e6:,.0f} MB, "
            f"{(c_memory['peak'] - c_memory['baseline']) / c_memory['frame']:.2f}× the frame)"
        )

        labels = Path(folder) / "SYNTHETIC_tedsd_2019_labels.csv"
        rows = min(LABEL_ROWS, args.rows)
        write_year(labels, rows, form="label")
        label_times = _best(
            {
                "anchor": lambda: pd.read_csv(labels, engine="pyarrow"),
                "teds": lambda: teds.read_discharges(labels),
            },
            1,
        )
        print(
            f"label form, {rows:,} rows ({labels.stat().st_size / 1e6:,.0f} MB): "
            f"teds {label_times['teds']:.2f} s, anchor {label_times['anchor']:.2f} s "
            f"({label_times['teds'] / label_times['anchor']:.2f}×)"
        )
    return ok_time and ok_memory


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
