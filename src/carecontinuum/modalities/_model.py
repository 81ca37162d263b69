"""The modality record: a therapy or adjunct a program delivers."""

from __future__ import annotations

import html
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..units import DaysPerWeek, Hours, HoursPerDay, Sessions, SessionsPerWeek, Weeks

__all__ = ["Format", "Modality", "ModalityCategory", "ModalityCode", "ModalityStructure"]

#: A modality code: lower-case letters, digits and underscores, e.g. ``matrix_model``.
ModalityCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class ModalityCategory(StrEnum):
    """Broad families of modalities."""

    PSYCHOTHERAPY = "psychotherapy"
    BEHAVIORAL = "behavioral"
    """Behavioral and incentive-based approaches (contingency management)."""
    COMMUNITY = "community"
    """Community and mutual-help approaches (12-step facilitation, therapeutic community)."""
    PSYCHOEDUCATION = "psychoeducation"
    MEDICATION = "medication"
    NEUROMODULATION = "neuromodulation"
    EXPERIENTIAL = "experiential"
    """Body- and activity-based therapies (yoga, equine therapy)."""
    OTHER = "other"


class Format(StrEnum):
    """How a modality or session is delivered."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    FAMILY = "family"
    MEDICATION_MANAGEMENT = "medication_management"


class ModalityStructure(BaseModel):
    """A modality's documented structure, as typed quantities.

    Every field is optional: sources document different things (a session
    count, a length in weeks, a weekly rhythm).  ``detail`` keeps the rest of
    the documented structure in words.

    Examples
    --------
    >>> s = ModalityStructure(weeks=16, hours_per_day="3 h", days_per_week=3,
    ...                       approximate=True, sources=("CEBC",))
    >>> s.weeks, s.hours_per_day
    (16.0, 3.0)
    >>> s.hours_per_week()
    <Quantity(9.0, 'hour / week')>
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sessions: Sessions | None = None
    sessions_per_week: SessionsPerWeek | None = None
    session_length: Hours | None = None
    hours_per_day: HoursPerDay | None = None
    days_per_week: DaysPerWeek | None = None
    weeks: Weeks | None = None
    detail: str = ""
    approximate: bool = False
    sources: tuple[str, ...] = ()
    verified: bool = True

    def hours_per_week(self) -> Any:
        """Hours per week when hours/day and days/week are documented, else ``None``."""
        if self.hours_per_day is None or self.days_per_week is None:
            return None
        from ..units import quantity

        return quantity(self.hours_per_day * self.days_per_week, "hour / week")


class Modality(BaseModel):
    """A therapy, approach or adjunct that a program delivers; frozen.

    Subclass it to add fields: give the subclass its own ``kind`` literal and
    register it with :func:`carecontinuum.register_modality` so that JSON
    carrying that ``kind`` comes back as the subclass.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> met = cc.modality("MET")
    >>> met.structure.sessions
    4
    >>> cc.Modality(code="art_therapy", name="Art therapy", category="experiential")
    Modality('art_therapy', category='experiential')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["modality"] = "modality"
    code: ModalityCode
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    category: ModalityCategory
    formats: tuple[Format, ...] = ()
    targets: tuple[str, ...] = ()
    """Conditions the modality is used for, as the sources state them."""
    adjunct: bool = False
    """An add-on to a program's core therapies (the seed's TMS, ketamine, EMDR, yoga ...)."""
    structure: ModalityStructure | None = None
    description: str = ""
    sources: tuple[str, ...] = ()
    verified: bool = True
    note: str = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, category={self.category.value!r})"

    def __str__(self) -> str:
        return self.name

    def _repr_html_(self) -> str:
        rows: list[tuple[str, str]] = [
            ("code", self.code),
            ("category", self.category.value + (" (adjunct)" if self.adjunct else "")),
        ]
        if self.formats:
            rows.append(("formats", ", ".join(f.value.replace("_", " ") for f in self.formats)))
        if self.structure is not None:
            parts = [
                f"{label} {value:g}" if isinstance(value, float) else f"{label} {value}"
                for label, value in (
                    ("sessions", self.structure.sessions),
                    ("sessions/week", self.structure.sessions_per_week),
                    ("h/session", self.structure.session_length),
                    ("h/day", self.structure.hours_per_day),
                    ("days/week", self.structure.days_per_week),
                    ("weeks", self.structure.weeks),
                )
                if value is not None
            ]
            if self.structure.detail:
                parts.append(self.structure.detail)
            rows.append(("structure", "; ".join(parts)))
        if self.sources:
            rows.append(("sources", ", ".join(self.sources)))
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
            f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table><caption><b>{html.escape(self.name)}</b></caption>{body}</table>"
