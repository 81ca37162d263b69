"""A frozen corpus of hostile names through every export, each read back by a real parser.

Issue 9 §4: every export either escapes or refuses control characters and markup,
parses with a real parser of its format and round-trips the names exactly.  Each
piece of :data:`strategies.MARKUP` goes into a level name, the graph name and a
move's rationale, and then:

* **GraphML** is parsed with ``xml.etree`` (well-formed or it raises) and the
  three values compared exactly, ``\\r`` included;
* **DOT** is parsed with pydot and the quoted strings decoded;
* **Mermaid** is parsed by Mermaid's own parser (``tests/mermaid/parse.mjs``
  under node, one process for the whole corpus) and the labels decoded;
* **node-link JSON** is dumped to text and read back with
  ``ContinuumGraph.from_node_link``, equal to the original graph.

A text format may refuse only what XML 1.0 cannot carry, and then with a
``GraphExportError`` naming the character; node-link JSON must carry everything.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pydot
import pytest
from strategies import MARKUP

import carecontinuum as cc
from carecontinuum.transitions import GraphExportError
from carecontinuum.transitions._escape import mermaid_ids

MERMAID = Path(__file__).parent.parent / "mermaid"
_NS = "{http://graphml.graphdrawing.org/xmlns}"
#: What XML 1.0 cannot carry: the only characters a text export may refuse.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NAMES = [f"L {piece} R" for piece in MARKUP] + [piece for piece in MARKUP if piece.strip()]


def _graph(name: str) -> cc.ContinuumGraph:
    a = cc.CareLevel(code="a", name=name, framework="t", rank=0, setting="ambulatory")
    b = cc.CareLevel(code="b", name="B", framework="t", rank=1, setting="ambulatory")
    g = cc.ContinuumGraph([a, b], name=name)
    g.add_transition("a", "b", typical=True, rationale=name)
    g.add_transition("b", "a", rationale="back")
    return g


def _refused_or(fmt: str, name: str) -> str | None:
    """The export's text, or None when it was refused (only for an unwritable character)."""
    export = getattr(_graph(name), f"to_{fmt}")
    if UNWRITABLE.search(name) is None:
        return str(export())  # a writable name is never refused
    with pytest.raises(GraphExportError) as info:
        export()
    assert UNWRITABLE.fullmatch(info.value.char)
    assert f"U+{ord(info.value.char):04X}" in str(info.value)
    return None


@pytest.mark.parametrize("name", NAMES, ids=[ascii(n) for n in NAMES])
def test_graphml_parses_with_xml_etree_and_round_trips(name: str) -> None:
    text = _refused_or("graphml", name)
    if text is None:
        return
    root = ET.fromstring(text)
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{_NS}key")}
    graph = root.find(f"{_NS}graph")
    assert graph is not None
    top = {keys[d.get("key")]: d.text or "" for d in graph.findall(f"{_NS}data")}
    nodes = {
        n.get("id"): {keys[d.get("key")]: d.text or "" for d in n.findall(f"{_NS}data")}
        for n in graph.findall(f"{_NS}node")
    }
    edges = {
        (e.get("source"), e.get("target")): {keys[d.get("key")]: d.text or "" for d in e}
        for e in graph.findall(f"{_NS}edge")
    }
    assert top["name"] == name
    assert nodes["a"]["name"] == name
    assert set(edges) == {("a", "b"), ("b", "a")}  # nothing injected
    assert edges[("a", "b")]["rationale"] == name


_DOT_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unquote(quoted: str) -> str:
    assert quoted[0] == quoted[-1] == '"', quoted
    body = _DOT_ESCAPE.sub(
        lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), quoted[1:-1]
    )
    return body.replace("&amp;", "&")


@pytest.mark.parametrize("name", NAMES, ids=[ascii(n) for n in NAMES])
def test_dot_parses_with_pydot_and_round_trips(name: str) -> None:
    text = _refused_or("dot", name)
    if text is None:
        return
    with warnings.catch_warnings():  # pydot 4 still calls pyparsing's pre-3.0 names
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="pydot|pyparsing")
        parsed = pydot.graph_from_dot_data(text)
    assert parsed is not None
    assert len(parsed) == 1
    dot = parsed[0]
    assert _unquote(dot.get_name()) == name
    labels = {n.get_name(): n.get("label") for n in dot.get_nodes()}
    assert set(labels) == {"node", '"a"', '"b"'}  # the defaults statement and two levels
    assert _unquote(labels['"a"']) == name
    edges = {(_unquote(e.get_source()), _unquote(e.get_destination())) for e in dot.get_edges()}
    assert edges == {("a", "b"), ("b", "a")}


@pytest.fixture(scope="module")
def mermaid_replies() -> dict[str, dict[str, Any]]:
    """Mermaid's parse of every corpus chart that was not refused, in one node process."""
    node = shutil.which("node")
    assert node, "node (Node.js) is needed to run Mermaid's parser"
    assert (MERMAID / "node_modules" / "mermaid").is_dir(), "run: npm ci --prefix tests/mermaid"
    charts = {name: text for name in NAMES if (text := _refused_or("mermaid", name)) is not None}
    done = subprocess.run(
        [node, str(MERMAID / "parse.mjs")],
        input="".join(json.dumps(t) + "\n" for t in charts.values()),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=300,
    )
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(replies) == len(charts)
    return dict(zip(charts, replies, strict=True))


_PLACEHOLDER = re.compile("ﬂ°°(\\d+)¶ß")


@pytest.mark.parametrize("name", NAMES, ids=[ascii(n) for n in NAMES])
def test_mermaid_parses_with_mermaid_and_round_trips(
    mermaid_replies: dict[str, dict[str, Any]], name: str
) -> None:
    if name not in mermaid_replies:
        assert UNWRITABLE.search(name)  # refused, for a character XML cannot carry either
        return
    reply = mermaid_replies[name]
    assert reply["ok"], reply["error"]
    ids = {v: k for k, v in mermaid_ids(("a", "b")).items()}
    assert set(reply["vertices"]) == set(ids)  # no vertex injected
    label = _PLACEHOLDER.sub(
        lambda m: chr(int(m.group(1))), reply["vertices"][mermaid_ids(("a", "b"))["a"]]
    )
    assert label == name
    assert len(reply["edges"]) == 2


@pytest.mark.parametrize("name", NAMES, ids=[ascii(n) for n in NAMES])
def test_node_link_json_text_round_trips_exactly(name: str) -> None:
    g = _graph(name)
    text = json.dumps(g.to_node_link(), ensure_ascii=False)
    back = cc.ContinuumGraph.from_node_link(text)
    assert back == g
    assert back.name == name
    assert back.level("a").name == name
