"""A row's ``services``, ``[{f1, f2, f3}]``, sorted into what its programs hold.

Each value of ``f3`` (split at ``";"``) is looked up once per listing: its
:class:`~carecontinuum.programs.ServiceCode` and what it means are cached by
category and by the value as written.  A whole ``f3`` is cached too (the
locator repeats "Female; Male" and "Smoking not permitted" thousands of
times), so most entries of a large listing cost one dictionary lookup.  The
exception is a category the library keeps as codes, once each of its values
has been seen: its values are looked up one by one in the category's own
table, which is small enough to stay in a core's cache, where a whole text
(some subset of the category's values) rarely repeats and its lookup in the
large table of texts waits on memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .._text import echo
from ..levels import ExternalCode
from ..modalities import Modality
from ..programs import AgeGroup, Payment, ServiceCode, SpecialGroup
from ..programs._facility import MAX_TEXT
from ._codes import meaning, modelled
from ._problem import BAD_CHAR, RowProblems, describe

__all__ = ["MAX_VALUES_TEXT", "ServiceReader", "Services"]

#: The longest ``f3`` (a category's values joined by "; ").
MAX_VALUES_TEXT = 100_000
_MAX_CATEGORY = 64
#: Distinct values (and whole ``f3`` texts) remembered (a hostile listing may have millions).
_CACHE_SIZE = 100_000
_ENTRY_KEYS = frozenset({"f1", "f2", "f3"})
_F1_TYPES = frozenset({str, type(None)})

# what a value is
_OTHER, _LEVEL, _AMBIGUOUS, _WITHDRAWAL, _PAYMENT, _AGE, _GROUP, _LANGUAGE, _MODALITY = range(9)
_KINDS = {
    "withdrawal": _WITHDRAWAL,
    "payment": _PAYMENT,
    "age": _AGE,
    "group": _GROUP,
    "language": _LANGUAGE,
    "modality": _MODALITY,
}
_Value = tuple[ServiceCode, int, object]
#: A value not looked up yet (the cache holds ``None`` for an empty one).
_UNSEEN: _Value = (ServiceCode("", ""), -1, None)


class _Fragment:
    """What one ``{f2, f3}`` entry that fills program fields gives, sorted by field.

    ``shared`` holds the codes no field holds and, after them, the entry's
    withdrawal codes (kept on every program too), in the order written; the
    dicts are ordered sets.  (An entry whose values fill no field is cached as
    the tuple of its codes alone.)
    """

    __slots__ = (
        "ages",
        "ambiguous",
        "groups",
        "languages",
        "levels",
        "modalities",
        "payment",
        "settings",
        "shared",
        "withdrawal",
    )

    def __init__(self, shared: list[ServiceCode], settings: tuple[str, ...]) -> None:
        self.shared = tuple(shared)
        self.settings = settings
        self.levels: list[tuple[str, ServiceCode | None]] = []
        """Each level named and, when the code says more than the level, the code."""
        self.ambiguous: list[tuple[ServiceCode, tuple[str, ...]]] = []
        self.withdrawal: list[tuple[str, ExternalCode]] = []
        self.payment: dict[Payment, None] = {}
        self.ages: dict[AgeGroup, None] = {}
        self.groups: dict[SpecialGroup, None] = {}
        self.languages: dict[str, None] = {}
        self.modalities: list[Modality] = []


class _TooLongError(Exception):
    """A value of ``f3`` longer than :data:`MAX_TEXT` (its length)."""

    def __init__(self, length: int) -> None:
        self.length = length


@dataclass(slots=True)
class Services:
    """A row's services, sorted into program fields.

    ``levels`` maps each level the row names to the setting codes behind it
    that say more than the level (kept on its program); ``shared`` holds the
    values no field takes, kept on every program of the facility.
    """

    levels: dict[str, list[ServiceCode]] = field(default_factory=dict)
    ambiguous: list[tuple[ServiceCode, tuple[str, ...]]] = field(default_factory=list)
    shared: list[ServiceCode] = field(default_factory=list)
    withdrawal: list[tuple[str, ExternalCode]] = field(default_factory=list)
    payment: dict[Payment, None] = field(default_factory=dict)
    ages: dict[AgeGroup, None] = field(default_factory=dict)
    groups: dict[SpecialGroup, None] = field(default_factory=dict)
    languages: dict[str, None] = field(default_factory=dict)
    modalities: dict[str, Modality] = field(default_factory=dict)
    settings: list[str] = field(default_factory=list)
    """Every service-setting value, as written (for messages)."""

    def add(self, fragment: _Fragment) -> None:
        """Take in one entry's values."""
        self.shared.extend(fragment.shared)
        if fragment.settings:
            self.settings.extend(fragment.settings)
            for level, code in fragment.levels:
                slot = self.levels.setdefault(level, [])
                if code is not None:
                    slot.append(code)
            self.ambiguous.extend(fragment.ambiguous)
        if fragment.withdrawal:
            self.withdrawal.extend(fragment.withdrawal)
        if fragment.payment:
            self.payment.update(fragment.payment)
        if fragment.ages:
            self.ages.update(fragment.ages)
        if fragment.groups:
            self.groups.update(fragment.groups)
        if fragment.languages:
            self.languages.update(fragment.languages)
        for modality in fragment.modalities:
            self.modalities.setdefault(modality.code, modality)


