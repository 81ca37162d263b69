"""``read_discharges``: a TEDS-D file or frame → one typed row per discharge."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Literal, cast, overload

from .._checks import not_bool
from .._text import echo
from ._columns import Header, read_header
from ._decode import RawTable, decode
from ._errors import TedsValueError
from ._levels import SettingLevels, setting_levels

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

    from ..levels import Crosswalk

__all__ = ["Engine", "read_discharges"]

Engine = Literal["auto", "pyarrow", "c"]
"""``"pyarrow"`` (the ``arrow`` extra), pandas' ``"c"`` parser, or ``"auto"`` (pyarrow if there)."""

CsvSource = str | os.PathLike[str] | IO[bytes] | IO[str]


@overload
def read_discharges(
    source: CsvSource | pd.DataFrame,
    *,
    year: int | None = None,
    crosswalk: Crosswalk | None = None,
    engine: Engine = "auto",
    encoding: str | None = None,
    chunksize: None = None,
) -> pd.DataFrame: ...
@overload
def read_discharges(
    source: CsvSource,
    *,
    year: int | None = None,
    crosswalk: Crosswalk | None = None,
    engine: Engine = "auto",
    encoding: str | None = None,
    chunksize: int,
) -> Iterator[pd.DataFrame]: ...
@overload
def read_discharges(
    source: dd.DataFrame,
    *,
    year: int | None = None,
    crosswalk: Crosswalk | None = None,
    engine: Engine = "auto",
    encoding: str | None = None,
    chunksize: None = None,
) -> dd.DataFrame: ...


def read_discharges(
    source: CsvSource | pd.DataFrame | dd.DataFrame,
    *,
    year: int | None = None,
    crosswalk: Crosswalk | None = None,
    engine: Engine = "auto",
    encoding: str | None = None,
    chunksize: int | None = None,
) -> pd.DataFrame | Iterator[pd.DataFrame] | dd.DataFrame:
    """Read TEDS-D discharges: one typed row per discharge, never a person [TEDS-D-CB].

    A TEDS-D row is one treatment episode's discharge.  It has no person id and
    no dates, only the year of discharge and the length of stay as a code, so
    rows are never chained into journeys and no dates are made up.

    The file may hold codes (most years) or the codebook's labels (some years
    ship label-decoded text, often latin-1); both are read, column by column.
    The layout (2015–2016, or 2017 on) is read from the header: 2015 and 2016
    have no ``SERVICES``, so their admission columns are missing.

    Parameters
    ----------
    source:
        A CSV path, a file object (bytes or text), a pandas DataFrame of the
        file's columns, or a dask DataFrame of them (decoded lazily,
        partition by partition).
    year:
        When given, every row's ``DISYR`` must be this year.
    crosswalk:
        The crosswalk from TEDS settings to levels (default:
        ``cc.crosswalk("teds", "continuum")``).
    engine:
        ``"pyarrow"`` (the ``arrow`` extra; fastest), ``"c"`` (pandas' parser)
        or ``"auto"``: pyarrow when it is installed, else ``"c"``.
    encoding:
        The text encoding of a label-form file; by default UTF-8, else latin-1.
    chunksize:
        Read a CSV *chunksize* rows at a time, for files larger than memory:
        returns an iterator of frames with the same columns and dtypes (their
        index continues from chunk to chunk).

    Returns
    -------
    pandas.DataFrame
        The typed columns first:

        - ``episode_id`` (``CASEID``, int64) and ``year`` (``DISYR``, int16);
        - ``state_fips`` (``STFIPS``, Int8);
        - ``teds_setting`` (``SERVICES_D``, categorical 1–8), ``level`` (its
          level through the crosswalk, categorical) and ``level_match``
          (``exact``, ``approximate``, ``none``: no counterpart, or ``several``);
        - ``admission_teds_setting``, ``admission_level`` and
          ``admission_level_match`` from ``SERVICES`` (missing in 2015–2016);
        - ``reason`` (``REASON``, the :class:`~carecontinuum.DischargeReason`
          code, categorical 1–7);
        - ``los`` (``LOS``, ordered categorical 1–37) with ``los_min_days`` and
          ``los_max_days`` (Int16; ``los_max_days`` is missing for code 37,
          more than a year);

        then every other TEDS-D column under its codebook name as a nullable
        integer (Int8; Int32 for ``CBSA``/``CBSA2010``), and any column TEDS-D
        does not have, unchanged.  ``-9`` is missing (``NaN``/``<NA>``)
        everywhere.  ``attrs`` records the source, layout, form (``code`` or
        ``label``), the crosswalk and how each setting maps.

    Raises
    ------
    carecontinuum.teds.TedsFormatError
        For a file that is not TEDS-D: a missing key column (named), a column
        given twice, mixed layouts, a malformed CSV row.
    carecontinuum.teds.TedsValueError
        For a value that is not a code or label of its column, an empty value,
        or a ``DISYR`` other than *year*, naming the column and the row
        (counted from 1 after the header).
    carecontinuum.MissingExtraError
        Without pandas (the ``dataframe`` extra), or with ``engine="pyarrow"``
        without pyarrow (the ``arrow`` extra).
    FileNotFoundError
        For a path that does not exist.

    Examples
    --------
    >>> import io
    >>> from carecontinuum import teds
    >>> text = teds.synthetic_discharges(3, seed=4).to_csv(index=False)  # SYNTHETIC
    >>> df = teds.read_discharges(io.StringIO(text))
    >>> df[["episode_id", "teds_setting", "level", "los_min_days", "los_max_days"]]
       episode_id teds_setting                 level  los_min_days  los_max_days
    0           1            6  intensive_outpatient            27            27
    1           2            5           residential             1             1
    2           3            7            outpatient            61            90
    >>> df["level_match"][1]
    'approximate'
    >>> df.attrs["layout"], df.attrs["form"]
    ('2017+', 'code')
    """
    _check_arguments(year, engine, encoding, chunksize)
    mapping = setting_levels(crosswalk)
    if _is_dask(source):
        if chunksize is not None:
            raise TedsValueError("chunksize: a dask DataFrame is read partition by partition")
        from ._dask import decode_partitions

        return decode_partitions(cast("dd.DataFrame", source), year=year, mapping=mapping)
    from ._pandas import pd

    if isinstance(source, pd.DataFrame):
        if chunksize is not None:
            raise TedsValueError("chunksize: only a CSV file is read in chunks, not a DataFrame")
        from ._frame import raw_from_frame

        raw = raw_from_frame(source, "the frame")
        return _finish(raw, year, mapping)
    from ._input import CsvInput, is_csv_source

    if not is_csv_source(source):
        raise TypeError(
            "source must be a CSV path, a file object or a pandas or dask DataFrame, "
            f"not {type(source).__name__} {echo(source)}"
        )
    csv = CsvInput(source)
    names, header_length = csv.header()
    header = read_header(names, csv.name)
    use_arrow = _use_arrow(engine)
    if chunksize is not None:
        return _chunks(csv, header, header_length, encoding, chunksize, use_arrow, year, mapping)
    if use_arrow:
        from ._arrow import arrow_table

        raw = arrow_table(csv, header, header_length, encoding)
    else:
        from ._cengine import c_table

        raw = c_table(csv, header, header_length, encoding)
    return _finish(raw, year, mapping)


