"""The vectorized path's inputs: numpy arrays of checked numbers in canonical units.

Every argument of :func:`~carecontinuum.intensity.classify_array` passes here
first.  Numeric arguments become int, uint or float64 arrays (other float
widths are widened, so comparisons happen in float64 exactly as on the scalar
path); booleans, strings, complex numbers, dates and objects that are not
real numbers are refused naming the first bad position, never read as 0/1
or parsed.
"""

from __future__ import annotations

import numbers
import struct
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._text import echo
from ..errors import MissingExtraError
from ._errors import ArrayLengthError, IntensityInputError

__all__ = [
    "UNITS",
    "block_checker",
    "check",
    "column",
    "daily_checker",
    "flag",
    "gather",
    "is_series",
    "numpy_module",
    "reject",
]

#: The canonical unit of each numeric argument.
UNITS = {
    "hours_per_day": "hour / day",
    "days_per_week": "day / week",
    "hours_per_week": "hour / week",
}
_UNITS = UNITS
_BITS_168 = int.from_bytes(struct.pack("<d", 168.0), "little")
_BITS_24 = int.from_bytes(struct.pack("<d", 24.0), "little")
_RULES = {
    "hours_per_day": "hours per day must be more than 0 and at most 24 (and a finite number)",
    "days_per_week": "days per week must be a whole number from 1 to 7",
    "hours_per_week": "hours per week must be at least 0 and at most 168 (and a finite number)",
}


def numpy_module() -> Any:
    """numpy, or :class:`~carecontinuum.MissingExtraError` naming the extra."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - exercised by a test that hides numpy
        raise MissingExtraError("numpy", "dataframe", "Vectorized classification") from None
    return numpy


def is_series(value: Any) -> bool:
    """Whether *value* is a pandas Series (checked without importing pandas)."""
    return type(value).__module__.startswith("pandas") and hasattr(value, "index")


def column(np: Any, name: str, value: Any) -> Any:
    """One argument as a numpy array: numbers in the field's canonical unit, or flags.

    Numeric arguments become int, uint or float64 arrays; booleans, strings,
    complex numbers, dates and objects that are not real numbers are refused
    (naming the first bad position), never read as 0/1 or parsed.
    """
    if is_series(value):
        value = value.to_numpy()
    elif isinstance(value, np.ma.MaskedArray):
        value = _unmasked(np, name, value)
    elif hasattr(value, "magnitude") and hasattr(value, "dimensionality"):  # pint quantity
        value = _magnitudes(name, value)
    elif isinstance(value, list | tuple) and name in _UNITS:
        _no_booleans_in(name, value)
    array = np.asarray(value)
    if array.ndim > 1:
        raise IntensityInputError(
            f"{name} must be one-dimensional, got shape {array.shape}", field=name
        )
    if name not in _UNITS:  # a flag: checked by _flag
        return array
    kind = array.dtype.kind
    if kind in "iu":
        return array
    if kind == "f":  # compared in float64, as the scalar path compares Python floats
        return array if array.dtype == np.float64 else _float64(np, name, array)
    if kind == "O":
        return _object_numbers(np, name, array)
    what = _KINDS.get(kind, f"values of type {array.dtype}")
    real = "real " if kind == "c" else ""
    raise IntensityInputError(
        f"{name} must hold {real}numbers in {_UNITS[name]}, got {what}"
        + (" (quantity strings are read only by the scalar path)" if kind in "US" else ""),
        field=name,
    )


def _unmasked(np: Any, name: str, array: Any) -> Any:
    """A masked array's values, refused when any is masked (a missing value is not a number)."""
    masked = np.ma.getmaskarray(array)
    if bool(masked.any()):
        where = f"{name}[{int(np.flatnonzero(masked)[0])}]" if masked.ndim == 1 else name
        raise IntensityInputError(
            f"{where} is masked: a missing value cannot be classified (fill it or drop the row)",
            field=name,
        )
    return np.ma.getdata(array)


def _float64(np: Any, name: str, array: Any) -> Any:
    """A float array of another width as float64; long doubles too large are refused."""
    with np.errstate(over="ignore"):
        wide = array.astype(np.float64)
    if array.dtype.itemsize > 8:
        lost = np.isfinite(array) & ~np.isfinite(wide)
        if bool(np.any(lost)):
            position = int(np.flatnonzero(lost)[0]) if array.ndim else 0
            where = f"{name}[{position}]" if array.ndim else name
            raise IntensityInputError(
                f"{where} is {echo(array.reshape(-1)[position])}: too large for a number in "
                f"{_UNITS[name]}",
                field=name,
            )
    return wide


