"""One strict JSON reader for every file and text the library accepts.

``json.loads`` quietly keeps the last of two duplicate keys, accepts
``NaN``/``Infinity``, parses a 4,000-digit integer and recurses until the
interpreter gives up.  :func:`loads` refuses each of these with an
:class:`~carecontinuum.InvalidJsonError` that says where and why, so a CLI
file, a FHIR resource or a locator listing never changes silently or crashes.

Examples
--------
>>> loads('{"level": "IOP", "weeks": 6}')
{'level': 'IOP', 'weeks': 6}
>>> loads('{"level": "IOP", "level": "PHP"}')
Traceback (most recent call last):
...
carecontinuum.errors.InvalidJsonError: JSON object at line 1 column 1 repeats the key 'level'
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from itertools import chain
from typing import Any, NamedTuple

from pydantic_core import from_json

from ._text import echo
from .errors import InvalidJsonError

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "loads"]

#: The deepest nesting of arrays and objects accepted.
MAX_DEPTH = 64
#: The longest integer literal accepted (a 64-bit integer has 19 digits).
MAX_INT_DIGITS = 40


def _byte_classes() -> bytes:
    """Each byte's class for :func:`_scan`: digits ``0``, ``e``/``E`` ``e``, signs ``+``,
    JSON whitespace a space, any other byte ``.``."""
    table = bytearray(b"." * 256)
    for members, cls in ((b"0123456789", 48), (b"eE", 101), (b"+-", 43), (b" \t\n\r", 32)):
        for byte in members:
            table[byte] = cls
    return bytes(table)


_CLASSES = _byte_classes()
#: A run of digits longer than any integer accepted (perhaps inside a string).
_LONG_DIGITS = b"0" * (MAX_INT_DIGITS + 1)
#: An exponent of three digits or more: the float may overflow to infinity.
_BIG_EXPONENTS = (b"e000", b"e+000")


class _Scan(NamedTuple):
    """What one pass over the text found (:func:`_scan`)."""

    long_digits: bool
    """A run of more than :data:`MAX_INT_DIGITS` digits, perhaps inside a string."""
    big_exponent: bool
    """An exponent of three digits or more (``1e400``), perhaps inside a string."""


class _NumberError(ValueError):
    """A number literal the reader refuses (too many digits, too large for a float)."""


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # a repeated key: find it (rare, so the loop is fine)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberError(f"an integer of {len(text)} digits (at most {MAX_INT_DIGITS})")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # json.loads would quietly read 1e400 as Infinity
        raise _NumberError(f"the number {echo(text)} is too large (at most about 1.8e308)")
    return value


def _constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON (write a number, or null)")


#: An innermost pair of brackets.
_INNERMOST = re.compile(rb"\[\]|\{\}")
#: Every byte but brackets and quotes.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')


def _too_deep(text: str, limit: int) -> bool:
    """True when the (valid) JSON *text* nests arrays and objects deeper than *limit*.

    Runs in C: escaped backslashes and quotes are dropped, everything but
    brackets and quotes is deleted from the UTF-8 bytes, the parts inside
    quotes (string contents) are cut out, then each pass deletes the innermost
    ``[]`` and ``{}`` pairs — *limit* passes at most, most documents done in two
    or three.  Nesting past the parser's own recursion limit never gets here:
    the parser refuses it first.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    plain = text.replace("\\\\", "").replace('\\"', "")
    data = plain.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE)
    brackets = b"".join(data.split(b'"')[::2])
    for _ in range(limit):
        if not brackets:
            return False
        shorter = _INNERMOST.sub(b"", brackets)  # one level a pass, [] and {} alike
        if len(shorter) == len(brackets):
            return False  # pragma: no cover - the text parsed, so its brackets balance
        brackets = shorter
    return bool(brackets)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def loads(data: str | bytes | bytearray, *, what: str = "JSON", max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON text strictly.

    Parameters
    ----------
    data:
        The text, or UTF-8 bytes (a leading byte-order mark is allowed).
    what:
        What the text is, for messages ("program file 'week.json'").
    max_depth:
        The deepest nesting of arrays and objects accepted.

    Returns
    -------
    Any
        The parsed value: dicts, lists, strings, ints, floats, bools and None.

    Raises
    ------
    carecontinuum.InvalidJsonError
        For bytes that are not UTF-8, malformed JSON, a duplicate key in an
        object, ``NaN`` or ``Infinity`` (written, or a number such as ``1e400``
        too large for a float), an integer of more than :data:`MAX_INT_DIGITS`
        digits, or nesting deeper than *max_depth*.

    Examples
    --------
    >>> loads(b'\\xef\\xbb\\xbf[1, 2.5, null]')
    [1, 2.5, None]
    >>> loads("[NaN]")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.InvalidJsonError: JSON is not valid: NaN is not JSON (write a number, \
or null)
    >>> loads("[" * 100 + "]" * 100)
    Traceback (most recent call last):
    ...
    carecontinuum.errors.InvalidJsonError: JSON nests deeper than 64 levels
    """
    text = _text(data, what)
    # fast path: pydantic-core's parser with no hook (a Python call per object or number):
    # duplicate keys are found by counting instead (the pairs the text writes against the
    # pairs the dicts kept) and refused numbers by looking at the numbers read
    try:
        value = _plain(text)
    except (ValueError, RecursionError):
        return _refuse(text, what, max_depth)  # the hook path says why, exactly as ever
    if type(value) is dict or type(value) is list:
        kept, depth, extreme = _shape(value)
        if extreme:  # an integer too long or a number too large: the hooks say which
            return _loads_strict(text, what, max_depth, _int, _float)
        if kept != _pairs_bound(text) and kept != _written_pairs(text):
            return _refuse(text, what, max_depth)  # a key repeated: found and placed there
        if depth > max_depth:
            raise InvalidJsonError(f"{what} nests deeper than {max_depth} levels", kind="depth")
    elif _extreme([value], {type(value)}):
        return _loads_strict(text, what, max_depth, _int, _float)
    return value


def _refuse(text: str, what: str, max_depth: int) -> Any:
    """Parse refused *text* again with the pairs hook, so the error says what and where.

    The number hooks cost a Python call per number: they are used only when a
    long run of digits or a long exponent (perhaps inside a string) is there at
    all.  (A duplicate key before a syntax error is reported as the duplicate.)
    """
    scan = _scan(text)
    int_hook = _int if scan.long_digits else None
    float_hook = _float if scan.long_digits or scan.big_exponent else None
    return _loads_strict(text, what, max_depth, int_hook, float_hook)


def _plain(text: str) -> Any:
    """*text* parsed with no hook, by pydantic-core's parser (``json.loads`` if it refuses).

    pydantic-core's parser (Rust) is faster than ``json.loads`` on large text
    and gives the same values for any text both accept: it refuses more (a
    lone surrogate, escaped as ``"\\ud800"`` or not, nesting past 200 levels,
    integers of over 4,300 digits), and anything it refuses is parsed again by
    ``json.loads``, so what is accepted and every message stay
    ``json.loads``'s.  Both refuse ``NaN`` and ``Infinity`` here; ``1e400``
    reads as infinity in both, which :func:`loads` then refuses (see
    :func:`_shape`).
    """
    try:
        return from_json(text, allow_inf_nan=False)
    except (ValueError, TypeError):  # TypeError: text holding a lone surrogate
        pass
    return json.loads(text, parse_constant=_constant)


def _text(data: str | bytes | bytearray, what: str) -> str:
    """*data* as text: UTF-8 bytes decoded, a byte-order mark dropped."""
    if isinstance(data, bytes | bytearray):
        try:
            return bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            bad = echo(bytes(data[err.start : err.start + 1]))
            raise InvalidJsonError(
                f"{what} is not UTF-8 text: byte {err.start} is {bad}", kind="encoding"
            ) from None
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    raise TypeError(f"loads() takes str or bytes, got {type(data).__name__}")


#: The smallest integer of more than :data:`MAX_INT_DIGITS` digits.
_TOO_LONG = 10**MAX_INT_DIGITS
_INTEGERS = frozenset({int, bool})
_is_dict = dict.__instancecheck__
_is_list = list.__instancecheck__
_is_float = float.__instancecheck__
_is_int = int.__instancecheck__


def _extreme(members: list[Any], kinds: set[type]) -> bool:
    """Whether *members* (of types *kinds*) hold a number :func:`loads` refuses.

    An integer of more than :data:`MAX_INT_DIGITS` digits (JSON writes no
    leading zeros, so exactly those from 10**40 on) or an infinite float (a
    number too large, such as ``1e400``; NaN and Infinity are not read).
    """
    if float in kinds:
        if len(kinds) == 1:  # floats only (an array of numbers): no filter
            if max(members) == math.inf or min(members) == -math.inf:
                return True
        elif max(map(abs, filter(_is_float, members))) == math.inf:
            return True
    if int not in kinds:
        return False
    if kinds <= _INTEGERS:  # integers (and booleans) only: no filter
        return bool(max(members) >= _TOO_LONG or min(members) <= -_TOO_LONG)
    return bool(max(map(abs, filter(_is_int, members))) >= _TOO_LONG)


def _shape(value: dict[str, Any] | list[Any]) -> tuple[int, int, bool]:
    """The key/value pairs all the dicts in *value* hold, its depth, and any refused number.

    Walks the tree a level at a time, so most of the work (lengths, values,
    the types of a level's members, the filters) runs in C.  The third item
    says whether a number :func:`loads` refuses is there (:func:`_extreme`).
    """
    pairs = depth = 0
    extreme = False
    dicts: list[dict[str, Any]] = [value] if type(value) is dict else []
    lists: list[list[Any]] = [] if dicts else [value]  # type: ignore[list-item]
    while True:
        depth += 1
        pairs += sum(map(len, dicts))
        members = list(chain.from_iterable(map(dict.values, dicts)))
        members.extend(chain.from_iterable(lists))
        kinds = set(map(type, members))
        if not extreme and (float in kinds or int in kinds):
            extreme = _extreme(members, kinds)
        has_dicts, has_lists = dict in kinds, list in kinds
        if not (has_dicts or has_lists):
            return pairs, depth, extreme
        dicts = list(filter(_is_dict, members)) if has_dicts else []
        lists = list(filter(_is_list, members)) if has_lists else []


def _scan(text: str) -> _Scan:
    """Look for long digit runs and exponents: in C, all at once.

    The UTF-8 bytes are mapped to byte classes (:data:`_CLASSES`) and searched.
    """
    data = text.encode("utf-8", "surrogatepass").translate(_CLASSES)
    return _Scan(
        long_digits=_LONG_DIGITS in data,
        big_exponent=any(exponent in data for exponent in _BIG_EXPONENTS),
    )


def _pairs_bound(text: str) -> int:
    """At least as many as the key/value pairs the (valid) JSON *text* writes.

    Every pair has a colon, and a colon outside strings is always a pair's; one
    followed by ``//`` (a URL's ``https://``) never is, since no JSON value
    starts with ``/``.  So the colons less the ``://`` bound the pairs from
    above — never fewer — and are exact for most documents.
    """
    return text.count(":") - text.count("://")


#: Every byte but quotes and colons.
_NOT_QUOTE_OR_COLON = bytes(b for b in range(256) if b not in b'":')


def _written_pairs(text: str) -> int:
    """The key/value pairs the (valid) JSON *text* writes: its colons outside strings.

    Runs in C: escaped backslashes and quotes are dropped, everything but
    quotes and colons is deleted from the UTF-8 bytes, the parts inside quotes
    (string contents) are cut out, and the colons left are counted.
    """
    plain = text.replace("\\\\", "").replace('\\"', "")
    data = plain.encode("utf-8", "surrogatepass").translate(None, _NOT_QUOTE_OR_COLON)
    return b"".join(data.split(b'"')[::2]).count(b":")


def _loads_strict(
    text: str,
    what: str,
    max_depth: int,
    int_hook: Callable[[str], int] | None,
    float_hook: Callable[[str], float] | None,
) -> Any:
    """Parse *text* with the pairs hook: every object checked as it is built."""
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=int_hook,
            parse_float=float_hook,
            parse_constant=_constant,
        )
    except _DuplicateKeyError as dup:
        # find the object for the message: re-scan is cheap next to a hostile file
        pos = _object_position(text, dup.key)
        line, col = _line_col(text, pos)
        raise InvalidJsonError(
            f"{what} object at line {line} column {col} repeats the key {echo(dup.key)}",
            kind="duplicate-key",
            line=line,
            column=col,
            detail=f"an object repeats the key {echo(dup.key)}",
        ) from None
    except json.JSONDecodeError as err:
        raise InvalidJsonError(
            f"{what} is not valid: {err.msg} at line {err.lineno} column {err.colno}",
            kind="syntax",
            line=err.lineno,
            column=err.colno,
            detail=err.msg,
        ) from None
    except RecursionError:
        raise InvalidJsonError(
            f"{what} nests deeper than {max_depth} levels", kind="depth"
        ) from None
    except ValueError as err:
        kind = "number" if isinstance(err, _NumberError) else "syntax"
        raise InvalidJsonError(f"{what} is not valid: {err}", kind=kind) from None
    if (type(value) is dict or type(value) is list) and _too_deep(text, max_depth):
        raise InvalidJsonError(f"{what} nests deeper than {max_depth} levels", kind="depth")
    return value


def _object_position(text: str, key: str) -> int:
    """The start of the innermost object that holds *key* twice (best effort)."""
    needle = json.dumps(key)
    first = text.find(needle)
    if first < 0:
        return 0
    start = text.rfind("{", 0, first)
    return max(start, 0)
