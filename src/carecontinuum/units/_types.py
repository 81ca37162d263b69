"""Named quantity field types used across the library's models.

Each is ``Annotated[float, InUnit(...)]`` (``int`` for whole days): the model
attribute is a plain number in the unit its name says, and
:func:`carecontinuum.units.quantity` turns it into a pint quantity on demand.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated

from ._field import InUnit

__all__ = [
    "CALENDAR_DAYS",
    "Days",
    "DaysPerWeek",
    "Hours",
    "HoursPerDay",
    "HoursPerWeek",
    "NonNegativeHours",
    "Sessions",
    "SessionsPerWeek",
    "Weeks",
]

#: Days from 0001-01-01 to 9999-12-31, the span of the calendar: no duration is longer.
#: (A bound of computation, not a clinical fact: it keeps totals finite.)
CALENDAR_DAYS = (_dt.date.max - _dt.date.min).days

#: A positive duration in hours (a session's length, total treatment hours).
Hours = Annotated[float, InUnit("hour", label="a duration", gt=0)]
#: A duration in hours that may be zero (hours attended in a week).
NonNegativeHours = Annotated[float, InUnit("hour", label="a duration", ge=0)]
#: A positive duration in days (a length of stay), at most the calendar's span.
Days = Annotated[float, InUnit("day", label="a duration", gt=0, le=CALENDAR_DAYS)]
#: A positive duration in weeks (a program's length), at most the calendar's span.
Weeks = Annotated[float, InUnit("week", label="a duration", gt=0, le=CALENDAR_DAYS / 7)]
#: Hours of treatment per day attended: over 0 and at most 24.
HoursPerDay = Annotated[float, InUnit("hour / day", per="day", label="hours per day", gt=0, le=24)]
#: Days attended per week: a whole number from 1 to 7.
DaysPerWeek = Annotated[
    int, InUnit("day / week", per="week", label="days per week", ge=1, le=7, integer=True)
]
#: Hours of treatment per week: at least 0 and at most 168.
HoursPerWeek = Annotated[
    float, InUnit("hour / week", per="week", label="hours per week", ge=0, le=168)
]
#: A positive count of sessions (a course of treatment).
Sessions = Annotated[int, InUnit("session", label="a number of sessions", gt=0, integer=True)]
#: Sessions per week: more than 0.
SessionsPerWeek = Annotated[
    float, InUnit("session / week", per="week", label="sessions per week", gt=0)
]
