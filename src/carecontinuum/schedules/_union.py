"""A schedule field: either kind of schedule, told apart by its shape (a tagged union).

A document with ``sessions`` is a :class:`WeeklySchedule`; any other is a
:class:`Schedule` (hours per day × days per week).  Telling the branch from the
shape before validating means an error names the right branch's fields only
(``schedule.Schedule.hours_per_day``), never a mix of both; JSON written before
the union was tagged reads the same.

Examples
--------
>>> from pydantic import BaseModel
>>> class Plan(BaseModel):
...     schedule: ScheduleField
>>> type(Plan(schedule={"hours_per_day": 3, "days_per_week": 3}).schedule).__name__
'Schedule'
>>> Plan(schedule={"hours_per_day": 3})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Plan
schedule.Schedule.days_per_week
  Field required ...
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Tag

from ._schedule import Schedule
from ._weekly import WeeklySchedule

__all__ = ["ScheduleField", "schedule_kind"]


def schedule_kind(value: Any) -> str:
    """``"WeeklySchedule"`` for a weekly template (it has sessions), else ``"Schedule"``.

    Parameters
    ----------
    value:
        A schedule object, or the mapping a schedule is read from.

    Returns
    -------
    str
        ``"WeeklySchedule"`` or ``"Schedule"``.
    """
    if isinstance(value, WeeklySchedule):
        return "WeeklySchedule"
    if isinstance(value, dict) and "sessions" in value:
        return "WeeklySchedule"
    return "Schedule"


#: A field holding either kind of schedule, told apart by shape.
ScheduleField = Annotated[
    Annotated[Schedule, Tag("Schedule")] | Annotated[WeeklySchedule, Tag("WeeklySchedule")],
    Discriminator(schedule_kind),
]
