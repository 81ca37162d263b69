"""Counting discharges by a few columns: one kernel for pandas, chunks and dask partitions.

Every episode analytic is a table of counts.  :func:`tally` counts the rows of
one pandas frame for each combination of some key columns (as small integer
codes packed into one int64, then ``bincount`` or a hash count: no Python loop
per row).  A sequence of chunks, or a dask DataFrame's partitions, are counted
one by one and the counts added up, which is exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._text import echo
from ._errors import TedsFrameError
from ._pandas import np, pd

__all__ = ["BY_COLUMNS", "Counts", "count_discharges", "tally"]

BY_COLUMNS = ("year", "state_fips")
"""The columns the analytics can break their tables down by."""
_RADIX = {"year": 10_000, "state_fips": 100}  # DISYR has 4 digits, STFIPS 2
_CATEGORICAL = (
    "teds_setting",
    "level",
    "level_match",
    "admission_teds_setting",
    "admission_level",
    "reason",
    "los",
)
_BINCOUNT_LIMIT = 1 << 20


def _encode(frame: pd.DataFrame, key: str) -> tuple[Any, int]:
    column = frame[key]
    if key in _RADIX:
        values = column.to_numpy(dtype=np.int64, na_value=0)
        return values, _RADIX[key]
    codes = np.asarray(column.cat.codes, dtype=np.int64) + 1  # 0 = missing
    return codes, len(column.cat.categories) + 1


def tally(frame: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Rows of *frame* counted by *keys*: one row per combination seen, and ``count``.

    Key values are codes: ``year`` and ``state_fips`` as they are (0 for a
    missing state), categorical columns as category position + 1 (0 for
    missing).
    """
    encoded = [_encode(frame, key) for key in keys]
    packed = np.zeros(len(frame), dtype=np.int64)
    stride = 1
    strides = []
    for values, radix in reversed(encoded):
        packed += values * stride
        strides.append(stride)
        stride *= radix
    strides.reverse()
    seen: Any
    counts: Any
    if stride <= _BINCOUNT_LIMIT:
        every = np.bincount(packed, minlength=stride)
        seen = np.flatnonzero(every)
        counts = every[seen]
    else:
        found = pd.Series(packed).value_counts(sort=False)
        seen, counts = found.index.to_numpy(), found.to_numpy()
    out = {
        key: (seen // step) % radix
        for key, step, (_values, radix) in zip(keys, strides, encoded, strict=True)
    }
    out["count"] = counts.astype(np.int64)
    return pd.DataFrame(out, columns=[*keys, "count"]).astype(np.int64)


@dataclass(frozen=True, slots=True)
class Counts:
    """The combined counts and the dtypes of the frame they came from."""

    table: pd.DataFrame
    """One row per combination of the keys, with ``count``."""
    meta: pd.DataFrame
    """An empty frame with the discharges' columns and dtypes."""

    def categories(self, column: str) -> list[Any]:
        return list(self.meta[column].cat.categories)


def _check(meta: pd.DataFrame, keys: Sequence[str], function: str) -> None:
    missing = [k for k in keys if k not in meta.columns]
    if missing:
        raw = {"SERVICES_D", "REASON", "LOS"} <= set(map(str, meta.columns))
        hint = (
            "; it looks like raw TEDS-D columns: pass it through "
            "carecontinuum.teds.read_discharges first"
            if raw
            else ""
        )
        raise TedsFrameError(
            f"{function}() needs the frame read_discharges() returns: it has no column "
            f"{', '.join(map(repr, missing))}{hint}"
        )
    for key in keys:
        dtype = meta[key].dtype
        wanted_categorical = key in _CATEGORICAL
        if wanted_categorical != isinstance(dtype, pd.CategoricalDtype) or (
            not wanted_categorical and not pd.api.types.is_integer_dtype(dtype)
        ):
            kind = "categorical" if wanted_categorical else "integer"
            raise TedsFrameError(
                f"{function}(): column {key!r} should be {kind}, as read_discharges() makes "
                f"it, not {dtype}"
            )


def check_by(by: object, function: str) -> tuple[str, ...]:
    """The ``by`` argument as a tuple of column names from :data:`BY_COLUMNS`."""
    from .._checks import as_tuple

    names: tuple[str, ...] = as_tuple(by, "by")
    for name in names:
        if name not in BY_COLUMNS:
            raise TedsFrameError(
                f"{function}(): by={echo(name)} is not a column to break down by; "
                f"use {' and/or '.join(map(repr, BY_COLUMNS))}"
            )
    if len(set(names)) != len(names):
        raise TedsFrameError(f"{function}(): by={echo(names)} names a column twice")
    return names


def _combine(parts: Iterable[pd.DataFrame], keys: Sequence[str]) -> pd.DataFrame:
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({k: [] for k in [*keys, "count"]}, dtype=np.int64)
    table = pd.concat(frames, ignore_index=True)
    summed = table.groupby(list(keys), sort=False)["count"].sum()
    return summed.reset_index()


def count_discharges(discharges: object, keys: Sequence[str], function: str) -> Counts:
    """Counts of *discharges* by *keys*: a pandas or dask DataFrame, or pandas chunks.

    Raises
    ------
    carecontinuum.teds.TedsFrameError
        For a frame read_discharges() did not make, chunks whose dtypes differ,
        or an empty sequence of chunks.
    TypeError
        For anything else.
    """
    from ._dask import is_dask_frame, tally_partitions

    keys = list(keys)
    if isinstance(discharges, pd.DataFrame):
        _check(discharges, keys, function)
        return Counts(tally(discharges, keys), discharges.iloc[:0])
    if is_dask_frame(discharges):
        meta = discharges._meta  # type: ignore[attr-defined]
        _check(meta, keys, function)
        parts = tally_partitions(discharges, tally, keys)  # type: ignore[arg-type]
        return Counts(_combine([parts], keys), meta)
    if isinstance(discharges, str | bytes | Mapping) or not isinstance(discharges, Iterable):
        raise TypeError(
            f"{function}() takes the frame read_discharges() returns (pandas or dask), or "
            f"its chunks; not {type(discharges).__name__} {echo(discharges)}"
        )
    first: pd.DataFrame | None = None
    parts_list = []
    for chunk in discharges:
        if not isinstance(chunk, pd.DataFrame):
            raise TypeError(f"{function}(): a chunk is a {type(chunk).__name__}, not a DataFrame")
        _check(chunk, keys, function)
        if first is None:
            first = chunk.iloc[:0]
        elif not chunk.dtypes[keys].equals(first.dtypes[keys]):
            raise TedsFrameError(f"{function}(): the chunks' columns have different dtypes")
        parts_list.append(tally(chunk, keys))
    if first is None:
        raise TedsFrameError(f"{function}(): no chunks to count")
    return Counts(_combine(parts_list, keys), first)
