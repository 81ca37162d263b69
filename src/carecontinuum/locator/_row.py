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
from ..programs import Coordinates, Facility, Program, ServiceCode
from ..programs._facility import MAX_TEXT, CheckedCodes
from ._problem import BAD_CHAR, ListingProblem, RowProblems, describe
from ._services import ServiceReader, Services

__all__ = ["RowReader", "RowResult"]

_MAX_ID = 128
_MAX_KEY = 64
_MAX_NUMBER_TEXT = 40
_MAX_LANGUAGE = 200

_TEXT_FIELDS = ("name2", "street1", "street2", "city", "state", "zip", "phone", "website")
_KNOWN = frozenset({"frid", "name1", *_TEXT_FIELDS, "latitude", "longitude", "services"})
_DECIMAL = re.compile(r"^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?\s*$")
_RANKS = {level.code: level.rank for level in default_continuum()}


@dataclass(slots=True)
class RowResult:
    """What one row gave: its facility and programs, detox services, and problems."""

    facility: Facility | None = None
    programs: list[Program] = field(default_factory=list)
    withdrawal: list[tuple[str, ExternalCode]] = field(default_factory=list)
    problems: list[ListingProblem] = field(default_factory=list)


def _degrees(row: RowProblems, where: str, value: object, limit: float) -> float | None:
    """A coordinate in degrees within ±*limit*, else ``None`` with an error recorded."""
    if type(value) is float and -limit <= value <= limit:  # the usual: NaN and inf fail here
        return value
    number: float
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        row.error(
            where, "bad-coordinate", f"{where} must be a number of degrees, not {describe(value)}"
        )
        return None
    if isinstance(value, str):
        if len(value) > _MAX_NUMBER_TEXT or not _DECIMAL.match(value):
            row.error(where, "bad-coordinate", f"{where} {echo(value)} is not a number of degrees")
            return None
        number = float(value)
    elif isinstance(value, int) and abs(value) > 1000:
        number = math.inf  # float() of a huge integer would overflow
    else:
        number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        row.error(
            where, "bad-coordinate", f"{where} {echo(value)} lies outside −{limit:g}…{limit:g}"
        )
        return None
    return number


def _coordinates(row: RowProblems, data: Mapping[str, object]) -> Coordinates | None:
    lat, lon = data.get("latitude"), data.get("longitude")
    given = [value is not None and value != "" for value in (lat, lon)]
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


def _usual(value: object) -> bool:
    """True for a JSON scalar of exactly its type that :func:`_other_field` keeps as it is."""
    if value is None or type(value) is bool:
        return True
    if type(value) is int:
        return abs(value) < 2**63
    if type(value) is float:
        return math.isfinite(value)
    return type(value) is str and len(value) <= MAX_TEXT and not BAD_CHAR.search(value)


def _other_field(row: RowProblems, key: object, value: object) -> tuple[str, object] | None:
    """A row field the reader does not model, kept when it is a plain JSON scalar."""
    if type(key) is str and len(key) <= _MAX_KEY and not BAD_CHAR.search(key) and _usual(value):
        return key, value
    plain_key = isinstance(key, str) and len(key) <= _MAX_KEY and not BAD_CHAR.search(key)
    where = key if isinstance(key, str) and plain_key else echo(key)
    if not plain_key or not isinstance(key, str):
        row.warn(where, "ignored-field", f"a field named {echo(key)} cannot be kept; it is ignored")
        return None
    keep = (
        value is None
        or isinstance(value, bool)
        or (isinstance(value, int) and abs(value) < 2**63)
        or (isinstance(value, float) and math.isfinite(value))
        or (isinstance(value, str) and len(value) <= MAX_TEXT and not BAD_CHAR.search(value))
    )
    if not keep:
        row.warn(
            key,
            "ignored-field",
            f"{key} is {describe(value)}, not short text, a number, a bool or null; it is ignored",
        )
        return None
    return key, value


class RowReader:
    """Reads rows one at a time (the services reader remembers values, per listing)."""

    __slots__ = ("_services",)

    def __init__(self) -> None:
        self._services = ServiceReader()

    def read(self, index: int, data: object) -> RowResult:
        """Read row *index*: its facility, programs, detox services and problems."""
        row = RowProblems(index)
        result = RowResult(problems=row.problems)
        if type(data) is not dict and not isinstance(data, Mapping):
            row.error("", "not-an-object", f"a row is an object, not {describe(data)}")
            return result
        facility_id = self._required(row, data, "frid", _MAX_ID)
        row.facility_id = facility_id
        name = self._required(row, data, "name1", MAX_TEXT)
        texts: dict[str, str] = {}
        for key in _TEXT_FIELDS:
            value = data.get(key)
            if value is not None:
                if type(value) is str and len(value) <= MAX_TEXT and not BAD_CHAR.search(value):
                    texts[key] = value  # the usual text: what row.text would return
                    continue
                text = row.text(key, value, MAX_TEXT)
                if text is not None:
                    texts[key] = text
        coordinates = _coordinates(row, data)
        services = self._services.read(row, data.get("services"))
        others = []
        if len(data) > len(_KNOWN) or not _KNOWN.issuperset(data):
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
    def _required(row: RowProblems, data: Mapping[str, object], key: str, limit: int) -> str | None:
        if data.get(key) is None:
            row.error(key, "missing-field", f"the row has no {key}")
            return None
        text = row.text(key, data[key], limit)
        if text is not None and not text.strip():
            row.error(key, "empty-field", f"{key} is empty")
            return None
        return text

    @staticmethod
    def _languages(row: RowProblems, services: Services) -> tuple[str, ...]:
        kept = []
        for language in services.languages:
            if len(language) > _MAX_LANGUAGE:
                row.warn(
                    "services",
                    "too-long",
                    f"the language {echo(language)} is longer than {_MAX_LANGUAGE} characters; "
                    "it is kept among the other codes",
                )
                services.shared.append(ServiceCode("OL", language))
            else:
                kept.append(language)
        return tuple(kept)

    def _programs(self, row: RowProblems, facility: Facility, services: Services) -> list[Program]:
        levels = services.levels
        for code, candidates in services.ambiguous:
            offered = [lv for lv in candidates if lv in levels]
            if offered:  # the general setting beside its specific ones: it belongs to them
                for lv in offered:
                    levels[lv].append(code)
                continue
            services.shared.append(code)
            row.warn(
                "services.SET",
                "ambiguous-setting",
                f"setting {code.code!r} names no one level (it could be "
                f"{', '.join(candidates)}) and the row lists none of them; no program was made "
                f"for it (the row's settings: {'; '.join(services.settings)})",
            )
        if not levels:
            if not services.ambiguous:
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
        languages = self._languages(row, services)
        shared = tuple(services.shared)
        fields = {
            "name": facility.display_name,
            "facility": facility,
            "payment": tuple(services.payment),
            "age_groups": tuple(services.ages),
            "special_groups": tuple(services.groups),
            "languages": languages,
            "modalities": tuple(services.modalities.values()),
        }
        programs = []
        for level in sorted(levels, key=_RANKS.__getitem__):
            try:
                programs.append(
                    Program(
                        level=level, other_codes=CheckedCodes((*levels[level], *shared)), **fields
                    )
                )
            except ValidationError as err:  # pragma: no cover - every value was checked above
                row.error("", "invalid-row", f"the row is not a valid program: {err}")
        return programs
