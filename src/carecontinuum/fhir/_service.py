"""Programs out to FHIR ``HealthcareService``.

=====================  ==============================================================
Program                HealthcareService
=====================  ==============================================================
``name``               ``name``
``level``              ``type``: the level in the continuum code system
``schedule``           the ``schedule`` extension (a Timing); a weekly schedule also
                       gives ``availability`` (R5) / ``availableTime`` (R4B)
``modalities``         ``program``: each in the library's modality code system
``ages``               ``eligibility`` with the ``age-range`` extension (a Range in years)
``age_groups``         ``eligibility`` coded in the locator's age-group system
``payment``            ``characteristic`` coded in the locator's payment system
``special_groups``     ``characteristic`` coded in the locator's special-group system
``languages``          ``communication``: BCP-47 where the name is known, text always
``conditions``         ``specialty`` (text)
``structure``          ``extraDetails``
``description``        ``comment``
``communities``,       the ``community``, ``length-of-stay``, ``philosophy`` and
``length_of_stay``,    ``transition-plan`` extensions
``philosophy``,
``transition_plan``
=====================  ==============================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._ext import ext
from ._languages import language_tag
from ._levels import level_coding
from ._ranges import range_json
from ._terms import BCP47, UCUM
from ._timing import fhir_time, modality_coding, timing

if TYPE_CHECKING:
    from enum import Enum

    from ..programs import Program
    from ..schedules import WeeklySchedule
    from ._context import Writer

__all__ = ["availability", "healthcare_service"]


def _coded(system: str, member: Enum) -> dict[str, Any]:
    display = str(getattr(member, "label", member.name))
    return {"coding": [{"system": system, "code": str(member.value), "display": display}]}


def _age_range(program: Program, w: Writer) -> dict[str, Any]:
    assert program.ages is not None
    ages = program.ages
    value: dict[str, Any] = {
        "low": {"value": ages.min_age, "unit": "years", "system": UCUM, "code": "a"}
    }
    if ages.max_age is not None:
        value["high"] = {"value": ages.max_age, "unit": "years", "system": UCUM, "code": "a"}
    return {
        "extension": [ext(w.urls.ext("age-range"), "Range", value)],
        "code": {"text": f"ages {ages}"},
    }


def availability(schedule: WeeklySchedule, release: str) -> list[dict[str, Any]]:
    """One ``availableTime`` per session: its weekday and clock span.

    A session that ends at midnight has no ``availableEndTime`` (FHIR times stop
    at 23:59:59); a 24-hour session is ``allDay``.
    """
    times = []
    for s in schedule.sessions:
        slot: dict[str, Any] = {"daysOfWeek": [s.weekday.short]}
        if s.duration_microseconds == 24 * 3_600_000_000:
            slot["allDay"] = True
        else:
            slot["availableStartTime"] = fhir_time(s.start)
            end = s.end_microsecond
            if end < 24 * 3_600_000_000:
                import datetime as _dt

                whole, micro = divmod(end, 1_000_000)
                clock = _dt.time(whole // 3600, whole // 60 % 60, whole % 60, micro)
                slot["availableEndTime"] = fhir_time(clock)
        times.append(slot)
    return [{"availableTime": times}] if release == "R5" else times


def _extensions(program: Program, schedule: Any, w: Writer) -> list[dict[str, Any]]:
    """What a HealthcareService has no element for: the documented extensions."""
    out: list[dict[str, Any]] = []
    if schedule is not None:
        out.append(ext(w.urls.ext("schedule"), "Timing", timing(schedule, w)))
    out.extend(ext(w.urls.ext("community"), "String", c) for c in program.communities)
    if program.length_of_stay is not None:
        out.append(
            ext(w.urls.ext("length-of-stay"), "Range", range_json(program.length_of_stay, w))
        )
    texts = (("philosophy", program.philosophy), ("transition-plan", program.transition_plan))
    out.extend(ext(w.urls.ext(name), "String", text) for name, text in texts if text)
    return out


def _eligibility(program: Program, w: Writer) -> list[dict[str, Any]]:
    out = [_age_range(program, w)] if program.ages is not None else []
    system = w.urls.system("locator-age-group")
    out.extend({"code": _coded(system, g)} for g in program.age_groups)
    return out


def healthcare_service(
    program: Program, w: Writer, *, resource_id: str | None = None, path: str = "program"
) -> dict[str, Any]:
    """The HealthcareService of *program*, as a JSON-ready dict."""
    from ..schedules import WeeklySchedule

    hs: dict[str, Any] = {"resourceType": "HealthcareService"}
    if resource_id is not None:
        hs["id"] = resource_id
    schedule = getattr(program, "schedule", None)  # may become optional
    extensions = _extensions(program, schedule, w)
    if extensions:
        hs["extension"] = extensions
    hs["active"] = True
    hs["name"] = program.name
    hs["type"] = [{"coding": [level_coding(program.care_level, w)]}]
    optional: dict[str, Any] = {
        "specialty": [{"text": c} for c in program.conditions],
        "comment": program.description,
        "extraDetails": program.structure,
        "eligibility": _eligibility(program, w),
        "program": [
            {"coding": [modality_coding(m, w, f"{path}.modalities[{i}]")], "text": m.name}
            for i, m in enumerate(program.modalities)
        ],
        "characteristic": [
            *(_coded(w.urls.system("locator-payment"), p) for p in program.payment),
            *(_coded(w.urls.system("locator-special-group"), g) for g in program.special_groups),
        ],
        "communication": [_language(lang) for lang in program.languages],
    }
    hs.update((key, value) for key, value in optional.items() if value)  # FHIR has no empties
    if isinstance(schedule, WeeklySchedule):
        key = "availability" if w.release == "R5" else "availableTime"
        hs[key] = availability(schedule, w.release)
    return hs


def _language(name: str) -> dict[str, Any]:
    tag = language_tag(name)
    concept: dict[str, Any] = {}
    if tag is not None:
        concept["coding"] = [{"system": BCP47, "code": tag, "display": name}]
    concept["text"] = name
    return concept
