"""Node-link JSON, the format a graph is saved in and read back from.

Every export flattens levels and moves through :func:`node_record` and
:func:`edge_record` (``model_dump(mode="json")``), so all formats carry the
same data.  Reading validates a whole document in one pydantic pass, then
adds levels and moves through the building facet's linear path — no index is
rebuilt per edge — so reading stays linear in the size of the document.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from .._json import loads
from .._text import echo
from ..levels import CareLevel
from ._core import check_flag
from ._editing import GraphBuilding
from ._index import LevelResolver
from ._model import Transition

__all__ = ["NODE_LINK_FORMAT", "GraphNodeLink", "edge_record", "node_record", "read_node_link"]

#: The ``graph.format`` tag of node-link data written by this version.
NODE_LINK_FORMAT = "carecontinuum.graph/1"


def node_record(level: CareLevel) -> dict[str, Any]:
    """A level as JSON-safe data: the one flattening every export uses."""
    return level.model_dump(mode="json")


def edge_record(t: Transition) -> dict[str, Any]:
    """A transition as JSON-safe data (includes ``source`` and ``target``)."""
    return t.model_dump(mode="json")


_NODE_FIELDS = frozenset(CareLevel.model_fields) | {"id"}
_EDGE_FIELDS = frozenset(Transition.model_fields)


#: Up to this many unknown keys, pydantic reports each one (with its location).
_FEW = 3


def _known_keys(data: Mapping[Any, Any], known: frozenset[str], what: str) -> None:
    """Refuse many unknown keys in one error, not one per key (a hostile document may
    hold a million); a few are left to pydantic, which names each one's location."""
    if len(data) <= len(known) + _FEW:
        return
    unknown = [key for key in data if key not in known]
    if len(unknown) > _FEW:
        shown = ", ".join(echo(key) for key in unknown[:_FEW])
        raise ValueError(
            f"{what} has no field {shown} and {len(unknown) - _FEW} more; "
            f"its fields: {', '.join(sorted(known))}"
        )


def _node_level(node: object) -> object:
    """A node's fields without its ``id``, which must be its level's code (checked here)."""
    if not isinstance(node, Mapping):
        return node  # pydantic names the type problem
    _known_keys(node, _NODE_FIELDS, "a node (a level)")
    if "id" not in node:
        raise ValueError("a node needs an 'id': its level's code")
    fields = {key: value for key, value in node.items() if key != "id"}
    if node["id"] != fields.get("code", node["id"]):
        raise ValueError(
            f"node id {echo(node['id'])} differs from its level code {echo(fields['code'])}; "
            "a node's id is its level's code"
        )
    return fields


def _edge_fields(edge: object) -> object:
    if isinstance(edge, Mapping):
        _known_keys(edge, _EDGE_FIELDS, "an edge (a transition)")
    return edge


#: A node-link node: a level's fields plus ``id``; validated straight into a CareLevel.
_Node = Annotated[CareLevel, BeforeValidator(_node_level)]
_Edge = Annotated[Transition, BeforeValidator(_edge_fields)]


class _GraphAttributes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = "graph"

    @model_validator(mode="before")
    @classmethod
    def _only_known(cls, data: object) -> object:
        if isinstance(data, Mapping):
            _known_keys(data, frozenset({"name", "format"}), "the graph section")
        return data

    format: Literal["carecontinuum.graph/1"] | None = None
    """Absent in plain networkx data; when present, the version this library reads."""