def _value(category: str, value: str) -> _Value:
    code = ServiceCode(category, value)
    found = meaning(category, value)
    if found.kind == "setting" and found.setting is not None:
        levels = found.setting.levels
        if len(levels) == 1:
            return code, _LEVEL, (levels[0], found.setting.exact)
        return code, _AMBIGUOUS, levels
    return code, _KINDS.get(found.kind, _OTHER), found.value


def _sorted(
    others: list[ServiceCode], fields: list[_Value], settings: tuple[str, ...]
) -> _Fragment:
    """An entry's values sorted by the field each fills (:meth:`Services.add` takes them in)."""
    withdrawal = [code for code, kind, _ in fields if kind == _WITHDRAWAL]
    fragment = _Fragment(others + withdrawal, settings)
    for code, kind, payload in fields:
        if kind == _LEVEL and isinstance(payload, tuple):
            level, exact = payload
            fragment.levels.append((level, None if exact else code))
        elif kind == _AMBIGUOUS and isinstance(payload, tuple):
            fragment.ambiguous.append((code, payload))
        elif kind == _WITHDRAWAL and isinstance(payload, ExternalCode):
            fragment.withdrawal.append((code.code, payload))
        elif kind == _PAYMENT and isinstance(payload, Payment):
            fragment.payment[payload] = None
        elif kind == _AGE and isinstance(payload, AgeGroup):
            fragment.ages[payload] = None
        elif kind == _GROUP and isinstance(payload, SpecialGroup):
            fragment.groups[payload] = None
        elif kind == _LANGUAGE and isinstance(payload, str):
            fragment.languages[payload] = None
        elif kind == _MODALITY and isinstance(payload, Modality):
            fragment.modalities.append(payload)
    return fragment


