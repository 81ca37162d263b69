"""Reading a value as a magnitude in a canonical unit: numbers, text, quantities, mappings.

:class:`Conversion` holds what a field expects (a unit, the implicit
denominator of a rate, bounds) and turns any accepted input into a plain
number in that unit, or raises :class:`ConversionError` with a message
template and its context (the form pydantic's custom errors take).

The rules, the same on every path:

* every string goes through the library's own grammar
  (:mod:`carecontinuum.units._parse`), never pint's evaluator;
* booleans are refused, and so are numbers too large for a float or too
  close to zero to be told from zero (``10**400``, ``Decimal("1e-400")``);
* a rate (hours *per day*) takes an amount (``"3 h"``, read per day) or a
  time (or session) over **one calendar unit** (``"21 h/week"``); pint calls
  ``"3 m/km"`` dimensionless, like ``hour/day``, but it is not a rate;
* a mapping is exactly ``{"magnitude": ..., "units": ...}`` (or ``"unit"``):
  an extra key, or a ``unit`` and a ``units`` that disagree, are refused.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .._text import echo
from . import pint_types
from ._errors import QuantityTextError
from ._parse import UnitExpression, parse_quantity, parse_unit
from ._words import number_text, plural_unit, unit_words

__all__ = ["Conversion", "ConversionError", "is_boolean", "is_quantity"]

#: Keys a quantity mapping may hold.
MAPPING_KEYS = frozenset({"magnitude", "units", "unit"})


class ConversionError(Exception):
    """A value that cannot be read; ``message`` is a template over ``context``.

    Templates use plain ``{name}`` placeholders only (pydantic fills custom
    error messages with ``str(value)``, and leaves ``{name!r}`` as written).
    """

    def __init__(self, error_type: str, message: str, context: dict[str, Any]) -> None:
        self.error_type = error_type
        self.message = message
        self.context = context
        super().__init__(message.format(**context))


def is_boolean(value: object) -> bool:
    """Whether *value* is a boolean: Python's, or numpy's (``numpy.bool``, once ``bool_``).

    Examples
    --------
    >>> import numpy as np
    >>> is_boolean(True), is_boolean(np.True_), is_boolean(1)
    (True, True, False)
    """
    kind = type(value)
    return kind is bool or (kind.__name__ in ("bool", "bool_") and kind.__module__ == "numpy")


def is_quantity(value: object) -> bool:
    """Whether *value* looks like a pint quantity (of any registry)."""
    return (
        hasattr(value, "magnitude") and hasattr(value, "units") and hasattr(value, "dimensionality")
    )


@dataclass(frozen=True, slots=True)
class Conversion:
    """What a field expects, and how to read a value as a number in its unit."""

    unit: str
    per: str | None = None
    label: str = ""
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    integer: bool = False

    # -- entry point ---------------------------------------------------------------------
    def magnitude(self, value: object) -> float | int:
        """*value* as a checked magnitude in :attr:`unit`, or :class:`ConversionError`.

        Parameters
        ----------
        value:
            A number, a pint quantity or quantity text such as ``"180 min"``.

        Returns
        -------
        float or int
            The magnitude in :attr:`unit` (an ``int`` for an integer field).

        Raises
        ------
        ConversionError
            For a boolean, unreadable text, a wrong dimension, or a value out of
            bounds; the field's validator turns it into a pydantic error.
        """
        if is_boolean(value):  # Python's and numpy's booleans
            raise ConversionError(
                "quantity_type",
                "{expected} must be a number or a quantity, not a boolean ({value})",
                {"expected": self.expected(), "value": echo(value)},
            )
        if isinstance(value, str):
            number = self._from_text(value)
        elif isinstance(value, numbers.Real | Decimal):
            number = self.real(value)
        elif is_quantity(value):
            number = self._from_quantity(value)
        elif isinstance(value, Mapping):
            number = self._from_mapping(value)
        else:
            raise ConversionError(
                "quantity_type",
                "expected {expected} as a number, a string such as '{example}' or a pint "
                "quantity, got {type_name}",
                {
                    "expected": self.expected(),
                    "example": self.example(),
                    "type_name": type(value).__name__,
                },
            )
        return self.check(number)

    # -- numbers -------------------------------------------------------------------------
    def real(self, value: numbers.Real | Decimal) -> float:
        """A real number as a float, refusing overflow and underflow to zero.

        Parameters
        ----------
        value:
            A real number (``int``, ``float``, ``Decimal``, numpy scalars ...).

        Returns
        -------
        float
            The number.

        Raises
        ------
        ConversionError
            When it is too large for a float, or so small that it would become zero.
        """
        try:
            number = float(value)
        except OverflowError:
            raise self._too_large(value) from None
        except (TypeError, ValueError):  # Decimal("sNaN"), a broken __float__
            raise ConversionError(
                "quantity_not_finite",
                "{expected} must be a finite number, got {value}",
                {"expected": self.expected(), "value": echo(value)},
            ) from None
        if math.isinf(number) and _finite_source(value):
            raise self._too_large(value)
        if number == 0 and value != 0:
            raise ConversionError(
                "quantity_out_of_range",
                "{value} is too close to zero to be told from zero, for {expected}",
                {"expected": self.expected(), "value": echo(value)},
            )
        return number

    def _too_large(self, value: object) -> ConversionError:
        negative = isinstance(value, numbers.Real | Decimal) and value < 0
        return ConversionError(
            "quantity_out_of_range",
            "{value} is too large {how}for {expected}",
            {
                "expected": self.expected(),
                "value": echo(value),
                "how": "in magnitude " if negative else "",
            },
        )

    def check(self, number: float) -> float | int:
        """Bounds, finiteness and wholeness of a magnitude already in :attr:`unit`.

        Parameters
        ----------
        number:
            A magnitude in :attr:`unit`.

        Returns
        -------
        float or int
            The magnitude (an ``int`` for an integer field).

        Raises
        ------
        ConversionError
            When it is not finite, out of bounds, or not whole for an integer field.
        """
        if not math.isfinite(number):
            raise ConversionError(
                "quantity_not_finite",
                "{expected} must be a finite number, got {value}",
                {"expected": self.expected(), "value": number_text(number)},
            )
        gt, ge, le = self.gt, self.ge, self.le
        if (gt is not None and not number > gt) or (ge is not None and not number >= ge):
            limit, words = (gt, "more than") if gt is not None else (ge, "at least")
            raise self._out_of_range(number, words, limit)
        if le is not None and not number <= le:
            raise self._out_of_range(number, "at most", le)
        if self.integer:
            if not number.is_integer():
                raise ConversionError(
                    "quantity_not_whole",
                    "{expected} must be a whole number, got {value}",
                    {"expected": self.expected(), "value": number_text(number)},
                )
            return int(number)
        return number

    def _out_of_range(self, number: float, words: str, limit: float | None) -> ConversionError:
        return ConversionError(
            "quantity_out_of_range",
            "{subject} must be {rule} {units}, got {value}",
            {
                "subject": self.label or "the value",
                "rule": f"{words} {number_text(limit or 0)}",
                "units": unit_words(self.unit, plural=limit != 1),
                "value": number_text(number),
            },
        )

    # -- text ----------------------------------------------------------------------------
    def _from_text(self, text: str) -> float:
        try:
            parsed = parse_quantity(text)
        except QuantityTextError as exc:
            raise ConversionError(
                exc.error_type,
                "could not read {value} as {expected}: {reason}",
                {"value": echo(text), "expected": self.expected(), "reason": exc.reason},
            ) from None
        if parsed.unit is None:
            return parsed.magnitude
        return self._convert(parsed.magnitude, parsed.unit, text)

    # -- pint quantities -----------------------------------------------------------------
    def _from_quantity(self, value: Any) -> float:
        magnitude = value.magnitude
        if isinstance(magnitude, bool) or is_boolean(magnitude):
            raise ConversionError(
                "quantity_type",
                "{expected} must be a number or a quantity, not a boolean ({value})",
                {"expected": self.expected(), "value": echo(magnitude)},
            )
        if not isinstance(magnitude, numbers.Real | Decimal):
            raise ConversionError(
                "quantity_type",
                "expected a scalar quantity for {expected}, got a magnitude of type {type_name}",
                {"expected": self.expected(), "type_name": type(magnitude).__name__},
            )
        number = self.real(magnitude)
        try:
            factors = tuple((str(name), exponent) for name, exponent in value.unit_items())
        except Exception:  # not a pint quantity after all, or a broken one
            factors = ()
            good = False
        else:
            good = all(
                name.isidentifier() and type(e) is int and 0 < abs(e) <= 8 for name, e in factors
            )
        if not good:
            raise ConversionError(
                "quantity_parse",
                "could not read the units {units} as {expected}: a unit is names with small "
                "whole exponents",
                {"units": echo(_units_text(value)), "expected": self.expected()},
            )
        return self._convert(number, UnitExpression(factors), f"{magnitude} {_units_text(value)}")

    # -- mappings --------------------------------------------------------------------------
    def _from_mapping(self, value: Mapping[Any, Any]) -> float:
        extra = [key for key in value if key not in MAPPING_KEYS]
        if extra:
            raise ConversionError(
                "quantity_mapping",
                "a mapping for {expected} holds 'magnitude' and 'units' (or 'unit'), not {key}",
                {"expected": self.expected(), "key": echo(extra[0])},
            )
        if "unit" in value and "units" in value and value["unit"] != value["units"]:
            raise ConversionError(
                "quantity_mapping",
                "a mapping for {expected} gives 'unit' {unit} and 'units' {units}, which "
                "disagree; give one of them",
                {
                    "expected": self.expected(),
                    "unit": echo(value["unit"]),
                    "units": echo(value["units"]),
                },
            )
        magnitude = value.get("magnitude")
        units = value.get("units", value.get("unit"))
        if (
            isinstance(magnitude, bool)
            or not isinstance(magnitude, numbers.Real | Decimal)
            or not isinstance(units, str)
        ):
            raise ConversionError(
                "quantity_type",
                "a mapping for {expected} needs a numeric 'magnitude' and a string 'units', "
                "got magnitude {magnitude} and units {units}",
                {
                    "expected": self.expected(),
                    "magnitude": echo(magnitude),
                    "units": echo(units),
                },
            )
        number = self.real(magnitude)
        if not units.strip():
            return number
        try:
            expression = parse_unit(units)
        except QuantityTextError as exc:
            raise ConversionError(
                exc.error_type,
                "could not read the units {units} as {expected}: {reason}",
                {"units": echo(units), "expected": self.expected(), "reason": exc.reason},
            ) from None
        return self._convert(number, expression, f"{number_text(number)} {units}")

    # -- conversion --------------------------------------------------------------------------
    def _convert(self, magnitude: float, expression: UnitExpression, shown: str) -> float:
        """*magnitude* in *expression*, as a magnitude in :attr:`unit` (checking dimensions)."""
        from ..errors import InvalidQuantityError
        from ._registry import unit_of

        try:
            unit = unit_of(expression)
        except InvalidQuantityError as exc:
            raise ConversionError(
                "quantity_parse",
                "could not read {value} as {expected}: {reason}",
                {"value": echo(shown), "expected": self.expected(), "reason": str(exc)},
            ) from None
        target = unit_of(parse_unit(self.unit))
        if self.per is None:
            self._same_dimension(unit, target, shown)
            return self._to(magnitude, unit, target, shown)
        per = parse_unit(self.per)
        amount = unit_of(UnitExpression((*parse_unit(self.unit).factors, *per.factors)))
        below = [(name, -e) for name, e in expression.factors if e < 0]
        if not below:  # an amount, such as "3 h" for hours per day: that much per `per`
            self._same_dimension(unit, amount, shown)
            return self._to(magnitude, unit, amount, shown)
        if len(below) != 1 or below[0][1] != 1:
            raise self._not_a_rate(shown, "a rate has one unit after '/' or 'per', such as 'day'")
        per_unit = unit_of(per)
        denominator = unit_of(UnitExpression((below[0],)))
        if denominator.dimensionality != per_unit.dimensionality or (
            _is_calendar(per_unit) and not _is_calendar(denominator)
        ):
            raise self._not_a_rate(
                shown, f"{echo(below[0][0])} is not a calendar unit such as day, week or month"
            )
        above = unit_of(UnitExpression(tuple((n, e) for n, e in expression.factors if e > 0)))
        if above.dimensionality != amount.dimensionality:
            raise self._not_a_rate(
                shown, f"its amount has dimension {_dimension(above)}, not {_dimension(amount)}"
            )
        return self._to(magnitude, unit, target, shown)

    def _same_dimension(self, unit: pint_types.Unit, target: pint_types.Unit, shown: str) -> None:
        if unit.dimensionality != target.dimensionality:
            raise ConversionError(
                "quantity_dimension",
                "expected {expected} (for example '{example}'), got {value} with dimension "
                "{dimension}",
                {
                    "expected": self.expected(),
                    "example": self.example(),
                    "value": echo(shown),
                    "dimension": _dimension(unit),
                },
            )

    def _not_a_rate(self, shown: str, reason: str) -> ConversionError:
        return ConversionError(
            "quantity_dimension",
            "expected {expected}, a time or sessions over a calendar unit (for example "
            "'{example}'); {value} is not: {reason}",
            {
                "expected": self.expected(),
                "example": self.example(),
                "value": echo(shown),
                "reason": reason,
            },
        )

    def _to(
        self, magnitude: float, unit: pint_types.Unit, target: pint_types.Unit, shown: str
    ) -> float:
        from ._registry import unit_registry

        try:
            result = float(unit_registry().Quantity(magnitude, unit).to(target).magnitude)
        except Exception as exc:  # pint conversion errors; never expected past the checks
            raise ConversionError(
                "quantity_dimension",
                "could not convert {value} to {expected}: {reason}",
                {
                    "value": echo(shown),
                    "expected": self.expected(),
                    "reason": (str(exc).strip() or type(exc).__name__).splitlines()[0][:120],
                },
            ) from None
        if math.isinf(result):
            raise self._too_large(shown)
        if result == 0 and magnitude != 0:
            raise ConversionError(
                "quantity_out_of_range",
                "{value} is too close to zero to be told from zero, for {expected}",
                {"expected": self.expected(), "value": echo(shown)},
            )
        return result

    # -- words -------------------------------------------------------------------------------
    def expected(self) -> str:
        """What the field holds, in words: its label, else its unit (``'hours per day'``).

        Returns
        -------
        str
            For example ``'hours per day'``.
        """
        return self.label or unit_words(self.unit)

    def example(self) -> str:
        """An example input, ``'3 hours/day'``.

        Returns
        -------
        str
            For example ``'3 hours/day'``.
        """
        if self.per is not None:
            amount = self.unit.split("/")[0].strip()
            return f"3 {plural_unit(amount)}/{self.per}"
        return f"3 {plural_unit(self.unit)}"


def _finite_source(value: Any) -> bool:
    """Whether a number that became an infinite float was finite (too large, not infinite)."""
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, numbers.Rational):
        return True
    try:  # numpy's long double, say: compared in its own precision
        return bool(abs(value) < math.inf)  # False for NaN and the infinities
    except Exception:  # a number type that cannot compare with floats
        return False


def _is_calendar(unit: pint_types.Unit) -> bool:
    """A time unit of a day or longer (day, week, fortnight, month, year)."""
    from ._registry import unit_registry

    registry = unit_registry()
    day = registry.Unit("day")
    if unit.dimensionality != day.dimensionality:
        return False
    return bool(registry.Quantity(1.0, unit).to(day).magnitude >= 1 - 1e-12)


def _dimension(unit: pint_types.Unit) -> str:
    text = str(unit.dimensionality)
    return "dimensionless" if text == "dimensionless" or not text else text


def _units_text(value: Any) -> str:
    try:
        return str(value.units)
    except Exception:  # a hostile __str__
        return f"<{type(value).__name__} units>"