_KINDS = {
    "b": "booleans (True is not 1 hour or 1 day)",
    "c": "complex values",
    "U": "strings",
    "S": "bytes",
    "M": "dates",
    "m": "time deltas",
}


def _magnitudes(name: str, value: Any) -> Any:
    """A pint quantity's magnitudes in the field's unit (the unit text never reaches pint)."""
    from ..errors import InvalidQuantityError
    from ..units._registry import checked_unit

    try:
        return value.to(checked_unit(_UNITS[name])).magnitude
    except InvalidQuantityError:
        raise
    except Exception as exc:
        text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
        raise IntensityInputError(
            f"{name}: could not convert {str(value.units)[:80]} to {_UNITS[name]} ({text})",
            field=name,
        ) from None


def _is_boolean(value: object) -> bool:
    kind = type(value)  # Python's bool, or numpy's (numpy.bool, formerly bool_)
    return kind is bool or (kind.__name__ in ("bool", "bool_") and kind.__module__ == "numpy")


def _no_booleans_in(name: str, values: list[Any] | tuple[Any, ...]) -> None:
    for position, item in enumerate(values):
        if _is_boolean(item):
            raise IntensityInputError(
                f"{name}[{position}] is {item!r}: a boolean is not a number of "
                f"{_UNITS.get(name, 'anything')}",
                field=name,
            )


def _object_numbers(np: Any, name: str, array: Any) -> Any:
    """An object array of real numbers as float64, refusing anything else by position."""
    out = np.empty(array.shape, dtype=np.float64)
    for position, item in enumerate(array.tolist()):
        if _is_boolean(item) or not isinstance(item, numbers.Real | Decimal):
            raise IntensityInputError(
                f"{name}[{position}] is {echo(item)}: {name} must hold numbers in "
                f"{_UNITS[name]} (strings and units are read only by the scalar path)",
                field=name,
            )
        try:
            out[position] = float(item)
        except (OverflowError, ValueError):
            raise IntensityInputError(
                f"{name}[{position}] is {echo(item)}: too large for a number in {_UNITS[name]}",
                field=name,
            ) from None
    return out


def reject(np: Any, name: str, array: Any, ok: Any, rule: str, *, offset: int = 0) -> None:
    """Raise for the first row of *array* where *ok* is false (its position + *offset*)."""
    where = np.flatnonzero(~np.asarray(ok))
    position = int(where[0]) if array.ndim else 0
    value = (array[position] if array.ndim else array).item()
    raise IntensityInputError(
        f"{name}[{position + offset}] is {value!r}: {rule}"
        if array.ndim
        else f"{name} is {value!r}: {rule}",
        field=name,
    )


def check(np: Any, name: str, array: Any, *, offset: int = 0) -> None:
    """Refuse values out of the argument's range (NaN included), naming the first.

    Two reductions (min and max) decide; the slower search for the position
    runs only when a value is out of range.  *offset* is the position of
    ``array[0]`` in the whole argument, for blocks of a longer array.
    """
    if array.size == 0:
        return
    # One reduction for hours per week: as unsigned integers, the bit patterns of
    # the floats in [+0, 168] are exactly those up to 168's; negatives, NaN and
    # infinities lie above.  (-0.0 lies above too: the exact check below accepts it.)
    if (
        name == "hours_per_week"
        and array.dtype == np.float64
        and array.ndim == 1
        and array.view(np.uint64).max() <= _BITS_168
    ):
        return
    low, high = array.min(), array.max()
    if name == "hours_per_day":
        if not (low > 0 and high <= 24):
            reject(np, name, array, (array > 0) & (array <= 24), _RULES[name], offset=offset)
    elif name == "days_per_week":
        if not (low >= 1 and high <= 7):
            reject(np, name, array, (array >= 1) & (array <= 7), _RULES[name], offset=offset)
        if array.dtype.kind == "f" and not bool(np.all(array == np.floor(array))):
            reject(np, name, array, array == np.floor(array), _RULES[name], offset=offset)
    elif not (low >= 0 and high <= 168):
        reject(np, name, array, (array >= 0) & (array <= 168), _RULES[name], offset=offset)


