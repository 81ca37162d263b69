"""The one strict JSON reader: nothing silently kept, changed or crashed on."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecontinuum._json import (
    MAX_DEPTH,
    MAX_INT_DIGITS,
    _constant,
    _extreme,
    _float,
    _int,
    _loads_strict,
    _pairs_bound,
    _plain,
    _scan,
    _shape,
    _too_deep,
    _written_pairs,
    loads,
)
from carecontinuum.errors import InvalidJsonError


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ('{"a": 1, "a": 2}', "duplicate-key", "repeats the key 'a'"),
        ('{"x": {"level": "IOP", "level": "PHP"}}', "duplicate-key", "repeats the key 'level'"),
        ('[{"k": 1}, {"k": 1, "k": 1}]', "duplicate-key", "repeats the key 'k'"),
        ("[NaN]", "syntax", "NaN is not JSON"),
        ("[Infinity]", "syntax", "Infinity is not JSON"),
        ("[-Infinity]", "syntax", "-Infinity is not JSON"),
        ("[1e400]", "number", "'1e400' is too large"),
        ('{"hours": -2E+999}', "number", "'-2E\\+999' is too large"),
        ("[1" + "0" * 400 + ".5]", "number", "is too large"),
        ("1" * (MAX_INT_DIGITS + 1), "number", "digits"),
        ("-" + "9" * 5000, "number", "digits"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "depth", "deeper than 64"),
        ("[" * 1_000_000, "depth", "deeper than 64"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "depth", "deeper than 64"),
        ("{", "syntax", "Expecting property name"),
        ('{"a" 1}', "syntax", "Expecting ':'"),
        ('"unterminated', "syntax", "Unterminated string"),
        ("", "syntax", "Expecting value"),
        ("[1,]", "syntax", "Expecting value"),
        ("[1] [2]", "syntax", "Extra data"),
    ],
)
def test_what_json_loads_would_quietly_accept_or_crash_on_is_refused(
    text: str, kind: str, says: str
) -> None:
    with pytest.raises(InvalidJsonError, match=says) as info:
        loads(text)
    assert info.value.kind == kind
    assert len(str(info.value)) < 300  # never echoes the input whole


def test_where_a_syntax_error_is() -> None:
    with pytest.raises(InvalidJsonError) as info:
        loads('{\n  "a": 1,\n  "b": ]\n}')
    assert (info.value.line, info.value.column) == (3, 8)
    with pytest.raises(InvalidJsonError) as dup:
        loads('{\n "x": {"y": 1, "y": 2}}')
    assert dup.value.line == 2


@pytest.mark.parametrize(
    ("data", "says"),
    [(b"\xff\xfe{}", r"byte 0 is b'\\xff'"), (b'{"a": "\xe9"}', "not UTF-8"), (b"\x80", "byte 0")],
)
def test_bytes_that_are_not_utf8_are_refused(data: bytes, says: str) -> None:
    with pytest.raises(InvalidJsonError, match=says) as info:
        loads(data)
    assert info.value.kind == "encoding"


def test_what_is_valid_comes_back_exactly() -> None:
    assert loads('{"a": [1, 2.5, null, true, "x"]}') == {"a": [1, 2.5, None, True, "x"]}
    assert loads(b"\xef\xbb\xbf[1]") == [1]  # a byte-order mark
    assert loads("\ufeff[1]") == [1]
    assert loads("9" * MAX_INT_DIGITS) == int("9" * MAX_INT_DIGITS)
    assert loads('"' + "9" * 5000 + '"') == "9" * 5000  # long digit runs inside strings are text
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert loads(deep) is not None
    with pytest.raises(TypeError):
        loads(3)  # type: ignore[arg-type]


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


_TRICKY = st.text(alphabet='[]{}"\\ab\n\u2028é😀', max_size=6)
_DOCS = st.recursive(
    st.none() | st.booleans() | st.integers() | _TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
    max_leaves=40,
)


@settings(deadline=None, max_examples=500)
@given(_DOCS, st.integers(0, 12), st.booleans())
def test_the_depth_check_agrees_with_the_true_depth(doc: object, limit: int, ascii: bool) -> None:
    text = json.dumps(doc, ensure_ascii=ascii)
    # brackets and quotes inside strings never count, escapes included
    assert _too_deep(text, limit) == (_depth(doc) > limit)


@settings(deadline=None, max_examples=300)
@given(_DOCS)
def test_any_valid_document_within_limits_reads_as_json_reads_it(doc: object) -> None:
    text = json.dumps(doc)
    assert loads(text) == json.loads(text)


# -- the fast path (no pairs hook, pairs counted) against the hook path --------------------

#: Few distinct keys, so objects repeat them often; ':' '"' '\\' and spaces in keys too.
_KEYS = st.text(alphabet=':"\\ a{', max_size=3)
_SEPARATORS = st.sampled_from([":", ": ", " : ", "\n:\t", "\r\n :  "])
_SCALARS = (
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(':"\\[]{}a ', max_size=4)
)


@st.composite
def _written(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON text written pair by pair: an object may repeat a key."""
    kind = draw(st.sampled_from(["scalar", "list", "object"] if depth < 4 else ["scalar"]))
    if kind == "scalar":
        return json.dumps(draw(_SCALARS), ensure_ascii=draw(st.booleans()))
    if kind == "list":
        items = draw(st.lists(_written(depth + 1), max_size=3))
        return "[" + ", ".join(items) + "]"
    pairs = draw(st.lists(st.tuples(_KEYS, _written(depth + 1)), max_size=4))
    sep = draw(_SEPARATORS)
    return "{" + ",".join(json.dumps(k) + sep + v for k, v in pairs) + "}"