class _NodeLink(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directed: Literal[True] = True
    multigraph: Literal[False] = False
    graph: _GraphAttributes = Field(default_factory=_GraphAttributes)
    nodes: list[_Node]
    edges: list[_Edge] = Field(default_factory=list)
    links: list[_Edge] = Field(default_factory=list)
    """The key older networkx versions write instead of ``edges``."""

    @model_validator(mode="before")
    @classmethod
    def _only_known(cls, data: object) -> object:
        if isinstance(data, Mapping):
            _known_keys(data, _DOCUMENT_FIELDS, "node-link data")
        return data

    @model_validator(mode="after")
    def _one_edge_list(self) -> _NodeLink:
        if self.edges and self.links:
            raise ValueError(
                "node-link data has both 'edges' and 'links'; give the moves under one key"
            )
        return self


_DOCUMENT_FIELDS = frozenset(_NodeLink.model_fields)
_READER: TypeAdapter[_NodeLink] = TypeAdapter(_NodeLink)
_NODES: TypeAdapter[list[_Node]] = TypeAdapter(list[_Node])


def _endpoints_exist(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Refuse an edge to a level that is not among the nodes, before the edges are validated.

    The graph finds such an edge only once pydantic has validated every edge, so
    12,000 edges to nowhere would cost more to refuse than to read.  Endpoints that
    are node ids pass at set speed.  Any other is resolved against the nodes (once
    validated) as the graph resolves it when the edge is added — an alias or a loose
    spelling of a node's code is fine — and the first that names no node raises the
    graph's own error.  Anything else wrong with the document (a node's fields, an
    edge's, two nodes with one code) is left to the full validation, as before.

    Returns
    -------
    Mapping
        *data*, with its nodes as the levels validated here when they were (so the
        full validation does not validate them again).

    Raises
    ------
    carecontinuum.UnknownLevelError
        For an endpoint that names no node (an ``UnknownGraphLevelError``).
    carecontinuum.AmbiguousKeyError
        For an endpoint that is an alias of two nodes.
    """
    nodes, edges = data.get("nodes"), data.get("edges") or data.get("links")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return data
    ids = {
        node["id"] for node in nodes if isinstance(node, Mapping) and type(node.get("id")) is str
    }
    others = [
        end
        for edge in edges
        if isinstance(edge, Mapping)
        for end in (edge.get("source"), edge.get("target"))
        if type(end) is str and end not in ids
    ]
    if not others:
        return data
    try:
        levels = _NODES.validate_python(nodes)
        name = _GraphAttributes.model_validate(data.get("graph", {})).name
    except ValidationError:
        return data  # the full validation reports it
    by_code = {level.code: level for level in levels}
    if len(by_code) == len(levels):  # else the graph reports the repeated code
        resolver = LevelResolver(name, by_code)
        for end in dict.fromkeys(others):
            resolver.code(end)
    return {**data, "nodes": levels}  # levels pass the node validator unchanged


def read_node_link(
    data: Mapping[str, Any] | str | bytes | bytearray,
) -> tuple[str, list[CareLevel], list[Transition]]:
    """The name, levels and moves of node-link *data* (a mapping, or JSON text of one).

    Raises
    ------
    carecontinuum.InvalidJsonError
        For text that is not strict JSON (duplicate keys, ``NaN``, deep nesting ...).
    pydantic.ValidationError
        For a document of the wrong shape, or a node or edge whose fields are invalid.
    carecontinuum.UnknownLevelError
        For an edge to a level that is not among the nodes (found before the edges
        are validated: see :func:`_endpoints_exist`).
    TypeError
        When *data* is neither a mapping nor text.
    """
    if isinstance(data, str | bytes | bytearray):
        data = loads(data, what="node-link JSON")
    elif not isinstance(data, Mapping):
        raise TypeError(
            "data must be node-link data (a mapping) or JSON text of it, "
            f"not {type(data).__name__} {echo(data)}"
        )
    if isinstance(data, Mapping):  # JSON text may hold anything: pydantic names the type
        data = _endpoints_exist(data)
    doc = _READER.validate_python(data)
    return doc.graph.name, doc.nodes, doc.edges or doc.links


#: Above this many bytes of text, or nodes plus edges, reading pauses the cyclic garbage
#: collector (see :func:`_collector_paused`).
_BULK = 1_000_000


def _bulk(data: object) -> bool:
    if isinstance(data, str | bytes | bytearray):
        return len(data) >= _BULK
    if isinstance(data, Mapping):
        sizes = [data.get(key) for key in ("nodes", "edges", "links")]
        return sum(len(x) for x in sizes if isinstance(x, list)) >= _BULK // 100
    return False


@contextlib.contextmanager
def _collector_paused(bulk: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large document is read.

    Reading allocates a few objects per level and move, none of them in a
    reference cycle; on CPython 3.11 the collector would scan the growing heap
    again and again and turn a linear read into a far slower one (2-3x at
    100,000 levels).  Reference counting frees memory as usual meanwhile; the
    collector is switched back on at the end (if it was on), and then runs.
    """
    if not bulk or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class GraphNodeLink(GraphBuilding):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that writes and reads node-link JSON."""

    def to_node_link(self) -> dict[str, Any]:
        """Node-link data with explicit keys; :meth:`from_node_link` reads it back exactly.

        Returns
        -------
        dict
            ``directed``, ``multigraph``, ``graph`` (name and format tag),
            ``nodes`` (each level's fields plus ``id``) and ``edges`` (each
            transition's fields).  networkx reads it too
            (``networkx.node_link_graph(data, edges="edges")``).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> data = cc.default_graph().to_node_link()
        >>> data["graph"], len(data["nodes"]), len(data["edges"])
        ({'name': 'continuum', 'format': 'carecontinuum.graph/1'}, 5, 17)
        """
        return {
            "directed": True,
            "multigraph": False,
            "graph": {"name": self._name, "format": NODE_LINK_FORMAT},
            "nodes": [{"id": lv.code, **node_record(lv)} for lv in self.levels],
            "edges": [edge_record(t) for t in self.transitions],
        }

    @classmethod
    def from_node_link(cls, data: Mapping[str, Any] | str | bytes, *, check: bool = True) -> Self:
        """Read a graph from :meth:`to_node_link` data, or JSON text of it.

        Reading is linear in the size of the data: a document of 100,000
        levels and moves is read in about a second.

        Parameters
        ----------
        data:
            Node-link data (``directed``, ``multigraph``, ``graph``, ``nodes``
            and ``edges`` — or ``links``, as older networkx versions write), or
            its JSON text (read strictly: a repeated key is an error).
        check:
            Refuse a move whose kind contradicts its levels' ranks (default);
            with ``check=False`` it is kept and :meth:`validate` reports it.

        Returns
        -------
        ContinuumGraph
            The graph.

        Raises
        ------
        carecontinuum.InvalidJsonError
            For text that is not strict JSON.
        pydantic.ValidationError
            For data of the wrong shape, or a node or edge whose fields are invalid.
        carecontinuum.UnknownLevelError
            For an edge to a level that is not among the nodes.
        carecontinuum.DuplicateRegistrationError
            For two nodes with one code, or two edges between the same levels.
        carecontinuum.InvalidTransitionError
            For a kind that contradicts the ranks, when *check* is true.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> data = cc.default_graph().to_node_link()
        >>> cc.ContinuumGraph.from_node_link(data) == cc.default_graph()
        True
        >>> cc.ContinuumGraph.from_node_link('{"nodes": [], "nodes": []}')
        Traceback (most recent call last):
        ...
        carecontinuum.errors.InvalidJsonError: node-link JSON object at line 1 column 1 repeats \
the key 'nodes'
        """
        check_flag(check, "check")
        with _collector_paused(_bulk(data)):
            name, levels, transitions = read_node_link(data)
            graph = object.__new__(cls)
            graph._init_state(name)
            graph._load(levels, transitions, check=check)
        return graph
