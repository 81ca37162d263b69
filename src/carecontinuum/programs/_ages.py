"""``AgeRange``: the ages a program serves."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from .._contract import contract, rule
from .._json_model import JsonModel
from ._codes import AgeGroup

__all__ = ["ADULT_AGE", "Age", "AgeRange"]

#: The locator's line between youth and adults [LOCATOR]: adults are 18 and older.
ADULT_AGE = 18


def _not_bool(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"an age is a whole number of years, not a bool ({value!r})")
    return value


#: An age in whole years, 0–130; a bool is refused, never read as 0 or 1.
Age = Annotated[int, Field(ge=0, le=130), BeforeValidator(_not_bool)]


@contract("age_range_order")
class AgeRange(JsonModel):
    """Ages served, in whole years, both ends inclusive; ``max_age=None`` is "and older".

    Examples
    --------
    >>> r = AgeRange(min_age=13, max_age=17)
    >>> str(r), 15 in r, 18 in r
    ('13–17', True, False)
    >>> r.age_groups
    (<AgeGroup.YOUTH: 'CHLD'>,)
    >>> str(AgeRange(min_age=18))
    '18 and older'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_age: Age = 0
    max_age: Age | None = None

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.max_age is not None and self.max_age < self.min_age:
            raise rule(
                "age_range_order", f"max_age ({self.max_age}) is below min_age ({self.min_age})"
            )
        return self

    def __contains__(self, age: object) -> bool:
        if not isinstance(age, int | float) or isinstance(age, bool):
            return False
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)

    @property
    def age_groups(self) -> tuple[AgeGroup, ...]:
        """The locator age groups this range overlaps."""
        groups = []
        if self.min_age < ADULT_AGE:
            groups.append(AgeGroup.YOUTH)
        if self.max_age is None or self.max_age >= ADULT_AGE:
            groups.append(AgeGroup.ADULTS)
        return tuple(sorted(groups, key=lambda g: g is AgeGroup.YOUTH))

    def __str__(self) -> str:
        if self.max_age is None:
            return f"{self.min_age} and older"
        return f"{self.min_age}–{self.max_age}"

    def __repr__(self) -> str:
        return f"AgeRange({self})"
