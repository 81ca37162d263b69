"""FHIR ``Timing`` back into a schedule, with the weekly dose computed exactly.

A Timing the library wrote carries its sessions in extensions and reads back
as the same :class:`~carecontinuum.WeeklySchedule` or
:class:`~carecontinuum.Schedule`.  A Timing another system wrote reads as a
:class:`~carecontinuum.Schedule` when its ``repeat`` defines one weekly dose:

* ``duration`` with a unit of time (s, min, h, d) is the length of each event;
* per-day repeats (``periodUnit`` d and ``period`` 1, or h/min/s) give events
  a day, on the ``dayOfWeek`` days, or on every day when none are listed;
* per-week repeats (``periodUnit`` wk) give events a week: on the
  ``dayOfWeek`` days, else one event on each of that many days;
* ``timeOfDay`` lists the events of a day.

Hours are summed as fractions (``0.1`` is 1/10), never as floats.  A Timing
without a duration, with ranges (``durationMax``, ``frequencyMax``,
``periodMax``), counts, ``when``/``offset``, event dates, months or years, or
units that are not units of time raises :class:`FhirMappingError` saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._dates import parse_date, schedule_end
from ._errors import FhirError, FhirMappingError
from ._ext import Extensions
from ._node import as_dict, codings, decimal, opt_dict, opt_list, opt_str

if TYPE_CHECKING:
    from ..schedules import Schedule, Session, WeeklySchedule
    from ._context import Reader

__all__ = ["HOURS_PER", "read_timing", "weekly_dose"]

#: Hours in one unit of time (UCUM units-of-time); months and years have no fixed length.
HOURS_PER: dict[str, Fraction] = {
    "s": Fraction(1, 3600),
    "min": Fraction(1, 60),
    "h": Fraction(1),
    "d": Fraction(24),
    "wk": Fraction(168),
}
_CALENDAR = ("mo", "a")
_REPEAT_KEYS = frozenset(
    {
        "frequency",
        "period",
        "periodUnit",
        "duration",
        "durationUnit",
        "dayOfWeek",
        "timeOfDay",
        "boundsDuration",
        "boundsPeriod",
    }
)
_WHY_NOT: dict[str, str] = {
    "durationMax": "a range of durations is not one dose",
    "frequencyMax": "a range of frequencies is not one dose",
    "periodMax": "a range of periods is not one dose",
    "count": "a total count of events has no place in a weekly schedule",
    "countMax": "a range of counts has no place in a weekly schedule",
    "when": "events tied to daily events (meals, waking) are not a schedule of hours",
    "offset": "events tied to daily events (meals, waking) are not a schedule of hours",
    "boundsRange": "a range of course lengths is not one length",
}
_OWN = frozenset({"session", "sessions-per-week", "twenty-four-hour", "setting", "schedule-start"})
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _unit(repeat: Mapping[str, Any], key: str, path: str, *, allow_week: bool) -> Fraction:
    unit = opt_str(repeat, key, path)
    where = f"{path}.{key}"
    if unit is None:
        raise FhirMappingError(
            f"{key} is missing: a {key.removesuffix('Unit')} needs its unit (FHIR tim-1/tim-2)",
            path=where,
        )
    if unit in _CALENDAR:
        raise FhirMappingError(
            f"{unit!r} has no fixed length in hours, so it defines no weekly dose", path=where
        )
    if unit not in HOURS_PER or (unit == "wk" and not allow_week):
        expected = "s, min, h, d, wk, mo or a" if allow_week else "s, min, h or d"
        raise FhirMappingError(
            f"{echo(unit)} is not a unit of time this Timing can use here ({expected})",
            path=where,
        )
    return HOURS_PER[unit]


def _positive(repeat: Mapping[str, Any], key: str, path: str) -> Fraction | None:
    if key not in repeat:
        return None
    value = decimal(repeat[key], f"{path}.{key}")
    if value <= 0:
        raise FhirMappingError(f"{key} must be positive, got {echo(repeat[key])}", path=path)
    return value


def _days(repeat: Mapping[str, Any], path: str) -> list[str]:
    days = list(opt_list(repeat, "dayOfWeek", path))
    for i, day in enumerate(days):
        if day not in _DAYS:
            raise FhirMappingError(
                f"{echo(day)} is not a FHIR day of week ({', '.join(_DAYS)})",
                path=f"{path}.dayOfWeek[{i}]",
            )
    if len(set(days)) != len(days):
        raise FhirMappingError("a day of week is listed twice", path=f"{path}.dayOfWeek")
    return days


def _check_keys(repeat: Mapping[str, Any], path: str) -> None:
    for key in repeat:
        if key in _WHY_NOT:
            raise FhirMappingError(f"{key}: {_WHY_NOT[key]}", path=f"{path}.{key}")
        if key not in _REPEAT_KEYS and not key.startswith(("_", "extension", "id")):
            raise FhirMappingError(f"{key!r} is not an element this bridge maps", path=path)


def _spread(per_week: Fraction, days: list[str], path: str) -> tuple[int, Fraction]:
    """Days a week and events a day of *per_week* events, on *days* (or one a day)."""
    if per_week.denominator != 1 or not 1 <= per_week <= 7 * 24:
        raise FhirMappingError(
            f"{per_week} events a week cannot be read as a number of days a week", path=path
        )
    if days:
        if per_week % len(days):
            raise FhirMappingError(
                f"{per_week} events a week do not spread evenly over the {len(days)} days "
                "listed in dayOfWeek",
                path=path,
            )
        return len(days), per_week / len(days)
    if per_week > 7:
        raise FhirMappingError(
            f"{per_week} events a week without dayOfWeek: more than one a day, and the Timing "
            "does not say which days",
            path=path,
        )
    return int(per_week), Fraction(1)


def _events(
    repeat: Mapping[str, Any], path: str
) -> tuple[Fraction, list[str], Fraction | None, Fraction]:
    """Hours an event, the listed days, events a day (per-day repeats) and events a week."""
    _check_keys(repeat, path)
    duration = _positive(repeat, "duration", path)
    if duration is None:
        raise FhirMappingError(
            "no duration: the Timing says how often, not for how long, so it defines no "
            "weekly dose",
            path=path,
        )
    hours = duration * _unit(repeat, "durationUnit", path, allow_week=False)
    days = _days(repeat, path)
    times = opt_list(repeat, "timeOfDay", path)
    frequency = _positive(repeat, "frequency", path)
    period = _positive(repeat, "period", path)
    if frequency is not None and frequency.denominator != 1:
        raise FhirMappingError(f"frequency must be a whole number, got {frequency}", path=path)
    if period is None:  # dayOfWeek and/or timeOfDay alone: per day
        if frequency is not None or "periodUnit" in repeat:
            raise FhirMappingError("a frequency needs a period and periodUnit", path=path)
        if not days and not times:
            raise FhirMappingError(
                "no frequency, period, dayOfWeek or timeOfDay: the Timing does not say how "
                "often, so it defines no weekly dose",
                path=path,
            )
        per_day = Fraction(len(times) or 1)
        return hours, days, per_day, per_day * (len(days) or 7)
    span = period * _unit(repeat, "periodUnit", path, allow_week=True)  # hours in one period
    count = frequency if frequency is not None else Fraction(len(times) or 1)
    if times and count != len(times):
        raise FhirMappingError(
            f"frequency {count} disagrees with the {len(times)} timeOfDay entries", path=path
        )
    if span <= 24 and (24 / span).denominator == 1:  # a whole number of periods a day
        per_day = count * (24 / span)
        return hours, days, per_day, per_day * (len(days) or 7)
    return hours, days, None, count * Fraction(168) / span


def weekly_dose(repeat: Mapping[str, Any], path: str) -> tuple[Fraction, int, Fraction]:
    """Hours per event, days per week and events per day attended of a ``repeat``.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        When the repeat does not define one weekly dose, saying why.
    """
    hours, days, per_day, per_week = _events(repeat, path)
    if per_day is not None:
        return hours, len(days) or 7, per_day
    n_days, per_day = _spread(per_week, days, path)
    return hours, n_days, per_day


def _session(item: Mapping[str, Any], path: str, r: Reader) -> Session:
    from ..schedules import Session
    from ._build import build

    parts = Extensions(item, "", path)
    values: dict[str, Any] = {}
    for name, kind in (("weekday", "Code"), ("start", "Time"), ("format", "Code")):
        found = parts.value(name, kind)
        if found is None:
            raise FhirMappingError(f"a session needs its {name!r}", path=path)
        values[name] = found[0]
    duration = parts.value("duration", "Duration")
    if duration is None:
        raise FhirMappingError("a session needs its 'duration'", path=path)
    quantity = as_dict(duration[0], duration[1])
    code = opt_str(quantity, "code", duration[1]) or opt_str(quantity, "unit", duration[1])
    if code not in ("h", "min", "s"):
        raise FhirMappingError(
            f"a session's duration needs a unit h, min or s, got {code!r}", path=duration[1]
        )
    value = decimal(quantity.get("value"), f"{duration[1]}.value") * HOURS_PER[code]
    values["duration"] = float(value)
    modality = parts.value("modality", "Coding")
    if modality is not None:
        values["modality"] = _modality(modality[0], modality[1], r)
    return build(Session, path, **values)


def _modality(value: Any, path: str, r: Reader) -> Any:
    import carecontinuum as cc

    obj = as_dict(value, path)
    system = opt_str(obj, "system", path)
    code = opt_str(obj, "code", path) or ""
    if system != r.urls.system("modality"):
        raise FhirMappingError(
            f"a modality must be coded in {r.urls.system('modality')}, got {echo(system)}",
            path=path,
        )
    try:
        return cc.modality(code)
    except LookupError:
        raise FhirMappingError(
            f"modality {echo(code)} is not registered in this installation", path=path
        ) from None


def _bounds(repeat: Mapping[str, Any], own: Extensions, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    bounds = opt_dict(repeat, "boundsDuration", path)
    if bounds is not None:
        where = f"{path}.boundsDuration"
        unit = opt_str(bounds, "code", where) or opt_str(bounds, "unit", where)
        value = decimal(bounds.get("value"), f"{where}.value")
        if unit not in ("wk", "d") or value <= 0:
            raise FhirMappingError(
                f"a course length must be a positive number of weeks (wk) or days (d), got "
                f"{echo(bounds.get('value'))} {echo(unit)}",
                path=where,
            )
        out["weeks"] = float(value if unit == "wk" else value / 7)
        start = own.value("schedule-start", "Date")
        if start is not None:
            out["start"] = parse_date(start[0], start[1])
    period = opt_dict(repeat, "boundsPeriod", path)
    if period is not None:
        where = f"{path}.boundsPeriod"
        if bounds is not None:
            raise FhirError("boundsDuration and boundsPeriod are one choice", path=where)
        begin = opt_str(period, "start", where)
        if begin is None:
            raise FhirMappingError("a course without a start date", path=where)
        out["start"] = parse_date(begin, f"{where}.start")
        end = opt_str(period, "end", where)
        if end is not None:
            out["end"] = schedule_end(parse_date(end, f"{where}.end"), f"{where}.end")
    return out


def _opened(timing: Mapping[str, Any], path: str, r: Reader) -> tuple[Extensions, Any]:
    """The library's extensions and the ``repeat`` of a Timing, after the refusals."""
    if "modifierExtension" in timing:
        raise FhirMappingError(
            "a modifierExtension changes the Timing's meaning in ways this bridge cannot read",
            path=f"{path}.modifierExtension",
        )
    if "event" in timing:
        raise FhirMappingError(
            "event lists dates of occurrences, not a weekly pattern", path=f"{path}.event"
        )
    own = Extensions(timing, r.urls.sd, path)
    for url, where in own.foreign:
        r.note(where, url, "an extension of another publisher")
    unknown = own.unknown(_OWN)
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    repeat = opt_dict(timing, "repeat", path)
    if repeat is None:
        what = "a code only" if "code" in timing else "no repeat element"
        raise FhirMappingError(f"{what}: the Timing defines no weekly dose", path=path)
    if "code" in timing:
        for c in codings(timing["code"], f"{path}.code"):
            r.note(c.path, c.token, "a Timing code is not kept: repeat holds the schedule")
    return own, repeat


