"""Asking a graph about its moves: which exist, of which kind, and what is wrong with them.

Every query reads the graph's :class:`~._index.GraphIndex` (plain
dictionaries built once per state), never networkx, so a query on the default
graph costs about a microsecond.
"""

from __future__ import annotations

from ..errors import InvalidTransitionError
from ._core import GraphCore, LevelKey, check_flag
from ._finding import Finding
from ._index import GraphIndex
from ._model import Transition, TransitionKind, kind_between
from ._text import describe_transition

__all__ = ["GraphQueries", "allowed_text", "missing_move"]


def allowed_text(idx: GraphIndex, code: str) -> str:
    """The moves allowed from *code*, in words (for messages)."""
    moves = idx.out[code]
    if not moves:
        return f"no moves are allowed from {code!r}"
    parts = []
    for kind in TransitionKind:
        targets = [t.target + (" (typical)" if t.typical else "") for t in moves if t.kind is kind]
        if targets:
            parts.append(f"{kind.label} to " + ", ".join(targets))
    return f"moves allowed from {code!r}: " + "; ".join(parts)


def missing_move(idx: GraphIndex, name: str, a: str, b: str) -> InvalidTransitionError:
    """The error for a move from *a* to *b* that the graph does not have, saying why."""
    if a == b:
        why = "a level does not transition to itself"
    else:
        kind = kind_between(idx.levels[a], idx.levels[b])
        why = f"graph {name!r} has no {kind.label} from {a!r} to {b!r}"
    return InvalidTransitionError(
        f"no transition from {a!r} to {b!r}: {why}; {allowed_text(idx, a)}",
        source=a,
        target=b,
        allowed=tuple(t.target for t in idx.out[a]),
    )


