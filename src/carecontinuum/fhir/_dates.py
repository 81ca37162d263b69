"""How calendar dates cross into FHIR, in one place so the convention is easy to change.

Assumptions, documented on the FHIR docs page:

* ``Placement.end`` is the discharge date (``length_of_stay`` is
  ``end - start``, and a transfer ends one placement on the day the next
  begins).  A FHIR Period with date precision includes its end day, and a
  person discharged on a day was in care that day, so the discharge date is
  written as ``Period.end`` unchanged, and read back unchanged.
* A schedule's ``end`` is the first day after the course (Monday 8 January to
  Monday 19 February is 6 weeks), so ``Timing.repeat.boundsPeriod.end``, which
  is inclusive, is written one day earlier and read back one day later.
* A FHIR ``dateTime`` read where a date is expected becomes its own local
  calendar date (``2024-03-01T23:30:00-05:00`` is 1 March), never converted to
  UTC first; a partial date (``2024`` or ``2024-03``) is not a calendar date.
"""

from __future__ import annotations

import datetime as _dt
import re

from .._text import echo
from ._errors import FhirError, FhirMappingError

__all__ = [
    "bounds_end",
    "discharge_as_period_end",
    "discharge_date",
    "parse_date",
    "period_end",
    "schedule_end",
]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$")
_FRACTION = re.compile(r"(\.\d{1,6})\d*")  # Python reads microseconds; FHIR allows nanoseconds
_ONE_DAY = _dt.timedelta(days=1)


def discharge_as_period_end(end: _dt.date) -> _dt.date:
    """The date ``Period.end`` holds for a placement's discharge date: the same date."""
    return end


def period_end(end: _dt.date) -> str:
    """``Period.end`` for a placement's discharge date, as text."""
    return discharge_as_period_end(end).isoformat()


def discharge_date(end: _dt.date) -> _dt.date:
    """A placement's discharge date from ``Period.end``: the same date."""
    return end


def bounds_end(end: _dt.date) -> str:
    """``boundsPeriod.end`` (inclusive) for a schedule's end (the day after the course)."""
    return (end - _ONE_DAY).isoformat()


def schedule_end(last_day: _dt.date, path: str) -> _dt.date:
    """A schedule's end (the day after the course) from an inclusive ``boundsPeriod.end``."""
    try:
        return last_day + _ONE_DAY
    except OverflowError:
        raise FhirMappingError(
            f"{last_day.isoformat()} is the last representable day: a schedule's end "
            "(the day after its last day) would fall after 9999-12-31",
            path=path,
        ) from None


def parse_date(value: object, path: str) -> _dt.date:
    """A FHIR ``date`` or ``dateTime`` as a calendar date (its own local date).

    Raises
    ------
    carecontinuum.fhir.FhirError
        For a value that is not a FHIR date or dateTime string.
    carecontinuum.fhir.FhirMappingError
        For a partial date (a year, or a year and month).

    Examples
    --------
    >>> parse_date("2024-03-01T23:30:00-05:00", "Encounter.actualPeriod.start")
    datetime.date(2024, 3, 1)
    >>> parse_date("2024-03", "Encounter.actualPeriod.start")
    Traceback (most recent call last):
    ...
    carecontinuum.fhir._errors.FhirMappingError: Encounter.actualPeriod.start: '2024-03' ...
    """
    if not isinstance(value, str):
        raise FhirError(f"must be a date string, not {type(value).__name__}", path=path)
    if _DATE.match(value):
        if len(value) < 10:
            raise FhirMappingError(
                f"{echo(value)} is a partial date; a placement or schedule needs a calendar "
                "date (YYYY-MM-DD)",
                path=path,
            )
        text = value
    elif _DATETIME.match(value):
        try:  # the whole value must be valid; its wall-clock date is kept, whatever the offset
            return _dt.datetime.fromisoformat(_FRACTION.sub(r"\1", value)).date()
        except ValueError as err:
            raise FhirError(f"{echo(value)} is not a valid dateTime: {err}", path=path) from None
    else:
        raise FhirError(f"{echo(value)} is not a FHIR date (YYYY-MM-DD) or dateTime", path=path)
    try:
        return _dt.date.fromisoformat(text)
    except ValueError as err:
        raise FhirError(f"{echo(value)} is not a valid date: {err}", path=path) from None
