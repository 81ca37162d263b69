"""``Schedule``: hours per day × days per week, with an optional duration."""

from __future__ import annotations

from .._contract import contract
from .._display import Display, num, render_html
from ..units import DaysPerWeek, HoursPerDay, SessionsPerWeek
from ._base import ScheduleBase
from ._fast_init import fast_init

__all__ = ["Schedule"]


@fast_init
@contract(
    "schedule_end_without_start",
    "schedule_duration",
    "schedule_duration_twice",
    "schedule_setting",
    "quantity_out_of_range",
    "quantity_not_whole",
)
class Schedule(ScheduleBase):
    """A program's dose: hours per day on so many days a week, for so long.

    Every quantity is unit-aware: a number is read in the field's unit, and a
    string (``"180 min"``) or a pint quantity is converted.  Hours per day are
    over 0 and at most 24, days per week a whole number from 1 to 7, a duration
    positive.

    ``sessions_per_week`` is unknown (``None``) unless you give it: a plain
    schedule does not say how its hours are split into sessions (a
    :class:`WeeklySchedule` does).

    Examples
    --------
    >>> import carecontinuum as cc
    >>> s = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
    >>> s
    Schedule(3 h/day × 4 days/week = 12 h/week, 6 weeks)
    >>> s.hours_per_week
    <Quantity(12.0, 'hour / week')>
    >>> s.total_hours
    <Quantity(72.0, 'hour')>
    >>> cc.Schedule(hours_per_day="180 min", days_per_week=4).hours_per_day
    3.0
    >>> cc.Schedule(hours_per_day=5, days_per_week=7, twenty_four_hour=True)
    Schedule(5 h/day × 7 days/week = 35 h/week, 24-hour residential)
    """

    hours_per_day: HoursPerDay
    days_per_week: DaysPerWeek
    sessions_per_week: SessionsPerWeek | None = None

    @property
    def weekly_hours(self) -> float:
        """Hours per week as a plain number: hours per day × days per week."""
        return self.hours_per_day * self.days_per_week

    @property
    def day_hours(self) -> tuple[float, ...]:
        """The hours of each day attended: the same every day."""
        return (self.hours_per_day,) * self.days_per_week

    @property
    def days_attended(self) -> int:
        """Days attended per week (the same as :attr:`days_per_week`)."""
        return self.days_per_week

    def __repr__(self) -> str:
        days = "day" if self.days_per_week == 1 else "days"
        return (
            f"Schedule({num(self.hours_per_day)} h/day × {self.days_per_week} {days}/week"
            f" = {num(self.weekly_hours)} h/week{self._tail()})"
        )

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            ("hours/day", self.hours_per_day),
            ("days/week", self.days_per_week),
        ]
        if self.sessions_per_week is not None:
            rows.append(("sessions/week", self.sessions_per_week))
        return Display("Schedule", rows + self._common_rows())

    def _repr_html_(self) -> str:
        return render_html(self._display_())
