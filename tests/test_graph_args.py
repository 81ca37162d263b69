"""Wrong-type arguments to the graph are TypeErrors that name the argument — never a silent answer.

A flag given as ``"yes"`` used to be truthy (``typical="yes"`` filtered out
every move and returned nothing); now every flag must be a bool, every
sequence a sequence (not one string), and each message says which argument
was wrong and what it got.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydantic
import pytest

import carecontinuum as cc

G = cc.default_graph()
T = G.transition("OP", "IOP")

# (call, the argument named, what the message says it got)
CALLS: list[tuple[Callable[[], object], str, str]] = [
    (lambda: G.step_ups("OP", typical="yes"), "typical", "str 'yes'"),
    (lambda: G.step_downs("PHP", typical=1), "typical", "int 1"),
    (lambda: G.step_down_path("PHP", "OP", gradual="no"), "gradual", "str 'no'"),
    (lambda: G.copy().add_transition("OP", "PHP", typical="yes", replace=True), "typical", "'yes'"),
    (lambda: G.copy().add_transition("OP", "PHP", derived=0, replace=True), "derived", "int 0"),
    (lambda: G.copy().add_transition("OP", "PHP", replace="yes"), "replace", "'yes'"),
    (lambda: G.copy().add_transition("OP", "PHP", check=None), "check", "NoneType None"),
    (lambda: G.copy().add_level(cc.level("OP"), replace=1), "replace", "int 1"),
    (lambda: G.copy().add_level("outpatient"), "level", "str 'outpatient'"),  # type: ignore[arg-type]
    (lambda: G.copy().add_transition("OP"), "target", "missing"),  # type: ignore[call-overload]
    (lambda: G.copy().add_transition(T, "PHP"), "target", "target='PHP'"),  # type: ignore[call-overload]
    (lambda: G.copy(name=3), "name", "int 3"),  # type: ignore[arg-type]
    (lambda: G.subgraph("OP"), "levels", "single str 'OP'"),
    (lambda: G.subgraph(["OP"], name=b"x"), "name", "bytes b'x'"),  # type: ignore[arg-type]
    (lambda: G.draw(typical_only="yes"), "typical_only", "str 'yes'"),  # type: ignore[arg-type]
    (lambda: cc.ContinuumGraph("OP"), "levels", "single str 'OP'"),  # type: ignore[arg-type]
    (lambda: cc.ContinuumGraph([cc.level("OP")], T), "transitions", "Transition"),  # type: ignore[arg-type]
    (lambda: cc.ContinuumGraph(["OP"]), "levels[0]", "str 'OP'"),  # type: ignore[list-item]
    (lambda: cc.ContinuumGraph([cc.level("OP")], [("OP", "IOP")]), "transitions[0]", "tuple"),  # type: ignore[list-item]
    (lambda: cc.ContinuumGraph(name=None), "name", "NoneType None"),  # type: ignore[arg-type]
    (lambda: cc.ContinuumGraph(check="yes"), "check", "str 'yes'"),  # type: ignore[arg-type]
    (lambda: cc.ContinuumGraph.from_node_link([]), "data", "list []"),  # type: ignore[arg-type]
    (lambda: cc.transitions.describe_transition("OP"), "argument t", "str 'OP'"),  # type: ignore[arg-type]
    (lambda: cc.transitions.describe_transition(T, 3), "target_name", "int 3"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "argument", "got"), CALLS, ids=[c[1] for c in CALLS])
def test_wrong_types_name_the_argument(call: Callable[[], object], argument: str, got: str) -> None:
    with pytest.raises(TypeError) as err:
        call()
    assert argument in str(err.value)
    assert got in str(err.value)


def test_a_refused_edit_changes_nothing() -> None:
    g = cc.default_graph()
    before = g.to_node_link()
    for bad in (
        lambda: g.add_transition("OP", "PHP", typical="yes", replace=True),
        lambda: g.add_transition("OP", "IOP"),  # exists
        lambda: g.add_transition("OP", "residential", "step_down", replace=True),
        lambda: g.add_level(cc.level("OP")),
        lambda: g.remove_transition("PHP", "OP"),
    ):
        with pytest.raises((TypeError, cc.CareContinuumError)):
            bad()
    assert g.to_node_link() == before


@pytest.mark.parametrize(
    ("field", "value"), [("typical", "yes"), ("typical", 1), ("derived", "true"), ("derived", 0)]
)
def test_transition_flags_are_strict(field: str, value: Any) -> None:
    data = {"source": "a", "target": "b", "kind": "step_up", field: value}
    with pytest.raises(pydantic.ValidationError, match=field):
        cc.Transition.model_validate(data)
    with pytest.raises(pydantic.ValidationError, match=field):
        cc.Transition(**data)


def test_typical_none_means_every_move() -> None:
    assert G.step_ups("OP", typical=None) == G.step_ups("OP")
    assert [t.typical for t in G.step_ups("OP", typical=False)] == [False, False, False]
