"""What every schedule shares: a duration, a 24-hour flag and a setting."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Annotated

from pydantic import BeforeValidator, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .._display import num
from .._json_model import JsonModel
from ..levels import Setting
from ..units import Weeks, pint_types
from ._dates import calendar_date

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ScheduleBase"]

#: A calendar date (a datetime becomes its own local date; see ``_dates``).
_Date = Annotated[
    _dt.date | None, BeforeValidator(calendar_date, json_schema_input_type=_dt.date | None)
]


class ScheduleBase(JsonModel):
    """Fields and derived values common to :class:`Schedule` and :class:`WeeklySchedule`.

    A duration is optional: ``weeks``, or a ``start`` and an ``end`` date (the
    duration is ``end - start``, so Monday 8 January to Monday 19 February is 6
    weeks), or a ``start`` and ``weeks``.  ``twenty_four_hour=True`` marks a
    residential or hospital stay; ``setting`` says which (without it a 24-hour
    schedule is taken as residential, see :attr:`care_setting`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    weeks: Weeks | None = None
    start: _Date = None
    end: _Date = None
    twenty_four_hour: bool = False
    setting: Setting | None = None

    @field_validator("start")
    @classmethod
    def _start_plus_weeks_is_a_date(
        cls, start: _dt.date | None, info: ValidationInfo
    ) -> _dt.date | None:
        weeks = info.data.get("weeks")
        if start is not None and weeks is not None:
            try:
                start + _dt.timedelta(weeks=weeks)
            except OverflowError:
                raise PydanticCustomError(
                    "schedule_duration",
                    "{weeks} weeks from {start} end after 9999-12-31, the last date there is",
                    {"weeks": num(weeks), "start": str(start)},
                ) from None
        return start

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: _dt.date | None, info: ValidationInfo) -> _dt.date | None:
        if end is None or "start" not in info.data:  # start itself failed: reported there
            return end
        start = info.data["start"]
        if start is None:
            raise PydanticCustomError(
                "schedule_end_without_start", "an end date ({end}) needs a start date", {"end": end}
            )
        if end <= start:
            raise PydanticCustomError(
                "schedule_duration",
                "the duration must be positive: end ({end}) must come after start ({start})",
                {"end": str(end), "start": str(start)},
            )
        if info.data.get("weeks") is not None:
            raise PydanticCustomError(
                "schedule_duration_twice",
                "give weeks or an end date, not both (weeks={weeks}, end={end})",
                {"weeks": num(info.data["weeks"]), "end": str(end)},
            )
        return end

    @field_validator("setting")
    @classmethod
    def _setting_matches_flag(cls, setting: Setting | None, info: ValidationInfo) -> Setting | None:
        if setting is None or "twenty_four_hour" not in info.data:
            return setting
        around_the_clock = info.data["twenty_four_hour"]
        if setting is Setting.AMBULATORY and around_the_clock:
            raise PydanticCustomError(
                "schedule_setting",
                "an ambulatory setting cannot be a 24-hour setting; "
                "use setting='residential' or 'hospital'",
            )
        if setting is not Setting.AMBULATORY and not around_the_clock:
            raise PydanticCustomError(
                "schedule_setting",
                "a {setting} setting is a 24-hour setting: pass twenty_four_hour=True",
                {"setting": setting.value},
            )
        return setting

    # -- what subclasses provide ---------------------------------------------------------
    @property
    def weekly_hours(self) -> float:
        """Hours of treatment per week, as a plain number."""
        raise NotImplementedError  # pragma: no cover

    @property
    def day_hours(self) -> Sequence[float]:
        """Hours on each day attended in a week, as plain numbers."""
        raise NotImplementedError  # pragma: no cover

    # -- derived --------------------------------------------------------------------------
    @property
    def hours_per_week(self) -> pint_types.Quantity:
        """Hours of treatment per week, a pint quantity in hour/week."""
        from ..units import quantity

        return quantity(self.weekly_hours, "hour / week")

    @property
    def duration_weeks(self) -> float | None:
        """The duration in weeks, or ``None`` when no duration is known."""
        if self.weeks is not None:
            return self.weeks
        if self.start is not None and self.end is not None:
            return (self.end - self.start).days / 7
        return None

    @property
    def end_date(self) -> _dt.date | None:
        """The end date: given, or ``start + weeks``; ``None`` when unknown."""
        if self.end is not None:
            return self.end
        if self.start is not None and self.weeks is not None:
            return self.start + _dt.timedelta(weeks=self.weeks)
        return None

    @property
    def total_hours(self) -> pint_types.Quantity | None:
        """Total hours over the duration (pint quantity in hour), or ``None`` without one."""
        weeks = self.duration_weeks
        if weeks is None:
            return None
        from ..units import quantity

        return quantity(self.weekly_hours * weeks, "hour")

    @property
    def care_setting(self) -> Setting:
        """Where care happens: the given setting, else residential for a 24-hour schedule.

        Whether a 24-hour stay is residential or in a hospital is the
        schedule's to say (``setting="hospital"``); hours cannot tell.
        """
        if self.setting is not None:
            return self.setting
        return Setting.RESIDENTIAL if self.twenty_four_hour else Setting.AMBULATORY

    # -- display helpers --------------------------------------------------------------------
    def __str__(self) -> str:
        return repr(self)

    def _duration_text(self) -> str:
        weeks = self.duration_weeks
        if self.start is not None and self.end is not None:
            return f"{self.start} → {self.end} ({num(weeks or 0)} weeks)"
        if self.start is not None and weeks is not None:
            return f"from {self.start}, {num(weeks)} weeks"
        if self.start is not None:
            return f"from {self.start}"
        if weeks is not None:
            return f"{num(weeks)} weeks"
        return ""

    def _setting_text(self) -> str:
        if not self.twenty_four_hour:
            return ""
        return f"24-hour {self.care_setting.value}"

    def _tail(self) -> str:
        parts = [p for p in (self._duration_text(), self._setting_text()) if p]
        return "".join(f", {p}" for p in parts)

    def _common_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [("hours/week", num(self.weekly_hours))]
        if self.duration_weeks is not None:
            rows.append(("duration", self._duration_text()))
            rows.append(("total hours", num(self.weekly_hours * self.duration_weeks)))
        if self.twenty_four_hour:
            rows.append(("setting", self._setting_text()))
        return rows
