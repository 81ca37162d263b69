"""The one reader of quantity text: a small grammar of our own, never pint's evaluator.

pint's string parser evaluates arithmetic, powers included, so a dozen
characters (``"9**9**9 h"``) can keep a process busy for ever.  Every quantity
string the library accepts goes through :func:`parse_quantity` instead:

* a decimal or scientific number of at most :data:`MAX_NUMBER_LENGTH`
  characters (``3``, ``2.5``, ``.5``, ``1e3``), optionally signed;
* then, optionally, a unit expression: unit names joined by ``*``, ``/`` or
  the word ``per``, each name with an optional small integer exponent
  (``^2``, ``**-1``, from -:data:`MAX_EXPONENT` to :data:`MAX_EXPONENT`);
* nothing else: no arithmetic on magnitudes, no parentheses, no implicit
  products, at most :data:`MAX_QUANTITY_LENGTH` characters in all and
  :data:`MAX_UNIT_FACTORS` unit names.

Only unit *names* ever reach pint, one at a time (see
:mod:`carecontinuum.units._registry`), and each parse is linear in the
length of the text, which is bounded anyway.

Examples
--------
>>> parse_quantity("180 min")
QuantityText(magnitude=180.0, unit=UnitExpression(factors=(('min', 1),)))
>>> parse_quantity("3 hours per day").unit.text
'hours / day'
>>> parse_quantity("9**9**9 h")
Traceback (most recent call last):
...
carecontinuum.units._errors.QuantityTextError: could not read '9**9**9 h' as a quantity: \
a quantity is one number followed by a unit; arithmetic such as '1/2' or '9**9' is not read
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .._text import echo
from ._errors import QuantityTextError

__all__ = [
    "MAX_EXPONENT",
    "MAX_NUMBER_LENGTH",
    "MAX_QUANTITY_LENGTH",
    "MAX_UNIT_FACTORS",
    "MAX_UNIT_NAME_LENGTH",
    "QuantityText",
    "UnitExpression",
    "finite_float",
    "parse_number",
    "parse_quantity",
    "parse_unit",
]

#: The longest quantity string read, in characters (surrounding spaces included).
MAX_QUANTITY_LENGTH = 100
#: The longest number in a quantity string, in characters.
MAX_NUMBER_LENGTH = 32
#: The most unit names one unit expression may join.
MAX_UNIT_FACTORS = 6
#: The longest single unit name.
MAX_UNIT_NAME_LENGTH = 40
#: The largest exponent (in absolute value) a unit name may carry.
MAX_EXPONENT = 4

_EXAMPLE = "such as '3 hours/day'"
# ASCII digits only: float() would also take Arabic-Indic digits and underscores.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_ARITHMETIC = frozenset("*/^+-()%")
# One token of a unit expression; names are ASCII letters and underscores.
_TOKEN = re.compile(
    r"\s*(?:(?P<name>[A-Za-z_]+)|(?P<power>\*\*|\^)|(?P<op>[*/])|(?P<int>[+-]?[0-9]+))"
)


@dataclass(frozen=True, slots=True)
class UnitExpression:
    """A parsed unit expression: unit names with their exponents, in the order written.

    ``hours / day`` is ``(("hours", 1), ("day", -1))``; a name written twice
    appears twice (pint combines them).
    """

    factors: tuple[tuple[str, int], ...]

    @property
    def text(self) -> str:
        """The expression written out again, ``'hours / day'``."""
        out = ""
        for name, exponent in self.factors:
            power = f" ** {abs(exponent)}" if abs(exponent) != 1 else ""
            if not out:
                out = f"{name}{power}" if exponent > 0 else f"1 / {name}{power}"
            else:
                out += f" {'*' if exponent > 0 else '/'} {name}{power}"
        return out


@dataclass(frozen=True, slots=True)
class QuantityText:
    """A parsed quantity string: its magnitude and its unit (``None`` for a bare number)."""

    magnitude: float
    unit: UnitExpression | None


def _error(text: str, reason: str, error_type: str = "quantity_parse") -> QuantityTextError:
    return QuantityTextError(text, reason, error_type=error_type)


def finite_float(digits: str, text: str) -> float:
    """The float a number's *digits* spell, refusing overflow and underflow to zero.

    Parameters
    ----------
    digits:
        A number matched by the grammar (``"1e3"``).
    text:
        The whole text, for the message.

    Returns
    -------
    float
        The value; never infinite, and zero only when the digits are all zeros.

    Raises
    ------
    carecontinuum.units.QuantityTextError
        ``quantity_out_of_range`` for a number too large for a float, or too
        close to zero to be told from zero.

    Examples
    --------
    >>> finite_float("2.5e1", "2.5e1 h")
    25.0
    >>> finite_float("1e-999", "1e-999 h")
    Traceback (most recent call last):
    ...
    carecontinuum.units._errors.QuantityTextError: could not read '1e-999 h' as a quantity: \
