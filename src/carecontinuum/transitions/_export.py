"""Writing a graph for other tools: networkx, GraphML, DOT and Mermaid.

(Node-link JSON, which the library also reads back, lives in :mod:`._node_link`.)

Every format carries the same data — the records of :mod:`._node_link` — and
every value written into a text format goes through that format's one
escaping helper in :mod:`._escape`, so names read back exactly and never turn
into markup, directives or new edges.
"""

from __future__ import annotations

import json
from typing import Any

from ._core import GraphCore
from ._escape import dot_string, mermaid_ids, mermaid_text, xml_text
from ._model import TransitionKind
from ._node_link import edge_record, node_record

__all__ = ["GraphExports"]

_DOT_COLOURS = {
    TransitionKind.STEP_UP: "firebrick",
    TransitionKind.STEP_DOWN: "steelblue",
    TransitionKind.LATERAL: "gray40",
}

_GRAPHML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _graphml_keys(
    domain: str, records: list[dict[str, Any]], start: int
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """GraphML ``<key>`` declarations for the fields of *records*: name → (id, type)."""
    types: dict[str, set[type]] = {field: set() for field in records[0]} if records else {}
    for rec in records:
        for field, value in rec.items():
            if value is not None:
                types.setdefault(field, set()).add(type(value))
    keys: dict[str, tuple[str, str]] = {}
    lines = []
    present = [(field, seen) for field, seen in types.items() if seen]
    for n, (field, seen) in enumerate(present, start):
        only = next(iter(seen)) if len(seen) == 1 else None
        kind = _GRAPHML_TYPES.get(only, "string") if only is not None else "string"
        keys[field] = (f"d{n}", kind)
        lines.append(
            f'  <key id="d{n}" for="{domain}" attr.name="{xml_text(field, "a field name")}" '
            f'attr.type="{kind}"/>'
        )
    return keys, lines


def _graphml_value(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind in {"long", "double"}:
        return repr(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)  # lists and dicts; controls come out as \u00XX


def _graphml_data(
    rec: dict[str, Any], keys: dict[str, tuple[str, str]], where: str, indent: str
) -> list[str]:
    lines = []
    for field, value in rec.items():
        if value is None:
            continue
        key, kind = keys[field]
        text = xml_text(_graphml_value(value, kind), f"{where} {field}")
        lines.append(f'{indent}<data key="{key}">{text}</data>')
    return lines


class GraphExports(GraphCore):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that writes it for other tools."""

    @property
    def nx_graph(self) -> Any:
        """A frozen :class:`networkx.DiGraph` view: nodes carry ``level``, edges ``transition``.

        Built on first use and kept until the graph changes; read it, and
        change the graph through its methods (the view refuses changes).
        """
        view = self._views.get("nx")
        if view is None:
            import networkx as nx

            g = nx.DiGraph(name=self._name)
            for lv in self.levels:
                g.add_node(lv.code, level=lv)
            for t in self.transitions:
                g.add_edge(t.source, t.target, transition=t)
            view = self._views["nx"] = nx.freeze(g)
        return view

    def to_networkx(self) -> Any:
        """A new :class:`networkx.DiGraph` whose node and edge attributes are JSON-safe records.

        Returns
        -------
        networkx.DiGraph
            Nodes keyed by level code with the level's fields; edges with the
            transition's fields (all but ``source`` and ``target``).  Changing it
            does not change this graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> d = cc.default_graph().to_networkx()
        >>> d.edges["outpatient", "intensive_outpatient"]["typical"]
        True
        """
        import networkx as nx

        out = nx.DiGraph(name=self._name)
        for lv in self.levels:
            out.add_node(lv.code, **node_record(lv))
        for t in self.transitions:
            rec = edge_record(t)
            del rec["source"], rec["target"]
            out.add_edge(t.source, t.target, **rec)
        return out

    def to_graphml(self) -> str:
        """GraphML text: typed keys, list and dict fields as JSON strings, None left out.

        Names and every other value are escaped for XML (a carriage return
        reads back as ``\\r``, not as a newline); networkx and any XML parser
        read the result.

        Returns
        -------
        str
            The document, ending in a newline.

        Raises
        ------
        carecontinuum.transitions.GraphExportError
            When a value holds a character XML 1.0 cannot carry (NUL and most
            other control characters, unpaired surrogates).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> import xml.etree.ElementTree as ET
        >>> root = ET.fromstring(cc.default_graph().to_graphml())
        >>> ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        >>> len(root.findall("g:graph/g:node", ns)), len(root.findall("g:graph/g:edge", ns))
        (5, 17)
        """
        nodes = [node_record(lv) for lv in self.levels]
        edges = []
        for t in self.transitions:
            rec = edge_record(t)
            del rec["source"], rec["target"]
            edges.append(rec)
        graph_key = ("d0", "string")
        node_keys, node_lines = _graphml_keys("node", nodes, 1)
        edge_keys, edge_lines = _graphml_keys("edge", edges, 1 + len(node_keys))
        lines = [
            _GRAPHML_HEAD,
            '  <key id="d0" for="graph" attr.name="name" attr.type="string"/>',
            *node_lines,
            *edge_lines,
            '  <graph edgedefault="directed">',
            *_graphml_data({"name": self._name}, {"name": graph_key}, "the graph's", "    "),
        ]
        for rec in nodes:
            code = rec["code"]
            lines.append(f'    <node id="{xml_text(code, "a level code")}">')
            lines.extend(_graphml_data(rec, node_keys, f"level {code!r}", "      "))
            lines.append("    </node>")
        for t, rec in zip(self.transitions, edges, strict=True):
            a, b = xml_text(t.source, "a level code"), xml_text(t.target, "a level code")
            lines.append(f'    <edge source="{a}" target="{b}">')
            lines.extend(
                _graphml_data(rec, edge_keys, f"transition {t.source} -> {t.target}", "      ")
            )
            lines.append("    </edge>")
        lines += ["  </graph>", "</graphml>"]
        return "\n".join(lines) + "\n"

    def to_dot(self) -> str:
        """Graphviz DOT text: least intensive level at the bottom; typical moves solid and labelled.

        Every name and rationale is a quoted, escaped DOT string, so it reads
        back exactly (pydot, Graphviz) and never becomes an attribute or an edge.

        Returns
        -------
        str
            The ``digraph``, ending in a newline.

        Raises
        ------
        carecontinuum.transitions.GraphExportError
            When a name or rationale holds a character DOT output cannot carry
            (NUL and most other control characters, unpaired surrogates).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> print(cc.default_graph().subgraph(["OP", "IOP"], name="two").to_dot())
        digraph "two" {
          rankdir=BT;
          node [shape=box, style="rounded"];
          "outpatient" [label="Outpatient"];
          "intensive_outpatient" [label="Intensive outpatient (IOP)"];
          "outpatient" -> "intensive_outpatient" [color=firebrick, style=solid, label="step-up", \
tooltip="at risk of hospitalization and weekly therapy is not enough"];
          "intensive_outpatient" -> "outpatient" [color=steelblue, style=solid, label="step-down", \
tooltip="continuing care in outpatient treatment after intensive outpatient treatment"];
        }
        <BLANKLINE>
        """
        lines = [
            f"digraph {dot_string(self._name, 'the graph name')} {{",
            "  rankdir=BT;",
            '  node [shape=box, style="rounded"];',
        ]
        by_rank: dict[float, list[str]] = {}
        for lv in self.levels:
            code = dot_string(lv.code, "a level code")
            lines.append(f"  {code} [label={dot_string(lv.name, f'level {lv.code!r} name')}];")
            by_rank.setdefault(lv.rank, []).append(code)
        lines.extend(
            "  { rank=same; " + " ".join(c + ";" for c in codes) + " }"
            for codes in by_rank.values()
            if len(codes) > 1
        )
        for t in self.transitions:
            attrs = [f"color={_DOT_COLOURS[t.kind]}", f"style={'solid' if t.typical else 'dashed'}"]
            if t.typical:
                attrs.append(f"label={dot_string(t.kind.label, 'a kind')}")
            if t.rationale:
                where = f"transition {t.source} -> {t.target} rationale"
                attrs.append(f"tooltip={dot_string(t.rationale, where)}")
            a, b = dot_string(t.source, "a level code"), dot_string(t.target, "a level code")
            lines.append(f"  {a} -> {b} [{', '.join(attrs)}];")
        lines.append("}")
        return "\n".join(lines) + "\n"

    def to_mermaid(self) -> str:
        """Mermaid flowchart text: typical moves thick (``==>``) and labelled, others dotted.

        Node ids are made from level codes (never a Mermaid keyword); names are
        Mermaid labels with every character that could be markup, a directive
        (``%%{init: …}%%``), an entity or a quote written as an entity code.

        Returns
        -------
        str
            The flowchart, ending in a newline.

        Raises
        ------
        carecontinuum.transitions.GraphExportError
            When a name holds NUL or another control character Mermaid's
            output (HTML/SVG) cannot carry, or an unpaired surrogate.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> print(cc.default_graph().subgraph(["OP", "IOP"]).to_mermaid())
        flowchart BT
          outpatient["Outpatient"]
          intensive_outpatient["Intensive outpatient (IOP)"]
          outpatient ==>|step-up| intensive_outpatient
          intensive_outpatient ==>|step-down| outpatient
        <BLANKLINE>
        """
        ids = mermaid_ids(self.codes)
        lines = ["flowchart BT"]
        lines.extend(
            f'  {ids[lv.code]}["{mermaid_text(lv.name, f"level {lv.code!r} name")}"]'
            for lv in self.levels
        )
        for t in self.transitions:
            a, b = ids[t.source], ids[t.target]
            if t.typical:
                lines.append(f"  {a} ==>|{t.kind.label}| {b}")
            else:
                lines.append(f"  {a} -.-> {b}")
        return "\n".join(lines) + "\n"
