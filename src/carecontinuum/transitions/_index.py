"""Precomputed lookups over a graph, rebuilt after each change.

Hot-path queries (``transition``, ``step_ups``, ``Journey.check``) read these
plain dictionaries instead of calling networkx, which is far slower per call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._lookup import Lookup
from ..errors import UnknownLevelError
from ..levels import CareLevel
from ._model import Transition, TransitionKind

__all__ = ["GraphIndex", "build_index"]


@dataclass(slots=True)
class GraphIndex:
    """Plain-dict views of one state of a graph."""

    kind: str
    """What a level of this graph is called in error messages."""
    levels: dict[str, CareLevel]
    """Code → level, in rank order."""
    edges: dict[tuple[str, str], Transition]
    out: dict[str, tuple[Transition, ...]]
    """Moves from a level: step-ups (nearest first), then laterals, then step-downs."""
    into: dict[str, tuple[Transition, ...]]
    by_kind: dict[tuple[str, TransitionKind], tuple[Transition, ...]]
    """(code, kind) → moves of that kind, nearest target first."""
    _lookup: Lookup | None = None
    reach: dict[str, frozenset[str]] = field(default_factory=dict)
    paths: dict[tuple[str, str, bool], tuple[CareLevel, ...]] = field(default_factory=dict)

    @property
    def lookup(self) -> Lookup:
        """Alias-aware lookup, built on first use (exact codes never need it).

        An alias two levels share is ambiguous: looking it up names both.
        """
        if self._lookup is None:
            self._lookup = Lookup(
                self.kind,
                ((code, lv.aliases) for code, lv in self.levels.items()),
                error=UnknownLevelError,
                conflicts="ambiguous",
            )
        return self._lookup

    def code(self, key: object) -> str:
        """The code of the level *key* names: a code, an alias or a :class:`CareLevel`."""
        if isinstance(key, str):
            return key if key in self.levels else self.lookup.code(key)
        if isinstance(key, CareLevel):
            found = self.levels.get(key.code)
            if found is not None and found.framework == key.framework:
                return key.code
            raise UnknownLevelError(
                self.kind, f"{key.framework}:{key.code}", known=self._known_codes()
            )
        raise UnknownLevelError(self.kind, key, known=self._known_codes())

    def _known_codes(self) -> tuple[str, ...]:
        return tuple(self.levels)


def _rank_distance(levels: dict[str, CareLevel], t: Transition) -> tuple[float, str]:
    return (abs(levels[t.target].rank - levels[t.source].rank), t.target)


def build_index(label: str, graph: Any) -> GraphIndex:
    """Index the networkx DiGraph *graph* (nodes carry ``level``, edges ``transition``)."""
    levels = {lv.code: lv for lv in sorted(data["level"] for _, data in graph.nodes(data=True))}
    edges: dict[tuple[str, str], Transition] = {
        (a, b): data["transition"] for a, b, data in graph.edges(data=True)
    }
    out_lists: dict[str, list[Transition]] = {code: [] for code in levels}
    in_lists: dict[str, list[Transition]] = {code: [] for code in levels}
    for (a, b), t in edges.items():
        out_lists[a].append(t)
        in_lists[b].append(t)
    by_kind: dict[tuple[str, TransitionKind], tuple[Transition, ...]] = {}
    out: dict[str, tuple[Transition, ...]] = {}
    for code, moves in out_lists.items():
        ordered: list[Transition] = []
        for kind in TransitionKind:
            of_kind = sorted(
                (t for t in moves if t.kind is kind), key=lambda t: _rank_distance(levels, t)
            )
            by_kind[(code, kind)] = tuple(of_kind)
            ordered.extend(of_kind)
        out[code] = tuple(ordered)
    into = {
        code: tuple(sorted(moves, key=lambda t: levels[t.source]))
        for code, moves in in_lists.items()
    }
    return GraphIndex(kind=label, levels=levels, edges=edges, out=out, into=into, by_kind=by_kind)
