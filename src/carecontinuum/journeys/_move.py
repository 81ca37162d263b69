"""``Move``: one change of level in a journey, labelled by its kind."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, ClassVar

from pydantic import BeforeValidator, ConfigDict, Field

from .._display import DisplayMixin
from .._json_model import JsonModel
from ..levels import LevelCode
from ..transitions import TransitionKind
from ._numbers import plain_whole

__all__ = ["Move"]


class Move(DisplayMixin, JsonModel):
    """A move between two consecutive placements of a journey.

    Attributes
    ----------
    index:
        The position of the placement moved *into* (the first move has index 1).
    source, target:
        The level codes left and entered.
    kind:
        Step-up, step-down or lateral, by the levels' ranks (a move between two
        placements at the same level is lateral).
    on:
        The date the new placement starts.
    gap_days:
        Days between the end of the previous placement and the start of the
        next (0: same day; negative: they overlap); ``None`` when the previous
        placement has no end date.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> j = cc.Journey(placements=[
    ...     {"level": "residential", "start": "2024-01-01", "end": "2024-02-01"},
    ...     {"level": "IOP", "start": "2024-02-01", "end": "2024-03-15"}])
    >>> j.transitions[0]
    Move(1: residential ↓ intensive_outpatient on 2024-02-01)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: Annotated[int, Field(ge=1), BeforeValidator(plain_whole)]
    source: LevelCode
    target: LevelCode
    kind: TransitionKind
    on: _dt.date
    gap_days: Annotated[int | None, BeforeValidator(plain_whole)] = None

    def __repr__(self) -> str:
        return (
            f"Move({self.index}: {self.source} {self.kind.arrow} {self.target} "
            f"on {self.on.isoformat()})"
        )

    def __str__(self) -> str:
        return f"{self.on.isoformat()} {self.source} {self.kind.arrow} {self.target}"

    _display_fields: ClassVar[frozenset[str]] = frozenset(
        {"index", "source", "target", "kind", "on", "gap_days"}
    )

    def _display_title(self) -> str:
        return f"{self.kind.label}: {self.source} {self.kind.arrow} {self.target}"

    def _display_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [
            ("on", self.on.isoformat()),
            ("placement", self.index),
            ("from", self.source),
            ("to", self.target),
        ]
        if self.gap_days is not None:
            rows.append(("days between", self.gap_days))
        return rows
