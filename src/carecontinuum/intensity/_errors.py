"""Errors of the intensity calculators that are not validation errors of a model."""

from __future__ import annotations

from ..errors import CareContinuumError

__all__ = ["ArrayLengthError", "IntensityInputError"]


class IntensityInputError(CareContinuumError, ValueError):
    """Input a calculator cannot use: a bad value in an array, or figures a rule set needs.

    ``field`` names the argument at fault (empty when several are).
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.field = field
        super().__init__(message)


class ArrayLengthError(IntensityInputError):
    """Array arguments of different lengths; the message names both lengths."""

    def __init__(self, first: str, first_length: int, second: str, second_length: int) -> None:
        self.lengths = {first: first_length, second: second_length}
        super().__init__(
            f"{first} has {first_length} values but {second} has {second_length}; "
            "array arguments must have the same length",
            field=second,
        )
