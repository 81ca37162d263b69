"""A range of a quantity, as the sources describe typical schedules and stays."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["QuantityRange", "RangeUnit"]

#: Units a :class:`QuantityRange` may be expressed in (pint syntax).
RangeUnit = Literal[
    "hour",
    "day",
    "week",
    "month",
    "year",
    "session",
    "hour / day",
    "hour / week",
    "day / week",
    "session / week",
    "session / day",
]


class QuantityRange(BaseModel):
    """A closed or open-ended range of a quantity, e.g. "3–5 days per week".

    ``high=None`` means "or more".  ``approximate=True`` renders the range with
    "about", as the sources phrase it.

    Examples
    --------
    >>> r = QuantityRange(low=3, high=5, unit="day / week")
    >>> str(r)
    '3–5 day / week'
    >>> 4 in r, 6 in r
    (True, False)
    >>> r.quantities()
    (<Quantity(3.0, 'day / week')>, <Quantity(5.0, 'day / week')>)
    >>> str(QuantityRange(low=1, unit="month"))
    '≥ 1 month'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float = Field(ge=0, allow_inf_nan=False, description="lower bound, inclusive")
    high: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, description="upper bound, inclusive; None: open"
    )
    unit: RangeUnit
    approximate: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> QuantityRange:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high}) must not be below low ({self.low})")
        return self

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return self.low <= value and (self.high is None or value <= self.high)

    def quantities(self) -> tuple[Any, Any]:
        """The bounds as pint quantities (``None`` for an open upper bound)."""
        from ._registry import quantity

        high = None if self.high is None else quantity(self.high, self.unit)
        return quantity(self.low, self.unit), high

    def __str__(self) -> str:
        about = "about " if self.approximate else ""
        if self.high is None:
            return f"{about}≥ {_num(self.low)} {self.unit}"
        if self.high == self.low:
            return f"{about}{_num(self.low)} {self.unit}"
        return f"{about}{_num(self.low)}–{_num(self.high)} {self.unit}"


def _num(x: float) -> str:
    return str(int(x)) if x.is_integer() else f"{x:g}"
