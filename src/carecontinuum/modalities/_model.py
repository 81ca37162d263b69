"""The modality record: a therapy, approach or adjunct a program delivers."""

from __future__ import annotations

import html
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ._enums import Format, ModalityCategory
from ._structure import ModalityStructure, SourceId

__all__ = ["Format", "Modality", "ModalityCategory", "ModalityCode", "ModalityStructure"]

#: A modality code: lower-case letters, digits and underscores, e.g. ``matrix_model``.
ModalityCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
_Words = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


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
    >>> met.structure.session_weeks
    (1, 2, 6, 12)
    >>> cc.Modality(code="art_therapy", name="Art therapy", category="experiential")
    Modality('art_therapy', category='experiential')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["modality"] = "modality"
    """The JSON tag that selects the class; each registered subclass has its own."""
    code: ModalityCode
    name: str = Field(min_length=1, max_length=200)
    aliases: tuple[_Words, ...] = ()
    """Other names and abbreviations the lookup accepts ("CBT", "TSF" ...)."""
    category: ModalityCategory
    formats: tuple[Format, ...] = ()
    """How the sources say it is delivered (individual, group, family ...)."""
    targets: tuple[_Words, ...] = ()
    """Conditions the modality is used for, in the sources' own words."""
    adjunct: bool = False
    """An add-on to a program's core therapies (the seed's TMS, ketamine, EMDR, yoga ...)."""
    structure: ModalityStructure | None = None
    """The documented structure, where there is one; ``None`` when no fixed dose exists."""
    description: str = ""
    sources: tuple[SourceId, ...] = ()
    verified: bool = True
    """False where the sources mark a fact about this modality unverified."""
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
        if self.aliases:
            rows.append(("aliases", ", ".join(self.aliases)))
        if self.formats:
            rows.append(("formats", ", ".join(f.value.replace("_", " ") for f in self.formats)))
        if self.targets:
            rows.append(("targets", "; ".join(self.targets)))
        if self.structure is not None:
            rows.append(("structure", self.structure.summary() or self.structure.detail))
        if self.sources:
            rows.append(("sources", ", ".join(self.sources)))
        if not self.verified or self.note:
            rows.append(("note", ("unverified. " if not self.verified else "") + self.note))
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
            f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table><caption><b>{html.escape(self.name)}</b></caption>{body}</table>"
