"""``Session`` and ``Weekday``: one slot of a weekly template."""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .._contract import contract
from .._display import Display, num, render_html
from .._enum_lookup import EnumLookup
from .._json_model import JsonModel
from ..errors import UnknownKeyError
from ..modalities import AnyModality, Format
from ..units import InUnit
from ._exact import MICROSECONDS_PER_DAY, microseconds, time_of_day

__all__ = ["Session", "SessionHours", "Weekday", "WeekdayField", "weekday"]

#: A session's length: over 0 and at most 24 hours (a session ends by midnight).
SessionHours = Annotated[float, InUnit("hour", label="a session's length", gt=0, le=24)]


class Weekday(StrEnum):
    """A day of the week, Monday first (as ISO 8601 and :meth:`datetime.date.weekday`)."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def ordinal(self) -> int:
        """0 for Monday … 6 for Sunday."""
        return _ORDER[self]

    @property
    def short(self) -> str:
        """Three-letter form: ``'mon'``."""
        return self.value[:3]


_ORDER: dict[Weekday, int] = {day: i for i, day in enumerate(Weekday)}
WEEKDAYS = EnumLookup(
    Weekday,
    "weekday",
    names={day: [day.short, f"{day.short}."] for day in Weekday},
)


def _weekday(value: Any) -> Any:
    try:
        return WEEKDAYS(value)
    except UnknownKeyError as err:
        raise PydanticCustomError("weekday", "{error}", {"error": str(err)}) from None


def weekday(key: Weekday | str) -> Weekday:
    """The weekday named by *key*: a name or three-letter abbreviation, any case.

    Parameters
    ----------
    key:
        A :class:`~carecontinuum.Weekday`, a day's name (``"Wednesday"``) or its
        three-letter abbreviation (``"wed"``), in any case.

    Returns
    -------
    Weekday
        The day.

    Raises
    ------
    carecontinuum.UnknownKeyError
        For a day that does not exist, suggesting the closest.

    Examples
    --------
    >>> weekday("Wed")
    <Weekday.WEDNESDAY: 'wednesday'>
    >>> weekday("funday")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownKeyError: unknown weekday 'funday'; did you mean 'sunday' or \
'monday' or 'friday'?
    """
    return WEEKDAYS(key)


#: A weekday field: the enum, or its name or three-letter abbreviation in any case.
WeekdayField = Annotated[Weekday, BeforeValidator(_weekday)]


def _clock(microseconds_: int) -> str:
    """A time of day as ``HH:MM``, with seconds and microseconds only when there are some.

    Exact, never rounded: 09:59:59.999999 stays itself (rounding to
    milliseconds would show the impossible ``09:59:60``).

    >>> _clock(34_200_000_000), _clock(35_999_999_999), _clock(34_230_500_000)
    ('09:30', '09:59:59.999999', '09:30:30.5')
    """
    minutes, rest = divmod(microseconds_, 60_000_000)
    text = f"{minutes // 60:02d}:{minutes % 60:02d}"
    if rest == 0:
        return text
    seconds, micro = divmod(rest, 1_000_000)
    text += f":{seconds:02d}"
    return text if micro == 0 else f"{text}.{micro:06d}".rstrip("0")


@contract("session_past_midnight", "session_too_short", "quantity_out_of_range")
class Session(JsonModel):
    """One session in a weekly template: when, how long, in what format, of what.

    ``modality`` is any registered modality (plug-ins included): an object, its
    code or alias, or a mapping with a ``kind``.  A session ends by midnight;
    split a session that runs past it.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> s = cc.Session(weekday="Mon", start="09:00", duration="90 min", format="group",
    ...                modality="CBT")
    >>> s
    Session(monday 09:00–10:30, group, cognitive_behavioral_therapy)
    >>> s.duration, s.modality.code
    (1.5, 'cognitive_behavioral_therapy')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    weekday: WeekdayField
    start: _dt.time
    duration: SessionHours
    format: Format
    modality: AnyModality | None = None

    @field_validator("duration")
    @classmethod
    def _ends_by_midnight(cls, duration: float, info: ValidationInfo) -> float:
        if microseconds(duration) == 0:
            raise PydanticCustomError(
                "session_too_short",
                "a session of {hours} h is shorter than a microsecond, the resolution of schedules",
                {"hours": repr(duration)},
            )
        start = info.data.get("start")
        if start is not None and time_of_day(start) + microseconds(duration) > MICROSECONDS_PER_DAY:
            raise PydanticCustomError(
                "session_past_midnight",
                "a session starting at {start} that lasts {hours} h runs past midnight; "
                "split it into two sessions at midnight",
                {"start": _clock(time_of_day(start)), "hours": num(duration)},
            )
        return duration

    @property
    def start_microsecond(self) -> int:
        """Start as microseconds since midnight."""
        return time_of_day(self.start)

    @property
    def duration_microseconds(self) -> int:
        """Duration in whole microseconds (see ``carecontinuum.schedules._exact``)."""
        return microseconds(self.duration)

    @property
    def end_microsecond(self) -> int:
        """End as microseconds since midnight (``MICROSECONDS_PER_DAY`` is midnight)."""
        return self.start_microsecond + self.duration_microseconds

    @property
    def span(self) -> str:
        """Clock span, e.g. ``'09:00–10:30'``."""
        end = self.end_microsecond
        end_text = "24:00" if end == MICROSECONDS_PER_DAY else _clock(end % MICROSECONDS_PER_DAY)
        return f"{_clock(self.start_microsecond)}–{end_text}"

    @property
    def label(self) -> str:
        """Weekday and clock span, e.g. ``'monday 09:00–10:30'``."""
        return f"{self.weekday.value} {self.span}"

    def __repr__(self) -> str:
        parts = [self.label, self.format.value]
        if self.modality is not None:
            parts.append(self.modality.code)
        return f"Session({', '.join(parts)})"

    def __str__(self) -> str:
        return repr(self)

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            ("when", self.label),
            ("hours", self.duration),
            ("format", self.format),
        ]
        if self.modality is not None:
            rows.append(("modality", self.modality.name))
        return Display("Session", rows)

    def _repr_html_(self) -> str:
        return render_html(self._display_())
