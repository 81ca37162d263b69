"""Hostile frames of placements: a clear ``PlacementFrameError``, never a raw exception.

Issue 9 §3: duplicated column labels, ``datetime64`` values outside pandas' (or the
library's 0001–9999) range and unhashable cells each give a ``PlacementFrameError``
that names the column.  A frozen corpus checks each class against every function
that reads the column; Hypothesis then throws :func:`strategies.hostile_frames` at
every population function, which must answer or raise a ``CareContinuumError``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import _base_frame, hostile_frames

import carecontinuum as cc
from carecontinuum.journeys import population
from carecontinuum.journeys.population import PlacementFileError, PlacementFrameError

#: The functions that read every column of the frame.
READ_ALL: dict[str, Callable[[Any], object]] = {
    "prepare": population.prepare,
    "check": population.check,
    "journeys_from_frame": population.journeys_from_frame,
}
EVERY: dict[str, Callable[[Any], object]] = {
    **READ_ALL,
    "transition_matrix": population.transition_matrix,
    "transition_rates": population.transition_rates,
    "length_of_stay_stats": population.length_of_stay_stats,
}
COLUMNS = ("person_id", "level", "start", "end", "discharge_reason")


def _duplicated(col: str) -> Any:
    df = _base_frame()
    return pd.concat([df, df[[col]]], axis=1)


def _with_cell(col: str, cell: object, row: int = 1) -> Any:
    df = _base_frame()
    values = df[col].astype(object).tolist()
    values[row] = cell
    df[col] = pd.Series(values, dtype=object)
    return df


def _far(col: str, when: str, unit: str) -> Any:
    df = _base_frame()
    df[col] = np.array([when] * len(df), dtype=f"datetime64[{unit}]")
    return df


def _multiindex() -> Any:
    df = _base_frame()
    df.columns = pd.MultiIndex.from_tuples([(c, "x") for c in df.columns])
    return df


UNHASHABLE = {"list": [1], "dict": {"a": 1}, "set": {1, 2}, "ndarray": np.array([1, 2])}

CORPUS: list[tuple[str, str, Callable[[], Any]]] = [
    *[(f"duplicated-{c}", c, lambda c=c: _duplicated(c)) for c in COLUMNS],
    *[
        (f"{c}-{when}-{unit}", c, lambda c=c, when=when, unit=unit: _far(c, when, unit))
        for c in ("start", "end")
        for when in ("10000-01-01", "-0001-01-01", "99999-06-30")
        for unit in ("D", "s", "ms", "us")
    ],
    ("end-cell-2**62-days", "end", lambda: _with_cell("end", np.datetime64(2**62, "D"))),
    ("start-cell-10000", "start", lambda: _with_cell("start", np.datetime64("10000-01-01"))),
    *[
        (f"unhashable-{kind}-in-{c}", c, lambda c=c, cell=cell: _with_cell(c, cell))
        for c in COLUMNS
        for kind, cell in UNHASHABLE.items()
    ],
    *[(f"bool-in-{c}", c, lambda c=c: _with_cell(c, True)) for c in COLUMNS],
    ("multiindex-columns", "person_id", _multiindex),
    ("start-text-10000", "start", lambda: _with_cell("start", "10000-01-01")),
    ("start-text-huge-digits", "start", lambda: _with_cell("start", "9" * 5000)),
    (
        "reason-text-huge-digits",
        "discharge_reason",
        lambda: _with_cell("discharge_reason", "9" * 5000),
    ),
    ("reason-huge-int", "discharge_reason", lambda: _with_cell("discharge_reason", 10**400)),
]


@pytest.mark.parametrize(("case", "column", "build"), CORPUS, ids=[c[0] for c in CORPUS])
@pytest.mark.parametrize("function", sorted(READ_ALL))
def test_hostile_frames_get_a_placement_frame_error_naming_the_column(
    case: str, column: str, build: Callable[[], Any], function: str
) -> None:
    df = build()
    with pytest.raises(cc.CareContinuumError) as info:
        READ_ALL[function](df)
    err = info.value
    assert isinstance(err, PlacementFrameError | cc.UnknownLevelError), type(err)
    assert isinstance(err, ValueError | LookupError)
    assert repr(column) in str(err), str(err)
    assert len(str(err)) < 600  # echoes are cut, even of a 5000-digit cell


@given(hostile_frames())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_population_function_answers_or_raises_our_error(case: tuple[str, Any]) -> None:
    _, df = case
    for function in EVERY.values():
        try:
            function(df)
        except cc.CareContinuumError as err:
            messages = [str(err)]
            assert all(messages)


@pytest.mark.parametrize(
    "header",
    [
        ",".join(f"c{i}" for i in range(50_000)),
        "{" + ", ".join('"k": 1' for _ in range(60_000)) + "}",  # a JSON file read as CSV
        "person_id,level,start," + ",".join(["x"] * 2_000),
    ],
    ids=["50,000 columns", "60,000 duplicate JSON keys", "2,000 duplicate labels"],
)
def test_a_csv_header_of_thousands_of_columns_is_refused_before_pandas_reads_it(
    tmp_path: Path, header: str
) -> None:
    """pandas took seconds (a minute for 60,000 duplicates) to name-mangle such headers."""
    path = tmp_path / "wide.csv"
    path.write_text(header + "\n1,IOP,2024-01-01\n", encoding="utf-8")
    with pytest.raises(PlacementFileError, match="columns in its header, more than the 1,000"):
        population.read_csv(path)


@pytest.mark.parametrize(
    "content",
    [b"\x00" * 1_000_000, b"9" * 1_000_000, b"[" * 500_000],
    ids=["NULs", "digits", "brackets"],
)
def test_a_csv_whose_first_line_is_one_huge_field_is_a_file_error(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(content)
    with pytest.raises(PlacementFileError, match=r"cannot read .* as CSV"):
        population.read_csv(path)


def test_a_long_discharge_reason_text_is_refused_without_reading_it() -> None:
    with pytest.raises(PlacementFrameError, match="too long"):
        population.check(_with_cell("discharge_reason", "2024-01-01" * 100_000))
