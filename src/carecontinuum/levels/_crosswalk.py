"""Crosswalks: how the levels of one framework map onto another's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from .._contract import contract, rule
from .._display import Display, Table, render_html
from .._json_model import JsonModel
from .._nonempty import NonEmpty
from ._errors import InvalidCrosswalkError, UnboundCrosswalkError
from ._framework import Framework
from ._model import CareLevel

__all__ = [
    "Crosswalk",
    "InvalidCrosswalkError",
    "LevelMapping",
    "MatchKind",
    "set_framework_resolver",
]

#: How a crosswalk built from framework codes finds its frameworks on first use.
#: The default framework registry installs it (this module never imports the registry).
_resolver: list[Callable[[str], Framework]] = []


def set_framework_resolver(resolve: Callable[[str], Framework]) -> None:
    """Install how code-built crosswalks find their frameworks (the default registry does)."""
    _resolver[:] = [resolve]


class _Binding:
    """The two :class:`Framework` objects a crosswalk works from.

    Always equal to another binding, so crosswalks stay equal by value whether
    they were built from frameworks or read from JSON.
    """

    __slots__ = ("frameworks",)

    def __init__(self, frameworks: tuple[Framework, Framework] | None = None) -> None:
        self.frameworks = frameworks

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Binding)

    __hash__ = object.__hash__

    def __reduce__(self) -> tuple[type[_Binding], tuple[tuple[Framework, Framework] | None]]:
        return (_Binding, (self.frameworks,))


class MatchKind(StrEnum):
    """How well a source level corresponds to a target level."""

    EXACT = "exact"
    """Same level, same meaning."""
    APPROXIMATE = "approximate"
    """The nearest counterpart; something is lost (see ``lost``)."""
    NONE = "none"
    """No counterpart in the target framework (``target`` is empty)."""


@contract("mapping_target", "mapping_lost", "unverified_note")
class LevelMapping(JsonModel):
    """One row of a crosswalk: a source level code and its counterpart.

    ``lost`` says what an approximate or missing match loses; ``verified`` is
    false where no source supports the mapping (``note`` then says why it was
    drawn).

    Examples
    --------
    >>> m = LevelMapping(source="2.5", target="partial_hospitalization", match="exact",
    ...                  sources=("ASAM3",))
    >>> m
    LevelMapping('2.5' → 'partial_hospitalization', exact)
    >>> m.match
    <MatchKind.EXACT: 'exact'>
    >>> LevelMapping(source="3.3", match="none", lost="gone in the 4th edition")
    LevelMapping('3.3' → none, lost: gone in the 4th edition)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(min_length=1)
    target: str = ""
    match: MatchKind
    lost: str = ""
    """What the mapping loses (required for approximate and missing matches)."""
    note: str = ""
    """Why the mapping was drawn, where that is not obvious (required when unverified)."""
    sources: tuple[str, ...] = ()
    verified: bool = True
    """False where no source supports the mapping: it is the library's judgment."""

    @model_validator(mode="after")
    def _explained(self) -> LevelMapping:
        if self.match is MatchKind.NONE and self.target:
            raise rule(
                "mapping_target", f"mapping of {self.source!r}: match 'none' takes no target"
            )
        if self.match is not MatchKind.NONE and not self.target:
            raise rule(
                "mapping_target",
                f"mapping of {self.source!r}: a {self.match.value} match needs a target",
            )
        if self.match is not MatchKind.EXACT and not self.lost:
            raise rule(
                "mapping_lost",
                f"mapping of {self.source!r}: a {self.match.value} match must say what is lost",
            )
        if not self.verified and not self.note:
            raise rule(
                "unverified_note",
                f"mapping of {self.source!r}: an unverified mapping needs a note saying why "
                "it was drawn",
            )
        return self

    def __repr__(self) -> str:
        if self.match is MatchKind.NONE:
            body = f"{self.source!r} → none, lost: {self.lost}"
        else:
            body = f"{self.source!r} → {self.target!r}, {self.match.value}"
        return f"LevelMapping({body}{'' if self.verified else ', unverified'})"


