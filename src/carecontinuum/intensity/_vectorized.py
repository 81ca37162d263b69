"""Vectorized classification of many schedules at once (numpy / pandas).

numpy and pandas are optional (the ``dataframe`` extra) and imported on first
use.  Results match :func:`~carecontinuum.classify` element for element,
thresholds included: both paths compare against the same exact edges (see
:mod:`carecontinuum.intensity._engine`), with no Python loop per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ._engine import LEVEL_CODES, NO_LEVEL
from ._errors import ArrayLengthError, IntensityInputError
from ._registry import rule_set as _rule_set
from ._rules import RuleSet

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["classify_array", "classify_codes", "level_codes"]

_INDEX = {code: i for i, code in enumerate(LEVEL_CODES)}
_UNITS = {
    "hours_per_day": "hour / day",
    "days_per_week": "day / week",
    "hours_per_week": "hour / week",
}


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - exercised by a test that hides numpy
        raise MissingExtraError("numpy", "dataframe", "Vectorized classification") from None
    return numpy


def _is_series(value: Any) -> bool:
    return type(value).__module__.startswith("pandas") and hasattr(value, "index")


def _column(np: Any, name: str, value: Any) -> Any:
    """One argument as a numpy array of numbers in the field's canonical unit."""
    if _is_series(value):
        value = value.to_numpy()
    elif hasattr(value, "magnitude") and hasattr(value, "dimensionality"):  # pint quantity
        try:
            value = value.to(_UNITS[name]).magnitude
        except Exception as exc:
            raise IntensityInputError(
                f"{name}: could not convert {value.units} to {_UNITS[name]} ({exc})", field=name
            ) from None
    array = np.asarray(value)
    if name not in _UNITS:  # a flag: checked by _flag
        return array
    if array.dtype.kind == "c":  # astype(float) would drop the imaginary part with a warning
        raise IntensityInputError(
            f"{name} must hold real numbers in {_UNITS[name]}, got complex values", field=name
        )
    if array.dtype.kind not in "iuf":
        try:
            array = array.astype(np.float64)
        except (TypeError, ValueError):
            raise IntensityInputError(
                f"{name} must hold numbers in {_UNITS[name]} (strings and units are read only "
                f"by the scalar path), got values of type {array.dtype}",
                field=name,
            ) from None
    if array.ndim > 1:
        raise IntensityInputError(
            f"{name} must be one-dimensional, got shape {array.shape}", field=name
        )
    return array


def _reject(np: Any, name: str, array: Any, ok: Any, rule: str) -> None:
    where = np.flatnonzero(~ok)
    position = int(where[0]) if array.ndim else 0
    value = (array[position] if array.ndim else array).item()
    raise IntensityInputError(
        f"{name}[{position}] is {value!r}: {rule}"
        if array.ndim
        else f"{name} is {value!r}: {rule}",
        field=name,
    )


def _check(np: Any, name: str, array: Any) -> None:
    if array.size == 0:
        return
    low, high = array.min(), array.max()
    if name == "hours_per_day":
        if not (low > 0 and high <= 24):
            _reject(
                np,
                name,
                array,
                (array > 0) & (array <= 24),
                "hours per day must be over 0 and at most 24 (and a finite number)",
            )
    elif name == "days_per_week":
        if not (low >= 1 and high <= 7):
            _reject(
                np,
                name,
                array,
                (array >= 1) & (array <= 7),
                "days per week must be a whole number from 1 to 7",
            )
        if array.dtype.kind == "f" and not bool(np.all(array == np.floor(array))):
            _reject(
                np,
                name,
                array,
                array == np.floor(array),
                "days per week must be a whole number from 1 to 7",
            )
    elif not (low >= 0 and high <= 168):
        _reject(
            np,
            name,
            array,
            (array >= 0) & (array <= 168),
            "hours per week must be at least 0 and at most 168 (and a finite number)",
        )


def _gather(np: Any, given: dict[str, Any]) -> tuple[dict[str, Any], int | None, Any]:
    """Arrays by name, their common length (None: all scalars) and a pandas index, if any."""
    arrays: dict[str, Any] = {}
    index = None
    index_owner = ""
    length: int | None = None
    length_owner = ""
    for name, value in given.items():
        if _is_series(value):
            if index is None:
                index, index_owner = value.index, name
            elif not index.equals(value.index):
                raise IntensityInputError(
                    f"{index_owner} and {name} are pandas Series with different indexes; "
                    "align them first (rows are matched by position)",
                    field=name,
                )
        array = _column(np, name, value)
        if array.ndim == 1:
            if length is None:
                length, length_owner = len(array), name
            elif len(array) != length:
                raise ArrayLengthError(length_owner, length, name, len(array))
        arrays[name] = array
    return arrays, length, index


