"""The errors of :mod:`carecontinuum.locator`."""

from __future__ import annotations

from ..errors import CareContinuumError

__all__ = ["InvalidListingError", "LocatorError"]


class LocatorError(CareContinuumError):
    """Base class of the errors reading treatment-locator data."""


class InvalidListingError(LocatorError, ValueError):
    """The data is not a locator listing at all (not JSON, not an object or a list of rows).

    Problems with single rows never raise: they are reported in
    :attr:`Listing.problems <carecontinuum.locator.Listing.problems>`, and the
    good rows are kept.
    """
