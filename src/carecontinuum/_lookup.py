"""One forgiving lookup: text → code, with aliases, groups and ranked suggestions.

Every enum-like input in the library — level and modality names, framework
and rule-set ids, weekdays, discharge reasons, modality categories, locator
codes, code systems — goes through a :class:`Lookup`.  It is an immutable
index built once from ``(code, names)`` entries:

* an exact code is found at dictionary speed;
* a key seen before is found through a bounded memo, also at dictionary speed;
* anything else is normalised (:func:`normalize_key`: case, spaces, hyphens,
  underscores and slashes are folded) and looked up among codes and names,
  then among the optional *variants* of the key (a looser spelling);
* a key that names a **group** of entries ("motivational approaches"), or a
  loose key that two entries share, raises :class:`~carecontinuum.errors.AmbiguousKeyError`
  listing every candidate — a lookup never silently picks one;
* a miss raises the lookup's :class:`~carecontinuum.errors.UnknownKeyError`
  subclass with the closest matches as suggestions.

Registries (:mod:`carecontinuum._registry`) swap a new :class:`Lookup` in
whenever they change, so readers always see a complete index.

Examples
--------
>>> colours = Lookup("colour", [("red", ["Rot", "rouge"]), ("green", ["Grün"])])
>>> colours.code("ROT")
'red'
>>> colours.code("rde")
Traceback (most recent call last):
...
carecontinuum.errors.UnknownKeyError: unknown colour 'rde'; did you mean 'red'?
>>> warm = Lookup("colour", [("red", []), ("orange", [])], groups={"warm": ["red", "orange"]})
>>> warm.code("warm")
Traceback (most recent call last):
...
carecontinuum.errors.AmbiguousKeyError: 'warm' names several colours: 'red', 'orange'; pick one
>>> warm.members("Warm")
('red', 'orange')
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Generic, TypeVar

from .errors import AmbiguousKeyError, DuplicateRegistrationError, UnknownKeyError

__all__ = ["EnumField", "EnumLookup", "Lookup", "normalize_key"]

E = TypeVar("E", bound=Enum)

_SEPARATORS = re.compile(r"[\s\-_/]+")
#: Keys longer than this are not normalised or compared for suggestions (hostile input).
MAX_KEY_LENGTH = 200
#: How many distinct keys a lookup remembers.
_MEMO_SIZE = 4096


def normalize_key(key: str) -> str:
    """Fold a user-typed key to the form lookups index by.

    Examples
    --------
    >>> normalize_key("  Intensive-Outpatient ")
    'intensive_outpatient'
    >>> normalize_key("3.2-WM")
    '3.2_wm'
    """
    return _SEPARATORS.sub("_", key.strip().casefold()).strip("_")


class _Group:
    """An index entry naming several codes: looking it up is ambiguous on purpose."""

    __slots__ = ("label", "members")

    def __init__(self, label: str, members: tuple[str, ...]) -> None:
        self.label = label
        self.members = members


_Target = str | _Group


class Lookup:
    """An immutable index from codes, names and aliases to codes.

    Parameters
    ----------
    kind:
        What the entries are, in words, for messages ("modality").
    entries:
        ``(code, names)`` pairs in their listing order.  A name that folds to
        another entry's code or name is a conflict.
    error:
        The :class:`~carecontinuum.errors.UnknownKeyError` subclass raised on a miss.
    ambiguous_error:
        The :class:`~carecontinuum.errors.AmbiguousKeyError` subclass raised for a
        group or a shared loose key.
    groups:
        Named groups: a group's name finds all its members, and looking it up
        as one entry raises *ambiguous_error* listing them.
    variants:
        A function from a normalised key to looser spellings of it (an
        abbreviation in brackets dropped, a British spelling folded, ...).
        Names are indexed under their variants too, below the exact names; two
        entries sharing a variant make it ambiguous, never a silent pick.
    query_variants:
        Looser spellings tried for a *query* only, after its exact and
        :paramref:`variants` forms (filler words such as "program" dropped,
        plurals folded).  Keys are never indexed under these, so an entry's
        name cannot shrink to a bare generic word.
    conflicts:
        ``"raise"`` (the default) refuses two entries whose codes or names fold
        to the same key with :class:`~carecontinuum.errors.DuplicateRegistrationError`;
        ``"ambiguous"`` keeps such a key and makes it ambiguous.

    Examples
    --------
    >>> rooms = Lookup("room", [("a", ["Alpha"]), ("b", ["Alpha room"])])
    >>> rooms.code("alpha"), rooms.find("gamma"), len(rooms)
    ('a', None, 2)
    >>> Lookup("room", [("a", ["X"]), ("b", ["x"])])
    Traceback (most recent call last):
    ...
    carecontinuum.errors.DuplicateRegistrationError: a room named 'x' is already registered: x \
