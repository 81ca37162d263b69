"""Foundation benchmarks: import cost and exact-code lookups.

Run with ``python benchmarks/bench_foundation.py``.  Every figure is measured
against a reference in the same run and printed as a ratio, because shared
machines are noisy; nothing here is asserted by the test suite.

Targets (foundation issue):
* ``import carecontinuum`` ≤ 0.4 × the wall time of ``import pydantic, pint, networkx``;
* an exact-code ``level()`` / ``modality()`` lookup at dictionary speed, well under 1 µs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit


def _process_wall_time(code: str, runs: int) -> float:
    """Median whole-process wall time of ``python -c code``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _per_call(stmt: str, setup: str, number: int = 200_000, repeat: int = 7) -> float:
    """Best per-call time of *stmt*, in seconds."""
    return min(timeit.repeat(stmt, setup, number=number, repeat=repeat)) / number


def bench_import(runs: int = 15) -> bool:
    # interleave so drift on the machine hits both sides alike
    ours, ref = [], []
    for _ in range(runs):
        ours.append(_process_wall_time("import carecontinuum", 1))
        ref.append(_process_wall_time("import pydantic, pint, networkx", 1))
    o, r = statistics.median(ours), statistics.median(ref)
    ratio = o / r
    ok = ratio <= 0.4
    print(f"import carecontinuum           {o * 1e3:7.1f} ms")
    print(f"import pydantic, pint, networkx {r * 1e3:7.1f} ms")
    print(f"  ratio {ratio:.3f}  (target ≤ 0.40)  {'OK' if ok else 'MISSED'}")
    return ok


def bench_lookups() -> bool:
    setup = (
        "import carecontinuum as cc\n"
        "cc.level('IOP'); cc.modality('CBT')\n"
        "d = {lv.code: lv for lv in cc.default_continuum()}\n"
    )
    ref = _per_call("d['intensive_outpatient']", setup)
    all_ok = True
    for label, stmt in (
        ("level('intensive_outpatient')", "cc.level('intensive_outpatient')"),
        ("modality('cognitive_behavioral_therapy')", "cc.modality('cognitive_behavioral_therapy')"),
        ("level('IOP')  [alias]", "cc.level('IOP')"),
        ("modality('CBT') [alias]", "cc.modality('CBT')"),
    ):
        t = _per_call(stmt, setup)
        exact = "alias" not in label
        ok = t < 1e-6
        all_ok &= ok or not exact
        verdict = ("OK" if ok else "MISSED") if exact else "(info)"
        print(
            f"{label:42s} {t * 1e9:7.0f} ns  = {t / ref:5.1f}× a dict lookup "
            f"({ref * 1e9:.0f} ns)  target < 1000 ns {verdict}"
        )
    return all_ok


def main() -> int:
    print("== import time (median of interleaved runs)")
    ok = bench_import()
    print("== exact-code lookups (best of 7 × 200,000 calls)")
    ok &= bench_lookups()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
