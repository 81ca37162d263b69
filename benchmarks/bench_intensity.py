"""Intensity benchmarks: scalar classify, vectorized classify, building a Schedule.

Run with ``.venv/bin/python benchmarks/bench_intensity.py``.  Each figure is
measured against its reference in the same run (best of several repeats) and
printed as a ratio; nothing here is asserted by the test suite.

Targets (schedules and intensity issue):
* ``classify(schedule)`` ≤ 0.1 × the naive pint computation
  ``(Q(3, "hour/day") * Q(3, "day/week")).to("hour/week")`` plus a threshold comparison;
* vectorized classification of 1,000,000 schedules ≤ 1.5 × a bare numpy
  reference ``np.digitize(h * d, [9, 20], right=False)``, with identical results;
* building a ``Schedule`` from a dict of plain numbers ≤ 2 × building a plain
  pydantic model with the same three fields.
"""

from __future__ import annotations

import timeit
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

import carecontinuum as cc
from carecontinuum.intensity import classify_array
from carecontinuum.units import unit_registry


def _best_pair(
    ours: Any, ref: Any, number: int, ref_number: int | None = None, repeat: int = 9
) -> tuple[float, float]:
    """Best time per call of *ours* and of *ref*, in seconds.

    The two are timed in alternation, so load on a shared machine hits both alike.
    """
    ref_number = number if ref_number is None else ref_number
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(timeit.timeit(ours, number=number) / number)
        theirs.append(timeit.timeit(ref, number=ref_number) / ref_number)
    return min(mine), min(theirs)


def _report(label: str, ours: float, ref: float, target: float, unit: str = "µs") -> bool:
    scale = 1e6 if unit == "µs" else 1e3
    ratio = ours / ref
    ok = ratio <= target
    print(f"{label}")
    print(f"  ours {ours * scale:9.2f} {unit}   reference {ref * scale:9.2f} {unit}")
    print(f"  ratio {ratio:.3f}  (target ≤ {target:g})  {'OK' if ok else 'MISSED'}")
    return ok


def bench_scalar() -> bool:
    q = unit_registry().Quantity
    schedule = cc.Schedule(hours_per_day=3, days_per_week=3)
    cc.classify(schedule)  # warm the rule lookup and the compiled rule set
    (q(3, "hour/day") * q(3, "day/week")).to("hour/week")  # warm pint's caches

    def naive() -> bool:
        return bool((q(3, "hour/day") * q(3, "day/week")).to("hour/week").magnitude >= 9)

    def ours() -> Any:
        return cc.classify(schedule)

    mine, ref = _best_pair(ours, naive, 20_000, ref_number=2_000)
    return _report("classify(Schedule) vs naive pint hours/week + threshold", mine, ref, 0.1)


def bench_vectorized(n: int = 1_000_000) -> bool:
    rng = np.random.default_rng(20240108)
    # quarter-hours so many rows sit exactly on the 9 and 20 h/week thresholds
    h = rng.integers(1, 33, n) / 4
    d = rng.integers(1, 8, n)

    def reference() -> Any:
        return np.digitize(h * d, [9, 20], right=False)

    def ours() -> Any:
        return classify_array(hours_per_day=h, days_per_week=d)

    same = bool(np.array_equal(ours(), reference()))
    mine, ref = _best_pair(ours, reference, 5)
    on_threshold = int(np.count_nonzero(np.isin(h * d, [9.0, 20.0])))
    ok = _report(
        f"classify_array of {n:,} schedules vs np.digitize ({on_threshold:,} exactly on a "
        "threshold)",
        mine,
        ref,
        1.5,
        unit="ms",
    )
    print(f"  identical results: {same}")
    return ok and same


class _Plain(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hours_per_day: float
    days_per_week: int
    weeks: float | None = None


def bench_build() -> bool:
    data = {"hours_per_day": 3, "days_per_week": 4, "weeks": 6}
    mine, ref = _best_pair(
        lambda: cc.Schedule.model_validate(data), lambda: _Plain.model_validate(data), 50_000
    )
    return _report("Schedule from a dict vs a plain pydantic model", mine, ref, 2.0)


def main() -> int:
    results = [bench_scalar(), bench_vectorized(), bench_build()]
    print("all targets met" if all(results) else "some targets missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
