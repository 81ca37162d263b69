"""Finding the first malformed row of a CSV file, for a message that names it."""

from __future__ import annotations

import csv
import io

from ._input import CsvInput

__all__ = ["first_ragged_row"]


def first_ragged_row(source: CsvInput, header_length: int) -> tuple[int, int, int] | None:
    """``(row, fields, expected)`` for the first row whose field count differs from the header's.

    Rows count from 1 after the header.  ``None`` when every row has the
    header's number of fields (the problem lies elsewhere).  Reads the file
    once, in Python: only called after a reader has failed.
    """
    with source.open() as stream:
        header = stream.read(header_length).decode("latin-1")
        text = io.TextIOWrapper(stream, encoding="latin-1", newline="")
        try:
            delimiter = source.delimiter
            expected = len(next(csv.reader([header.rstrip("\r\n")], delimiter=delimiter)))
            for row, fields in enumerate(csv.reader(text, delimiter=delimiter), start=1):
                if len(fields) != expected:
                    return row, len(fields), expected
        except csv.Error:
            return None
        finally:
            text.detach()
    return None
