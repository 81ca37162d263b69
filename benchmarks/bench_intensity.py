"""Intensity hot paths against the strictest honest anchors, measured in the same run.

Run with ``.venv/bin/python benchmarks/bench_intensity.py``.  Each figure is the
best of several repeats of CPU time, ours and the anchor timed in alternation
(so load on a shared machine hits both alike), printed as a ratio; nothing
here is asserted by the test suite.

Targets (issue 8 §7):

* ``classify(schedule, rules=…)`` ≤ 0.05 × the naive pint computation with
  every quantity (and the target unit) built before the timed loop:
  ``(a * b).to(hour_per_week)`` plus two comparisons of the magnitude.  Both a
  rule-set object and a rule-set id are measured.
* ``Schedule(hours_per_day=3, days_per_week=3, weeks=6)`` ≤ 1.5 × a bare
  pydantic model with the same three float fields (the faster of a plain and
  a frozen, extra="forbid" model).  For scale it also prints the same call
  through pydantic's own ``__init__``, the path any other call takes.
* ``classify_array`` over 1,000,000 rows ≤ 1.2 × the best plain numpy on the
  same arrays, ``(w >= e9).astype(np.int8) + (w >= e20)`` with ``w = h * d``
  or, faster, ``w = d.astype(np.float64); w *= h`` (the faster of the two is
  the anchor), and without the product when we are given hours per week.
* the ``teds`` rules path (a per-day rule) ≤ 2 × its best plain numpy,
  ``((h >= e2) & (d >= 3)).astype(np.int8)``.

Both engines of ``classify_array`` are measured: ``numpy`` (the default) and,
when numba is installed, ``numba`` (its one-time compile happens in the
untimed first call).  Every vectorized case also checks that the results are
identical to the anchor's, and the small-integer dtypes (int8, uint8, int16)
to ``classify``.
"""

from __future__ import annotations

import datetime
import time
import timeit
from collections.abc import Callable
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

import carecontinuum as cc
from carecontinuum.intensity import LEVEL_CODES, classify_array, edge
from carecontinuum.units import unit_registry


def _best_pair(
    ours: Callable[[], object],
    ref: Callable[[], object],
    number: int,
    ref_number: int | None = None,
    repeat: int = 11,
) -> tuple[float, float]:
    """Best CPU time per call of *ours* and of *ref*, in seconds, timed in alternation.

    CPU time of this process (not wall time): on a shared machine, time spent
    waiting for a core is not charged to either side.
    """
    ref_number = number if ref_number is None else ref_number
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(timeit.Timer(ours, timer=time.process_time).timeit(number) / number)
        theirs.append(timeit.Timer(ref, timer=time.process_time).timeit(ref_number) / ref_number)
    return min(mine), min(theirs)


def _report(label: str, ours: float, ref: float, target: float, unit: str = "µs") -> bool:
    scale = 1e6 if unit == "µs" else 1e3
    ratio = ours / ref
    ok = ratio <= target
    print(label)
    print(f"  ours {ours * scale:9.3f} {unit}   anchor {ref * scale:9.3f} {unit}")
    print(f"  ratio {ratio:.3f}  (target ≤ {target:g})  {'met' if ok else 'MISSED'}")
    return ok


def bench_classify() -> list[bool]:
    registry = unit_registry()
    a = registry.Quantity(3.0, "hour / day")
    b = registry.Quantity(3.0, "day / week")
    per_week = registry.Unit("hour / week")
    schedule = cc.Schedule(hours_per_day=3, days_per_week=3)
    rules = cc.rule_set("asam3-adult")
    assert cc.classify(schedule, rules=rules).level_code == "intensive_outpatient"

    def naive() -> tuple[bool, bool]:
        weekly = (a * b).to(per_week).magnitude
        return weekly >= 9, weekly >= 20

    naive()  # warm pint's conversion cache
    results = []
    for label, given in (("a RuleSet", rules), ("the id 'asam3-adult'", "asam3-adult")):
        mine, ref = _best_pair(lambda g=given: cc.classify(schedule, rules=g), naive, 20_000, 2_000)
        results.append(
            _report(f"classify(schedule, rules=<{label}>) vs naive pint", mine, ref, 0.05)
        )
    return results


class _Bare(BaseModel):
    hours_per_day: float
    days_per_week: float
    weeks: float


class _BareFrozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hours_per_day: float
    days_per_week: float
    weeks: float


