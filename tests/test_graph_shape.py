"""The shape of ``ContinuumGraph``: one public class composed from facets, its API unchanged.

The class is built from topic classes (core, building, node-link, queries,
pathways, exports, drawing), each in its own module with its real code; no
facet imports the module that composes them.  Every public method keeps the
signature it had before the split, resolves its type hints and is documented.
Copies are copy-on-write: cheap, yet independent — checked against a model
with Hypothesis.
"""

from __future__ import annotations

import ast
import inspect
import pickle
import sys
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.transitions import _core, _index

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "carecontinuum" / "transitions"

#: Every public member of ContinuumGraph and its signature, as before the facets.
SIGNATURES = {
    "__init__": "(self, levels: 'Iterable[CareLevel]' = (), transitions: 'Iterable[Transition]' "
    "= (), *, name: 'str' = 'graph', check: 'bool' = True) -> 'None'",
    "add_level": "(self, level: 'CareLevel', *, replace: 'bool' = False) -> 'CareLevel'",
    "add_transition": "(self, source: 'LevelKey | Transition', target: 'LevelKey | None' = None, "
    "/, kind: 'TransitionKind | str | None' = None, *, typical: 'bool' = False, rationale: 'str' "
    "= '', sources: 'Sequence[str]' = (), derived: 'bool' = False, replace: 'bool' = False, "
    "check: 'bool' = True) -> 'Transition'",
    "allows": "(self, source: 'LevelKey', target: 'LevelKey') -> 'bool'",
    "code": "(self, key: 'LevelKey') -> 'str'",
    "copy": "(self, *, name: 'str | None' = None) -> 'Self'",
    "describe_level": "(self, level: 'LevelKey') -> 'str'",
    "draw": "(self, ax: 'Axes | None' = None, *, typical_only: 'bool' = False) -> 'Axes'",
    "from_node_link": "(data: 'Mapping[str, Any] | str | bytes', *, check: 'bool' = True) "
    "-> 'Self'",
    "laterals": "(self, level: 'LevelKey') -> 'tuple[Transition, ...]'",
    "level": "(self, key: 'LevelKey') -> 'CareLevel'",
    "moves_from": "(self, level: 'LevelKey') -> 'tuple[Transition, ...]'",
    "moves_to": "(self, level: 'LevelKey') -> 'tuple[Transition, ...]'",
    "nearest_less_intensive": "(self, level: 'LevelKey') -> 'CareLevel | None'",
    "nearest_more_intensive": "(self, level: 'LevelKey') -> 'CareLevel | None'",
    "reachable": "(self, source: 'LevelKey', target: 'LevelKey') -> 'bool'",
    "reachable_from": "(self, level: 'LevelKey') -> 'tuple[CareLevel, ...]'",
    "remove_level": "(self, key: 'LevelKey') -> 'CareLevel'",
    "remove_transition": "(self, source: 'LevelKey', target: 'LevelKey') -> 'Transition'",
    "step_down_path": "(self, source: 'LevelKey', target: 'LevelKey', *, gradual: 'bool' = False)"
    " -> 'tuple[CareLevel, ...]'",
    "step_downs": "(self, level: 'LevelKey', *, typical: 'bool | None' = None) "
    "-> 'tuple[Transition, ...]'",
    "step_ups": "(self, level: 'LevelKey', *, typical: 'bool | None' = None) "
    "-> 'tuple[Transition, ...]'",
    "subgraph": "(self, levels: 'Iterable[LevelKey]', *, name: 'str | None' = None) -> 'Self'",
    "to_dot": "(self) -> 'str'",
    "to_graphml": "(self) -> 'str'",
    "to_mermaid": "(self) -> 'str'",
    "to_networkx": "(self) -> 'Any'",
    "to_node_link": "(self) -> 'dict[str, Any]'",
    "transition": "(self, source: 'LevelKey', target: 'LevelKey') -> 'Transition'",
    "validate": "(self) -> 'list[Finding]'",
}
PROPERTIES = {"name", "nx_graph", "levels", "codes", "transitions"}


