"""JSON text with huge arrays: refused in one error, everything else as pydantic reads it.

Issue 9 §1: pydantic builds an error per bad item of a list, and each error with
its input converted to Python; 100,000 bad modalities took over half a second
to refuse, and one unknown key holding 60,000 objects a tenth of one.  The
public models' ``model_validate_json`` now refuses an array of more than
``MAX_ARRAY_ITEMS`` items first, found by the same byte-level scan as huge
objects (``carecontinuum._json_shape.longest_array`` / ``oversized``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import carecontinuum as cc
from carecontinuum._json_model import MAX_ARRAY_ITEMS, MAX_OBJECT_KEYS
from carecontinuum._json_shape import Long, Many, Wide, longest_array, oversized
from carecontinuum.cli._schema import models
from carecontinuum.journeys._synthetic import MAX_PER_PERSON

MODELS = models()


def _pydantic(model: type[BaseModel], text: str | bytes) -> Any:
    """What pydantic itself gives for *text* (the model's validator, without the checks)."""
    return model.__pydantic_validator__.validate_json(text)


# -- the scan ----------------------------------------------------------------------------------
def test_an_array_over_the_limit_is_found_with_its_length() -> None:
    text = '{"a": [1, [2, 3], {"b": [4, 5, 6]}], "c": "[1, 2, 3, 4, 5]"}'
    assert longest_array(text, 2) == Long(3)
    assert longest_array(text, 3) is None  # the brackets in the string are not an array


def test_bytes_are_scanned_like_text() -> None:
    text = '{"é": [1, 2, 3, 4]}'
    assert longest_array(text.encode(), 3) == longest_array(text, 3) == Long(4)
    assert longest_array(bytearray(text.encode()), 3) == Long(4)


def test_commas_of_an_object_are_not_items() -> None:
    text = '[{"a": 1, "b": 2, "c": 3, "d": 4}]'
    assert longest_array(text, 2) is None
    assert oversized(text, 3, 2) == Wide(4, 1, 3, "a")  # the object, found by the key scan


def test_the_key_scan_comes_first_and_none_skips_a_scan() -> None:
    text = '[{"a": 1, "b": 2}, 3, 4]'
    assert isinstance(oversized(text, 1, 2), Wide)
    assert oversized(text, None, 2) == Long(3)
    assert oversized(text, 1, None) == Wide(2, 1, 3, "a")
    assert oversized(text, None, None) is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='a,:{}[]"\\ é', max_size=4),
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.dictionaries(st.text(alphabet='a,:[]"\\', max_size=3), inner, max_size=5)
    ),
    max_leaves=30,
)


def _longest(value: object) -> int:
    if isinstance(value, dict):
        return max([0, *map(_longest, value.values())])
    if isinstance(value, list):
        return max([len(value), *map(_longest, value)])
    return 0


@given(_JSON, st.integers(1, 6), st.sampled_from([None, 1]), st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_scan_agrees_with_a_parser(value: Any, limit: int, indent: Any, ascii_: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_)
    found = longest_array(text, limit)
    longest = _longest(value)
    assert (found is not None) == (longest > limit), (text, limit)
    if found is not None:
        assert limit < found.items <= longest


# -- the models --------------------------------------------------------------------------------
def test_the_limit_leaves_room_for_every_legitimate_list() -> None:
    """The longest legitimate list is a synthetic person's placements; the others are tens."""
    assert MAX_ARRAY_ITEMS >= 2 * MAX_PER_PERSON
    assert MAX_ARRAY_ITEMS > MAX_OBJECT_KEYS


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_huge_array_is_refused_in_one_error_that_says_so(name: str) -> None:
    text = '{"a": [' + ", ".join(["{}"] * (MAX_ARRAY_ITEMS + 1)) + "]}"
    with pytest.raises(ValidationError) as caught:
        MODELS[name].model_validate_json(text)
    errors = caught.value.errors()
    assert len(errors) == 1
    assert errors[0]["type"] == "too_many_items"
    assert errors[0]["loc"] == ()
    assert errors[0]["input"] == text[:80]
    message = errors[0]["msg"]
    assert f"{MAX_ARRAY_ITEMS + 1:,} items" in message
    assert f"at most {MAX_ARRAY_ITEMS}" in message
    assert name in message


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "P", "level": "IOP", "modalities": ['
        + ", ".join(["{}"] * (MAX_ARRAY_ITEMS + 1))
        + "]}",
        '{"a": [' + ", ".join(['{"x": 1, "y": 2}'] * (MAX_ARRAY_ITEMS + 1)) + "]}",
        '{"name": "P", "level": "IOP", "conditions": [' + ", ".join(["1"] * 5000) + "]}",
    ],
    ids=["bad list items", "an unknown key holding objects", "scalars"],
)
def test_the_benchmark_s_shapes_are_refused_in_one_error(text: str) -> None:
    for model in (cc.Program, cc.Schedule, cc.Journey):
        with pytest.raises(ValidationError) as caught:
            model.model_validate_json(text)
        assert [e["type"] for e in caught.value.errors()] == ["too_many_items"]


