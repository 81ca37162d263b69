"""Placements out to FHIR ``Encounter`` (one per placement).

* ``class``: AMB for the ambulatory levels; inpatient levels take NONAC or
  ACUTE in R4B and IMP in R5, whose encounter-class value set has no NONAC or
  ACUTE [FHIR].  The codes come from the levels' own data (``CareLevel.codes``).
* ``type``: the level in the continuum code system, then the framework's own
  coding when the placement was given in a framework.
* ``period`` (R4B) / ``actualPeriod`` (R5); status ``finished`` (R4B) or
  ``completed`` (R5), ``in-progress`` while open.
* the discharge reason: ``hospitalization`` (R4B) / ``admission`` (R5)
  ``.dischargeDisposition``, coded in the library's TEDS-reason code system.
* the schedule: a contained ``ServiceRequest`` whose ``occurrenceTiming`` is
  the schedule's Timing, referenced from ``basedOn``.
* the program: a contained ``HealthcareService``, referenced from
  ``serviceType`` (R5) or the ``program`` extension (R4B, which has no
  reference from Encounter to HealthcareService).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._dates import discharge_as_period_end, period_end
from ._errors import FhirMappingError
from ._ext import ext
from ._levels import level_concepts, registered_level
from ._strings import check_output
from ._terms import V3_ACT_CODE, class_codes, class_display, class_for
from ._timing import timing

if TYPE_CHECKING:
    from ..journeys import DischargeReason, Placement
    from ..levels import CareLevel
    from ..schedules import Schedule, WeeklySchedule
    from ._context import Writer

__all__ = [
    "PLACEHOLDER_SUBJECT",
    "encounter",
    "encounter_line",
    "fresh",
    "service_request",
]

#: The subject of a resource written without a person: a display-only placeholder.
PLACEHOLDER_SUBJECT: dict[str, Any] = {"display": "person not identified"}
_SCHEDULE_ID = "schedule"
_PROGRAM_ID = "program"


def fresh(value: Any) -> Any:
    """A copy of nested dicts and lists, so results never share mutable parts."""
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [fresh(v) for v in value]
    return value


def _level_parts(level: CareLevel, w: Writer, path: str) -> tuple[Any, Any, str]:
    """``class``, ``type`` and their JSON text for *level*, computed once per export."""
    hit = w.levels.get(id(level))
    if hit is not None and hit[0] is level:
        return hit[1], hit[2], hit[3]
    lv = registered_level(level, path)
    code = class_for(class_codes(lv), w.release)
    if code is None:
        raise FhirMappingError(
            f"level {lv.code!r} of {lv.framework!r} has no FHIR encounter class in the "
            "library's data, and no continuum counterpart that has one",
            path=path,
        )
    coding: dict[str, Any] = {"system": V3_ACT_CODE, "code": code}
    display = class_display(code)
    if display:
        coding["display"] = display
    klass: Any = [{"coding": [coding]}] if w.release == "R5" else coding
    types = level_concepts(lv, w)
    check_output(types, f"{path}.type")
    text = f'"class":{_dumps(klass)},"type":{_dumps(types)}'
    w.levels[id(level)] = (level, klass, types, text)
    return klass, types, text


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))  # ASCII: safe for any line splitter


def _reason(reason: DischargeReason, w: Writer) -> dict[str, Any]:
    return {
        "coding": [
            {
                "system": w.urls.system("teds-reason"),
                "code": str(reason.value),
                "display": reason.label,
            }
        ]
    }


def service_request(
    schedule: Schedule | WeeklySchedule,
    w: Writer,
    *,
    subject: dict[str, Any],
    ended: bool,
    level: CareLevel | None = None,
) -> dict[str, Any]:
    """A ServiceRequest whose ``occurrenceTiming`` is *schedule*."""
    sr: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": _SCHEDULE_ID,
        "status": "completed" if ended else "active",
        "intent": "plan",
    }
    if level is not None:
        concept = level_concepts(level, w)[0]
        sr["code"] = {"concept": concept} if w.release == "R5" else concept
    sr["subject"] = fresh(subject)
    sr["occurrenceTiming"] = timing(schedule, w)
    return sr


def encounter(
    p: Placement,
    w: Writer,
    *,
    resource_id: str | None = None,
    episode: str | None = None,
    subject: dict[str, Any] | None = None,
    path: str = "placement",
) -> dict[str, Any]:
    """The Encounter of placement *p*, as a JSON-ready dict."""
    from ._service import healthcare_service

    klass, types, _ = _level_parts(p.level, w, f"{path}.level")
    r5 = w.release == "R5"
    enc: dict[str, Any] = {"resourceType": "Encounter"}
    if resource_id is not None:
        enc["id"] = resource_id
    contained: list[dict[str, Any]] = []
    if p.schedule is not None:
        contained.append(
            service_request(
                p.schedule,
                w,
                subject=subject or PLACEHOLDER_SUBJECT,
                ended=p.end is not None,
                level=registered_level(p.level, f"{path}.level"),
            )
        )
    if p.program is not None:
        contained.append(healthcare_service(p.program, w, resource_id=_PROGRAM_ID))
        if not r5:
            enc["extension"] = [ext(w.urls.ext("program"), "Reference", {"reference": "#program"})]
    if contained:
        enc["contained"] = contained
    enc["status"] = "in-progress" if p.end is None else "completed" if r5 else "finished"
    enc["class"] = fresh(klass)
    enc["type"] = fresh(types)
    if r5 and p.program is not None:
        enc["serviceType"] = [{"reference": {"reference": f"#{_PROGRAM_ID}"}}]
    if subject is not None:
        enc["subject"] = fresh(subject)
    if episode is not None:
        enc["episodeOfCare"] = [{"reference": episode}]
    if p.schedule is not None:
        enc["basedOn"] = [{"reference": f"#{_SCHEDULE_ID}"}]
    period = {"start": p.start.isoformat()}
    if p.end is not None:
        period["end"] = period_end(p.end)
    enc["actualPeriod" if r5 else "period"] = period
    if p.discharge_reason is not None:
        enc["admission" if r5 else "hospitalization"] = {
            "dischargeDisposition": _reason(p.discharge_reason, w)
        }
    return enc


def encounter_line(
    p: Placement, w: Writer, *, resource_id: str, episode: str, subject_json: str, path: str
) -> str:
    """The same Encounter as :func:`encounter`, as one line of JSON text, built fast.

    The level's ``class`` and ``type`` and the subject are serialized once per
    export and spliced in; ids, dates and codes are plain ASCII that needs no
    escaping.  A placement with a schedule or a program takes the general path.
    """
    if p.schedule is not None or p.program is not None:
        resource = encounter(
            p,
            w,
            resource_id=resource_id,
            episode=episode,
            subject=json.loads(subject_json),
            path=path,
        )
        check_output(resource, path)
        return _dumps(resource)
    level = p.level
    hit = w.levels.get(id(level))
    parts = (
        hit[3]
        if hit is not None and hit[0] is level
        else _level_parts(level, w, f"{path}.level")[2]
    )
    r5 = w.release == "R5"
    end = p.end
    start = w.iso(p.start)
    if end is None:
        status, period = "in-progress", f'{{"start":"{start}"}}'
    else:
        status = "completed" if r5 else "finished"
        period = f'{{"start":"{start}","end":"{w.iso(discharge_as_period_end(end))}"}}'
    line = (
        f'{{"resourceType":"Encounter","id":"{resource_id}","status":"{status}",{parts},'
        f'"subject":{subject_json},"episodeOfCare":[{{"reference":"{episode}"}}],'
        f'"{"actualPeriod" if r5 else "period"}":{period}'
    )
    reason = p.discharge_reason
    if reason is None:
        return line + "}"
    text = w.cache.get(reason)
    if text is None:
        holder = "admission" if r5 else "hospitalization"
        text = f',"{holder}":{{"dischargeDisposition":{_dumps(_reason(reason, w))}}}}}'
        w.cache[reason] = text
    return line + text