def _public_members() -> dict[str, object]:
    return {
        name: inspect.getattr_static(cc.ContinuumGraph, name)
        for name in dir(cc.ContinuumGraph)
        if not name.startswith("_") or name == "__init__"
    }


def test_the_public_api_is_what_it_was() -> None:
    members = _public_members()
    assert set(members) == set(SIGNATURES) | PROPERTIES
    for name, expected in SIGNATURES.items():
        assert str(inspect.signature(getattr(cc.ContinuumGraph, name))) == expected, name
    for name in PROPERTIES:
        assert isinstance(members[name], property), name


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_type_hints_resolve_on_every_method(name: str) -> None:
    # through the class, as help() and typing see it: inherited facet methods included
    hints = typing.get_type_hints(getattr(cc.ContinuumGraph, name), include_extras=True)
    assert "return" in hints


@pytest.mark.parametrize("name", sorted(set(SIGNATURES) - {"__init__"}))
def test_every_method_documents_raises_or_returns_and_has_an_example(name: str) -> None:
    doc = inspect.getdoc(getattr(cc.ContinuumGraph, name)) or ""
    assert "Examples\n--------\n>>>" in doc, name
    if name not in {"to_networkx", "to_node_link", "describe_level"}:
        assert "Raises\n------" in doc or "Returns\n-------" in doc, name


def test_the_class_is_composed_from_facets_none_of_which_imports_the_composer() -> None:
    facets = [c for c in cc.ContinuumGraph.__mro__[1:] if c.__module__.startswith("carecontinuum")]
    modules = {c.__module__.rpartition(".")[2] for c in facets}
    assert modules == {"_core", "_editing", "_node_link", "_queries", "_paths", "_export", "_draw"}
    for module in modules:
        tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module is not None
        }
        assert "_graph" not in imported, module
        assert not [n for n in imported if n.endswith("._graph")], module
    own = {n for n, v in vars(cc.ContinuumGraph).items() if callable(v) and not n.startswith("__")}
    assert own == {"_repr_mimebundle_"}  # the composer adds only the constructor and display


def test_the_api_page_lists_the_facets_methods() -> None:
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        from carecontinuum_docs.api import _directive
    finally:
        sys.path.pop(0)
    lines = _directive("ContinuumGraph", cc.ContinuumGraph, "carecontinuum.ContinuumGraph")
    assert "   :inherited-members:" in lines
    assert "   :members:" in lines


# -- copy-on-write -------------------------------------------------------------------------

_LEVELS = [cc.level(c) for c in ("OP", "IOP", "PHP", "residential", "inpatient_acute")]
DEFAULT_MOVES = cc.default_graph().transitions
_CODES = [lv.code for lv in _LEVELS]
_EDIT = st.one_of(
    st.tuples(st.just("remove_level"), st.sampled_from(_CODES)),
    st.tuples(st.just("add_level"), st.sampled_from(_CODES)),
    st.tuples(st.just("add"), st.sampled_from(_CODES), st.sampled_from(_CODES), st.booleans()),
    st.tuples(st.just("remove"), st.sampled_from(_CODES), st.sampled_from(_CODES)),
    st.tuples(st.just("copy"), st.integers(0, 3)),
)


@dataclass
class Model:
    """What a graph should hold: level codes and (source, target) -> typical."""

    codes: set[str]
    edges: dict[tuple[str, str], bool]

    def copy(self) -> Model:
        return Model(set(self.codes), dict(self.edges))


def _apply(graph: cc.ContinuumGraph, model: Model, edit: tuple[object, ...]) -> None:
    """Apply *edit* to the graph and to its model (where the edit is possible)."""
    kind, *args = edit
    a = str(args[0])
    if kind == "remove_level" and a in model.codes:
        graph.remove_level(a)
        model.codes.discard(a)
        model.edges = {p: v for p, v in model.edges.items() if a not in p}
    elif kind == "add_level" and a not in model.codes:
        graph.add_level(cc.level(a))
        model.codes.add(a)
    elif kind == "add" and {a, str(args[1])} <= model.codes and a != args[1]:
        graph.add_transition(a, str(args[1]), typical=bool(args[2]), replace=True)
        model.edges[(a, str(args[1]))] = bool(args[2])
    elif kind == "remove" and (a, args[1]) in model.edges:
        graph.remove_transition(a, str(args[1]))
        del model.edges[(a, str(args[1]))]


