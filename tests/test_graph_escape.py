"""Nothing is injected into what a graph exports: every format parses and names read back exactly.

Each format is read with a real parser — xml.etree and networkx for GraphML,
pydot for DOT, Mermaid's own parser (under node, see ``tests/mermaid/``) for
Mermaid, the stdlib HTML parser for the HTML repr — and Hypothesis throws
hostile names at all of them: markup, Mermaid directives, quotes, backslashes,
entity codes, control characters, bidi marks, line and paragraph separators.
A text format may refuse a value only when it holds a character XML 1.0
cannot carry, and then with a :class:`GraphExportError` naming it.
"""

from __future__ import annotations

import html.parser
import itertools
import json
import re
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic
import pydot
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.transitions import GraphExportError
from carecontinuum.transitions._escape import dot_string, mermaid_ids, mermaid_text, xml_text

MERMAID_DIR = Path(__file__).parent / "mermaid"
_GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
#: What XML 1.0 cannot carry: the only characters a text export may refuse.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What stays unwritable in a value GraphML carries as JSON text (JSON escapes controls).
UNWRITABLE_IN_JSON = re.compile("[\ud800-\udfff\ufffe\uffff]")

PIECES = [
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "<br>",
    "%%{init: {'theme': 'dark'}}%%",
    "%%",
    "%% comment",
    '"',
    "'",
    "\\",
    '\\"',
    "\\n",
    "&",
    "&amp;",
    "&lt;",
    "&#60;",
    "#quot;",
    "#60;",
    "#",
    ";",
    "ﬂ°°37¶ß",
    "`",
    "```",
    "$x^2$",
    "]]>",
    "<![CDATA[",
    "-->",
    "<!--",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "|",
    "==>",
    "-.->",
    "->",
    "end",
    "style",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "\x01",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\uffff",
    "é",
    "日本",
    "😀",
]
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), min_size=1, max_size=6).map(
    "".join
)
#: Hostile, but drawable with matplotlib's default font (no glyph warnings).
drawable = st.lists(
    st.sampled_from([p for p in PIECES if all(ord(c) < 0x2000 for c in p)])
    | st.text(st.characters(max_codepoint=0x24F), max_size=4),
    min_size=1,
    max_size=6,
).map("".join)


def hostile_graph(name: str, graph_name: str, rationale: str, alias: str) -> cc.ContinuumGraph:
    try:
        return _hostile_graph(name, graph_name, rationale, alias)
    except pydantic.ValidationError as err:  # pydantic refuses some (a lone surrogate): fine
        refused = "string_unicode" in str(err)
    assert refused
    assume(False)
    raise AssertionError("unreachable")


def _hostile_graph(name: str, graph_name: str, rationale: str, alias: str) -> cc.ContinuumGraph:
    a = cc.CareLevel(
        code="a",
        name=name or "x",
        framework="t",
        rank=0,
        setting="ambulatory",
        description=rationale,
        aliases=(alias,),
        note=name,
    )
    b = cc.CareLevel(code="end", name="B " + name, framework="t", rank=1, setting="ambulatory")
    g = cc.ContinuumGraph([a, b], name=graph_name)
    g.add_transition("a", "end", typical=True, rationale=rationale)
    g.add_transition("end", "a", rationale=name)
    return g


def _refused(exc: pytest.ExceptionInfo[GraphExportError], *values: str) -> None:
    assert any(UNWRITABLE.search(v) for v in values)
    assert UNWRITABLE.fullmatch(exc.value.char)
    assert f"U+{ord(exc.value.char):04X}" in str(exc.value)


# -- GraphML: xml.etree and networkx ------------------------------------------------------


def _graphml_values(text: str) -> tuple[dict[str, str], dict[str, dict[str, str]], list[Any]]:
    root = ET.fromstring(text)  # well-formed, or this raises
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{_GRAPHML}key")}
    graph = root.find(f"{_GRAPHML}graph")
    assert graph is not None
    top = {keys[d.get("key")]: d.text or "" for d in graph.findall(f"{_GRAPHML}data")}
    nodes = {
        n.get("id"): {keys[d.get("key")]: d.text or "" for d in n.findall(f"{_GRAPHML}data")}
        for n in graph.findall(f"{_GRAPHML}node")
    }
    edges = [
        (e.get("source"), e.get("target"), {keys[d.get("key")]: d.text or "" for d in e})
        for e in graph.findall(f"{_GRAPHML}edge")
    ]
    return top, nodes, edges


