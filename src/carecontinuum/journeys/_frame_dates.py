"""Reading a date column of a frame: ``int32`` days since 1970-01-01, by the one date rule.

A datetime64 column (any unit) is floored to days a chunk at a time; a
tz-aware one becomes its wall-clock local date first; text, dates and
datetimes in an object column are read once per distinct value with
:func:`carecontinuum.journeys._dates.as_date` (pandas' ISO 8601 parser first,
for speed).  Numbers and booleans are refused; dates outside 0001-01-01 …
9999-12-31 give an error naming the column and the rows.
"""

from __future__ import annotations

from typing import Any

from .._text import echo
from ._dates import FIRST_DAY, LAST_DAY, NO_DAY, as_date, day_number
from ._errors import PlacementFrameError
from ._frame import CHUNK, factorize, missing_error, rows_text
from ._pandas import np, pd

__all__ = ["day_column"]

_NS = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}


def _datetime_days(values: Any, out: Any) -> None:
    """Floor days of a numpy datetime64 array into the int64 or int32 *out* (NaT: minimum)."""
    unit = np.datetime_data(values.dtype)[0]
    raw = values.view(np.int64)
    nat = np.iinfo(np.int64).min
    per_day = 86_400 * _NS[unit] if unit in _NS else None
    for a in range(0, len(raw), CHUNK):
        v = raw[a : a + CHUNK]
        if unit == "D":
            q = v.copy()
        elif per_day is None:
            q = values[a : a + CHUNK].astype("datetime64[D]").view(np.int64).copy()
        else:
            q = v // per_day  # exact floor division (numpy divides by a scalar quickly)
        missing = v == nat
        if out.dtype == np.int32:
            q[(q < FIRST_DAY) | (q > LAST_DAY)] = LAST_DAY + 1  # out of range: flagged below
            q[missing] = NO_DAY
        else:
            q[missing] = nat
        out[a : a + CHUNK] = q


def _text_days(col: Any, name: Any) -> Any:
    """int64 days of a column of text, dates, datetimes or Timestamps (one rule: ``as_date``)."""
    inverse, uniques = factorize(col, name, "dates")
    values = np.asarray(uniques, dtype=object)
    days = np.empty(len(values), dtype=np.int64)
    parsed = None
    if len(values) and pd.api.types.infer_dtype(values, skipna=False) == "string":
        try:  # the fast path for ISO 8601 text; anything it cannot read goes one by one
            stamps = pd.to_datetime(pd.Index(values), format="ISO8601")
            if stamps.tz is not None:
                stamps = stamps.tz_localize(None)  # the wall-clock local date
            parsed = np.empty(len(values), dtype=np.int64)
            _datetime_days(stamps.to_numpy(), parsed)
        except (ValueError, TypeError, OverflowError):
            parsed = None
    if parsed is not None:
        days[:] = parsed
    else:
        for i, value in enumerate(values):
            try:
                found = as_date(value)
            except (TypeError, ValueError) as err:
                rows = rows_text(inverse == i, col.index)
                raise PlacementFrameError(
                    f"column {echo(name)} does not hold dates (dates, datetimes or ISO 8601 "
                    f"text between 0001-01-01 and 9999-12-31): {err}, in rows {rows}"
                ) from None
            days[i] = np.iinfo(np.int64).min if found is None else day_number(found)
    return np.append(days, np.iinfo(np.int64).min)[inverse]  # -1 (missing) takes the last


def day_column(col: Any, name: Any, *, allow_missing: bool) -> Any:
    """The column as ``int32`` days since 1970-01-01 (``NO_DAY`` for a missing date)."""
    dtype = col.dtype
    if isinstance(dtype, pd.ArrowDtype) and pd.api.types.is_datetime64_any_dtype(dtype):
        if getattr(dtype.pyarrow_dtype, "tz", None) is not None:
            col = col.dt.tz_localize(None)
        col = col.astype("datetime64[s]" if "date" in str(dtype) else "datetime64[us]")
        dtype = col.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        col = col.dt.tz_localize(None)  # wall-clock local time: its calendar date
        dtype = col.dtype
    if pd.api.types.is_bool_dtype(dtype) or (
        dtype.kind in "iufc" and not pd.api.types.is_datetime64_any_dtype(dtype)
    ):
        raise PlacementFrameError(
            f"column {echo(name)} does not hold dates: it holds {dtype} numbers; "
            "give datetimes, dates or ISO 8601 text"
        )
    if pd.api.types.is_datetime64_dtype(dtype):
        out = np.empty(len(col), dtype=np.int32)
        _datetime_days(col.to_numpy(), out)
        flagged = False
        for a in range(0, len(out), CHUNK):  # full-length masks only when something is wrong
            part = out[a : a + CHUNK]
            if (part == LAST_DAY + 1).any() or (not allow_missing and (part == NO_DAY).any()):
                flagged = True
                break
        if not flagged:
            return out
        missing = out == NO_DAY
        out_of_range = out == LAST_DAY + 1
    else:
        days = _text_days(col, name)
        missing = days == np.iinfo(np.int64).min
        out_of_range = ~missing & ((days < FIRST_DAY) | (days > LAST_DAY))
        out = days.astype(np.int32)
        out[missing] = NO_DAY
    if missing.any() and not allow_missing:
        raise missing_error("date(s)", name, missing, col.index)
    if out_of_range.any():
        raise PlacementFrameError(
            f"column {echo(name)} has dates outside 0001-01-01 … 9999-12-31, in rows "
            f"{rows_text(out_of_range, col.index)}"
        )
    return out
