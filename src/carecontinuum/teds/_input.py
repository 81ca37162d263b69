"""A CSV path or file object that can be read from the start again, and its header line.

SAMHSA ships TEDS-D years as zip bundles (the 2015–2019 "tsv" bundles hold
comma-separated files [TEDS]), so a path ending in ``.zip`` (with one data
file inside), ``.gz``, ``.bz2`` or ``.xz`` is read through its decompressor.
The delimiter is read from the header: a comma, or a tab when the header has
tabs and no commas.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import lzma
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from .._text import echo
from ._errors import TedsFormatError

__all__ = ["CsvInput", "is_csv_source", "undecodable"]

_HEADER_LIMIT = 1 << 16  # a TEDS-D header is about 800 bytes
_DECOMPRESS: dict[str, Any] = {".gz": gzip, ".bz2": bz2, ".xz": lzma}


def _decompressed(path: Path, suffix: str) -> BinaryIO:
    """A decompressing stream of *path*; the caller closes it."""
    stream: BinaryIO = _DECOMPRESS[suffix].open(path, "rb")
    return stream


def undecodable(where: str, encoding: str | None) -> TedsFormatError:
    """The error for a file whose text no encoding tried reads."""
    tried = echo(encoding) if encoding else "UTF-8 or latin-1"
    return TedsFormatError(f"{where}: its text cannot be read as {tried}")


def is_csv_source(source: object) -> bool:
    """Whether *source* is a path or a readable file object."""
    return isinstance(source, str | os.PathLike) or callable(getattr(source, "read", None))


class _TextAsBytes(io.RawIOBase):
    """A text stream read as UTF-8 bytes, a block at a time."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._text.read(1 << 16)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _zip_member(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as bundle:
            names = [n for n in bundle.namelist() if not n.endswith("/")]
    except (zipfile.BadZipFile, OSError) as err:
        raise TedsFormatError(f"{path.name} is not a readable zip file ({err})") from None
    data = [n for n in names if n.lower().endswith((".csv", ".tsv"))]
    if len(data) == 1:
        return data[0]
    if len(names) == 1:
        return names[0]
    listed = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
    raise TedsFormatError(
        f"{path.name}: a zip file with one CSV inside is read; this one has {len(data)} "
        f"({echo(listed, 160)})"
    )


class _ZipStream(io.BufferedIOBase):
    """One member of a zip file, closing the zip file with it."""

    def __init__(self, path: Path, member: str) -> None:
        self._zip = zipfile.ZipFile(path)
        self._inner = self._zip.open(member)

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._inner.read(-1 if size is None else size)

    def read1(self, size: int = -1) -> bytes:
        return self._inner.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        return self._inner.readline(-1 if size is None else size)

    def close(self) -> None:
        self._inner.close()
        self._zip.close()
        super().close()


class CsvInput:
    """A CSV source: reopened (a path) or rewound (a file object) for each pass over it.

    A file object that cannot seek is read into memory once, so that it can be
    read again.  Text file objects are read as UTF-8.
    """

    def __init__(self, source: str | os.PathLike[str] | IO[Any]) -> None:
        self._path: Path | None = None
        self._stream: BinaryIO | None = None
        self._opener: Callable[[], BinaryIO] | None = None
        self.delimiter = ","
        if isinstance(source, str | os.PathLike):
            path = Path(source)
            self.name = path.name
            if path.is_dir():
                raise TedsFormatError(f"{echo(str(source))} is a directory, not a CSV file")
            suffix = path.suffix.lower()
            if suffix == ".zip":
                member = _zip_member(path)
                self.name = f"{path.name}:{member}"
                self._opener = lambda: cast(BinaryIO, _ZipStream(path, member))
            elif suffix in _DECOMPRESS:
                path.stat()  # FileNotFoundError now, not at the first read
                self._opener = lambda: _decompressed(path, suffix)
            else:
                self._path = path
            return
        self.name = "the file object"
        stream: Any = source
        probe = stream.read(0)
        if isinstance(probe, str):
            stream = io.BufferedReader(_TextAsBytes(stream))
        elif not isinstance(probe, bytes | bytearray):
            raise TypeError(f"source: a file object must read bytes or text, not {echo(probe)}")
        seekable = getattr(stream, "seekable", None)
        if not (callable(seekable) and seekable()):
            stream = io.BytesIO(stream.read())
        self._start = stream.tell()
        self._stream = stream

    @property
    def path(self) -> Path | None:
        """The path of an uncompressed file, which pyarrow can read on its own."""
        return self._path

    def open(self) -> BinaryIO:
        """A binary stream at the start of the data (reopened, or the file object rewound)."""
        if self._path is not None:
            return self._path.open("rb")
        if self._opener is not None:
            return self._opener()
        assert self._stream is not None
        self._stream.seek(self._start)
        return cast(BinaryIO, _Borrowed(self._stream))

    def header(self) -> tuple[list[str], int]:
        """The header's column names and its length in bytes; sets :attr:`delimiter`.

        Raises
        ------
        carecontinuum.teds.TedsFormatError
            For an empty file or a first line that is not a CSV header.
        """
        try:
            with self.open() as stream:
                line = stream.readline(_HEADER_LIMIT)
        except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as err:
            if isinstance(err, FileNotFoundError | PermissionError | IsADirectoryError):
                raise
            raise TedsFormatError(f"{self.name} cannot be decompressed ({err})") from None
        if not line.strip():
            raise TedsFormatError(f"{self.name} is empty: a TEDS-D file starts with its header")
        if not line.endswith(b"\n") and len(line) >= _HEADER_LIMIT:
            raise TedsFormatError(
                f"{self.name} is not a TEDS-D file: its first line is longer than "
                f"{_HEADER_LIMIT} bytes"
            )
        text = line.decode("latin-1").removeprefix("ï»¿").rstrip("\r\n")  # a UTF-8 BOM
        if "," not in text and "\t" in text:
            self.delimiter = "\t"
        try:
            names = next(csv.reader([text], delimiter=self.delimiter))
        except csv.Error as err:
            raise TedsFormatError(
                f"{self.name}: its first line is not a CSV header ({err})"
            ) from None
        return names, len(line)


class _Borrowed(io.BufferedIOBase):
    """A caller's stream, which closing this wrapper leaves open."""

    def __init__(self, stream: BinaryIO) -> None:
        self._inner = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._inner.read(-1 if size is None else size)

    def read1(self, size: int = -1) -> bytes:
        return self._inner.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        return self._inner.readline(-1 if size is None else size)

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._inner.seek(offset, whence)

    def tell(self) -> int:
        return self._inner.tell()
