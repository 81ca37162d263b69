"""Graph exports (networkx, node-link, GraphML, DOT, Mermaid), drawing and notebook display."""

from __future__ import annotations

import itertools
import json
import re
import sys
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum import TransitionKind

_CODES = st.from_regex(r"[a-z][a-z0-9_.\-]{0,8}", fullmatch=True)
_RANKS = st.integers(0, 4).map(float) | st.floats(-5, 5, allow_nan=False, allow_infinity=False)


@st.composite
def graphs(draw: st.DrawFn) -> cc.ContinuumGraph:
    n = draw(st.integers(1, 6))
    codes = draw(st.lists(_CODES, min_size=n, max_size=n, unique=True))
    levels = [
        cc.CareLevel(
            code=code,
            name=draw(st.text(min_size=1, max_size=12)),
            framework="test",
            rank=draw(_RANKS),
            setting=draw(st.sampled_from(list(cc.Setting))),
            description=draw(st.text(max_size=20)),
        )
        for code in codes
    ]
    g = cc.ContinuumGraph(levels, name=draw(st.text(max_size=10)))
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(codes), st.sampled_from(codes)).filter(
                lambda p: p[0] != p[1]
            ),
            unique=True,
            max_size=12,
        )
    )
    for a, b in pairs:
        g.add_transition(
            a,
            b,
            typical=draw(st.booleans()),
            rationale=draw(st.text(max_size=30)),
            sources=draw(st.lists(st.sampled_from(["SEED", "TIP47", "ASAM3"]), unique=True)),
            derived=draw(st.booleans()),
        )
    return g


transitions = st.lists(_CODES, min_size=2, max_size=2, unique=True).flatmap(
    lambda ends: st.builds(
        cc.Transition,
        source=st.just(ends[0]),
        target=st.just(ends[1]),
        kind=st.sampled_from(list(TransitionKind)),
        typical=st.booleans(),
        rationale=st.text(max_size=40),
        sources=st.lists(st.sampled_from(sorted(cc.SOURCES)), max_size=3).map(tuple),
        derived=st.booleans(),
    )
)


# -- properties --------------------------------------------------------------------


@given(graphs())
@settings(max_examples=60, deadline=None)
def test_node_link_round_trip_is_lossless(g: cc.ContinuumGraph) -> None:
    data = g.to_node_link()
    assert cc.ContinuumGraph.from_node_link(data) == g
    assert cc.ContinuumGraph.from_node_link(json.loads(json.dumps(data))) == g
    assert cc.ContinuumGraph.from_node_link(json.dumps(data)) == g  # type: ignore[arg-type]


@given(graphs())
@settings(max_examples=60, deadline=None)
def test_every_step_down_path_strictly_decreases_in_rank(g: cc.ContinuumGraph) -> None:
    for a in g.levels:
        for b in g.levels:
            for gradual in (False, True):
                try:
                    path = g.step_down_path(a, b, gradual=gradual)
                except cc.InvalidTransitionError:
                    continue
                assert path[0] == a
                assert path[-1] == b
                ranks = [lv.rank for lv in path]
                assert all(x > y for x, y in itertools.pairwise(ranks))
                for x, y in itertools.pairwise(path):
                    t = g.transition(x, y)
                    assert t.typical
                    assert t.kind is TransitionKind.STEP_DOWN


@given(graphs())
@settings(max_examples=30, deadline=None)
def test_fewest_moves_path_is_never_longer_than_gradual(g: cc.ContinuumGraph) -> None:
    for a in g.levels:
        for b in g.levels:
            try:
                short = g.step_down_path(a, b)
            except cc.InvalidTransitionError:
                continue
            assert len(short) <= len(g.step_down_path(a, b, gradual=True))


@given(transitions)
def test_transition_json_round_trip(t: cc.Transition) -> None:
    assert cc.Transition.model_validate_json(t.model_dump_json()) == t


