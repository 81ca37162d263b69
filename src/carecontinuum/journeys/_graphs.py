"""What the checks and analytics read from a transition graph, through its public API."""

from __future__ import annotations

from dataclasses import dataclass

from ..transitions import ContinuumGraph, TransitionKind

__all__ = ["GraphTables", "resolve_graph", "tables"]


def resolve_graph(graph: ContinuumGraph | None) -> ContinuumGraph:
    """*graph*, or the shared default graph for ``None``; anything else is a ``TypeError``."""
    if graph is None:
        from ..transitions._default import shared_default_graph

        return shared_default_graph()
    if not isinstance(graph, ContinuumGraph):
        raise TypeError(f"graph must be a ContinuumGraph or None, got {type(graph).__name__}")
    return graph


@dataclass(frozen=True, slots=True)
class GraphTables:
    """A graph's levels and moves as plain tables (built once per check)."""

    name: str
    codes: tuple[str, ...]
    frameworks: tuple[str, ...]
    ranks: tuple[float, ...]
    edges: frozenset[tuple[str, str]]
    allowed: tuple[str, ...]
    """Per level, the sentence saying which moves leave it."""

    def position(self, code: str) -> int | None:
        """The index of *code* in :attr:`codes`, or ``None``."""
        try:
            return self.codes.index(code)
        except ValueError:
            return None


def _allowed_text(graph: ContinuumGraph, code: str) -> str:
    moves = graph.moves_from(code)
    if not moves:
        return f"no moves are allowed from {code!r}"
    parts = []
    for kind in TransitionKind:
        targets = [t.target + (" (typical)" if t.typical else "") for t in moves if t.kind is kind]
        if targets:
            parts.append(f"{kind.label} to " + ", ".join(targets))
    return f"moves allowed from {code!r}: " + "; ".join(parts)


def tables(graph: ContinuumGraph) -> GraphTables:
    """The :class:`GraphTables` of *graph* (cheap: a graph has a handful of levels)."""
    levels = graph.levels
    codes = tuple(lv.code for lv in levels)
    return GraphTables(
        name=graph.name,
        codes=codes,
        frameworks=tuple(lv.framework for lv in levels),
        ranks=tuple(float(lv.rank) for lv in levels),
        edges=frozenset((t.source, t.target) for t in graph.transitions),
        allowed=tuple(_allowed_text(graph, c) for c in codes),
    )
