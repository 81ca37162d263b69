"""Numbers of other types (``Decimal``, ``Fraction``, numpy) read cheaply, or refused.

pydantic turns ``Decimal("1e999999")`` into a million-digit ``int`` for an
``int`` field (hundreds of milliseconds, and the value is kept).  Journeys'
integer fields — person ids, move indexes and gaps — pass other number types
through :func:`plain_whole` first, which looks at the magnitude without
building the integer.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

__all__ = ["LIMIT", "plain_whole"]

#: Beyond this magnitude a number of another type is refused (floats hold integers exactly
#: up to 2**53).
LIMIT = 2**53


def plain_whole(value: Any) -> Any:
    """*value* unchanged, unless it is a number of another type than int and float.

    Such a number (``Decimal``, ``Fraction``, a numpy scalar) is its ``int``
    when whole and at most :data:`LIMIT` in size, else a ``ValueError``.  Bools,
    ints, floats, text and anything else pass through for the field to judge.

    Examples
    --------
    >>> from decimal import Decimal
    >>> plain_whole(Decimal(7)), plain_whole("7"), plain_whole(2.5)
    (7, '7', 2.5)
    >>> plain_whole(Decimal("1e999999"))
    Traceback (most recent call last):
    ...
    ValueError: a whole number of at most 2**53 is expected, not Decimal('1E+999999')
    """
    if isinstance(value, bool | int | float | str) or not isinstance(value, numbers.Number):
        return value
    try:
        number = float(value)  # type: ignore[arg-type]  # complex: TypeError
    except (TypeError, ValueError, OverflowError, ArithmeticError):  # sNaN, complex
        number = math.nan
    if not math.isfinite(number) or not number.is_integer() or abs(number) > LIMIT:
        from .._text import echo

        raise ValueError(f"a whole number of at most 2**53 is expected, not {echo(value)}")
    return int(number)