(alias of 'a'); give yours another name (replace=True replaces only the entry with the same code)
    """

    __slots__ = (
        "_ambiguous",
        "_codes",
        "_error",
        "_index",
        "_loose",
        "_memo",
        "_query_variants",
        "_variants",
        "kind",
    )

    def __init__(
        self,
        kind: str,
        entries: Iterable[tuple[str, Iterable[str]]],
        *,
        error: type[UnknownKeyError] = UnknownKeyError,
        ambiguous_error: type[AmbiguousKeyError] = AmbiguousKeyError,
        groups: Mapping[str, Sequence[str]] | None = None,
        variants: Callable[[str], Iterable[str]] | None = None,
        query_variants: Callable[[str], Iterable[str]] | None = None,
        conflicts: str = "raise",
    ) -> None:
        self.kind = kind
        self._error = error
        self._ambiguous = ambiguous_error
        self._variants = variants
        self._query_variants = query_variants
        codes, index = _index(kind, [(c, tuple(n)) for c, n in entries], conflicts)
        for label, members in (groups or {}).items():
            missing = [m for m in members if m not in codes]
            if missing:
                raise UnknownKeyError(kind, missing[0], known=tuple(codes))
            key = normalize_key(label)
            if key in index:
                raise DuplicateRegistrationError(
                    f"{kind} group", label, owner=_label(index[key]), key=key
                )
            index[key] = _Group(label, tuple(members))
        loose = _loose_index(index, variants) if variants is not None else {}
        self._codes = codes
        self._index = index
        self._loose = loose
        self._memo: dict[str, str] = {}

    # -- lookup ----------------------------------------------------------------------
    def code(self, key: str) -> str:
        """The code that *key* names: an exact code, a name or an alias.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            (the lookup's subclass) when nothing matches, with suggestions.
        carecontinuum.errors.AmbiguousKeyError
            When *key* names a group or several entries.
        """
        found = self._codes.get(key) if type(key) is str else None
        if found is not None:
            return found
        memo = self._memo.get(key) if type(key) is str else None
        if memo is not None:
            return memo
        target = self._target(key)
        if target is None:
            raise self.miss(key)
        if isinstance(target, _Group):
            raise self._ambiguous(self.kind, key, target.members)
        if len(self._memo) < _MEMO_SIZE:  # bounded: keys are user input
            self._memo[key] = target
        return target

    def find(self, key: object, *, loose: bool = True) -> str | None:
        """The code *key* names, or ``None`` when it names none or several.

        With ``loose=False`` only codes, names and aliases count, not looser
        spellings (variants).
        """
        if not isinstance(key, str):
            return None
        if not loose:
            if len(key) > MAX_KEY_LENGTH:
                return None
            strict = self._codes.get(key) or self._index.get(normalize_key(key))
            return strict if isinstance(strict, str) else None
        found = self._codes.get(key) or self._memo.get(key)
        if found is not None:
            return found
        target = self._target(key)
        if isinstance(target, str):
            if len(self._memo) < _MEMO_SIZE:
                self._memo[key] = target
            return target
        return None

    def members(self, key: str) -> tuple[str, ...]:
        """Every code *key* names: one for an entry, all members for a group.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            When *key* names nothing.
        """
        target = self._target(key)
        if target is None:
            raise self.miss(key)
        return target.members if isinstance(target, _Group) else (target,)

    def _target(self, key: object) -> _Target | None:
        if not isinstance(key, str) or len(key) > MAX_KEY_LENGTH:
            return None
        norm = normalize_key(key)
        target = self._index.get(norm) or self._loose.get(norm)
        if target is not None:
            return target
        for make in (self._variants, self._query_variants):
            if make is None:
                continue
            for variant in make(norm):
                target = self._index.get(variant) or self._loose.get(variant)
                if target is not None:
                    return target
        return None

    def miss(self, key: object) -> UnknownKeyError:
        """The error for a key that names nothing, with up to three suggestions."""
        return self._error(self.kind, key, self.suggest(key), known=tuple(self._codes))

    def suggest(self, key: object, n: int = 3) -> tuple[str, ...]:
        """Codes whose code or names are closest to *key*, best first."""
        if not isinstance(key, str) or len(key) > MAX_KEY_LENGTH:
            return ()
        norm = normalize_key(key)
        close = difflib.get_close_matches(norm, list(self._index), n=n + 2, cutoff=0.6)
        found: list[str] = []
        for match in close:
            target = self._index[match]
            for code in target.members if isinstance(target, _Group) else (target,):
                if code not in found:
                    found.append(code)
        return tuple(found[:n])

    # -- views -------------------------------------------------------------------------
    @property
    def codes(self) -> tuple[str, ...]:
        """Every code, in entry order."""
        return tuple(self._codes)

    def keys(self) -> tuple[str, ...]:
        """Every normalised key the index holds (codes, names, groups)."""
        return tuple(self._index)

    def __contains__(self, key: object) -> bool:
        return self.find(key) is not None

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"<Lookup of {len(self._codes)} {self.kind} entries>"


def _index(
    kind: str, entries: list[tuple[str, tuple[str, ...]]], conflicts: str
) -> tuple[dict[str, str], dict[str, _Target]]:
    """Codes, and the normalised key → code index, of *entries*."""
    codes: dict[str, str] = {}
    for code, _ in entries:
        if code in codes:
            raise DuplicateRegistrationError(kind, code)
        codes[code] = code
    index: dict[str, _Target] = {}
    for code, names in entries:
        for name in (code, *names):
            key = normalize_key(name)
            if not key:
                continue
            owner = index.get(key)
            if owner is None or owner == code:
                index[key] = code
            elif conflicts == "ambiguous":
                index[key] = _merge(name, owner, code)
            else:
                raise DuplicateRegistrationError(kind, name, owner=_label(owner), key=key)
    return codes, index


def _loose_index(
    index: dict[str, _Target], variants: Callable[[str], Iterable[str]]
) -> dict[str, _Target]:
    """Looser spellings of every key; one shared by two entries is ambiguous."""
    loose: dict[str, _Target] = {}
    for key, target in list(index.items()):
        for variant in variants(key):
            if variant in index or not variant:
                continue
            other = loose.get(variant)
            loose[variant] = target if other is None else _merge(variant, other, target)
    return loose


def _label(target: _Target) -> str:
    return target.label if isinstance(target, _Group) else target


def _merge(label: str, first: _Target, second: _Target) -> _Group:
    members: list[str] = []
    for target in (first, second):
        for code in target.members if isinstance(target, _Group) else (target,):
            if code not in members:
                members.append(code)
    return _Group(label, tuple(members))


class EnumLookup(Generic[E]):
    """The forgiving parser of one enum: members, values, names and aliases.

    Parameters
    ----------
    enum:
        The enum class.
    kind:
        What a member is, in words ("weekday").
    names:
        Extra names per member (labels, abbreviations, older wordings).
    error:
        The :class:`~carecontinuum.errors.UnknownKeyError` subclass raised on a miss.

    Examples
    --------
    >>> from enum import IntEnum
    >>> class Size(IntEnum):
    ...     SMALL = 1
    ...     LARGE = 2
    >>> sizes = EnumLookup(Size, "size", names={Size.SMALL: ["S", "little"]})
    >>> sizes("little"), sizes(2), sizes("large")
    (<Size.SMALL: 1>, <Size.LARGE: 2>, <Size.LARGE: 2>)
    >>> sizes(True)
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownKeyError: unknown size True; known: 1 (S), 2 (large)
    """

    __slots__ = ("_by_text", "_by_value", "_enum", "_names", "lookup")

    def __init__(
        self,
        enum: type[E],
        kind: str,
        *,
        names: Mapping[E, Iterable[str]] | None = None,
        error: type[UnknownKeyError] = UnknownKeyError,
    ) -> None:
        self._enum = enum
        extra = names or {}
        self._names: dict[E, tuple[str, ...]] = {m: tuple(extra.get(m, ())) for m in enum}
        self._by_value: dict[object, E] = {}
        for member in enum:
            if not isinstance(member.value, bool):
                self._by_value[member.value] = member
        entries = []
        for member in enum:
            aliases = [member.name, *extra.get(member, ())]
            if not isinstance(member.value, str):
                aliases.append(str(member.value))
            entries.append((str(member.value), aliases))
        self.lookup = Lookup(kind, entries, error=error)
        self._by_text = {str(member.value): member for member in enum}

    def __call__(self, value: object) -> E:
        """The member *value* names: the member, its value, its name or an alias.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            For anything else (a ``bool`` included), with suggestions.
        """
        if isinstance(value, self._enum):
            return value
        if isinstance(value, bool):
            raise self._miss(value)
        try:
            found = self._by_value.get(value)
        except TypeError:  # unhashable
            found = None
        if found is not None:
            return found
        if isinstance(value, str):
            code = self.lookup.find(value)
            if code is not None:
                return self._by_text[code]
        raise self._miss(value)

    def _miss(self, value: object) -> UnknownKeyError:
        """The lookup's miss, listing members as ``value (name)``."""
        error = self.lookup.miss(value)
        error.known = tuple(
            f"{m.value} ({(self._names[m] or (m.name.lower().replace('_', ' '),))[0]})"
            for m in self._enum
        )
        error.args = (error._message(),)
        return error

    @property
    def enum(self) -> type[E]:
        """The enum whose members the lookup finds."""
        return self._enum

    @property
    def members(self) -> tuple[E, ...]:
        """Every member, in definition order."""
        return tuple(self._enum)

    def names(self, member: E) -> tuple[str, ...]:
        """The extra names *member* is found by (labels, abbreviations)."""
        return self._names[member]


#: The most spellings an :class:`EnumField` remembers (a hostile file may have millions).
_MEMO_SIZE = 4096


class EnumField(Generic[E]):
    """``Annotated`` marker: a pydantic field parsed by an :class:`EnumLookup`.

    Validation accepts the member, its value, its name or an alias (any case
    and spacing), refuses booleans and junk with the lookup's suggestions;
    JSON writes the member's value.  The JSON Schema lists the documented
    spellings (value, name, extra names), so a form built from the schema
    offers exactly what the model reads; the serialization schema lists the
    values.

    Examples
    --------
    >>> from enum import StrEnum
    >>> from typing import Annotated
    >>> from pydantic import BaseModel
    >>> class Pay(StrEnum):
    ...     MEDICAID = "MD"
    >>> class Form(BaseModel):
    ...     pay: Annotated[Pay, EnumField(EnumLookup(Pay, "payment", names={Pay.MEDICAID:
    ...                                                                    ["Medicaid"]}))]
    >>> Form(pay="medicaid").pay, Form(pay="MD").model_dump_json()
    (<Pay.MEDICAID: 'MD'>, '{"pay":"MD"}')
    >>> Form.model_json_schema()["properties"]["pay"]["enum"]
    ['MD', 'md', 'MEDICAID', 'medicaid', 'Medicaid']
    """

    __slots__ = ("_enum", "_memo", "lookup", "type_name")

    def __init__(self, lookup: EnumLookup[E], type_name: str = "unknown_code") -> None:
        self.lookup = lookup
        self.type_name = type_name
        self._enum = lookup.enum
        self._memo: dict[str, E] = {}
        """The member each text seen before names (plain ``str`` only, at most
        :data:`_MEMO_SIZE`): a list of thousands of programs repeats a few spellings."""

    def _validate(self, value: object) -> E:
        if type(value) is self._enum:  # a member (an enum's members are of its exact type)
            return value
        if type(value) is str:
            member = self._memo.get(value)
            if member is not None:
                return member
        try:
            member = self.lookup(value)
        except UnknownKeyError as err:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError(self.type_name, "{error}", {"error": str(err)}) from None
        if type(value) is str and len(self._memo) < _MEMO_SIZE:
            self._memo[value] = member
        return member

    def spellings(self) -> list[object]:
        """The documented spellings: each member's value, name and extra names (text also
        in lower case)."""
        found: list[object] = []
        for member in self.lookup.members:
            for spelling in (member.value, member.name, *self.lookup.names(member)):
                forms = (spelling, spelling.lower()) if isinstance(spelling, str) else (spelling,)
                for form in forms:
                    if form not in found:
                        found.append(form)
        return found

    def __get_pydantic_core_schema__(self, source_type: object, handler: object) -> object:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda member: member.value, when_used="json"
            ),
        )

    def __get_pydantic_json_schema__(self, schema: object, handler: object) -> dict[str, object]:
        mode = getattr(handler, "mode", "validation")
        if mode == "serialization":
            return {"enum": [m.value for m in self.lookup.members]}
        return {"enum": self.spellings()}