class GraphQueries(GraphCore):
    """The facet of :class:`~carecontinuum.ContinuumGraph` that answers questions about it."""

    def transition(self, source: LevelKey, target: LevelKey) -> Transition:
        """The move from *source* to *target*.

        Parameters
        ----------
        source, target:
            The levels (codes, aliases or :class:`~carecontinuum.CareLevel` objects).

        Returns
        -------
        Transition
            The move.

        Raises
        ------
        carecontinuum.InvalidTransitionError
            When the graph does not allow the move; the message says why and lists
            the moves allowed from *source* (also in ``err.allowed``).
        carecontinuum.UnknownLevelError
            When either level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().transition("PHP", "IOP").typical
        True
        """
        idx = self._idx()
        a, b = idx.resolver.code(source), idx.resolver.code(target)
        found = idx.edges.get((a, b))
        if found is None:
            raise missing_move(idx, self._name, a, b)
        return found

    def allows(self, source: LevelKey, target: LevelKey) -> bool:
        """Whether the graph has a move from *source* to *target*.

        Parameters
        ----------
        source:
            The level moved from: a level's code, alias or :class:`~carecontinuum.CareLevel`.
        target:
            The level moved to.

        Returns
        -------
        bool
            ``True`` when the move is an edge of the graph.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When either level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().allows("OP", "residential"), cc.default_graph().allows("PHP", "OP")
        (True, False)
        """
        resolver = self._resolve()
        return (resolver.code(source), resolver.code(target)) in self._edges

    def moves_from(self, level: LevelKey) -> tuple[Transition, ...]:
        """Every move from *level*: step-ups, laterals, then step-downs, nearest first.

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        tuple[Transition, ...]
            The moves, in that order.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> [str(t) for t in cc.default_graph().moves_from("residential")]
        ['residential ↑ inpatient_acute', 'residential ↓ partial_hospitalization', \
'residential ↓ intensive_outpatient']
        """
        idx = self._idx()
        return idx.out[idx.resolver.code(level)]

    def moves_to(self, level: LevelKey) -> tuple[Transition, ...]:
        """Every move into *level*, from the least intensive origin.

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        tuple[Transition, ...]
            The moves, in that order.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> [t.source for t in cc.default_graph().moves_to("OP")]
        ['intensive_outpatient']
        """
        idx = self._idx()
        return idx.into[idx.resolver.code(level)]

    def _of_kind(
        self, level: LevelKey, kind: TransitionKind, typical: object
    ) -> tuple[Transition, ...]:
        check_flag(typical, "typical", optional=True)
        idx = self._idx()
        moves = idx.by_kind[(idx.resolver.code(level), kind)]
        if typical is None:
            return moves
        return tuple(t for t in moves if t.typical is typical)

    def step_ups(self, level: LevelKey, *, typical: bool | None = None) -> tuple[Transition, ...]:
        """The step-ups from *level*, nearest first.

        Parameters
        ----------
        level:
            A level code, an alias or a :class:`~carecontinuum.CareLevel`.
        typical:
            ``True``: only typical moves; ``False``: only the others; ``None``: all.

        Returns
        -------
        tuple of Transition
            The moves, nearest (least intensive target) first.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.
        TypeError
            When *typical* is not True, False or None.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> [t.target for t in cc.default_graph().step_ups("OP", typical=True)]
        ['intensive_outpatient']
        """
        return self._of_kind(level, TransitionKind.STEP_UP, typical)

    def step_downs(self, level: LevelKey, *, typical: bool | None = None) -> tuple[Transition, ...]:
        """The step-downs from *level*, nearest (most intensive target) first.

        Parameters
        ----------
        level:
            A level code, an alias or a :class:`~carecontinuum.CareLevel`.
        typical:
            ``True``: only typical moves; ``False``: only the others; ``None``: all.

        Returns
        -------
        tuple of Transition
            The moves.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.
        TypeError
            When *typical* is not True, False or None.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> [t.target for t in cc.default_graph().step_downs("residential")]
        ['partial_hospitalization', 'intensive_outpatient']
        """
        return self._of_kind(level, TransitionKind.STEP_DOWN, typical)

    def laterals(self, level: LevelKey) -> tuple[Transition, ...]:
        """The lateral moves from *level* (to levels of the same rank).

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        tuple[Transition, ...]
            The moves (empty when there are none).

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.default_graph().laterals("IOP")
        ()
        """
        return self._of_kind(level, TransitionKind.LATERAL, None)

    def validate(self) -> list[Finding]:
        """Every problem in the graph: unreachable levels, dead ends, contradicted kinds.

        Returns
        -------
        list of Finding
            One finding per problem (kebab-case codes ``isolated-level``,
            ``dead-end``, ``unreachable-level``: warnings; ``kind-contradicts-rank``:
            an error), empty for a sound graph.

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
        idx = self._idx()
        findings: list[Finding] = []
        if len(idx.levels) > 1:
            for code in idx.levels:
                outs, ins = idx.out[code], idx.into[code]
                if not outs and not ins:
                    findings.append(
                        Finding(
                            code="isolated-level",
                            message=f"no move leads to or from {code!r}",
                            severity="warning",
                            location=code,
                        )
                    )
                    continue
                if not outs:
                    findings.append(
                        Finding(
                            code="dead-end",
                            message=f"no move leads out of {code!r}",
                            severity="warning",
                            location=code,
                        )
                    )
                if not ins:
                    findings.append(
                        Finding(
                            code="unreachable-level",
                            message=f"no move leads into {code!r} from another level",
                            severity="warning",
                            location=code,
                        )
                    )
        for (a, b), t in idx.edges.items():
            la, lb = idx.levels[a], idx.levels[b]
            actual = kind_between(la, lb)
            if t.kind is not actual:
                findings.append(
                    Finding(
                        code="kind-contradicts-rank",
                        message=(
                            f"the {t.kind.label} from {a!r} (rank {la.rank:g}) to {b!r} "
                            f"(rank {lb.rank:g}) is a {actual.label} by rank"
                        ),
                        severity="error",
                        location=f"{a} -> {b}",
                    )
                )
        return findings

    def describe_level(self, level: LevelKey) -> str:
        """A text rendering of the moves from *level*, nearest first (used by the CLI tour).

        Parameters
        ----------
        level:
            A level's code, alias or :class:`~carecontinuum.CareLevel`.

        Returns
        -------
        str
            The level, then its step-ups, laterals and step-downs, one per line.

        Raises
        ------
        carecontinuum.UnknownLevelError
            When the level is not in the graph.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> print(cc.default_graph().describe_level("PHP"))  # doctest: +ELLIPSIS
        Partial hospitalization (PHP) [partial_hospitalization, rank 2]
        step-ups:
          ↑ Inpatient residential: more intensive care after reassessment...
          ↑ Inpatient acute: crisis or psychiatric emergency: ...
        step-downs:
          ↓ Intensive outpatient (IOP) (typical) (unverified): ...
        """
        lv = self.level(level)
        lines = [f"{lv.name} [{lv.code}, rank {lv.rank:g}]"]
        for heading, kind in (
            ("step-ups", TransitionKind.STEP_UP),
            ("lateral moves", TransitionKind.LATERAL),
            ("step-downs", TransitionKind.STEP_DOWN),
        ):
            moves = self._of_kind(lv.code, kind, None)
            if moves:
                lines.append(f"{heading}:")
                lines.extend(
                    "  " + describe_transition(t, self._levels[t.target].name) for t in moves
                )
        if len(lines) == 1:
            lines.append("no moves from this level")
        return "\n".join(lines)
