"""The default transition graph against the seed's statements, and the graph's queries."""

from __future__ import annotations

import io
import itertools

import pytest
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum import TransitionKind

OP, IOP, PHP, RES, ACUTE = (
    "outpatient",
    "intensive_outpatient",
    "partial_hospitalization",
    "residential",
    "inpatient_acute",
)


@pytest.fixture(scope="module")
def graph() -> cc.ContinuumGraph:
    return cc.default_graph()


# (from, to, kind, typical, words the rationale must contain, source id the edge cites)
SEED_MOVES = [
    # IOP as a step-up from outpatient [SEED, TIP47]
    (OP, IOP, "step_up", True, "at risk of hospitalization", "SEED"),
    (OP, IOP, "step_up", True, "weekly therapy is not enough", "TIP47"),
    # IOP as a step-down from inpatient acute or residential care [SEED, TIP47]
    (ACUTE, IOP, "step_down", True, "back toward ordinary life", "SEED"),
    (ACUTE, IOP, "step_down", True, "from inpatient acute care", "TIP47"),
    (RES, IOP, "step_down", True, "back toward ordinary life", "SEED"),
    (RES, IOP, "step_down", True, "from residential care", "TIP47"),
    # the library's other typical step-downs: no cited source names them, so they are
    # unverified; TIP47 / ASAM3 back only "moves follow reassessment"
    (ACUTE, RES, "step_down", True, "reassessment", "TIP47"),
    (ACUTE, PHP, "step_down", True, "reassessment", "TIP47"),
    (RES, PHP, "step_down", True, "reassessment", "TIP47"),
    (PHP, IOP, "step_down", True, "reassessment", "ASAM3"),
    # outpatient continuing care after IOP [TIP47]
    (IOP, OP, "step_down", True, "continuing care", "TIP47"),
    # crisis escalation: direct admission to inpatient acute from anywhere [SEED]
    (OP, ACUTE, "step_up", False, "crisis", "SEED"),
    (IOP, ACUTE, "step_up", False, "crisis", "SEED"),
    (PHP, ACUTE, "step_up", False, "crisis", "SEED"),
    (RES, ACUTE, "step_up", False, "crisis", "SEED"),
    # other step-ups follow reassessment, not a fixed length of stay [TIP47, ASAM3]
    (OP, PHP, "step_up", False, "reassessment", "TIP47"),
    (OP, RES, "step_up", False, "reassessment", "ASAM3"),
    (IOP, PHP, "step_up", False, "reassessment", "TIP47"),
    (IOP, RES, "step_up", False, "reassessment", "ASAM3"),
    (PHP, RES, "step_up", False, "reassessment", "TIP47"),
]


@pytest.mark.parametrize("row", SEED_MOVES, ids=lambda r: f"{r[0]}->{r[1]}:{r[5]}")
def test_default_graph_encodes_the_seed(
    graph: cc.ContinuumGraph, row: tuple[str, str, str, bool, str, str]
) -> None:
    a, b, kind, typical, words, source = row
    t = graph.transition(a, b)
    assert t.kind is TransitionKind(kind)
    assert t.typical is typical
    assert words in t.rationale
    assert source in t.sources
    assert not t.derived
    assert t.verified is ((a, b) not in UNVERIFIED_STEP_DOWNS)


# step-downs the seed does not name and no cited source states: flagged, never tagged SEED
UNVERIFIED_STEP_DOWNS = {(ACUTE, RES), (ACUTE, PHP), (RES, PHP), (PHP, IOP)}


def test_unverified_step_downs_say_so_and_do_not_cite_the_seed(graph: cc.ContinuumGraph) -> None:
    flagged = {(t.source, t.target) for t in graph.transitions if not t.verified}
    assert flagged == UNVERIFIED_STEP_DOWNS
    for a, b in UNVERIFIED_STEP_DOWNS:
        t = graph.transition(a, b)
        assert "SEED" not in t.sources
        assert "no cited source names this step-down" in t.note
        # the wording the issue found unsupported is gone
        assert "crisis has passed" not in t.rationale
        assert "living at home again" not in t.rationale
    assert repr(graph.transition(PHP, IOP)) == (
        "Transition('partial_hospitalization' ↓ 'intensive_outpatient', typical, unverified)"
    )
    assert "(unverified)" in graph.describe_level(PHP)


def test_only_the_seeds_own_moves_cite_it(graph: cc.ContinuumGraph) -> None:
    # SEED names outpatient → IOP, IOP as a step-down from acute or residential care, and
    # inpatient acute care for a crisis or psychiatric emergency
    seed_edges = {(t.source, t.target) for t in graph.transitions if "SEED" in t.sources}
    assert seed_edges == {(OP, IOP), (ACUTE, IOP), (RES, IOP)} | {
        (x, ACUTE) for x in (OP, IOP, PHP, RES)
    }


def test_derived_graphs_carry_the_flag() -> None:
    # an edge derived from an unverified continuum move is itself unverified
    g = cc.framework_graph("asam3")
    t = g.transition("2.5", "2.1")  # PHP → IOP through the crosswalk
    assert t.derived
    assert not t.verified
    assert "no cited source names this step-down" in t.note
    assert g.transition("4", "2.1").verified  # inpatient acute → IOP [SEED, TIP47]


