"""Unit-aware pydantic field types.

A field annotated ``Annotated[float, InUnit("hour / day", ...)]`` stores a plain
float in that canonical unit (fast to compute with, exact in JSON) and accepts:

* a bare number, read in the canonical unit;
* a string such as ``"3 h"``, ``"180 min"`` or ``"3 hours/day"``;
* a pint quantity from any registry;
* a mapping ``{"magnitude": 3, "units": "hour / day"}``;
* its own JSON form (a number in the canonical unit).

For a rate such as hours *per day*, an amount (``"3 h"``) is read as that
amount per day.  Wrong dimensions, NaN, infinity and out-of-range values are
rejected with errors that name the expected dimension.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..errors import InvalidQuantityError

__all__ = ["InUnit", "convert"]

_INF = math.inf


class _ConversionError(Exception):
    def __init__(self, error_type: str, message: str, context: dict[str, Any]) -> None:
        self.error_type = error_type
        self.message = message
        self.context = context
        super().__init__(message.format(**context))


@dataclass(frozen=True, slots=True)
class InUnit:
    """``Annotated`` marker: the field is a magnitude in *unit*.

    Parameters
    ----------
    unit:
        Canonical unit, in pint syntax (``"hour / day"``).
    per:
        For a rate, the implicit denominator of a bare amount: with
        ``per="day"``, ``"3 h"`` means 3 hours per day.
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

    unit: str
    per: str | None = None
    label: str = ""
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    integer: bool = False

    # -- conversion -----------------------------------------------------------------
    def to_magnitude(self, value: Any) -> float | int:
        """Convert *value* to the canonical magnitude, or raise ``_ConversionError``."""
        kind = type(value)
        if kind is float or kind is int:
            number = float(value)
        elif kind is bool:
            raise _ConversionError(
                "quantity_type",
                "expected {expected}, got a boolean {value}",
                {"expected": self._expected(), "value": value},
            )
        elif isinstance(value, str):
            number = self._from_string(value)
        elif isinstance(value, numbers.Real):
            number = float(value)
        elif _is_pint_quantity(value):
            number = self._from_quantity(value)
        elif isinstance(value, Mapping):
            number = self._from_mapping(value)
        else:
            raise _ConversionError(
                "quantity_type",
                "expected {expected} as a number, a string such as '{example}' or a pint "
                "quantity, got {type_name}",
                {
                    "expected": self._expected(),
                    "example": self._example(),
                    "type_name": type(value).__name__,
                },
            )
        return self._check(number)

    def _check(self, number: float) -> float | int:
        if not math.isfinite(number):
            raise _ConversionError(
                "quantity_not_finite",
                "{label} must be a finite number, got {value}",
                {"label": self._expected(), "value": number},
            )
        bounds = (
            (self.gt, number > self.gt if self.gt is not None else True, "greater than"),
            (
                self.ge,
                number >= self.ge if self.ge is not None else True,
                "greater than or equal to",
            ),
            (self.le, number <= self.le if self.le is not None else True, "less than or equal to"),
        )
        for limit, ok, words in bounds:
            if not ok:
                raise _ConversionError(
                    "quantity_out_of_range",
                    "{label} must be {words} {limit} {unit}, got {value}",
                    {
                        "label": self.label or "the value",
                        "words": words,
                        "limit": _fmt(limit),
                        "unit": self.unit,
                        "value": _fmt(number),
                    },
                )
        if self.integer:
            if not number.is_integer():
                raise _ConversionError(
                    "quantity_not_whole",
                    "{label} must be a whole number, got {value}",
                    {"label": self._expected(), "value": _fmt(number)},
                )
            return int(number)
        return number

    def _from_string(self, text: str) -> float:
        stripped = text.strip()
        try:
            return float(stripped)
        except ValueError:
            pass
        from ._registry import unit_registry

        registry = unit_registry()
        spec = stripped.replace(" per ", "/")
        try:
            parsed = registry.Quantity(spec)
        except Exception as exc:  # pint raises many unrelated types for bad text
            raise _ConversionError(
                "quantity_parse",
                "could not read {value} as {expected}: {reason}",
                {"value": repr(text), "expected": self._expected(), "reason": _reason(exc)},
            ) from None
        if not _is_pint_quantity(parsed):  # a bare number such as "3e0"
            return float(parsed)
        return self._convert(parsed, text)

    def _from_quantity(self, value: Any) -> float:
        from ._registry import unit_registry

        magnitude = value.magnitude
        if not isinstance(magnitude, numbers.Real) or isinstance(magnitude, bool):
            raise _ConversionError(
                "quantity_type",
                "expected a scalar quantity for {expected}, got magnitude of type {type_name}",
                {"expected": self._expected(), "type_name": type(magnitude).__name__},
            )
        registry = unit_registry()
        if getattr(value, "_REGISTRY", None) is not registry:
            try:
                value = registry.Quantity(float(magnitude), str(value.units))
            except Exception as exc:
                raise _ConversionError(
                    "quantity_parse",
                    "could not read the units {units!r} as {expected}: {reason}",
                    {
                        "units": str(value.units),
                        "expected": self._expected(),
                        "reason": _reason(exc),
                    },
                ) from None
        return self._convert(value, f"{magnitude} {value.units}")

    def _from_mapping(self, value: Mapping[Any, Any]) -> float:
        magnitude = value.get("magnitude")
        units = value.get("units", value.get("unit"))
        if (
            isinstance(magnitude, bool)
            or not isinstance(magnitude, numbers.Real)
            or not isinstance(units, str)
        ):
            raise _ConversionError(
                "quantity_type",
                "a mapping for {expected} needs a numeric 'magnitude' and a string 'units'",
                {"expected": self._expected()},
            )
        return (
            self._from_string(f"{float(magnitude)!r} {units}")
            if units.strip()
            else float(magnitude)
        )

    def _convert(self, parsed: Any, shown: str) -> float:
        from ._registry import unit_registry

        registry = unit_registry()
        target = registry.Unit(self.unit)
        try:
            if not dict(parsed.unit_items()):
                return float(parsed.magnitude)
            if self.per is not None and _numerator_matches(parsed, target, self.per, registry):
                # an amount, such as "3 h" for hours per day
                amount_unit = target * registry.Unit(self.per)
                return float(parsed.to(amount_unit).magnitude)
            if parsed.dimensionality == target.dimensionality and _has_denominator(
                parsed, self.per is not None
            ):
                return float(parsed.to(target).magnitude)
        except Exception as exc:  # pint conversion errors
            raise _ConversionError(
                "quantity_dimension",
                "could not convert {value} to {expected}: {reason}",
                {"value": repr(shown), "expected": self._expected(), "reason": _reason(exc)},
            ) from None
        raise _ConversionError(
            "quantity_dimension",
            "expected {expected} (for example '{example}'), got {value} with dimension {dimension}",
            {
                "expected": self._expected(),
                "example": self._example(),
                "value": repr(shown),
                "dimension": str(parsed.dimensionality)
                if not parsed.dimensionless
                else "dimensionless",
            },
        )

    # -- words ---------------------------------------------------------------------
    def _expected(self) -> str:
        return f"{self.label} [{self.unit}]" if self.label else f"a quantity in {self.unit}"

    def _example(self) -> str:
        if self.per is not None:
            amount = self.unit.split("/")[0].strip()
            return f"3 {amount}s/{self.per}"
        return f"3 {self.unit}"

    # -- pydantic hooks ------------------------------------------------------------------
    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        to_magnitude = self.to_magnitude
        # The fast path: an in-range finite int or float is accepted with a few
        # comparisons (models such as Schedule are built in bulk).  Everything
        # else, out-of-range numbers included, takes the full conversion, so
        # results and error messages are the same either way.
        strict_low = self.gt is not None
        low = self.gt if self.gt is not None else (self.ge if self.ge is not None else -_INF)
        high = self.le if self.le is not None else _INF
        integer = self.integer

        def validate(value: Any) -> float | int:
            kind = type(value)
            if (
                (kind is int or (kind is float and not integer))
                and -_INF < value < _INF
                and (low < value if strict_low else low <= value)
                and value <= high
            ):
                return value if integer else float(value)
            try:
                return to_magnitude(value)
            except _ConversionError as problem:
                raise PydanticCustomError(
                    problem.error_type, problem.message, problem.context
                ) from None

        return core_schema.no_info_plain_validator_function(
            validate,
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
                    {"type": "string", "description": f"a quantity such as '{self._example()}'"},
                ]
            }
        out["x-unit"] = self.unit
        if self.label:
            out["description"] = f"{self.label}, in {self.unit}"
        return out


