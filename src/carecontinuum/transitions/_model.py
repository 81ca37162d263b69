"""The typed edge of a transition graph: :class:`Transition` and its :class:`TransitionKind`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, StrictBool, StringConstraints, model_validator

from .._contract import contract, rule
from .._display import Display, render_html
from .._json_model import JsonModel
from ..levels import CareLevel, LevelCode

__all__ = ["Transition", "TransitionKind", "kind_between"]

_SourceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class TransitionKind(StrEnum):
    """Which way a move goes in intensity.

    Examples
    --------
    >>> TransitionKind("step_down").arrow
    '↓'
    """

    STEP_UP = "step_up"
    """To a more intensive level (higher rank)."""
    STEP_DOWN = "step_down"
    """To a less intensive level (lower rank)."""
    LATERAL = "lateral"
    """To a level of the same rank."""

    @property
    def arrow(self) -> str:
        """A one-character arrow for text displays."""
        return {"step_up": "↑", "step_down": "↓", "lateral": "→"}[self.value]

    @property
    def label(self) -> str:
        """The kind in words: ``step-up``, ``step-down`` or ``lateral``."""
        return self.value.replace("_", "-")


def kind_between(source: CareLevel, target: CareLevel) -> TransitionKind:
    """The kind a move from *source* to *target* has, judged by rank.

    Parameters
    ----------
    source:
        The level moved from.
    target:
        The level moved to.

    Returns
    -------
    TransitionKind
        ``STEP_UP`` to a higher rank, ``STEP_DOWN`` to a lower one, else
        ``LATERAL``.

    Raises
    ------
    TypeError
        When either is not a :class:`~carecontinuum.CareLevel`.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> kind_between(cc.level("OP"), cc.level("IOP")).value
    'step_up'
    """
    for name, value in (("source", source), ("target", target)):
        if not isinstance(value, CareLevel):
            raise TypeError(
                f"kind_between() takes CareLevel objects (see carecontinuum.level()); "
                f"{name} is {type(value).__name__} {value!r}"
            )
    if target.rank > source.rank:
        return TransitionKind.STEP_UP
    if target.rank < source.rank:
        return TransitionKind.STEP_DOWN
    return TransitionKind.LATERAL


@contract("transition_self", "unverified_note")
class Transition(JsonModel):
    """One allowed move between two levels: an edge of a :class:`ContinuumGraph`.

    A transition carries meaning, not durations: moves between levels are
    driven by reassessment, not by a fixed length of stay [TIP47, ASAM3].

    Attributes
    ----------
    source, target:
        Level codes of the origin and the destination.
    kind:
        Step-up, step-down or lateral.
    typical:
        True for the moves the sources describe as the usual ones.
    rationale:
        Why the move is made, in words.
    sources:
        Source ids behind the edge (see :data:`carecontinuum.SOURCES`).
    derived:
        True when the edge was derived (for example through a crosswalk) rather
        than stated by a source; the rationale then says how.
    verified:
        False when no cited source states the move; ``note`` then says what is
        unverified.
    note:
        What is unverified about the move, or other remarks.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> t = cc.default_graph().transition("OP", "IOP")
    >>> t
    Transition('outpatient' ↑ 'intensive_outpatient', typical)
    >>> t.rationale
    'at risk of hospitalization and weekly therapy is not enough'
    >>> t.sources
    ('SEED', 'TIP47')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: LevelCode
    target: LevelCode
    kind: TransitionKind
    typical: StrictBool = False
    rationale: str = ""
    sources: tuple[_SourceId, ...] = ()
    derived: StrictBool = False
    verified: StrictBool = True
    note: str = ""

    @model_validator(mode="after")
    def _not_a_loop(self) -> Transition:
        if self.source == self.target:
            raise rule(
                "transition_self",
                f"a transition needs two different levels; got {self.source!r} to itself",
            )
        if not self.verified and not self.note:
            raise rule(
                "unverified_note",
                f"transition {self.source!r} to {self.target!r}: an unverified transition "
                "needs a note saying what is unverified",
            )
        return self

    def __repr__(self) -> str:
        flags = ", typical" if self.typical else ""
        flags += ", derived" if self.derived else ""
        flags += ", unverified" if not self.verified else ""
        return f"Transition({self.source!r} {self.kind.arrow} {self.target!r}{flags})"

    def __str__(self) -> str:
        return f"{self.source} {self.kind.arrow} {self.target}"

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            ("move", f"{self.source} {self.kind.arrow} {self.target}"),
            ("kind", self.kind.label + (" (typical)" if self.typical else "")),
        ]
        if self.rationale:
            rows.append(("rationale", self.rationale))
        if self.sources:
            rows.append(("sources", self.sources))
        if self.derived:
            rows.append(("derived", True))
        if not self.verified:
            rows.append(("verified", False))
        if self.note:
            rows.append(("note", self.note))
        return Display(f"{self.source} {self.kind.arrow} {self.target}", rows)

    def _repr_html_(self) -> str:
        return render_html(self._display_())
