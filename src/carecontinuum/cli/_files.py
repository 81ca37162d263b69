"""Reading the files users hand to the command line: one place, clear errors.

A missing path, a directory, a file too large, a binary file or one that is
not UTF-8 text is a usage error (exit code 2) whose one line names the file
and the problem — never a traceback, never exit code 70.
"""

from __future__ import annotations

from pathlib import Path

from ._support import UsageError

__all__ = ["MAX_FILE_BYTES", "read_text"]

#: The largest file a command reads (64 MiB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_text(path: str, *, what: str = "file") -> str:
    """The UTF-8 text of *path* (a leading byte-order mark dropped).

    Raises
    ------
    UsageError
        For a path that is missing, a directory, unreadable, larger than
        :data:`MAX_FILE_BYTES`, binary (it holds NUL bytes) or not UTF-8.
    """
    name = repr(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise UsageError(f"{what} {name} is a directory, not a file")
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UsageError(
                f"{what} {name} is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"
            )
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {what} {name}: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise UsageError(f"{what} {name} is a binary file, not text (byte {data.index(0)} is NUL)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UsageError(
            f"{what} {name} is not UTF-8 text (byte {err.start} is {data[err.start]:#04x})"
        ) from None