def convert(value: Any, unit: str, *, per: str | None = None) -> float:
    """Convert a number, string or pint quantity to a magnitude in *unit*.

    The same rules as the pydantic field types, for code outside a model.

    Raises
    ------
    carecontinuum.InvalidQuantityError
        When the value cannot be read, or has the wrong dimension.

    Examples
    --------
    >>> convert("90 min", "hour")
    1.5
    >>> convert("3 h", "hour / day", per="day")
    3.0
    >>> convert("3 m", "hour")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.InvalidQuantityError: expected a quantity in hour (for example '3 hour'), \
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
    except _ConversionError as problem:
        raise InvalidQuantityError(str(problem), error_type=problem.error_type) from None


def _is_pint_quantity(value: Any) -> bool:
    return (
        hasattr(value, "magnitude") and hasattr(value, "units") and hasattr(value, "dimensionality")
    )


def _numerator_matches(parsed: Any, target: Any, per: str, registry: Any) -> bool:
    amount_unit = target * registry.Unit(per)
    return bool(parsed.dimensionality == amount_unit.dimensionality) and not (
        parsed.dimensionless and _has_denominator(parsed, True)
    )


def _has_denominator(parsed: Any, needed: bool) -> bool:
    """For rates pint calls dimensionless (hour/day), insist on a real per-unit."""
    if not needed:
        return True
    return any(exponent < 0 for _, exponent in parsed.unit_items())


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _fmt(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else repr(number)
