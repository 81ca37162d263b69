"""The widest object of a JSON text, found without parsing it.

A model's ``model_validate_json`` refuses an unknown key with one error, and
pydantic builds each error with its input converted to Python: an object of
80,000 unknown keys, or one unknown key holding such an object, costs more to
report than to parse.  :func:`widest_object` finds, at C speed and before any
parsing, whether some object of the text has more than a given number of keys
— so that :mod:`carecontinuum._json_model` can refuse the document in one error.

Examples
--------
>>> widest_object('{"a": {"k0": 1, "k1": 2, "k2": 3}}', 2)
Wide(keys=3, line=1, column=8, key='k0')
>>> widest_object('{"a": {"k0": 1, "k1": 2}}', 2) is None
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Wide", "widest_object"]

#: Every byte but brackets, braces, quotes and colons (deleted from the UTF-8 bytes).
_NOT_SHAPE = bytes(b for b in range(256) if b not in b'[]{}":')
#: An object whose members are all scalars (in the shape: colons only).
_FLAT_OBJECT = re.compile(rb"\{:*\}")
#: The deepest nesting searched; the strict reader refuses deeper text anyway.
_PASSES = 66


class Wide(NamedTuple):
    """An object of a JSON text with more keys than the limit (:func:`widest_object`)."""

    keys: int
    """How many keys the object has (at least: members after a nested container may be
    counted in a later pass than the one that found the object)."""
    line: int
    """The line of :attr:`key` (1-based), or 0 when not located."""
    column: int
    """The column of :attr:`key`'s opening quote (1-based), or 0 when not located."""
    key: str
    """The first key of the run of keys found, as written (escapes kept), or ""."""


def _shape(text: str) -> bytes:
    """The structure of *text*: only ``{ } [ ] :`` outside strings, plus one ``"`` per string.

    Escaped backslashes and quotes are dropped first, so every quote left
    delimits a string; the contents of strings are then cut out.
    """
    if "\\" in text:
        text = text.replace("\\\\", "").replace('\\"', "")
    pieces = text.encode("utf-8", "surrogatepass").translate(None, _NOT_SHAPE).split(b'"')
    return b'"'.join(pieces[::2])


def widest_object(data: str | bytes | bytearray, limit: int) -> Wide | None:
    """An object of the JSON text *data* with more than *limit* keys, or ``None``.

    Runs in C (no parsing, a few passes over the bytes): the text is reduced
    to its structure, then each pass deletes the innermost containers — an
    object's own colons are then side by side, so a run of more than *limit*
    colons is an object with more than *limit* keys.  An object whose keys
    are side by side from the start is located (the line and column of a key,
    and that key); one found after deleting its nested containers is reported
    without a place.  For text that is not JSON the answer means nothing (the
    parser refuses such text anyway).

    Parameters
    ----------
    data:
        JSON text, or its UTF-8 bytes.
    limit:
        The most keys an object may have.

    Returns
    -------
    Wide or None
        The first object found with more than *limit* keys.

    Examples
    --------
    >>> widest_object('{"k0": {}, "k1": [], "k2": {"x": 1}}', 2)
    Wide(keys=3, line=0, column=0, key='')
    """
    text = data if isinstance(data, str) else bytes(data).decode("utf-8", "replace")
    if text.count(":") <= limit:  # cheap: no object can have that many keys
        return None
    with_quotes = _shape(text)
    shape = with_quotes.replace(b'"', b"")
    run = b":" * (limit + 1)
    for depth in range(_PASSES):
        if run in shape:
            if depth == 0:
                return _located(text, with_quotes, limit)
            return Wide(max(map(len, re.findall(rb":{%d,}" % (limit + 1), shape))), 0, 0, "")
        shorter = shape.replace(b"[]", b"").replace(b"{}", b"")  # empty containers, cheaply
        if len(shorter) == len(shape):
            shorter = _FLAT_OBJECT.sub(b"", shape)  # innermost objects (each already checked)
            if len(shorter) == len(shape):
                return None
        shape = shorter
    return None  # pragma: no cover - deeper than any text the parser reads


def _located(text: str, with_quotes: bytes, limit: int) -> Wide:
    """The run of more than *limit* keys side by side, with the place of its first key.

    In *with_quotes* a string is one quote: a key is a quote and a colon, and
    the keys of one object follow each other with one quote (a string value)
    or none between them.
    """
    found = re.search(rb'":(?:"{1,2}:){%d,}' % limit, with_quotes)
    if found is None:  # pragma: no cover - the colon run was found in the same structure
        return Wide(limit + 1, 0, 0, "")
    nth = with_quotes.count(b'"', 0, found.start())  # the key is string number nth
    # the same text with escapes blanked out, so that every quote left delimits a string
    plain = text.replace("\\\\", "__").replace('\\"', "__")
    pieces = plain.split('"', 2 * nth + 2)
    quote = sum(map(len, pieces[: 2 * nth + 1])) + 2 * nth
    line = text.count("\n", 0, quote) + 1
    column = quote - (text.rfind("\n", 0, quote) + 1) + 1
    key = text[quote + 1 : quote + 1 + len(pieces[2 * nth + 1])]
    return Wide(found.group().count(b":"), line, column, key)
