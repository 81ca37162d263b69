"""``ListingProblem``: one issue found in one row of a listing (or in the listing itself)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["ListingProblem", "Severity"]

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
        """The problem as a JSON-ready dict."""
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"