def _outcome(read: Callable[[], object]) -> tuple[str, str]:
    try:
        value = read()
    except InvalidJsonError as err:
        return "error " + (err.kind or ""), str(err)
    return "value", json.dumps(value)  # key order counts too


@settings(deadline=None, max_examples=600)
@given(_written(), st.integers(1, 6), st.integers(0, 3))
def test_the_fast_path_and_the_hook_path_agree(text: str, limit: int, cut: int) -> None:
    if cut and len(text) > 1:  # malformed too: a duplicate before the error wins, as ever
        text = text[: -cut % len(text)]
    fast = _outcome(lambda: loads(text, max_depth=limit))
    strict = _outcome(lambda: _loads_strict(text, "JSON", limit, None, None))
    assert fast == strict


@settings(deadline=None, max_examples=300)
@given(_written())
def test_the_pair_counts_are_exact_for_any_valid_text(text: str) -> None:
    value = json.loads(text)
    if not isinstance(value, dict | list):
        return
    written = _written_pairs(text)
    assert written == text.count(":") - sum(part.count(":") for part in _string_contents(text))
    quick = _pairs_bound(text)
    assert quick >= written  # never fewer: a duplicate is never missed
    kept, depth, extreme = _shape(value)
    assert depth == _depth(value)
    assert kept <= written
    assert not extreme  # integers of up to 7 digits


def _string_contents(text: str) -> list[str]:
    """The (raw) contents of every string in valid JSON *text*, found char by char."""
    found, inside, escaped, start = [], False, False, 0
    for i, char in enumerate(text):
        if inside and escaped:
            escaped = False
        elif inside and char == "\\":
            escaped = True
        elif char == '"':
            if inside:
                found.append(text[start:i])
            inside, start = not inside, i + 1
    return found


def test_a_duplicate_found_by_counting_is_reported_where_it_is() -> None:
    text = '[{"url": "https://a"}, {"k" : 1, "k": 2}]'
    assert _pairs_bound(text) == 3  # the colon of "https://" is not counted
    assert _written_pairs(text) == 3
    assert _shape(json.loads(text)) == (2, 2, False)
    with pytest.raises(InvalidJsonError, match="column 24 repeats the key 'k'") as info:
        loads(text)
    assert info.value.kind == "duplicate-key"
    escaped = '{"a\\":": 1, "a\\":": 2}'  # the key a": twice: '":' inside the strings
    assert _pairs_bound(escaped) > _written_pairs(escaped) == 2
    with pytest.raises(InvalidJsonError, match="repeats the key"):
        loads(escaped)


_NUMBERISH = st.text(alphabet='0123456789eE+-.: "x\u0660é', max_size=60)


@settings(deadline=None, max_examples=400)
@given(_NUMBERISH | st.builds("".join, st.lists(st.sampled_from(["9" * 41, "e+123", "E99", "1"]))))
def test_the_scan_finds_long_digits_and_exponents_as_the_patterns_say(text: str) -> None:
    scan = _scan(text)
    assert scan.long_digits == bool(re.search(r"[0-9]{41}", text))  # ASCII digits only
    assert scan.big_exponent == bool(re.search(r"[eE][+-]?[0-9]{3}", text))


# -- against the slow, obvious reader ----------------------------------------------------


class _RepeatedKeyError(Exception):
    pass


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    if len({key for key, _ in pairs}) != len(pairs):
        raise _RepeatedKeyError
    return dict(pairs)


def _expected(text: str, limit: int) -> tuple[str, str]:
    """What the strict reader must say, found the slow, obvious way."""
    try:
        value = json.loads(text, object_pairs_hook=_no_repeats)
    except _RepeatedKeyError:  # parsed left to right: a repeat before a syntax error wins
        return "error", "duplicate-key"
    except ValueError:
        return "error", "syntax"
    if _depth(value) > limit:
        return "error", "depth"
    return "value", json.dumps(value)  # key order counts too


def _public_outcome(text: str, limit: int) -> tuple[str, str]:
    try:
        value = loads(text, max_depth=limit)
    except InvalidJsonError as err:
        return "error", err.kind or ""
    return "value", json.dumps(value)


