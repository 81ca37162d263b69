"""Reading one row of a listing: its facility, one program per level, and its problems.

A row is refused (an ``error`` problem) when a field it gives is not what the
locator writes: a ``frid`` or ``name1`` missing or empty, text that is not
text, too long or holds control characters, coordinates that are not numbers
of degrees in range, ``services`` that are not ``[{f1, f2, f3}]``.  A row that
is read may still carry ``warning`` problems: a setting that names several
levels, a row that names no level at all, a field that could not be kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError

from .._text import echo
from ..levels import ExternalCode, default_continuum
from ..modalities import Modality
from ..programs import AgeGroup, Coordinates, Facility, Payment, Program, ServiceCode, SpecialGroup
from ..programs._facility import MAX_TEXT
from ._codes import Meaning, meaning
from ._problem import ListingProblem

__all__ = ["MAX_VALUES_TEXT", "RowReader", "RowResult"]

#: The longest ``f3`` (a category's values joined by "; ").
MAX_VALUES_TEXT = 100_000
_MAX_ID = 128
_MAX_CATEGORY = 64
_MAX_NUMBER_TEXT = 40

_TEXT_FIELDS = ("name2", "street1", "street2", "city", "state", "zip", "phone", "website")
_KNOWN = frozenset({"frid", "name1", *_TEXT_FIELDS, "latitude", "longitude", "services"})
# C0 and C1 controls (a terminal obeys them) and lone surrogates (no encoding writes them)
_BAD_CHAR = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DECIMAL = re.compile(r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?\s*$")
_RANKS = {level.code: level.rank for level in default_continuum()}


@dataclass(slots=True)
class RowResult:
    """What one row gave: its facility and programs, detox services, and problems."""

    facility: Facility | None = None
    programs: list[Program] = field(default_factory=list)
    withdrawal: list[tuple[str, ExternalCode]] = field(default_factory=list)
    problems: list[ListingProblem] = field(default_factory=list)


class _Row:
    """Problems of one row, collected while its fields are read."""

    __slots__ = ("facility_id", "index", "problems")

    def __init__(self, index: int) -> None:
        self.index = index
        self.problems: list[ListingProblem] = []
        self.facility_id: str | None = None

    def error(self, where: str, code: str, message: str) -> None:
        self.problems.append(
            ListingProblem(self.index, where, code, message, "error", self.facility_id)
        )

    def warn(self, where: str, code: str, message: str) -> None:
        self.problems.append(
            ListingProblem(self.index, where, code, message, "warning", self.facility_id)
        )

    @property
    def refused(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def text(self, where: str, value: object, *, limit: int = MAX_TEXT) -> str | None:
        """*value* if it is acceptable text, else ``None`` with an error recorded."""
        if not isinstance(value, str):
            self.error(where, "wrong-type", f"{where} must be text, not {_kind(value)}")
            return None
        if len(value) > limit:
            self.error(
                where, "too-long", f"{where} is {len(value):,} characters long (at most {limit:,})"
            )
            return None
        bad = _BAD_CHAR.search(value)
        if bad is not None:
            self.error(
                where,
                "control-character",
                f"{where} holds the control character {bad.group()!r} at {bad.start()}: "
                f"{echo(value)}",
            )
            return None
        return value


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "a bool", type(None): "null"}
    for cls, name in names.items():
        if isinstance(value, cls):
            return f"{name} ({echo(value)})" if cls in (bool, dict, list) else name
    if isinstance(value, int | float):
        return f"a number ({echo(value)})"
    return f"{type(value).__name__} {echo(value)}"


def _degrees(row: _Row, where: str, value: object, limit: float) -> float | None:
    """A coordinate in degrees within ±*limit*, else ``None`` with an error recorded."""
    number: float
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        row.error(
            where, "bad-coordinate", f"{where} must be a number of degrees, not {_kind(value)}"
        )
        return None
    if isinstance(value, str):
        if len(value) > _MAX_NUMBER_TEXT or not _DECIMAL.match(value):
            row.error(where, "bad-coordinate", f"{where} {echo(value)} is not a number of degrees")
            return None
        number = float(value)
    elif isinstance(value, int) and abs(value) > 1000:
        number = math.inf
    else:
        number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        row.error(
            where, "bad-coordinate", f"{where} {echo(value)} lies outside −{limit:g}…{limit:g}"
        )
        return None
    return number


def _coordinates(row: _Row, data: Mapping[str, object]) -> Coordinates | None:
    lat, lon = data.get("latitude"), data.get("longitude")
    given = [value not in (None, "") for value in (lat, lon)]
    if not any(given):
        return None
    if not all(given):
        have, missing = ("latitude", "longitude") if given[0] else ("longitude", "latitude")
        row.error(missing, "bad-coordinate", f"{have} is given without {missing}")
        return None
    latitude = _degrees(row, "latitude", lat, 90)
    longitude = _degrees(row, "longitude", lon, 180)
    if latitude is None or longitude is None:
        return None
    return Coordinates(latitude=latitude, longitude=longitude)


def _other_field(row: _Row, key: object, value: object) -> tuple[str, object] | None:
    """A row field the reader does not model, kept when it is a plain JSON scalar."""
    where = key if isinstance(key, str) and len(key) <= _MAX_CATEGORY else echo(key)
    if not isinstance(key, str) or len(key) > _MAX_CATEGORY or _BAD_CHAR.search(key):
        row.warn(where, "ignored-field", f"a field named {echo(key)} cannot be kept; it is ignored")
        return None
    keep = (
        value is None
        or isinstance(value, bool)
        or (isinstance(value, int) and abs(value) < 2**63)
        or (isinstance(value, float) and math.isfinite(value))
        or (isinstance(value, str) and len(value) <= MAX_TEXT and not _BAD_CHAR.search(value))
    )
    if not keep:
        row.warn(
            where,
            "ignored-field",
            f"{where} is {_kind(value)}, not text, a number, a bool or null; it is ignored",
        )
        return None
    return key, value


@dataclass(slots=True)
class _Services:
    """A row's services, sorted into program fields."""

    levels: dict[str, list[tuple[int, ServiceCode]]] = field(default_factory=dict)
    ambiguous: list[tuple[int, ServiceCode, tuple[str, ...]]] = field(default_factory=list)
    shared: list[tuple[int, ServiceCode]] = field(default_factory=list)
    withdrawal: list[tuple[str, ExternalCode]] = field(default_factory=list)
    payment: dict[Payment, None] = field(default_factory=dict)
    ages: dict[AgeGroup, None] = field(default_factory=dict)
    groups: dict[SpecialGroup, None] = field(default_factory=dict)
    languages: dict[str, None] = field(default_factory=dict)
    modalities: dict[str, Modality] = field(default_factory=dict)
    settings: list[str] = field(default_factory=list)
    order: int = 0

    def add(self, code: ServiceCode, found: Meaning) -> None:
        self.order += 1
        kind, value = found.kind, found.value
        if code.category.upper() == "SET":
            self.settings.append(code.code)
        if kind == "setting" and found.setting is not None:
            levels = found.setting.levels
            if len(levels) == 1:
                slot = self.levels.setdefault(levels[0], [])
                if not found.setting.exact:
                    slot.append((self.order, code))
            else:
                self.ambiguous.append((self.order, code, levels))
        elif kind == "withdrawal" and isinstance(value, ExternalCode):
            self.withdrawal.append((code.code, value))
            self.shared.append((self.order, code))
        elif kind == "payment" and isinstance(value, Payment):
            self.payment[value] = None
        elif kind == "age" and isinstance(value, AgeGroup):
            self.ages[value] = None
        elif kind == "group" and isinstance(value, SpecialGroup):
            self.groups[value] = None
        elif kind == "language" and isinstance(value, str):
            self.languages[value] = None
        elif kind == "modality" and isinstance(value, Modality):
            self.modalities.setdefault(value.code, value)
        else:
            self.shared.append((self.order, code))


