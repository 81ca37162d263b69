"""Hostile JSON text through the strict reader and the node-link importer (issue 9 §2, §3).

:func:`strategies.hostile_json` draws duplicate keys, ``NaN``, huge integers, deep
nesting, invalid UTF-8, byte-order marks and lone surrogate escapes, as ``str`` or
``bytes``.  The reader returns a value or raises ``InvalidJsonError``; the importer
returns a graph or raises ``InvalidJsonError``, a ``ValidationError`` or another
``CareContinuumError``, never a raw exception.
"""

from __future__ import annotations

import json
import math

import pydantic
from hypothesis import given, settings
from strategies import hostile_json

import carecontinuum as cc
from carecontinuum._json import loads
from carecontinuum.errors import InvalidJsonError


def _no_nan(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_no_nan(v) for v in value)
    if isinstance(value, dict):
        return all(_no_nan(v) for v in value.values())
    return True


@given(hostile_json())
@settings(max_examples=300, deadline=None)
def test_the_strict_reader_answers_or_raises_invalid_json(data: str | bytes) -> None:
    try:
        value = loads(data)
    except InvalidJsonError as err:
        message = str(err)
    else:
        message = ""
        assert _no_nan(value)  # NaN and Infinity are never read as numbers
        text = data if isinstance(data, str) else data.decode("utf-8-sig")
        assert value == json.loads(text.removeprefix("\ufeff"))  # nothing changed on the way
    assert len(message) < 400


@given(hostile_json())
@settings(max_examples=200, deadline=None)
def test_node_link_import_raises_only_our_errors(data: str | bytes) -> None:
    try:
        cc.ContinuumGraph.from_node_link(data)
    except (cc.CareContinuumError, pydantic.ValidationError) as err:
        message = str(err)
    else:
        message = ""
    assert len(message) < 20_000
