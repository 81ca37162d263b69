"""The exceptions of :mod:`carecontinuum.teds`, all subclasses of :class:`TedsError`.

Messages name the column or argument, the value (cut to about 80 characters)
and the rule; a value in a file also names its row, counted from 1 at the
first row after the header.
"""

from __future__ import annotations

from ..errors import CareContinuumError

__all__ = [
    "TedsError",
    "TedsFormatError",
    "TedsFrameError",
    "TedsValueError",
    "TedsWriteError",
]


class TedsError(CareContinuumError, ValueError):
    """Base class of every error raised by :mod:`carecontinuum.teds`."""


class TedsFormatError(TedsError):
    """The input is not a TEDS-D file: a required column is missing, or the CSV is malformed.

    ``column`` names the missing or offending column when there is one.
    """

    def __init__(self, message: str, *, column: str | None = None) -> None:
        self.column = column
        super().__init__(message)


class TedsValueError(TedsError):
    """A value that is not a code of its TEDS-D column, or a bad argument value.

    ``column`` and ``row`` (1 = the first row after the header) locate a value
    read from a file or frame; both are ``None`` for an argument.
    """

    def __init__(self, message: str, *, column: str | None = None, row: int | None = None) -> None:
        self.column = column
        self.row = row
        super().__init__(message)


class TedsFrameError(TedsError):
    """A frame handed to the episode analytics is not one that ``read_discharges`` returns."""


class TedsWriteError(TedsError):
    """Placements that cannot be written as TEDS-D rows (no end date, no setting code, ...)."""
