"""Reading a TEDS-D CSV with pandas' C parser: the engine without pyarrow.

As with pyarrow, a first pass reads the TEDS-D columns as small integers; a
file with text in them is read again as text, a block of rows at a time,
keeping each column's distinct strings and their positions, which
:mod:`._decode` turns into codes or reports.  (pandas' own categorical reading
would convert ``"1"`` to ``1.0`` when a column also holds ``"1.5"``.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .._text import echo
from ._columns import Header, storage
from ._decode import RawColumn, RawTable
from ._errors import TedsValueError
from ._input import CsvInput, undecodable
from ._pandas import np, pd

__all__ = ["c_chunks", "c_table"]


class _RetryError(Exception):
    """The integer pass met text or an empty value: read the file again as strings."""


def _dtypes(header: Header, strings: bool) -> dict[str, Any]:
    types: dict[str, Any] = {}
    for name, canonical in zip(header.names, header.canonical, strict=True):
        if canonical is None or strings:
            types[name] = object
        else:
            types[name] = storage(canonical)
    return types


@contextlib.contextmanager
def _reader(
    source: CsvInput, header: Header, *, strings: bool, encoding: str, skip: int, size: int | None
) -> Iterator[Any]:
    """pandas' reader (a frame, or an iterator of frames with *size*), its stream closed after."""
    with source.open() as stream:
        stream.readline(1 << 16)
        try:
            yield pd.read_csv(
                stream,
                header=None,
                sep=source.delimiter,
                names=list(header.names),
                dtype=_dtypes(header, strings),
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                index_col=False,
                engine="c",
                encoding=encoding,
                skiprows=skip,
                chunksize=size,
                low_memory=False,
            )
        except pd.errors.EmptyDataError:  # a header and no rows
            empty = pd.DataFrame({n: pd.Series([], dtype=object) for n in header.names})
            typed = empty.astype(_dtypes(header, strings=False))
            yield typed if size is None else iter([typed])


def _caseid(values: Any, name: str, where: str, offset: int) -> Any:
    series = pd.Series(values, dtype=object)
    ok = series.map(lambda v: isinstance(v, str) and _whole(v)).to_numpy(dtype=bool)
    if not ok.all():
        row = int(np.flatnonzero(~ok)[0])
        value = series.iloc[row]
        problem = (
            f"{echo(value)} is not a whole number" if isinstance(value, str) else "empty value"
        )
        raise TedsValueError(
            f"{where}, column {name}, row {offset + row + 1}: {problem} (CASEID numbers "
            "each discharge)",
            column=name,
            row=row,
        )
    return series.astype("int64").to_numpy()


def _whole(text: str) -> bool:
    stripped = text.strip().lstrip("+-")
    return 0 < len(stripped) <= 18 and stripped.isascii() and stripped.isdigit()


def _raw(frame: Any, header: Header, where: str, offset: int, strings: bool) -> RawTable:
    columns: list[RawColumn] = []
    for name, canonical in zip(header.names, header.canonical, strict=True):
        values = frame[name]
        if canonical is None:
            columns.append(RawColumn(other=values.reset_index(drop=True)))
        elif not strings:
            columns.append(RawColumn(ints=values.to_numpy()))
        elif canonical == "CASEID":
            columns.append(RawColumn(ints=_caseid(values.to_numpy(), canonical, where, offset)))
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
            if (codes < 0).any():
                row = int(np.flatnonzero(codes < 0)[0])
                raise TedsValueError(
                    f"{where}, column {canonical}, row {offset + row + 1}: empty value; TEDS-D "
                    "writes a missing value as -9",
                    column=canonical,
                    row=row,
                )
            columns.append(RawColumn(strings=(list(uniques), np.asarray(codes))))
    return RawTable(header, columns, len(frame), where, offset)


_TEXT_BLOCK = 100_000  # rows read at a time as text, to bound the memory of Python strings


def _merge(parts: list[RawTable], header: Header, where: str) -> RawTable:
    """One raw table from consecutive blocks: their strings pooled, positions renumbered."""
    columns: list[RawColumn] = []
    for i in range(len(header.names)):
        pieces = [part.columns[i] for part in parts]
        first = pieces[0]
        if first.other is not None:
            columns.append(RawColumn(other=pd.concat([p.other for p in pieces], ignore_index=True)))
        elif first.ints is not None:
            columns.append(RawColumn(ints=np.concatenate([p.ints for p in pieces])))
        else:
            pool: dict[str, int] = {}
            positions = []
            for piece in pieces:
                assert piece.strings is not None
                uniques, where_in = piece.strings
                renumber = np.array([pool.setdefault(u, len(pool)) for u in uniques], dtype=np.intp)
                positions.append(renumber[where_in] if len(uniques) else where_in)
            columns.append(RawColumn(strings=(list(pool), np.concatenate(positions))))
    return RawTable(header, columns, sum(p.length for p in parts), where, 0)


def _problem(error: Exception, source: CsvInput, header_length: int) -> Exception:
    if isinstance(error, UnicodeDecodeError):
        return _RetryError()
    if isinstance(error, pd.errors.ParserError):
        from ._arrow import _format_error

        return _format_error(str(error), source.name, header_length, source)
    return _RetryError()  # a ValueError or OverflowError converting to integers


_ERRORS = (ValueError, OverflowError, pd.errors.ParserError)


def c_table(source: CsvInput, header: Header, header_length: int, encoding: str | None) -> RawTable:
    """The whole file as one raw table."""
    for strings, codec in _attempts(encoding):
        try:
            if strings:
                parts = list(_blocks(source, header, codec, skip=0, size=_TEXT_BLOCK))
                raw = _merge(parts, header, source.name)
            else:
                with _reader(
                    source, header, strings=False, encoding=codec, skip=0, size=None
                ) as frame:
                    raw = _raw(frame, header, source.name, 0, False)
        except TedsValueError:
            raise
        except _ERRORS as err:
            problem = _problem(err, source, header_length)
            if isinstance(problem, _RetryError):
                continue
            raise problem from None
        raw.notes["encoding"] = codec if strings else "ascii"
        return raw
    raise undecodable(source.name, encoding)


def _attempts(encoding: str | None) -> list[tuple[bool, str]]:
    later = [(True, encoding)] if encoding else [(True, "utf-8"), (True, "latin-1")]
    return [(False, "utf-8"), *later]


def _blocks(
    source: CsvInput, header: Header, codec: str, *, skip: int, size: int, strings: bool = True
) -> Iterator[RawTable]:
    """The raw tables of the file from row *skip* on, *size* rows at a time (at least one)."""
    with _reader(source, header, strings=strings, encoding=codec, skip=skip, size=size) as chunks:
        done = skip
        yielded = False
        for frame in chunks:
            if len(frame) or not yielded:
                yield _raw(frame, header, source.name, done, strings)
                done += len(frame)
                yielded = True


def c_chunks(
    source: CsvInput, header: Header, header_length: int, encoding: str | None, size: int
) -> Iterator[RawTable]:
    """The file *size* rows at a time."""
    done = 0
    for strings, codec in _attempts(encoding):
        try:
            for raw in _blocks(source, header, codec, skip=done, size=size, strings=strings):
                if raw.length or not done:
                    done += raw.length
                    yield raw
            return
        except TedsValueError:
            raise
        except _ERRORS as err:
            problem = _problem(err, source, header_length)
            if isinstance(problem, _RetryError):
                continue
            raise problem from None
    raise undecodable(source.name, encoding)