@contract("crosswalk_mappings")
class Crosswalk(JsonModel):
    """A mapping from the levels of one framework to another's.

    A source level may map to several targets (a residential level of the
    continuum spans several ASAM levels); every mapping says whether it is
    exact, and a lossy one says what it loses.  An exact match or a ``none``
    match is the only mapping of its source level.

    A crosswalk works from the two :class:`Framework` objects it is built
    with — ``Crosswalk(source_framework=fw_a, target_framework=fw_b, ...)``
    or :meth:`between` — and is checked against them at once.  Built from
    framework *codes* (as JSON is read), it is bound on first use to the
    frameworks registered under those codes (or by :meth:`bind`, or by
    :func:`~carecontinuum.register_crosswalk`), and works from those objects
    from then on; its JSON form always holds the codes.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> walk = cc.crosswalk("asam3", "continuum")
    >>> [(m.target, m.match.value) for m in walk.map("2.1")]
    [('intensive_outpatient', 'exact')]
    >>> [lv.code for lv in walk.targets("2-WM")]
    ['intensive_outpatient', 'partial_hospitalization']
    >>> walk.lossy
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_framework: str = Field(min_length=1)
    target_framework: str = Field(min_length=1)
    mappings: Annotated[tuple[LevelMapping, ...], NonEmpty()]
    description: str = ""
    sources: tuple[str, ...] = ()

    _binding: _Binding = PrivateAttr(default_factory=_Binding)

    def __init__(self, **data: Any) -> None:
        source, target = data.get("source_framework"), data.get("target_framework")
        frameworks = None
        if isinstance(source, Framework) or isinstance(target, Framework):
            if not (isinstance(source, Framework) and isinstance(target, Framework)):
                raise TypeError(
                    "give both source_framework and target_framework as Framework objects, "
                    "or both as codes"
                )
            frameworks = (source, target)
            data = {**data, "source_framework": source.code, "target_framework": target.code}
        super().__init__(**data)
        if frameworks is not None:
            self._attach(frameworks)

    @classmethod
    def between(
        cls,
        source: Framework,
        target: Framework,
        mappings: Any,
        **fields: Any,
    ) -> Crosswalk:
        """A crosswalk from *source* to *target*, checked against them.

        Raises
        ------
        carecontinuum.errors.UnknownLevelError, carecontinuum.InvalidCrosswalkError
            When a mapping names no level of its framework, or a source level is
            left unmapped.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> walk = Crosswalk.between(cc.framework("teds"), cc.framework("locus"), mappings=[
        ...     LevelMapping(source=c, match="none", lost="not mapped in this example")
        ...     for c in cc.framework("teds").codes])
        >>> walk.frameworks[1].code, len(walk.map("6"))
        ('locus', 1)
        """
        return cls(source_framework=source, target_framework=target, mappings=mappings, **fields)

    def bind(self, source: Framework, target: Framework) -> Crosswalk:
        """This crosswalk working from *source* and *target* (checked); a bound copy.

        Parameters
        ----------
        source:
            The framework mapped from.
        target:
            The framework mapped to.

        Returns
        -------
        Crosswalk
            A copy of this crosswalk bound to those frameworks, checked.

        Raises
        ------
        carecontinuum.InvalidCrosswalkError
            When the frameworks' codes are not the crosswalk's.
        """
        bound = self.model_copy()
        bound._binding = _Binding()
        bound._attach((source, target))
        return bound

    def _attach(self, frameworks: tuple[Framework, Framework]) -> None:
        source, target = frameworks
        if not (
            source.answers_to(self.source_framework) and target.answers_to(self.target_framework)
        ):
            raise InvalidCrosswalkError(
                f"crosswalk {self} cannot work from frameworks {source.code!r} → {target.code!r}"
            )
        self._binding.frameworks = frameworks
        try:
            self.check()
        except BaseException:
            self._binding.frameworks = None
            raise

    @property
    def frameworks(self) -> tuple[Framework, Framework]:
        """The source and target frameworks this crosswalk works from.

        Raises
        ------
        carecontinuum.levels.UnboundCrosswalkError
            When it was built from codes and not yet bound or registered.
        """
        frameworks = self._binding.frameworks
        if frameworks is None and _resolver:
            # built from codes: bound once, on first use, to the frameworks registered
            # under those codes; from then on it works from those objects
            resolve = _resolver[0]
            self._attach((resolve(self.source_framework), resolve(self.target_framework)))
            frameworks = self._binding.frameworks
        if frameworks is None:
            raise UnboundCrosswalkError(
                f"crosswalk {self} was built from framework codes; give it its frameworks with "
                f".bind(source, target), build it with Crosswalk.between(...), or register it "
                f"with register_crosswalk()"
            )
        return frameworks

    @property
    def bound(self) -> bool:
        """Whether the crosswalk has its :attr:`frameworks`."""
        return self._binding.frameworks is not None

    @model_validator(mode="after")
    def _well_formed(self) -> Crosswalk:
        if self.source_framework == self.target_framework:
            raise rule(
                "crosswalk_mappings",
                f"a crosswalk joins two frameworks; got {self.source_framework!r} twice",
            )
        pairs = Counter((m.source, m.target) for m in self.mappings)
        twice = sorted(pair for pair, n in pairs.items() if n > 1)
        if twice:
            raise rule(
                "crosswalk_mappings", f"mapping {twice[0][0]!r} → {twice[0][1]!r} appears twice"
            )
        per_source = Counter(m.source for m in self.mappings)
        for m in self.mappings:
            if m.match is not MatchKind.APPROXIMATE and per_source[m.source] > 1:
                raise rule(
                    "crosswalk_mappings",
                    f"level {m.source!r} has a {m.match.value} match and other mappings; "
                    "only approximate matches can share a source level",
                )
        return self

    # -- queries ---------------------------------------------------------------------
    def map(self, level: str | CareLevel) -> tuple[LevelMapping, ...]:
        """The mappings of *level* (a code, alias or :class:`CareLevel` of the source).

        Parameters
        ----------
        level:
            A code, alias or :class:`~carecontinuum.CareLevel` of the source framework.

        Returns
        -------
        tuple[LevelMapping, ...]
            The mappings whose source is that level.
        """
        source = self.frameworks[0].level(level)
        return tuple(m for m in self.mappings if m.source == source.code)

    def targets(self, level: str | CareLevel) -> tuple[CareLevel, ...]:
        """The target levels that *level* maps to (none for a ``none`` match).

        Parameters
        ----------
        level:
            A code, alias or :class:`~carecontinuum.CareLevel` of the source framework.

        Returns
        -------
        tuple[CareLevel, ...]
            The levels of the target framework it maps to.
        """
        target = self.frameworks[1]
        return tuple(target.level(m.target) for m in self.map(level) if m.target)

    @property
    def lossy(self) -> bool:
        """True when any mapping is approximate or has no counterpart."""
        return any(m.match is not MatchKind.EXACT for m in self.mappings)

    @property
    def unverified(self) -> tuple[LevelMapping, ...]:
        """The mappings no source supports (the library's judgment)."""
        return tuple(m for m in self.mappings if not m.verified)

    def check(self) -> None:
        """Check the crosswalk against its frameworks.

        Returns
        -------
        None
            The crosswalk is consistent with its frameworks when nothing is raised.

        Raises
        ------
        carecontinuum.UnknownLevelError
            For a code that is not a level of its framework.
        carecontinuum.InvalidCrosswalkError
            When a level of the source framework has no mapping (map it with
            ``match="none"`` and say in ``lost`` why there is no counterpart).
        """
        source, target = self.frameworks
        for m in self.mappings:
            if m.source not in source.codes:
                source.level(m.source)  # raises with suggestions for an unknown code
                raise InvalidCrosswalkError(
                    f"crosswalk {self}: write level codes, not aliases: {m.source!r} is "
                    f"{source.level(m.source).code!r}"
                )
            if m.target and m.target not in target.codes:
                target.level(m.target)
                raise InvalidCrosswalkError(
                    f"crosswalk {self}: write level codes, not aliases: {m.target!r} is "
                    f"{target.level(m.target).code!r}"
                )
        mapped = {m.source for m in self.mappings}
        unmapped = [code for code in source.codes if code not in mapped]
        if unmapped:
            raise InvalidCrosswalkError(
                f"crosswalk {self} leaves level(s) {', '.join(map(repr, unmapped))} of "
                f"{source.code!r} unmapped; map them with match='none' and say what is lost"
            )

    # -- display ------------------------------------------------------------------------
    def __str__(self) -> str:
        return f"{self.source_framework}→{self.target_framework}"

    def __repr__(self) -> str:
        return (
            f"Crosswalk({self.source_framework!r} → {self.target_framework!r}, "
            f"{len(self.mappings)} mappings)"
        )

    def _display_(self) -> Display:
        table = Table(
            ["from", "to", "match", "lost", "sources"],
            [
                [
                    m.source,
                    m.target or "—",
                    m.match.value + ("" if m.verified else " (unverified)"),
                    m.lost,
                    m.sources,
                ]
                for m in self.mappings
            ],
        )
        rows: list[tuple[str, object]] = [("sources", self.sources)] if self.sources else []
        title = f"{self.source_framework} → {self.target_framework}"
        return Display(title, rows, [table], self.description)

    def _repr_html_(self) -> str:
        return render_html(self._display_())
