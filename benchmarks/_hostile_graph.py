"""Hostile and bulk inputs to the transition graph, as named timing cases.

Run with ``python benchmarks/_hostile_graph.py``; ``benchmarks/bench_hostile.py``
imports :data:`CASES` and runs them with its own cases.  Nothing here is
asserted by the test suite.

Each :class:`Case` times one public entry point on one input (built before the
timed call) and prints its time against its target and against an *anchor*:
the strongest honest reference measured in the same run.  For bulk node-link
import the anchor is the work no implementation can skip — pydantic validating
the same levels and moves (and, for JSON text, ``json.loads`` of it), with the
garbage collector paused — so the ratio shows what building the graph (and,
for text, the strict JSON reader) adds on top.

Targets (issue 9 §1):

* node-link import of 100,000 levels and 100,000 moves ≤ 2 s;
* every other case: an input of ≤ 1 MB finishes or is refused within 50 ms.

A *linearity* line times the same import at 10,000 and 100,000 levels: a
ratio near 10 means linear (the old code rebuilt the index per edge, so it
grew with the square).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from _timing import gc_paused

__all__ = ["CASES", "Case", "main", "run"]

Timed = Callable[[], object]


@dataclass(frozen=True)
class Case:
    """One timing case: *prepare* builds the input and returns the call to time."""

    name: str
    target: float
    """Seconds."""
    prepare: Callable[[], Timed]
    anchor: Callable[[], Timed] | None = None
    anchor_name: str = ""
    repeat: int = 3


def _big_doc(n: int) -> dict[str, Any]:
    nodes = [
        {
            "id": f"l{i}",
            "code": f"l{i}",
            "name": f"Level {i}",
            "framework": "bulk",
            "rank": float(i),
            "setting": "ambulatory",
        }
        for i in range(n)
    ]
    edges = [{"source": f"l{i}", "target": f"l{i + 1}", "kind": "step_up"} for i in range(n - 1)]
    edges.append({"source": f"l{n - 1}", "target": "l0", "kind": "step_down"})
    return {"directed": True, "multigraph": False, "graph": {"name": "bulk"}, "nodes": nodes,
            "edges": edges}  # fmt: skip


def _import_dict(n: int) -> Timed:
    import carecontinuum as cc

    doc = _big_doc(n)
    return lambda: cc.ContinuumGraph.from_node_link(doc)


def _validate_only(n: int) -> Timed:
    from pydantic import TypeAdapter

    import carecontinuum as cc

    doc = _big_doc(n)
    levels = [{k: v for k, v in node.items() if k != "id"} for node in doc["nodes"]]
    level_list, edge_list = TypeAdapter(list[cc.CareLevel]), TypeAdapter(list[cc.Transition])
    return lambda: (level_list.validate_python(levels), edge_list.validate_python(doc["edges"]))


def _import_text(n: int) -> Timed:
    import carecontinuum as cc

    text = json.dumps(_big_doc(n))
    return lambda: cc.ContinuumGraph.from_node_link(text)


def _parse_and_validate(n: int) -> Timed:
    validate = _validate_only(n)
    text = json.dumps(_big_doc(n))
    return lambda: (json.loads(text), validate())


def _constructor(n: int) -> Timed:
    import carecontinuum as cc

    graph = cc.ContinuumGraph.from_node_link(_big_doc(n))
    levels, moves = graph.levels, graph.transitions
    return lambda: cc.ContinuumGraph(levels, moves, name="bulk")


def _dict_copy(n: int) -> Timed:
    import carecontinuum as cc

    graph = cc.ContinuumGraph.from_node_link(_big_doc(n))
    levels, moves = graph.levels, graph.transitions
    return lambda: ({lv.code: lv for lv in levels}, {(t.source, t.target): t for t in moves})


_MB = 1_000_000


def _refused(call: Callable[[], object]) -> Timed:
    def run() -> object:
        from pydantic import ValidationError

        from carecontinuum.errors import CareContinuumError

        try:
            return call()
        except (CareContinuumError, ValidationError, TypeError) as err:
            return err

    return run


def _huge_name_doc() -> dict[str, Any]:
    import carecontinuum as cc

    doc = cc.default_graph().to_node_link()
    doc["nodes"][0]["name"] = "x" * _MB
    return doc


def _huge_name_import() -> Timed:
    import carecontinuum as cc

    text = json.dumps(_huge_name_doc())
    return _refused(lambda: cc.ContinuumGraph.from_node_link(text))


def _export(method: str) -> Callable[[], Timed]:
    def prepare() -> Timed:
        import carecontinuum as cc

        graph = cc.ContinuumGraph.from_node_link(_huge_name_doc())
        return _refused(getattr(graph, method))

    return prepare


def _nested() -> Timed:
    import carecontinuum as cc

    text = '{"nodes": ' + "[" * (_MB // 2) + "]" * (_MB // 2) + "}"
    return _refused(lambda: cc.ContinuumGraph.from_node_link(text))


def _duplicate_keys() -> Timed:
    import carecontinuum as cc

    text = '{"nodes": [], "graph": {' + ", ".join(f'"k{i}": 1' for i in range(60_000)) + "}}"
    return _refused(lambda: cc.ContinuumGraph.from_node_link(text))


def _many_edges_to_nowhere() -> Timed:
    import carecontinuum as cc

    doc = cc.default_graph().to_node_link()
    doc["edges"] = [
        {"source": "outpatient", "target": f"nowhere-{i}", "kind": "step_up"} for i in range(12_000)
    ]
    text = json.dumps(doc)
    return _refused(lambda: cc.ContinuumGraph.from_node_link(text))


def _huge_key() -> Timed:
    import carecontinuum as cc

    graph, key = cc.default_graph(), "resi" * (_MB // 4)
    return _refused(lambda: graph.step_down_path(key, "OP"))


def _cli_graph_file() -> Timed:
    import tempfile
    from pathlib import Path

    from carecontinuum.cli import invoke

    folder = Path(tempfile.mkdtemp())
    path = folder / "big-name.json"
    path.write_text(json.dumps(_huge_name_doc()), encoding="utf-8")
    return lambda: invoke(["graph", "--graph-file", str(path), "--format", "dot"])


CASES: list[Case] = [
    Case(
        "node-link import: 100,000 levels + 100,000 moves (data)",
        2.0,
        lambda: _import_dict(100_000),
        lambda: _validate_only(100_000),
        "pydantic validation of the same levels and moves",
        repeat=2,
    ),
    Case(
        "node-link import: 100,000 levels + 100,000 moves (JSON text)",
        2.0,
        lambda: _import_text(100_000),
        lambda: _parse_and_validate(100_000),
        "json.loads (not strict) + pydantic validation",
        repeat=2,
    ),
    Case(
        "ContinuumGraph(levels, moves): 100,000 + 100,000",
        2.0,
        lambda: _constructor(100_000),
        lambda: _dict_copy(100_000),
        "two dict comprehensions over the same objects",
        repeat=2,
    ),
    Case("node-link JSON with a 1 MB level name", 0.05, _huge_name_import),
    Case("to_mermaid() of a level with a 1 MB name", 0.05, _export("to_mermaid")),
    Case("to_dot() of a level with a 1 MB name", 0.05, _export("to_dot")),
    Case("to_graphml() of a level with a 1 MB name", 0.05, _export("to_graphml")),
    Case("node-link JSON nested 500,000 deep (1 MB)", 0.05, _nested),
    Case("node-link JSON: 60,000 unknown graph keys (1 MB)", 0.05, _duplicate_keys),
    Case("node-link JSON: 12,000 edges to missing levels", 0.05, _many_edges_to_nowhere),
    Case("step_down_path() with a 1 MB level key", 0.05, _huge_key),
    Case("CLI: graph --graph-file with a 1 MB level name", 0.05, _cli_graph_file),
]


def _best(call: Timed, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def run(case: Case) -> tuple[float, float | None]:
    """Best time of *case* and of its anchor, in seconds (inputs built beforehand).

    The anchor runs with the garbage collector paused (as the library pauses it
    for large documents), so it is the strongest reference for the same work.
    """
    ours = _best(case.prepare(), case.repeat)
    anchor = _best(gc_paused(case.anchor()), case.repeat) if case.anchor is not None else None
    return ours, anchor


def _linearity() -> str:
    small = _best(_import_dict(10_000), 3)
    large = _best(_import_dict(100_000), 2)
    return (
        f"  linearity: node-link import of 10,000 → 100,000 levels takes {large / small:4.1f}× "
        f"as long ({small:.3f} s → {large:.3f} s; linear ≈ 10×, quadratic ≈ 100×)"
    )


def main() -> bool:
    """Run every case, print one line each; True when every target is met."""
    print("hostile and bulk input to the transition graph (best of a few runs)")
    ok_all = True
    for case in CASES:
        ours, anchor = run(case)
        ok = ours <= case.target
        ok_all &= ok
        line = f"  {case.name:62s} {ours * 1e3:9.1f} ms  target ≤ {case.target * 1e3:6.0f} ms"
        line += f" {'OK' if ok else 'MISSED'}"
        if anchor is not None:
            ratio = ours / anchor
            line += f"\n      {case.anchor_name}: {anchor * 1e3:.1f} ms (ratio {ratio:.2f}×)"
        print(line)
    print(_linearity())
    return ok_all


if __name__ == "__main__":
    print("all targets met" if main() else "SOME TARGETS MISSED")