class _SameShape(BaseModel):
    """Schedule's fields and config with pydantic's native types: no unit parsing, no checks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weeks: float | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    twenty_four_hour: bool = False
    setting: str | None = None
    hours_per_day: float
    days_per_week: int
    sessions_per_week: float | None = None


def bench_build() -> bool:
    def ours() -> object:
        return cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6)

    refs = []
    for model in (_Bare, _BareFrozen):
        refs.append(
            _best_pair(ours, lambda m=model: m(hours_per_day=3, days_per_week=3, weeks=6), 50_000)
        )
    mine = min(m for m, _ in refs)
    ref = min(r for _, r in refs)  # the faster bare model is the anchor
    met = _report("Schedule(hours_per_day=3, days_per_week=3, weeks=6) vs bare", mine, ref, 1.5)

    def same_shape() -> object:
        return _SameShape(hours_per_day=3, days_per_week=3, weeks=6)

    def through_pydantic() -> object:  # what every other call takes: pydantic's own __init__
        bare = cc.Schedule.__new__(cc.Schedule)
        BaseModel.__init__(bare, hours_per_day=3, days_per_week=3, weeks=6)
        return bare

    _, shape = _best_pair(ours, same_shape, 50_000)
    _, validated = _best_pair(ours, through_pydantic, 50_000)
    print(
        "  (the call is filled in directly, schedules/_fast_init.py; for scale, pydantic alone"
        " with Schedule's 8 fields in native types, 5 of them defaulted, frozen and"
        f" extra='forbid', takes {shape * 1e6:.3f} µs = {shape / ref:.2f}× the anchor, and"
        f" Schedule through pydantic's own __init__ {validated * 1e6:.3f} µs ="
        f" {validated / ref:.2f}×)"
    )
    return met


def _arrays(n: int) -> tuple[Any, Any]:
    rng = np.random.default_rng(20240108)
    # quarter-hours, so many rows sit exactly on the 9 and 20 h/week thresholds
    return rng.integers(1, 97, n) / 4, rng.integers(1, 8, n)


def _engines() -> list[str]:
    """The classify_array engines to measure: numpy, and numba when it is installed."""
    try:
        import numba  # noqa: F401
    except ImportError:
        print("(numba is not installed: only the numpy engine is measured)")
        return ["numpy"]
    return ["numpy", "numba"]


ENGINES = _engines()


def bench_vectorized(n: int = 1_000_000) -> list[bool]:
    h, d = _arrays(n)
    h = np.minimum(h, 24.0)
    w = h * d
    e9, e20 = edge(9), edge(20)

    def anchor_hd() -> Any:
        weekly = h * d
        return (weekly >= e9).astype(np.int8) + (weekly >= e20)

    def anchor_hd_cast() -> Any:
        weekly = d.astype(np.float64)  # cast first, then multiply in place: no buffered cast
        weekly *= h
        return (weekly >= e9).astype(np.int8) + (weekly >= e20)

    def anchor_w() -> Any:
        return (w >= e9).astype(np.int8) + (w >= e20)

    results = []
    cases: list[tuple[str, Callable[[], Any], tuple[Callable[[], Any], ...]]] = []
    for engine in ENGINES:
        cases += [
            (
                f"hours_per_day and days_per_week, engine={engine!r}",
                lambda e=engine: classify_array(h, d, engine=e),
                (anchor_hd, anchor_hd_cast),
            ),
            (
                f"hours_per_week, engine={engine!r}",
                lambda e=engine: classify_array(hours_per_week=w, engine=e),
                (anchor_w,),
            ),
        ]
    for label, ours, anchors in cases:
        same = all(bool(np.array_equal(ours(), anchor())) for anchor in anchors)  # compiles too
        pairs = [_best_pair(ours, anchor, 5) for anchor in anchors]
        mine = min(m for m, _ in pairs)
        ref = min(r for _, r in pairs)  # the faster plain numpy is the anchor
        on = int(np.count_nonzero(np.isin(w, [9.0, 20.0])))
        ok = _report(
            f"classify_array of {n:,} rows ({label}; {on:,} on a threshold) vs best numpy",
            mine,
            ref,
            1.2,
            unit="ms",
        )
        print(f"  identical results: {same}")
        results.append(ok and same)
    return results


def bench_teds(n: int = 1_000_000) -> list[bool]:
    h, d = _arrays(n)
    h = np.minimum(h, 24.0)
    e2 = edge(2)

    def anchor() -> Any:
        return ((h >= e2) & (d >= 3)).astype(np.int8)

    results = []
    for engine in ENGINES:

        def ours(e: str = engine) -> Any:
            return classify_array(h, d, rules="teds", engine=e)

        same = bool(np.array_equal(ours(), anchor()))
        mine, ref = _best_pair(ours, anchor, 5)
        label = f"classify_array(rules='teds', engine={engine!r}) of {n:,} rows vs best numpy"
        ok = _report(label, mine, ref, 2.0, "ms")
        print(f"  identical results: {same}")
        results.append(ok and same)
    return results


def check_small_dtypes() -> bool:
    """int8 / uint8 / int16 inputs: the same answer as ``classify`` for every week."""
    hours = np.arange(1, 25)
    days = np.arange(1, 8)
    hh, dd = (a.ravel() for a in np.meshgrid(hours, days))
    expected = {
        rules: np.array(
            [
                LEVEL_CODES.index(code) if (code := cc.classify(s, rules=rules).level_code) else -1
                for s in (
                    cc.Schedule(hours_per_day=int(x), days_per_week=int(y))
                    for x, y in zip(hh, dd, strict=True)
                )
            ],
            dtype=np.int8,
        )
        for rules in ("asam3-adult", "teds", "medicare")
    }
    ok = True
    for dtype in (np.int8, np.uint8, np.int16):
        for rules, want in expected.items():
            for engine in ENGINES:
                got = classify_array(hh.astype(dtype), dd.astype(dtype), rules=rules, engine=engine)
                ok &= bool(np.array_equal(got, want))
    print(f"small integer dtypes (int8, uint8, int16) agree with classify: {ok}")
    return ok


def main() -> int:
    results = [*bench_classify(), bench_build(), *bench_vectorized(), *bench_teds()]
    results.append(check_small_dtypes())
    met = sum(results)
    print(f"{met} of {len(results)} targets met" + ("" if met == len(results) else " (see MISSED)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
