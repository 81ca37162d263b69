"""pint's types for annotations, without importing pint at import time.

The library returns pint quantities (``Schedule.hours_per_week``,
:func:`carecontinuum.quantity`, ...) but imports pint only when one is made.
Annotations name the types through this module (``pint_types.Quantity``):

* type checkers see pint's own classes (pint ships type information);
* at run time the names resolve on first access, importing pint then, so
  ``typing.get_type_hints`` and documentation tools work too.

``Quantity`` is a scalar quantity (``pint.Quantity[float]``), ``Unit`` a
unit and ``UnitRegistry`` a registry.

Examples
--------
>>> from carecontinuum.units import pint_types, quantity
>>> isinstance(quantity(3, "hour"), pint_types.Quantity.__origin__)
True
>>> pint_types.Unit.__name__
'Unit'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Quantity", "Unit", "UnitRegistry"]

if TYPE_CHECKING:
    from typing import TypeAlias

    import pint

    #: A scalar pint quantity: a float magnitude and a unit.
    Quantity: TypeAlias = pint.Quantity[float]
    #: A pint unit.
    Unit: TypeAlias = pint.Unit
    #: A pint unit registry holding float quantities.
    UnitRegistry: TypeAlias = pint.UnitRegistry[float]
else:

    def __getattr__(name: str) -> object:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import pint

        found = {
            "Quantity": pint.Quantity[float],
            "Unit": pint.Unit,
            "UnitRegistry": pint.UnitRegistry[float],
        }[name]
        globals()[name] = found
        return found


def __dir__() -> list[str]:
    return list(__all__)
