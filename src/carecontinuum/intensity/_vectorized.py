"""Vectorized classification of many schedules at once (numpy / pandas).

numpy and pandas are optional (the ``dataframe`` extra) and imported on first
use.  Results match :func:`~carecontinuum.classify` element for element,
thresholds included: both paths compare against the same exact edges (see
:mod:`carecontinuum.intensity._engine`), with no Python loop per row.  Inputs
are checked in :mod:`~carecontinuum.intensity._arrays` and classified block by
block in :mod:`~carecontinuum.intensity._kernel`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Literal

from .._enum_lookup import EnumLookup
from ._arrays import flag, gather, is_series, numpy_module, reject
from ._engine import LEVEL_CODES, NO_LEVEL, CompiledRuleSet
from ._errors import IntensityInputError
from ._kernel import levels
from ._registry import rule_set as _rule_set
from ._rules import RuleSet

__all__ = ["classify_array", "classify_codes", "level_codes"]

_INDEX = {code: i for i, code in enumerate(LEVEL_CODES)}


class _Engine(StrEnum):
    """How :func:`classify_array` computes: numpy calls block by block, or one numba loop."""

    NUMPY = "numpy"
    NUMBA = "numba"

    def levels(self) -> Callable[[Any, CompiledRuleSet, dict[str, Any], bool, int | None], Any]:
        """The engine's ``levels`` function (numba's module is imported here)."""
        if self is _Engine.NUMPY:
            return levels
        from ._numba import levels as compiled_levels

        return compiled_levels


_ENGINES = EnumLookup(
    _Engine, "classification engine", names={_Engine.NUMPY: ["NumPy"], _Engine.NUMBA: ["Numba"]}
)


def classify_array(
    hours_per_day: Any = None,
    days_per_week: Any = None,
    hours_per_week: Any = None,
    rules: str | RuleSet = "asam3-adult",
    *,
    twenty_four_hour: Any = None,
    hospital: Any = None,
    engine: Literal["numpy", "numba"] = "numpy",
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

    Parameters
    ----------
    hours_per_day:
        Hours per day of each row (with *days_per_week*).
    days_per_week:
        Days per week of each row (with *hours_per_day*).
    hours_per_week:
        Hours per week of each row, instead of the two above.
    rules:
        A rule-set id, name or alias, or a :class:`~carecontinuum.RuleSet`.
    twenty_four_hour:
        Booleans: the rows that are 24-hour care, classified by setting.
    hospital:
        Booleans: the 24-hour rows that are in a hospital (inpatient acute).
    engine:
        ``"numpy"`` (block by block, a few numpy calls per block) or
        ``"numba"``: one compiled pass over the rows, with the same results
        and errors, for the ``numba`` extra.  The first call in a process imports
        numba and compiles (about 0.4 s), and each new combination of input
        types or number of tiers compiles again (about 0.1 s); after that a
        call costs less than the numpy engine's, large or small.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Level indexes as ``int8`` (:data:`NO_LEVEL` where the rule set defines
        none); a Series on the inputs' index when a Series is among them.

    Raises
    ------
    carecontinuum.intensity.ArrayLengthError
        For arrays of different lengths (the message names both).
    carecontinuum.intensity.IntensityInputError
        For a value out of range, NaN or infinite (naming its position), or
        figures the rule set cannot use.
    carecontinuum.MissingExtraError
        When numpy is not installed: ``pip install 'carecontinuum[dataframe]'``
        (or numba, with ``engine="numba"``: ``pip install 'carecontinuum[numba]'``).
    carecontinuum.errors.UnknownKeyError
        For an *engine* other than ``"numpy"`` and ``"numba"``.

    Examples
    --------
    >>> classify_array(hours_per_day=[2, 3, 5], days_per_week=[4, 3, 4])
    array([0, 1, 2], dtype=int8)
    >>> classify_array(hours_per_week=[8, 9, 19.5, 20], rules="medicare")
    array([-1,  1,  1,  2], dtype=int8)
    >>> classify_array(hours_per_day=[2, 3, 5], days_per_week=[4, 3, 4], engine="numba")
    array([0, 1, 2], dtype=int8)
    >>> classify_array(hours_per_day=[2, 3], days_per_week=[4, 3, 8])
    Traceback (most recent call last):
    ...
    carecontinuum.intensity._errors.ArrayLengthError: hours_per_day has 2 values but \
days_per_week has 3; array arguments must have the same length
    """
    np = numpy_module()
    run = levels if type(engine) is str and engine == "numpy" else _ENGINES(engine).levels()
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
    arrays, length, index = gather(np, {**given, **flags})
    result = run(np, compiled, arrays, daily, length)
    if flags:
        result = _settings(np, rs, arrays, result)
    if length is not None and result.ndim == 0:
        result = np.full(length, result, dtype=np.int8)
    if index is not None:
        import pandas as pd

        return pd.Series(result, index=index, name="level_index")
    return result


def _settings(np: Any, rs: RuleSet, arrays: dict[str, Any], result: Any) -> Any:
    around = flag(np, "twenty_four_hour", arrays.get("twenty_four_hour", np.asarray(False)))
    hospital = flag(np, "hospital", arrays.get("hospital", np.asarray(False)))
    stray = hospital & ~around
    if bool(np.any(stray)):
        reject(
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

    Parameters
    ----------
    indexes:
        Level indexes, as :func:`classify_array` returns them: an array, a list
        or a pandas Series.

    Returns
    -------
    numpy.ndarray or pandas.Series
        The level codes.

    Raises
    ------
    carecontinuum.intensity.IntensityInputError
        For an index that is no level index (naming its position).

    Examples
    --------
    >>> import numpy as np
    >>> level_codes(np.array([0, 2, -1], dtype=np.int8))
    array(['outpatient', 'partial_hospitalization', None], dtype=object)
    """
    np = numpy_module()
    if is_series(indexes):
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
        reject(
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
    engine: Literal["numpy", "numba"] = "numpy",
) -> Any:
    """Like :func:`classify_array`, with level codes as strings.

    Parameters
    ----------
    hours_per_day, days_per_week, hours_per_week, rules, twenty_four_hour, hospital, engine:
        As for :func:`classify_array`.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Level codes: an object array (``None`` for no level), or a categorical
        Series on the inputs' index.

    Raises
    ------
    carecontinuum.intensity.ArrayLengthError, carecontinuum.intensity.IntensityInputError
        As for :func:`classify_array`.

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
            engine=engine,
        )
    )
