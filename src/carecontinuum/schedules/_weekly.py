"""``WeeklySchedule``: a week of sessions, and what it adds up to."""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import cached_property
from typing import Annotated

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from .._contract import contract
from .._display import Display, num, render_html
from .._nonempty import NonEmpty
from ..modalities import Format, Modality
from ._base import ScheduleBase
from ._exact import MICROSECONDS_PER_DAY, hours
from ._session import Session, Weekday, weekday

__all__ = ["WeeklySchedule"]


def _named(index: int, session: Session) -> str:
    return f"sessions[{index}] ({session.label})"


def _check_days(sessions: tuple[Session, ...]) -> None:
    """Raise when a day holds more than 24 hours, or two sessions overlap."""
    by_day: dict[Weekday, list[tuple[int, Session]]] = defaultdict(list)
    for index, session in enumerate(sessions):
        by_day[session.weekday].append((index, session))
    for day in Weekday:
        entries = by_day.get(day)
        if not entries:
            continue
        total = sum(s.duration_microseconds for _, s in entries)
        if total > MICROSECONDS_PER_DAY:
            raise PydanticCustomError(
                "schedule_day_over_24_hours",
                "{day} holds {hours} h of sessions, more than the 24 hours in a day: {names}",
                {
                    "day": day.value,
                    "hours": num(hours(total)),
                    "names": ", ".join(_named(i, s) for i, s in entries),
                },
            )
        ordered = sorted(entries, key=lambda e: (e[1].start_microsecond, e[0]))
        for (i, first), (j, second) in itertools.pairwise(ordered):
            if second.start_microsecond < first.end_microsecond:
                a, b = sorted(((i, first), (j, second)), key=lambda e: e[0])
                raise PydanticCustomError(
                    "schedule_sessions_overlap",
                    "{first} and {second} overlap on {day}",
                    {"first": _named(*a), "second": _named(*b), "day": day.value},
                )


@contract(
    "schedule_end_without_start",
    "schedule_duration",
    "schedule_duration_twice",
    "schedule_setting",
    "schedule_day_over_24_hours",
    "schedule_sessions_overlap",
)
class WeeklySchedule(ScheduleBase):
    """A session-level weekly template: which sessions happen on which days.

    Hours per day, days attended, hours per week and sessions per week are
    derived from the sessions.  Durations are summed in whole microseconds, so
    27 sessions of 20 minutes are exactly 9 hours.  Sessions that overlap on
    the same day, or more than 24 hours of sessions in one day, are rejected
    with an error naming the sessions involved.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> week = cc.WeeklySchedule(sessions=[
    ...     cc.Session(weekday=day, start="18:00", duration="3 h", format="group",
    ...                modality="CBT")
    ...     for day in ("mon", "wed", "thu")
    ... ], weeks=6)
    >>> week
    WeeklySchedule(3 sessions on mon, wed, thu = 9 h/week, 6 weeks)
    >>> week.hours_per_week, week.days_per_week, week.sessions_per_week
    (<Quantity(9.0, 'hour / week')>, 3, 3)
    >>> week.total_hours
    <Quantity(54.0, 'hour')>
    >>> week.hours_per_day[cc.Weekday.MONDAY]
    3.0
    """

    sessions: Annotated[tuple[Session, ...], NonEmpty()]

    @field_validator("sessions")
    @classmethod
    def _fits_in_days(cls, sessions: tuple[Session, ...]) -> tuple[Session, ...]:
        _check_days(sessions)
        return sessions

    # -- derived, computed once ---------------------------------------------------------
    @cached_property
    def _day_microseconds(self) -> dict[Weekday, int]:
        totals: dict[Weekday, int] = dict.fromkeys(
            sorted({s.weekday for s in self.sessions}, key=lambda d: d.ordinal), 0
        )
        for session in self.sessions:
            totals[session.weekday] += session.duration_microseconds
        return totals

    @cached_property
    def hours_per_day(self) -> dict[Weekday, float]:
        """Hours on each weekday attended, in week order."""
        return {day: hours(us) for day, us in self._day_microseconds.items()}

    @property
    def days_attended(self) -> tuple[Weekday, ...]:
        """The weekdays with at least one session, in week order."""
        return tuple(self._day_microseconds)

    @property
    def days_per_week(self) -> int:
        """How many days a week have sessions."""
        return len(self._day_microseconds)

    @property
    def sessions_per_week(self) -> int:
        """How many sessions the week holds."""
        return len(self.sessions)

    @cached_property
    def weekly_hours(self) -> float:
        """Hours per week as a plain number, summed exactly (whole microseconds)."""
        return hours(sum(self._day_microseconds.values()))

    @property
    def day_hours(self) -> tuple[float, ...]:
        """The hours of each day attended, in week order."""
        return tuple(self.hours_per_day.values())

    @property
    def hours_by_format(self) -> dict[Format, float]:
        """Hours per week in each format (individual, group, family, medication management)."""
        totals: dict[Format, int] = defaultdict(int)
        for session in self.sessions:
            totals[session.format] += session.duration_microseconds
        return {fmt: hours(totals[fmt]) for fmt in Format if fmt in totals}

    @property
    def modalities(self) -> tuple[Modality, ...]:
        """The distinct modalities of the sessions, in order of first appearance."""
        seen: dict[str, Modality] = {}
        for session in self.sessions:
            if session.modality is not None:
                seen.setdefault(session.modality.code, session.modality)
        return tuple(seen.values())

    def sessions_on(self, day: Weekday | str) -> tuple[Session, ...]:
        """The sessions of one weekday, in clock order.

        Parameters
        ----------
        day:
            A :class:`~carecontinuum.Weekday`, a day's name or its three-letter
            abbreviation, in any case.

        Returns
        -------
        tuple[Session, ...]
            The sessions of that day (empty when there are none).

        Raises
        ------
        carecontinuum.UnknownKeyError
            For a day that does not exist, suggesting the closest.
        """
        wanted = weekday(day)
        return tuple(
            sorted(
                (s for s in self.sessions if s.weekday is wanted),
                key=lambda s: s.start_microsecond,
            )
        )

    # -- display ------------------------------------------------------------------------
    def __repr__(self) -> str:
        days = ", ".join(day.short for day in self.days_attended)
        count = self.sessions_per_week
        noun = "session" if count == 1 else "sessions"
        return (
            f"WeeklySchedule({count} {noun} on {days} = {num(self.weekly_hours)} h/week"
            f"{self._tail()})"
        )

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            (day.value, ", ".join(_session_text(s) for s in self.sessions_on(day)))
            for day in self.days_attended
        ]
        rows.append(("sessions/week", self.sessions_per_week))
        rows.append(("days/week", self.days_per_week))
        return Display("Weekly schedule", rows + self._common_rows())

    def _repr_html_(self) -> str:
        return render_html(self._display_())


def _session_text(session: Session) -> str:
    what = session.modality.code if session.modality is not None else ""
    fmt = session.format.value.replace("_", " ")
    return f"{session.span} {fmt}" + (f" ({what})" if what else "")
