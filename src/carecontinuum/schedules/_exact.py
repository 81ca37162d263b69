"""Exact sums of durations: whole microseconds.

A session's duration is held as hours (a float) as the user gave it; sums over
sessions are taken in whole microseconds, so 27 sessions of 20 minutes add up
to exactly 9 hours rather than 8.999….  One microsecond is far below any
resolution a schedule is stated in, so rounding each duration to it changes no
real schedule.

Examples
--------
>>> total = sum([microseconds(20 / 60)] * 27)
>>> hours(total)
9.0
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["MICROSECONDS_PER_DAY", "MICROSECONDS_PER_HOUR", "hours", "microseconds", "time_of_day"]

#: Durations are summed in whole microseconds, so 27 sessions of 20 minutes make exactly
#: 9 hours; this is the number of microseconds in an hour.
MICROSECONDS_PER_HOUR = 3_600_000_000
MICROSECONDS_PER_DAY = 24 * MICROSECONDS_PER_HOUR


def microseconds(hours_: float) -> int:
    """A duration in hours as whole microseconds (nearest, ties to even)."""
    return round(hours_ * MICROSECONDS_PER_HOUR)


def hours(microseconds_: int) -> float:
    """Whole microseconds back to hours."""
    return microseconds_ / MICROSECONDS_PER_HOUR


def time_of_day(moment: _dt.time) -> int:
    """Microseconds since midnight of a clock time.

    >>> time_of_day(_dt.time(9, 30))
    34200000000
    """
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    return seconds * 1_000_000 + moment.microsecond