1e-999 is too close to zero to be told from zero
    """
    value = float(digits)  # linear in len(digits), which the grammar bounds
    if math.isinf(value):
        raise _error(text, f"{digits} is too large for a number", "quantity_out_of_range")
    mantissa = digits.lower().partition("e")[0]
    if value == 0 and any(c in "123456789" for c in mantissa):
        raise _error(
            text, f"{digits} is too close to zero to be told from zero", "quantity_out_of_range"
        )
    return value


def parse_number(text: str, position: int = 0) -> tuple[str, int]:
    """The number at *position* in *text* and where it ends, or an error.

    Examples
    --------
    >>> parse_number("2.5 h")
    ('2.5', 3)
    """
    match = _NUMBER.match(text, position)
    if match is None:
        if _NOT_FINITE.match(text, position):
            raise _error(text, "the number must be finite", "quantity_not_finite")
        raise _error(text, f"a quantity is a number followed by a unit, {_EXAMPLE}")
    digits = match.group()
    if len(digits) > MAX_NUMBER_LENGTH:
        raise _error(
            text,
            f"its number has {len(digits)} characters; at most {MAX_NUMBER_LENGTH} are read",
            "quantity_too_long",
        )
    return digits, match.end()


def _check_length(text: str) -> None:
    if len(text) > MAX_QUANTITY_LENGTH:
        raise _error(
            text,
            f"it has {len(text):,} characters; a quantity has at most {MAX_QUANTITY_LENGTH}",
            "quantity_too_long",
        )


def parse_quantity(text: str) -> QuantityText:
    """Read a quantity string: a number, then optionally a unit expression.

    Parameters
    ----------
    text:
        ``"3"``, ``"180 min"``, ``"3 hours per day"``, ``"1.5e1 h/week"``.

    Returns
    -------
    QuantityText
        The magnitude (a finite float) and the unit expression, if any.

    Raises
    ------
    carecontinuum.units.QuantityTextError
        For text longer than :data:`MAX_QUANTITY_LENGTH`, a number that is
        not finite (``"inf"``, ``"1e400"``), or text outside the grammar; the
        ``error_type`` says which.

    Examples
    --------
    >>> parse_quantity(" 2.5 ")
    QuantityText(magnitude=2.5, unit=None)
    >>> parse_quantity("3 h*h").unit.factors
    (('h', 1), ('h', 1))
    """
    _check_length(text)
    return _parse_quantity(text)


@functools.lru_cache(maxsize=1024)
def _parse_quantity(text: str) -> QuantityText:
    position = _skip_space(text, 0)
    digits, position = parse_number(text, position)
    magnitude = finite_float(digits, text)
    rest = text[position:]
    if not rest.strip():
        return QuantityText(magnitude, None)
    if rest[0] in _ARITHMETIC or rest.lstrip()[0] in _ARITHMETIC:
        raise _error(
            text,
            "a quantity is one number followed by a unit; arithmetic such as '1/2' or '9**9' "
            "is not read",
        )
    if not rest[0].isspace() and not ("a" <= rest[0].lower() <= "z"):
        raise _error(text, f"a quantity is a number followed by a unit, {_EXAMPLE}")
    return QuantityText(magnitude, _parse_unit(rest, text))


def parse_unit(text: str) -> UnitExpression:
    """Read a unit expression: unit names joined by ``*``, ``/`` or ``per``.

    Parameters
    ----------
    text:
        ``"hour / day"``, ``"sessions per week"``, ``"h^2"``.

    Returns
    -------
    UnitExpression
        The names and their exponents.

    Raises
    ------
    carecontinuum.units.QuantityTextError
        For text longer than :data:`MAX_QUANTITY_LENGTH` or outside the grammar.

    Examples
    --------
    >>> parse_unit("session / week").factors
    (('session', 1), ('week', -1))
    >>> parse_unit("hour / (day)")
    Traceback (most recent call last):
    ...
    carecontinuum.units._errors.QuantityTextError: could not read 'hour / (day)' as a quantity: \
