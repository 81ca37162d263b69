"""``Placement``: one stay at one level of care, with dates and an optional schedule."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .._contract import contract
from .._display import DisplayMixin
from .._json_model import JsonModel
from .._text import echo
from ..levels import LevelField as _LevelField
from ..levels import level_key
from ..programs import Program
from ..schedules import Schedule, ScheduleField, WeeklySchedule
from ._dates import as_date, coerce_date
from ._reason import DischargeReason, coerce_reason

__all__ = ["LevelField", "Placement", "level_key"]


def _require_level(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "placement_level", "a placement needs a level (or a program, whose level it takes)"
        )
    return value


#: A level given as a code or alias of the default continuum, ``"asam3:2.1"``, or a
#: :class:`CareLevel` (custom levels included): the library's one level field, which
#: JSON writes as the text key of a registered level and in full for a custom one.
#: A placement requires it (or a program whose level it takes).
LevelField = Annotated[_LevelField, BeforeValidator(_require_level)]


@contract("placement_level", "placement_dates")
class Placement(DisplayMixin, JsonModel):
    """One stay at one level of care.

    Attributes
    ----------
    level:
        The level: a code or alias of the default continuum (``"IOP"``),
        ``"framework:code"`` (``"asam3:2.1"``) or a :class:`CareLevel`.
    start:
        The admission date.  A ``datetime`` (naive or aware) becomes its own
        local calendar date; ISO 8601 text is read the same way.  Numbers are
        refused.
    end:
        The discharge date, or ``None`` while the placement is ongoing.  A
        placement may start and end on the same day; it may not end before it
        starts.  Whether the end date is a day of care is a convention chosen
        by the reader (``end_inclusive=`` of :meth:`length_of_stay` and
        ``Journey.check``); the default reads it as exclusive.
    schedule:
        The treatment schedule followed, if known (for treatment hours).
    program:
        The program attended, if known.  Its schedule is used when no
        ``schedule`` is given; without a ``level``, the program's level is the
        placement's.  A program whose level differs from the placement's is
        reported by ``Journey.check()``.
    discharge_reason:
        Why it ended, as a TEDS ``REASON`` code [TEDS].

    Examples
    --------
    >>> import datetime as dt
    >>> p = Placement(level="IOP", start=dt.date(2024, 1, 8), end=dt.date(2024, 2, 19),
    ...               discharge_reason=1)
    >>> p
    Placement('intensive_outpatient', 2024-01-08 → 2024-02-19, Treatment completed)
    >>> p.length_of_stay()
    42
    >>> p.model_dump_json(include={"level", "discharge_reason"})
    '{"level":"intensive_outpatient","discharge_reason":1}'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: LevelField = Field(default=None, validate_default=True)
    start: Annotated[_dt.date, BeforeValidator(coerce_date)]
    end: Annotated[_dt.date | None, BeforeValidator(coerce_date)] = None
    schedule: ScheduleField | None = None
    program: Program | None = None
    discharge_reason: Annotated[DischargeReason | None, BeforeValidator(coerce_reason)] = None

    @model_validator(mode="before")
    @classmethod
    def _level_from_program(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("level") is None and data.get("program") is not None:
            program = data["program"]
            if isinstance(program, Program):
                return {**data, "level": program.care_level}
            if isinstance(program, dict) and program.get("level") is not None:
                return {**data, "level": program["level"]}
        return data

    @model_validator(mode="after")
    def _ends_after_start(self) -> Placement:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "placement_dates",
                "a placement cannot end ({end}) before it starts ({start})",
                {"end": str(self.end), "start": str(self.start)},
            )
        return self

    @property
    def code(self) -> str:
        """The level's code."""
        return self.level.code

    @property
    def is_open(self) -> bool:
        """True while the placement is ongoing (no end date)."""
        return self.end is None

    def length_of_stay(
        self, as_of: _dt.date | None = None, *, end_inclusive: bool = False
    ) -> int | None:
        """Days in the placement; an open placement counts to *as_of*.

        Parameters
        ----------
        as_of:
            The date an open placement is counted to (a datetime counts as its
            local date).  Ignored for a closed placement.
        end_inclusive:
            ``False`` (the default): ``end - start``, the end date is the day of
            discharge and not a day of care (a same-day stay is 0 days).
            ``True``: ``end - start + 1``, the end date is the last day of care,
            as claims and EHR extracts record it.

        Returns
        -------
        int or None
            The days; ``None`` for an open placement without *as_of*.  An
            *as_of* before the start counts 0 days.

        Raises
        ------
        TypeError
            For an *as_of* that is not a date, or an *end_inclusive* that is not a bool.

        Examples
        --------
        >>> import datetime as dt
        >>> p = Placement(level="PHP", start="2024-06-01", end="2024-06-30")
        >>> p.length_of_stay(), p.length_of_stay(end_inclusive=True)
        (29, 30)
        >>> Placement(level="OP", start="2024-06-01").length_of_stay(as_of=dt.date(2024, 6, 8))
        7
        """
        if not isinstance(end_inclusive, bool):
            raise TypeError(
                f"end_inclusive must be True or False, got {type(end_inclusive).__name__}"
            )
        if as_of is not None:
            if not isinstance(as_of, _dt.date):
                raise TypeError(
                    "as_of must be a datetime.date (a datetime counts as its local date), "
                    f"got {type(as_of).__name__} {echo(as_of)}"
                )
            as_of = as_date(as_of)
        end = self.end if self.end is not None else as_of
        if end is None:
            return None
        days = (end - self.start).days
        if days < 0:
            return 0
        return days + end_inclusive

    @property
    def effective_schedule(self) -> Schedule | WeeklySchedule | None:
        """The schedule followed: the placement's own, else the program's."""
        if self.schedule is not None:
            return self.schedule
        return None if self.program is None else self.program.schedule

    def _hours(self, as_of: _dt.date | None = None) -> float | None:
        schedule = self.effective_schedule
        if schedule is None:
            return None
        days = self.length_of_stay(as_of)
        if days is None:
            return None
        hours = schedule.weekly_hours * days / 7
        course = schedule.duration_weeks
        if course is not None:  # a finite course delivers no more than its hours
            hours = min(hours, schedule.weekly_hours * course)
        return hours

    def treatment_hours(self, as_of: _dt.date | None = None) -> Any:
        """Hours of treatment under the schedule (a pint quantity), or ``None``.

        Weekly hours × weeks in the placement, capped at the schedule's total
        when the schedule has a duration.  The placement's schedule is used, else
        its program's.  ``None`` without either, or for an open placement
        without *as_of*.

        Parameters
        ----------
        as_of:
            The date an open placement is counted to.

        Returns
        -------
        pint.Quantity or None
            Hours of treatment (``hour``), or ``None``.
        """
        hours = self._hours(as_of)
        if hours is None:
            return None
        from ..units import quantity

        return quantity(hours, "hour")

    def __str__(self) -> str:
        return repr(self)

    def __repr__(self) -> str:
        end = "ongoing" if self.end is None else self.end.isoformat()
        reason = f", {self.discharge_reason.label}" if self.discharge_reason is not None else ""
        return f"Placement({self.level.code!r}, {self.start.isoformat()} → {end}{reason})"

    _display_fields: ClassVar[frozenset[str]] = frozenset(
        {"level", "start", "end", "schedule", "program", "discharge_reason"}
    )

    def _display_title(self) -> str:
        return f"Placement at {self.level.name}"

    def _display_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [
            ("level", f"{self.level.name} ({self.level.code})"),
            ("start", self.start.isoformat()),
            ("end", "ongoing" if self.end is None else self.end.isoformat()),
        ]
        days = self.length_of_stay()
        if days is not None:
            rows.append(("length of stay", f"{days} day{'s' if days != 1 else ''}"))
        if self.program is not None:
            rows.append(("program", self.program.name))
        schedule = self.effective_schedule
        if schedule is not None:
            rows.append(("schedule", str(schedule)))
        if self.discharge_reason is not None:
            r = self.discharge_reason
            rows.append(("discharge reason", f"{r.value} {r.label}"))
        return rows