@given(hostile, hostile, hostile, hostile)
@settings(max_examples=150, deadline=None)
def test_graphml_parses_and_round_trips(
    name: str, graph_name: str, rationale: str, alias: str
) -> None:
    g = hostile_graph(name, graph_name, rationale, alias)
    values = [name, graph_name, rationale, alias]
    if any(UNWRITABLE.search(v) for v in values[:3]) or UNWRITABLE_IN_JSON.search(alias):
        with pytest.raises(GraphExportError) as exc:
            g.to_graphml()
        _refused(exc, *values)
        return
    text = g.to_graphml()  # an alias with a control character travels JSON-escaped
    top, nodes, edges = _graphml_values(text)
    lv = g.level("a")
    assert top["name"] == graph_name
    assert nodes["a"]["name"] == lv.name
    assert nodes["a"]["note"] == name
    assert json.loads(nodes["a"]["aliases"]) == [alias]
    assert {(a, b): d.get("rationale", "") for a, b, d in edges} == {
        (t.source, t.target): t.rationale for t in g.transitions
    }
    back = nx.parse_graphml(text)
    assert back.nodes["a"]["name"] == lv.name
    assert back.graph["name"] == graph_name


def test_graphml_keeps_carriage_returns_and_refuses_nul() -> None:
    g = hostile_graph("line\r\nbreak\rhere\ttab", "g", "a\rb", "x")
    _, nodes, edges = _graphml_values(g.to_graphml())
    assert nodes["a"]["name"] == "line\r\nbreak\rhere\ttab"
    assert edges[0][2]["rationale"] == "a\rb"
    nul = hostile_graph("a\x00b", "g", "", "x")
    with pytest.raises(GraphExportError) as exc:
        nul.to_graphml()
    assert str(exc.value) == (
        "GraphML export: level 'a' name has the character U+0000 at position 1, which GraphML "
        "cannot carry; remove it (node-link JSON keeps it)"
    )
    assert isinstance(exc.value, ValueError)
    assert isinstance(exc.value, cc.CareContinuumError)


# -- DOT: pydot ---------------------------------------------------------------------------

_DOT_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _dot_unquote(quoted: str) -> str:
    """Read back a quoted DOT string as :func:`dot_string` wrote it (the test's own decoder)."""
    assert quoted[0] == quoted[-1] == '"', quoted
    body = _DOT_ESCAPE.sub(
        lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), quoted[1:-1]
    )
    return body.replace("&amp;", "&")


@given(hostile, hostile, hostile)
@settings(max_examples=150, deadline=None)
def test_dot_parses_with_pydot_and_round_trips(name: str, graph_name: str, rationale: str) -> None:
    g = hostile_graph(name, graph_name, rationale, "x")
    if any(UNWRITABLE.search(v) for v in [name, graph_name, rationale]):
        with pytest.raises(GraphExportError) as exc:
            g.to_dot()
        _refused(exc, name, graph_name, rationale)
        return
    with warnings.catch_warnings():  # pydot 4 still calls pyparsing's pre-3.0 names
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="pydot|pyparsing")
        parsed = pydot.graph_from_dot_data(g.to_dot())
    assert parsed is not None
    assert len(parsed) == 1
    dot = parsed[0]
    assert _dot_unquote(dot.get_name()) == graph_name
    labels = {
        _dot_unquote(n.get_name()): _dot_unquote(n.get("label"))
        for n in dot.get_nodes()
        if n.get("label") is not None
    }
    assert labels == {lv.code: lv.name for lv in g.levels}
    edges = {
        (_dot_unquote(e.get_source()), _dot_unquote(e.get_destination())): e
        for e in dot.get_edges()
    }
    assert set(edges) == {("a", "end"), ("end", "a")}  # no edge was injected
    tooltip = edges[("a", "end")].get("tooltip")
    assert (_dot_unquote(tooltip) if tooltip else "") == rationale


