"""What each value of a listing's ``services`` means: a level, a payment, a language …

Nothing here is a second code table.  Service settings (category ``SET``)
are read from the continuum's level records — each level carries the
locator's setting codes as :class:`~carecontinuum.ExternalCode` records of
system ``locator-setting`` — and from
:data:`~carecontinuum.levels.WITHDRAWAL_MANAGEMENT_CODES`; payments, age
groups and special groups from the program enums' lookups, which know the
locator's codes and labels [LOCATOR].  A value is found by its code
(``"OIT"``) or its label (``"Intensive outpatient treatment"``), in any case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from .._enum_lookup import EnumLookup
from ..levels import WITHDRAWAL_MANAGEMENT_CODES, CodeSystem, ExternalCode, default_continuum
from ..programs import AgeGroup, Payment, SpecialGroup
from ..programs._codes import AGE_GROUPS, PAYMENTS, SPECIAL_GROUPS

if TYPE_CHECKING:
    from ..modalities import Modality

E = TypeVar("E", bound=Enum)

__all__ = [
    "LANGUAGE_CODES",
    "Meaning",
    "Setting",
    "fold",
    "meaning",
    "modelled",
    "settings",
]

#: The locator's language codes the library's sources name, and the language of each
#: [LOCATOR]; a listing writes them alone (``"SP"``) or as ``"SP-Spanish"``.
LANGUAGE_CODES: dict[str, str] = {
    "SP": "Spanish",
    "F4": "Arabic",
    "F17": "Any Chinese Language",
    "N23": "Navajo",
}

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_CODE_LIKE = re.compile(r"^[A-Z]{1,2}\d{0,3}$")
_CODED_LANGUAGE = re.compile(r"^[A-Z]{1,2}\d{0,3}-\S")


def fold(text: str) -> str:
    """A value's key: case and punctuation folded, a trailing "treatment" dropped.

    The listing writes "Outpatient methadone/buprenorphine or naltrexone
    treatment" where the level record says "... or naltrexone".

    Examples
    --------
    >>> fold("Intensive outpatient treatment"), fold("OIT")
    ('intensive outpatient', 'oit')
    """
    key = _NOT_WORD.sub(" ", text.casefold()).strip()
    return key.removesuffix(" treatment") if key != "treatment" else key


@dataclass(frozen=True, slots=True)
class Setting:
    """What a ``SET`` value names.

    ``levels`` are the continuum levels it maps to: one for a level, several
    for the general outpatient setting ``OP`` (outpatient, IOP or PHP), none
    for withdrawal management.  ``exact`` is False when the code says more or
    less than the level (short-term residential, hospital inpatient ...).
    """

    levels: tuple[str, ...]
    exact: bool
    withdrawal: ExternalCode | None = None


@functools.cache
def settings() -> dict[str, Setting]:
    """Every locator setting code and label, folded, and what it names.

    Built once from the level records and the withdrawal-management codes.
    """
    found: dict[str, tuple[list[str], bool]] = {}
    for level in default_continuum():
        for code in level.codes_in(CodeSystem.LOCATOR_SETTING):
            for key in {fold(code.code), fold(code.display)} - {""}:
                levels, exact = found.setdefault(key, ([], True))
                if level.code not in levels:
                    levels.append(level.code)
                found[key] = (levels, exact and code.exact)
    table = {key: Setting(tuple(levels), exact) for key, (levels, exact) in found.items()}
    for code in WITHDRAWAL_MANAGEMENT_CODES:
        if code.system is CodeSystem.LOCATOR_SETTING:
            for key in {fold(code.code), fold(code.display)} - {""}:
                table[key] = Setting((), False, withdrawal=code)
    return table


@functools.cache
def _type_of_care_withdrawal() -> dict[str, ExternalCode]:
    """The locator's detox type of care (``DT``), by code and label."""
    table: dict[str, ExternalCode] = {}
    for code in WITHDRAWAL_MANAGEMENT_CODES:
        if code.system is CodeSystem.LOCATOR:
            for key in {fold(code.code), fold(code.display)} - {""}:
                table[key] = code
    return table


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one ``(category, value)`` of a listing row means to a program.

    ``kind`` is ``setting``, ``withdrawal``, ``payment``, ``age``, ``group``,
    ``language``, ``modality`` or ``other`` (kept as a code on the program).
    """

    kind: str
    setting: Setting | None = None
    value: Payment | AgeGroup | SpecialGroup | ExternalCode | Modality | str | None = None


_OTHER = Meaning("other")


def _enum(lookup: EnumLookup[E], value: str) -> E | None:
    code = lookup.lookup.find(value)
    return None if code is None else lookup(code)


def _language(category: str, value: str) -> Meaning:
    if _CODED_LANGUAGE.match(value):
        return Meaning("language", value=value)  # "SP-Spanish": as the locator writes it
    if _CODE_LIKE.match(value):
        name = LANGUAGE_CODES.get(value)
        return _OTHER if name is None else Meaning("language", value=f"{value}-{name}")
    return Meaning("language", value=value)


def _modality(category: str, value: str) -> Meaning:
    # only labels: the locator's TAP codes are not in the library's sources, and a short
    # code could collide with a modality's alias
    if value == value.upper():
        return _OTHER
    from ..modalities._registry import MODALITIES

    # find: no error (and no suggestions worked out) for the many approaches that are
    # not modalities; a heading naming several modalities finds none either
    found = MODALITIES.find(value)
    return _OTHER if found is None else Meaning("modality", value=found)


def _setting(category: str, value: str) -> Meaning:
    setting = settings().get(fold(value))
    if setting is None:
        return _OTHER
    if setting.withdrawal is not None:
        return Meaning("withdrawal", setting=setting, value=setting.withdrawal)
    return Meaning("setting", setting=setting)


def _type_of_care(category: str, value: str) -> Meaning:
    wm = _type_of_care_withdrawal().get(fold(value))
    return _OTHER if wm is None else Meaning("withdrawal", value=wm)


def _payment(category: str, value: str) -> Meaning:
    pay = _enum(PAYMENTS, value)
    return _OTHER if pay is None else Meaning("payment", value=pay)


def _age(category: str, value: str) -> Meaning:
    age = _enum(AGE_GROUPS, value)
    return _OTHER if age is None else Meaning("age", value=age)


def _group(category: str, value: str) -> Meaning:
    group = _enum(SPECIAL_GROUPS, value)
    if group is None or (category == "SL" and group is not SpecialGroup.DEAF_AND_HARD_OF_HEARING):
        return _OTHER  # language services (SL) hold one special group, the deaf's
    return Meaning("group", value=group)


#: The reader of each category's values; a category not here is kept as codes.
_READERS: dict[str, Callable[[str, str], Meaning]] = {
    "SET": _setting,
    "TC": _type_of_care,
    "PAY": _payment,
    "PYAS": _payment,
    "AGE": _age,
    "SG": _group,
    "SL": _group,
    "OL": _language,
    "AIL": _language,
    "TAP": _modality,
}


def meaning(category: str, value: str) -> Meaning:
    """What *value* of the listing category *category* (``f2``) means.

    Examples
    --------
    >>> meaning("SET", "Intensive outpatient treatment").setting.levels
    ('intensive_outpatient',)
    >>> meaning("PAY", "MD").value
    <Payment.MEDICAID: 'MD'>
    >>> meaning("TAP", "Anger management").kind
    'other'
    """
    reader = _READERS.get(category.upper())
    return _OTHER if reader is None else reader(category.upper(), value)


def modelled(category: str) -> bool:
    """Whether the library reads the values of *category*; if not, each is kept as a code.

    Examples
    --------
    >>> modelled("pay"), modelled("TOBAC")
    (True, False)
    """
    return category.upper() in _READERS
