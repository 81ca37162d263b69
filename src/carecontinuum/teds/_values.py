"""The codebooks' value tables: every column's codes, labels and frequencies, by year.

The tables ship as ``_codebook.csv`` beside this module, derived from the
machine-readable tables of SAMHSA's TEDS-D codebooks 2015–2019 [TEDS-D-CB]
(CC0) by ``tests/data/teds/build_codebook.py``, which lists the few
PDF-extraction errors it corrects.

Examples
--------
>>> value_labels("REASON")[2]
'Dropped out of treatment'
>>> frequencies("SERVICES_D")[7]
884266
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources

from .._checks import not_bool
from .._text import echo
from ._errors import TedsValueError

__all__ = ["frequencies", "value_labels"]

_Table = dict[str, dict[int, dict[int, tuple[str, int]]]]


@functools.cache
def _table() -> _Table:
    """variable → year → code → (label, frequency), from ``_codebook.csv``."""
    text = resources.files(__package__).joinpath("_codebook.csv").read_text(encoding="utf-8")
    table: _Table = {}
    for row in csv.DictReader(io.StringIO(text)):
        years = table.setdefault(row["variable"], {})
        years.setdefault(int(row["year"]), {})[int(row["code"])] = (
            row["label"],
            int(row["frequency"]),
        )
    return table


def _values(variable: str, year: int) -> dict[int, tuple[str, int]]:
    not_bool(year, "year", "a year")
    table = _table()
    if not isinstance(variable, str) or variable not in table:
        known = ", ".join(sorted(table))
        raise TedsValueError(
            f"variable: {echo(variable)} has no value table in the TEDS-D codebooks; "
            f"those with one: {known}"
        )
    years = table[variable]
    if year not in years:
        raise TedsValueError(
            f"year: the codebooks shipped give {variable} values for "
            f"{', '.join(map(str, sorted(years)))}, not {echo(year)}"
        )
    return years[year]


def value_labels(variable: str, year: int = 2019) -> dict[int, str]:
    """The codebook's labels of *variable*'s codes in discharge year *year* [TEDS-D-CB].

    Parameters
    ----------
    variable:
        A column name as the codebook spells it (``"REASON"``, ``"STFIPS"``).
    year:
        A year in :data:`CODEBOOK_YEARS`.  The 2015 and 2016 codebooks write
        their labels in capitals, with other wording in places.

    Returns
    -------
    dict
        Code → label, in the codebook's order of codes.

    Raises
    ------
    carecontinuum.teds.TedsValueError
        For a column without a value table (``CASEID``, ``CBSA2010``) or a year
        without a codebook here.

    Examples
    --------
    >>> value_labels("SERVICES_D", 2016)[7]
    'AMBULATORY, NONINTENSIVE OUTPATIENT'
    >>> value_labels("STFIPS")[6]
    'California'
    """
    return {code: label for code, (label, _freq) in _values(variable, year).items()}


def frequencies(variable: str, year: int = 2019) -> dict[int, int]:
    """How many discharges of year *year* had each code of *variable* [TEDS-D-CB].

    Parameters
    ----------
    variable:
        A column name as the codebook spells it.
    year:
        A year in :data:`CODEBOOK_YEARS`.

    Returns
    -------
    dict
        Code → number of discharges; they add up to the year's discharges
        (for ``CBSA``, with the codes the codebook does not list).

    Raises
    ------
    carecontinuum.teds.TedsValueError
        As :func:`value_labels`.

    Examples
    --------
    >>> frequencies("REASON")[1]
    725929
    >>> sum(frequencies("LOS").values()) == frequencies("DISYR")[2019]
    True
    """
    return {code: freq for code, (_label, freq) in _values(variable, year).items()}


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def label_key(label: str) -> str:
    """A label reduced to its letters and digits, lower case, for forgiving matching.

    The codebooks' own tables lost hyphens in places ("NONINTENSIVE"), so a
    file's "non-intensive" must still match.
    """
    return _NOT_ALNUM.sub("", label.casefold())


@functools.cache
def label_index(variable: str) -> dict[int | None, dict[str, int]]:
    """variable's label keys → codes: per codebook year, and across all years (key ``None``).

    A key that means different codes in different years is left out of the
    across-years table (it is only decoded with its year).
    """
    years = _table().get(variable, {})
    per_year: dict[int | None, dict[str, int]] = {}
    every: dict[str, set[int]] = {}
    for year, values in years.items():
        keys = per_year.setdefault(year, {})
        for code, (label, _freq) in values.items():
            keys[label_key(label)] = code
            every.setdefault(label_key(label), set()).add(code)
    per_year[None] = {key: next(iter(codes)) for key, codes in every.items() if len(codes) == 1}
    return per_year


def has_values(variable: str, year: int) -> bool:
    """Whether the *year* codebook has a value table for *variable*."""
    return year in _table().get(variable, {})
