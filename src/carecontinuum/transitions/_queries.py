"""Queries over a graph's index: moves, step-down pathways, nearest levels, validation."""

from __future__ import annotations

from typing import Any

from ..errors import InvalidTransitionError
from ..levels import CareLevel
from ._finding import Finding
from ._index import GraphIndex
from ._model import Transition, TransitionKind, kind_between

__all__ = [
    "allowed_text",
    "nearest",
    "of_kind",
    "reach",
    "step_down_path",
    "transition",
    "validate",
]


def allowed_text(idx: GraphIndex, code: str) -> str:
    moves = idx.out[code]
    if not moves:
        return f"no moves are allowed from {code!r}"
    parts = []
    for kind in TransitionKind:
        targets = [t.target + (" (typical)" if t.typical else "") for t in moves if t.kind is kind]
        if targets:
            parts.append(f"{kind.label} to " + ", ".join(targets))
    return f"moves allowed from {code!r}: " + "; ".join(parts)


def transition(idx: GraphIndex, name: str, source: object, target: object) -> Transition:
    """The edge from *source* to *target*, or an :class:`InvalidTransitionError` saying why not."""
    a, b = idx.code(source), idx.code(target)
    found = idx.edges.get((a, b))
    if found is not None:
        return found
    if a == b:
        why = "a level does not transition to itself"
    else:
        kind = kind_between(idx.levels[a], idx.levels[b])
        why = f"graph {name!r} has no {kind.label} from {a!r} to {b!r}"
    raise InvalidTransitionError(
        f"no transition from {a!r} to {b!r}: {why}; {allowed_text(idx, a)}",
        source=a,
        target=b,
        allowed=tuple(t.target for t in idx.out[a]),
    )


def of_kind(
    idx: GraphIndex, level: object, kind: TransitionKind, typical: bool | None
) -> tuple[Transition, ...]:
    """The moves of *kind* from *level*, nearest first; filtered by *typical* unless None."""
    moves = idx.by_kind[(idx.code(level), kind)]
    if typical is None:
        return moves
    return tuple(t for t in moves if t.typical is typical)


def _typical_downs(idx: GraphIndex, code: str) -> list[str]:
    """Targets of typical step-downs from *code* that really go down in rank."""
    rank = idx.levels[code].rank
    return [
        t.target
        for t in idx.by_kind[(code, TransitionKind.STEP_DOWN)]
        if t.typical and idx.levels[t.target].rank < rank
    ]


def step_down_path(
    idx: GraphIndex, name: str, source: object, target: object, *, gradual: bool
) -> tuple[CareLevel, ...]:
    """The typical step-down pathway from *source* to *target* (see ``ContinuumGraph``)."""
    a, b = idx.code(source), idx.code(target)
    cached = idx.paths.get((a, b, gradual))
    if cached is None:
        cached = idx.paths[(a, b, gradual)] = _step_down_path(idx, name, a, b, gradual=gradual)
    return cached


def _step_down_path(
    idx: GraphIndex, name: str, a: str, b: str, *, gradual: bool
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
    # best[c] = (score, path from c down to b); score ranks paths as the caller asked
    best: dict[str, tuple[tuple[float, ...], tuple[str, ...]]] = {b: ((), (b,))}
    for code in [*between, a]:
        options = []
        for nxt in _typical_downs(idx, code):
            if nxt in best:
                path = best[nxt][1]
                options.append((_score(idx, code, path, gradual), (code, *path)))
        if options:
            best[code] = max(options)
    if a not in best:
        downs = _typical_downs(idx, a)
        typical = ", ".join(downs) if downs else "none"
        raise InvalidTransitionError(
            f"no typical step-down path from {a!r} to {b!r} in graph {name!r}; "
            f"typical step-downs from {a!r}: {typical}",
            source=a,
            target=b,
            allowed=tuple(downs),
        )
    return tuple(idx.levels[c] for c in best[a][1])


def _score(idx: GraphIndex, code: str, rest: tuple[str, ...], gradual: bool) -> tuple[float, ...]:
    # fewest moves first (or most, if gradual); then stay at intensive levels longer
    length = len(rest) if gradual else -len(rest)
    return (length, *(idx.levels[c].rank for c in rest))


def nearest(idx: GraphIndex, level: object, *, lower: bool) -> CareLevel | None:
    """The nearest level of the graph strictly below (or above) *level*'s rank."""
    rank = idx.levels[idx.code(level)].rank
    if lower:
        below = [lv for lv in idx.levels.values() if lv.rank < rank]
        return below[-1] if below else None
    above = [lv for lv in idx.levels.values() if lv.rank > rank]
    return above[0] if above else None


def reach(idx: GraphIndex, graph: Any, code: str) -> frozenset[str]:
    """Codes reachable from *code* (cached on the index)."""
    found = idx.reach.get(code)
    if found is None:
        import networkx as nx

        found = idx.reach[code] = frozenset(nx.descendants(graph, code))
    return found


def validate(idx: GraphIndex) -> list[Finding]:
    """Unreachable and isolated levels, dead ends, and edges whose kind contradicts the ranks."""
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