def _check_arguments(year: object, engine: object, encoding: object, chunksize: object) -> None:
    if year is not None:
        not_bool(year, "year", "a year")
        if not isinstance(year, int) or not 1000 <= year <= 9999:
            raise TedsValueError(f"year: {echo(year)} is not a 4-digit year of discharge")
    if engine not in ("auto", "pyarrow", "c"):
        raise TedsValueError(f"engine: {echo(engine)} is not 'auto', 'pyarrow' or 'c'")
    if encoding is not None:
        if not isinstance(encoding, str):
            raise TypeError(f"encoding must be a codec name or None, not {echo(encoding)}")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise TedsValueError(f"encoding: {echo(encoding)} is not a text encoding") from None
    if chunksize is not None:
        not_bool(chunksize, "chunksize", "a number of rows")
        if not isinstance(chunksize, int) or chunksize < 1:
            raise TedsValueError(f"chunksize: {echo(chunksize)} is not a whole number of rows ≥ 1")


def _use_arrow(engine: Engine) -> bool:
    from ._arrow import _pyarrow, arrow_available

    if engine == "pyarrow":
        _pyarrow()  # MissingExtraError without it
        return True
    return engine == "auto" and arrow_available()


def _chunks(  # noqa: PLR0917
    csv: Any,
    header: Header,
    header_length: int,
    encoding: str | None,
    size: int,
    use_arrow: bool,
    year: int | None,
    mapping: SettingLevels,
) -> Iterator[pd.DataFrame]:
    from ._pandas import pd

    if use_arrow:
        from ._arrow import arrow_chunks

        chunks = arrow_chunks(csv, header, header_length, encoding, size)
    else:
        from ._cengine import c_chunks

        chunks = c_chunks(csv, header, header_length, encoding, size)
    for raw in chunks:
        frame = _finish(raw, year, mapping)
        frame.index = pd.RangeIndex(raw.offset, raw.offset + raw.length)
        yield frame


def _finish(raw: RawTable, year: int | None, mapping: SettingLevels) -> pd.DataFrame:
    frame = decode(raw, year=year, mapping=mapping)
    frame.attrs.update(describe(raw.header, raw.where, mapping))
    frame.attrs["form"] = "label" if raw.notes.get("labels") else "code"
    if "encoding" in raw.notes:
        frame.attrs["encoding"] = raw.notes["encoding"]
    return frame


def describe(header: Header, where: str, mapping: SettingLevels) -> dict[str, Any]:
    """What ``attrs`` records about a read: source, layout, crosswalk, unknown columns."""
    from ._codebook import SERVICE_SETTINGS

    return {
        "source": where,
        "layout": header.layout,
        "crosswalk": mapping.crosswalk,
        "level_mapping": {s.code: mapping.describe(s.code) for s in SERVICE_SETTINGS},
        "other_columns": list(header.unknown),
    }


def _is_dask(source: object) -> bool:
    module = type(source).__module__
    return module.split(".")[0] in {"dask", "dask_expr"} and hasattr(source, "map_partitions")
