"""One escaping helper per text format the graph exports to: GraphML, DOT, Mermaid.

Every value written into an export goes through exactly one of these, so a
level named ``<script>``, ``%%{init: …}%%`` or ``a"; b -> c`` comes out as text,
never as markup, a directive or a new edge — and reads back exactly.

* :func:`xml_text` (GraphML): ``& < > " '`` and the three whitespace controls
  become character references, so ``\\r`` survives XML's line-end
  normalisation and tabs and newlines survive attribute normalisation.
* :func:`dot_string` (DOT): a quoted string; ``\\`` and ``"`` are
  backslash-escaped, a newline is ``\\n`` and a carriage return ``\\r``
  (Graphviz's escString), and ``&`` is ``&amp;`` so Graphviz does not read
  an entity (``&lt;``) in a name.
* :func:`mermaid_text` (Mermaid): everything but letters, digits, inner
  spaces and plain punctuation becomes a Mermaid entity code ``#NN;`` —
  markup (``<``), directives and comments (``%``), entity codes (``#``),
  math (``$``), markdown strings (backtick) and quotes included.

XML 1.0 cannot carry NUL and most other C0 control characters, nor unpaired
surrogates; all three formats refuse them (:func:`refuse_unwritable`) with a
:class:`~carecontinuum.transitions.GraphExportError` naming the value, rather
than dropping or replacing them.  Node-link JSON carries every character.

Examples
--------
>>> xml_text('a\\r\\n<b> & "c"', "name")
'a&#13;&#10;&lt;b&gt; &amp; &quot;c&quot;'
>>> dot_string('say "hi" \\\\ bye', "name")
'"say \\\\"hi\\\\" \\\\\\\\ bye"'
>>> mermaid_text("IOP <b>%%{init}%%", "name")
'IOP #60;b#62;#37;#37;#123;init#125;#37;#37;'
>>> xml_text("a\\x00b", "level 'a' name")
Traceback (most recent call last):
...
carecontinuum.transitions._errors.GraphExportError: GraphML export: level 'a' name has the \
character U+0000 at position 1, which GraphML cannot carry; remove it (node-link JSON keeps it)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ._errors import GraphExportError

__all__ = ["dot_string", "mermaid_ids", "mermaid_text", "refuse_unwritable", "xml_text"]

#: What XML 1.0 cannot write, even as a character reference.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def refuse_unwritable(text: str, format: str, field: str) -> None:
    """Raise :class:`GraphExportError` when *text* holds a character *format* cannot carry."""
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        raise GraphExportError(format, field, bad.group(), bad.start())


_XML = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&apos;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def xml_text(text: str, field: str) -> str:
    """*text* for GraphML element content or attribute values (see the module docs)."""
    refuse_unwritable(text, "GraphML", field)
    return text.translate(_XML)


_DOT = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "&": "&amp;"})


def dot_string(text: str, field: str) -> str:
    """*text* as a quoted DOT string, quotes included (see the module docs)."""
    refuse_unwritable(text, "DOT", field)
    return '"' + text.translate(_DOT) + '"'


_MERMAID_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.:;_-+=/?!'()@^"
)
#: Characters Mermaid itself uses for its entity placeholders: written as codes too.
_MERMAID_PLACEHOLDERS = frozenset("ﬂ°¶ß")
#: Unicode categories written as codes: controls, format (bidi) marks, separators, unassigned.
_MERMAID_CODED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


class _MermaidCodes(dict[int, str]):
    """``str.translate`` table: each character Mermaid must see as a code, filled on demand."""

    def __missing__(self, point: int) -> str:
        ch = chr(point)
        if point < 0x80:
            plain = ch in _MERMAID_PLAIN
        else:
            plain = (
                ch not in _MERMAID_PLACEHOLDERS
                and unicodedata.category(ch) not in _MERMAID_CODED_CATEGORIES
            )
        code = self[point] = ch if plain else f"#{point};"
        return code


_MERMAID_CODES = _MermaidCodes()


def mermaid_text(text: str, field: str) -> str:
    """*text* for a quoted Mermaid label (see the module docs).

    Leading and trailing spaces are coded too (Mermaid trims them).
    """
    refuse_unwritable(text, "Mermaid", field)
    coded = text.translate(_MERMAID_CODES)
    if coded.startswith(" "):
        coded = "#32;" + coded[1:]
    if coded.endswith(" "):
        coded = coded[:-1] + "#32;"
    return coded


_NOT_ID = re.compile(r"[^A-Za-z0-9_]")
#: Words the flowchart grammar reserves: a node id may not be one of them.
_MERMAID_KEYWORDS = frozenset(
    {
        "accdescr",
        "acctitle",
        "call",
        "callback",
        "class",
        "classdef",
        "click",
        "default",
        "direction",
        "end",
        "flowchart",
        "flowchart-elk",
        "graph",
        "href",
        "interpolate",
        "linkstyle",
        "style",
        "subgraph",
    }
)


def mermaid_ids(codes: Iterable[str]) -> dict[str, str]:
    """Mermaid node ids for level *codes*: letters, digits and ``_``, distinct, never a keyword.

    Examples
    --------
    >>> mermaid_ids(["3.2-WM", "3_2_WM", "end", "outpatient"])
    {'3.2-WM': 'L3_2_WM', '3_2_WM': 'L3_2_WM_2', 'end': 'end_', 'outpatient': 'outpatient'}
    """
    ids: dict[str, str] = {}
    taken: set[str] = set()
    tried: dict[str, int] = {}  # base -> the last suffix tried, so collisions stay linear
    for code in codes:
        base = _NOT_ID.sub("_", code)
        if not base[:1].isalpha() or not base[:1].isascii():
            base = "L" + base
        if base.casefold() in _MERMAID_KEYWORDS:
            base += "_"
        candidate, n = base, tried.get(base, 1)
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        tried[base] = n
        taken.add(candidate)
        ids[code] = candidate
    return ids
