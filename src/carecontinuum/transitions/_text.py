"""Plain-text renderings of a graph's moves (for terminals and the CLI tour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._model import Transition

if TYPE_CHECKING:
    from ._graph import ContinuumGraph, LevelKey

__all__ = ["describe_level", "describe_transition"]


def describe_transition(t: Transition, target_name: str = "") -> str:
    """One line: arrow, destination, whether typical, rationale and sources."""
    if not isinstance(t, Transition):
        raise TypeError(f"describe_transition() takes a Transition, not {type(t).__name__}")
    line = f"{t.kind.arrow} {target_name or t.target}"
    if t.typical:
        line += " (typical)"
    if not t.verified:
        line += " (unverified)"
    if t.rationale:
        line += f": {t.rationale}"
    if t.sources:
        line += f" [{', '.join(t.sources)}]"
    return line


def describe_level(graph: ContinuumGraph, level: LevelKey) -> str:
    """The step-ups, laterals and step-downs from *level*, nearest first.

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
    lv = graph.level(level)
    lines = [f"{lv.name} [{lv.code}, rank {lv.rank:g}]"]
    for heading, moves in (
        ("step-ups", graph.step_ups(lv)),
        ("lateral moves", graph.laterals(lv)),
        ("step-downs", graph.step_downs(lv)),
    ):
        if moves:
            lines.append(f"{heading}:")
            lines.extend("  " + describe_transition(t, graph.level(t.target).name) for t in moves)
    if len(lines) == 1:
        lines.append("no moves from this level")
    return "\n".join(lines)
