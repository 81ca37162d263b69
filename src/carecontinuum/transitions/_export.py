"""Exports of a graph: networkx, node-link JSON, GraphML, DOT, Mermaid, notebook display.

Every format goes through the same two flatteners, :func:`node_record` and
:func:`edge_record` (``model_dump(mode="json")``), so all formats carry the
same data.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..levels import CareLevel
from ._model import Transition, TransitionKind

if TYPE_CHECKING:
    from ._graph import ContinuumGraph

__all__ = [
    "NODE_LINK_FORMAT",
    "edge_record",
    "from_node_link",
    "mimebundle",
    "node_record",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_networkx",
    "to_node_link",
]

#: The ``graph.format`` tag of node-link data written by this version.
NODE_LINK_FORMAT = "carecontinuum.graph/1"


def node_record(level: CareLevel) -> dict[str, Any]:
    """A level as JSON-safe data: the one flattening every export uses."""
    return level.model_dump(mode="json")


def edge_record(t: Transition) -> dict[str, Any]:
    """A transition as JSON-safe data (includes ``source`` and ``target``)."""
    return t.model_dump(mode="json")


def to_networkx(graph: ContinuumGraph) -> Any:
    """A new DiGraph: node and edge attributes are the JSON-safe records."""
    import networkx as nx

    out = nx.DiGraph(name=graph.name)
    for lv in graph.levels:
        out.add_node(lv.code, **node_record(lv))
    for t in graph.transitions:
        rec = edge_record(t)
        del rec["source"], rec["target"]
        out.add_edge(t.source, t.target, **rec)
    return out


def to_node_link(graph: ContinuumGraph) -> dict[str, Any]:
    """Node-link data with explicit keys (``nodes``/``edges``), readable by networkx too."""
    return {
        "directed": True,
        "multigraph": False,
        "graph": {"name": graph.name, "format": NODE_LINK_FORMAT},
        "nodes": [{"id": lv.code, **node_record(lv)} for lv in graph.levels],
        "edges": [edge_record(t) for t in graph.transitions],
    }


class _Node(CareLevel):
    id: str

    @model_validator(mode="after")
    def _id_is_code(self) -> _Node:
        if self.id != self.code:
            raise ValueError(f"node id {self.id!r} differs from its level code {self.code!r}")
        return self


class _NodeLink(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directed: Literal[True] = True
    multigraph: Literal[False] = False
    graph: dict[str, Any] = Field(default_factory=dict)
    nodes: list[_Node]
    edges: list[Transition] = Field(default_factory=list)
    links: list[Transition] = Field(default_factory=list)
    """The key older networkx versions write instead of ``edges``."""


def from_node_link(
    cls: type[ContinuumGraph], data: Mapping[str, Any] | str | bytes, *, check: bool
) -> ContinuumGraph:
    """Read :func:`to_node_link` data back; see ``ContinuumGraph.from_node_link``."""
    doc = (
        _NodeLink.model_validate_json(data)
        if isinstance(data, str | bytes)
        else _NodeLink.model_validate(data)
    )
    graph = cls(name=str(doc.graph.get("name", "graph")))
    for node in doc.nodes:
        graph.add_level(CareLevel.model_validate(node.model_dump(exclude={"id"})))
    for t in [*doc.edges, *doc.links]:
        graph.add_transition(t, check=check)
    return graph


def _scalar(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def to_graphml(graph: ContinuumGraph) -> str:
    """GraphML text; list and dict attributes become JSON strings, None values are left out."""
    import networkx as nx

    g = to_networkx(graph)
    for _, data in [*g.nodes(data=True), *((e, d) for *e, d in g.edges(data=True))]:
        for key in list(data):
            if data[key] is None:
                del data[key]
            else:
                data[key] = _scalar(data[key])
    return "\n".join(nx.generate_graphml(g)) + "\n"


_COLOURS = {
    TransitionKind.STEP_UP: "firebrick",
    TransitionKind.STEP_DOWN: "steelblue",
    TransitionKind.LATERAL: "gray40",
}


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: ContinuumGraph) -> str:
    """DOT text: levels bottom (least intensive) to top; typical moves solid and labelled."""
    lines = [
        f"digraph {_dot_quote(graph.name)} {{",
        "  rankdir=BT;",
        '  node [shape=box, style="rounded"];',
    ]
    by_rank: dict[float, list[str]] = {}
    for lv in graph.levels:
        lines.append(f"  {_dot_quote(lv.code)} [label={_dot_quote(lv.name)}];")
        by_rank.setdefault(lv.rank, []).append(lv.code)
    lines.extend(
        "  { rank=same; " + " ".join(_dot_quote(c) + ";" for c in codes) + " }"
        for codes in by_rank.values()
        if len(codes) > 1
    )
    for t in graph.transitions:
        attrs = [f"color={_COLOURS[t.kind]}", f"style={'solid' if t.typical else 'dashed'}"]
        if t.typical:
            attrs.append(f"label={_dot_quote(t.kind.label)}")
        if t.rationale:
            attrs.append(f"tooltip={_dot_quote(t.rationale)}")
        lines.append(f"  {_dot_quote(t.source)} -> {_dot_quote(t.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


_NOT_ID = re.compile(r"[^A-Za-z0-9_]")


def _mermaid_ids(codes: Iterable[str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for code in codes:
        base = _NOT_ID.sub("_", code)
        if not base[0].isalpha():
            base = "L" + base
        candidate, n = base, 1
        while candidate in ids.values():
            n += 1
            candidate = f"{base}_{n}"
        ids[code] = candidate
    return ids


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def to_mermaid(graph: ContinuumGraph) -> str:
    """Mermaid flowchart text: typical moves thick (``==>``) and labelled, others dotted."""
    ids = _mermaid_ids(graph.codes)
    lines = ["flowchart BT"]
    lines.extend(f'  {ids[lv.code]}["{_mermaid_text(lv.name)}"]' for lv in graph.levels)
    for t in graph.transitions:
        a, b = ids[t.source], ids[t.target]
        if t.typical:
            lines.append(f"  {a} ==>|{t.kind.label}| {b}")
        else:
            lines.append(f"  {a} -.-> {b}")
    return "\n".join(lines) + "\n"


def mimebundle(
    graph: ContinuumGraph, include: Iterable[str] | None, exclude: Iterable[str] | None
) -> dict[str, Any]:
    """The notebook display: Mermaid markdown, plus an SVG drawing when matplotlib is there.

    Never raises: a format that fails to render is left out.
    """
    wanted = set(include) if include is not None else None
    unwanted = set(exclude or ())

    def want(mime: str) -> bool:
        return mime not in unwanted and (wanted is None or mime in wanted)

    bundle: dict[str, Any] = {"text/plain": repr(graph)}
    cache = graph._display_cache
    with contextlib.suppress(Exception):
        if want("text/markdown"):
            if "markdown" not in cache:
                cache["markdown"] = "```mermaid\n" + to_mermaid(graph) + "```\n"
            bundle["text/markdown"] = cache["markdown"]
    with contextlib.suppress(Exception):
        if want("image/svg+xml") and importlib.util.find_spec("matplotlib") is not None:
            if "svg" not in cache:
                from ._draw import render_svg

                cache["svg"] = render_svg(graph)
            bundle["image/svg+xml"] = cache["svg"]
    return {k: v for k, v in bundle.items() if k == "text/plain" or want(k)}