@settings(deadline=None, max_examples=600)
@given(_written(), st.integers(1, 6), st.integers(0, 3))
def test_repeated_keys_depth_and_syntax_are_found_as_the_slow_way_finds_them(
    text: str, limit: int, cut: int
) -> None:
    if cut and len(text) > 1:  # malformed too: a duplicate before the error wins, as ever
        text = text[: -cut % len(text)]
    assert _public_outcome(text, limit) == _expected(text, limit)


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ('[{"a": "[["}, "]]", {"b": ["x"]}]', False),  # brackets inside strings, side by side
        ('["a", "b", "[", "c", [[["]"]]]]', True),
        ('[["\\\\"], "\\"[", [[[1]]]]', True),  # escaped backslash, escaped quote
        ('{"k": "", "": [[], {"": ""}], "x": [[[]]]}', True),
    ],
)
def test_the_depth_check_skips_string_contents(text: str, deep: bool) -> None:
    assert _too_deep(text, 3) is deep
    assert _too_deep(text, 3) == (_depth(json.loads(text)) > 3)


# -- the parser of the fast path against json.loads ---------------------------------------

_NUMBER_TEXT = st.from_regex(
    r"-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?", fullmatch=True
)
_ESCAPES = st.lists(
    st.sampled_from(
        [
            *("\ud800", "\udfff"),  # lone surrogates written as they are, not escaped
            *("\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000", "\\n", "\\\\"),
            *("a", "é", "\u2028"),
        ]
    ),
    max_size=4,
).map(lambda parts: '"' + "".join(parts) + '"')


@settings(deadline=None, max_examples=600)
@given(st.lists(_NUMBER_TEXT | _ESCAPES | st.builds(json.dumps, _DOCS), min_size=1, max_size=4))
def test_the_fast_parser_reads_what_json_loads_reads_exactly(items: list[str]) -> None:
    # numbers of up to 31 digits and exponents, lone surrogate escapes (refused by
    # pydantic-core, so read again by json.loads), nested documents
    text = "[" + ", ".join(items) + "]"
    assert repr(_plain(text)) == repr(json.loads(text))  # -0.0 and types count


def _parsed(read: Callable[[], object]) -> str:
    try:
        return "value " + repr(read())
    except (ValueError, RecursionError):
        return "refused"


@settings(deadline=None, max_examples=1500)
@given(st.text(alphabet='[]{}",: 0123456789.eE+-truefalsn\\u\t\x01\ud800', max_size=30))
def test_the_fast_parser_accepts_nothing_json_loads_refuses(text: str) -> None:
    # near-JSON noise: pydantic-core's parser must never read text json.loads refuses
    assert _parsed(lambda: _plain(text)) == _parsed(
        lambda: json.loads(text, parse_constant=_constant)
    )


# -- refused numbers, found in the numbers read (no hook on the fast path) ----------------


@pytest.mark.parametrize(
    ("members", "refused"),
    [
        ([10**MAX_INT_DIGITS - 1, -(10**MAX_INT_DIGITS - 1)], False),  # 40 digits: kept
        ([1, 10**MAX_INT_DIGITS], True),  # 41 digits
        ([-(10**MAX_INT_DIGITS), "x"], True),
        ([True, False, None], False),  # booleans are not numbers written
        ([1.7976931348623157e308, -1.7976931348623157e308], False),  # the largest floats
        ([0.5, float("inf")], True),  # 1e400 and the like read as infinity
        (["inf", -float("inf")], True),
        ([1.5, -float("inf")], True),  # floats only
        ([2, -(10**MAX_INT_DIGITS)], True),  # integers only
        ([True, 10**MAX_INT_DIGITS], True),
        ([1e300, 10**MAX_INT_DIGITS], True),  # a large float hides no long integer
        ([1e300, 3], False),
    ],
)
def test_a_refused_number_is_found_among_the_values_read(
    members: list[object], refused: bool
) -> None:
    assert _extreme(members, set(map(type, members))) is refused
    assert _shape({"a": [{"b": members}]})[2] is refused  # at any depth


_EDGE_NUMBERS = st.sampled_from(
    [
        "9" * MAX_INT_DIGITS,
        "-" + "9" * MAX_INT_DIGITS,
        "1" + "0" * MAX_INT_DIGITS,
        "-1" + "0" * MAX_INT_DIGITS,
        "1" * 4400,  # past the digits either parser reads
        "1.7976931348623157e308",
        "1.7976931348623159e308",  # rounds to infinity
        "1e308",
        "-1e309",
        "1E+400",
        "1" + "0" * 308 + ".0",
        "1" + "0" * 309 + ".0",
        "2.5e-400",  # underflows to 0.0: kept
        "0.1" + "0" * 60 + "1",
        "12",
        '"' + "9" * 50 + '"',  # digits inside a string are text
        '"1e400"',
    ]
)


@settings(deadline=None, max_examples=400)
@given(st.lists(_EDGE_NUMBERS, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_numbers_are_refused_as_the_hooks_refuse_them(
    items: list[str], in_object: bool, bare: bool
) -> None:
    if bare:  # a document that is one number
        text = items[0]
    elif in_object:
        text = "{" + ", ".join(f'"k{i}": {item}' for i, item in enumerate(items)) + "}"
    else:
        text = "[" + ", ".join(items) + "]"
    # the reference: every number through the hooks, every object through the pairs hook
    assert _outcome(lambda: loads(text)) == _outcome(
        lambda: _loads_strict(text, "JSON", MAX_DEPTH, _int, _float)
    )
