"""FHIR ``Encounter`` back into a :class:`~carecontinuum.Placement`: no silent guesses.

The level is read, in this order, from: a ``type`` coding in the library's
level code systems (a framework coding wins over its continuum counterpart,
and the two must agree); ``level_map`` applied to the ``type`` codings; then
``level_map`` applied to ``class``; then ``class`` itself when it stands for
exactly one level (R4B ACUTE, NONAC).  AMB could be outpatient, IOP or PHP,
and IMP residential or inpatient acute: those raise
:class:`FhirMappingError` listing the candidates.  EMER, HH, VR, OBSENC (and
FLD, PRENC, SS) have no continuum level: an error names the class.  Codings
that name no level are kept in the import's ``unmapped`` list, not dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._dates import discharge_date, parse_date
from ._errors import FhirMappingError
from ._ext import Extensions
from ._levels import own_level, settle
from ._node import Coding, as_dict, coding, codings, opt_dict, opt_list, opt_str
from ._refs import BundleIndex, resolve
from ._terms import NO_LEVEL_CLASSES, V3_ACT_CODE, class_candidates

if TYPE_CHECKING:
    from ..journeys import Placement
    from ..levels import CareLevel
    from ._context import Reader

__all__ = ["read_encounter"]

_OPEN = frozenset({"in-progress", "arrived", "triaged", "onleave", "on-hold"})
_ENDED = frozenset({"finished", "completed", "discharged", "discontinued"})
_HOUSEKEEPING = frozenset({"resourceType", "id", "meta", "text", "contained"})


def _class_codings(enc: Mapping[str, Any], path: str, r: Reader) -> list[Coding]:
    value = enc.get("class")
    if value is None:
        return []
    if r.release == "R4B":
        return [coding(value, f"{path}.class")]
    if not isinstance(value, list):
        raise FhirMappingError(
            "R5 Encounter.class is a list of CodeableConcepts", path=f"{path}.class"
        )
    return [c for i, cc in enumerate(value) for c in codings(cc, f"{path}.class[{i}]")]


def _level(enc: Mapping[str, Any], path: str, r: Reader) -> CareLevel:
    own: list[tuple[CareLevel, Coding]] = []
    mapped: list[tuple[CareLevel, Coding]] = []
    for i, concept in enumerate(opt_list(enc, "type", path)):
        for c in codings(concept, f"{path}.type[{i}]"):
            lv = own_level(c, r)
            if lv is not None:
                own.append((lv, c))
            elif c.token in r.level_map:
                mapped.append((r.level_map[c.token], c))
            else:
                r.note(c.path, c.token, "a type coding that names no level")
    level = settle(own, f"{path}.type") or settle(mapped, f"{path}.type")
    classes = _class_codings(enc, path, r)
    by_class = [(r.level_map[c.token], c) for c in classes if c.token in r.level_map]
    if level is None:
        level = settle(by_class, f"{path}.class")
    if level is not None:
        return level
    act = [c for c in classes if c.system == V3_ACT_CODE]
    if not act:
        shown = ", ".join(c.token for c in classes) or "none"
        raise FhirMappingError(
            f"no level: type has no level coding and class has no v3 ActCode code (class: "
            f"{shown}); pass level_map={{'system|code': level}}",
            path=f"{path}.class",
        )
    code = act[0].code
    if code in NO_LEVEL_CLASSES:
        raise FhirMappingError(
            f"class {code!r} has no level in the continuum of care (the continuum's levels "
            "are ambulatory, residential or inpatient); pass level_map to map it anyway",
            path=act[0].path,
        )
    if code == "IMP" and r.release == "R4B":
        raise FhirMappingError(
            "class IMP without ACUTE or NONAC is ambiguous in R4B (residential or inpatient "
            "acute); add a level coding to type, or pass level_map",
            path=act[0].path,
            candidates=[lv.code for lv in class_candidates(code)],
        )
    candidates = class_candidates(code)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise FhirMappingError(
            f"class {echo(code)} names no level of the continuum", path=act[0].path
        )
    raise FhirMappingError(
        f"class {code!r} could be any of {', '.join(lv.code for lv in candidates)}; add a "
        f"level coding to type, or pass level_map={{'{act[0].token}': level}}",
        path=act[0].path,
        candidates=[lv.code for lv in candidates],
    )


def _reason(enc: Mapping[str, Any], path: str, r: Reader) -> Any:
    import carecontinuum as cc

    holder_key = "admission" if r.release == "R5" else "hospitalization"
    holder = opt_dict(enc, holder_key, path)
    if holder is None:
        return None
    where = f"{path}.{holder_key}"
    for key in holder:
        if key != "dischargeDisposition":
            r.note(f"{where}.{key}", key, "an element a Placement has no place for")
    disposition = opt_dict(holder, "dischargeDisposition", where)
    if disposition is None:
        return None
    found = None
    for c in codings(disposition, f"{where}.dischargeDisposition"):
        if c.system == r.urls.system("teds-reason"):
            try:
                found = cc.DischargeReason(int(c.code))
            except ValueError:
                known = ", ".join(str(m.value) for m in cc.DischargeReason)
                raise FhirMappingError(
                    f"code {echo(c.code)} is not a TEDS discharge reason ({known})", path=c.path
                ) from None
        else:
            r.note(c.path, c.token, "a discharge disposition outside the TEDS reasons")
    return found


def _schedule(enc: Mapping[str, Any], path: str, r: Reader, bundle: BundleIndex | None) -> Any:
    from ._timing_read import read_timing

    found = None
    for i, ref in enumerate(opt_list(enc, "basedOn", path)):
        where = f"{path}.basedOn[{i}]"
        target = resolve(ref, where, (enc, path), bundle)
        if target is None:
            r.note(where, str(as_dict(ref, where).get("reference")), "a request outside the input")
            continue
        resource, at = target
        timing = opt_dict(resource, "occurrenceTiming", at)
        if resource.get("resourceType") != "ServiceRequest" or timing is None:
            r.note(at, str(resource.get("resourceType")), "a request without occurrenceTiming")
            continue
        if found is not None:
            raise FhirMappingError("two requests with a schedule: a placement has one", path=at)
        found = read_timing(timing, f"{at}.occurrenceTiming", r)
    return found


def _program(enc: Mapping[str, Any], path: str, r: Reader, bundle: BundleIndex | None) -> Any:
    from ._service_read import read_program

    refs: list[tuple[Any, str]] = []
    if r.release == "R5":
        for i, item in enumerate(opt_list(enc, "serviceType", path)):
            where = f"{path}.serviceType[{i}]"
            obj = as_dict(item, where)
            if "reference" in obj:
                refs.append((obj["reference"], f"{where}.reference"))
            if "concept" in obj:
                r.note(f"{where}.concept", "serviceType", "a service type is not a program")
    else:
        if "serviceType" in enc:
            r.note(f"{path}.serviceType", "serviceType", "a service type is not a program")
        found = Extensions(enc, r.urls.sd, path).value("program", "Reference")
        if found is not None:
            refs.append(found)
    program = None
    for ref, where in refs:
        target = resolve(ref, where, (enc, path), bundle)
        if target is None:
            r.note(where, str(as_dict(ref, where).get("reference")), "a service outside the input")
            continue
        resource, at = target
        if resource.get("resourceType") != "HealthcareService":
            raise FhirMappingError("a program must be a HealthcareService", path=at)
        if program is not None:
            raise FhirMappingError("two programs: a placement attends one", path=at)
        program = read_program(resource, at, r)
    return program


def read_encounter(
    enc: Mapping[str, Any], path: str, r: Reader, bundle: BundleIndex | None = None
) -> Placement:
    """The :class:`~carecontinuum.Placement` an Encounter records.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For an encounter that is not a placement (planned, cancelled), has no
        admission date, or whose level cannot be told without guessing.
    """
    import carecontinuum as cc

    from ._build import build

    if "modifierExtension" in enc:
        raise FhirMappingError(
            "a modifierExtension this bridge cannot read", path=f"{path}.modifierExtension"
        )
    status = opt_str(enc, "status", path)
    if status not in _OPEN and status not in _ENDED:
        raise FhirMappingError(
            f"status {echo(status)}: only an encounter that has begun is a placement",
            path=f"{path}.status",
        )
    level = _level(enc, path, r)
    period_key = "actualPeriod" if r.release == "R5" else "period"
    period = opt_dict(enc, period_key, path)
    where = f"{path}.{period_key}"
    if period is None or opt_str(period, "start", where) is None:
        raise FhirMappingError(
            "no start date: a placement needs its admission date", path=f"{where}.start"
        )
    start = parse_date(period["start"], f"{where}.start")
    end_text = opt_str(period, "end", where)
    end = None if end_text is None else discharge_date(parse_date(end_text, f"{where}.end"))
    if status in _ENDED and end is None:
        raise FhirMappingError(f"status {status!r} without an end date", path=f"{where}.end")
    values: dict[str, Any] = {"level": level, "start": start, "end": end}
    reason = _reason(enc, path, r)
    if reason is not None:
        values["discharge_reason"] = reason
    schedule = _schedule(enc, path, r, bundle)
    if schedule is not None:
        values["schedule"] = schedule
    program = _program(enc, path, r, bundle)
    if program is not None:
        values["program"] = program
    own = Extensions(enc, r.urls.sd, path)
    for url, at in own.foreign:
        r.note(at, url, "an extension of another publisher")
    unknown = own.unknown(frozenset({"program"}))
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    used = {
        "status",
        "class",
        "type",
        period_key,
        "basedOn",
        "serviceType",
        "extension",
        "subject",
        "episodeOfCare",
        "admission" if r.release == "R5" else "hospitalization",
    }
    for key in enc:
        if key not in used and key not in _HOUSEKEEPING:
            r.note(f"{path}.{key}", key, "an element a Placement has no place for")
    return build(cc.Placement, path, **values)