_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@given(graphs())
@settings(max_examples=30, deadline=None)
def test_text_exports_write_or_refuse_clearly(g: cc.ContinuumGraph) -> None:
    # the text formats refuse exactly the characters XML 1.0 cannot carry, naming them
    names = [lv.name for lv in g.levels]
    in_dot = [g.name, *names, *(t.rationale for t in g.transitions)]
    for export, head, values in (
        (g.to_mermaid, "flowchart BT\n", names),
        (g.to_dot, "digraph ", in_dot),
    ):
        if any(_UNWRITABLE.search(v) for v in values):
            with pytest.raises(cc.transitions.GraphExportError) as err:
                export()
            assert err.value.format in {"Mermaid", "DOT"}
            assert f"U+{ord(err.value.char):04X}" in str(err.value)
        else:
            assert export().startswith(head)
    assert len(g.to_networkx()) == len(g)


# -- networkx ------------------------------------------------------------------------


def test_to_networkx_is_a_json_safe_copy() -> None:
    g = cc.default_graph()
    d = g.to_networkx()
    assert isinstance(d, nx.DiGraph)
    assert set(d.nodes) == set(g.codes)
    assert d.number_of_edges() == len(g.transitions)
    json.dumps(dict(d.nodes(data=True)))
    json.dumps(list(d.edges(data=True)))
    assert d.nodes["intensive_outpatient"]["name"] == "Intensive outpatient (IOP)"
    assert d.edges["outpatient", "intensive_outpatient"]["kind"] == "step_up"
    d.remove_node("outpatient")
    assert "outpatient" in g
    assert d.graph["name"] == "continuum"


def test_node_link_has_explicit_keys_and_reads_in_networkx() -> None:
    data = cc.default_graph().to_node_link()
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    assert data["graph"]["format"] == "carecontinuum.graph/1"
    first = data["nodes"][0]
    assert first["id"] == first["code"] == "outpatient"
    assert set(data["edges"][0]) == set(cc.Transition.model_fields)
    g = nx.node_link_graph(data, edges="edges")
    assert g.number_of_edges() == 17
    assert g.nodes["residential"]["setting"] == "residential"


def test_node_link_accepts_the_older_links_key() -> None:
    data = cc.default_graph().to_node_link()
    data["links"] = data.pop("edges")
    assert cc.ContinuumGraph.from_node_link(data) == cc.default_graph()


def test_node_link_bad_input() -> None:
    data = cc.default_graph().to_node_link()
    with pytest.raises(ValidationError, match="nodes"):
        cc.ContinuumGraph.from_node_link({"edges": []})
    bad_id = json.loads(json.dumps(data))
    bad_id["nodes"][0]["id"] = "op"
    with pytest.raises(ValidationError, match="node id 'op' differs from its level code"):
        cc.ContinuumGraph.from_node_link(bad_id)
    dangling = json.loads(json.dumps(data))
    dangling["nodes"] = dangling["nodes"][1:]
    with pytest.raises(cc.UnknownLevelError, match="'outpatient'"):
        cc.ContinuumGraph.from_node_link(dangling)
    upside_down = json.loads(json.dumps(data))
    upside_down["edges"][0]["kind"] = "step_down"  # outpatient -> IOP goes up
    with pytest.raises(cc.InvalidTransitionError, match="contradicts the levels' ranks"):
        cc.ContinuumGraph.from_node_link(upside_down)
    loaded = cc.ContinuumGraph.from_node_link(upside_down, check=False)
    assert [f.code for f in loaded.validate()] == ["kind-contradicts-rank"]
    bad_rank = json.loads(json.dumps(data))
    bad_rank["nodes"][2]["rank"] = "high"
    with pytest.raises(ValidationError, match="rank"):
        cc.ContinuumGraph.from_node_link(bad_rank)


