"""The one process-wide unit registry, created on first use.

carecontinuum never builds a registry of its own: it extends pint's
*application registry* once with the units the continuum of care needs
(``session``), so quantities made by the library and by the application mix
freely.  Nothing here runs at import time; pint itself is imported only when a
string or a quantity has to be understood.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from ..errors import InvalidQuantityError

__all__ = ["CUSTOM_UNITS", "quantity", "unit_registry"]

#: Definitions added to the application registry, in pint's definition syntax.
#: ``session`` is a count of attended treatment sessions: its own base
#: dimension, so "sessions per week" can never be confused with hours.
CUSTOM_UNITS: tuple[str, ...] = ("session = [session] = sess",)

_lock = threading.Lock()
_ready = False


def unit_registry() -> Any:
    """Return pint's application registry, extended with the library's units.

    The first call imports pint and adds :data:`CUSTOM_UNITS` (once, skipping a
    unit the application already defined).  Later calls are cheap.

    Examples
    --------
    >>> ureg = unit_registry()
    >>> (3 * ureg.session / ureg.week).dimensionality
    <UnitsContainer({'[session]': 1, '[time]': -1})>

    pint's calendar units are averages: a ``month`` is 1/12 of a Julian year.

    >>> round(ureg.Quantity(1, "month").to("day").magnitude, 4)
    30.4375
    """
    global _ready
    import pint

    registry = pint.get_application_registry()  # type: ignore[no-untyped-call]
    if not _ready:
        with _lock:
            if not _ready:
                for definition in CUSTOM_UNITS:
                    name = definition.split("=", 1)[0].strip()
                    if name not in registry:
                        registry.define(definition)
                _ready = True
    return registry


@functools.lru_cache(maxsize=256)
def _unit(spec: str) -> Any:
    return unit_registry().Unit(spec)


def checked_unit(spec: Any) -> Any:
    """The pint unit *spec* names, or :class:`~carecontinuum.InvalidQuantityError`.

    pint raises many unrelated exception types (and ``AssertionError``) for a
    bad unit string; this turns them all into one error that names the value.
    """
    if not isinstance(spec, str):
        raise InvalidQuantityError(
            f"a unit must be a string such as 'hour / week', got {type(spec).__name__} {spec!r}",
            error_type="unit_type",
        )
    try:
        return _unit(spec)
    except Exception as exc:  # pint: UndefinedUnitError, ValueError, AssertionError, ...
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise InvalidQuantityError(
            f"could not read {spec!r} as a unit: {reason}", error_type="unit_parse"
        ) from None


def quantity(magnitude: float, unit: str) -> Any:
    """Make a pint quantity in the shared registry.

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
    if isinstance(magnitude, (bool, str, bytes)) or magnitude is None:
        raise InvalidQuantityError(
            f"the magnitude of a quantity in {unit} must be a number, "
            f"got {type(magnitude).__name__} {magnitude!r}",
            error_type="quantity_type",
        )
    try:
        return unit_registry().Quantity(magnitude, target)
    except (TypeError, ValueError) as exc:
        raise InvalidQuantityError(
            f"could not make a quantity in {unit} from {magnitude!r}: {exc}",
            error_type="quantity_type",
        ) from None
