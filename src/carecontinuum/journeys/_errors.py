"""Every exception class of :mod:`carecontinuum.journeys`, in one place."""

from __future__ import annotations

from collections.abc import Sequence

from .._text import echo
from ..errors import CareContinuumError, UnknownLevelError

__all__ = [
    "PlacementFileError",
    "PlacementFrameError",
    "SyntheticCohortError",
    "UnknownLevelCodesError",
]


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
