"""JSON text with huge objects: refused in one error, everything else as pydantic reads it.

Issue 9 §1: a 1 MB document of unknown keys made pydantic build one error per
key (each with its input converted to Python); the public models'
``model_validate_json`` now refuses an object of more than ``MAX_OBJECT_KEYS``
keys first (``carecontinuum._json_model``), found by a byte-level scan
(``carecontinuum._json_shape.widest_object``).  And node-link import checks
edge endpoints against the nodes before validating the edges.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import carecontinuum as cc
from carecontinuum._json_model import MAX_OBJECT_KEYS, JsonModel
from carecontinuum._json_shape import widest_object
from carecontinuum.cli._schema import models
from carecontinuum.transitions import UnknownGraphLevelError

MODELS = models()


def _wide(n: int, value: str = "1", prefix: str = "k") -> str:
    return "{" + ", ".join(f'"{prefix}{i}": {value}' for i in range(n)) + "}"


def _pydantic(model: type[BaseModel], text: str | bytes, **options: Any) -> Any:
    """What pydantic itself gives for *text* (the model's validator, without the check)."""
    return model.__pydantic_validator__.validate_json(text, **options)


# -- the scan ----------------------------------------------------------------------------------
def test_an_object_over_the_limit_is_found_with_its_place_and_first_key() -> None:
    text = '{\n  "a": 1,\n  "b": ' + _wide(5) + "\n}"
    found = widest_object(text, 4)
    assert found is not None
    assert (found.keys, found.line, found.column, found.key) == (5, 3, 9, "k0")
    assert widest_object(text, 5) is None


def test_bytes_are_scanned_like_text() -> None:
    text = '{"é": ' + _wide(6) + "}"
    assert widest_object(text.encode(), 5) == widest_object(text, 5)
    assert widest_object(bytearray(text.encode()), 5) == widest_object(text, 5)


def test_colons_braces_and_escaped_quotes_inside_strings_are_not_keys() -> None:
    tricky = '"a:b", "{:}", "\\":", "\\\\", "[::]"'
    text = '{"x": [' + tricky + "], " + '"y": "\\"k\\": 1, \\"j\\": 2", "z": ":::::::"}'
    assert widest_object(text, 2) is not None  # x, y and z: three keys
    assert widest_object(text, 3) is None


def test_keys_after_nested_containers_are_counted_once_those_are_cut() -> None:
    text = '{"a": {"x": [1, {"y": 2}]}, "b": [], "c": {}, "d": [[{}]]}'
    found = widest_object(text, 3)
    assert found is not None
    assert found.keys == 4
    assert (found.line, found.column, found.key) == (0, 0, "")  # found in a later pass
    assert widest_object(text, 4) is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab:{}[]"\\ é', max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet='ab:{}"\\', max_size=3), inner, max_size=6)
    ),
    max_leaves=30,
)


def _most_keys(value: object) -> int:
    if isinstance(value, dict):
        return max([len(value), *map(_most_keys, value.values())])
    if isinstance(value, list):
        return max([0, *map(_most_keys, value)])
    return 0


