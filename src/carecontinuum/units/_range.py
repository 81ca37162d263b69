"""A range of a quantity, as the sources describe typical schedules and stays."""

from __future__ import annotations

import numbers
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, NoReturn, get_args

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError

from .._contract import contract
from .._json_model import JsonModel
from .._text import echo
from ..errors import InvalidQuantityError
from . import pint_types
from ._convert import Conversion, ConversionError, is_boolean
from ._errors import QuantityTextError
from ._parse import MAX_QUANTITY_LENGTH, finite_float, parse_number, parse_quantity, parse_unit

__all__ = ["QuantityRange", "RangeUnit"]

#: Units a :class:`QuantityRange` may be expressed in (pint syntax).
RangeUnit = Literal[
    "hour",
    "day",
    "week",
    "month",
    "year",
    "session",
    "hour / day",
    "hour / week",
    "day / week",
    "session / week",
    "session / day",
]

_ABOUT = re.compile(r"\s*about\s+", re.IGNORECASE)
_AT_LEAST = re.compile(r"\s*(?:≥|>=)\s*")
_TO = re.compile(r"\s*(?:-|–|—|\bto\b)\s*")
_EXAMPLES = "such as '4-6 weeks', '8 weeks', '3–5 days per week' or '≥ 1 month'"


def _bound(value: Any) -> Any:
    """A range's bound: a real number, not a bool; exact types too large or small refused.

    Text is read with the quantity grammar (a bare number); the rest (finite,
    at least 0) is the field's own check.
    """
    if isinstance(value, bool) or is_boolean(value):
        raise PydanticCustomError(
            "range_bound_type",
            "a range's bound is a number, not a boolean ({value})",
            {"value": echo(value)},
        )
    if isinstance(value, str):
        try:
            parsed = parse_quantity(value)
        except QuantityTextError as exc:
            raise PydanticCustomError(
                exc.error_type,
                "could not read {value} as a range's bound: {reason}",
                {"value": echo(value), "reason": exc.reason},
            ) from None
        if parsed.unit is not None:
            raise PydanticCustomError(
                "range_bound_type",
                "a range's bound is a number in the range's unit, got {value}",
                {"value": echo(value)},
            )
        return parsed.magnitude
    if isinstance(value, numbers.Real | Decimal) and not isinstance(value, float):
        try:
            return _BOUND.real(value)
        except ConversionError as problem:
            raise PydanticCustomError(
                problem.error_type, problem.message, problem.context
            ) from None
    return value


_BOUND = Conversion("hour", label="a range's bound")
_Bound = BeforeValidator(_bound, json_schema_input_type=float)

#: How each range unit may be written in a range's text form (what the schema offers).
_UNIT_TEXT: dict[str, str] = {
    "hour": "hours?",
    "day": "days?",
    "week": "weeks?",
    "month": "months?",
    "year": "years?",
    "session": "sessions?",
    "hour / day": "hours?(?: per | ?/ ?)day",
    "hour / week": "hours?(?: per | ?/ ?)week",
    "day / week": "days?(?: per | ?/ ?)week",
    "session / week": "sessions?(?: per | ?/ ?)week",
    "session / day": "sessions?(?: per | ?/ ?)day",
}
_BOUND_TEXT = r"(?:[0-9]{1,9}(?:\.[0-9]{1,6})?)"
#: The JSON Schema pattern of a range's text form: "8 weeks", "4-6 weeks", "≥ 1 month",
#: "about 3–5 days per week".
RANGE_TEXT_PATTERN = (
    rf"^(?:about )?(?:(?:≥|>=) ?{_BOUND_TEXT}|{_BOUND_TEXT}(?: ?(?:-|–|—| to ) ?{_BOUND_TEXT})?)"
    rf" (?:{'|'.join(_UNIT_TEXT.values())})$"
)


