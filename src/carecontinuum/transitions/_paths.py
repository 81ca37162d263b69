"""Asking a graph about pathways: step-down paths, nearest levels, reachability.

Like every query, these read the graph's :class:`~._index.GraphIndex`; the
answers of :meth:`~GraphPathways.step_down_path` and of reachability are
also kept on the index, so asking twice costs a dictionary lookup.
"""

from __future__ import annotations

from collections import deque

from ..errors import InvalidTransitionError
from ..levels import CareLevel
from ._core import GraphCore, LevelKey, check_flag
from ._index import GraphIndex
from ._model import TransitionKind

__all__ = ["GraphPathways"]


def _typical_downs(idx: GraphIndex, code: str) -> list[str]:
    """Targets of typical step-downs from *code* that really go down in rank."""
    rank = idx.levels[code].rank
    return [
        t.target
        for t in idx.by_kind[(code, TransitionKind.STEP_DOWN)]
        if t.typical and idx.levels[t.target].rank < rank
    ]


class GraphPathways(GraphCore):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that follows moves along pathways."""

    def step_down_path(
        self, source: LevelKey, target: LevelKey, *, gradual: bool = False
    ) -> tuple[CareLevel, ...]:
        """The typical step-down pathway from *source* to *target*, most intensive first.

        Only typical step-down edges are followed.  The default is the path with
        the fewest moves (ties go to the path that stays at more intensive
        levels longer); ``gradual=True`` takes the path through the most levels.
        Every path strictly decreases in rank.

        Parameters
        ----------
        source, target:
            The levels (codes, aliases or :class:`~carecontinuum.CareLevel` objects).
        gradual:
            Step down through as many levels as possible.

        Returns
        -------
        tuple of CareLevel
            The levels along the path, *source* first and *target* last.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When *target* is more intensive than *source*, or no typical
            step-down pathway joins them.
        carecontinuum.UnknownLevelError
            When either level is not in the graph.
        TypeError
            When *gradual* is not a bool.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph()
        >>> [lv.code for lv in g.step_down_path("inpatient_acute", "OP", gradual=True)]
        ['inpatient_acute', 'residential', 'partial_hospitalization', 'intensive_outpatient', \
'outpatient']
        """
        check_flag(gradual, "gradual")
        idx = self._idx()
        a, b = idx.resolver.code(source), idx.resolver.code(target)
        cached = idx.paths.get((a, b, gradual))
        if cached is None:
            cached = idx.paths[(a, b, gradual)] = self._step_down_path(idx, a, b, gradual)
        return cached

    def _step_down_path(
        self, idx: GraphIndex, a: str, b: str, gradual: bool
    ) -> tuple[CareLevel, ...]:
        la, lb = idx.levels[a], idx.levels[b]
        if a == b:
            return (la,)
        if lb.rank >= la.rank:
            raise InvalidTransitionError(
                f"no step-down path from {a!r} (rank {la.rank:g}) to {b!r} (rank {lb.rank:g}): "
                f"a step-down path ends at a less intensive level; use step_ups() to go up",
                source=a,
                target=b,
                allowed=tuple(_typical_downs(idx, a)),
            )
        # Levels strictly between the two ranks, least intensive first: typical step-downs
        # go strictly down, so every target is solved before the levels that lead to it.
        between = [c for c, lv in idx.levels.items() if lb.rank < lv.rank < la.rank]
        # best[c] = (score, path from c down to b); score ranks paths as the caller asked:
        # fewest moves first (or most, if gradual), then staying at intensive levels longer
        best: dict[str, tuple[tuple[float, ...], tuple[str, ...]]] = {b: ((), (b,))}
        for code in [*between, a]:
            options = []
            for nxt in _typical_downs(idx, code):
                if nxt in best:
                    path = best[nxt][1]
                    length = len(path) if gradual else -len(path)
                    score = (length, *(idx.levels[c].rank for c in path))
                    options.append((score, (code, *path)))
            if options:
                best[code] = max(options)
        if a not in best:
            downs = _typical_downs(idx, a)
            typical = ", ".join(downs) if downs else "none"
            raise InvalidTransitionError(
                f"no typical step-down path from {a!r} to {b!r} in graph {self._name!r}; "
                f"typical step-downs from {a!r}: {typical}",
                source=a,
                target=b,
                allowed=tuple(downs),
            )
        return tuple(idx.levels[c] for c in best[a][1])

    def nearest_less_intensive(self, level: LevelKey) -> CareLevel | None:
        """The most intensive level of the graph below *level*'s rank, or None.

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        CareLevel or None
            The level, or ``None`` when *level* is the least intensive.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph().subgraph(["OP", "IOP", "residential"])
        >>> g.nearest_less_intensive("residential").code
        'intensive_outpatient'
        """
        idx = self._idx()
        rank = idx.levels[idx.resolver.code(level)].rank
        below = [lv for lv in idx.levels.values() if lv.rank < rank]
        return below[-1] if below else None

    def nearest_more_intensive(self, level: LevelKey) -> CareLevel | None:
        """The least intensive level of the graph above *level*'s rank, or None.

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        CareLevel or None
            The level, or ``None`` when *level* is the most intensive.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().nearest_more_intensive("IOP").code
        'partial_hospitalization'
        """
        idx = self._idx()
        rank = idx.levels[idx.resolver.code(level)].rank
        return next((lv for lv in idx.levels.values() if lv.rank > rank), None)

    def _reach(self, idx: GraphIndex, code: str) -> frozenset[str]:
        found = idx.reach.get(code)
        if found is None:
            seen: set[str] = set()
            queue = deque([code])
            while queue:
                for t in idx.out[queue.popleft()]:
                    if t.target not in seen:
                        seen.add(t.target)
                        queue.append(t.target)
            seen.discard(code)  # as networkx's descendants(): never the level itself
            found = idx.reach[code] = frozenset(seen)
        return found

    def reachable_from(self, level: LevelKey) -> tuple[CareLevel, ...]:
        """Every other level reachable from *level* by one or more moves, least intensive first.

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        tuple[CareLevel, ...]
            The levels, least intensive first.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> g = cc.default_graph().subgraph(["OP", "PHP", "residential"])
        >>> [lv.code for lv in g.reachable_from("residential")]
        ['partial_hospitalization']
        """
        idx = self._idx()
        reach = self._reach(idx, idx.resolver.code(level))
        return tuple(lv for code, lv in idx.levels.items() if code in reach)

    def reachable(self, source: LevelKey, target: LevelKey) -> bool:
        """Whether *target*, another level, can be reached from *source* by one or more moves.

        Parameters
        ----------
        source:
            The level to start from: a level's code, alias or :class:`~carecontinuum.CareLevel`.
        target:
            The level to reach.

        Returns
        -------
        bool
            ``True`` when a path of moves joins them.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When either level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().reachable("inpatient_acute", "OP")
        True
        """
        idx = self._idx()
        a, b = idx.resolver.code(source), idx.resolver.code(target)
        return b in self._reach(idx, a)
