"""Raw TEDS-D columns (codes or codebook labels) → the typed discharge frame.

Every value is checked: key columns (``SERVICES``/``SERVICES_D``, ``REASON``,
``LOS``, ``STFIPS``, ``DISYR``) must hold codebook codes or ``-9``; other
TEDS-D columns any whole number that fits their storage.  Text is read as a
code when it is a whole number, else as a label of the column in the codebooks
[TEDS-D-CB] (the file's year first), matched on letters and digits only.  A bad
value raises :class:`~carecontinuum.teds.TedsValueError` naming the column, the
row and the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .._text import echo
from ._codebook import (
    CODEBOOK_YEARS,
    DISCHARGE_REASONS,
    LOS_CODES,
    MISSING,
    SERVICE_SETTINGS,
)
from ._columns import Header, storage
from ._errors import TedsFormatError, TedsValueError
from ._levels import MATCHES, SettingLevels, level_tables
from ._pandas import np, pd
from ._values import label_index, label_key, value_labels

__all__ = ["OUTPUT_COLUMNS", "RawColumn", "RawTable", "decode", "empty_frame"]

#: The typed columns, in order; the file's other columns follow them.
OUTPUT_COLUMNS = (
    "episode_id",
    "year",
    "state_fips",
    "teds_setting",
    "level",
    "level_match",
    "admission_teds_setting",
    "admission_level",
    "admission_level_match",
    "reason",
    "los",
    "los_min_days",
    "los_max_days",
)
_REPLACED = ("CASEID", "DISYR", "STFIPS", "SERVICES", "SERVICES_D", "REASON", "LOS")
_WHOLE = re.compile(r"^[ \t]*[+-]?[0-9]{1,18}[ \t]*$")  # ASCII digits only: "٣" is not 3
_RANGES = {"int8": (-128, 127), "int16": (-32768, 32767), "int32": (-(2**31), 2**31 - 1)}
_YEAR_RANGE = (1000, 9999)  # DISYR: "year of discharge (4 digits)" [TEDS-D-CB]
_STATE_RANGE = (1, 99)  # STFIPS: 2-digit Census state FIPS codes [TEDS-D-CB]

SETTING_DTYPE = pd.CategoricalDtype([s.code for s in SERVICE_SETTINGS])
REASON_DTYPE = pd.CategoricalDtype([r.code for r in DISCHARGE_REASONS])
LOS_DTYPE = pd.CategoricalDtype([c.code for c in LOS_CODES], ordered=True)
MATCH_DTYPE = pd.CategoricalDtype(list(MATCHES))


@dataclass(slots=True)
class RawColumn:
    """One column as read: whole numbers, a dictionary of strings, or anything else."""

    ints: Any = None
    """An integer numpy array."""
    strings: tuple[Sequence[str], Any] | None = None
    """``(uniques, positions)``: each row's text is ``uniques[positions[row]]``."""
    other: Any = None
    """A column TEDS-D does not have, passed through as read."""
    label: Any = None
    """The column label of *other* in a frame, when it is not a string (kept as it is)."""


@dataclass(slots=True)
class RawTable:
    """The columns of a file, chunk or frame, with what is needed to name a row."""

    header: Header
    columns: list[RawColumn]
    length: int
    where: str
    offset: int = 0
    """Rows before this chunk: row numbers in messages count from the file's first row."""
    labels: Any = None
    """A frame's index, whose labels messages name beside the row number."""
    notes: dict[str, Any] = field(default_factory=dict)

    def row(self, position: int) -> str:
        text = f"row {self.offset + position + 1}"
        if self.labels is not None:
            text += f" (index {echo(self.labels[position])})"
        return text

    def column(self, name: str) -> RawColumn:
        return self.columns[self.header.known[name]]


def _label_codes(raw: RawTable, name: str, years: Sequence[int]) -> dict[str, int]:
    """label key → code for *name*: the file's codebook years first, then any year."""
    index = label_index(name)
    merged: dict[str, int] = {}
    for year in (None, *sorted((y for y in years if y in index), reverse=True)):
        merged.update(index.get(year, {}))
    return merged