def test_any_level_may_step_up_to_any_more_intensive_level(graph: cc.ContinuumGraph) -> None:
    # [TIP47]: clients step up to more intense treatment as needed; [SEED]: crisis care
    for a, b in itertools.combinations(graph.levels, 2):
        assert graph.transition(a, b).kind is TransitionKind.STEP_UP


# the only typical step-downs [SEED]; every other downward move is absent
TYPICAL_STEP_DOWNS = {
    (ACUTE, RES),
    (ACUTE, PHP),
    (ACUTE, IOP),
    (RES, PHP),
    (RES, IOP),
    (PHP, IOP),
    (IOP, OP),
}


def test_step_downs_are_exactly_the_typical_ones(graph: cc.ContinuumGraph) -> None:
    downs = {(t.source, t.target) for t in graph.transitions if t.kind is TransitionKind.STEP_DOWN}
    assert downs == TYPICAL_STEP_DOWNS
    assert len(graph.transitions) == 10 + 7


def test_edges_carry_rationale_not_durations(graph: cc.ContinuumGraph) -> None:
    # moves follow reassessment, not a fixed length of stay [TIP47, ASAM3]
    fields = set(cc.Transition.model_fields)
    assert fields == {
        "source",
        "target",
        "kind",
        "typical",
        "rationale",
        "sources",
        "derived",
        "verified",
        "note",
    }
    assert all(t.rationale and t.sources for t in graph.transitions)
    cited = {s for t in graph.transitions for s in t.sources}
    assert cited <= set(cc.SOURCES)


@pytest.mark.parametrize(
    ("level", "ups", "downs"),
    [
        (OP, [IOP, PHP, RES, ACUTE], []),
        (IOP, [PHP, RES, ACUTE], [OP]),
        (PHP, [RES, ACUTE], [IOP]),
        (RES, [ACUTE], [PHP, IOP]),
        (ACUTE, [], [RES, PHP, IOP]),
    ],
)
def test_step_ups_and_downs_nearest_first(
    graph: cc.ContinuumGraph, level: str, ups: list[str], downs: list[str]
) -> None:
    assert [t.target for t in graph.step_ups(level)] == ups
    assert [t.target for t in graph.step_downs(level)] == downs
    assert graph.laterals(level) == ()


def test_typical_filter(graph: cc.ContinuumGraph) -> None:
    assert [t.target for t in graph.step_ups("OP", typical=True)] == [IOP]
    assert [t.target for t in graph.step_ups("OP", typical=False)] == [PHP, RES, ACUTE]


@pytest.mark.parametrize(
    "key", ["IOP", "intensive_outpatient", "Intensive Outpatient", cc.level("IOP")]
)
def test_levels_by_code_alias_or_object(graph: cc.ContinuumGraph, key: object) -> None:
    assert graph.transition(key, "OP").target == OP  # type: ignore[arg-type]
    assert graph.level(key).code == IOP  # type: ignore[arg-type]
    assert key in graph


@pytest.mark.parametrize(
    ("a", "b", "gradual", "path"),
    [
        (ACUTE, OP, False, [ACUTE, IOP, OP]),
        (ACUTE, OP, True, [ACUTE, RES, PHP, IOP, OP]),
        (RES, OP, False, [RES, IOP, OP]),
        (RES, IOP, True, [RES, PHP, IOP]),
        (ACUTE, PHP, False, [ACUTE, PHP]),
        (ACUTE, PHP, True, [ACUTE, RES, PHP]),
        (PHP, PHP, False, [PHP]),
    ],
)
def test_step_down_path(
    graph: cc.ContinuumGraph, a: str, b: str, gradual: bool, path: list[str]
) -> None:
    assert [lv.code for lv in graph.step_down_path(a, b, gradual=gradual)] == path


def test_step_down_path_refuses_going_up(graph: cc.ContinuumGraph) -> None:
    with pytest.raises(cc.InvalidTransitionError, match="ends at a less intensive level"):
        graph.step_down_path("OP", "residential")


def test_step_down_path_without_typical_route() -> None:
    g = cc.default_graph().subgraph(["OP", "PHP", "residential"])
    with pytest.raises(cc.InvalidTransitionError, match="no typical step-down path") as err:
        g.step_down_path("PHP", "OP")
    assert "typical step-downs from 'partial_hospitalization': none" in str(err.value)


@pytest.mark.parametrize(
    ("level", "less", "more"),
    [(OP, None, IOP), (IOP, OP, PHP), (RES, PHP, ACUTE), (ACUTE, RES, None)],
)
def test_nearest_levels(
    graph: cc.ContinuumGraph, level: str, less: str | None, more: str | None
) -> None:
    below, above = graph.nearest_less_intensive(level), graph.nearest_more_intensive(level)
    assert (below.code if below else None) == less
    assert (above.code if above else None) == more