class ServiceReader:
    """Reads the ``services`` of rows; remembers what it has seen (per listing)."""

    __slots__ = ("_categories", "_codes", "_fragments", "_values")

    def __init__(self) -> None:
        self._values: dict[tuple[str, str], _Value | None] = {}
        #: per category the library does not model: each value as written, and its code
        self._codes: dict[str, dict[str, ServiceCode]] = {}
        self._fragments: dict[tuple[str, str], _Fragment | tuple[ServiceCode, ...]] = {}
        self._categories: set[str] = set()

    def read(self, row: RowProblems, services: object) -> Services | None:
        """The row's services sorted into fields; ``None`` when an error refuses the row."""
        found = Services()
        if services is None:
            return found
        if type(services) is not list and not isinstance(services, list):
            row.error(
                "services", "wrong-type", f"services must be a list, not {describe(services)}"
            )
            return None
        fragments = self._fragments
        kept_as_codes = self._codes
        shared = found.shared
        add = found.add
        for j, entry in enumerate(services):
            # the usual entry, {f1, f2, f3} of text, seen before (so checked then): a lookup
            if type(entry) is dict and entry.keys() == _ENTRY_KEYS:
                category, values, f1 = entry["f2"], entry["f3"], entry["f1"]
                if type(category) is str and type(values) is str and type(f1) in _F1_TYPES:
                    codes = kept_as_codes.get(category)
                    if codes is not None and len(values) <= MAX_VALUES_TEXT:
                        # a category kept as codes: each value looked up in its own small
                        # table, which stays in cache (whole texts rarely repeat)
                        try:
                            known = tuple(map(codes.__getitem__, values.split(";")))
                        except KeyError:  # a value not seen, empty or too long: in full
                            pass
                        else:
                            shared.extend(known)
                            continue
                    fragment = fragments.get((category, values))
                    if fragment is None:  # not seen as a whole: checked and read
                        fragment = self._new_fragment(row, j, entry)
                    if isinstance(fragment, tuple):
                        shared.extend(fragment)
                    elif fragment is not None:
                        add(fragment)
                    continue
            self._entry(row, j, entry, found)  # anything else: every check, in order
        return None if row.refused else found

    def _entry(self, row: RowProblems, j: int, entry: object, found: Services) -> None:
        """Check services[*j*] in full, and take its values in unless it has an error."""
        if type(entry) is not dict and not isinstance(entry, Mapping):
            where = f"services[{j}]"
            row.error(where, "not-an-object", f"{where} must be an object, not {describe(entry)}")
            return
        if not _ENTRY_KEYS.issuperset(entry):
            self._extra_keys(row, j, entry)
        f1 = entry.get("f1")
        if f1 is not None and type(f1) is not str:
            where = f"services[{j}].f1"
            row.error(where, "wrong-type", f"{where} must be text, not {describe(f1)}")
        category, values = entry.get("f2"), entry.get("f3")
        # an entry seen before was checked then: one lookup
        fragment = (
            self._fragments.get((category, values))
            if type(category) is str and type(values) is str
            else None
        )
        if fragment is None:
            fragment = self._new_fragment(row, j, entry)
            if fragment is None:
                return
        if row.refused:
            return
        if type(fragment) is tuple:  # only codes no field holds (most categories)
            found.shared.extend(fragment)
        elif isinstance(fragment, _Fragment):
            found.add(fragment)

    def _new_fragment(
        self, row: RowProblems, j: int, entry: Mapping[object, object]
    ) -> _Fragment | tuple[ServiceCode, ...] | None:
        """Check an entry not seen before, and read its values (``None``: an error)."""
        category, values = entry.get("f2"), entry.get("f3")
        if type(category) is not str or category not in self._categories:
            category = self._category(row, j, entry)
        if type(values) is not str or len(values) > MAX_VALUES_TEXT or BAD_CHAR.search(values):
            values = self._checked_values(row, j, entry)
        if category is None or values is None:
            return None
        try:
            fragment = self._fragment(category, values)
        except _TooLongError as err:
            row.error(
                f"services[{j}].f3",
                "too-long",
                f"a value of services[{j}].f3 is {err.length:,} characters long "
                f"(at most {MAX_TEXT:,})",
            )
            return None
        if len(self._fragments) < _CACHE_SIZE:
            self._fragments[category, values] = fragment
        return fragment

    def _fragment(self, category: str, values: str) -> _Fragment | tuple[ServiceCode, ...]:
        pieces = values.split(";")
        known = self._known(category, pieces)
        if known is not None:
            return known
        cache = self._values
        others: list[ServiceCode] = []
        fields: list[_Value] = []
        settings: list[str] = []
        is_setting = category.upper() == "SET"
        for piece in pieces:
            key = (category, piece)
            value = cache.get(key, _UNSEEN)
            if value is _UNSEEN:
                text = piece.strip()
                if len(text) > MAX_TEXT:
                    raise _TooLongError(len(text))
                value = _value(category, text) if text else None
                if len(cache) < _CACHE_SIZE:
                    cache[key] = value
            if value is None:
                continue  # nothing between two ";"
            if is_setting:
                settings.append(value[0].code)
            if value[1] == _OTHER:
                others.append(value[0])
            else:
                fields.append(value)
        if not fields and not settings:
            if not modelled(category):
                self._learn(category, pieces)
            return tuple(others)
        return _sorted(others, fields, tuple(settings))

    def _known(self, category: str, pieces: list[str]) -> tuple[ServiceCode, ...] | None:
        """The codes of a category kept as codes when each value was seen before."""
        codes = self._codes.get(category)
        if codes is None:
            return None
        try:
            return tuple(map(codes.__getitem__, pieces))
        except KeyError:  # a value not seen, empty or too long: read one at a time
            return None

    def _learn(self, category: str, pieces: list[str]) -> None:
        """Remember the codes of values of a category kept as codes (read one at a time)."""
        if len(self._values) < _CACHE_SIZE:
            codes = self._codes.setdefault(category, {})
            for piece in pieces:
                value = self._values.get((category, piece))
                if value is not None:  # cached, not empty (so not too long)
                    codes[piece] = value[0]

    @classmethod
    def _checked_values(
        cls, row: RowProblems, j: int, entry: Mapping[object, object]
    ) -> str | None:
        if entry.get("f3") is None:
            cls._missing(row, j, "f3")
            return None
        return row.text(f"services[{j}].f3", entry["f3"], MAX_VALUES_TEXT)

    @staticmethod
    def _missing(row: RowProblems, j: int, key: str) -> None:
        row.error(f"services[{j}].{key}", "missing-field", f"services[{j}] has no {key}")

    @staticmethod
    def _extra_keys(row: RowProblems, j: int, entry: Mapping[object, object]) -> None:
        for key in entry:
            if key not in _ENTRY_KEYS:
                where = f"services[{j}]"
                row.warn(
                    f"{where}.{key}"
                    if isinstance(key, str) and len(key) <= _MAX_CATEGORY
                    else where,
                    "ignored-field",
                    f"{where} has a field {echo(key)} besides f1, f2 and f3; it is ignored",
                )

    def _category(self, row: RowProblems, j: int, entry: Mapping[object, object]) -> str | None:
        if entry.get("f2") is None:
            self._missing(row, j, "f2")
            return None
        category = row.text(f"services[{j}].f2", entry["f2"], _MAX_CATEGORY)
        if category is None:
            return None
        if not category.strip():
            row.error(
                f"services[{j}].f2", "empty-field", f"services[{j}].f2 (the category code) is empty"
            )
            return None
        if len(self._categories) < _CACHE_SIZE:
            self._categories.add(category)
        return category