def test_node_link_text_is_read_strictly() -> None:
    text = json.dumps(cc.default_graph().to_node_link())
    assert cc.ContinuumGraph.from_node_link(text.encode()) == cc.default_graph()
    twice = text.replace('"multigraph": false', '"multigraph": false, "multigraph": false')
    with pytest.raises(cc.InvalidJsonError, match="repeats the key 'multigraph'"):
        cc.ContinuumGraph.from_node_link(twice)
    with pytest.raises(cc.InvalidJsonError, match="NaN"):
        cc.ContinuumGraph.from_node_link(text.replace('"rank": 0.0', '"rank": NaN', 1))
    with pytest.raises(cc.InvalidJsonError, match="not UTF-8"):
        cc.ContinuumGraph.from_node_link(b"\xff" + text.encode())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(links=d["edges"]), "both 'edges' and 'links'"),
        (lambda d: d["graph"].update(format="carecontinuum.graph/9"), "graph.format"),
        (lambda d: d["graph"].update(colour="red"), "graph.colour"),
        (lambda d: d["graph"].update(name=3), "graph.name"),
        (lambda d: d.update(directed=False), "directed"),
        (lambda d: d["edges"][0].update(weight=2), "edges.0.weight"),
        (lambda d: d["edges"][0].update(typical="yes"), "edges.0.typical"),
    ],
)
def test_node_link_refuses_what_it_would_drop_or_change(change: Any, message: str) -> None:
    data = json.loads(json.dumps(cc.default_graph().to_node_link()))
    change(data)
    with pytest.raises(ValidationError, match=re.escape(message)):
        cc.ContinuumGraph.from_node_link(data)


def test_node_link_duplicates_are_refused() -> None:
    data = cc.default_graph().to_node_link()
    data["nodes"].append(dict(data["nodes"][0]))
    with pytest.raises(cc.DuplicateRegistrationError, match="'outpatient'"):
        cc.ContinuumGraph.from_node_link(data)
    data = cc.default_graph().to_node_link()
    data["edges"].append(dict(data["edges"][0]))
    with pytest.raises(cc.DuplicateRegistrationError, match="outpatient -> intensive_outpatient"):
        cc.ContinuumGraph.from_node_link(data)


@pytest.mark.parametrize("bad", [None, 3, ["nodes"], cc.default_graph()])
def test_node_link_of_the_wrong_type(bad: object) -> None:
    with pytest.raises(TypeError, match=r"^data must be node-link data \(a mapping\)"):
        cc.ContinuumGraph.from_node_link(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="check must be True or False, not str 'no'"):
        cc.ContinuumGraph.from_node_link({"nodes": []}, check="no")  # type: ignore[arg-type]


def test_node_link_edges_may_name_levels_by_alias() -> None:
    data = cc.default_graph().to_node_link()
    data["edges"][0] = {**data["edges"][0], "source": "OP", "target": "IOP"}
    assert cc.ContinuumGraph.from_node_link(data) == cc.default_graph()
    data["edges"][0] = {**data["edges"][0], "source": "OP", "target": "outpatient"}
    with pytest.raises(cc.InvalidTransitionError, match="name the same level 'outpatient'"):
        cc.ContinuumGraph.from_node_link(data)


# -- GraphML, DOT, Mermaid ------------------------------------------------------------


def test_graphml_reads_back() -> None:
    g = cc.default_graph()
    text = g.to_graphml()
    back = nx.parse_graphml(text)
    assert set(back.nodes) == set(g.codes)
    assert back.number_of_edges() == 17
    node = back.nodes["residential"]
    assert node["twenty_four_hour"] is True
    assert json.loads(node["sources"]) == list(g.level("residential").sources)
    edge = back.edges["outpatient", "intensive_outpatient"]
    assert edge["typical"] is True
    assert json.loads(edge["sources"]) == ["SEED", "TIP47"]


