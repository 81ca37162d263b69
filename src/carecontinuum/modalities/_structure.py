"""A modality's documented structure: session counts, rhythm, length and components."""

from __future__ import annotations

import itertools
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .._contract import contract, rule
from .._json_model import JsonModel
from ..errors import InvalidQuantityError
from ..units import (
    DaysPerWeek,
    Hours,
    HoursPerDay,
    QuantityRange,
    Sessions,
    SessionsPerWeek,
    Weeks,
    convert,
)
from ._enums import Format

__all__ = ["ModalityComponent", "ModalityStructure", "SourceId"]

#: A source id such as ``"MATCH"``: see :data:`carecontinuum.SOURCES` for the built-in ones.
SourceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]

#: A week of a course, counted from 1.
_WeekNumber = Annotated[int, Field(ge=1, le=520)]


def _range_in(unit: str, per: str | None = None) -> Any:
    """A before-validator reading a number, a quantity string or a range in *unit*."""

    def read(value: Any) -> Any:
        if isinstance(value, QuantityRange | dict) or value is None:
            return value
        if isinstance(value, bool):
            return value  # let QuantityRange reject it with a clear message
        try:
            magnitude = convert(value, unit, per=per)
        except InvalidQuantityError as problem:
            if isinstance(value, str):  # perhaps a range as text ("1-2 sessions per week")
                try:
                    return QuantityRange.model_validate(value)  # its unit is checked after
                except ValidationError as err:
                    first = err.errors()[0]
                    if first["type"] != "quantity_range_parse":  # a range, but a bad one
                        raise PydanticCustomError(
                            first["type"], "{message}", {"message": first["msg"]}
                        ) from None
            raise PydanticCustomError(
                problem.error_type, "{message}", {"message": str(problem)}
            ) from None
        return QuantityRange(low=magnitude, high=magnitude, unit=unit)

    return BeforeValidator(read)


def _check_unit(value: QuantityRange | None, unit: str, field: str) -> None:
    if value is not None and value.unit != unit:
        raise PydanticCustomError(
            "range_unit",
            "{field} must be a range in {unit}, got one in {got}",
            {"field": field, "unit": repr(unit), "got": repr(value.unit)},
        )


#: How often a component meets, as a range in sessions per week ("1–2 per week").
_PerWeek = Annotated[QuantityRange, _range_in("session / week", per="week")]
#: How long one session of a component lasts, as a range in hours ("2–2.5 h").
_Length = Annotated[QuantityRange, _range_in("hour")]