'(' at position 7 is not part of a unit; a unit is names joined by '*', '/' or 'per', \
such as 'hour / day'
    """
    _check_length(text)
    return _parse_unit(text, text)


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return position if match is None else match.end()


@functools.lru_cache(maxsize=1024)
def _parse_unit(unit_text: str, text: str) -> UnitExpression:
    """Read *unit_text* (the tail of *text*): a name, then (operator, name) pairs."""
    factors: list[tuple[str, int]] = []
    sign = 1
    state = "name"  # what comes next: "name", or "operator" (after a name or an exponent)
    powered = False
    position = 0
    end = len(unit_text.rstrip())
    while position < end:
        match = _TOKEN.match(unit_text, position)
        if match is None:
            offset = len(text) - len(unit_text) + _skip_space(unit_text, position)
            raise _error(
                text,
                f"{text[offset : offset + 1]!r} at position {offset} is not part of a unit; a "
                "unit is names joined by '*', '/' or 'per', such as 'hour / day'",
            )
        position = match.end()
        kind = match.lastgroup
        token = match.group(kind) if kind else ""
        if state == "name":
            if kind != "name" or token == "per":
                raise _error(text, f"expected a unit name where {token!r} is, {_EXAMPLE}")
            if len(token) > MAX_UNIT_NAME_LENGTH:
                raise _error(
                    text,
                    f"a unit name has at most {MAX_UNIT_NAME_LENGTH} characters",
                    "quantity_too_long",
                )
            if len(factors) == MAX_UNIT_FACTORS:
                raise _error(
                    text, f"a unit joins at most {MAX_UNIT_FACTORS} names", "quantity_too_long"
                )
            factors.append((token, sign))
            state, powered = "operator", False
        elif kind == "power" and not powered:
            exponent = _TOKEN.match(unit_text, position)
            digits = "" if exponent is None else exponent.group("int") or ""
            if exponent is None or not digits:
                raise _error(text, f"{token} must be followed by a whole number, such as 'h^2'")
            position = exponent.end()
            if digits.lstrip("+-") not in _EXPONENTS:
                raise _error(
                    text,
                    f"a unit's exponent is a whole number from -{MAX_EXPONENT} to "
                    f"{MAX_EXPONENT} other than 0, got {echo(digits, 12)}",
                )
            name, current = factors[-1]
            factors[-1] = (name, current * int(digits))
            powered = True
        elif kind == "op" or token == "per":
            sign = -1 if token in ("/", "per") else 1
            state = "name"
        else:
            raise _error(
                text,
                f"{token!r} cannot follow a unit name; join names with '*', '/' or 'per', "
                "such as 'hour / day'",
            )
    if state == "name":
        raise _error(text, f"the unit ends without a unit name, {_EXAMPLE}")
    return UnitExpression(tuple(factors))


_EXPONENTS = frozenset(str(n) for n in range(1, MAX_EXPONENT + 1))
