"""Placement files: Parquet (pyarrow, dtypes kept) and CSV (dates parsed by the one date rule).

Both readers return a pandas DataFrame, or with ``lazy=True`` a Dask
DataFrame that reads the file(s) partition by partition, for inputs larger
than memory (the ``dask`` extra).  Every population function accepts either.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._checks import as_tuple
from .._text import echo
from ..errors import MissingExtraError
from ._dates import NO_DAY
from ._errors import JourneyOptionError, PlacementFileError, PlacementFrameError
from ._frame_dates import day_column
from ._pandas import np, pd

__all__ = ["read_csv", "read_parquet", "write_parquet"]


def _path(path: object, what: str, *, must_exist: bool = True) -> Path:
    if isinstance(path, bool) or not isinstance(path, str | os.PathLike):
        raise TypeError(f"{what} must be a path (str or os.PathLike), not {type(path).__name__}")
    p = Path(path)
    if must_exist and not p.exists():
        raise PlacementFileError(f"{what} {echo(str(p))} does not exist")
    return p


def _arrow(feature: str) -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise MissingExtraError("pyarrow", "arrow", feature) from err
    return pa, pq


def _dask_dataframe(feature: str) -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as err:
        raise MissingExtraError("dask", "dask", feature) from err
    return dd


def _column_list(columns: object) -> list[str] | None:
    if columns is None:
        return None
    names: list[Any] = list(as_tuple(columns, "columns"))
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"columns must name columns as strings, not {type(name).__name__}")
    return names


def read_parquet(
    path: str | os.PathLike[str],
    columns: list[str] | None = None,
    *,
    lazy: bool = False,
) -> Any:
    """Read placements from a Parquet file or a directory of Parquet files (a dataset).

    Dtypes written by :func:`write_parquet` (or by pandas) come back as they
    were: categorical levels, ``datetime64`` dates, nullable ``Int8`` reasons.
    Only the *columns* named are read.

    Parameters
    ----------
    path:
        A ``.parquet`` file or a directory of them.
    columns:
        The columns to read (a list; all when None).
    lazy:
        Return a Dask DataFrame (one partition per file) instead of reading
        everything now; needs the ``dask`` extra.

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        The placements.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFileError
        For a missing path, or a file that is not Parquet.
    carecontinuum.MissingExtraError
        Without pyarrow (the ``arrow`` extra) or, with *lazy*, without Dask.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> df = synthetic_cohort(5, seed=1)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = population.write_parquet(df, pathlib.Path(tmp) / "p.parquet")
    ...     back = population.read_parquet(path)
    >>> back.equals(df), back["level"].dtype == df["level"].dtype
    (True, True)
    """
    p = _path(path, "path")
    names = _column_list(columns)
    if not isinstance(lazy, bool):
        raise TypeError(f"lazy must be True or False, got {type(lazy).__name__}")
    pa, pq = _arrow("population.read_parquet()")
    if lazy:
        dd = _dask_dataframe("population.read_parquet(lazy=True)")
        try:
            return dd.read_parquet(str(p), columns=names)
        except (OSError, ValueError, pa.ArrowException) as err:
            raise PlacementFileError(f"cannot read {echo(str(p))} as Parquet: {err}") from None
    try:
        table = pq.read_table(p, columns=names)
    except (OSError, ValueError, pa.ArrowException) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlacementFileError(f"cannot read {echo(str(p))} as Parquet: {first}") from None
    frame = table.to_pandas()
    frame.attrs = {}  # pandas metadata may carry attrs; the placements are what was written
    return _restore_units(frame, table.schema.pandas_metadata)


def _restore_units(frame: pd.DataFrame, meta: dict[str, Any] | None) -> pd.DataFrame:
    """Parquet stores no second-resolution timestamps: put back the unit pandas had."""
    for entry in (meta or {}).get("columns", []):
        name, kind = entry.get("name"), str(entry.get("numpy_type", ""))
        if (
            name in frame.columns
            and kind.startswith("datetime64[")
            and str(frame[name].dtype) != kind
        ):
            try:
                frame[name] = frame[name].astype(kind)
            except (TypeError, ValueError):  # a unit pandas cannot hold these values in
                continue
    return frame


def write_parquet(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    row_group_size: int | None = None,
) -> Path:
    """Write a frame of placements to one Parquet file, keeping its dtypes and index.

    Parameters
    ----------
    df:
        The placements.
    path:
        The file to write (its folder must exist; an existing file is replaced).
    row_group_size:
        Rows per row group (pyarrow's default when None).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFileError
        When the file cannot be written.
    carecontinuum.journeys.JourneyOptionError
        For a *row_group_size* below 1 (a ``ValueError`` too).
    TypeError
        For a *df* that is not a DataFrame, or a *row_group_size* that is not a whole number.
    carecontinuum.MissingExtraError
        Without pyarrow (the ``arrow`` extra).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from carecontinuum.journeys import population, synthetic_cohort
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = population.write_parquet(synthetic_cohort(2), pathlib.Path(tmp) / "x.parquet")
    ...     p.name
    'x.parquet'
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"write_parquet() takes a pandas DataFrame, not {type(df).__name__}")
    p = _path(path, "path", must_exist=False)
    if row_group_size is not None and (
        isinstance(row_group_size, bool) or not isinstance(row_group_size, int)
    ):
        raise TypeError(
            f"row_group_size must be a whole number of rows or None, not "
            f"{type(row_group_size).__name__} {echo(row_group_size)}"
        )
    if row_group_size is not None and row_group_size < 1:
        raise JourneyOptionError("row_group_size", row_group_size, "must be a whole number ≥ 1")
    pa, pq = _arrow("population.write_parquet()")
    if df.columns.duplicated().any():
        raise PlacementFrameError("write_parquet(): column labels must be unique")
    try:
        table = pa.Table.from_pandas(df, preserve_index=None)
        pq.write_table(table, p, row_group_size=row_group_size)
    except (OSError, pa.ArrowException) as err:
        raise PlacementFileError(f"cannot write {echo(str(p))}: {err}") from None
    return p


