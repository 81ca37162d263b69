"""A CSV path or file object that can be read from the start again, and its header line."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from .._text import echo
from ._errors import TedsFormatError

__all__ = ["CsvInput", "is_csv_source"]

_HEADER_LIMIT = 1 << 16  # a TEDS-D header is about 800 bytes


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


class CsvInput:
    """A CSV source: reopened (a path) or rewound (a file object) for each pass over it.

    A file object that cannot seek is read into memory once, so that it can be
    read again.  Text file objects are read as UTF-8.
    """

    def __init__(self, source: str | os.PathLike[str] | IO[Any]) -> None:
        self._path: Path | None = None
        self._stream: BinaryIO | None = None
        if isinstance(source, str | os.PathLike):
            self._path = Path(source)
            self.name = self._path.name
            if self._path.is_dir():
                raise TedsFormatError(f"{echo(str(source))} is a directory, not a CSV file")
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
        """The path, when the source is one."""
        return self._path

    def open(self) -> BinaryIO:
        """A binary stream at the start of the data (reopened, or the file object rewound)."""
        if self._path is not None:
            return self._path.open("rb")
        assert self._stream is not None
        self._stream.seek(self._start)
        return cast(BinaryIO, _Borrowed(self._stream))

    def header(self) -> tuple[list[str], int]:
        """The header's column names and its length in bytes.

        Raises
        ------
        carecontinuum.teds.TedsFormatError
            For an empty file or a first line that is not a CSV header.
        """
        with self.open() as stream:
            line = stream.readline(_HEADER_LIMIT)
        if not line.strip():
            raise TedsFormatError(f"{self.name} is empty: a TEDS-D file starts with its header")
        if not line.endswith(b"\n") and len(line) >= _HEADER_LIMIT:
            raise TedsFormatError(
                f"{self.name} is not a TEDS-D file: its first line is longer than "
                f"{_HEADER_LIMIT} bytes"
            )
        text = line.decode("latin-1").removeprefix("\ufeff").removeprefix("ï»¿")
        try:
            names = next(csv.reader([text.rstrip("\r\n")]))
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
