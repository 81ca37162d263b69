"""Building and changing a graph: levels and moves added or removed, copies, subgraphs.

Every way into a graph — the constructor, :meth:`~GraphBuilding.add_transition`,
``from_node_link`` (:mod:`._node_link`) — goes through the same two steps,
:meth:`~GraphBuilding._put_level` and :meth:`~GraphBuilding._put_edge`, which
touch two dictionaries and nothing else: no index is rebuilt per edge, so
building a graph of *n* levels and *m* moves takes time linear in *n + m*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self, overload

from .._checks import as_tuple
from .._text import echo
from ..errors import DuplicateRegistrationError, InvalidTransitionError
from ..levels import CareLevel
from ._core import GraphCore, LevelKey, check_flag
from ._model import Transition, TransitionKind, kind_between

__all__ = ["GraphBuilding"]


class GraphBuilding(GraphCore):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that builds and edits it."""

    # -- the two steps every construction path takes ---------------------------------------
    def _put_level(self, level: object, *, replace: bool, where: str = "level") -> CareLevel:
        if not isinstance(level, CareLevel):
            raise TypeError(
                f"{where} must be a CareLevel (see carecontinuum.level()), "
                f"not {type(level).__name__} {echo(level)}"
            )
        if not replace and level.code in self._levels:
            raise DuplicateRegistrationError(f"level in graph {echo(self._name)}", level.code)
        self._levels[level.code] = level
        return level

    def _put_edge(
        self, t: object, *, replace: bool, check: bool, where: str = "transition"
    ) -> Transition:
        if not isinstance(t, Transition):
            raise TypeError(f"{where} must be a Transition, not {type(t).__name__} {echo(t)}")
        levels = self._levels
        a, b = t.source, t.target
        if a not in levels or b not in levels:  # an alias, or a level the graph lacks
            resolver = self._resolve()
            a, b = resolver.code(a), resolver.code(b)
            if a == b:
                raise InvalidTransitionError(
                    f"{t.source!r} and {t.target!r} name the same level {a!r}: "
                    "a level does not transition to itself",
                    source=a,
                    target=b,
                )
            t = t.model_copy(update={"source": a, "target": b})
        if check:
            actual = kind_between(levels[a], levels[b])
            if t.kind is not actual:
                self._contradiction(t, actual)
        if not replace and (a, b) in self._edges:
            raise DuplicateRegistrationError(
                f"transition in graph {echo(self._name)}", f"{a} -> {b}"
            )
        self._edges[(a, b)] = t
        return t

    def _contradiction(self, t: Transition, actual: TransitionKind) -> None:
        a, b = self._levels[t.source], self._levels[t.target]
        raise InvalidTransitionError(
            f"a {t.kind.label} from {a.code!r} (rank {a.rank:g}) to {b.code!r} "
            f"(rank {b.rank:g}) contradicts the levels' ranks: that move is a {actual.label}; "
            f"pass kind={actual.value!r} or leave kind out to infer it",
            source=a.code,
            target=b.code,
            allowed=tuple(target for (source, target) in self._edges if source == a.code),
        )

    def _load(self, levels: Iterable[Any], transitions: Iterable[Any], *, check: bool) -> None:
        """Add many levels, then many moves, in time linear in their number.

        The loop is :meth:`_put_level` / :meth:`_put_edge` inlined for the common
        case (moves between exact codes); anything else takes those methods.
        """
        check_flag(check, "check")
        level_list: tuple[object, ...] = as_tuple(levels, "levels")
        edge_list: tuple[object, ...] = as_tuple(transitions, "transitions")
        self._will_change(levels=True)
        stored, edges = self._levels, self._edges
        for n, lv in enumerate(level_list):
            if isinstance(lv, CareLevel) and lv.code not in stored:
                stored[lv.code] = lv
            else:
                self._put_level(lv, replace=False, where=f"levels[{n}]")  # the right error
        up, down, lateral = TransitionKind.STEP_UP, TransitionKind.STEP_DOWN, TransitionKind.LATERAL
        for n, t in enumerate(edge_list):  # all levels are in: a resolver built now sees them
            if isinstance(t, Transition):
                pair = (t.source, t.target)
                la, lb = stored.get(pair[0]), stored.get(pair[1])
                if la is not None and lb is not None and pair not in edges:
                    ra, rb = la.rank, lb.rank
                    actual = up if rb > ra else down if rb < ra else lateral
                    if not check or t.kind is actual:
                        edges[pair] = t
                        continue
            self._put_edge(t, replace=False, check=check, where=f"transitions[{n}]")

    # -- levels ---------------------------------------------------------------------------
    def add_level(self, level: CareLevel, *, replace: bool = False) -> CareLevel:
        """Add a level (a framework's finer level, or a custom one such as crisis stabilization).

        Parameters
        ----------
        level:
            The level to add.
        replace:
            Replace a level with the same code (its moves are kept).

        Returns
        -------
        CareLevel
            *level*.

        Raises
        ------
        carecontinuum.DuplicateRegistrationError
            When a level with the same code is already there and ``replace`` is false.
        TypeError
            When *level* is not a :class:`~carecontinuum.CareLevel`, or *replace*
            is not a bool.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.ContinuumGraph([cc.level("OP")], name="clinic")
        >>> g.add_level(cc.level("IOP")).code
        'intensive_outpatient'
        >>> len(g)
        2
        """
        check_flag(replace, "replace")
        if not isinstance(level, CareLevel):
            self._put_level(level, replace=replace)  # the TypeError naming the argument
        if not replace and level.code in self._levels:
            raise DuplicateRegistrationError(f"level in graph {echo(self._name)}", level.code)
        self._will_change(levels=True)
        return self._put_level(level, replace=True)

    def remove_level(self, key: LevelKey) -> CareLevel:
        """Remove a level and every move to or from it.

        Parameters
        ----------
        key:
            A level code, an alias or a :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        CareLevel
            The level removed.

        Raises
        ------
        carecontinuum.transitions.UnknownGraphLevelError
            When the graph has no such level.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> g.remove_level("PHP").code
        'partial_hospitalization'
        >>> g
        ContinuumGraph('continuum', 4 levels, 10 transitions)
        """
        code = self._resolve().code(key)
        self._will_change(levels=True)
        level = self._levels.pop(code)
        for pair in [p for p in self._edges if code in p]:
            del self._edges[pair]
        return level

    # -- moves ----------------------------------------------------------------------------
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

        Pass a :class:`~carecontinuum.Transition`, or the two levels and the
        edge's data.  Without *kind*, the kind is inferred from the levels' ranks.

        Parameters
        ----------
        source, target:
            The levels (codes, aliases or :class:`~carecontinuum.CareLevel`
            objects), or a :class:`~carecontinuum.Transition` alone.
        kind:
            ``"step_up"``, ``"step_down"`` or ``"lateral"``; inferred when left out.
        typical, rationale, sources, derived:
            The move's data (see :class:`~carecontinuum.Transition`).
        replace:
            Replace an existing move between the same two levels.
        check:
            Refuse a kind that contradicts the ranks (default).  With
            ``check=False`` the edge is kept and :meth:`validate` reports it.

        Returns
        -------
        Transition
            The move added, with its levels' codes.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When either level is not in the graph (add it first with :meth:`add_level`).
        carecontinuum.InvalidTransitionError
            When the declared kind contradicts the ranks (e.g. a "step-down" that
            goes up) and ``check`` is true.
        carecontinuum.DuplicateRegistrationError
            When the edge exists and ``replace`` is false.
        pydantic.ValidationError
            For an invalid field (a kind that is no kind, sources given as one string ...).
        TypeError
            For a flag (*typical*, *derived*, *replace*, *check*) that is not a
            bool, or a target given with a Transition / missing without one.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> g.add_transition("inpatient_acute", "OP", rationale="discharged to outpatient care")
        Transition('inpatient_acute' ↓ 'outpatient')
        >>> g.add_transition("OP", "IOP", typical="yes")
        Traceback (most recent call last):
        ...
        TypeError: typical must be True or False, not str 'yes'
        """
        for flag, name in ((replace, "replace"), (check, "check")):
            check_flag(flag, name)
        if isinstance(source, Transition):
            if target is not None:
                raise TypeError(
                    f"add_transition(transition) takes no target level; got target={echo(target)}"
                )
            t = source
        else:
            if target is None:
                raise TypeError(
                    "target is missing: add_transition() takes two levels, or a Transition alone"
                )
            for flag, name in ((typical, "typical"), (derived, "derived")):
                check_flag(flag, name)
            resolver = self._resolve()
            a, b = resolver.code(source), resolver.code(target)
            t = Transition(
                source=a,
                target=b,
                kind=kind_between(self._levels[a], self._levels[b]) if kind is None else kind,
                typical=typical,
                rationale=rationale,
                sources=sources,  # validated as a tuple: a bare string is refused, not split
                derived=derived,
            )
        self._will_change(levels=False)  # a refused move leaves the data as it was
        return self._put_edge(t, replace=replace, check=check)

    def remove_transition(self, source: LevelKey, target: LevelKey) -> Transition:
        """Remove the move from *source* to *target*.

        Parameters
        ----------
        source, target:
            The levels (codes, aliases or :class:`~carecontinuum.CareLevel` objects).

        Returns
        -------
        Transition
            The move removed.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When there is no such move (the message lists the moves allowed).
        carecontinuum.UnknownLevelError
            When either level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> g.remove_transition("IOP", "OP")
        Transition('intensive_outpatient' ↓ 'outpatient', typical)
        >>> g.allows("IOP", "OP")
        False
        """
        resolver = self._resolve()
        a, b = resolver.code(source), resolver.code(target)
        t = self._edges.get((a, b))
        if t is None:
            from ._queries import missing_move

            raise missing_move(self._idx(), self._name, a, b)
        self._will_change(levels=False)
        del self._edges[(a, b)]
        return t

    # -- new graphs -------------------------------------------------------------------------
    def copy(self, *, name: str | None = None) -> Self:
        """An independent copy (levels and transitions are immutable and shared).

        The copy is copy-on-write: it costs a few attribute assignments, and
        whichever graph changes first takes its own copy of the data.

        Parameters
        ----------
        name:
            The copy's name (default: this graph's).

        Returns
        -------
        ContinuumGraph
            A graph equal to this one that changes independently.

        Raises
        ------
        TypeError
            When *name* is not a str.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> mine = g.copy(name="mine")
        >>> _ = mine.remove_level("PHP")
        >>> len(g), len(mine)
        (5, 4)
        """
        if name is not None and not isinstance(name, str):
            raise TypeError(f"name must be a str or None, not {type(name).__name__} {echo(name)}")
        return self._clone(name)

    def subgraph(self, levels: Iterable[LevelKey], *, name: str | None = None) -> Self:
        """The graph of only these levels (e.g. those one provider offers) and the moves among them.

        Parameters
        ----------
        levels:
            The levels to keep (codes, aliases or :class:`~carecontinuum.CareLevel`
            objects); a sequence, not one string.
        name:
            The new graph's name (default: ``"<name> subgraph"``).

        Returns
        -------
        ContinuumGraph
            A new graph.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When a level is not in this graph.
        TypeError
            When *levels* is a single string or not iterable, or *name* is not a str.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> offered = cc.default_graph().subgraph(["OP", "IOP", "residential"])
        >>> [str(t) for t in offered.step_downs("residential")]
        ['residential ↓ intensive_outpatient']
        """
        resolver = self._resolve()
        wanted: tuple[object, ...] = as_tuple(levels, "levels")
        keep = {resolver.code(k) for k in wanted}
        new_name = f"{self._name} subgraph" if name is None else name
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._init_state(new_name)
        new._levels = {code: lv for code, lv in self._levels.items() if code in keep}
        new._edges = {
            pair: t for pair, t in self._edges.items() if pair[0] in keep and pair[1] in keep
        }
        return new