def block_checker(np: Any, name: str, array: Any) -> Callable[[int, int], None]:
    """A check of ``array[start:stop]`` for blocks of a long 1-d argument.

    The common case (every value in range) costs one or two reductions and no
    other Python work; only a failing block runs :func:`check`, which finds
    and names the first bad value (and accepts -0.0 hours per week).
    """
    if name == "hours_per_week" and array.dtype == np.float64 and array.strides == (8,):
        bits = array.view(np.uint64)

        def week_bits(start: int, stop: int) -> None:
            if bits[start:stop].max() > _BITS_168:
                check(np, name, array[start:stop], offset=start)

        return week_bits
    low, high, strict = {
        "hours_per_day": (0, 24, True),
        "days_per_week": (1, 7, False),
        "hours_per_week": (0, 168, False),
    }[name]
    whole = name == "days_per_week" and array.dtype.kind == "f"

    def bounds(start: int, stop: int) -> None:
        part = array[start:stop]
        lowest = part.min()
        if whole or not (lowest > low if strict else lowest >= low) or not part.max() <= high:
            check(np, name, part, offset=start)

    return bounds


def daily_checker(
    np: Any, hours: Any, days: Any
) -> tuple[Callable[[int, int], None], Callable[[int, int], None]] | None:
    """Checks of float64 hours per day and integer days per week, in two reductions.

    Returns ``(bounds, full)`` for blocks ``[start, stop)``, or ``None`` when
    the arrays are not contiguous float64 hours and integer days (the
    per-argument :func:`block_checker` then applies).  ``bounds`` takes one
    reduction per argument: as unsigned integers, the bit patterns of the
    floats in [+0, 24] are exactly those up to 24's (negatives, -0.0, NaN and
    infinities lie above), and days read as unsigned are at most 7 exactly
    when they lie in [0, 7].  That leaves zeros: with both in range, every
    hour is over 0 and every day at least 1 exactly when every product
    (weekly hours) is over 0, so the caller checks ``weekly.min() > 0`` and,
    if not, calls ``full``.  ``full`` runs :func:`check` on both arguments,
    which names the first bad value (hours before days, as without this path).
    """
    if not (
        hours.ndim == days.ndim == 1
        and hours.dtype == np.float64
        and hours.strides == (8,)
        and days.dtype.kind in "iu"
        and days.strides == (days.dtype.itemsize,)
    ):
        return None
    hour_bits = hours.view(np.uint64)
    day_bits = days.view(f"u{days.dtype.itemsize}")

    def full(start: int, stop: int) -> None:
        check(np, "hours_per_day", hours[start:stop], offset=start)
        check(np, "days_per_week", days[start:stop], offset=start)

    def bounds(start: int, stop: int) -> None:
        if hour_bits[start:stop].max() > _BITS_24 or day_bits[start:stop].max() > 7:
            full(start, stop)

    return bounds, full


def gather(np: Any, given: dict[str, Any]) -> tuple[dict[str, Any], int | None, Any]:
    """Arrays by name, their common length (None: all scalars) and a pandas index, if any."""
    arrays: dict[str, Any] = {}
    index = None
    index_owner = ""
    length: int | None = None
    length_owner = ""
    for name, value in given.items():
        if is_series(value):
            if index is None:
                index, index_owner = value.index, name
            elif not index.equals(value.index):
                raise IntensityInputError(
                    f"{index_owner} and {name} are pandas Series with different indexes; "
                    "align them first (rows are matched by position)",
                    field=name,
                )
        array = column(np, name, value)
        if array.ndim == 1:
            if length is None:
                length, length_owner = len(array), name
            elif len(array) != length:
                raise ArrayLengthError(length_owner, length, name, len(array))
        arrays[name] = array
    return arrays, length, index


def flag(np: Any, name: str, array: Any) -> Any:
    """A flag argument as booleans (integers 0 and 1 are taken as False and True)."""
    if array.ndim > 1:
        raise IntensityInputError(
            f"{name} must be one-dimensional, got shape {array.shape}", field=name
        )
    if array.dtype.kind != "b":
        if array.dtype.kind in "iu" and bool(np.all((array == 0) | (array == 1))):
            return array.astype(bool)
        raise IntensityInputError(
            f"{name} must hold booleans, got values of type {array.dtype}", field=name
        )
    return array
