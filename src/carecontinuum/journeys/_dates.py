"""The one date rule of journeys: placements are calendar dates.

* A ``datetime.date`` is taken as it is.
* A ``datetime`` (naive or aware, a pandas ``Timestamp`` included) becomes its
  own *local* calendar date, ``value.date()``: it is never converted to UTC
  first, so ``2024-03-01T23:30-05:00`` is 1 March.
* ISO 8601 text is read the same way (``"2024-03-01"``, ``"2024-03-01T23:30Z"``).
* A ``numpy.datetime64`` becomes its date; ``NaT`` (like ``None``) means no date.
* Numbers and booleans are refused: they are not dates (pydantic alone would
  read ``0`` as 1970-01-01).
* Dates before 0001-01-01 or after 9999-12-31 are refused with an error naming
  the field or column.

Frames follow the same rule, column by column (:func:`frame_days`): a
tz-aware column becomes its wall-clock local date, and every date is an
``int32`` count of days since 1970-01-01 while the analyses need it.

Examples
--------
>>> import datetime as dt
>>> as_date(dt.datetime(2024, 3, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
datetime.date(2024, 3, 1)
>>> as_date("2024-03-01T23:30:00+14:00")
datetime.date(2024, 3, 1)
>>> as_date(True)
Traceback (most recent call last):
...
TypeError: a date must be a datetime.date or ISO 8601 text such as '2024-03-01', not bool True
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .._text import echo

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "NO_DAY",
    "as_date",
    "coerce_date",
    "day_number",
    "from_day_number",
]

_EPOCH = _dt.date(1970, 1, 1).toordinal()
#: Days since 1970-01-01 of the first and last dates a placement can have.
FIRST_DAY = _dt.date.min.toordinal() - _EPOCH
LAST_DAY = _dt.date.max.toordinal() - _EPOCH
#: The int32 that stands for "no date" (an open placement's end).
NO_DAY = -(2**31)

_WHAT = "a datetime.date or ISO 8601 text such as '2024-03-01'"


def day_number(value: _dt.date) -> int:
    """Days since 1970-01-01 (negative before)."""
    return value.toordinal() - _EPOCH


def from_day_number(days: int) -> _dt.date:
    """The date *days* after 1970-01-01."""
    return _dt.date.fromordinal(days + _EPOCH)


def _from_text(text: str) -> _dt.date | None:
    stripped = text.strip()
    if len(stripped) > 64:  # no ISO 8601 date or datetime is this long
        return None
    try:
        return _dt.date.fromisoformat(stripped)
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(stripped).date()
    except ValueError:
        return None


def as_date(value: object) -> _dt.date | None:  # noqa: PLR0911
    """*value* as a calendar date under the module's rule (``None`` for no date).

    Parameters
    ----------
    value:
        A date, a datetime (its local date), ISO 8601 text, a numpy
        ``datetime64``, ``None`` or ``NaT``.

    Returns
    -------
    datetime.date or None
        The calendar date; ``None`` for ``None`` and ``NaT``.

    Raises
    ------
    TypeError
        For a number, a bool or another type.
    ValueError
        For text that is not an ISO 8601 date, or a date outside 0001-01-01 …
        9999-12-31.

    Examples
    --------
    >>> as_date("2024-02-29")
    datetime.date(2024, 2, 29)
    >>> as_date("10000-01-01")
    Traceback (most recent call last):
    ...
    ValueError: '10000-01-01' is not an ISO 8601 date between 0001-01-01 and 9999-12-31
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if value != value:  # noqa: PLR0124  # pandas NaT is a datetime that is not equal to itself
            return None
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        found = _from_text(value)
        if found is None:
            raise ValueError(
                f"{echo(value)} is not an ISO 8601 date between 0001-01-01 and 9999-12-31"
            )
        return found
    kind = type(value).__name__
    if kind == "datetime64":  # numpy, without importing it
        days = int(value.astype("datetime64[D]").astype("int64"))  # type: ignore[attr-defined]
        if days == -(2**63):
            return None
        if not FIRST_DAY <= days <= LAST_DAY:
            raise ValueError(f"{echo(value)} is outside 0001-01-01 … 9999-12-31")
        return from_day_number(days)
    raise TypeError(f"a date must be {_WHAT}, not {kind} {echo(value)}")


def coerce_date(value: Any) -> Any:
    """Pydantic ``BeforeValidator`` form of :func:`as_date`: errors become validation errors.

    Examples
    --------
    >>> coerce_date("2024-03-01T08:00")
    datetime.date(2024, 3, 1)
    """
    from pydantic_core import PydanticCustomError

    if isinstance(value, str):  # the error's input shows the text: do not repeat it
        try:
            return as_date(value)
        except ValueError:
            raise PydanticCustomError(
                "placement_date",
                "not an ISO 8601 date between 0001-01-01 and 9999-12-31 (such as '2024-03-01')",
            ) from None
    try:
        return as_date(value)
    except (TypeError, ValueError) as err:
        raise PydanticCustomError("placement_date", "{error}", {"error": str(err)}) from None
