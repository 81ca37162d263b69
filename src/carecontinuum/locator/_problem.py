"""``ListingProblem``: one issue found in one row of a listing (or in the listing itself).

:class:`RowProblems` collects a row's problems while its fields are read, and
checks text the way every field needs it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

from .._text import echo

__all__ = ["BAD_CHAR", "ListingProblem", "RowProblems", "Severity", "describe"]

#: C0 and C1 control characters (a terminal obeys them) and lone surrogates (no encoding
#: writes them): refused in every text a listing gives.
BAD_CHAR = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ListingProblem:
    """An issue with one row of a listing.

    Attributes
    ----------
    row:
        The row's index in the listing's ``rows`` (from 0); ``None`` for the
        listing's own fields (``page``, ``totalPages`` …).
    field:
        Where in the row: ``"latitude"``, ``"services[3].f3"``; ``""`` for the
        row as a whole.
    code:
        What kind of issue, in kebab-case: ``not-an-object``, ``missing-field``,
        ``wrong-type``, ``empty-field``, ``too-long``, ``control-character``,
        ``bad-coordinate``, ``duplicate-facility``, ``ignored-field``,
        ``ambiguous-setting``, ``no-level``.
    message:
        The issue in a sentence, naming the value.
    severity:
        ``"error"``: the row was left out; ``"warning"``: the row was read and
        this part of it was not used.
    facility_id:
        The row's ``frid``, when it has a usable one.

    Examples
    --------
    >>> p = ListingProblem(3, "latitude", "bad-coordinate", "latitude 'north' is not a number")
    >>> str(p)
    "row 3, latitude: error: latitude 'north' is not a number"
    """

    row: int | None
    field: str
    code: str
    message: str
    severity: Severity = "error"
    facility_id: str | None = None

    @property
    def location(self) -> str:
        """``row 3, latitude``; ``listing, page`` for the listing's own fields."""
        where = "listing" if self.row is None else f"row {self.row}"
        return f"{where}, {self.field}" if self.field else where

    def to_dict(self) -> dict[str, object]:
        """The problem as a JSON-ready dict.

        Returns
        -------
        dict[str, object]
            The problem's fields, as JSON types.
        """
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


def describe(value: object) -> str:
    """What *value* is, for a message: ``null``, ``a list ([1, 2])``, ``a number (3)``.

    Examples
    --------
    >>> describe(None), describe([1]), describe(2.5)
    ('null', 'a list ([1])', 'a number (2.5)')
    """
    if value is None:
        return "null"
    for cls, name in ((bool, "a bool"), (dict, "an object"), (list, "a list")):
        if isinstance(value, cls):
            return f"{name} ({echo(value)})"
    if isinstance(value, int | float):
        return f"a number ({echo(value)})"
    return f"{type(value).__name__} {echo(value)}"


class RowProblems:
    """The problems of one row, collected while its fields are read."""

    __slots__ = ("facility_id", "index", "problems", "refused")

    def __init__(self, index: int) -> None:
        self.index = index
        self.problems: list[ListingProblem] = []
        self.facility_id: str | None = None
        self.refused = False
        """True once an error leaves the row out."""

    def error(self, where: str, code: str, message: str) -> None:
        """Record an error: the row is left out."""
        self.refused = True
        self.problems.append(
            ListingProblem(self.index, where, code, message, "error", self.facility_id)
        )

    def warn(self, where: str, code: str, message: str) -> None:
        """Record a warning: the row is read without the part named."""
        self.problems.append(
            ListingProblem(self.index, where, code, message, "warning", self.facility_id)
        )

    def text(self, where: str, value: object, limit: int) -> str | None:
        """*value* if it is acceptable text, else ``None`` with an error recorded."""
        if type(value) is not str:
            if not isinstance(value, str):
                self.error(where, "wrong-type", f"{where} must be text, not {describe(value)}")
                return None
            value = str(value)  # a str subclass: its own methods are not trusted
        if len(value) > limit:
            self.error(
                where, "too-long", f"{where} is {len(value):,} characters long (at most {limit:,})"
            )
            return None
        bad = BAD_CHAR.search(value)
        if bad is not None:
            self.error(
                where,
                "control-character",
                f"{where} holds the control character {bad.group()!r} at {bad.start()}: "
                f"{echo(value)}",
            )
            return None
        return value
