"""A plain-text rendering of one move (for terminals and the CLI tour)."""

from __future__ import annotations

from .._text import echo
from ._model import Transition

__all__ = ["describe_transition"]


def describe_transition(t: Transition, target_name: str = "") -> str:
    """One line: arrow, destination, whether typical, rationale and sources.

    Parameters
    ----------
    t:
        The move.
    target_name:
        How to name the destination (default: its code).

    Returns
    -------
    str
        The line, without a newline.

    Raises
    ------
    TypeError
        When *t* is not a :class:`~carecontinuum.Transition` or *target_name* not a str.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> print(describe_transition(cc.default_graph().transition("IOP", "OP"), "Outpatient"))
    ↓ Outpatient (typical): continuing care in outpatient treatment after intensive \
outpatient treatment [TIP47]
    """
    if not isinstance(t, Transition):
        raise TypeError(
            f"describe_transition() takes a Transition, not {type(t).__name__} {echo(t)} "
            "(argument t)"
        )
    if not isinstance(target_name, str):
        raise TypeError(
            f"target_name must be a str, not {type(target_name).__name__} {echo(target_name)}"
        )
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
