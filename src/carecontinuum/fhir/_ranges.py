"""The library's quantity ranges as FHIR ``Range`` values, and back.

A :class:`~carecontinuum.QuantityRange` is ``low``, an optional ``high``
("or more" when absent), a unit and an ``approximate`` flag.  Its FHIR form
is a Range of UCUM quantities (``unit`` keeps the library's unit text,
``code`` the UCUM code); the flag, which FHIR has no element for, is the
``approximate`` extension on the Range.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._errors import FhirMappingError
from ._ext import Extensions, ext
from ._node import as_dict, decimal, opt_dict, opt_str
from ._terms import UCUM
from ._timing import number

if TYPE_CHECKING:
    from ..units import QuantityRange
    from ._context import Reader, Writer

__all__ = ["range_json", "read_range"]

#: The library's range units → UCUM codes [FHIR]: "/d" per day, "/wk" per week.
_UCUM: dict[str, str] = {
    "hour": "h",
    "day": "d",
    "week": "wk",
    "month": "mo",
    "year": "a",
    "session": "{session}",
    "hour / day": "h/d",
    "hour / week": "h/wk",
    "day / week": "d/wk",
    "session / week": "{session}/wk",
    "session / day": "{session}/d",
}
_UNITS = {code: unit for unit, code in _UCUM.items()}


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": number(value), "unit": unit, "system": UCUM, "code": _UCUM[unit]}


def range_json(r: QuantityRange, w: Writer) -> dict[str, Any]:
    """The FHIR Range of *r*."""
    out: dict[str, Any] = {}
    if r.approximate:
        out["extension"] = [ext(w.urls.ext("approximate"), "Boolean", True)]
    out["low"] = _quantity(r.low, r.unit)
    if r.high is not None:
        out["high"] = _quantity(r.high, r.unit)
    return out


def _bound(value: Mapping[str, Any], path: str) -> tuple[float, str]:
    code = opt_str(value, "code", path)
    if opt_str(value, "system", path) != UCUM or code not in _UNITS:
        raise FhirMappingError(
            f"a range bound must be in a UCUM unit the library knows ({', '.join(_UNITS)}), "
            f"got {echo(code)}",
            path=path,
        )
    return float(decimal(value.get("value"), f"{path}.value")), _UNITS[code]


def read_range(value: Any, path: str, r: Reader) -> QuantityRange:
    """The :class:`~carecontinuum.QuantityRange` of a FHIR Range the library wrote."""
    from ..units import QuantityRange
    from ._build import build

    obj = as_dict(value, path)
    low = opt_dict(obj, "low", path)
    if low is None:
        raise FhirMappingError("a range needs its low bound", path=path)
    low_value, unit = _bound(low, f"{path}.low")
    high = opt_dict(obj, "high", path)
    high_value = None
    if high is not None:
        high_value, high_unit = _bound(high, f"{path}.high")
        if high_unit != unit:
            raise FhirMappingError(
                f"the bounds are in different units ({unit!r}, {high_unit!r})", path=path
            )
    flag = Extensions(obj, r.urls.sd, path).boolean("approximate")
    return build(
        QuantityRange,
        path,
        low=low_value,
        high=high_value,
        unit=unit,
        approximate=bool(flag),
    )
