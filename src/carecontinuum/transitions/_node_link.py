"""The node-link JSON format of a graph: its records, and its reader.

Every export flattens levels and moves through :func:`node_record` and
:func:`edge_record` (``model_dump(mode="json")``), so all formats carry the
same data.  :func:`read_node_link` validates a whole document in one pydantic
pass — no per-edge index rebuild — so reading stays linear in its size.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from .._json import loads
from .._text import echo
from ..levels import CareLevel
from ._model import Transition

__all__ = ["NODE_LINK_FORMAT", "edge_record", "node_record", "read_node_link"]

#: The ``graph.format`` tag of node-link data written by this version.
NODE_LINK_FORMAT = "carecontinuum.graph/1"

_LEVEL_FIELDS = tuple(CareLevel.model_fields)


def node_record(level: CareLevel) -> dict[str, Any]:
    """A level as JSON-safe data: the one flattening every export uses."""
    return level.model_dump(mode="json")


def edge_record(t: Transition) -> dict[str, Any]:
    """A transition as JSON-safe data (includes ``source`` and ``target``)."""
    return t.model_dump(mode="json")


class _Node(CareLevel):
    """A level as a node-link node: its fields plus ``id``, which must be its code."""

    id: str

    @model_validator(mode="after")
    def _id_is_code(self) -> _Node:
        if self.id != self.code:
            raise ValueError(
                f"node id {echo(self.id)} differs from its level code {self.code!r}; "
                "a node's id is its level's code"
            )
        return self

    def level(self) -> CareLevel:
        """The plain :class:`CareLevel` (fields already validated: no second pass)."""
        fields = {name: getattr(self, name) for name in _LEVEL_FIELDS}
        return CareLevel.model_construct(self.model_fields_set - {"id"}, **fields)


class _GraphAttributes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = "graph"
    format: Literal["carecontinuum.graph/1"] | None = None
    """Absent in plain networkx data; when present, the version this library reads."""


class _NodeLink(BaseModel):
    model_config = ConfigDict(extra="forbid")

    directed: Literal[True] = True
    multigraph: Literal[False] = False
    graph: _GraphAttributes = Field(default_factory=_GraphAttributes)
    nodes: list[_Node]
    edges: list[Transition] = Field(default_factory=list)
    links: list[Transition] = Field(default_factory=list)
    """The key older networkx versions write instead of ``edges``."""

    @model_validator(mode="after")
    def _one_edge_list(self) -> _NodeLink:
        if self.edges and self.links:
            raise ValueError(
                "node-link data has both 'edges' and 'links'; give the moves under one key"
            )
        return self


_READER: TypeAdapter[_NodeLink] = TypeAdapter(_NodeLink)


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
    doc = _READER.validate_python(data)
    return doc.graph.name, [node.level() for node in doc.nodes], doc.edges or doc.links