def _from_strings(raw: RawTable, name: str, years: Sequence[int]) -> Any:
    column = raw.column(name)
    assert column.strings is not None
    uniques, positions = column.strings
    labels: dict[str, int] | None = None
    values = np.empty(len(uniques), dtype=np.int64)
    for k, text in enumerate(uniques):
        if _WHOLE.match(text):
            values[k] = int(text)
            continue
        if labels is None:
            labels = _label_codes(raw, name, years)
        code = labels.get(label_key(text))
        if code is None:
            first = int(np.flatnonzero(positions == k)[0])
            raise TedsValueError(_bad_text(raw, name, text, first, years), column=name, row=first)
        values[k] = code
        raw.notes["labels"] = True
    return values[positions] if len(uniques) else np.zeros(len(positions), dtype=np.int64)


def _bad_text(raw: RawTable, name: str, text: str, position: int, years: Sequence[int]) -> str:
    where = f"{raw.where}, column {name}, {raw.row(position)}"
    if not text.strip():
        return f"{where}: empty value; TEDS-D writes a missing value as {MISSING}"
    year = next((y for y in sorted(years, reverse=True) if y in CODEBOOK_YEARS), 2019)
    try:
        shown = list(value_labels(name, year).values())
    except TedsValueError:
        return f"{where}: {echo(text)} is not a whole number (a code of {name})"
    listed = "; ".join(shown[:6]) + ("; ..." if len(shown) > 6 else "")
    return (
        f"{where}: {echo(text)} is neither a code nor a codebook label of {name} "
        f"(labels: {echo(listed, 120)[1:-1]})"
    )


def integers(raw: RawTable, name: str, years: Sequence[int] = ()) -> Any:
    """Column *name* as whole numbers (codes), decoding labels where the file has them."""
    column = raw.column(name)
    if column.ints is not None:
        return column.ints
    return _from_strings(raw, name, years)


def _out_of(raw: RawTable, name: str, values: Any, bad: Any, rule: str) -> TedsValueError:
    first = int(np.flatnonzero(bad)[0])
    count = int(np.count_nonzero(bad))
    more = f" ({count - 1} more row{'s' if count > 2 else ''} like it)" if count > 1 else ""
    return TedsValueError(
        f"{raw.where}, column {name}, {raw.row(first)}: {echo(int(values[first]))} {rule}{more}",
        column=name,
        row=first,
    )


def _categorical(raw: RawTable, name: str, values: Any, dtype: Any, what: str) -> Any:
    """Codes → a categorical of *dtype*'s integer categories, ``-9`` → missing."""
    categories = list(dtype.categories)
    low, high = min(categories), max(categories)
    table = np.full(high - MISSING + 1, -2, dtype=np.int8)
    table[0] = -1  # MISSING
    for position, code in enumerate(categories):
        table[code - MISSING] = position
    inside = (values >= MISSING) & (values <= high)
    codes = np.full(len(values), -2, dtype=np.int8)
    codes[inside] = table[values[inside] - MISSING]
    bad = codes == -2
    if bad.any():
        raise _out_of(raw, name, values, bad, f"is not a {what} code ({low}–{high} or {MISSING})")
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False), codes


def _nullable(raw: RawTable, name: str, values: Any, kind: str) -> Any:
    low, high = _RANGES[kind]
    if values.dtype != np.dtype(kind):
        bad = (values < low) | (values > high)
        if bad.any():
            raise _out_of(raw, name, values, bad, f"is out of range for a {name} code")
        values = values.astype(kind)
    return pd.arrays.IntegerArray(values, values == MISSING)


def _state(raw: RawTable, values: Any) -> Any:
    low, high = _STATE_RANGE
    bad = ((values < low) | (values > high)) & (values != MISSING)
    if bad.any():
        raise _out_of(raw, "STFIPS", values, bad, f"is not a state FIPS code ({low}–{high})")
    return pd.arrays.IntegerArray(values.astype(np.int8), values == MISSING)


def _years(raw: RawTable, values: Any, year: int | None) -> Any:
    low, high = _YEAR_RANGE
    bad = (values < low) | (values > high)
    if bad.any():
        raise _out_of(raw, "DISYR", values, bad, "is not a 4-digit year of discharge")
    if year is not None:
        bad = values != year
        if bad.any():
            raise _out_of(raw, "DISYR", values, bad, f"is not the year asked for ({year})")
    return values.astype(np.int16)


