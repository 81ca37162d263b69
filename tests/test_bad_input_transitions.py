"""Bad input to the transition graph gets our errors or a ValidationError, never a raw one."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.transitions import kind_between

OURS = (cc.CareContinuumError, pydantic.ValidationError)


@pytest.fixture
def graph() -> cc.ContinuumGraph:
    return cc.default_graph().copy(name="probe")


# (keyword arguments of add_transition, field the ValidationError names, text in the message)
BAD_EDGES = [
    ({"kind": "bogus"}, "kind", "'step_up', 'step_down' or 'lateral'"),
    ({"kind": 3}, "kind", "input_value=3"),
    ({"kind": ["step_up"]}, "kind", "step_up"),
    # a bare string used to be split into one source id per character
    ({"sources": "SEED"}, "sources", "valid tuple"),
    ({"sources": None}, "sources", "valid tuple"),
    ({"sources": [3]}, "sources.0", "valid string"),
]


@pytest.mark.parametrize(("kwargs", "field", "message"), BAD_EDGES)
def test_add_transition_bad_fields(
    graph: cc.ContinuumGraph, kwargs: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        graph.add_transition("outpatient", "residential", replace=True, **kwargs)
    text = str(info.value)
    assert f"\n{field}\n" in text
    assert message in text
    assert graph.transition("outpatient", "residential").sources != ("S", "E", "E", "D")


def test_add_transition_good_kind_and_sources_kept(graph: cc.ContinuumGraph) -> None:
    t = graph.add_transition("outpatient", "residential", "step_up", sources=["SEED"], replace=True)
    assert t.kind is cc.TransitionKind.STEP_UP
    assert t.sources == ("SEED",)


@pytest.mark.parametrize("bad", ["OP", None, 3, {"rank": 1}])
def test_kind_between_takes_levels(bad: object) -> None:
    with pytest.raises(TypeError, match="kind_between\\(\\) takes CareLevel") as info:
        kind_between(bad, cc.level("IOP"))  # type: ignore[arg-type]
    assert repr(bad) in str(info.value)
    with pytest.raises(TypeError, match="target is"):
        kind_between(cc.level("IOP"), bad)  # type: ignore[arg-type]


_KEYS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.sampled_from(["IOP", "residential", "nonexistent"]),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=40, deadline=None)
@given(_KEYS, _KEYS)
def test_graph_queries_with_any_key(a: Any, b: Any) -> None:
    g = cc.default_graph()
    for call in (
        lambda: g.level(a),
        lambda: g.moves_from(a),
        lambda: g.step_ups(a),
        lambda: g.allows(a, b),
        lambda: g.step_down_path(a, b),
        lambda: g.reachable(a, b),
    ):
        with contextlib.suppress(OURS):
            call()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_from_node_link_with_a_damaged_document(data: st.DataObject) -> None:
    doc = copy.deepcopy(cc.default_graph().to_node_link())
    section = data.draw(st.sampled_from(["graph", "nodes", "edges", "directed"]))
    if isinstance(doc[section], list) and doc[section] and data.draw(st.booleans()):
        item = doc[section][0]
        key = data.draw(st.sampled_from(sorted(item)))
        if data.draw(st.booleans()):
            del item[key]
        else:
            item[key] = data.draw(_JSON)
    else:
        doc[section] = data.draw(_JSON)
    with contextlib.suppress(OURS):
        cc.ContinuumGraph.from_node_link(doc)
