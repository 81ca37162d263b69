"""The date rule of schedules: a start or end is a calendar date.

* A ``datetime.date`` is taken as it is.
* A ``datetime`` (naive or aware, a pandas ``Timestamp`` included) becomes its
  own *local* calendar date, ``value.date()``: never converted to UTC first, so
  ``2024-01-08T23:30-05:00`` is 8 January.
* ISO 8601 text is read the same way (``"2024-01-08"``, ``"2024-01-08T23:30Z"``).
* Numbers and booleans are refused: they are not dates (pydantic alone would
  read ``0`` as 1970-01-01).

Examples
--------
>>> import datetime as dt
>>> calendar_date(dt.datetime(2024, 1, 8, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
datetime.date(2024, 1, 8)
>>> calendar_date("2024-01-08T23:30:00+14:00")
datetime.date(2024, 1, 8)
"""

from __future__ import annotations

import datetime as _dt

from pydantic_core import PydanticCustomError

from .._text import echo

__all__ = ["calendar_date"]

# Longer than any ISO 8601 date or date-time, with a margin.
_LONGEST = 64


def calendar_date(value: object) -> object:
    """*value* as a calendar date where it is a datetime or ISO text; else unchanged.

    Parameters
    ----------
    value:
        What a user passed for a date field.

    Returns
    -------
    object
        A ``datetime.date`` for a date, a datetime or ISO 8601 text; ``None``
        unchanged; anything else is refused.

    Raises
    ------
    pydantic_core.PydanticCustomError
        ``date_type`` for a number, a boolean or another type; ``date_parse``
        for text that is not an ISO 8601 date or date-time.

    Examples
    --------
    >>> calendar_date(None) is None
    True
    >>> calendar_date(0)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: a date is a datetime.date or ISO 8601 \
text such as '2024-01-08', not int 0
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= _LONGEST:
            for parse in (_dt.date.fromisoformat, _dt.datetime.fromisoformat):
                try:
                    found = parse(text)
                except ValueError:
                    continue
                return found.date() if isinstance(found, _dt.datetime) else found
        raise PydanticCustomError(
            "date_parse",
            "{value} is not a date; write it as ISO 8601, such as '2024-01-08'",
            {"value": echo(value)},
        )
    raise PydanticCustomError(
        "date_type",
        "a date is a datetime.date or ISO 8601 text such as '2024-01-08', not {type_name} {value}",
        {"type_name": type(value).__name__, "value": echo(value)},
    )