def test_a_list_at_the_limit_gives_what_pydantic_gives() -> None:
    placement = {"level": "IOP", "start": "2024-01-01", "end": "2024-02-01"}
    text = json.dumps({"person_id": 7, "placements": [placement] * MAX_ARRAY_ITEMS})
    assert cc.Journey.model_validate_json(text) == _pydantic(cc.Journey, text)
    bad = json.dumps({"name": "P", "level": "IOP", "modalities": [{}] * MAX_ARRAY_ITEMS})
    with pytest.raises(ValidationError) as ours:
        cc.Program.model_validate_json(bad)
    with pytest.raises(ValidationError) as theirs:
        _pydantic(cc.Program, bad)
    assert ours.value.errors() == theirs.value.errors()
    assert ours.value.error_count() == 3 * MAX_ARRAY_ITEMS


def test_the_array_limit_holds_whatever_extra_is() -> None:
    text = '{"name": "P", "level": "IOP", "x": [' + ", ".join(["1"] * MAX_ARRAY_ITEMS) + "]}"
    assert cc.Program.model_validate_json(text, extra="ignore").name == "P"
    longer = text.replace("[1,", "[1, 1,", 1)
    with pytest.raises(ValidationError) as caught:
        cc.Program.model_validate_json(longer, extra="ignore")
    assert caught.value.errors()[0]["type"] == "too_many_items"


def test_nested_arrays_each_under_the_item_limit_are_refused_by_their_total() -> None:
    # 30 arrays of 1,999 objects under an unknown key: no array is too long, but pydantic
    # would copy the whole value into each error; the count of containers refuses it
    from carecontinuum._json_model import MAX_CONTAINERS

    inner = "[" + ", ".join(['{"x": 1, "y": 2}'] * 1999) + "]"
    text = '{"a": [' + ", ".join([inner] * 30) + "]}"
    assert oversized(text, None, 2_000) is None  # the item limit alone lets it through
    for model in (cc.Program, cc.Schedule, cc.Journey):
        with pytest.raises(ValidationError) as info:
            model.model_validate_json(text)
        (error,) = info.value.errors()
        assert error["type"] == "too_many_values"
        assert (
            f"60,002 objects and arrays: at most {MAX_CONTAINERS}" in error["msg"]
        )  # 2 + 30 + 59,970
        assert len(error["input"]) <= 80


def test_a_journey_of_two_thousand_placements_is_read() -> None:
    import datetime as dt

    start = dt.date(2000, 1, 1)
    placements = [
        {
            "level": "outpatient",
            "start": (start + dt.timedelta(days=3 * i)).isoformat(),
            "end": (start + dt.timedelta(days=3 * i + 2)).isoformat(),
        }
        for i in range(2_000)
    ]
    text = json.dumps({"person_id": 1, "placements": placements})
    assert len(cc.Journey.model_validate_json(text).placements) == 2_000


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.text(alphabet='[]{}"\\,: a', max_size=4),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(alphabet='[]{}"a', max_size=3), inner, max_size=3),
                    max_leaves=30), st.integers(0, 12))  # fmt: skip
def test_the_container_count_is_the_parsers(value: object, limit: int) -> None:
    text = json.dumps(value)

    def count(v: object) -> int:
        if isinstance(v, dict):
            return 1 + sum(count(x) for x in v.values())
        if isinstance(v, list):
            return 1 + sum(count(x) for x in v)
        return 0

    found = oversized(text, None, None, limit)
    real = count(value)
    assert found == (Many(real) if real > limit else None)
