"""Building and customizing graphs: levels, transitions, subgraphs, validation, frameworks."""

from __future__ import annotations

import pytest

import carecontinuum as cc
from carecontinuum import TransitionKind


def _custom(code: str, rank: float, name: str = "") -> cc.CareLevel:
    # user-supplied levels for tests only: the library ships no facts about them
    return cc.CareLevel(
        code=code, name=name or code, framework="mine", rank=rank, setting="ambulatory"
    )


CRISIS = _custom("crisis_stabilization", 3.5, "Crisis stabilization (user-defined)")
HOUSING = _custom("recovery_housing", -1, "Recovery housing (user-defined)")


def test_add_custom_levels_and_moves() -> None:
    g = cc.default_graph()
    g.add_level(CRISIS)
    g.add_level(HOUSING)
    up = g.add_transition("residential", CRISIS, typical=True, rationale="my rule")
    assert up.kind is TransitionKind.STEP_UP
    assert up.typical
    down = g.add_transition("crisis_stabilization", "IOP")
    assert down.kind is TransitionKind.STEP_DOWN
    g.add_transition("OP", "recovery_housing")
    assert [t.target for t in g.step_downs("crisis_stabilization")] == ["intensive_outpatient"]
    assert g.codes[0] == "recovery_housing"
    assert g.validate() == [
        cc.Finding(
            code="dead-end",
            message="no move leads out of 'recovery_housing'",
            severity="warning",
            location="recovery_housing",
        )
    ]


def test_add_a_frameworks_finer_level() -> None:
    g = cc.default_graph()
    wm = cc.level("3.2-WM", framework="asam3").model_copy(update={"rank": 3.2})
    g.add_level(wm)
    g.add_transition("3.2-WM", "residential")
    assert g.transition("3.2-wm", "residential").kind is TransitionKind.STEP_DOWN


def test_add_transition_object_resolves_aliases() -> None:
    g = cc.ContinuumGraph([cc.level("OP"), cc.level("IOP")], name="two")
    t = cc.Transition(source="OP", target="IOP", kind="step_up")
    added = g.add_transition(t)
    assert (added.source, added.target) == ("outpatient", "intensive_outpatient")
    assert added in g


def test_step_down_that_goes_up_is_refused() -> None:
    g = cc.default_graph()
    with pytest.raises(cc.InvalidTransitionError) as err:
        g.add_transition("OP", "residential", "step_down")
    msg = str(err.value)
    assert "a step-down from 'outpatient' (rank 0) to 'residential' (rank 3)" in msg
    assert "that move is a step-up" in msg
    assert "kind='step_up'" in msg


def test_unchecked_contradiction_is_a_finding() -> None:
    g = cc.default_graph()
    g.add_transition("IOP", "PHP", "step_down", check=False, replace=True)
    findings = g.validate()
    assert [(f.code, f.severity, f.location) for f in findings] == [
        ("kind-contradicts-rank", "error", "intensive_outpatient -> partial_hospitalization")
    ]
    assert "is a step-up by rank" in findings[0].message


def test_edge_to_level_not_in_graph() -> None:
    g = cc.default_graph().subgraph(["OP", "IOP"])
    with pytest.raises(cc.UnknownLevelError, match=r"graph .* has no care level 'residential'"):
        g.add_transition("OP", "residential")
    with pytest.raises(cc.UnknownLevelError, match="did you mean 'intensive_outpatient'"):
        g.add_transition("OP", "intensive outpatien")


def test_duplicates_are_refused_unless_replaced() -> None:
    g = cc.default_graph()
    with pytest.raises(cc.DuplicateRegistrationError, match="outpatient -> intensive_outpatient"):
        g.add_transition("OP", "IOP")
    g.add_transition("OP", "IOP", rationale="mine", replace=True)
    assert g.transition("OP", "IOP").rationale == "mine"
    with pytest.raises(cc.DuplicateRegistrationError, match="'outpatient'"):
        g.add_level(cc.level("OP"))
    g.add_level(cc.level("OP"), replace=True)
    assert g.allows("OP", "IOP")


def test_self_loop_is_a_validation_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="two different levels"):
        cc.Transition(source="outpatient", target="outpatient", kind="lateral")


def test_laterals_between_equal_ranks() -> None:
    a, b = _custom("a", 1), _custom("b", 1)
    g = cc.ContinuumGraph([a, b], name="flat")
    t = g.add_transition("a", "b")
    assert t.kind is TransitionKind.LATERAL
    assert g.laterals("a") == (t,)
    assert g.nearest_more_intensive("a") is None