def test_dot_text() -> None:
    dot = cc.default_graph().to_dot()
    assert dot.startswith('digraph "continuum" {\n  rankdir=BT;')
    assert '"outpatient" [label="Outpatient"];' in dot
    line = next(x for x in dot.splitlines() if x.startswith('  "outpatient" -> "intensive_'))
    assert 'style=solid, label="step-up"' in line
    assert "tooltip=" in line
    assert '"outpatient" -> "residential" [color=firebrick, style=dashed' in dot


def test_dot_groups_equal_ranks_and_escapes() -> None:
    a = cc.CareLevel(code="a", name='Say "hi"', framework="t", rank=1, setting="ambulatory")
    b = cc.CareLevel(code="b", name="B", framework="t", rank=1, setting="ambulatory")
    dot = cc.ContinuumGraph([a, b], name="t").to_dot()
    assert '[label="Say \\"hi\\""]' in dot
    assert '{ rank=same; "a"; "b"; }' in dot


def test_mermaid_text_and_safe_ids() -> None:
    text = cc.default_graph().to_mermaid()
    assert "outpatient ==>|step-up| intensive_outpatient" in text
    assert "outpatient -.-> inpatient_acute" in text
    asam = cc.framework_graph("asam3").to_mermaid()
    assert 'L3_2_WM["' in asam
    assert "3.2-WM" not in asam.split('"')[0]


# -- notebook display ------------------------------------------------------------------


def test_notebook_display() -> None:
    g = cc.default_graph()
    bundle = g._repr_mimebundle_()
    assert bundle["text/plain"] == repr(g)
    assert bundle["text/markdown"] == "```mermaid\n" + g.to_mermaid() + "```\n"
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert set(g._repr_mimebundle_(include=["text/markdown"])) == {"text/plain", "text/markdown"}
    assert "image/svg+xml" not in g._repr_mimebundle_(exclude=["image/svg+xml"])


def test_notebook_display_never_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(cc.ContinuumGraph, "to_mermaid", broken)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    base = cc.default_graph()
    g = cc.ContinuumGraph(base.levels, base.transitions, name="fresh")  # nothing cached yet
    assert g._repr_mimebundle_() == {"text/plain": repr(g)}


def test_notebook_display_is_cached_per_state() -> None:
    g = cc.default_graph()
    first = g._repr_mimebundle_(include=["text/markdown"])["text/markdown"]
    assert g._repr_mimebundle_(include=["text/markdown"])["text/markdown"] is first
    g.remove_transition("OP", "IOP")
    after = g._repr_mimebundle_(include=["text/markdown"])["text/markdown"]
    assert "outpatient ==>|step-up| intensive_outpatient" in first
    assert "outpatient ==>|step-up| intensive_outpatient" not in after


@pytest.mark.parametrize("where", ["nodes", "edges", "graph"])
def test_many_unknown_keys_are_one_error(where: str) -> None:
    data = json.loads(json.dumps(cc.default_graph().to_node_link()))
    target = data["graph"] if where == "graph" else data[where][0]
    target.update({f"k{i}": 1 for i in range(5000)})
    with pytest.raises(ValidationError) as err:
        cc.ContinuumGraph.from_node_link(data)
    assert err.value.error_count() == 1  # not 5,000 errors
    assert "has no field 'k0', 'k1', 'k2' and 4997 more" in str(err.value)


def test_nx_graph_is_a_frozen_view_of_the_current_state() -> None:
    g = cc.default_graph()
    view = g.nx_graph
    assert nx.is_frozen(view)
    assert view.edges["outpatient", "intensive_outpatient"]["transition"] == g.transition(
        "OP", "IOP"
    )
    assert view.nodes["residential"]["level"] == cc.level("residential")
    with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
        view.add_edge("outpatient", "residential")
    assert g.nx_graph is view  # kept until the graph changes
    g.remove_transition("OP", "IOP")
    assert not g.nx_graph.has_edge("outpatient", "intensive_outpatient")
    assert view.has_edge("outpatient", "intensive_outpatient")  # an old view keeps its state
