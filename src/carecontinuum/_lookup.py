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
whenever they change, so readers always see a complete index; an enum's
members are parsed through one as well (:mod:`carecontinuum._enum_lookup`).

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

from .errors import AmbiguousKeyError, DuplicateRegistrationError, UnknownKeyError

__all__ = ["Lookup", "normalize_key"]

_SEPARATORS = re.compile(r"[\s\-_/]+")
#: Keys longer than this are not normalised or compared for suggestions (hostile input).
MAX_KEY_LENGTH = 200
#: How many distinct keys a lookup (or an enum field) remembers (a hostile file may have millions).
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
