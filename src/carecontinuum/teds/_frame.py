"""A pandas DataFrame of raw TEDS-D columns → a raw table for the decoder.

Integer columns are codes; text, object and categorical columns are codes or
codebook labels, decoded value by value; float columns must hold whole
numbers.  Booleans, empty cells (``NaN``/``None``/``<NA>``) and other types are
refused with the column and row.
"""

from __future__ import annotations

from typing import Any

from .._text import echo
from ._columns import Header, read_header
from ._decode import RawColumn, RawTable
from ._errors import TedsValueError
from ._pandas import np, pd

__all__ = ["raw_from_frame"]


def _empty(name: str, where: str, row: int, raw_row: str) -> TedsValueError:
    return TedsValueError(
        f"{where}, column {name}, {raw_row}: empty value; TEDS-D writes a missing value as -9",
        column=name,
        row=row,
    )


def _column(series: Any, name: str, where: str, row_name: Any) -> RawColumn:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        raise TedsValueError(
            f"{where}, column {name}: holds booleans; TEDS-D codes are whole numbers",
            column=name,
        )
    if isinstance(dtype, pd.CategoricalDtype):
        codes = np.asarray(series.cat.codes)
        if (codes < 0).any():
            row = int(np.flatnonzero(codes < 0)[0])
            raise _empty(name, where, row, row_name(row))
        return RawColumn(strings=([_text(c) for c in series.cat.categories], codes))
    if pd.api.types.is_integer_dtype(dtype):
        if series.hasnans:
            row = int(np.flatnonzero(series.isna().to_numpy())[0])
            raise _empty(name, where, row, row_name(row))
        return RawColumn(ints=series.to_numpy(dtype=np.int64))
    if pd.api.types.is_float_dtype(dtype):
        return _floats(series, name, where, row_name)
    if pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
        return _texts(series, name, where, row_name)
    raise TedsValueError(
        f"{where}, column {name}: holds {dtype} values, not TEDS-D codes or labels", column=name
    )


def _floats(series: Any, name: str, where: str, row_name: Any) -> RawColumn:
    """Whole numbers stored as floats (as pandas makes them); NaN is an empty value."""
    values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    missing = np.isnan(values)
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise _empty(name, where, row, row_name(row))
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(values) | (values != np.round(values)) | (np.abs(values) > 2**53)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise TedsValueError(
            f"{where}, column {name}, {row_name(row)}: {echo(float(values[row]))} is not a "
            "whole number (a TEDS-D code)",
            column=name,
            row=row,
        )
    return RawColumn(ints=values.astype(np.int64))


def _texts(series: Any, name: str, where: str, row_name: Any) -> RawColumn:
    """Codes or labels as text (or Python ints in an object column)."""
    if pd.api.types.is_object_dtype(series.dtype):
        _check_objects(series.to_numpy(), name, where, row_name)
    positions, uniques = pd.factorize(series, use_na_sentinel=True)
    if (positions < 0).any():
        row = int(np.flatnonzero(positions < 0)[0])
        raise _empty(name, where, row, row_name(row))
    for k, value in enumerate(uniques):
        if isinstance(value, bool | np.bool_) or not isinstance(value, str | int | np.integer):
            row = int(np.flatnonzero(positions == k)[0])
            raise TedsValueError(
                f"{where}, column {name}, {row_name(row)}: {echo(value)} is not a code or a "
                f"label (a {type(value).__name__})",
                column=name,
                row=row,
            )
    return RawColumn(strings=([_text(v) for v in uniques], np.asarray(positions)))


def _plain(value: object) -> bool:
    return value is None or (
        isinstance(value, str | int | np.integer | float) and not isinstance(value, bool | np.bool_)
    )


_PLAIN = np.frompyfunc(_plain, 1, 1)


def _check_objects(values: Any, name: str, where: str, row_name: Any) -> None:
    """Refuse booleans (``True == 1`` to Python) and other objects in an object column."""
    ok = _PLAIN(values).astype(bool) if len(values) else np.ones(0, dtype=bool)
    if not ok.all():
        row = int(np.flatnonzero(~ok)[0])
        value = values[row]
        raise TedsValueError(
            f"{where}, column {name}, {row_name(row)}: {echo(value)} is not a code or a "
            f"label (a {type(value).__name__})",
            column=name,
            row=row,
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(int(value))


def raw_from_frame(
    frame: Any, where: str, *, offset: int = 0, header: Header | None = None
) -> RawTable:
    """The raw table of a DataFrame of TEDS-D columns (codes or labels).

    Raises
    ------
    carecontinuum.teds.TedsFormatError
        For a missing key column, or one given twice.
    carecontinuum.teds.TedsValueError
        For an empty, boolean or non-integral value, naming column and row.
    """
    if header is None:
        header = read_header(frame.columns, where)
    index = frame.index
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    labels = None if default else index

    def row_name(position: int) -> str:
        text = f"row {offset + position + 1}"
        return text if labels is None else f"{text} (index {echo(labels[position])})"

    columns = []
    for i, canonical in enumerate(header.canonical):
        series = frame.iloc[:, i]
        if canonical is None:
            label = frame.columns[i]
            keep = None if isinstance(label, str) else label
            columns.append(RawColumn(other=series.array, label=keep))
        else:
            columns.append(_column(series, canonical, where, row_name))
    return RawTable(header, columns, len(frame), where, offset, labels)
