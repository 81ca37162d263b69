"""The one level field: every model that names a level validates it here.

A level can be given as a code or alias of the default continuum (``"IOP"``,
``"partial hospitalization"``), as ``"framework:code"`` (``"asam3:2.1"``), or
as a :class:`~carecontinuum.CareLevel`.  Two aliases share one resolver:

* :data:`LevelField` keeps the :class:`~carecontinuum.CareLevel` itself (of any
  framework; custom levels too) — placements use it;
* :data:`ContinuumLevelCode` keeps the code of a level of the default
  continuum — programs, needs, rule-set tiers and compliance checks use it.
  A level of another framework is accepted when its crosswalk maps it to
  exactly one continuum level *exactly*; a lossy mapping is refused with the
  candidates, never silently taken.

Examples
--------
>>> from pydantic import BaseModel
>>> class Referral(BaseModel):
...     level: ContinuumLevelCode
>>> Referral(level="partial hospitalization").level
'partial_hospitalization'
>>> Referral(level="asam3:2.1").level
'intensive_outpatient'
>>> Referral(level="asam3:2-WM")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Referral
level
  asam3:2-WM maps to the continuum only approximately ('intensive_outpatient', ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from .._text import echo
from ..errors import UnknownKeyError
from ._continuum import DEFAULT_CONTINUUM
from ._crosswalk import MatchKind
from ._match import level
from ._model import CareLevel
from ._registry import crosswalk

__all__ = ["ContinuumLevelCode", "LevelField", "LevelMarker", "level_key", "resolve_level"]

#: The default continuum's level codes (it is a frozen model: they never change).
_CONTINUUM_CODES = frozenset(DEFAULT_CONTINUUM.codes)

_DESCRIPTION = (
    "A level of care: a code or alias of the default continuum ('intensive_outpatient', "
    "'IOP', 'partial hospitalization'), or 'framework:code' ('asam3:2.1')"
)


def resolve_level(value: object) -> CareLevel:
    """The level *value* names: a code or alias, ``"framework:code"``, or a CareLevel.

    A :class:`CareLevel` that is not registered (a custom level) is returned as
    given.

    Parameters
    ----------
    value:
        A level's code or alias, ``"framework:code"`` text, or a
        :class:`~carecontinuum.CareLevel`.

    Returns
    -------
    CareLevel
        The registered level, or *value* itself for a level no framework holds.

    Raises
    ------
    carecontinuum.errors.UnknownLevelError, carecontinuum.errors.UnknownFrameworkError
        For text that names no level.
    TypeError
        For anything but text or a CareLevel.

    Examples
    --------
    >>> resolve_level("asam3:3.7").name
    'Medically Monitored Intensive Inpatient Services'
    >>> resolve_level("Residential").code
    'residential'
    """
    if isinstance(value, CareLevel):
        try:
            return level(value)
        except UnknownKeyError:
            return value  # a custom level, kept whole
    if not isinstance(value, str):
        raise TypeError(f"a level is text or a CareLevel, not {type(value).__name__}")
    fw, sep, code = value.partition(":")
    if sep and fw and code:
        return level(code, framework=fw)
    return level(value)


def continuum_code(value: object) -> str:
    """The code of the default continuum level *value* names (see :func:`resolve_level`).

    A level of another framework maps through its crosswalk to the continuum
    when the mapping is exact and has one target.

    Raises
    ------
    ValueError
        When the level maps only approximately, to several levels or to none;
        the message lists the candidates.
    """
    found = resolve_level(value)
    if found.framework == DEFAULT_CONTINUUM.code and found.code in _CONTINUUM_CODES:
        return found.code
    if found.framework == DEFAULT_CONTINUUM.code:
        raise ValueError(f"level {found.code!r} is not a level of the default continuum")
    try:
        walk = crosswalk(found.framework, DEFAULT_CONTINUUM.code)
    except UnknownKeyError:
        raise ValueError(
            f"level {found.framework}:{found.code} has no crosswalk to the default continuum; "
            f"give a continuum level ({', '.join(DEFAULT_CONTINUUM.codes)})"
        ) from None
    mappings = walk.map(found)
    exact = [m for m in mappings if m.match is MatchKind.EXACT]
    if len(exact) == 1 and len(mappings) == 1:
        return exact[0].target
    name = f"{found.framework}:{found.code}"
    if not any(m.target for m in mappings):
        lost = "; ".join(m.lost for m in mappings if m.lost)
        raise ValueError(f"{name} has no counterpart in the default continuum ({lost})")
    targets = ", ".join(repr(m.target) for m in mappings if m.target)
    lost = "; ".join(m.lost for m in mappings if m.lost)
    raise ValueError(
        f"{name} maps to the continuum only approximately ({targets}: {lost}); "
        f"give the continuum level you mean"
    )


def level_spellings(*, framework_codes: bool) -> list[str]:
    """The level spellings the JSON Schema offers: every code, name and alias of the
    default continuum (and the codes with spaces), then ``framework:code`` of every
    registered framework's levels — all of them with *framework_codes*, else only those
    that map to the continuum exactly."""
    from ._registry import list_frameworks

    found: list[str] = []
    for lv in DEFAULT_CONTINUUM.levels:
        for spelling in (lv.code, lv.code.replace("_", " "), lv.name, *lv.aliases):
            for form in (spelling, spelling.lower()):
                if form not in found:
                    found.append(form)
    for fw in list_frameworks():
        if fw.code == DEFAULT_CONTINUUM.code:
            continue
        for lv in fw.levels:
            key = f"{fw.code}:{lv.code}"
            if framework_codes:
                found.append(key)
                continue
            try:
                continuum_code(key)
            except (UnknownKeyError, TypeError, ValueError):
                continue
            found.append(key)
    return found


def level_key(lv: CareLevel) -> str:
    """The compact text form of a level: ``code``, or ``framework:code``.

    Parameters
    ----------
    lv:
        A level.

    Returns
    -------
    str
        Its code for a level of the default continuum, else ``framework:code``;
        :func:`resolve_level` reads either back.

    Examples
    --------
    >>> level_key(resolve_level("asam3:2.1")), level_key(resolve_level("IOP"))
    ('asam3:2.1', 'intensive_outpatient')
    """
    return lv.code if lv.framework == DEFAULT_CONTINUUM.code else f"{lv.framework}:{lv.code}"


def _as_level(value: Any) -> CareLevel:
    if isinstance(value, dict):
        value = CareLevel.model_validate(value)
    try:
        return resolve_level(value)
    except (UnknownKeyError, TypeError) as err:
        raise PydanticCustomError(
            "unknown_level", "{error}", {"error": str(err) or f"not a level: {echo(value)}"}
        ) from None


def _as_code(value: Any) -> str:
    if isinstance(value, dict):
        value = _as_level(value)
    try:
        return continuum_code(value)
    except (UnknownKeyError, TypeError, ValueError) as err:
        raise PydanticCustomError("unknown_level", "{error}", {"error": str(err)}) from None


def _level_json(lv: CareLevel | None) -> str | dict[str, Any] | None:
    # a registered level is written as its key; a custom one in full, so JSON round-trips
    if lv is None:  # only a schema's view of a required field's None default (Placement)
        return None
    try:
        registered = level(lv.code, framework=lv.framework)
    except UnknownKeyError:
        registered = None
    if registered == lv:
        return level_key(lv)
    return lv.model_dump(mode="json")


@dataclass(frozen=True, slots=True)
class LevelMarker:
    """The ``Annotated`` marker behind :data:`LevelField` and :data:`ContinuumLevelCode`.

    Parameters
    ----------
    continuum_code:
        Keep the code of the default continuum level (a ``str`` field) rather
        than the :class:`CareLevel` itself.
    """

    continuum_code: bool = False

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        if self.continuum_code:
            return core_schema.no_info_plain_validator_function(
                _as_code, serialization=core_schema.plain_serializer_function_ser_schema(str)
            )
        return core_schema.no_info_plain_validator_function(
            _as_level,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _level_json, when_used="json"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text: JsonSchemaValue = {
            "type": "string",
            "enum": level_spellings(framework_codes=not self.continuum_code),
            "description": _DESCRIPTION + " (case and spacing are forgiven, and the model also "
            "reads looser phrases such as 'ASAM 3.7')",
        }
        if self.continuum_code:
            if handler.mode == "serialization":
                return {"type": "string", "enum": list(DEFAULT_CONTINUUM.codes)}
            return text
        record = handler(CareLevel.__pydantic_core_schema__)
        return {"anyOf": [text, record]}


#: A level of any framework, kept as the :class:`CareLevel` (custom levels too).
#: JSON writes a registered level as its text key (``"intensive_outpatient"``,
#: ``"asam3:2.1"``) and a custom one in full, so it round-trips.
LevelField = Annotated[CareLevel, LevelMarker()]

#: A level of the default continuum, kept as its code (``"intensive_outpatient"``).
ContinuumLevelCode = Annotated[str, LevelMarker(continuum_code=True)]