@contract("range_order", "quantity_out_of_range", "quantity_not_whole")
class QuantityRange(JsonModel):
    """A closed or open-ended range of a quantity, e.g. "3–5 days per week".

    ``high=None`` means "or more".  ``approximate=True`` renders the range with
    "about", as the sources phrase it.  A range may also be given as text, read
    with the same grammar as every quantity string: ``"8 weeks"``,
    ``"4-6 weeks"`` (or ``"4–6"``, ``"4 to 6"``), ``"≥ 1 month"``, ``"about 3–5
    days per week"``; what :func:`str` shows reads back as the same range.

    Examples
    --------
    >>> r = QuantityRange(low=3, high=5, unit="day / week")
    >>> str(r)
    '3–5 day / week'
    >>> 4 in r, 6 in r
    (True, False)
    >>> r.quantities()
    (<Quantity(3.0, 'day / week')>, <Quantity(5.0, 'day / week')>)
    >>> str(QuantityRange(low=1, unit="month"))
    '≥ 1 month'
    >>> QuantityRange.model_validate("4-6 weeks")
    QuantityRange(low=4.0, high=6.0, unit='week', approximate=False)
    >>> QuantityRange.model_validate("8 weeks") == QuantityRange(low=8, high=8, unit="week")
    True
    >>> QuantityRange.model_validate(str(r)) == r
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: Annotated[float, _Bound] = Field(
        ge=0, allow_inf_nan=False, description="lower bound, inclusive"
    )
    high: Annotated[float | None, _Bound] = Field(
        default=None, ge=0, allow_inf_nan=False, description="upper bound, inclusive; None: open"
    )
    unit: RangeUnit
    approximate: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return _parse_range(data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> QuantityRange:
        if self.high is not None and self.high < self.low:
            raise PydanticCustomError(
                "range_order",
                "high ({high}) must not be below low ({low})",
                {"high": self.high, "low": self.low},
            )
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: Any, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        for bound in ("low", "high"):
            prop = target["properties"][bound]
            number = {"type": "number", "minimum": 0}
            prop.pop("type", None)
            if bound == "high":
                prop["anyOf"] = [number, {"type": "null"}]
            else:
                prop.update(number)
        if handler.mode == "serialization":
            return schema
        text = {
            "type": "string",
            "pattern": RANGE_TEXT_PATTERN,
            "description": f"a range as text, {_EXAMPLES}",
            "examples": ["8 weeks", "4-6 weeks", "≥ 1 month", "about 3–5 days per week"],
        }
        return {
            "title": target.get("title", cls.__name__),
            "description": target.get("description", ""),
            "anyOf": [schema, text],
        }

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return self.low <= value and (self.high is None or value <= self.high)

    def quantities(self) -> tuple[pint_types.Quantity, pint_types.Quantity | None]:
        """The bounds as pint quantities (``None`` for an open upper bound).

        Returns
        -------
        tuple
            ``(low, high)``, each a pint quantity in :attr:`unit`.

        Examples
        --------
        >>> QuantityRange(low=2, unit="hour").quantities()
        (<Quantity(2.0, 'hour')>, None)
        """
        from ._registry import quantity

        high = None if self.high is None else quantity(self.high, self.unit)
        return quantity(self.low, self.unit), high

    def __str__(self) -> str:
        about = "about " if self.approximate else ""
        if self.high is None:
            return f"{about}≥ {_num(self.low)} {self.unit}"
        if self.high == self.low:
            return f"{about}{_num(self.low)} {self.unit}"
        return f"{about}{_num(self.low)}–{_num(self.high)} {self.unit}"


def _num(x: float) -> str:
    return str(int(x)) if x.is_integer() else f"{x:g}"


def _refuse(text: str, reason: str, error_type: str = "quantity_range_parse") -> NoReturn:
    raise PydanticCustomError(
        error_type,
        "could not read {value} as a range: {reason}",
        {"value": echo(text), "reason": reason},
    )


def _parse_range(text: str) -> dict[str, Any]:
    """``"about 4–6 weeks"`` → ``{"low": 4.0, "high": 6.0, "unit": "week", ...}``."""
    if len(text) > MAX_QUANTITY_LENGTH:
        _refuse(
            text,
            f"it has {len(text):,} characters; a range has at most {MAX_QUANTITY_LENGTH}",
            "quantity_too_long",
        )
    position = 0
    about = _ABOUT.match(text)
    if about:
        position = about.end()
    at_least = _AT_LEAST.match(text, position)
    if at_least:
        position = at_least.end()
    try:
        position = _skip_space(text, position)
        digits, position = parse_number(text, position)
        low = finite_float(digits, text)
        high: float | None = None if at_least else low
        to = _TO.match(text, position)
        if to and not at_least:
            digits, position = parse_number(text, to.end())
            high = finite_float(digits, text)
        rest = text[position:]
        if not rest.strip():
            _refuse(text, f"a range needs a unit, {_EXAMPLES}")
        if not rest[0].isspace() and not rest[0].isalpha():
            _refuse(text, f"a range is one or two numbers and a unit, {_EXAMPLES}")
        unit = _range_unit(text, rest)
    except QuantityTextError as exc:  # syntax is the range's; limits keep their types
        kind = "quantity_range_parse" if exc.error_type == "quantity_parse" else exc.error_type
        _refuse(text, exc.reason, kind)
    except InvalidQuantityError as exc:  # a name that is not a unit
        _refuse(text, str(exc))
    return {"low": low, "high": high, "unit": unit, "approximate": bool(about)}


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _range_unit(text: str, unit_text: str) -> str:
    """The :data:`RangeUnit` that *unit_text* names (``"weeks"`` → ``"week"``)."""
    from ._registry import unit_of

    expression = parse_unit(unit_text)
    wanted = unit_of(expression)
    for candidate in get_args(RangeUnit):
        if unit_of(parse_unit(candidate)) == wanted:
            return str(candidate)
    known = ", ".join(get_args(RangeUnit))
    _refuse(text, f"a range is in one of {known}; {echo(expression.text)} is not one of them")
