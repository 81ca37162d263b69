"""``ContinuumGraph``: a directed graph of care levels over networkx."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

from ..errors import DuplicateRegistrationError
from ..levels import CareLevel
from . import _queries, _text
from ._build import new_edge
from ._export import (
    from_node_link,
    mimebundle,
    to_dot,
    to_graphml,
    to_mermaid,
    to_networkx,
    to_node_link,
)
from ._finding import Finding
from ._index import GraphIndex, build_index
from ._model import Transition, TransitionKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["ContinuumGraph", "LevelKey"]

#: A level as callers name it: a code, an alias, or the :class:`CareLevel` itself.
LevelKey = str | CareLevel


class ContinuumGraph:
    """A directed graph of care levels whose edges are typed :class:`Transition` objects.

    Level codes are the node keys of an underlying :class:`networkx.DiGraph`;
    each node carries its :class:`CareLevel` (attribute ``level``) and each edge
    its :class:`Transition` (attribute ``transition``).  Queries read cached
    dictionaries, so they stay fast; any change clears the cache.

    Everywhere a level is expected, a code, an alias or a :class:`CareLevel`
    may be given.

    Parameters
    ----------
    levels:
        The levels (nodes).
    transitions:
        The moves between them (edges); each must join two of *levels*.
    name:
        A name for displays and error messages.
    check:
        Refuse a transition whose kind contradicts the levels' ranks (default).
        With ``check=False`` such edges are kept and :meth:`validate` reports them.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> g = cc.default_graph()
    >>> g
    ContinuumGraph('continuum', 5 levels, 17 transitions)
    >>> [t.target for t in g.step_downs("inpatient acute")]
    ['residential', 'partial_hospitalization', 'intensive_outpatient']
    >>> [lv.code for lv in g.step_down_path("residential", "OP")]
    ['residential', 'intensive_outpatient', 'outpatient']
    """

    def __init__(
        self,
        levels: Iterable[CareLevel] = (),
        transitions: Iterable[Transition] = (),
        *,
        name: str = "graph",
        check: bool = True,
    ) -> None:
        import networkx as nx

        self._g: Any = nx.DiGraph()
        self._name = name
        self._index: GraphIndex | None = None
        self._display_cache: dict[str, Any] = {}
        for lv in levels:
            self.add_level(lv)
        for t in transitions:
            self.add_transition(t, check=check)

    # -- identity and the underlying graph -----------------------------------------------
    @property
    def name(self) -> str:
        """The graph's name."""
        return self._name

    @property
    def nx_graph(self) -> Any:
        """The underlying :class:`networkx.DiGraph` (read it; change the graph through methods)."""
        return self._g

    def _idx(self) -> GraphIndex:
        idx = self._index
        if idx is None:
            idx = self._index = build_index(f"care level in graph {self._name!r}", self._g)
        return idx

    def _changed(self) -> None:
        self._index = None
        self._display_cache.clear()

    def copy(self, *, name: str | None = None) -> ContinuumGraph:
        """An independent copy (levels and transitions are immutable and shared)."""
        new = ContinuumGraph(name=self._name if name is None else name)
        new._g = self._g.copy()
        return new

    # -- levels ------------------------------------------------------------------------
    @property
    def levels(self) -> tuple[CareLevel, ...]:
        """The levels, least intensive first."""
        return tuple(self._idx().levels.values())

    @property
    def codes(self) -> tuple[str, ...]:
        """The level codes, least intensive first."""
        return tuple(self._idx().levels)

    @property
    def transitions(self) -> tuple[Transition, ...]:
        """Every transition, grouped by origin (least intensive first)."""
        idx = self._idx()
        return tuple(t for code in idx.levels for t in idx.out[code])

    def level(self, key: LevelKey) -> CareLevel:
        """The level *key* names in this graph.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the graph has no such level (close matches are suggested).
        """
        idx = self._idx()
        return idx.levels[idx.code(key)]

    def code(self, key: LevelKey) -> str:
        """The code of the level *key* names in this graph."""
        return self._idx().code(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, Transition):
            return self._idx().edges.get((key.source, key.target)) == key
        if not isinstance(key, str | CareLevel):
            return False
        try:
            self._idx().code(key)
        except LookupError:
            return False
        return True

    def __len__(self) -> int:
        return len(self._idx().levels)

    def __iter__(self) -> Iterator[CareLevel]:
        return iter(self.levels)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ContinuumGraph):
            return NotImplemented
        a, b = self._idx(), other._idx()
        return self._name == other._name and a.levels == b.levels and a.edges == b.edges

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __getstate__(self) -> dict[str, Any]:
        # caches (with their locks) are rebuilt on demand, never pickled
        return {"_g": self._g, "_name": self._name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._g = state["_g"]
        self._name = state["_name"]
        self._index = None
        self._display_cache = {}

    # -- building ----------------------------------------------------------------------
    def add_level(self, level: CareLevel, *, replace: bool = False) -> CareLevel:
        """Add a level (a framework's finer level, or a custom one such as crisis stabilization).

        Raises
        ------
        carecontinuum.DuplicateRegistrationError
            When a level with the same code is already there and ``replace`` is false.
        TypeError
            When *level* is not a :class:`CareLevel`.
        """
        if not isinstance(level, CareLevel):
            raise TypeError(f"add_level() takes a CareLevel, not {type(level).__name__}")
        if level.code in self._g and not replace:
            raise DuplicateRegistrationError(f"level in graph {self._name!r}", level.code)
        self._g.add_node(level.code, level=level)
        self._changed()
        return level

    def remove_level(self, key: LevelKey) -> CareLevel:
        """Remove a level and every transition to or from it; return the level."""
        idx = self._idx()
        code = idx.code(key)
        level = idx.levels[code]
        self._g.remove_node(code)
        self._changed()
        return level

    @overload
    def add_transition(
        self, source: Transition, /, *, replace: bool = ..., check: bool = ...
    ) -> Transition: ...

    @overload
    def add_transition(
        self,
        source: LevelKey,
        target: LevelKey,
        /,
        kind: TransitionKind | str | None = ...,
        *,
        typical: bool = ...,
        rationale: str = ...,
        sources: Sequence[str] = ...,
        derived: bool = ...,
        replace: bool = ...,
        check: bool = ...,
    ) -> Transition: ...

    def add_transition(
        self,
        source: LevelKey | Transition,
        target: LevelKey | None = None,
        /,
        kind: TransitionKind | str | None = None,
        *,
        typical: bool = False,
        rationale: str = "",
        sources: Sequence[str] = (),
        derived: bool = False,
        replace: bool = False,
        check: bool = True,
    ) -> Transition:
        """Add a move between two levels of the graph, and return it.

        Pass a :class:`Transition`, or the two levels and the edge's data.
        Without *kind*, the kind is inferred from the levels' ranks.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When either level is not in the graph (add it first with :meth:`add_level`).
        carecontinuum.InvalidTransitionError
            When the declared kind contradicts the ranks (e.g. a "step-down" that
            goes up) and ``check`` is true.
        carecontinuum.DuplicateRegistrationError
            When the edge exists and ``replace`` is false.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> g.add_transition("inpatient_acute", "OP", rationale="discharged to outpatient care")
        Transition('inpatient_acute' ↓ 'outpatient')
        """
        t = new_edge(
            self._idx(),
            self._name,
            source,
            target,
            kind,
            typical=typical,
            rationale=rationale,
            sources=sources,
            derived=derived,
            replace=replace,
            check=check,
        )
        self._g.add_edge(t.source, t.target, transition=t)
        self._changed()
        return t

    def remove_transition(self, source: LevelKey, target: LevelKey) -> Transition:
        """Remove the move from *source* to *target*; return it.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When there is no such move.
        """
        t = self.transition(source, target)
        self._g.remove_edge(t.source, t.target)
        self._changed()
        return t

    def subgraph(self, levels: Iterable[LevelKey], *, name: str | None = None) -> ContinuumGraph:
        """The graph of only these levels (e.g. those one provider offers) and the moves among them.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> offered = cc.default_graph().subgraph(["OP", "IOP", "residential"])
        >>> [str(t) for t in offered.step_downs("residential")]
        ['residential ↓ intensive_outpatient']
        """
        idx = self._idx()
        keep = {idx.code(k) for k in levels}
        new = ContinuumGraph(name=f"{self._name} subgraph" if name is None else name)
        new._g = self._g.subgraph(keep).copy()
        return new

    # -- queries (see _queries) --------------------------------------------------------
    def transition(self, source: LevelKey, target: LevelKey) -> Transition:
        """The move from *source* to *target*.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When the graph does not allow the move; the message says why and lists
            the moves allowed from *source* (also in ``err.allowed``).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().transition("PHP", "IOP").typical
        True
        """
        return _queries.transition(self._idx(), self._name, source, target)

    def allows(self, source: LevelKey, target: LevelKey) -> bool:
        """Whether the graph has a move from *source* to *target*."""
        idx = self._idx()
        return (idx.code(source), idx.code(target)) in idx.edges

    def moves_from(self, level: LevelKey) -> tuple[Transition, ...]:
        """Every move from *level*: step-ups, laterals, then step-downs, nearest first."""
        idx = self._idx()
        return idx.out[idx.code(level)]

    def moves_to(self, level: LevelKey) -> tuple[Transition, ...]:
        """Every move into *level*, from the least intensive origin."""
        idx = self._idx()
        return idx.into[idx.code(level)]

    def step_ups(self, level: LevelKey, *, typical: bool | None = None) -> tuple[Transition, ...]:
        """The step-ups from *level*, nearest first (``typical=True``: only typical moves).

        Examples
        --------
        >>> import carecontinuum as cc
        >>> [t.target for t in cc.default_graph().step_ups("OP", typical=True)]
        ['intensive_outpatient']
        """
        return _queries.of_kind(self._idx(), level, TransitionKind.STEP_UP, typical)

    def step_downs(self, level: LevelKey, *, typical: bool | None = None) -> tuple[Transition, ...]:
        """The step-downs from *level*, nearest (most intensive target) first."""
        return _queries.of_kind(self._idx(), level, TransitionKind.STEP_DOWN, typical)

    def laterals(self, level: LevelKey) -> tuple[Transition, ...]:
        """The lateral moves from *level* (to levels of the same rank)."""
        return _queries.of_kind(self._idx(), level, TransitionKind.LATERAL, None)

    def step_down_path(
        self, source: LevelKey, target: LevelKey, *, gradual: bool = False
    ) -> tuple[CareLevel, ...]:
        """The typical step-down pathway from *source* to *target*, most intensive first.

        Only typical step-down edges are followed.  The default is the path with
        the fewest moves (ties go to the path that stays at more intensive
        levels longer); ``gradual=True`` takes the path through the most levels.
        Every path strictly decreases in rank.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When *target* is more intensive than *source*, or no typical
            step-down pathway joins them.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> [lv.code for lv in g.step_down_path("inpatient_acute", "OP", gradual=True)]
        ['inpatient_acute', 'residential', 'partial_hospitalization', 'intensive_outpatient', \
'outpatient']
        """
        return _queries.step_down_path(self._idx(), self._name, source, target, gradual=gradual)

    def nearest_less_intensive(self, level: LevelKey) -> CareLevel | None:
        """The most intensive level of the graph below *level*'s rank, or None.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph().subgraph(["OP", "IOP", "residential"])
        >>> g.nearest_less_intensive("residential").code
        'intensive_outpatient'
        """
        return _queries.nearest(self._idx(), level, lower=True)

    def nearest_more_intensive(self, level: LevelKey) -> CareLevel | None:
        """The least intensive level of the graph above *level*'s rank, or None."""
        return _queries.nearest(self._idx(), level, lower=False)

    def reachable_from(self, level: LevelKey) -> tuple[CareLevel, ...]:
        """Every level reachable from *level* by one or more moves, least intensive first."""
        idx = self._idx()
        reach = _queries.reach(idx, self._g, idx.code(level))
        return tuple(lv for code, lv in idx.levels.items() if code in reach)

    def reachable(self, source: LevelKey, target: LevelKey) -> bool:
        """Whether *target* can be reached from *source* by one or more moves."""
        idx = self._idx()
        return idx.code(target) in _queries.reach(idx, self._g, idx.code(source))

    def validate(self) -> list[Finding]:
        """Every problem in the graph: unreachable levels, dead ends, contradicted kinds.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().validate()
        []
        >>> for finding in cc.default_graph().subgraph(["OP", "residential"]).validate():
        ...     print(finding)
        warning: unreachable-level [outpatient]: no move leads into 'outpatient' from another level
        warning: dead-end [residential]: no move leads out of 'residential'
        """
        return _queries.validate(self._idx())

    # -- text, exports and display -----------------------------------------------------
    def describe_level(self, level: LevelKey) -> str:
        """A text rendering of the moves from and to *level* (used by the CLI tour)."""
        return _text.describe_level(self, level)

    def to_networkx(self) -> Any:
        """A copy as a :class:`networkx.DiGraph` whose attributes are JSON-safe dicts."""
        return to_networkx(self)

    def to_node_link(self) -> dict[str, Any]:
        """Node-link JSON data with explicit keys; :meth:`from_node_link` reads it back."""
        return to_node_link(self)

    @classmethod
    def from_node_link(cls, data: Mapping[str, Any], *, check: bool = True) -> ContinuumGraph:
        """Rebuild a graph from :meth:`to_node_link` data (or JSON text of it).

        Raises
        ------
        carecontinuum.CareContinuumError
            For data of the wrong shape, or edges to levels not among the nodes.
        pydantic.ValidationError
            For a node or edge whose fields are invalid.
        """
        return from_node_link(cls, data, check=check)

    def to_graphml(self) -> str:
        """GraphML text (nested attributes are JSON-encoded strings)."""
        return to_graphml(self)

    def to_dot(self) -> str:
        """Graphviz DOT text, least intensive level at the bottom."""
        return to_dot(self)

    def to_mermaid(self) -> str:
        """Mermaid flowchart text (typical moves drawn thick, others dotted)."""
        return to_mermaid(self)

    def draw(self, ax: Axes | None = None, *, typical_only: bool = False) -> Axes:
        """Draw the graph with matplotlib, levels laid out by intensity (needs the ``plot`` extra).

        Raises
        ------
        carecontinuum.MissingExtraError
            When matplotlib is not installed.
        """
        from ._draw import draw

        return draw(self, ax, typical_only=typical_only)

    def __repr__(self) -> str:
        idx = self._idx()
        return (
            f"ContinuumGraph({self._name!r}, {len(idx.levels)} levels, "
            f"{len(idx.edges)} transitions)"
        )

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, Any]:
        return mimebundle(self, include, exclude)