@contract("unverified_note", "component_weeks", "range_positive", "range_unit")
class ModalityComponent(JsonModel):
    """One documented part or phase of a modality (a weekly group, a dosing phase ...).

    ``sessions_per_week`` and ``session_length`` are ranges because sources
    often give them as ranges; a plain number or quantity string is read as a
    range of one value.  ``from_week`` / ``to_week`` bound the weeks of the
    course in which the component runs (counted from 1, inclusive).

    A component cites its own ``sources`` when it rests on sources other than
    its structure's (a program's phases from a manual, say); ``verified=False``
    with a ``note`` marks a component known only from secondary sources, and
    its :meth:`summary` says so.

    Examples
    --------
    >>> from carecontinuum import QuantityRange
    >>> skills = ModalityComponent(name="skills group", format="group", sessions_per_week=1,
    ...                            session_length=QuantityRange(low=2, high=2.5, unit="hour"))
    >>> str(skills.session_length)
    '2–2.5 hour'
    >>> ModalityComponent(name="individual", session_length="60 min").session_length.low
    1.0
    >>> ModalityComponent(name="phase 2", from_week=13, verified=False,
    ...                   note="secondary sources only").summary()
    'phase 2 (from week 13; unverified)'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    format: Format | None = None
    sessions: Sessions | None = None
    sessions_per_week: _PerWeek | None = None
    session_length: _Length | None = None
    from_week: _WeekNumber | None = None
    to_week: _WeekNumber | None = None
    detail: str = ""
    sources: tuple[SourceId, ...] = ()
    """The component's own sources, when they differ from its structure's."""
    verified: bool = True
    """False for a component known only from secondary sources; ``note`` says why."""
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> ModalityComponent:
        if not self.verified and not self.note:
            raise rule(
                "unverified_note",
                f"component {self.name!r}: an unverified component needs a note saying what "
                "is unverified",
            )
        _check_unit(self.sessions_per_week, "session / week", "sessions_per_week")
        _check_unit(self.session_length, "hour", "session_length")
        if self.session_length is not None and self.session_length.low <= 0:
            raise rule("range_positive", "session_length must be greater than 0 hours")
        if (
            self.from_week is not None
            and self.to_week is not None
            and self.to_week < self.from_week
        ):
            raise rule(
                "component_weeks",
                f"to_week ({self.to_week}) must not be before from_week ({self.from_week})",
            )
        return self

    def summary(self) -> str:
        """The component in a few words.

        Returns
        -------
        str
            The name, then its dose and weeks in parentheses.

        Examples
        --------
        >>> ModalityComponent(name="induction", sessions_per_week=2, from_week=1,
        ...                   to_week=4).summary()
        'induction (2 session / week, weeks 1–4)'
        """
        parts = [str(r) for r in (self.sessions_per_week, self.session_length) if r is not None]
        if self.sessions is not None:
            parts.insert(0, f"{self.sessions} sessions")
        if self.from_week is not None:
            end = "" if self.to_week is None else str(self.to_week)
            parts.append(
                f"week {self.from_week}"
                if end == str(self.from_week)
                else f"weeks {self.from_week}–{end}"
                if end
                else f"from week {self.from_week}"
            )
        text = ", ".join(parts)
        if not self.verified:
            text = f"{text}; unverified" if text else "unverified"
        return f"{self.name} ({text})" if text else self.name


@contract("structure_duration", "range_unit", "unverified_note")
class ModalityStructure(JsonModel):
    """A modality's documented structure, as typed quantities.

    Every field is optional: sources document different things (a session
    count, a length in weeks, a weekly rhythm, named components).  ``weeks`` is
    the fixed length of a manualized course; ``duration`` is a length the
    sources give as a range or in months (at most one of the two).
    ``session_weeks`` lists the weeks in which the sessions fall.  ``detail``
    keeps the rest of the documented structure in words; ``approximate`` says
    the sources phrase the numbers as "about"; ``verified=False`` marks a
    structure known only from secondary sources.

    Examples
    --------
    >>> s = ModalityStructure(weeks=16, hours_per_day="3 h", days_per_week=3,
    ...                       approximate=True, sources=("CEBC",))
    >>> s.weeks, s.hours_per_day
    (16.0, 3.0)
    >>> s.hours_per_week()
    <Quantity(9.0, 'hour / week')>
    >>> ModalityStructure(sessions=4, session_weeks=(1, 2, 6, 12), weeks=12).session_weeks
    (1, 2, 6, 12)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sessions: Sessions | None = None
    sessions_per_week: SessionsPerWeek | None = None
    session_length: Hours | None = None
    hours_per_day: HoursPerDay | None = None
    days_per_week: DaysPerWeek | None = None
    weeks: Weeks | None = None
    duration: QuantityRange | None = None
    session_weeks: tuple[_WeekNumber, ...] = ()
    components: tuple[ModalityComponent, ...] = ()
    detail: str = ""
    approximate: bool = False
    sources: tuple[SourceId, ...] = ()
    verified: bool = True
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> ModalityStructure:
        if self.weeks is not None and self.duration is not None:
            raise rule(
                "structure_duration",
                "give either weeks (a fixed length) or duration (a range), not both",
            )
        if self.duration is not None and self.duration.unit not in _DURATION_UNITS:
            raise rule(
                "structure_duration",
                f"duration must be in one of {', '.join(_DURATION_UNITS)}, "
                f"got {self.duration.unit!r}",
            )
        weeks = self.session_weeks
        if any(later <= earlier for earlier, later in itertools.pairwise(weeks)):
            raise rule(
                "structure_duration", f"session_weeks must be strictly increasing, got {weeks}"
            )
        if weeks and self.sessions is not None and len(weeks) != self.sessions:
            raise rule(
                "structure_duration",
                f"session_weeks lists {len(weeks)} weeks but sessions is {self.sessions}",
            )
        if weeks and self.weeks is not None and weeks[-1] > self.weeks:
            raise rule(
                "structure_duration",
                f"session_weeks reaches week {weeks[-1]}, past the course's {self.weeks:g} weeks",
            )
        return self

    def hours_per_week(self) -> Any:
        """Hours per week when hours/day and days/week are documented, else ``None``.

        Returns
        -------
        pint.Quantity or None
            Hours per week (``hour / week``), or ``None``.
        """
        if self.hours_per_day is None or self.days_per_week is None:
            return None
        from ..units import quantity

        return quantity(self.hours_per_day * self.days_per_week, "hour / week")

    def summary(self) -> str:
        """The structure in one line of words, for reprs and tables.

        Returns
        -------
        str
            The documented figures, joined by ``;``.

        Examples
        --------
        >>> ModalityStructure(sessions=12, sessions_per_week=1, weeks=12).summary()
        '12 sessions; 1 session/week; 12 weeks'
        """
        parts = [
            f"{_num(value)} {label}"
            for value, label in (
                (self.sessions, "sessions"),
                (self.sessions_per_week, "session/week"),
                (self.session_length, "h/session"),
                (self.hours_per_day, "h/day"),
                (self.days_per_week, "days/week"),
                (self.weeks, "weeks"),
            )
            if value is not None
        ]
        if self.duration is not None:
            parts.append(str(self.duration))
        if self.session_weeks:
            parts.append("at weeks " + ", ".join(str(w) for w in self.session_weeks))
        parts.extend(c.summary() for c in self.components)
        return ("about " if self.approximate else "") + "; ".join(parts)


_DURATION_UNITS = ("day", "week", "month", "year")


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
