"""The one process-wide unit registry, created on first use, and the unit cache.

carecontinuum never builds a registry of its own: it extends pint's
*application registry* once with the units the continuum of care needs
(``session``), so quantities made by the library and by the application mix
freely.  Nothing here runs at import time; pint itself is imported only when a
string or a quantity has to be understood.

Unit text never reaches pint's expression parser: :func:`unit_of` takes a
parsed :class:`~carecontinuum.units._parse.UnitExpression` and hands pint one
unit *name* at a time, multiplying the results.  Units are cached per
registry, in a bounded cache.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .._text import echo
from ..errors import InvalidQuantityError
from . import pint_types
from ._parse import UnitExpression, parse_unit

if TYPE_CHECKING:
    import pint

__all__ = ["CUSTOM_UNITS", "checked_unit", "quantity", "unit_of", "unit_registry"]

#: Definitions added to the application registry, in pint's definition syntax.
#: ``session`` is a count of attended treatment sessions: its own base
#: dimension, so "sessions per week" can never be confused with hours.
CUSTOM_UNITS: tuple[str, ...] = ("session = [session] = sess",)

#: The most units kept in the cache (per registry) before it starts afresh.
UNIT_CACHE_SIZE = 512

_lock = threading.Lock()
_prepared: object = None  # the registry CUSTOM_UNITS were added to
_units: dict[tuple[tuple[str, int], ...], pint_types.Unit] = {}


def unit_registry() -> pint_types.UnitRegistry:
    """Return pint's application registry, extended with the library's units.

    The registry returned is the one the application registry currently
    wraps (``pint.get_application_registry().get()``), so quantities made
    with it and with ``pint.Quantity`` mix freely.  The first call imports
    pint and adds :data:`CUSTOM_UNITS` (once per registry, skipping a unit the
    application already defined).  Later calls are cheap.

    Returns
    -------
    pint.UnitRegistry
        The application's registry, with ``session`` defined.

    Examples
    --------
    >>> ureg = unit_registry()
    >>> (3 * ureg.session / ureg.week).dimensionality
    <UnitsContainer({'[session]': 1, '[time]': -1})>

    pint's calendar units are averages: a ``month`` is 1/12 of a Julian year.

    >>> round(ureg.Quantity(1, "month").to("day").magnitude, 4)
    30.4375
    """
    global _prepared
    import pint

    application = pint.get_application_registry()  # type: ignore[no-untyped-call]
    registry: pint_types.UnitRegistry = application.get()
    if registry is not _prepared:
        with _lock:
            if registry is not _prepared:
                for definition in CUSTOM_UNITS:
                    name = definition.split("=", 1)[0].strip()
                    if name not in application:  # the wrapper: a lazy registry loads first
                        application.define(definition)
                _units.clear()
                _prepared = registry
    return registry


def unit_of(expression: UnitExpression) -> pint_types.Unit:
    """The pint unit of a parsed unit expression, from a bounded cache.

    Each name goes to pint on its own (``registry.Unit("hours")``), so pint
    never evaluates an expression; the names' units are then multiplied.

    Parameters
    ----------
    expression:
        A parsed unit expression.

    Returns
    -------
    pint.Unit
        The unit, in the shared registry.

    Raises
    ------
    carecontinuum.InvalidQuantityError
        ``unit_parse`` when a name is not a unit pint knows.

    Examples
    --------
    >>> unit_of(parse_unit("hours per day"))
    <Unit('hour / day')>
    """
    registry = unit_registry()
    key = expression.factors
    found = _units.get(key)
    if found is not None:
        return found
    unit = registry.Unit("")
    for name, exponent in key:
        unit = unit * _named_unit(registry, name) ** exponent
    if len(_units) >= UNIT_CACHE_SIZE:
        _units.clear()
    _units[key] = unit
    return unit


def _named_unit(registry: pint_types.UnitRegistry, name: str) -> pint_types.Unit:
    try:
        return registry.Unit(name)
    except Exception as exc:  # pint: UndefinedUnitError and relatives
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise InvalidQuantityError(
            f"{echo(name)} is not a unit: {reason[:120]}", error_type="unit_parse"
        ) from None


def checked_unit(spec: object) -> pint_types.Unit:
    """The pint unit *spec* names, or :class:`~carecontinuum.InvalidQuantityError`.

    *spec* is read with the library's own grammar (unit names joined by
    ``*``, ``/`` or ``per``), never by pint's expression parser.

    Parameters
    ----------
    spec:
        Unit text such as ``"hour / week"``.

    Returns
    -------
    pint.Unit
        The unit, in the shared registry.

    Raises
    ------
    carecontinuum.InvalidQuantityError
        ``unit_type`` when *spec* is not a string, ``unit_parse`` when it is
        not a unit.

    Examples
    --------
    >>> checked_unit("session / week")
    <Unit('session / week')>
    >>> checked_unit("iop")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.InvalidQuantityError: could not read 'iop' as a unit: 'iop' is not \
a unit: 'iop' is not defined in the unit registry
    """
    if not isinstance(spec, str):
        raise InvalidQuantityError(
            f"a unit must be a string such as 'hour / week', got {type(spec).__name__} "
            f"{echo(spec)}",
            error_type="unit_type",
        )
    try:
        return unit_of(parse_unit(spec))
    except InvalidQuantityError as exc:
        reason = str(exc).split(" as a quantity: ", 1)[-1]
        raise InvalidQuantityError(
            f"could not read {echo(spec)} as a unit: {reason}", error_type="unit_parse"
        ) from None


def quantity(magnitude: float, unit: str) -> pint_types.Quantity:
    """Make a pint quantity in the shared registry.

    Parameters
    ----------
    magnitude:
        A real number (not a bool, not a string).
    unit:
        Unit text such as ``"hour / week"``: unit names joined by ``*``, ``/``
        or ``per``, read with the library's own grammar.

    Returns
    -------
    pint.Quantity
        The quantity, in the shared registry.

    Raises
    ------
    carecontinuum.InvalidQuantityError
        When *unit* is not a unit pint knows, or *magnitude* is not a number.

    Examples
    --------
    >>> quantity(12, "hour / week")
    <Quantity(12, 'hour / week')>
    """
    target = checked_unit(unit)
    if isinstance(magnitude, bool | str | bytes) or magnitude is None:
        raise InvalidQuantityError(
            f"the magnitude of a quantity in {unit} must be a number, "
            f"got {type(magnitude).__name__} {echo(magnitude)}",
            error_type="quantity_type",
        )
    try:
        made: pint.Quantity[float] = unit_registry().Quantity(magnitude, target)
    except (TypeError, ValueError) as exc:
        raise InvalidQuantityError(
            f"could not make a quantity in {unit} from {echo(magnitude)}: {str(exc)[:120]}",
            error_type="quantity_type",
        ) from None
    return made
