"""Schedules: how much treatment a program gives, per day, per week and in total.

:class:`Schedule` states hours per day × days per week (and optionally a
duration); :class:`WeeklySchedule` lists the week's :class:`Session`\\ s and
derives the same figures from them.  Both expose ``hours_per_week`` (a pint
quantity in hour/week), ``total_hours`` (when a duration is known),
``days_per_week`` and ``sessions_per_week``, and both can mark a 24-hour
(residential or hospital) setting.

Examples
--------
>>> import carecontinuum as cc
>>> cc.Schedule(hours_per_day=3, days_per_week=3).hours_per_week
<Quantity(9.0, 'hour / week')>
"""

from __future__ import annotations

from typing import TypeAlias

from .._signature import readable
from ._base import ScheduleBase
from ._exact import MICROSECONDS_PER_HOUR
from ._schedule import Schedule
from ._session import Session, Weekday, WeekdayField, weekday
from ._union import ScheduleField, schedule_kind
from ._weekly import WeeklySchedule

#: Either kind of schedule.
AnySchedule: TypeAlias = Schedule | WeeklySchedule

__all__ = [
    "MICROSECONDS_PER_HOUR",
    "AnySchedule",
    "Schedule",
    "ScheduleBase",
    "ScheduleField",
    "Session",
    "Weekday",
    "WeekdayField",
    "WeeklySchedule",
    "schedule_kind",
    "weekday",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(Schedule, WeeklySchedule, Session)