class RowReader:
    """Reads rows one at a time; remembers what each service value means (per listing)."""

    __slots__ = ("_meanings",)

    def __init__(self) -> None:
        self._meanings: dict[tuple[str, str], Meaning] = {}

    def _meaning(self, category: str, value: str) -> Meaning:
        key = (category, value)
        found = self._meanings.get(key)
        if found is None:
            found = self._meanings[key] = meaning(category, value)
        return found

    def read(self, index: int, data: object) -> RowResult:
        """Read row *index*: its facility, programs, detox services and problems."""
        row = _Row(index)
        result = RowResult(problems=row.problems)
        if not isinstance(data, Mapping):
            row.error("", "not-an-object", f"a row is an object, not {_kind(data)}")
            return result
        facility_id = self._required(row, data, "frid", _MAX_ID)
        row.facility_id = facility_id
        name = self._required(row, data, "name1", MAX_TEXT)
        texts: dict[str, str] = {}
        for key in _TEXT_FIELDS:
            value = data.get(key)
            if value is not None:
                text = row.text(key, value)
                if text is not None:
                    texts[key] = text
        coordinates = _coordinates(row, data)
        services = self._services(row, data.get("services"))
        others = []
        for key, value in data.items():
            if key not in _KNOWN:
                kept = _other_field(row, key, value)
                if kept is not None:
                    others.append(kept)
        if row.refused or facility_id is None or name is None or services is None:
            return result
        try:
            facility = Facility(
                id=facility_id,
                name=name,
                coordinates=coordinates,
                other_fields=tuple(others),
                **texts,
            )
        except ValidationError as err:  # pragma: no cover - every field was checked above
            row.error("", "invalid-row", f"the row is not a valid facility: {err}")
            return result
        result.facility = facility
        result.withdrawal = services.withdrawal
        result.programs = self._programs(row, facility, services)
        return result

    @staticmethod
    def _required(row: _Row, data: Mapping[str, object], key: str, limit: int) -> str | None:
        if key not in data or data[key] is None:
            row.error(key, "missing-field", f"the row has no {key}")
            return None
        text = row.text(key, data[key], limit=limit)
        if text is not None and not text.strip():
            row.error(key, "empty-field", f"{key} is empty")
            return None
        return text

    def _services(self, row: _Row, services: object) -> _Services | None:
        found = _Services()
        if services is None:
            return found
        if not isinstance(services, list):
            row.error("services", "wrong-type", f"services must be a list, not {_kind(services)}")
            return None
        for j, entry in enumerate(services):
            where = f"services[{j}]"
            if not isinstance(entry, Mapping):
                row.error(where, "not-an-object", f"{where} must be an object, not {_kind(entry)}")
                continue
            for key in entry:
                if key not in ("f1", "f2", "f3"):
                    row.warn(
                        f"{where}.{key}" if isinstance(key, str) else where,
                        "ignored-field",
                        f"{where} has a field {echo(key)} besides f1, f2 and f3; it is ignored",
                    )
            if entry.get("f1") is not None:
                row.text(f"{where}.f1", entry["f1"])
            category = self._field(row, entry, where, "f2", _MAX_CATEGORY)
            values = self._field(row, entry, where, "f3", MAX_VALUES_TEXT)
            if category is None or values is None:
                continue
            if not category.strip():
                row.error(f"{where}.f2", "empty-field", f"{where}.f2 (the category code) is empty")
                continue
            for piece in values.split(";"):
                value = piece.strip()
                if not value:
                    continue
                if len(value) > MAX_TEXT:
                    row.error(
                        f"{where}.f3",
                        "too-long",
                        f"a value of {where}.f3 is {len(value):,} characters long "
                        f"(at most {MAX_TEXT:,})",
                    )
                    break
                code = ServiceCode(category, value)
                found.add(code, self._meaning(category, value))
        return None if row.refused else found

    @staticmethod
    def _field(
        row: _Row, entry: Mapping[str, object], where: str, key: str, limit: int
    ) -> str | None:
        if key not in entry or entry[key] is None:
            row.error(f"{where}.{key}", "missing-field", f"{where} has no {key}")
            return None
        return row.text(f"{where}.{key}", entry[key], limit=limit)

    def _programs(self, row: _Row, facility: Facility, services: _Services) -> list[Program]:
        levels = services.levels
        shared = list(services.shared)
        for order, code, candidates in services.ambiguous:
            offered = [lv for lv in candidates if lv in levels]
            if offered:  # the general setting beside its specific ones: it belongs to them
                for lv in offered:
                    levels[lv].append((order, code))
            else:
                shared.append((order, code))
                if len(candidates) > 1:
                    row.warn(
                        "services.SET",
                        "ambiguous-setting",
                        f"setting {code.code!r} names no one level (it could be "
                        f"{', '.join(candidates)}) and the row lists none of them; no program "
                        f"was made for it (the row's settings: {'; '.join(services.settings)})",
                    )
        if not levels and not services.ambiguous:
            said = "; ".join(services.settings) or "no service setting (SET)"
            detox = (
                "; withdrawal management (detox) is care, not a level of the continuum"
                if services.withdrawal
                else ""
            )
            row.warn(
                "services.SET",
                "no-level",
                f"the row names no level of care (its settings: {said}){detox}; "
                "no program was made for it",
            )
            return []
        if not levels:
            return []
        programs = []
        for level in sorted(levels, key=_RANKS.__getitem__):
            codes = sorted([*levels[level], *shared])
            try:
                programs.append(
                    Program(
                        name=facility.display_name,
                        level=level,
                        facility=facility,
                        payment=tuple(services.payment),
                        age_groups=tuple(services.ages),
                        special_groups=tuple(services.groups),
                        languages=tuple(services.languages),
                        modalities=tuple(services.modalities.values()),
                        other_codes=tuple(code for _, code in codes),
                    )
                )
            except ValidationError as err:  # pragma: no cover - every value was checked above
                row.error("", "invalid-row", f"the row is not a valid program: {err}")
        return programs
