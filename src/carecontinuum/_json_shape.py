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

__all__ = ["Long", "Many", "Wide", "longest_array", "oversized", "widest_object"]

#: Every byte but brackets, braces, quotes, colons and commas (deleted from the UTF-8 bytes).
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}":,')
#: An innermost container, once scalars and strings are cut: only colons and commas inside
#: (brackets are not matched with each other: in JSON they pair up anyway).
_INNERMOST = re.compile(rb"[\[{][:,]*[\]}]")
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


class Long(NamedTuple):
    """An array of a JSON text with more items than the limit (:func:`longest_array`)."""

    items: int
    """How many items the array has."""


class Many(NamedTuple):
    """A JSON text with more objects and arrays in all than the limit (:func:`oversized`)."""

    containers: int
    """How many objects and arrays the text has, strings left out."""


def _structure(text: str, quotes: bool = True) -> bytes:
    """The structure of *text*: only ``{ } [ ] : ,`` outside strings, plus one ``"`` per string.

    Escaped backslashes and quotes are dropped first, so every quote left
    delimits a string; the contents of strings are then cut out.  A string
    with no structural byte inside is ``""`` once the rest is deleted (in
    JSON a closing quote is never followed by a quote), so those are cut
    without splitting; only strings holding brackets, colons or commas are.
    Without *quotes*, strings leave nothing at all.
    """
    if "\\" in text:
        text = text.replace("\\\\", "").replace('\\"', "")
    kept = text.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE)
    kept = kept.replace(b'""', b"\x00" if quotes else b"")  # \x00 is not kept: one string
    if b'"' in kept:
        kept = (b'"' if quotes else b"").join(kept.split(b'"')[::2])
    return kept.replace(b"\x00", b'"') if quotes else kept


def oversized(
    data: str | bytes | bytearray,
    max_keys: int | None,
    max_items: int | None,
    max_containers: int | None = None,
) -> Wide | Long | Many | None:
    """An object of more than *max_keys* keys, an array of more than *max_items* items,
    or more than *max_containers* objects and arrays in all.

    The scans of :func:`widest_object` and :func:`longest_array` in one
    sequence of passes over one reduction of the text (a limit of ``None``
    skips its scan).  Each pass first looks for an object over the key limit,
    then for an array over the item limit, then deletes the innermost
    containers; the first found is returned.  The containers are counted last.

    Examples
    --------
    >>> oversized('[{"a": 1, "b": 2}, 3, 4]', 1, 2)
    Wide(keys=2, line=1, column=3, key='a')
    >>> oversized('[{"a": 1, "b": 2}, 3, 4]', None, 2)
    Long(items=3)
    >>> oversized('[[1], [2], "[[["]', None, None, 2)
    Many(containers=3)
    """
    text = data if isinstance(data, str) else bytes(data).decode("utf-8", "replace")
    # cheap: without that many colons (commas) no object (array) can be over its limit
    keys = max_keys if max_keys is not None and text.count(":") > max_keys else None
    items = max_items if max_items is not None and text.count(",") >= max_items else None
    many = (
        max_containers
        if max_containers is not None and text.count("{") + text.count("[") > max_containers
        else None
    )
    if keys is None and items is None and many is None:
        return None
    shape = _structure(text, quotes=False)
    found: Wide | Long | Many | None = None
    if keys is not None or items is not None:
        found = _passes(text, shape, keys, items)  # first: they say more about where
    if found is None and many is not None:
        containers = shape.count(b"{") + shape.count(b"[")  # strings are cut: the containers'
        if containers > many:
            found = Many(containers)
    return found


def _passes(text: str, shape: bytes, keys: int | None, items: int | None) -> Wide | Long | None:
    """The key and item scans of :func:`oversized`, a nesting level a pass."""
    for depth in range(_PASSES):
        if keys is not None:
            # without commas, an object's own colons are side by side once its children are cut
            colons = shape.translate(None, b",")
            if b":" * (keys + 1) in colons:
                if depth == 0:
                    return _located(text, _structure(text).translate(None, b","), keys)
                runs = re.findall(rb":{%d,}" % (keys + 1), colons)
                return Wide(max(map(len, runs)), 0, 0, "")
        if items is not None:
            commas = shape.translate(None, b":")
            if b"," * items in commas:  # may be an object's: only an innermost array counts
                arrays = re.findall(rb"\[,{%d,}\]" % items, commas)
                if arrays:
                    return Long(max(map(len, arrays)) - 1)
        shorter = shape.replace(b"[]", b"").replace(b"{}", b"")  # empty containers, cheaply
        if len(shorter) == len(shape):
            shorter = _INNERMOST.sub(b"", shape)  # innermost containers (each already checked)
            if len(shorter) == len(shape):
                return None
        shape = shorter
    return None  # pragma: no cover - deeper than any text the parser reads


def longest_array(data: str | bytes | bytearray, limit: int) -> Long | None:
    """An array of the JSON text *data* with more than *limit* items, or ``None``.

    Like :func:`widest_object`, in C and without parsing: the text is reduced
    to its brackets, braces and commas, and each pass deletes the innermost
    containers, so that an array's own commas end up side by side — an
    innermost array of more than *limit* commas has more than *limit* + 1
    items.  For text that is not JSON the answer means nothing.

    Parameters
    ----------
    data:
        JSON text, or its UTF-8 bytes.
    limit:
        The most items an array may have, at least 1 (with scalars cut, ``[]``
        and ``[1]`` look alike).

    Returns
    -------
    Long or None
        The first array found with more than *limit* items.

    Examples
    --------
    >>> longest_array('{"a": [{"x": [1, 2]}, {}, "[,,]", []]}', 3)
    Long(items=4)
    >>> longest_array('{"a": [1, 2, 3], "b": {"c": 1, "d": 2, "e": 3, "f": 4}}', 3) is None
    True
    """
    found = oversized(data, None, limit)
    return found if isinstance(found, Long) else None


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
    found = oversized(data, limit, None)
    return found if isinstance(found, Wide) else None


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
