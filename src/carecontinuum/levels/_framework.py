"""Frameworks: ordered, named sets of levels (the default continuum, ASAM, LOCUS, TEDS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from .._contract import contract, rule
from .._display import Display, Table, render_html
from .._json_model import JsonModel
from .._lookup import Lookup, normalize_key
from .._nonempty import NonEmpty
from .._phrases import name_variants, query_variants
from ..errors import UnknownLevelError
from ._model import CareLevel

__all__ = ["Framework"]


#: levels and name the index was built from, the lookup, and the levels by code
_Entry = tuple[tuple[CareLevel, ...], str, Lookup, dict[str, CareLevel]]


def _key_owners(levels: tuple[CareLevel, ...], framework: str) -> dict[str, str]:
    """Normalised code or alias → the level code it names; an alias naming two levels fails."""
    owners: dict[str, str] = {}
    for lv in levels:
        for key in (lv.code, *lv.aliases):
            owner = owners.setdefault(normalize_key(key), lv.code)
            if owner != lv.code:
                raise rule(
                    "framework_alias",
                    f"{key!r} (a code or alias of level {lv.code!r}) also names level "
                    f"{owner!r} in framework {framework!r}",
                )
    return owners


class _LookupCache:
    """A framework's lookup index, built on first use.

    Always equal to another cache, so frameworks stay equal by value whether
    or not they have been searched; copies start empty.  The entry remembers
    the levels and name it was built from, so a ``model_copy`` that changes
    them (and shares this object) rebuilds it instead of reading a stale one.
    """

    __slots__ = ("entry",)

    def __init__(self) -> None:
        self.entry: _Entry | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _LookupCache)

    __hash__ = object.__hash__

    def __copy__(self) -> _LookupCache:
        return _LookupCache()

    def __deepcopy__(self, memo: dict[int, object]) -> _LookupCache:
        return _LookupCache()

    def __reduce__(self) -> tuple[type[_LookupCache], tuple[()]]:
        return (_LookupCache, ())


@contract("framework_level", "framework_alias", "unverified_note")
class Framework(JsonModel):
    """An ordered, named set of care levels.

    Levels are kept in intensity order.  A framework is a sequence of its
    levels and looks them up by code or alias with :meth:`level`.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> continuum = cc.default_continuum()
    >>> continuum.codes  # doctest: +NORMALIZE_WHITESPACE
    ('outpatient', 'intensive_outpatient', 'partial_hospitalization', 'residential',
     'inpatient_acute')
    >>> continuum.level("acute inpatient").code
    'inpatient_acute'
    >>> "PHP" in continuum
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    """Other names :func:`carecontinuum.framework` finds it by ("ASAM3", "TEDS")."""
    levels: Annotated[tuple[CareLevel, ...], NonEmpty()]
    description: str = ""
    sources: tuple[str, ...] = ()
    verified: bool = True
    note: str = ""

    _cache: _LookupCache = PrivateAttr(default_factory=_LookupCache)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        seen: set[str] = set()
        for lv in self.levels:
            if lv.framework != self.code:
                raise rule(
                    "framework_level",
                    f"level {lv.code!r} belongs to framework {lv.framework!r}, not {self.code!r}",
                )
            if lv.code in seen:
                raise rule(
                    "framework_level",
                    f"level code {lv.code!r} appears twice in framework {self.code!r}",
                )
            seen.add(lv.code)
        _key_owners(self.levels, self.code)  # raises on an ambiguous alias
        if list(self.levels) != sorted(self.levels):
            order = ", ".join(lv.code for lv in sorted(self.levels))
            raise rule(
                "framework_level",
                f"levels of framework {self.code!r} must be listed in rank order "
                f"(rank, then code): {order}",
            )
        if not self.verified and not self.note:
            raise rule(
                "unverified_note", f"framework {self.code!r}: an unverified framework needs a note"
            )
        return self

    def _entry(self) -> _Entry:
        cache: _LookupCache = self.__pydantic_private__["_cache"]  # type: ignore[index]
        entry = cache.entry  # direct access: pydantic's __getattr__ is slow
        if entry is not None and entry[0] is self.levels and entry[1] == self.name:
            return entry
        owners = _key_owners(self.levels, self.code)
        entries = []
        for lv in self.levels:
            # a level's name finds it too, unless another level claims that key
            named = owners.get(normalize_key(lv.name), lv.code) == lv.code
            entries.append((lv.code, (*lv.aliases, lv.name) if named else lv.aliases))
        lookup = Lookup(
            f"care level in {self.name}",
            entries,
            error=UnknownLevelError,
            variants=name_variants,
            query_variants=query_variants,
        )
        entry = (self.levels, self.name, lookup, {lv.code: lv for lv in self.levels})
        cache.entry = entry  # one assignment: a thread-safe swap
        return entry

    @property
    def lookup(self) -> Lookup:
        """The lookup index over this framework's codes, names and aliases."""
        return self._entry()[2]

    @property
    def catalog(self) -> Lookup:
        """Deprecated alias of :attr:`lookup`."""
        return self._entry()[2]

    def level(self, key: str | CareLevel) -> CareLevel:
        """Find a level by code or alias (case, spaces and hyphens forgiven).

        Parameters
        ----------
        key:
            A level's code, name or alias, or a :class:`~carecontinuum.CareLevel` of
            this framework.

        Returns
        -------
        CareLevel
            The level.

        Raises
        ------
        carecontinuum.UnknownLevelError
            With the closest matches as suggestions.
        """
        if type(key) is str:
            _, _, lookup, by_code = self._entry()
            found = by_code.get(key)
            return found if found is not None else by_code[lookup.code(key)]
        if isinstance(key, CareLevel):
            if key.framework == self.code and key.code in self._entry()[3]:
                return key
            raise UnknownLevelError(f"care level in {self.name}", key.code, known=self.codes)
        raise self.lookup.miss(key)

    def answers_to(self, key: str) -> bool:
        """Whether *key* is this framework's code, name or one of its aliases (forgivingly).

        Parameters
        ----------
        key:
            Text to compare; case, spaces and hyphens are forgiven.

        Returns
        -------
        bool
            ``True`` when *key* names this framework.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> asam3 = cc.framework("asam3")
        >>> asam3.answers_to("ASAM 3rd edition"), asam3.answers_to("x")
        (True, False)
        """
        if key == self.code:
            return True
        return isinstance(key, str) and normalize_key(key) in {
            normalize_key(k) for k in (self.code, self.name, *self.aliases)
        }

    @property
    def codes(self) -> tuple[str, ...]:
        """The level codes, in rank order."""
        return tuple(lv.code for lv in self.levels)

    def __iter__(self) -> Iterator[CareLevel]:  # type: ignore[override]
        return iter(self.levels)

    def __len__(self) -> int:
        return len(self.levels)

    def __getitem__(self, key: str) -> CareLevel:
        return self.level(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, CareLevel):
            return key.framework == self.code and key.code in self.codes
        return isinstance(key, str) and key in self.lookup

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Framework({self.code!r}, {len(self.levels)} levels)"

    def _display_(self) -> Display:
        levels = Table(
            ["code", "name", "setting", "24-hour", "management"],
            [
                [
                    lv.code,
                    lv.name + ("" if lv.verified else " (unverified)"),
                    lv.setting,
                    "yes" if lv.twenty_four_hour else "",
                    lv.management or "",
                ]
                for lv in self.levels
            ],
        )
        rows: list[tuple[str, object]] = [("code", self.code)]
        if self.aliases:
            rows.append(("aliases", self.aliases))
        if self.sources:
            rows.append(("sources", self.sources))
        if not self.verified:
            rows.append(("verified", f"no: {self.note}"))
        return Display(self.name, rows, [levels], self.description)

    def _repr_html_(self) -> str:
        return render_html(self._display_())
