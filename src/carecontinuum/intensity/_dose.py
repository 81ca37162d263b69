"""Dose calculators: hours per week and total hours, for single values and ranges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..units import DaysPerWeek, HoursPerDay, QuantityRange, Weeks, pint_types
from ._errors import IntensityInputError

__all__ = ["total_hours", "total_hours_range", "weekly_hours", "weekly_hours_range"]


class _Dose(BaseModel):
    """Validates the calculators' arguments, so errors name the argument."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    hours_per_day: HoursPerDay
    days_per_week: DaysPerWeek
    weeks: Weeks | None = None


def weekly_hours(hours_per_day: Any, days_per_week: Any) -> pint_types.Quantity:
    """Hours per week: hours per day × days per week, as a pint quantity.

    Arguments are unit-aware (numbers, strings such as ``"180 min"``, pint
    quantities) and validated like a :class:`~carecontinuum.Schedule`'s.

    Parameters
    ----------
    hours_per_day:
        Hours per day: a number, text such as ``"180 min"`` or a pint quantity.
    days_per_week:
        Days per week, a whole number from 1 to 7.

    Returns
    -------
    pint.Quantity
        Hours per week.

    Raises
    ------
    pydantic.ValidationError
        For a value that is out of range or not of its dimension.

    Examples
    --------
    >>> weekly_hours("180 min", 4)
    <Quantity(12.0, 'hour / week')>
    """
    from ..units import quantity

    dose = _Dose(hours_per_day=hours_per_day, days_per_week=days_per_week)
    return quantity(dose.hours_per_day * dose.days_per_week, "hour / week")


def total_hours(hours_per_day: Any, days_per_week: Any, weeks: Any) -> pint_types.Quantity:
    """Total hours over a duration: hours per day × days per week × weeks.

    Parameters
    ----------
    hours_per_day:
        Hours per day: a number, text such as ``"180 min"`` or a pint quantity.
    days_per_week:
        Days per week, a whole number from 1 to 7.
    weeks:
        The duration: a number of weeks, text such as ``"6 weeks"`` or a quantity.

    Returns
    -------
    pint.Quantity
        The total, in hours.

    Raises
    ------
    pydantic.ValidationError
        For a value that is out of range or not of its dimension.
    carecontinuum.intensity.IntensityInputError
        When *weeks* is ``None``.

    Examples
    --------
    >>> total_hours(3, 4, "6 weeks")
    <Quantity(72.0, 'hour')>
    """
    from ..units import quantity

    dose = _Dose(hours_per_day=hours_per_day, days_per_week=days_per_week, weeks=weeks)
    weeks_ = _require_weeks(dose.weeks)
    return quantity(dose.hours_per_day * dose.days_per_week * weeks_, "hour")


def _require_weeks(weeks: float | None, *more: float | None) -> float:
    if weeks is None or None in more:
        raise IntensityInputError(
            "weeks is required for a total: a duration such as 6 or '6 weeks', got None",
            field="weeks",
        )
    return weeks


def _bounds(name: str, value: Any) -> tuple[Any, Any]:
    if isinstance(value, QuantityRange):
        low, high = value.quantities()
        if high is None:
            raise IntensityInputError(
                f"{name} is the open range {value}; a total needs an upper bound", field=name
            )
        return low, high
    if isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) != 2:
            raise IntensityInputError(
                f"{name} as a range needs two values (low, high), got {len(value)}", field=name
            )
        return value[0], value[1]
    return value, value


def _range_doses(**ranges: Any) -> tuple[_Dose, _Dose]:
    bounds = {name: _bounds(name, value) for name, value in ranges.items()}
    low = _Dose(**{name: b[0] for name, b in bounds.items()})
    high = _Dose(**{name: b[1] for name, b in bounds.items()})
    if "weeks" in ranges:
        _require_weeks(low.weeks, high.weeks)
    for name in ranges:
        if getattr(low, name) > getattr(high, name):
            raise IntensityInputError(
                f"{name}: the low end ({getattr(low, name):g}) is above the high end "
                f"({getattr(high, name):g})",
                field=name,
            )
    return low, high


def weekly_hours_range(hours_per_day: Any, days_per_week: Any) -> QuantityRange:
    """The range of hours per week from ranges of hours per day and days per week.

    Each argument is a single value, a ``(low, high)`` pair or a
    :class:`~carecontinuum.QuantityRange`.

    Parameters
    ----------
    hours_per_day, days_per_week:
        Each a single value, a ``(low, high)`` pair or a
        :class:`~carecontinuum.QuantityRange`.

    Returns
    -------
    QuantityRange
        The lowest and highest hours per week.

    Raises
    ------
    pydantic.ValidationError
        For a value that is out of range or not of its dimension.
    carecontinuum.intensity.IntensityInputError
        For a range whose low end is above its high end.

    Examples
    --------
    >>> str(weekly_hours_range((3, 4), (3, 5)))
    '9–20 hour / week'
    """
    low, high = _range_doses(hours_per_day=hours_per_day, days_per_week=days_per_week)
    return QuantityRange(
        low=low.hours_per_day * low.days_per_week,
        high=high.hours_per_day * high.days_per_week,
        unit="hour / week",
    )


def total_hours_range(hours_per_day: Any, days_per_week: Any, weeks: Any) -> QuantityRange:
    """The range of total hours from ranges of hours/day, days/week and weeks.

    Parameters
    ----------
    hours_per_day, days_per_week, weeks:
        Each a single value, a ``(low, high)`` pair or a
        :class:`~carecontinuum.QuantityRange`.

    Returns
    -------
    QuantityRange
        The lowest and highest total, in hours.

    Raises
    ------
    pydantic.ValidationError
        For a value that is out of range or not of its dimension.
    carecontinuum.intensity.IntensityInputError
        For a range whose low end is above its high end, or no *weeks*.

    Examples
    --------
    The seed's IOP: 3–4 h/day × 3–5 days/week × 4–6 weeks [SEED]:

    >>> from carecontinuum import QuantityRange
    >>> str(total_hours_range((3, 4), (3, 5), QuantityRange(low=4, high=6, unit="week")))
    '36–120 hour'
    """
    low, high = _range_doses(hours_per_day=hours_per_day, days_per_week=days_per_week, weeks=weeks)
    assert low.weeks is not None
    assert high.weeks is not None
    return QuantityRange(
        low=low.hours_per_day * low.days_per_week * low.weeks,
        high=high.hours_per_day * high.days_per_week * high.weeks,
        unit="hour",
    )
