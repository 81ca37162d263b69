"""Population-analytics benchmark: the vectorized transition matrix vs. a loop over journeys.

Run with ``python benchmarks/bench_journeys.py``.  The data is SYNTHETIC
(``carecontinuum.journeys.synthetic_cohort``, seeded).  Nothing here is
asserted by the test suite.

Targets (transitions issue):
* ``population.transition_matrix`` over 1,000,000 placements of 100,000 people ≤ 2 s;
* ≥ 50× faster than counting moves by looping over ``Journey`` objects.  The
  loop is measured on a sample of people and extrapolated linearly to the full
  population (it is linear in the number of placements); both the loop that
  builds the journeys from the rows and the loop over journeys already built
  are reported.
"""

from __future__ import annotations

import time
from collections import Counter

from carecontinuum.journeys import population, synthetic_cohort

N_PEOPLE = 100_000
SAMPLE_PEOPLE = 2_000


def _best(func: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> bool:
    df = synthetic_cohort(N_PEOPLE, seed=42)
    n_rows = len(df)
    print(f"SYNTHETIC cohort: {N_PEOPLE:,} people, {n_rows:,} placements")
    # shuffled rows: the function must sort, as it would with real extracts
    shuffled = df.sample(frac=1.0, random_state=0)

    t_vec = _best(lambda: population.transition_matrix(shuffled), repeat=3)
    t_sorted = _best(lambda: population.transition_matrix(df), repeat=3)

    sample = df[df["person_id"] < SAMPLE_PEOPLE]
    scale = n_rows / len(sample)

    def build_and_count() -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for journey in population.journeys_from_frame(sample):
            counts.update((m.source, m.target) for m in journey.transitions)
        return counts

    journeys = population.journeys_from_frame(sample)

    def count_only() -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for journey in journeys:
            counts.update((m.source, m.target) for m in journey.transitions)
        return counts

    # the two must agree on the sample
    matrix = population.transition_matrix(sample)
    loop = count_only()
    assert all(matrix.loc[a, b] == n for (a, b), n in loop.items())
    assert sum(loop.values()) == int(matrix.to_numpy().sum())

    t_build = _best(build_and_count, repeat=2) * scale
    t_count = _best(count_only, repeat=3) * scale

    ok_time = t_vec <= 2.0
    ok_build = t_build / t_vec >= 50
    ok_count = t_count / t_vec >= 50
    print(
        f"transition_matrix, rows shuffled      {t_vec:8.3f} s   "
        f"target ≤ 2 s {'OK' if ok_time else 'MISSED'}  (ratios below use this time)"
    )
    print(f"transition_matrix, rows already sorted {t_sorted:7.3f} s")
    print(
        f"loop: rows → Journey objects → count  {t_build:8.3f} s   "
        f"(measured on {len(sample):,} placements, ×{scale:.1f})   "
        f"ratio {t_build / t_vec:6.1f}×  target ≥ 50× {'OK' if ok_build else 'MISSED'}"
    )
    print(
        f"loop: prebuilt Journey objects → count {t_count:7.3f} s   "
        f"(measured on {len(sample):,} placements, ×{scale:.1f})   "
        f"ratio {t_count / t_vec:6.1f}×  target ≥ 50× {'OK' if ok_count else 'MISSED'}"
    )
    return ok_time and ok_build and ok_count


if __name__ == "__main__":
    print("all targets met" if main() else "SOME TARGETS MISSED")
