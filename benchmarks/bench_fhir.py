"""FHIR bridge benchmark: streaming NDJSON export against fhir.resources models.

Run with ``python benchmarks/bench_fhir.py`` (a few minutes on a shared
2-core machine; ``--quick`` uses 20,000 people).  Every figure is measured in
the same run and printed as a ratio; nothing here is asserted by the tests.

Targets (issue 12), for 100,000 SYNTHETIC journeys (about 1 M placements,
``journeys.synthetic_cohort`` + ``population.journeys_from_frame``):

* ``write_ndjson`` at ≥ 20× the throughput of building the same resources as
  fhir.resources models and dumping them.  The anchor validates each resource
  dict (built beforehand, outside its timing) into its fhir.resources model,
  dumps it with ``model_dump_json`` and writes the line to a file: the
  cheapest honest way to produce the same NDJSON through fhir.resources.  It
  is measured on a sample and extrapolated linearly, per resource; the
  output says so.  Both sides write to the same kind of directory (tmpfs when
  the machine has one), so disk speed does not decide the ratio.
* streaming: peak memory (tracemalloc) while writing 10,000 and 100,000
  journeys from a generator is about the same (target: 100k ≤ 1.5 × 10k).

Journeys are built from the frame in chunks of people as the writer asks for
them; the time spent building them is measured and taken out of the writer's
time (it is the population module's cost, not the bridge's).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import carecontinuum as cc
from carecontinuum.fhir import to_fhir, write_ndjson
from carecontinuum.journeys import synthetic_cohort
from carecontinuum.journeys.population import journeys_from_frame

CHUNK = 2_000  # people per call of journeys_from_frame


class Clock:
    """Seconds spent building journeys inside the generator."""

    def __init__(self) -> None:
        self.seconds = 0.0


def journeys(frame: Any, people: int, clock: Clock) -> Iterator[cc.Journey]:
    """The journeys of the first *people* people, built chunk by chunk as they are asked for."""
    person = frame["person_id"].to_numpy()
    edges = [*range(0, people, CHUNK), people]  # the last chunk stops at *people*
    bounds = np.searchsorted(person, edges).tolist()
    for a, b in itertools.pairwise(bounds):
        if a >= b:
            continue
        start = time.perf_counter()
        batch = journeys_from_frame(frame.iloc[a:b], progress=False)
        clock.seconds += time.perf_counter() - start
        yield from batch
        del batch  # free this chunk before the next is built


def scratch_dir() -> tempfile.TemporaryDirectory[str]:
    shm = Path("/dev/shm")
    return tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None)


def bench_write(frame: Any, people: int) -> tuple[float, int, float]:
    """Seconds the writer itself took, resources written, seconds spent building journeys."""
    clock = Clock()
    with scratch_dir() as out:
        start = time.perf_counter()
        files = write_ndjson(journeys(frame, people, clock), out)
        total = time.perf_counter() - start
    return total - clock.seconds, sum(f.count for f in files), clock.seconds


def _ndjson_resources(journey: cc.Journey, n: int) -> list[dict[str, Any]]:
    """The resources write_ndjson writes for journey number *n*, as dicts."""
    bundle = to_fhir(journey)
    resources = [e["resource"] for e in bundle["entry"]]
    resources[0]["id"] = f"journey-{n}"
    for i, enc in enumerate(resources[1:], start=1):
        enc["id"] = f"journey-{n}-{i}"
        enc["episodeOfCare"] = [{"reference": f"EpisodeOfCare/journey-{n}"}]
    return resources


def bench_anchor(frame: Any, sample: int) -> tuple[float, float, int, bool]:
    """fhir.resources on the first *sample* people.

    Returns the seconds to validate, dump and write, the seconds to validate
    only, the number of resources, and whether the JSON equals write_ndjson's.
    """
    from fhir.resources import get_fhir_model_class

    clock = Clock()
    items = list(journeys(frame, sample, clock))
    resources = [r for n, j in enumerate(items, start=1) for r in _ndjson_resources(j, n)]
    models = {kind: get_fhir_model_class(kind) for kind in {r["resourceType"] for r in resources}}
    with scratch_dir() as out:
        start = time.perf_counter()
        handles = {k: (Path(out) / f"{k}.ndjson").open("wb", buffering=1 << 20) for k in models}
        for r in resources:
            line = models[r["resourceType"]].model_validate(r).model_dump_json()
            handles[r["resourceType"]].write(line.encode("utf-8") + b"\n")
        for h in handles.values():
            h.close()
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        for r in resources:
            models[r["resourceType"]].model_validate(r)
        validate_only = time.perf_counter() - start
        anchor_lines = {k: (Path(out) / f"{k}.ndjson").read_text().splitlines() for k in models}
    with scratch_dir() as mine:
        write_ndjson(items, mine)
        ours = {k: (Path(mine) / f"{k}.ndjson").read_text().splitlines() for k in models}
    same = all(
        [json.loads(x) for x in anchor_lines[k]] == [json.loads(y) for y in ours[k]] for k in models
    )
    return seconds, validate_only, len(resources), same


def bench_memory(frame: Any, people: int) -> float:
    """Peak traced memory (MiB) while writing *people* journeys from the generator."""
    clock = Clock()
    with scratch_dir() as out:
        tracemalloc.start()
        try:
            write_ndjson(journeys(frame, people, clock), out)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="people for the anchor")
    parser.add_argument("--quick", action="store_true", help="20,000 people, 1,000 sampled")
    args = parser.parse_args(argv)
    people, sample = (20_000, 1_000) if args.quick else (args.people, args.sample)
    small = max(people // 10, 1)

    start = time.perf_counter()
    frame = synthetic_cohort(people, seed=12, progress=False)
    print(
        f"synthetic cohort: {people:,} people, {len(frame):,} placements "
        f"({time.perf_counter() - start:.1f} s, SYNTHETIC data)"
    )

    seconds, count, building = bench_write(frame, people)
    ours = count / seconds
    print("== write_ndjson, streamed from a generator of journeys")
    print(
        f"  {count:,} resources in {seconds:.1f} s = {ours:,.0f} resources/s "
        f"(+ {building:.1f} s building the journeys, not counted)"
    )

    a_seconds, a_validate, a_count, same = bench_anchor(frame, sample)
    anchor = a_count / a_seconds
    print(
        f"== anchor: fhir.resources models (model_validate + model_dump_json + write), "
        f"measured on {sample:,} people"
    )
    print(
        f"  {a_count:,} resources in {a_seconds:.1f} s = {anchor:,.0f} resources/s; "
        f"same JSON as write_ndjson: {'yes' if same else 'NO'}"
    )
    print(f"  extrapolated linearly to {count:,} resources: {count / anchor:.0f} s")
    validate_rate = a_count / a_validate
    print(
        f"  (model_validate alone, no dump: {validate_rate:,.0f} resources/s; "
        f"write_ndjson is {ours / validate_rate:.1f}× that)"
    )
    ratio = ours / anchor
    speed_ok = ratio >= 20 and same
    print(f"  ratio {ratio:.1f}×  (target ≥ 20×)  {'OK' if speed_ok else 'MISSED'}")

    print("== peak memory while streaming (tracemalloc)")
    low = bench_memory(frame, small)
    high = bench_memory(frame, people)
    growth = high / low
    memory_ok = growth <= 1.5
    print(f"  {small:,} journeys: {low:.1f} MiB   {people:,} journeys: {high:.1f} MiB")
    print(
        f"  ratio {growth:.2f}  (target ≤ 1.5: independent of the count)  "
        f"{'OK' if memory_ok else 'MISSED'}"
    )
    return 0 if speed_ok and memory_ok else 1


if __name__ == "__main__":
    sys.exit(main())