def classify_array(
    hours_per_day: Any = None,
    days_per_week: Any = None,
    hours_per_week: Any = None,
    rules: str | RuleSet = "asam3-adult",
    *,
    twenty_four_hour: Any = None,
    hospital: Any = None,
) -> Any:
    """Classify many schedules at once; returns level indexes (``numpy.int8``).

    Give ``hours_per_day`` and ``days_per_week``, or ``hours_per_week``
    (numbers in those units: numpy arrays, pandas Series, lists, a scalar to
    broadcast, or pint quantities with array magnitudes).  Rule sets with a
    per-day condition (``teds``, ``hcpcs-h0015``) need hours per day and days
    per week.

    Each result is an index into :data:`LEVEL_CODES` (the default
    continuum's level codes: 0 outpatient, 1 intensive outpatient, 2 partial
    hospitalization, 3 residential, 4 inpatient acute) or :data:`NO_LEVEL`
    (-1) where the rule set defines no level.  ``twenty_four_hour`` (booleans)
    marks 24-hour rows, classified by setting: residential, or inpatient acute
    where ``hospital`` is true.  With a pandas Series among the inputs the
    result is a Series on the same index.  :func:`classify_codes` gives the
    codes as strings.

    Raises
    ------
    carecontinuum.intensity.ArrayLengthError
        For arrays of different lengths (the message names both).
    carecontinuum.intensity.IntensityInputError
        For a value out of range, NaN or infinite (naming its position), or
        figures the rule set cannot use.
    carecontinuum.MissingExtraError
        When numpy is not installed: ``pip install 'carecontinuum[dataframe]'``.

    Examples
    --------
    >>> classify_array(hours_per_day=[2, 3, 5], days_per_week=[4, 3, 4])
    array([0, 1, 2], dtype=int8)
    >>> classify_array(hours_per_week=[8, 9, 19.5, 20], rules="medicare")
    array([-1,  1,  1,  2], dtype=int8)
    >>> classify_array(hours_per_day=[2, 3], days_per_week=[4, 3, 8])
    Traceback (most recent call last):
    ...
    carecontinuum.intensity._errors.ArrayLengthError: hours_per_day has 2 values but \
days_per_week has 3; array arguments must have the same length
    """
    np = _numpy()
    rs = rules if type(rules) is RuleSet else _rule_set(rules)
    compiled = rs.compiled
    given = {
        name: value
        for name, value in (
            ("hours_per_day", hours_per_day),
            ("days_per_week", days_per_week),
            ("hours_per_week", hours_per_week),
            ("twenty_four_hour", twenty_four_hour),
            ("hospital", hospital),
        )
        if value is not None
    }
    daily = "hours_per_day" in given or "days_per_week" in given
    if daily and "hours_per_week" in given:
        raise IntensityInputError(
            "give hours_per_day and days_per_week, or hours_per_week, not both",
            field="hours_per_week",
        )
    if daily and not ("hours_per_day" in given and "days_per_week" in given):
        missing = "days_per_week" if "hours_per_day" in given else "hours_per_day"
        raise IntensityInputError(
            f"hours_per_day and days_per_week go together: {missing} is missing", field=missing
        )
    if not daily and "hours_per_week" not in given:
        raise IntensityInputError(
            "give hours_per_day and days_per_week, or hours_per_week", field="hours_per_week"
        )
    if compiled.needs_daily and not daily:
        raise IntensityInputError(
            f"rule set {rs.id!r} has a per-day condition; give hours_per_day and days_per_week "
            "rather than hours_per_week",
            field="hours_per_week",
        )
    flags: dict[str, Any] = {
        k: given.pop(k) for k in ("twenty_four_hour", "hospital") if k in given
    }
    arrays, length, index = _gather(np, {**given, **flags})
    for name in given:
        _check(np, name, arrays[name])
    result = _levels(np, compiled, arrays, daily)
    if flags:
        result = _settings(np, rs, arrays, result)
    if length is not None and result.ndim == 0:
        result = np.full(length, result, dtype=np.int8)
    if index is not None:
        import pandas as pd

        return pd.Series(result, index=index, name="level_index")
    return result