def _state(graph: cc.ContinuumGraph) -> Model:
    return Model(set(graph.codes), {(t.source, t.target): t.typical for t in graph.transitions})


@given(st.lists(st.tuples(st.integers(0, 3), _EDIT), max_size=30))
@settings(max_examples=80, deadline=None)
def test_copies_change_independently(edits: list[tuple[int, tuple[object, ...]]]) -> None:
    graphs = [cc.default_graph()]
    models = [_state(graphs[0])]
    for which, edit in edits:
        i = which % len(graphs)
        if edit[0] == "copy":
            graphs.append(graphs[i].copy())
            models.append(models[i].copy())
            continue
        _apply(graphs[i], models[i], edit)
        assert _state(graphs[i]) == models[i]  # queried between edits: indexes get built
    for graph, model in zip(graphs, models, strict=True):
        assert _state(graph) == model
    assert _state(cc.default_graph()) == _state(cc.ContinuumGraph(_LEVELS, DEFAULT_MOVES))


def test_default_graph_is_fresh_and_shares_its_index() -> None:
    shared = cc.transitions._default.shared_default_graph()
    shared.transition("OP", "IOP")
    a, b = cc.default_graph(), cc.default_graph()
    assert a is not b
    assert a._index is shared._index  # copy-on-write: the built index is shared ...
    a.remove_level("PHP")
    assert a._index is None  # ... until the copy changes
    assert len(b) == 5
    assert b._index is shared._index
    assert len(shared) == 5


def test_copy_with_a_new_name_names_it_in_messages() -> None:
    g = cc.default_graph().copy(name="mine")
    with pytest.raises(cc.UnknownLevelError, match="graph 'mine' has no care level 'nowhere'"):
        g.level("nowhere")
    assert repr(g) == "ContinuumGraph('mine', 5 levels, 17 transitions)"


def test_pickles_without_derived_state() -> None:
    g = cc.default_graph()
    g.transition("IOP", "OP")
    g._repr_mimebundle_(include=["text/markdown"])
    state = g.__getstate__()
    assert set(state) == {"name", "levels", "transitions"}
    back = pickle.loads(pickle.dumps(g))
    assert back == g
    assert back._index is None
    assert back.transition("IOP", "OP") == g.transition("IOP", "OP")


# -- linear bulk construction ----------------------------------------------------------------


def test_bulk_construction_builds_no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []
    original = _index.build_index

    def counting(*args: object, **kwargs: object) -> _index.GraphIndex:
        builds.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_core, "build_index", counting)
    n = 3000
    levels = [
        cc.CareLevel(code=f"l{i}", name=f"L{i}", framework="t", rank=i, setting="ambulatory")
        for i in range(n)
    ]
    moves = [
        cc.Transition(source=f"l{i}", target=f"l{i + 1}", kind="step_up") for i in range(n - 1)
    ]
    g = cc.ContinuumGraph(levels, moves)
    assert builds == []
    data = g.to_node_link()  # a query: builds the index once
    assert builds == [1]
    back = cc.ContinuumGraph.from_node_link(data)
    for i in range(n - 1):  # one edge at a time, by code and by CareLevel: no index per edge
        back.add_transition(f"l{i + 1}", levels[i], typical=i % 2 == 0)
    assert builds == [1]
    assert len(back.transitions) == 2 * (n - 1)
    assert builds == [1, 1]


def test_edits_keep_the_alias_resolver_until_levels_change() -> None:
    g = cc.default_graph().copy(name="aliases")
    resolver = g._resolve()
    g.add_transition("PHP", "OP")  # by alias
    g.remove_transition("PHP", "OP")
    assert g._resolve() is resolver
    g.add_level(cc.level("2.1", framework="asam3"))
    assert g._resolve() is not resolver