def read_csv(
    path: str | os.PathLike[str],
    *,
    person: str = "person_id",
    level: str = "level",
    start: str = "start",
    end: str | None = "end",
    discharge_reason: str | None = "discharge_reason",
    encoding: str = "utf-8",
    lazy: bool = False,
    blocksize: int | None = 64_000_000,
) -> Any:
    """Read placements from a CSV file, parsing the date columns by the one date rule.

    The date columns are parsed by the one date rule; the others are read
    as pandas infers them (empty cells are missing).  Dates may be ISO 8601 dates or
    datetimes (a datetime becomes its own local date); an empty end is an open
    placement.  Levels become a categorical.

    Parameters
    ----------
    path:
        The CSV file (with a header row).
    person, level, start, end, discharge_reason:
        Column names, as in the frame functions.
    encoding:
        The file's text encoding.
    lazy:
        Return a Dask DataFrame read in blocks of *blocksize* bytes (the
        ``dask`` extra).  Blocks are cut by bytes, not by person: pass
        ``by_person=None`` (the default) to the analyses, which shuffle.
        Integer columns are read as floats (a block cannot know whether a
        later one has missing values); whole-float person ids still make
        integer ``Journey.person_id`` values.
    blocksize:
        Bytes per partition with *lazy*.

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        ``start`` and ``end`` as ``datetime64[s]`` dates.

    Raises
    ------
    carecontinuum.journeys.population.PlacementFileError
        For a missing file, a directory, bad encoding, a file that is not CSV,
        or a header of more than 1,000 columns.
    carecontinuum.journeys.population.PlacementFrameError
        For a missing column or a value that is not a date.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from carecontinuum.journeys import population
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f = pathlib.Path(tmp) / "p.csv"
    ...     _ = f.write_text("person_id,level,start,end\\n7,IOP,2024-01-02T23:30-05:00,\\n")
    ...     df = population.read_csv(f)
    >>> df["start"].iloc[0], df["end"].isna().iloc[0]
    (Timestamp('2024-01-02 00:00:00'), np.True_)
    """
    p = _path(path, "path")
    if p.is_dir():
        raise PlacementFileError(f"{echo(str(p))} is a directory, not a CSV file")
    if not isinstance(lazy, bool):
        raise TypeError(f"lazy must be True or False, got {type(lazy).__name__}")
    dates = [c for c in (start, end) if c is not None]
    text = dict.fromkeys(dates, "str")
    if lazy:
        dd = _dask_dataframe("population.read_csv(lazy=True)")
        frame = dd.read_csv(str(p), dtype=text, encoding=encoding, blocksize=blocksize,
                            assume_missing=True)  # fmt: skip
        return frame.map_partitions(
            _parse_dates, dates, level, meta=_lazy_meta(frame, dates, level)
        )
    try:
        _check_header(p, encoding)
        frame = pd.read_csv(p, dtype=text, encoding=encoding)
    except UnicodeDecodeError as err:
        raise PlacementFileError(
            f"{echo(str(p))} is not {encoding} text (byte {err.start}); pass encoding="
        ) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlacementFileError(f"cannot read {echo(str(p))} as CSV: {first}") from None
    missing = [c for c in (person, level, start) if c not in frame.columns]
    if missing:
        raise PlacementFrameError(
            f"{echo(str(p))} has no column(s) {', '.join(map(echo, missing))}; it has "
            f"{', '.join(echo(str(c), 30) for c in frame.columns[:20])}"
        )
    del discharge_reason  # read as pandas infers it (integer codes or labels)
    return _parse_dates(frame, [c for c in dates if c in frame.columns], level)


#: The most columns a CSV file of placements may have (pandas takes seconds to
#: name-mangle tens of thousands of header fields; a placements file needs five).
MAX_CSV_COLUMNS = 1_000


def _check_header(path: Path, encoding: str) -> None:
    """Refuse a header of more than :data:`MAX_CSV_COLUMNS` fields before pandas reads it."""
    import csv

    with path.open(encoding=encoding, newline="") as f:
        line = f.readline(MAX_CSV_COLUMNS * 200)  # a bounded read, even of one huge line
    try:
        fields = next(csv.reader([line]), [])
    except csv.Error as err:  # a header field of more than 128 KiB, a NUL ...
        raise PlacementFileError(f"cannot read {echo(str(path))} as CSV: {err}") from None
    if len(fields) > MAX_CSV_COLUMNS:
        raise PlacementFileError(
            f"{echo(str(path))} has at least {len(fields):,} columns in its header, more than "
            f"the {MAX_CSV_COLUMNS:,} a file of placements may have"
        )


def _parse_dates(frame: pd.DataFrame, dates: list[str], level: str) -> pd.DataFrame:
    out = frame.copy()
    for name in dates:
        if name not in out.columns:
            continue
        days = day_column(out[name], name, allow_missing=True)
        values = days.astype("datetime64[D]").astype("datetime64[s]")
        values[days == NO_DAY] = np.datetime64("NaT")
        out[name] = values
    if level in out.columns:
        out[level] = out[level].astype("category")
    return out


def _lazy_meta(frame: Any, dates: list[str], level: str) -> pd.DataFrame:
    meta: pd.DataFrame = frame._meta.copy()
    for name in dates:
        if name in meta.columns:
            meta[name] = pd.Series([], dtype="datetime64[s]")
    if level in meta.columns:
        meta[level] = meta[level].astype("category")
    return meta
