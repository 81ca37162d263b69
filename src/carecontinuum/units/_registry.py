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


def quantity(magnitude: float, unit: str) -> Any:
    """Make a pint quantity in the shared registry.

    Examples
    --------
    >>> quantity(12, "hour / week")
    <Quantity(12, 'hour / week')>
    """
    return unit_registry().Quantity(magnitude, _unit(unit))