@given(_JSON, st.integers(0, 5), st.sampled_from([None, 1]), st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_scan_agrees_with_a_parser(value: Any, limit: int, indent: Any, ascii_: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_)
    found = widest_object(text, limit)
    most = _most_keys(value)
    assert (found is not None) == (most > limit), (text, limit)
    if found is not None:
        assert limit < found.keys <= most


# -- the models --------------------------------------------------------------------------------
def _object_schemas(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            found.append(schema)
        for value in schema.values():
            found.extend(_object_schemas(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_object_schemas(value))
    return found


@pytest.mark.parametrize("name", sorted(MODELS))
def test_no_valid_document_has_an_object_near_the_limit(name: str) -> None:
    """The refusal is sound: every object a model reads forbids unknown keys and has few fields."""
    model = MODELS[name]
    assert issubclass(model, JsonModel)
    assert model.model_config.get("extra") == "forbid"
    objects = _object_schemas(model.model_json_schema())
    assert objects
    for schema in objects:
        assert schema.get("additionalProperties") is False, schema.get("title")
        assert len(schema.get("properties", {})) <= MAX_OBJECT_KEYS // 8


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_huge_object_is_refused_in_one_error_that_says_where(name: str) -> None:
    text = '{"a": ' + _wide(MAX_OBJECT_KEYS + 1, prefix="key") + "}"
    with pytest.raises(ValidationError) as caught:
        MODELS[name].model_validate_json(text)
    errors = caught.value.errors()
    assert len(errors) == 1
    assert errors[0]["type"] == "too_many_unknown_fields"
    assert errors[0]["loc"] == ()
    assert errors[0]["input"] == "key0"
    message = errors[0]["msg"]
    assert "line 1 column 8" in message
    assert "'key0'" in message
    assert f"{MAX_OBJECT_KEYS + 1} keys" in message
    assert name in message
    assert caught.value.title == name


def test_an_object_found_in_a_later_pass_is_refused_with_the_text_echoed() -> None:
    text = _wide(100_000, value="{}")
    with pytest.raises(ValidationError) as caught:
        cc.Program.model_validate_json(text.encode())
    (error,) = caught.value.errors()
    assert error["type"] == "too_many_unknown_fields"
    assert "at least 100,000 keys" in error["msg"]
    assert error["input"] == text[:80]


@pytest.mark.parametrize(
    "text",
    [
        '{"a": ' + _wide(MAX_OBJECT_KEYS) + "}",  # at the limit: pydantic reports each key
        _wide(40),
        '{"name": "x", "level": "IOP", "k": ' + _wide(200) + "",  # not JSON: pydantic says so
        json.dumps({"name": "Evening IOP", "level": "IOP", "schedule": {"hours_per_day": 3}}),
    ],
    ids=["at the limit", "40 unknown keys", "truncated", "a missing field"],
)
def test_other_refusals_are_pydantic_s_own(text: str) -> None:
    with pytest.raises(ValidationError) as ours:
        cc.Program.model_validate_json(text)
    with pytest.raises(ValidationError) as theirs:
        _pydantic(cc.Program, text)
    assert ours.value.errors() == theirs.value.errors()


_VALID: list[tuple[str, Any]] = [
    ("Program", {"name": "P", "level": "IOP", "conditions": ["use: {alcohol}"] * 400}),
    ("Schedule", {"hours_per_day": "180 min", "days_per_week": 4}),
    (
        "Journey",
        {
            "person_id": 7,
            "placements": [
                {"level": "IOP", "start": "2024-01-01", "end": "2024-02-01"} for _ in range(300)
            ],
        },
    ),
    ("QuantityRange", "4-6 weeks"),
]


@pytest.mark.parametrize(("name", "doc"), _VALID, ids=[n for n, _ in _VALID])
def test_valid_text_gives_what_pydantic_gives(name: str, doc: Any) -> None:
    text = json.dumps(doc)
    assert text.count(":") > MAX_OBJECT_KEYS or name in {"Schedule", "QuantityRange"}
    assert MODELS[name].model_validate_json(text) == _pydantic(MODELS[name], text)


def test_the_scan_runs_before_parsing() -> None:
    """Text that is not JSON but holds a huge object is refused for the object (cheaply)."""
    text = '{"name": "x", "k": ' + _wide(MAX_OBJECT_KEYS + 1)  # the closing brace is missing
    with pytest.raises(ValidationError) as caught:
        cc.Program.model_validate_json(text)
    assert caught.value.errors()[0]["type"] == "too_many_unknown_fields"


def test_options_reach_pydantic_and_extra_keys_allowed_skip_the_check() -> None:
    text = '{"min_age": 18, "extra": ' + _wide(MAX_OBJECT_KEYS + 1) + "}"
    assert cc.AgeRange.model_validate_json(text, extra="ignore") == cc.AgeRange(min_age=18)
    with pytest.raises(ValidationError) as caught:
        cc.AgeRange.model_validate_json('{"min_age": "18"}', strict=True)
    assert caught.value.errors()[0]["type"] == "int_type"


# -- node-link import: endpoints before edges ----------------------------------------------------
def _doc_with_edges(edges: list[dict[str, Any]]) -> dict[str, Any]:
    doc = cc.default_graph().to_node_link()
    doc["edges"] = edges
    return doc


def test_edges_to_missing_levels_are_refused_before_the_edges_are_validated() -> None:
    edges = [{"source": "outpatient", "target": f"nowhere-{i}", "kind": "up"} for i in range(50)]
    # the kind is invalid too: validating the edges first would raise a ValidationError
    with pytest.raises(UnknownGraphLevelError, match="'nowhere-0'"):
        cc.ContinuumGraph.from_node_link(json.dumps(_doc_with_edges(edges)))


def test_endpoints_given_as_aliases_still_read_as_before() -> None:
    doc = cc.default_graph().to_node_link()
    doc["edges"][0] = {**doc["edges"][0], "source": "OP"}
    assert doc["edges"][0]["target"] == "intensive_outpatient"
    assert cc.ContinuumGraph.from_node_link(doc) == cc.default_graph()


def test_an_invalid_node_is_still_reported_by_validation() -> None:
    doc = _doc_with_edges([{"source": "outpatient", "target": "nowhere", "kind": "step_up"}])
    doc["nodes"][0] = {**doc["nodes"][0], "rank": "high"}
    with pytest.raises(ValidationError) as caught:
        cc.ContinuumGraph.from_node_link(doc)
    assert caught.value.errors()[0]["loc"][:3] == ("nodes", 0, "rank")


def test_odd_node_ids_and_endpoints_are_left_to_validation() -> None:
    doc = {"nodes": [{"id": [1]}], "edges": [{"source": {}, "target": "nowhere"}]}
    with pytest.raises(ValidationError):
        cc.ContinuumGraph.from_node_link(doc)


def test_many_unknown_document_keys_are_refused_in_one_error() -> None:
    doc: dict[str, Any] = {"nodes": [], **{f"k{i}": {} for i in range(1000)}}
    with pytest.raises(ValidationError) as caught:
        cc.ContinuumGraph.from_node_link(json.dumps(doc))
    (error,) = caught.value.errors()
    assert "no field 'k0', 'k1', 'k2' and 997 more" in error["msg"]
