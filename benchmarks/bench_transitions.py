"""Transition-graph and journey-check benchmarks.

Run with ``python benchmarks/bench_transitions.py``.  Each figure is measured
in the same run as a reference and printed with the ratio; nothing here is
asserted by the test suite.

Targets (transitions issue; issue 8 §7):
* ``cc.default_graph()`` ≤ 5 µs — a fresh, independent graph each call,
  sharing the built index copy-on-write (reference: a shallow copy of the
  graph's attribute dictionary, the least any copy can do); and the first
  query on that fresh graph stays a query, not an index rebuild;
* a query on the default graph ≤ 20 µs (reference: a comparable answer read
  with networkx calls — an edge lookup for ``transition``, filtering out-edges
  for the others — which the graph's cached dictionaries replace);
* checking a 10-placement journey against the default graph ≤ 200 µs
  (reference: constructing the same journey from plain data).
"""

from __future__ import annotations

import timeit

_SETUP = """
import datetime as dt
import networkx as nx
import carecontinuum as cc
g = cc.default_graph()
iop = cc.level("IOP")
g.transition("OP", "IOP")
nxg = g.nx_graph

def nx_step_ups(code):
    rank = nxg.nodes[code]["level"].rank
    found = [d["transition"] for _, b, d in nxg.out_edges(code, data=True)
             if d["transition"].kind is cc.TransitionKind.STEP_UP]
    return sorted(found, key=lambda t: nxg.nodes[t.target]["level"].rank - rank)

def nx_transition(a, b):
    if nxg.has_edge(a, b):
        return nxg.edges[a, b]["transition"]
    raise KeyError((a, b))

levels = ["residential", "PHP", "IOP", "OP", "IOP", "PHP", "IOP", "OP", "inpatient acute", "IOP"]
data = []
day = dt.date(2024, 1, 1)
for code in levels:
    end = day + dt.timedelta(days=21)
    data.append({"level": code, "start": day, "end": end, "discharge_reason": 4})
    day = end
journey = cc.Journey(person_id=1, placements=data)
assert journey.check() == [], journey.check()
"""


def _per_call(stmt: str, number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, _SETUP, number=number, repeat=repeat)) / number


def bench_queries() -> bool:
    ok_all = True
    cases = [
        (
            "transition(codes)",
            "g.transition('outpatient', 'intensive_outpatient')",
            "nx_transition('outpatient', 'intensive_outpatient')",
        ),
        (
            "transition(aliases 'IOP', 'OP')",
            "g.transition('IOP', 'OP')",
            "nx_transition('intensive_outpatient', 'outpatient')",
        ),
        (
            "transition(CareLevel, code)",
            "g.transition(iop, 'outpatient')",
            "nx_transition('intensive_outpatient', 'outpatient')",
        ),
        ("step_ups('IOP')", "g.step_ups('IOP')", "nx_step_ups('intensive_outpatient')"),
        (
            "step_downs('inpatient_acute')",
            "g.step_downs('inpatient_acute')",
            "nx_step_ups('outpatient')",
        ),
        (
            "nearest_less_intensive('PHP')",
            "g.nearest_less_intensive('PHP')",
            "nx_step_ups('partial_hospitalization')",
        ),
        (
            "step_down_path(acute, OP)",
            "g.step_down_path('inpatient_acute', 'OP')",
            "nx_step_ups('outpatient')",
        ),
    ]
    print("queries on the default graph (best of 7, per call)")
    for label, ours, ref in cases:
        t_ours = _per_call(ours, 20_000)
        t_ref = _per_call(ref, 20_000)
        ok = t_ours <= 20e-6
        ok_all &= ok
        print(
            f"  {label:32s} {t_ours * 1e6:7.2f} µs   networkx-call reference {t_ref * 1e6:6.2f} µs "
            f"(ratio {t_ref / t_ours:5.1f}×)  target ≤ 20 µs {'OK' if ok else 'MISSED'}"
        )
    return ok_all


def bench_default_graph() -> bool:
    t_new = _per_call("cc.default_graph()", 50_000)
    t_ref = _per_call("dict(g.__dict__)", 50_000)
    t_query = _per_call("cc.default_graph().transition('OP', 'IOP')", 20_000)
    t_edit = _per_call("cc.default_graph().remove_transition('OP', 'IOP')", 5_000)
    ok = t_new <= 5e-6 and t_query <= 5e-6 + 20e-6
    print("a fresh default graph (copy-on-write)")
    print(
        f"  cc.default_graph()               {t_new * 1e6:7.2f} µs   shallow dict copy reference "
        f"{t_ref * 1e6:5.2f} µs (ratio {t_new / t_ref:4.1f}×)  target ≤ 5 µs "
        f"{'OK' if t_new <= 5e-6 else 'MISSED'}"
    )
    print(
        f"  ... then transition('OP','IOP')  {t_query * 1e6:7.2f} µs   (the index is shared: "
        f"no rebuild)  target ≤ 25 µs {'OK' if t_query <= 25e-6 else 'MISSED'}"
    )
    print(
        f"  ... then remove_transition()     {t_edit * 1e6:7.2f} µs   (the first edit copies "
        "two small dicts; informational)"
    )
    return ok


def bench_journey_check() -> bool:
    t_check = _per_call("journey.check()", 5_000)
    t_build = _per_call("cc.Journey(person_id=1, placements=data)", 2_000)
    ok = t_check <= 200e-6
    print("checking a 10-placement journey against the default graph")
    print(
        f"  journey.check()            {t_check * 1e6:7.1f} µs   building it from dicts "
        f"{t_build * 1e6:7.1f} µs (check/build {t_check / t_build:4.2f})  "
        f"target ≤ 200 µs {'OK' if ok else 'MISSED'}"
    )
    return ok


if __name__ == "__main__":
    results = [bench_default_graph(), bench_queries(), bench_journey_check()]
    print("all targets met" if all(results) else "SOME TARGETS MISSED")