def test_dot_string_escapes() -> None:
    assert dot_string('a"b\\c\nd\re&lt;', "x") == '"a\\"b\\\\c\\nd\\re&amp;lt;"'
    assert dot_string("ends with \\", "x") == '"ends with \\\\"'
    with pytest.raises(GraphExportError, match="DOT export: x has the character U\\+001B"):
        dot_string("\x1b[31m", "x")


# -- Mermaid: Mermaid's own parser under node ---------------------------------------------


class MermaidParser:
    """One node process running tests/mermaid/parse.mjs, fed a flowchart per line."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node, "node (Node.js) is needed to run Mermaid's parser: install nodejs"
        if not (MERMAID_DIR / "node_modules" / "mermaid").is_dir():
            npm = shutil.which("npm")
            assert npm, "npm is needed once: npm ci --prefix tests/mermaid"
            subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                cwd=MERMAID_DIR,
                check=True,
                capture_output=True,
                timeout=600,
            )
        self.proc = subprocess.Popen(
            [node, str(MERMAID_DIR / "parse.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def parse(self, text: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(text) + "\n")
        self.proc.stdin.flush()
        reply: dict[str, Any] = json.loads(self.proc.stdout.readline())
        return reply

    def close(self) -> None:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture(scope="module")
def mermaid() -> Iterator[MermaidParser]:
    parser = MermaidParser()
    yield parser
    parser.close()


_PLACEHOLDER = re.compile("ﬂ°°(\\d+)¶ß")


def _mermaid_label(parsed: str) -> str:
    """A label as Mermaid will render it: its entity placeholders decoded."""
    return _PLACEHOLDER.sub(lambda m: chr(int(m.group(1))), parsed)


_GRAMMAR = re.compile(
    r'flowchart BT\n(?:  [A-Za-z][A-Za-z0-9_]*\["(?:[^"<>&%#`$\s]|#\d+;| )*"\]\n)*'
    r"(?:  [A-Za-z][A-Za-z0-9_]* (?:==>\|(?:step-up|step-down|lateral)\||-\.->) "
    r"[A-Za-z][A-Za-z0-9_]*\n)*"
)


def _check_mermaid(mermaid: MermaidParser, g: cc.ContinuumGraph) -> None:
    text = g.to_mermaid()
    assert _GRAMMAR.fullmatch(text), text  # our own strict grammar of what we emit
    parsed = mermaid.parse(text)
    assert parsed["ok"], parsed["error"]
    ids = {v: k for k, v in mermaid_ids(g.codes).items()}  # Mermaid id -> level code
    assert set(parsed["vertices"]) == set(ids)
    labels = {ids[i]: _mermaid_label(label) for i, label in parsed["vertices"].items()}
    assert labels == {lv.code: lv.name for lv in g.levels}
    edges = {(ids[a], ids[b]): (label, stroke) for a, b, label, stroke in parsed["edges"]}
    assert edges == {
        (t.source, t.target): (
            t.kind.label if t.typical else "",
            "thick" if t.typical else "dotted",
        )
        for t in g.transitions
    }


@given(hostile, hostile)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_mermaid_parses_with_mermaid_and_round_trips(
    mermaid: MermaidParser, name: str, other: str
) -> None:
    g = hostile_graph(name, "g", "", "x")
    try:
        third = cc.CareLevel(
            code="3.2-WM", name=other or "y", framework="t", rank=2, setting="ambulatory"
        )
    except pydantic.ValidationError:
        assume(False)
        raise
    g.add_level(third)
    g.add_transition("a", "3.2-WM")
    if UNWRITABLE.search(name + other):
        with pytest.raises(GraphExportError) as exc:
            g.to_mermaid()
        _refused(exc, name, other)
        return
    _check_mermaid(mermaid, g)


@given(
    st.lists(
        st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,12}", fullmatch=True),
        min_size=1,
        max_size=8,
        unique=True,
    )
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_mermaid_ids_from_any_codes(mermaid: MermaidParser, codes: list[str]) -> None:
    levels = [
        cc.CareLevel(code=c, name=c, framework="t", rank=i, setting="ambulatory")
        for i, c in enumerate(codes)
    ]
    g = cc.ContinuumGraph(levels)
    for x, y in itertools.pairwise(codes):
        g.add_transition(x, y, typical=True)
        g.add_transition(y, x)
    _check_mermaid(mermaid, g)


@pytest.mark.parametrize(
    "keyword", ["end", "graph", "subgraph", "style", "class", "classDef", "click", "call", "href"]
)
def test_mermaid_keywords_are_not_ids(mermaid: MermaidParser, keyword: str) -> None:
    levels = [
        cc.CareLevel(code=keyword, name=keyword, framework="t", rank=0, setting="ambulatory"),
        cc.CareLevel(code="b", name="b", framework="t", rank=1, setting="ambulatory"),
    ]
    g = cc.ContinuumGraph(levels)
    g.add_transition(keyword, "b", typical=True)
    _check_mermaid(mermaid, g)


def test_mermaid_text_codes_markup_and_directives(mermaid: MermaidParser) -> None:
    assert mermaid_text("<script>", "x") == "#60;script#62;"
    assert mermaid_text("%%{init: {}}%%", "x") == "#37;#37;#123;init: #123;#125;#125;#37;#37;"
    assert mermaid_text(" padded ", "x") == "#32;padded#32;"
    _check_mermaid(mermaid, hostile_graph("%%{init: {'theme':'dark'}}%%<img src=x>", "g", "", "x"))


# -- the notebook display, the HTML repr and node-link JSON -------------------------------


@given(drawable)
@settings(max_examples=40, deadline=None)
def test_notebook_display_is_escaped(name: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    g = hostile_graph(name, name, name, "x")
    bundle = g._repr_mimebundle_()
    if UNWRITABLE.search(name):
        assert "text/markdown" not in bundle  # left out, never half-written
    else:
        body = bundle["text/markdown"].removeprefix("```mermaid\n").removesuffix("```\n")
        assert body == g.to_mermaid()
        assert "`" not in body  # a name cannot close the code fence
        assert "<" not in body
    svg = bundle["image/svg+xml"]  # drawn: control characters shown as escapes
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in {"td", "th"}:
            self.cells.append("")

    def handle_data(self, data: str) -> None:
        if self.cells:
            self.cells[-1] += data


@given(hostile)
@settings(max_examples=100, deadline=None)
def test_transition_html_repr_is_escaped(rationale: str) -> None:
    t = cc.Transition(source="a", target="b", kind="step_up", rationale=rationale)
    cells = _Cells()
    cells.feed(t._repr_html_())
    cells.close()
    # no markup got through: only the display layer's own tags
    assert set(cells.tags) <= {"table", "caption", "b", "tr", "th", "td", "p"}
    if rationale:
        assert cells.cells[cells.cells.index("rationale") + 1] == rationale


@given(hostile, hostile, hostile, hostile)
@settings(max_examples=100, deadline=None)
def test_node_link_json_carries_every_character(
    name: str, graph_name: str, rationale: str, alias: str
) -> None:
    assume("\ud800" not in name + graph_name + rationale + alias)  # not encodable as UTF-8
    g = hostile_graph(name, graph_name, rationale, alias)
    text = json.dumps(g.to_node_link(), ensure_ascii=False)
    assert cc.ContinuumGraph.from_node_link(text) == g
    assert cc.ContinuumGraph.from_node_link(text.encode("utf-8")) == g


def test_xml_text_escapes_everything_markup_needs() -> None:
    assert xml_text("<a href=\"x\">'&'</a>\t\n\r", "x") == (
        "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#9;&#10;&#13;"
    )
    for bad in ["\x00", "\x0b", "\x1f", "\ud800", "\ufffe"]:
        with pytest.raises(GraphExportError):
            xml_text(f"a{bad}", "x")
