"""Every exception class of :mod:`carecontinuum.journeys`, in one place."""

from __future__ import annotations

from collections.abc import Sequence

from .._text import echo
from ..errors import CareContinuumError, UnknownLevelError

__all__ = [
    "JourneyOptionError",
    "PlacementFileError",
    "PlacementFrameError",
    "SyntheticCohortError",
    "UnknownLevelCodesError",
]


class JourneyOptionError(CareContinuumError, ValueError):
    """An option of a journeys function has the right type but a value it cannot take.

    A negative ``max_gap_days``, a ``limit`` or ``row_group_size`` below 1, or
    ``people`` that the frame does not hold.  The message names the option, the
    value (cut to about 80 characters) and the rule; it is a :class:`ValueError`
    too, so ``except ValueError`` keeps working.  An option of the wrong type is
    a :class:`TypeError` naming the option.

    Attributes
    ----------
    option:
        The option's name (``"max_gap_days"``).
    value:
        The value as passed.
    """

    def __init__(self, option: str, value: object, rule: str) -> None:
        self.option = option
        self.value = value
        super().__init__(f"{option} {rule}, got {echo(value)}")


class PlacementFrameError(CareContinuumError, ValueError):
    """A DataFrame of placements is missing columns or holds values that cannot be used.

    The message names the column, the rule broken and (up to five of) the rows.
    """


class PlacementFileError(PlacementFrameError):
    """A file of placements (CSV or Parquet) cannot be read: missing, a directory, not text ..."""


class UnknownLevelCodesError(UnknownLevelError):
    """Level codes in a DataFrame that the graph does not know (all of them, with counts)."""

    def __init__(
        self, column: str, unknown: dict[str, int], suggestions: dict[str, Sequence[str]]
    ) -> None:
        self.column = column
        self.unknown = unknown
        self.per_code_suggestions = suggestions
        first = next(iter(unknown))
        super().__init__(f"care level code in column {column!r}", first, suggestions[first])

    def _message(self) -> str:
        parts = []
        for code, count in self.unknown.items():
            hint = self.per_code_suggestions.get(code, ())
            tip = f" (did you mean {' or '.join(repr(s) for s in hint)}?)" if hint else ""
            parts.append(f"{echo(code)} in {count} row{'s' if count != 1 else ''}{tip}")
        return f"unknown care level codes in column {self.column!r}: " + "; ".join(parts)


class SyntheticCohortError(CareContinuumError, ValueError):
    """An argument of :func:`synthetic_cohort` is out of range or of the wrong type."""
