"""Crosswalks: how the levels of one framework map onto another's."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._errors import UnknownLevelError
from ._model import CareLevel

__all__ = ["Crosswalk", "LevelMapping", "MatchKind"]


class MatchKind(StrEnum):
    """How well a source level corresponds to a target level."""

    EXACT = "exact"
    """Same level, same meaning."""
    APPROXIMATE = "approximate"
    """The nearest counterpart; something is lost (see ``lost``)."""
    NONE = "none"
    """No counterpart in the target framework (``target`` is empty)."""


class LevelMapping(BaseModel):
    """One row of a crosswalk: a source level code and its counterpart.

    Examples
    --------
    >>> LevelMapping(source="2.5", target="partial_hospitalization", match="exact",
    ...              sources=("ASAM3",)).match
    <MatchKind.EXACT: 'exact'>
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(min_length=1)
    target: str = ""
    match: MatchKind
    lost: str = ""
    """What the mapping loses (required for approximate and missing matches)."""
    sources: tuple[str, ...] = ()
    verified: bool = True

    @model_validator(mode="after")
    def _explained(self) -> LevelMapping:
        if self.match is MatchKind.NONE and self.target:
            raise ValueError(f"mapping of {self.source!r}: match 'none' takes no target")
        if self.match is not MatchKind.NONE and not self.target:
            raise ValueError(
                f"mapping of {self.source!r}: a {self.match.value} match needs a target"
            )
        if self.match is not MatchKind.EXACT and not self.lost:
            raise ValueError(
                f"mapping of {self.source!r}: a {self.match.value} match must say what is lost"
            )
        return self


class Crosswalk(BaseModel):
    """A mapping from the levels of one framework to another's.

    A source level may map to several targets (a residential level of the
    continuum spans several ASAM levels); every mapping says whether it is
    exact, and a lossy one says what it loses.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> walk = cc.crosswalk("asam3", "continuum")
    >>> [(m.target, m.match.value) for m in walk.map("2.1")]
    [('intensive_outpatient', 'exact')]
    >>> walk.lossy
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_framework: str
    target_framework: str
    mappings: tuple[LevelMapping, ...] = Field(min_length=1)
    description: str = ""
    sources: tuple[str, ...] = ()

    def map(self, level: str | CareLevel) -> tuple[LevelMapping, ...]:
        """The mappings of *level* (a code, alias or :class:`CareLevel` of the source)."""
        from ._registry import framework

        source = framework(self.source_framework).level(level)
        return tuple(m for m in self.mappings if m.source == source.code)

    def targets(self, level: str | CareLevel) -> tuple[CareLevel, ...]:
        """The target levels that *level* maps to (none for a ``none`` match)."""
        from ._registry import framework

        target = framework(self.target_framework)
        return tuple(target.level(m.target) for m in self.map(level) if m.target)

    @property
    def lossy(self) -> bool:
        """True when any mapping is approximate or has no counterpart."""
        return any(m.match is not MatchKind.EXACT for m in self.mappings)

    def check(self) -> None:
        """Raise :class:`~carecontinuum.UnknownLevelError` for a code not in either framework."""
        from ._registry import framework

        source, target = framework(self.source_framework), framework(self.target_framework)
        for m in self.mappings:
            source.level(m.source)
            if m.target:
                target.level(m.target)
        unmapped = set(source.codes) - {m.source for m in self.mappings}
        if unmapped:
            raise UnknownLevelError(
                f"mapping in crosswalk {self.source_framework}→{self.target_framework} for level",
                sorted(unmapped)[0],
            )

    def __repr__(self) -> str:
        return (
            f"Crosswalk({self.source_framework!r} → {self.target_framework!r}, "
            f"{len(self.mappings)} mappings)"
        )