def _common(repeat: Mapping[str, Any], own: Extensions, path: str) -> dict[str, Any]:
    """Duration, dates, 24-hour flag and setting: what both kinds of schedule share."""
    common: dict[str, Any] = _bounds(repeat, own, path)
    flag = own.boolean("twenty-four-hour")
    if flag is not None:
        common["twenty_four_hour"] = flag
    setting = own.string("setting", "Code")
    if setting is not None:
        common["setting"] = setting
    return common


def read_timing(timing: Mapping[str, Any], path: str, r: Reader) -> Schedule | WeeklySchedule:
    """The schedule a Timing describes; see the module docstring for the rules.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        When the Timing defines no weekly dose, or disagrees with its own sessions.
    """
    from ..schedules import Schedule, WeeklySchedule
    from ._build import build

    own, repeat = _opened(timing, path, r)
    where = f"{path}.repeat"
    common = _common(repeat, own, where)
    sessions = list(own.all("session"))
    if sessions:
        week = build(
            WeeklySchedule, path, sessions=[_session(item, p, r) for item, p in sessions], **common
        )
        _agrees(repeat, where, week)
        return week
    hours, days, per_day = weekly_dose(repeat, where)
    for key in ("dayOfWeek", "timeOfDay"):
        if key in repeat:
            r.note(f"{where}.{key}", key, "a Schedule keeps hours per day and days per week only")
    spw = own.value("sessions-per-week", "Decimal")
    if spw is not None:
        common["sessions_per_week"] = float(decimal(spw[0], spw[1]))
    return build(Schedule, path, hours_per_day=float(hours * per_day), days_per_week=days, **common)


def _agrees(repeat: Mapping[str, Any], path: str, week: WeeklySchedule) -> None:
    """The repeat of a Timing with sessions must state the same days and hours."""
    days = _days(repeat, path)
    if days != [d.short for d in week.days_attended]:
        raise FhirMappingError(
            f"dayOfWeek {days} disagrees with the days of the Timing's sessions "
            f"{[d.short for d in week.days_attended]}",
            path=f"{path}.dayOfWeek",
        )
    if "duration" not in repeat:
        return
    hours, _, _, per_week = _events(repeat, path)  # sessions need not spread evenly
    total = sum(Fraction(s.duration_microseconds, 3_600_000_000) for s in week.sessions)
    stated = hours * per_week
    if abs(stated - total) > per_week / 3_600_000_000:  # a microsecond a session
        raise FhirMappingError(
            f"repeat states {float(stated):g} h a week but the sessions add up to "
            f"{float(total):g} h",
            path=path,
        )
