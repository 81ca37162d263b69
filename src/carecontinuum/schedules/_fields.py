"""Unit-aware field types with a fast path for plain numbers.

The shared types in :mod:`carecontinuum.units` accept numbers, strings, pint
quantities and mappings.  Schedules are built in bulk, so the types here check a
plain ``int`` or ``float`` against the bounds directly and hand anything else
(and any number out of bounds, so the error messages stay identical) to the
shared :class:`~carecontinuum.units.InUnit` conversion.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, get_args

from ..units import DaysPerWeek, Hours, HoursPerDay, SessionsPerWeek, Weeks
from ..units import InUnit as _InUnit

__all__ = ["FastDaysPerWeek", "FastHours", "FastHoursPerDay", "FastSessionsPerWeek", "FastWeeks"]


@dataclass(frozen=True, slots=True)
class _FastUnit(_InUnit):
    """:class:`~carecontinuum.units.InUnit` that accepts in-range plain numbers at once."""

    def to_magnitude(self, value: Any) -> float | int:
        kind = type(value)
        if (kind is float or kind is int) and self._within(value):
            if self.integer:
                if kind is int:
                    return value  # type: ignore[no-any-return]
            else:
                return float(value)
        return _InUnit.to_magnitude(self, value)

    def _within(self, value: float) -> bool:
        gt, ge, le = self.gt, self.ge, self.le
        return (
            (gt is None or value > gt)
            and (ge is None or value >= ge)
            and (le is None or value <= le)
        )


def _fast(annotated: Any) -> Any:
    """The same ``Annotated`` type with its :class:`InUnit` marker made fast."""
    base, *metadata = get_args(annotated)
    swapped = [
        _FastUnit(**{f.name: getattr(m, f.name) for f in fields(m)}) if type(m) is _InUnit else m
        for m in metadata
    ]
    return Annotated[base, *swapped]


if TYPE_CHECKING:  # the same types, as far as a type checker is concerned
    FastHoursPerDay = HoursPerDay
    FastDaysPerWeek = DaysPerWeek
    FastWeeks = Weeks
    FastHours = Hours
    FastSessionsPerWeek = SessionsPerWeek
else:
    FastHoursPerDay = _fast(HoursPerDay)
    FastDaysPerWeek = _fast(DaysPerWeek)
    FastWeeks = _fast(Weeks)
    FastHours = _fast(Hours)
    FastSessionsPerWeek = _fast(SessionsPerWeek)
