"""Unit-aware field types with a fast path for plain numbers.

The shared types in :mod:`carecontinuum.units` accept numbers, strings, pint
quantities and mappings.  Schedules are built in bulk, so the types here check a
plain ``int`` or ``float`` against the bounds directly and hand anything else
(and any number out of bounds, so the error messages stay identical) to the
shared :class:`~carecontinuum.units.InUnit` conversion.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, get_args

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from ..units import DaysPerWeek, Hours, HoursPerDay, SessionsPerWeek, Weeks
from ..units import InUnit as _InUnit

__all__ = ["FastDaysPerWeek", "FastHours", "FastHoursPerDay", "FastSessionsPerWeek", "FastWeeks"]


@dataclass(frozen=True, slots=True)
class _FastUnit(_InUnit):
    """:class:`~carecontinuum.units.InUnit` that accepts in-range plain numbers at once.

    The fast path is one Python call per field: an ``int`` or ``float`` within
    the bounds is returned as is (as ``float``, or ``int`` for a whole-number
    field).  Everything else goes through the shared conversion, so results
    and error messages are those of :class:`~carecontinuum.units.InUnit`.
    """

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        shared = _InUnit.__get_pydantic_core_schema__(self, source_type, handler)
        slow: Callable[[Any], Any] = shared["function"]["function"]
        bound = self.gt if self.gt is not None else self.ge
        low = -math.inf if bound is None else bound
        high = math.inf if self.le is None else self.le
        strict = self.gt is not None

        if self.integer:

            def validate(value: Any) -> Any:
                if (
                    type(value) is int
                    and (low < value if strict else low <= value)
                    and (value <= high)
                ):
                    return value
                return slow(value)

        else:

            def validate(value: Any) -> Any:
                kind = type(value)
                if (
                    (kind is float or kind is int)
                    and (low < value if strict else low <= value)
                    and value <= high
                ):
                    return float(value)
                return slow(value)

        return core_schema.no_info_plain_validator_function(
            validate, serialization=shared.get("serialization")
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