def test_remove_level_and_transition() -> None:
    g = cc.default_graph()
    removed = g.remove_transition("IOP", "OP")
    assert removed.kind is TransitionKind.STEP_DOWN
    assert not g.allows("IOP", "OP")
    assert g.validate()[0].code == "unreachable-level"
    with pytest.raises(cc.InvalidTransitionError):
        g.remove_transition("IOP", "OP")
    assert g.remove_level("PHP") == cc.level("PHP")
    assert "PHP" not in g
    assert all("partial_hospitalization" not in (t.source, t.target) for t in g.transitions)


def test_subgraph_keeps_the_moves_among_offered_levels() -> None:
    g = cc.default_graph().subgraph(["IOP", "PHP", "residential"], name="provider")
    assert g.name == "provider"
    assert {(t.source, t.target) for t in g.transitions} == {
        ("intensive_outpatient", "partial_hospitalization"),
        ("intensive_outpatient", "residential"),
        ("partial_hospitalization", "residential"),
        ("partial_hospitalization", "intensive_outpatient"),
        ("residential", "partial_hospitalization"),
        ("residential", "intensive_outpatient"),
    }
    with pytest.raises(cc.UnknownLevelError):
        cc.default_graph().subgraph(["IOP", "detox"])


def test_isolated_level_finding() -> None:
    g = cc.ContinuumGraph([cc.level("OP"), cc.level("IOP")], name="bare")
    assert {f.code for f in g.validate()} == {"isolated-level"}
    assert cc.ContinuumGraph([cc.level("OP")]).validate() == []


def test_copy_is_independent() -> None:
    g = cc.default_graph()
    h = g.copy(name="mine")
    h.remove_transition("OP", "IOP")
    assert g.allows("OP", "IOP")
    assert not h.allows("OP", "IOP")
    assert h.name == "mine"


# -- graphs of other frameworks, derived through their crosswalks ----------------------


@pytest.mark.parametrize("fw", ["asam3", "asam4", "locus", "teds"])
def test_framework_graph_is_derived_honestly(fw: str) -> None:
    framework = cc.framework(fw)
    g = cc.framework_graph(fw)
    assert g.codes == tuple(lv.code for lv in sorted(framework.levels))
    walk = cc.crosswalk(fw, "continuum")
    base = cc.default_graph()
    for t in g.transitions:
        assert t.derived
        assert "derived" in t.rationale
        a, b = g.level(t.source), g.level(t.target)
        assert t.kind is cc.transitions.kind_between(a, b)
        assert t.kind is not TransitionKind.LATERAL
        if t.typical:
            # a typical move only where the crosswalk maps both ends onto a typical move
            pairs = [(x.code, y.code) for x in walk.targets(a) for y in walk.targets(b)]
            assert any(base.allows(*p) and base.transition(*p).typical for p in pairs)
            assert "crosswalk" in t.rationale
    # any level may step up to any more intensive level [SEED]
    for a in g.levels:
        for b in g.levels:
            if b.rank > a.rank:
                assert g.transition(a, b).kind is TransitionKind.STEP_UP


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        # ASAM 3rd edition [ASAM3]: 2.1 is the continuum's IOP, 1 its outpatient (exact)
        ("1", "2.1", "(1 = outpatient, 2.1 = intensive_outpatient): at risk of hospitalization"),
        ("2.5", "2.1", "2.5 = partial_hospitalization, 2.1 = intensive_outpatient"),
        # residential levels map approximately (≈) onto the continuum's residential
        ("3.5", "2.1", "3.5 ≈ residential, 2.1 = intensive_outpatient): IOP as a step-down"),
    ],
)
def test_asam3_graph_rationales(a: str, b: str, words: str) -> None:
    t = cc.framework_graph("asam3").transition(a, b)
    assert t.typical
    assert words in t.rationale
    assert "ASAM3" in t.sources


def test_asam3_levels_on_one_continuum_level_get_no_invented_step_down() -> None:
    g = cc.framework_graph("asam3")
    # 3.7 and 3.5 both map onto residential: no rule is invented between them
    assert not g.allows("3.7", "3.5")
    assert g.allows("3.5", "3.7")  # a step-up, allowed from any level


def test_framework_graph_of_the_continuum_is_the_default() -> None:
    assert cc.framework_graph("continuum") == cc.default_graph()
    assert cc.framework_graph(cc.default_continuum()) == cc.default_graph()


def test_framework_graph_unknown() -> None:
    with pytest.raises(cc.UnknownFrameworkError):
        cc.framework_graph("asam5")


def test_graph_pickles_without_its_caches() -> None:
    import pickle

    g = cc.default_graph()
    g.transition("IOP", "OP")  # builds the alias index (which holds a lock)
    g._repr_mimebundle_(include=["text/markdown"])
    back = pickle.loads(pickle.dumps(g))
    assert back == g
    assert back.transition("IOP", "OP") == g.transition("IOP", "OP")
