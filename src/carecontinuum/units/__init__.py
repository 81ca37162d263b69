"""Units: the shared registry, unit-aware pydantic field types and ranges.

Importing this package does not import pint; the registry is created on first
use (see :func:`unit_registry`).

Calendar units follow pint: a ``week`` is 7 days, a ``year`` is a Julian year
of 365.25 days and a ``month`` is 1/12 of that year (30.4375 days).  A stay of
"1 month" is therefore 30.4375 days, not a calendar month; use dates where the
calendar matters.

Quantity strings are read with the library's own small grammar (a number,
then unit names joined by ``*``, ``/`` or ``per``; at most
:data:`MAX_QUANTITY_LENGTH` characters), never by pint's expression
evaluator: see ``carecontinuum.units._parse``.

Examples
--------
>>> from carecontinuum.units import convert, quantity
>>> convert("180 min", "hour")
3.0
>>> quantity(3, "hour / day") * quantity(4, "day / week")
<Quantity(12, 'hour / week')>
"""

from __future__ import annotations

from .._signature import readable
from . import pint_types
from ._errors import QuantityTextError
from ._field import InUnit, convert
from ._parse import MAX_QUANTITY_LENGTH
from ._range import QuantityRange, RangeUnit
from ._registry import CUSTOM_UNITS, quantity, unit_registry
from ._types import (
    CALENDAR_DAYS,
    Days,
    DaysPerWeek,
    Hours,
    HoursPerDay,
    HoursPerWeek,
    NonNegativeHours,
    Sessions,
    SessionsPerWeek,
    Weeks,
)

__all__ = [
    "CALENDAR_DAYS",
    "CUSTOM_UNITS",
    "MAX_QUANTITY_LENGTH",
    "Days",
    "DaysPerWeek",
    "Hours",
    "HoursPerDay",
    "HoursPerWeek",
    "InUnit",
    "NonNegativeHours",
    "QuantityRange",
    "QuantityTextError",
    "RangeUnit",
    "Sessions",
    "SessionsPerWeek",
    "Weeks",
    "convert",
    "pint_types",
    "quantity",
    "unit_registry",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(QuantityRange)
