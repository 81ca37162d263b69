"""Reading a TEDS-D CSV with pyarrow (the ``arrow`` extra): whole, or a chunk at a time.

The first pass reads every TEDS-D column straight into small integers, which
is all a code-form file needs.  If a value is not a whole number (a
label-decoded file, or a bad value), the file is read again with each column as
a dictionary of strings, which :mod:`._decode` turns into codes or reports.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .._text import echo
from ..errors import MissingExtraError
from ._columns import Header, storage
from ._decode import RawColumn, RawTable
from ._errors import TedsFormatError, TedsValueError
from ._input import CsvInput, undecodable
from ._pandas import np

__all__ = ["arrow_available", "arrow_chunks", "arrow_table"]

_BLOCK = 1 << 22


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.compute
        import pyarrow.csv
    except ImportError as err:
        raise MissingExtraError("pyarrow", "arrow", "reading TEDS-D with engine='pyarrow'") from err
    return pa


def arrow_available() -> bool:
    """Whether pyarrow can be imported."""
    try:
        _pyarrow()
    except MissingExtraError:
        return False
    return True


class _RetryError(Exception):
    """Read the file again, as strings (the integer pass met text) or as latin-1."""


def _options(
    pa: Any,
    header: Header,
    *,
    strings: bool,
    encoding: str,
    skip: int = 0,
    header_row: bool,
    delimiter: str = ",",
) -> Any:
    types = {}
    for name, canonical in zip(header.names, header.canonical, strict=True):
        if canonical is None:
            types[name] = pa.string()
        elif not strings:
            types[name] = getattr(pa, storage(canonical))()
        elif canonical == "CASEID":
            types[name] = pa.string()
        else:
            types[name] = pa.dictionary(pa.int32(), pa.string())
    read = pa.csv.ReadOptions(
        column_names=list(header.names),
        skip_rows=1 if header_row else 0,
        encoding=encoding,
        block_size=_BLOCK,
        skip_rows_after_names=skip,
    )
    parse = pa.csv.ParseOptions(
        delimiter=delimiter, newlines_in_values=False, ignore_empty_lines=False
    )
    convert = pa.csv.ConvertOptions(
        column_types=types,
        null_values=[""],
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    return read, parse, convert


def _classify(error: Exception, where: str, header_length: int, source: CsvInput) -> Exception:
    message = str(error)
    retry = ("invalid UTF8", "UnicodeDecodeError", "conversion error", "out of range")
    if any(text in message for text in retry):
        return _RetryError()
    return _format_error(message, where, header_length, source)


def _format_error(message: str, where: str, header_length: int, source: CsvInput) -> Exception:
    from ._scan import first_ragged_row

    found = first_ragged_row(source, header_length)
    if found is not None:
        row, fields, expected = found
        return TedsFormatError(
            f"{where}, row {row}: {fields} field{'s' if fields != 1 else ''} where the header "
            f"has {expected}; not a well-formed TEDS-D CSV file"
        )
    return TedsFormatError(f"{where} is not a well-formed CSV file: {echo(message, 160)}")


def _int_column(pa: Any, column: Any, name: str, where: str, offset: int) -> RawColumn:
    if column.null_count:
        row = int(pa.compute.index(pa.compute.is_null(column), True).as_py())
        raise TedsValueError(
            f"{where}, column {name}, row {offset + row + 1}: empty value; TEDS-D writes a "
            "missing value as -9",
            column=name,
            row=row,
        )
    return RawColumn(ints=column.to_numpy())


def _caseid(pa: Any, column: Any, name: str, where: str, offset: int) -> RawColumn:
    ok = pa.compute.match_substring_regex(column, r"^\s*[+-]?[0-9]{1,18}\s*$")
    if not pa.compute.all(ok).as_py():
        row = int(pa.compute.index(ok, False).as_py())
        value = column[row].as_py()
        raise TedsValueError(
            f"{where}, column {name}, row {offset + row + 1}: {echo(value)} is not a whole "
            "number (CASEID numbers each discharge)",
            column=name,
            row=row,
        )
    trimmed = pa.compute.utf8_trim_whitespace(column)
    return RawColumn(ints=pa.compute.cast(trimmed, pa.int64()).to_numpy())


def _raw(
    pa: Any, tables: list[Any], header: Header, *, where: str, offset: int, strings: bool
) -> RawTable:
    """The raw table of the arrow table in *tables*, converted (and freed) a column at a time."""
    table = tables.pop()
    length = table.num_rows
    pending = list(reversed(table.columns))
    del table
    columns: list[RawColumn] = []
    for name, canonical in zip(header.names, header.canonical, strict=True):
        column = pending.pop()
        label = canonical or name
        if canonical is None:
            columns.append(RawColumn(other=column.to_pandas()))
        elif not strings:
            columns.append(_int_column(pa, column, label, where, offset))
        elif canonical == "CASEID":
            columns.append(_caseid(pa, column, label, where, offset))
        else:
            merged = column.unify_dictionaries().combine_chunks()
            if not isinstance(merged, pa.DictionaryArray):  # an empty table
                columns.append(RawColumn(strings=([], np.zeros(0, dtype=np.int32))))
                continue
            columns.append(
                RawColumn(strings=(merged.dictionary.to_pylist(), merged.indices.to_numpy(False)))
            )
    return RawTable(header, columns, length, where, offset)


def _empty(pa: Any, header: Header, strings: bool) -> Any:
    """The table of a file with a header and no rows (pyarrow calls it an empty CSV file)."""
    types = _options(pa, header, strings=strings, encoding="utf8", header_row=False)[2].column_types
    return pa.table({name: pa.array([], type=types[name]) for name in header.names})


def _read(pa: Any, source: CsvInput, header: Header, strings: bool, encoding: str) -> Any:
    try:
        return _read_csv(pa, source, header, strings, encoding)
    except pa.ArrowInvalid as err:
        if "Empty CSV file" in str(err):
            return _empty(pa, header, strings)
        raise


def _read_csv(pa: Any, source: CsvInput, header: Header, strings: bool, encoding: str) -> Any:
    if source.path is not None:  # pyarrow's own file reader, much faster than a Python stream
        options = _options(
            pa,
            header,
            strings=strings,
            encoding=encoding,
            header_row=True,
            delimiter=source.delimiter,
        )
        return pa.csv.read_csv(str(source.path), *options)
    options = _options(
        pa,
        header,
        strings=strings,
        encoding=encoding,
        header_row=False,
        delimiter=source.delimiter,
    )
    with source.open() as stream:
        stream.readline(1 << 16)
        return pa.csv.read_csv(stream, *options)


def arrow_table(
    source: CsvInput, header: Header, header_length: int, encoding: str | None
) -> RawTable:
    """The whole file as one raw table."""
    pa = _pyarrow()
    where = source.name
    attempts = [(False, "utf8")]
    attempts += [(True, encoding)] if encoding else [(True, "utf8"), (True, "latin1")]
    for strings, codec in attempts:
        try:
            table = _read(pa, source, header, strings, codec)
        except pa.ArrowInvalid as err:
            problem = _classify(err, where, header_length, source)
            if isinstance(problem, _RetryError):
                continue
            raise problem from None
        tables = [table]
        del table
        raw = _raw(pa, tables, header, where=where, offset=0, strings=strings)
        raw.notes["encoding"] = codec if strings else "ascii"
        return raw
    raise undecodable(where, encoding)


def arrow_chunks(
    source: CsvInput, header: Header, header_length: int, encoding: str | None, size: int
) -> Iterator[RawTable]:
    """The file *size* rows at a time (the last chunk may be shorter)."""
    pa = _pyarrow()
    where = source.name
    done = 0
    attempts = [(False, "utf8")]
    attempts += [(True, encoding)] if encoding else [(True, "utf8"), (True, "latin1")]
    for strings, codec in attempts:
        try:
            for table in _stream(
                pa, source, header, skip=done, strings=strings, codec=codec, size=size
            ):
                rows = table.num_rows
                raw = _raw(pa, [table], header, where=where, offset=done, strings=strings)
                done += rows
                yield raw
            return
        except pa.ArrowInvalid as err:
            problem = _classify(err, where, header_length, source)
            if isinstance(problem, _RetryError):
                continue
            raise problem from None
    raise undecodable(where, encoding)


def _stream(
    pa: Any, source: CsvInput, header: Header, *, skip: int, strings: bool, codec: str, size: int
) -> Iterator[Any]:
    with contextlib.ExitStack() as stack:
        if source.path is not None:
            where: Any = str(source.path)
        else:
            where = stack.enter_context(source.open())
            where.readline(1 << 16)
        options = _options(
            pa,
            header,
            strings=strings,
            encoding=codec,
            skip=skip,
            header_row=source.path is not None,
            delimiter=source.delimiter,
        )
        try:
            reader = stack.enter_context(pa.csv.open_csv(where, *options))
        except pa.ArrowInvalid as err:
            if "Empty CSV file" not in str(err):
                raise
            if not skip:
                yield _empty(pa, header, strings)
            return
        pending: list[Any] = []
        held = 0
        yielded = False
        for batch in reader:
            pending.append(batch)
            held += batch.num_rows
            while held >= size:
                table = pa.Table.from_batches(pending)
                yield table.slice(0, size)
                yielded = True
                rest = table.slice(size)
                pending, held = rest.to_batches(), rest.num_rows
        if held or not (yielded or skip):  # an empty file still gives one (empty) chunk
            yield pa.Table.from_batches(pending, schema=reader.schema)
