"""FHIR ``HealthcareService`` back into a :class:`~carecontinuum.Program`.

The level comes from ``type``: a coding in the library's continuum code
system, a framework coding whose crosswalk gives exactly one exact continuum
level, or ``level_map``; otherwise the service has no level and the read fails
(a program always offers one).  The schedule comes from the library's
``schedule`` extension: ``availability`` lists opening hours, which are not
hours of treatment, so it is never read as a schedule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._errors import FhirMappingError
from ._ext import Extensions
from ._levels import own_level, settle
from ._node import Coding, as_dict, codings, decimal, opt_dict, opt_list, opt_str
from ._ranges import read_range
from ._timing_read import read_timing

if TYPE_CHECKING:
    from ..levels import CareLevel
    from ..programs import Program
    from ._context import Reader

__all__ = ["read_program"]

_HOUSEKEEPING = frozenset({"resourceType", "id", "meta", "text", "active"})
_CONSUMED = frozenset(
    {
        "extension",
        "name",
        "type",
        "specialty",
        "comment",
        "extraDetails",
        "eligibility",
        "program",
        "characteristic",
        "communication",
        "availability",
        "availableTime",
    }
)
_OWN_EXTENSIONS = frozenset(
    {"schedule", "community", "length-of-stay", "philosophy", "transition-plan"}
)


def _level(hs: Mapping[str, Any], path: str, r: Reader) -> CareLevel:
    import carecontinuum as cc

    found: list[tuple[CareLevel, Coding]] = []
    mapped: list[tuple[CareLevel, Coding]] = []
    for i, concept in enumerate(opt_list(hs, "type", path)):
        for c in codings(concept, f"{path}.type[{i}]"):
            lv = own_level(c, r)
            if lv is not None:
                found.append((lv, c))
            elif c.token in r.level_map:
                mapped.append((r.level_map[c.token], c))
            else:
                r.note(c.path, c.token, "a type coding that names no level")
    level = settle(found or mapped, f"{path}.type")
    if level is None:
        raise FhirMappingError(
            "no level: type has no coding in the library's level code systems and none "
            "that level_map maps; a program offers one level of the continuum",
            path=f"{path}.type",
            candidates=cc.default_continuum().codes,
        )
    if level.framework == cc.default_continuum().code:
        return level
    walk = cc.crosswalk(level.framework, cc.default_continuum().code)
    exact = [m.target for m in walk.map(level) if m.match.value == "exact"]
    if len(exact) != 1:
        targets = [lv.code for lv in walk.targets(level)]
        raise FhirMappingError(
            f"{level.framework} level {level.code!r} has no single exact continuum level "
            "(a program's level is a continuum level); pass level_map",
            path=f"{path}.type",
            candidates=targets,
        )
    return cc.level(exact[0])


def _enum_codes(
    concepts: list[tuple[Any, str]], systems: dict[str, Any], r: Reader, what: str
) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {name: [] for name in systems}
    for concept, where in concepts:
        obj = as_dict(concept, where)
        kept = False
        for c in codings(obj, where):
            for name, enum in systems.items():
                if c.system == r.urls.system(name):
                    try:
                        out[name].append(enum(c.code))
                    except ValueError:
                        raise FhirMappingError(
                            f"code {echo(c.code)} is not in the library's {name} code system "
                            f"(codes: {', '.join(m.value for m in enum)})",
                            path=c.path,
                        ) from None
                    kept = True
        if not kept:
            r.note(where, opt_str(obj, "text", where) or "(coded)", f"{what} of another system")
    return out


def _eligibility(hs: Mapping[str, Any], path: str, r: Reader) -> dict[str, Any]:
    import carecontinuum as cc

    values: dict[str, Any] = {}
    groups = []
    for i, item in enumerate(opt_list(hs, "eligibility", path)):
        where = f"{path}.eligibility[{i}]"
        obj = as_dict(item, where)
        ages = Extensions(obj, r.urls.sd, where).value("age-range", "Range")
        if ages is not None:
            if "ages" in values:
                raise FhirMappingError("two age ranges", path=where)
            rng = as_dict(ages[0], ages[1])
            low = opt_dict(rng, "low", ages[1])
            high = opt_dict(rng, "high", ages[1])
            values["ages"] = {
                "min_age": _whole(low, f"{ages[1]}.low") if low is not None else 0,
                "max_age": _whole(high, f"{ages[1]}.high") if high is not None else None,
            }
            continue
        code = opt_dict(obj, "code", where)
        if code is None:
            r.note(where, "eligibility", "an eligibility without a code")
            continue
        coded = _enum_codes(
            [(code, f"{where}.code")], {"locator-age-group": cc.AgeGroup}, r, "an eligibility"
        )
        groups.extend(coded["locator-age-group"])
    if groups:
        values["age_groups"] = groups
    return values


def _whole(quantity: Mapping[str, Any], path: str) -> int:
    if opt_str(quantity, "code", path) != "a":
        raise FhirMappingError("an age must be in years (UCUM 'a')", path=path)
    value = decimal(quantity.get("value"), f"{path}.value")
    if value.denominator != 1:
        raise FhirMappingError(f"an age must be whole years, got {float(value):g}", path=path)
    return int(value)


def _languages(hs: Mapping[str, Any], path: str, r: Reader) -> list[str]:
    out = []
    for i, item in enumerate(opt_list(hs, "communication", path)):
        where = f"{path}.communication[{i}]"
        obj = as_dict(item, where)
        text = opt_str(obj, "text", where)
        if text is None:
            first = next(iter(codings(obj, where)), None)
            if first is None or not (first.display or first.code):
                raise FhirMappingError("a language without text or code", path=where)
            text = first.display or first.code
        out.append(text)
    return out


def _modalities(hs: Mapping[str, Any], path: str, r: Reader) -> list[Any]:
    from ._timing_read import _modality

    out = []
    for i, item in enumerate(opt_list(hs, "program", path)):
        where = f"{path}.program[{i}]"
        obj = as_dict(item, where)
        mine = [c for c in codings(obj, where) if c.system == r.urls.system("modality")]
        if not mine:
            r.note(where, opt_str(obj, "text", where) or "(coded)", "a program of another system")
            continue
        out.append(_modality({"system": mine[0].system, "code": mine[0].code}, mine[0].path, r))
    return out


def _extensions(hs: Mapping[str, Any], own: Extensions, path: str, r: Reader) -> dict[str, Any]:
    values: dict[str, Any] = {}
    timing = own.value("schedule", "Timing")
    if timing is not None:
        values["schedule"] = read_timing(as_dict(timing[0], timing[1]), timing[1], r)
    else:
        shown = [k for k in ("availability", "availableTime") if k in hs]
        why = "opening hours are not hours of treatment" if shown else "the hours are unknown"
        r.note(path, "schedule", f"no schedule extension: {why}")
    stay = own.value("length-of-stay", "Range")
    if stay is not None:
        values["length_of_stay"] = read_range(stay[0], stay[1], r)
    values["communities"] = own.strings("community")
    for field, name in (("philosophy", "philosophy"), ("transition_plan", "transition-plan")):
        text = own.string(name)
        if text is not None:
            values[field] = text
    return values


def read_program(hs: Mapping[str, Any], path: str, r: Reader) -> Program:
    """The :class:`~carecontinuum.Program` a HealthcareService describes.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        Without a name, a level or a schedule, or for codes outside the
        library's code systems.
    """
    import carecontinuum as cc

    from ._build import build

    if "modifierExtension" in hs:
        raise FhirMappingError(
            "a modifierExtension this bridge cannot read", path=f"{path}.modifierExtension"
        )
    values: dict[str, Any] = {}
    name = opt_str(hs, "name", path)
    if not name:
        raise FhirMappingError("a program needs a name", path=f"{path}.name")
    values["name"] = name
    values["level"] = _level(hs, path, r).code
    own = Extensions(hs, r.urls.sd, path)
    for url, where in own.foreign:
        r.note(where, url, "an extension of another publisher")
    unknown = own.unknown(_OWN_EXTENSIONS)
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    values.update(_extensions(hs, own, path, r))
    for field, key in (("description", "comment"), ("structure", "extraDetails")):
        text = opt_str(hs, key, path)
        if text is not None:
            values[field] = text
    values["conditions"] = [
        _text(item, f"{path}.specialty[{i}]", r)
        for i, item in enumerate(opt_list(hs, "specialty", path))
    ]
    values.update(_eligibility(hs, path, r))
    values["modalities"] = _modalities(hs, path, r)
    coded = _enum_codes(
        [
            (c, f"{path}.characteristic[{i}]")
            for i, c in enumerate(opt_list(hs, "characteristic", path))
        ],
        {"locator-payment": cc.Payment, "locator-special-group": cc.SpecialGroup},
        r,
        "a characteristic",
    )
    values["payment"] = coded["locator-payment"]
    values["special_groups"] = coded["locator-special-group"]
    values["languages"] = _languages(hs, path, r)
    for key in hs:
        if key not in _CONSUMED and key not in _HOUSEKEEPING:
            r.note(f"{path}.{key}", key, "an element a Program has no place for")
    return build(cc.Program, path, **values)


def _text(item: Any, path: str, r: Reader) -> str:
    obj = as_dict(item, path)
    text = opt_str(obj, "text", path)
    if text is None:
        first = next(iter(codings(obj, path)), None)
        if first is None or not (first.display or first.code):
            raise FhirMappingError("a condition without text or code", path=path)
        r.note(path, first.token, "read as its display text")
        text = first.display or first.code
    return text
