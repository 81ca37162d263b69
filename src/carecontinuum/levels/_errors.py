"""The errors of :mod:`carecontinuum.levels` (lookups raise the root ``Unknown*Error``s)."""

from __future__ import annotations

from ..errors import CareContinuumError

__all__ = ["InvalidCrosswalkError", "ServiceCountError", "UnboundCrosswalkError"]


class InvalidCrosswalkError(CareContinuumError, ValueError):
    """A crosswalk does not fit its frameworks: a source level is left unmapped.

    Codes that name no level of either framework raise
    :class:`~carecontinuum.errors.UnknownLevelError` instead (with suggestions).
    """


class UnboundCrosswalkError(CareContinuumError, LookupError):
    """A crosswalk built from framework codes was queried before it had its frameworks.

    Bind it (:meth:`~carecontinuum.Crosswalk.bind`), build it with
    :meth:`~carecontinuum.Crosswalk.between`, or register it.
    """


class ServiceCountError(CareContinuumError, ValueError):
    """A count of services per day given to :meth:`~carecontinuum.levels.PerDiemTier.covers`
    is below 0."""