def _levels(np: Any, compiled: Any, arrays: dict[str, Any], daily: bool) -> npt.NDArray[np.int8]:
    h: Any = arrays.get("hours_per_day")
    d: Any = arrays.get("days_per_week")
    weekly = h * d if daily else arrays["hours_per_week"]
    chain = compiled.weekly_chain
    if chain is not None:
        met = np.zeros(np.shape(weekly), dtype=np.int8)
        for e in chain:
            met += (weekly >= e).view(np.int8) if np.ndim(weekly) else np.int8(weekly >= e)
        lookup = compiled.lookup
        if lookup == tuple(range(len(lookup))):
            return met  # type: ignore[no-any-return]
        return np.asarray(lookup, dtype=np.int8).take(met)  # type: ignore[no-any-return]
    result = np.full(np.shape(weekly), compiled.below_index, dtype=np.int8)
    for tier in compiled.tiers:
        mask = np.ones(np.shape(weekly), dtype=bool)
        for cond in tier.conditions:
            if cond.daily:
                mask &= (h >= cond.edge) & (d >= cond.days)
            else:
                mask &= weekly >= cond.edge
        result = np.where(mask, np.int8(tier.index), result).astype(np.int8)
    return result  # type: ignore[no-any-return]


def _flag(np: Any, name: str, array: Any) -> Any:
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


def _settings(np: Any, rs: RuleSet, arrays: dict[str, Any], result: Any) -> Any:
    around = _flag(np, "twenty_four_hour", arrays.get("twenty_four_hour", np.asarray(False)))
    hospital = _flag(np, "hospital", arrays.get("hospital", np.asarray(False)))
    stray = hospital & ~around
    if bool(np.any(stray)):
        _reject(
            np,
            "hospital",
            np.asarray(hospital),
            ~stray,
            "a hospital stay is a 24-hour setting: set twenty_four_hour for that row too",
        )
    if rs.twenty_four_hour:
        by_setting = np.where(
            hospital, np.int8(_INDEX["inpatient_acute"]), np.int8(_INDEX["residential"])
        )
    else:
        by_setting = np.int8(NO_LEVEL)
    return np.where(around, by_setting, result).astype(np.int8)


def level_codes(indexes: Any) -> Any:
    """Level indexes (from :func:`classify_array`) as level codes.

    A numpy array of objects (``None`` for :data:`NO_LEVEL`), or for a pandas
    Series a categorical Series (missing for no level) on the same index.

    Examples
    --------
    >>> import numpy as np
    >>> level_codes(np.array([0, 2, -1], dtype=np.int8))
    array(['outpatient', 'partial_hospitalization', None], dtype=object)
    """
    np = _numpy()
    if _is_series(indexes):
        import pandas as pd

        codes = _level_indexes(np, indexes.to_numpy())
        return pd.Series(
            pd.Categorical.from_codes(codes, categories=pd.Index(LEVEL_CODES)),
            index=indexes.index,
            name="level",
        )
    table = np.array([*LEVEL_CODES, None], dtype=object)
    return table.take(_level_indexes(np, np.asarray(indexes)))


def _level_indexes(np: Any, array: Any) -> Any:
    """Refuse what is not a level index: ``take`` would wrap a negative one silently."""
    if array.size == 0:
        return array.astype(np.int8)
    if array.dtype.kind not in "iu":
        raise IntensityInputError(
            f"indexes must be integers from classify_array() ({NO_LEVEL} for no level, "
            f"0 to {len(LEVEL_CODES) - 1} for a level), got values of type {array.dtype}",
            field="indexes",
        )
    ok = (array >= NO_LEVEL) & (array < len(LEVEL_CODES))
    if not bool(np.all(ok)):
        _reject(
            np, "indexes", array, ok, f"a level index is from {NO_LEVEL} to {len(LEVEL_CODES) - 1}"
        )
    return array


def classify_codes(
    hours_per_day: Any = None,
    days_per_week: Any = None,
    hours_per_week: Any = None,
    rules: str | RuleSet = "asam3-adult",
    *,
    twenty_four_hour: Any = None,
    hospital: Any = None,
) -> Any:
    """Like :func:`classify_array`, with level codes as strings.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"h": [2.0, 3.0, 5.0], "d": [4, 3, 4]}, index=["a", "b", "c"])
    >>> classify_codes(df["h"], df["d"], rules="teds").tolist()
    ['intensive_outpatient', 'intensive_outpatient', 'intensive_outpatient']
    """
    return level_codes(
        classify_array(
            hours_per_day,
            days_per_week,
            hours_per_week,
            rules,
            twenty_four_hour=twenty_four_hour,
            hospital=hospital,
        )
    )
