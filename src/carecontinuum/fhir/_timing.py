"""Schedules out to FHIR ``Timing``: the weekly dose in ``repeat``, the exact week in extensions.

The ``repeat`` element states the dose the way FHIR readers understand it
[FHIR]:

* a :class:`~carecontinuum.Schedule` of *h* hours on *d* days a week is
  ``frequency d, period 1 wk, duration h h`` (one event a day attended);
* a :class:`~carecontinuum.WeeklySchedule` with one session a day at one
  time and length is ``frequency 1, period 1 d, dayOfWeek, timeOfDay,
  duration``; with sessions of one length at several times it is ``frequency
  n, period 1 wk, dayOfWeek, duration``; with sessions of several lengths no
  single ``duration`` is true, so ``repeat`` gives ``frequency`` and
  ``dayOfWeek`` only.

Each session of a weekly schedule is also written whole in a ``session``
extension (weekday, start, duration, format, modality), so the week reads back
exactly; so are the fields FHIR has no element for (``sessions-per-week``,
``twenty-four-hour``, ``setting``, and ``schedule-start`` when a start date
goes with a length in weeks).  The course length is ``boundsDuration`` in
weeks, or ``boundsPeriod`` for dates (see :mod:`carecontinuum.fhir._dates`).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from ._dates import bounds_end
from ._errors import FhirMappingError
from ._ext import ext
from ._terms import UCUM

if TYPE_CHECKING:
    from ..modalities import Modality
    from ..schedules import Schedule, Session, WeeklySchedule
    from ._context import Writer

__all__ = ["fhir_time", "modality_coding", "number", "timing", "ucum"]


def number(value: float) -> int | float:
    """A JSON number: whole values without a trailing ``.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def ucum(value: float, unit: str, code: str) -> dict[str, Any]:
    """A FHIR Quantity (Duration) in a UCUM unit."""
    return {"value": number(value), "unit": unit, "system": UCUM, "code": code}


def fhir_time(moment: _dt.time) -> str:
    """A FHIR ``time``: ``hh:mm:ss``, with microseconds when there are any."""
    text = moment.strftime("%H:%M:%S")
    return f"{text}.{moment.microsecond:06d}" if moment.microsecond else text


def modality_coding(modality: Modality, w: Writer, path: str) -> dict[str, Any]:
    """A registered modality as a Coding in the library's modality code system.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a modality that is not registered, or differs from the registered one
        of its code: only a code can be written, and it must read back unchanged.
    """
    import carecontinuum as cc

    try:
        registered = cc.modality(modality.code)
    except LookupError:
        registered = None
    if registered != modality:
        why = "is not registered" if registered is None else "differs from the registered one"
        raise FhirMappingError(
            f"modality {modality.code!r} {why}: FHIR carries a modality by its code, so "
            "register it (carecontinuum.register_modality) before exporting",
            path=path,
        )
    return {"system": w.urls.system("modality"), "code": modality.code, "display": modality.name}


def _session(session: Session, index: int, w: Writer) -> dict[str, Any]:
    parts = [
        ext("weekday", "Code", session.weekday.short),
        ext("start", "Time", fhir_time(session.start)),
        ext("duration", "Duration", ucum(session.duration, "h", "h")),
        ext("format", "Code", session.format.value),
    ]
    if session.modality is not None:
        coding = modality_coding(session.modality, w, f"sessions[{index}].modality")
        parts.append(ext("modality", "Coding", coding))
    return {"url": w.urls.ext("session"), "extension": parts}


def _weekly_repeat(schedule: WeeklySchedule) -> dict[str, Any]:
    sessions = schedule.sessions
    days = [d.short for d in schedule.days_attended]
    lengths = {s.duration_microseconds for s in sessions}
    starts = {s.start_microsecond for s in sessions}
    if len(sessions) == len(days) and len(lengths) == 1 and len(starts) == 1:
        return {
            "frequency": 1,
            "period": 1,
            "periodUnit": "d",
            "dayOfWeek": days,
            "timeOfDay": [fhir_time(sessions[0].start)],
            "duration": number(sessions[0].duration),
            "durationUnit": "h",
        }
    repeat: dict[str, Any] = {
        "frequency": len(sessions),
        "period": 1,
        "periodUnit": "wk",
        "dayOfWeek": days,
    }
    if len(lengths) == 1:
        repeat["duration"] = number(sessions[0].duration)
        repeat["durationUnit"] = "h"
    return repeat


def timing(schedule: Schedule | WeeklySchedule, w: Writer) -> dict[str, Any]:
    """The Timing datatype of *schedule*, as a JSON-ready dict."""
    from ..schedules import WeeklySchedule

    extensions: list[dict[str, Any]] = []
    if isinstance(schedule, WeeklySchedule):
        repeat = _weekly_repeat(schedule)
        extensions.extend(_session(s, i, w) for i, s in enumerate(schedule.sessions))
    else:
        repeat = {
            "frequency": schedule.days_per_week,
            "period": 1,
            "periodUnit": "wk",
            "duration": number(schedule.hours_per_day),
            "durationUnit": "h",
        }
        if schedule.sessions_per_week is not None:
            extensions.append(
                ext(w.urls.ext("sessions-per-week"), "Decimal", number(schedule.sessions_per_week))
            )
    if schedule.weeks is not None:
        repeat["boundsDuration"] = ucum(schedule.weeks, "wk", "wk")
        if schedule.start is not None:
            extensions.append(ext(w.urls.ext("schedule-start"), "Date", schedule.start.isoformat()))
    elif schedule.start is not None:
        period = {"start": schedule.start.isoformat()}
        if schedule.end is not None:
            period["end"] = bounds_end(schedule.end)
        repeat["boundsPeriod"] = period
    if schedule.twenty_four_hour:
        extensions.append(ext(w.urls.ext("twenty-four-hour"), "Boolean", True))
    if schedule.setting is not None:
        extensions.append(ext(w.urls.ext("setting"), "Code", schedule.setting.value))
    out: dict[str, Any] = {}
    if extensions:
        out["extension"] = extensions
    out["repeat"] = repeat
    return out
