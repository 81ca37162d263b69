"""Unit-aware pydantic field types.

A field annotated ``Annotated[float, InUnit("hour / day", ...)]`` stores a plain
float in that canonical unit (fast to compute with, exact in JSON) and accepts:

* a bare number, read in the canonical unit (not a boolean);
* a string such as ``"3 h"``, ``"180 min"`` or ``"3 hours/day"``, read with
  the library's own grammar (see :mod:`carecontinuum.units._parse`);
* a pint quantity from any registry;
* a mapping ``{"magnitude": 3, "units": "hour / day"}`` and nothing more;
* its own JSON form (a number in the canonical unit).

For a rate such as hours *per day*, an amount (``"3 h"``) is read as that
amount per day, and a ratio must be a time (or sessions) over one calendar
unit (``"21 h/week"``; not ``"3 m/km"``).  Wrong dimensions, NaN, infinity,
numbers too large for a float and out-of-range values are rejected with
errors that name what the field expects.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..errors import InvalidQuantityError
from ._convert import Conversion, ConversionError

__all__ = ["InUnit", "convert"]

_INF = math.inf
_MAX = sys.float_info.max  # the largest int that float() takes without OverflowError


@dataclass(frozen=True, slots=True)
class InUnit(Conversion):
    """``Annotated`` marker: the field is a magnitude in *unit*.

    Parameters
    ----------
    unit:
        Canonical unit, in the library's unit syntax (``"hour / day"``).
    per:
        For a rate, the implicit denominator of a bare amount: with
        ``per="day"``, ``"3 h"`` means 3 hours per day.  A ratio's
        denominator must then be one unit of the same kind (for a calendar
        unit such as a day: a day or longer).
    label:
        The dimension in words, used in error messages ("hours per day").
    gt, ge, le:
        Bounds on the canonical magnitude.
    integer:
        The magnitude must be a whole number; the field then holds an ``int``.

    Examples
    --------
    >>> from typing import Annotated
    >>> from pydantic import BaseModel
    >>> class Dose(BaseModel):
    ...     hours_per_day: Annotated[float, InUnit("hour / day", per="day", gt=0)]
    >>> Dose(hours_per_day="180 min").hours_per_day
    3.0
    >>> Dose(hours_per_day="21 hours/week").hours_per_day
    3.0
    """

    def to_magnitude(self, value: Any) -> float | int:
        """Convert *value* to the canonical magnitude.

        Parameters
        ----------
        value:
            A number, string, pint quantity or mapping.

        Returns
        -------
        float or int
            The magnitude in :attr:`unit` (an ``int`` when ``integer``).

        Raises
        ------
        carecontinuum.units._convert.ConversionError
            With a message template and context (pydantic turns it into a
            ``ValidationError``; :func:`convert` into an
            :class:`~carecontinuum.InvalidQuantityError`).

        Examples
        --------
        >>> InUnit("hour").to_magnitude("90 min")
        1.5
        """
        return self.magnitude(value)

    # -- pydantic hooks ------------------------------------------------------------------
    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validator(self),
            serialization=core_schema.simple_ser_schema("int" if self.integer else "float"),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        number: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.gt is not None:
            number["exclusiveMinimum"] = self.gt
        if self.ge is not None:
            number["minimum"] = self.ge
        if self.le is not None:
            number["maximum"] = self.le
        if handler.mode == "serialization":
            out = dict(number)
        else:
            out = {
                "anyOf": [
                    number,
                    {
                        "type": "string",
                        "maxLength": _max_length(),
                        "pattern": text_pattern(self.unit),
                        "description": f"a quantity such as '{self.example()}' (in range: "
                        "the number it converts to must meet the bounds)",
                        "examples": text_examples(self.unit),
                    },
                ]
            }
        out["x-unit"] = self.unit
        if self.label:
            out["description"] = f"{self.label}, in {self.unit}"
        return out


#: Unit spellings the JSON Schema offers for each kind of quantity (the parser reads more).
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "hour": ("h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes"),
    "day": ("d", "day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years"),
    "session": ("session", "sessions"),
}
_CALENDAR = ("day", "week")
_NUMBER_TEXT = r"(?:[0-9]{1,12}(?:\.[0-9]{1,12})?|\.[0-9]{1,12})(?:[eE][+-]?[0-9]{1,2})?"


def _words(*kinds: str) -> str:
    return "|".join(w for kind in kinds for w in _SPELLINGS[kind])


def text_pattern(unit: str) -> str:
    """The JSON Schema ``pattern`` of a quantity field's text form.

    A non-negative number, then optionally a unit of the field's kind (for a
    rate, over a calendar unit).  Everything the pattern admits is read by the
    field; whether the number is in range the schema cannot say.

    Examples
    --------
    >>> import re
    >>> bool(re.fullmatch(text_pattern("hour / day"), "180 min")), bool(
    ...     re.fullmatch(text_pattern("hour / day"), "3 m/km"))
    (True, False)
    """
    amount, _, per = unit.partition(" / ")
    if not per and amount in ("week", "day"):  # a duration: any unit of time
        units = _words("hour", "day", "week", "month", "year")
    else:
        units = _words(amount)
    tail = f"(?: ?/ ?| per )(?:{_words(*_CALENDAR)})" if per else ""
    return f"^ ?{_NUMBER_TEXT}(?: ?(?:{units})(?:{tail})?)? ?$"


def text_examples(unit: str) -> list[str]:
    """Documented text forms of a quantity field (each validates against its schema)."""
    examples = {
        "hour / day": ["3", "180 min", "3 hours/day", "3 h per day", "21 h/week"],
        "day / week": ["3", "3 days/week", "5 d per week"],
        "hour / week": ["9", "9 hours/week", "540 min per week", "2 h/day"],
        "session / week": ["2", "2 sessions/week", "1 session per week"],
        "hour": ["1.5", "90 min", "1.5 hours"],
        "day": ["30", "30 days", "4 weeks"],
        "week": ["6", "6 weeks", "42 days"],
        "session": ["12", "12 sessions"],
    }
    return examples.get(unit, [])


def _max_length() -> int:
    from ._parse import MAX_QUANTITY_LENGTH

    return MAX_QUANTITY_LENGTH


def _validator(marker: InUnit) -> Callable[[Any], float | int]:
    """The field's validator, with a fast path for an in-range int or float.

    Models such as ``Schedule`` are built in bulk, so a plain number inside
    the bounds is accepted with one type test and one or two comparisons.
    Everything else, out-of-range numbers included, takes the full
    conversion, so results and messages are the same either way.
    """
    slow = marker.magnitude
    low = marker.gt if marker.gt is not None else marker.ge
    high = marker.le

    def full(value: Any) -> float | int:
        try:
            return slow(value)
        except ConversionError as problem:
            raise PydanticCustomError(
                problem.error_type, problem.message, problem.context
            ) from None

    if marker.integer:
        lo, hi = (-_INF if low is None else low), (_INF if high is None else high)
        strict = marker.gt is not None

        def whole(value: Any) -> float | int:
            if type(value) is int and (lo < value if strict else lo <= value) and value <= hi:
                return value
            return full(value)

        return whole
    if marker.gt is not None and high is not None:
        gt, le = marker.gt, high

        def over_and_at_most(value: Any) -> float | int:
            kind = type(value)
            if kind is float:
                if gt < value <= le:
                    return value  # type: ignore[no-any-return]
            elif kind is int and gt < value <= le:
                return value + 0.0  # type: ignore[no-any-return]  # a float, faster than float()
            return full(value)

        return over_and_at_most
    if marker.gt is not None:
        above = marker.gt

        def over(value: Any) -> float | int:
            kind = type(value)
            if kind is float:
                if above < value < _INF:
                    return value  # type: ignore[no-any-return]
            elif kind is int and above < value <= _MAX:
                return value + 0.0  # type: ignore[no-any-return]  # a float, faster than float()
            return full(value)

        return over
    lo, hi = (-_INF if low is None else low), (_INF if high is None else high)

    def between(value: Any) -> float | int:
        kind = type(value)
        if kind is float:
            if lo <= value <= hi and -_INF < value < _INF:
                return value  # type: ignore[no-any-return]
        elif kind is int and lo <= value <= hi and -_MAX <= value <= _MAX:
            return float(value)
        return full(value)

    return between


def convert(value: Any, unit: str, *, per: str | None = None) -> float:
    """Convert a number, string or pint quantity to a magnitude in *unit*.

    The same rules as the pydantic field types, for code outside a model.

    Parameters
    ----------
    value:
        A number (read in *unit*), a string such as ``"90 min"``, a pint
        quantity, or a ``{"magnitude": ..., "units": ...}`` mapping.
    unit:
        The unit wanted, such as ``"hour"`` or ``"hour / day"``.
    per:
        For a rate, the calendar unit a bare amount is read per.

    Returns
    -------
    float
        The magnitude in *unit*.

    Raises
    ------
    carecontinuum.InvalidQuantityError
        When the value cannot be read, has the wrong dimension, or *unit* or
        *per* is not a unit.

    Examples
    --------
    >>> convert("90 min", "hour")
    1.5
    >>> convert("3 h", "hour / day", per="day")
    3.0
    >>> convert("3 m", "hour")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.InvalidQuantityError: expected hours (for example '3 hours'), \
got '3 m' with dimension [length]
    """
    from ._range import RangeUnit
    from ._registry import checked_unit

    known = get_args(RangeUnit)  # the library's own units: no need to load pint to trust them
    for spec in (unit,) if per is None else (unit, per):
        if spec not in known:
            checked_unit(spec)  # a bad unit is the caller's error, even for a bare number
    try:
        return float(InUnit(unit, per=per).to_magnitude(value))
    except ConversionError as problem:
        raise InvalidQuantityError(str(problem), error_type=problem.error_type) from None
