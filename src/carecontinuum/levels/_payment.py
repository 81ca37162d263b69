"""How a payer pays for a level: per-diem payment tiers.

Medicare pays intensive outpatient and partial hospitalization per diem, in two
tiers for each provider type: days with 3 services and days with 4 or more
[CMS-IOP].  A level lists its tiers in :attr:`CareLevel.per_diem_tiers`; each
tier carries its sources and how firm they are.  Payment rates and APC numbers
are not included (the domain notes mark the APCs unverified).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from .._checks import not_bool
from .._contract import contract, rule
from .._json_model import JsonModel
from .._sources import Firmness
from .._text import echo
from ._errors import ServiceCountError

__all__ = ["PerDiemTier"]

_SourceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
#: A count of services furnished on one day; strict, so ``True`` is not read as 1.
_ServiceCount = Annotated[int, Field(strict=True, ge=1, le=100)]


@contract("tier_range", "unverified_note")
class PerDiemTier(JsonModel):
    """One per-diem payment tier: the days on which a payer pays one daily rate.

    A day falls in the tier when the number of services furnished on it is at
    least :attr:`min_services` and, if :attr:`max_services` is set, at most
    that.

    Examples
    --------
    >>> tier = PerDiemTier(payer="Medicare", min_services=4, display="days with 4 or more "
    ...                    "services", firmness="S", sources=("CMS-IOP",))
    >>> tier
    PerDiemTier(Medicare: 4+ services/day, S)
    >>> tier.covers(5), tier.covers(3)
    (True, False)
    >>> PerDiemTier(payer="Medicare", min_services=3, max_services=2, firmness="S")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for PerDiemTier
      max_services (2) must not be below min_services (3) [type=tier_range, ...]
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    payer: str = Field(min_length=1, max_length=64)
    """Who pays at this tier, e.g. ``"Medicare"``."""
    min_services: _ServiceCount
    """The fewest services on a day in this tier (inclusive)."""
    max_services: _ServiceCount | None = None
    """The most services on a day in this tier (inclusive); ``None``: no upper bound."""
    display: str = ""
    """The tier in words."""
    firmness: Firmness
    """How firm the tier's sources are."""
    note: str = ""
    sources: tuple[_SourceId, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> PerDiemTier:
        if self.max_services is not None and self.max_services < self.min_services:
            raise rule(
                "tier_range",
                f"max_services ({self.max_services}) must not be below min_services "
                f"({self.min_services})",
            )
        if self.firmness is Firmness.UNVERIFIED and not self.note:
            raise rule(
                "unverified_note", "an unverified tier (firmness 'U') needs a note saying why"
            )
        return self

    def covers(self, services: int) -> bool:
        """Whether a day with *services* services falls in this tier.

        Parameters
        ----------
        services:
            The number of services furnished on the day (0 or more).

        Returns
        -------
        bool
            True when the count is within the tier's bounds.

        Raises
        ------
        TypeError
            For a bool or a non-integer count.
        ValueError
            For a negative count.

        Examples
        --------
        >>> PerDiemTier(payer="Medicare", min_services=3, max_services=3,
        ...             firmness="S").covers(3)
        True
        >>> PerDiemTier(payer="Medicare", min_services=3, firmness="S").covers(2.5)
        Traceback (most recent call last):
        ...
        TypeError: services must be a whole number of services, not float 2.5
        """
        not_bool(services, "services", "a whole number of services")
        if not isinstance(services, int):
            raise TypeError(
                f"services must be a whole number of services, not "
                f"{type(services).__name__} {echo(services)}"
            )
        if services < 0:
            raise ServiceCountError(f"services must be 0 or more, not {echo(services)}")
        return self.min_services <= services and (
            self.max_services is None or services <= self.max_services
        )

    def __repr__(self) -> str:
        if self.max_services is None:
            count = f"{self.min_services}+"
        elif self.max_services == self.min_services:
            count = str(self.min_services)
        else:
            count = f"{self.min_services}–{self.max_services}"
        return f"PerDiemTier({self.payer}: {count} services/day, {self.firmness.value})"
