"""The modality record: a therapy, approach or adjunct a program delivers."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

from .._contract import contract, rule
from .._display import DisplayMixin
from .._json_model import JsonModel
from .._signature import type_text
from ._enums import Format, ModalityCategory
from ._errors import ModalityDefinitionError
from ._structure import ModalityStructure, SourceId

__all__ = [
    "Format",
    "Modality",
    "ModalityCategory",
    "ModalityCode",
    "ModalityStructure",
    "check_fields",
]

#: A modality code: lower-case letters, digits and underscores, e.g. ``matrix_model``.
ModalityCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


def _words(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise rule("blank_text", f"write some words, not only whitespace ({value!r:.40})")
    return stripped


#: Words of a source (an alias, a target): stripped, not blank, at most 200 characters.
_Words = Annotated[
    str,
    StringConstraints(max_length=200),
    AfterValidator(_words),
    WithJsonSchema({"type": "string", "maxLength": 200, "pattern": r"\S"}),
]


@contract("blank_text")
class Modality(DisplayMixin, JsonModel):
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

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Refuse, at definition, a field that shadows an inherited one with another type."""
        super().__pydantic_init_subclass__(**kwargs)
        check_fields(cls)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, category={self.category.value!r})"

    def __str__(self) -> str:
        return self.name

    _display_fields: ClassVar[frozenset[str]] = frozenset(
        {
            "code",
            "name",
            "category",
            "adjunct",
            "aliases",
            "formats",
            "targets",
            "structure",
            "sources",
            "verified",
            "note",
            "description",
        }
    )

    def _display_title(self) -> str:
        return self.name

    def _display_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [
            ("code", self.code),
            ("category", self.category.value + (" (adjunct)" if self.adjunct else "")),
        ]
        if self.aliases:
            rows.append(("aliases", self.aliases))
        if self.formats:
            rows.append(("formats", self.formats))
        if self.targets:
            rows.append(("targets", "; ".join(self.targets)))
        if self.structure is not None:
            rows.append(("structure", self.structure.summary() or self.structure.detail))
        if self.sources:
            rows.append(("sources", self.sources))
        if not self.verified or self.note:
            rows.append(("note", ("unverified. " if not self.verified else "") + self.note))
        return rows

    def _display_note(self) -> str:
        return self.description


def check_fields(cls: type[Modality]) -> None:
    """Refuse a field of *cls* that shadows a field of a parent with another type.

    Every inherited field but ``kind`` (each class declares its own) must keep
    its parent's annotation: reprs, listings, the display and the CLI read those
    fields and rely on their types.  A narrower default is fine; a new type is not.

    Raises
    ------
    carecontinuum.modalities.ModalityDefinitionError
        Naming the class, the field and both types.

    Examples
    --------
    >>> class Bad(Modality):
    ...     kind: Literal["bad"] = "bad"
    ...     code: int = 0
    Traceback (most recent call last):
    ...
    carecontinuum.modalities._errors.ModalityDefinitionError: Bad.code shadows Modality.code \
with another type (int instead of str); add a field under a new name instead
    """
    for parent in cls.__mro__[1:]:
        if not (isinstance(parent, type) and issubclass(parent, Modality)):
            continue
        for name, inherited in parent.model_fields.items():
            if name == "kind":
                continue
            own = cls.model_fields.get(name)
            if own is None or own.annotation != inherited.annotation:
                mine = "a class attribute" if own is None else type_text(own.annotation)
                raise ModalityDefinitionError(
                    f"{cls.__name__}.{name} shadows {parent.__name__}.{name} with another type "
                    f"({mine} instead of {type_text(inherited.annotation)}); "
                    f"add a field under a new name instead"
                )
