"""Making a graph edge from what a caller passes: levels resolved, kind inferred or checked."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import DuplicateRegistrationError, InvalidTransitionError
from ..levels import CareLevel
from ._index import GraphIndex
from ._model import Transition, TransitionKind, kind_between

__all__ = ["check_kind", "new_edge"]


def check_kind(idx: GraphIndex, t: Transition) -> None:
    """Refuse a transition whose declared kind contradicts the levels' ranks."""
    a, b = idx.levels[t.source], idx.levels[t.target]
    actual = kind_between(a, b)
    if t.kind is not actual:
        raise InvalidTransitionError(
            f"a {t.kind.label} from {a.code!r} (rank {a.rank:g}) to {b.code!r} "
            f"(rank {b.rank:g}) contradicts the levels' ranks: that move is a {actual.label}; "
            f"pass kind={actual.value!r} or leave kind out to infer it",
            source=a.code,
            target=b.code,
            allowed=tuple(m.target for m in idx.out[a.code]),
        )


def new_edge(
    idx: GraphIndex,
    name: str,
    source: str | CareLevel | Transition,
    target: str | CareLevel | None,
    kind: TransitionKind | str | None,
    *,
    typical: bool,
    rationale: str,
    sources: Sequence[str],
    derived: bool,
    replace: bool,
    check: bool,
) -> Transition:
    """The transition ``ContinuumGraph.add_transition`` adds (see there for the errors)."""
    if isinstance(source, Transition):
        if target is not None:
            raise TypeError("add_transition(transition) takes no target level")
        t = source
        a, b = idx.code(t.source), idx.code(t.target)
        if (a, b) != (t.source, t.target):
            t = t.model_copy(update={"source": a, "target": b})
    else:
        if target is None:
            raise TypeError("add_transition() needs a target level")
        a, b = idx.code(source), idx.code(target)
        actual = kind_between(idx.levels[a], idx.levels[b])
        t = Transition(
            source=a,
            target=b,
            kind=actual if kind is None else kind,  # the model names a bad kind
            typical=typical,
            rationale=rationale,
            sources=sources,  # validated as a tuple: a bare string is refused, not split
            derived=derived,
        )
    if check:
        check_kind(idx, t)
    if (a, b) in idx.edges and not replace:
        raise DuplicateRegistrationError(f"transition in graph {name!r}", f"{a} -> {b}")
    return t
