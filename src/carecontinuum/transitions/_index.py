"""Derived lookups over one state of a graph: level resolution and the query index.

A graph stores its levels and moves in two plain dictionaries.  Everything
else is derived from them, built on first use and dropped when they change:

* :class:`LevelResolver` turns a code, an alias or a :class:`CareLevel` into a
  level code.  It depends on the levels only, so adding moves keeps it (bulk
  construction stays linear even when edges name levels by alias).
* :class:`GraphIndex` holds the rank-ordered views the queries read
  (``transition``, ``step_ups``, ``Journey.check`` ...): plain dictionaries,
  far faster per call than networkx.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .._lookup import Lookup
from ..errors import UnknownLevelError
from ..levels import CareLevel
from ._errors import UnknownGraphLevelError
from ._model import Transition, TransitionKind

__all__ = ["GraphIndex", "LevelResolver", "build_index"]


class LevelResolver:
    """Level codes from what callers pass, for one set of levels.

    Exact codes are found at dictionary speed; aliases and loose spellings go
    through a :class:`~carecontinuum._lookup.Lookup` built on first use.  An
    alias two levels share is ambiguous: looking it up names both.
    """

    __slots__ = ("_levels", "_lookup", "graph")

    def __init__(self, graph: str, levels: Mapping[str, CareLevel]) -> None:
        self.graph = graph
        self._levels = levels
        self._lookup: Lookup | None = None

    def code(self, key: object) -> str:
        """The code of the level *key* names.

        Raises
        ------
        carecontinuum.transitions.UnknownGraphLevelError
            When no level of the graph matches (close codes are suggested).
        carecontinuum.errors.AmbiguousKeyError
            When *key* is an alias several levels share.
        """
        if type(key) is str and key in self._levels:
            return key
        if isinstance(key, CareLevel):
            found = self._levels.get(key.code)
            if found is not None and found.framework == key.framework:
                return key.code
            raise self._miss(f"{key.framework}:{key.code}", ())
        if not isinstance(key, str):
            raise self._miss(key, ())
        lookup = self._lookup
        if lookup is None:
            lookup = self._lookup = Lookup(
                "care level",
                ((code, lv.aliases) for code, lv in self._levels.items()),
                error=UnknownLevelError,
                conflicts="ambiguous",
            )
        try:
            return lookup.code(key)  # an ambiguous alias raises AmbiguousKeyError
        except UnknownLevelError as err:
            raise self._miss(key, err.suggestions) from None

    def _miss(self, key: object, suggestions: tuple[str, ...]) -> UnknownGraphLevelError:
        known = tuple(self._levels) if len(self._levels) <= 20 else ()
        return UnknownGraphLevelError(self.graph, key, suggestions, known)


@dataclass(slots=True)
class GraphIndex:
    """Plain-dict views of one state of a graph."""

    resolver: LevelResolver
    """Resolves the keys callers pass (see :meth:`code`)."""
    levels: dict[str, CareLevel]
    """Code → level, in rank order."""
    edges: Mapping[tuple[str, str], Transition]
    out: dict[str, tuple[Transition, ...]]
    """Moves from a level: step-ups (nearest first), then laterals, then step-downs."""
    into: dict[str, tuple[Transition, ...]]
    by_kind: dict[tuple[str, TransitionKind], tuple[Transition, ...]]
    """(code, kind) → moves of that kind, nearest target first."""
    reach: dict[str, frozenset[str]] = field(default_factory=dict)
    paths: dict[tuple[str, str, bool], tuple[CareLevel, ...]] = field(default_factory=dict)

    def code(self, key: object) -> str:
        """The code of the level *key* names: a code, an alias or a :class:`CareLevel`."""
        return self.resolver.code(key)


def build_index(
    resolver: LevelResolver,
    levels: Mapping[str, CareLevel],
    edges: Mapping[tuple[str, str], Transition],
) -> GraphIndex:
    """Index a graph's *levels* and *edges* (each edge joins two of the levels).

    Linear in the number of moves, apart from sorting: levels by (rank, code),
    and each level's moves by distance in rank.
    """
    ordered = {lv.code: lv for lv in sorted(levels.values(), key=lambda lv: (lv.rank, lv.code))}
    rank = {code: lv.rank for code, lv in ordered.items()}
    out_lists: dict[str, list[Transition]] = {code: [] for code in ordered}
    in_lists: dict[str, list[Transition]] = {code: [] for code in ordered}
    for (a, b), t in edges.items():
        out_lists[a].append(t)
        in_lists[b].append(t)
    by_kind: dict[tuple[str, TransitionKind], tuple[Transition, ...]] = {}
    out: dict[str, tuple[Transition, ...]] = {}
    for code, moves in out_lists.items():
        if not moves:
            for kind in TransitionKind:
                by_kind[(code, kind)] = ()
            out[code] = ()
            continue
        here = rank[code]
        moves.sort(key=lambda t: (abs(rank[t.target] - here), t.target))
        ordered_moves: list[Transition] = []
        for kind in TransitionKind:
            of_kind = tuple(t for t in moves if t.kind is kind)
            by_kind[(code, kind)] = of_kind
            ordered_moves.extend(of_kind)
        out[code] = tuple(ordered_moves)
    into: dict[str, tuple[Transition, ...]] = {}
    for code, moves in in_lists.items():
        if len(moves) > 1:
            moves.sort(key=lambda t: (rank[t.source], t.source))
        into[code] = tuple(moves)
    return GraphIndex(
        resolver=resolver, levels=ordered, edges=edges, out=out, into=into, by_kind=by_kind
    )
