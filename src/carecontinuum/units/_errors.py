"""Errors of the units package (every one an :class:`~carecontinuum.InvalidQuantityError`)."""

from __future__ import annotations

from .._text import echo
from ..errors import InvalidQuantityError

__all__ = ["QuantityTextError"]


class QuantityTextError(InvalidQuantityError):
    """Quantity text the library will not read: too long, not finite, or outside the grammar.

    Parameters
    ----------
    text:
        The text as given (echoed cut to about 80 characters).
    reason:
        What is wrong, in words.
    error_type:
        ``quantity_parse``, ``quantity_too_long``, ``quantity_not_finite`` or
        ``quantity_out_of_range``.

    Examples
    --------
    >>> err = QuantityTextError("3 hx", "no such unit", error_type="quantity_parse")
    >>> str(err), err.reason
    ("could not read '3 hx' as a quantity: no such unit", 'no such unit')
    """

    def __init__(self, text: str, reason: str, *, error_type: str = "quantity_parse") -> None:
        self.text = text
        self.reason = reason
        super().__init__(
            f"could not read {echo(text)} as a quantity: {reason}", error_type=error_type
        )