def _levels(setting_codes: Any, tables: tuple[Any, Any], categories: Any) -> tuple[Any, Any]:
    level_of, match_of = tables
    position = setting_codes.astype(np.intp) + 1
    level = pd.Categorical.from_codes(level_of[position], dtype=categories, validate=False)
    match = pd.Categorical.from_codes(match_of[position], dtype=MATCH_DTYPE, validate=False)
    return level, match


def _los(raw: RawTable, values: Any) -> tuple[Any, Any, Any]:
    los, codes = _categorical(raw, "LOS", values, LOS_DTYPE, "LOS")
    lows = np.array([c.min_days for c in LOS_CODES] + [0], dtype=np.int16)
    highs = np.array([c.max_days or 0 for c in LOS_CODES] + [0], dtype=np.int16)
    open_ended = np.array([c.max_days is None for c in LOS_CODES] + [True])
    position = codes.astype(np.intp)  # -1 (missing) picks the last, masked, entry
    low = pd.arrays.IntegerArray(lows[position], codes == -1)
    high = pd.arrays.IntegerArray(highs[position], open_ended[position])
    return los, low, high


def decode(raw: RawTable, *, year: int | None, mapping: SettingLevels) -> pd.DataFrame:
    """The typed frame of *raw* (see :func:`carecontinuum.teds.read_discharges`)."""
    n = raw.length
    disyr = _years(raw, integers(raw, "DISYR"), year)
    years = [int(y) for y in np.unique(disyr)] if n else ([] if year is None else [year])
    level_dtype = pd.CategoricalDtype(list(mapping.levels))
    tables = level_tables(mapping, np)

    setting, setting_codes = _categorical(
        raw, "SERVICES_D", integers(raw, "SERVICES_D", years), SETTING_DTYPE, "SERVICES_D"
    )
    level, match = _levels(setting_codes, tables, level_dtype)
    if raw.header.has_admission_setting:
        admission, admission_codes = _categorical(
            raw, "SERVICES", integers(raw, "SERVICES", years), SETTING_DTYPE, "SERVICES"
        )
    else:
        admission_codes = np.full(n, -1, dtype=np.int8)
        admission = pd.Categorical.from_codes(admission_codes, dtype=SETTING_DTYPE)
    admission_level, admission_match = _levels(admission_codes, tables, level_dtype)
    reason, _ = _categorical(raw, "REASON", integers(raw, "REASON", years), REASON_DTYPE, "REASON")
    los, los_min, los_max = _los(raw, integers(raw, "LOS", years))
    caseid = integers(raw, "CASEID")
    columns: dict[str, Any] = {
        "episode_id": caseid.astype(np.int64, copy=False),
        "year": disyr,
        "state_fips": _state(raw, integers(raw, "STFIPS", years)),
        "teds_setting": setting,
        "level": level,
        "level_match": match,
        "admission_teds_setting": admission,
        "admission_level": admission_level,
        "admission_level_match": admission_match,
        "reason": reason,
        "los": los,
        "los_min_days": los_min,
        "los_max_days": los_max,
    }
    for name, canonical, column in zip(
        raw.header.names, raw.header.canonical, raw.columns, strict=True
    ):
        if canonical is None:
            if name in columns:
                clash = (
                    "has the name of a column the reader adds; rename it"
                    if name in OUTPUT_COLUMNS
                    else "appears twice"
                )
                raise TedsFormatError(f"{raw.where}: column {echo(name)} {clash}", column=name)
            columns[name if column.label is None else column.label] = column.other
        elif canonical not in _REPLACED:
            values = integers(raw, canonical, years)
            columns[canonical] = _nullable(raw, canonical, values, storage(canonical))
    frame = pd.DataFrame(columns, copy=False)
    if raw.labels is not None:
        frame.index = raw.labels
    return frame


def empty_frame(header: Header, mapping: SettingLevels) -> pd.DataFrame:
    """The typed frame of no rows for *header* (dtypes only: a dask ``meta``)."""
    empty = np.zeros(0, dtype=np.int64)
    columns = [
        RawColumn(ints=empty) if c is not None else RawColumn(other=pd.Series([], dtype=object))
        for c in header.canonical
    ]
    raw = RawTable(header, columns, 0, "meta")
    return decode(raw, year=None, mapping=mapping)