def test_nearest_in_a_providers_subgraph(graph: cc.ContinuumGraph) -> None:
    offered = graph.subgraph(["OP", "IOP", "residential"])
    assert offered.nearest_less_intensive("residential") == cc.level("IOP")
    assert offered.nearest_more_intensive("IOP") == cc.level("residential")


def test_reachability(graph: cc.ContinuumGraph) -> None:
    assert graph.reachable("OP", "inpatient_acute")
    assert graph.reachable("inpatient_acute", "OP")  # via IOP
    assert [lv.code for lv in graph.reachable_from("PHP")] == [OP, IOP, RES, ACUTE]
    g = graph.subgraph(["OP", "PHP"])
    assert not g.reachable("PHP", "OP")
    assert g.reachable_from("PHP") == ()


def test_invalid_transition_explains_and_lists_allowed_moves(graph: cc.ContinuumGraph) -> None:
    with pytest.raises(cc.InvalidTransitionError) as err:
        graph.transition("inpatient acute", "OP")
    msg = str(err.value)
    assert "no step-down from 'inpatient_acute' to 'outpatient'" in msg
    assert "step-down to residential (typical)" in msg
    assert err.value.allowed == (RES, PHP, IOP)
    assert (err.value.source, err.value.target) == (ACUTE, OP)
    assert isinstance(err.value, ValueError)


def test_self_transition_is_explained(graph: cc.ContinuumGraph) -> None:
    with pytest.raises(cc.InvalidTransitionError, match="does not transition to itself"):
        graph.transition("IOP", "IOP")


@pytest.mark.parametrize("bad", ["intensive outpatent", "IOPP"])
def test_unknown_level_suggests(graph: cc.ContinuumGraph, bad: str) -> None:
    with pytest.raises(cc.UnknownLevelError, match="did you mean 'intensive_outpatient'"):
        graph.step_ups(bad)


def test_unknown_level_of_wrong_type_or_framework(graph: cc.ContinuumGraph) -> None:
    with pytest.raises(cc.UnknownLevelError) as err:
        graph.step_ups(42)  # type: ignore[arg-type]
    assert str(err.value).startswith(
        "graph 'continuum' has no care level 42: a level is named by its code, an alias or "
        "the CareLevel itself, not a int"
    )
    assert isinstance(err.value, cc.transitions.UnknownGraphLevelError)
    assert err.value.graph == "continuum"
    with pytest.raises(cc.UnknownLevelError, match=r"has no care level 'asam3:2\.1'"):
        graph.step_ups(cc.level("2.1", framework="asam3"))
    with pytest.raises(cc.UnknownLevelError) as err:
        graph.level("resi")
    assert str(err.value) == (
        "graph 'continuum' has no care level 'resi'; did you mean 'residential'?"
    )
    assert 42 not in graph
    assert "nowhere" not in graph


def test_describe_level_for_the_cli(graph: cc.ContinuumGraph) -> None:
    text = graph.describe_level("OP")
    assert text.splitlines()[0] == "Outpatient [outpatient, rank 0]"
    assert "↑ Intensive outpatient (IOP) (typical): at risk of hospitalization" in text
    assert "step-downs" not in text
    lonely = cc.ContinuumGraph([cc.level("OP")], name="one")
    assert lonely.describe_level("OP").endswith("no moves from this level")


def test_repr_and_html(graph: cc.ContinuumGraph) -> None:
    t = graph.transition("OP", "IOP")
    assert repr(t) == "Transition('outpatient' ↑ 'intensive_outpatient', typical)"
    assert str(t) == "outpatient ↑ intensive_outpatient"
    html = t._repr_html_()
    assert "at risk of hospitalization" in html
    assert "SEED, TIP47" in html
    assert repr(graph) == "ContinuumGraph('continuum', 5 levels, 17 transitions)"


def test_default_graph_is_a_fresh_copy() -> None:
    a, b = cc.default_graph(), cc.default_graph()
    a.remove_level("PHP")
    assert len(b) == 5
    assert len(a) == 4
    assert a != b
    assert cc.default_graph() == b


def test_an_unverified_transition_needs_a_note() -> None:
    with pytest.raises(ValidationError, match="an unverified transition needs a note"):
        cc.Transition(source="a", target="b", kind="step_down", verified=False)
    t = cc.Transition(source="a", target="b", kind="step_down", verified=False, note="why")
    assert (t.verified, t.note) == (False, "why")


def test_the_flag_survives_every_export(graph: cc.ContinuumGraph) -> None:
    again = cc.ContinuumGraph.from_node_link(graph.to_node_link())
    t = again.transition(PHP, IOP)
    assert (t.verified, t.note) == (False, graph.transition(PHP, IOP).note)
    assert again.transition(OP, IOP).verified
    import networkx as nx

    read = nx.read_graphml(io.StringIO(graph.to_graphml()))  # a real GraphML parser
    assert read.edges[PHP, IOP]["verified"] is False
    assert read.edges[PHP, IOP]["note"].startswith("no cited source names this step-down")
    assert read.edges[OP, IOP]["verified"] is True
