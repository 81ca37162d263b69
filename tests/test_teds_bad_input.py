"""Hostile and broken input to the TEDS-D reader: a clear TedsError, never a raw traceback.

Every message names the column (or argument), the row where there is one, and the value;
data is SYNTHETIC (``teds.synthetic_discharges``).
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecontinuum import teds
from carecontinuum.errors import CareContinuumError

ENGINES = ["pyarrow", "c"]
RAW = teds.synthetic_discharges(6, seed=11)
TEXT = RAW.to_csv(index=False)
HEADER, *LINES = TEXT.splitlines()


def _file(lines: list[str], header: str = HEADER) -> io.BytesIO:
    return io.BytesIO(("\n".join([header, *lines]) + "\n").encode("utf-8"))


def _with(column: str, row: int, value: str) -> io.BytesIO:
    names = HEADER.split(",")
    lines = [line.split(",") for line in LINES]
    lines[row][names.index(column)] = value
    return _file([",".join(fields) for fields in lines])


def _read(source: object, engine: str = "pyarrow") -> pd.DataFrame:
    return teds.read_discharges(source, engine=engine)  # type: ignore[call-overload, no-any-return]


# -- not a TEDS-D file -------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\n\n", "is empty"),
        (
            b"a,b\n1,2\n",
            r"no column CASEID, DISYR, STFIPS, SERVICES_D, REASON, LOS \(its header is 'a,b'\)",
        ),
        (b"CASEID;DISYR;STFIPS\n1;2;3\n", "is the delimiter a comma or a tab"),
        (b"CASEID,DISYR,SERVSETD,STFIPS\n", "SERVSETD, the discharge setting of the 2006"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "no column CASEID"),
    ],
)
def test_files_that_are_not_teds_d(data: bytes, message: str, engine: str) -> None:
    with pytest.raises(teds.TedsFormatError, match=message):
        _read(io.BytesIO(data), engine)


def test_a_missing_key_column_is_named() -> None:
    for column in ("CASEID", "SERVICES_D", "LOS"):
        with pytest.raises(teds.TedsFormatError, match=f"no column {column}") as info:
            _read(RAW.drop(columns=column))
        assert info.value.column == column


def test_a_frame_already_read_is_recognised() -> None:
    with pytest.raises(teds.TedsFormatError, match="already returned: use it as it is"):
        _read(_read(RAW))


def test_a_column_given_twice() -> None:
    header = HEADER + ",reason"
    with pytest.raises(teds.TedsFormatError, match="column REASON appears twice"):
        _read(_file([line + ",1" for line in LINES], header))


def test_mixed_layouts_and_a_half_2017_layout() -> None:
    mixed = RAW.assign(NUMSUBS=1)
    with pytest.raises(teds.TedsFormatError, match="mixes the 2015–2016 and 2017"):
        _read(mixed)
    with pytest.raises(teds.TedsFormatError, match="no column SERVICES"):
        _read(RAW.drop(columns="SERVICES"))


def test_a_typed_column_name_in_the_file_is_refused() -> None:
    with pytest.raises(teds.TedsFormatError, match="'level' has the name of a column"):
        _read(RAW.assign(level="IOP"))
    twice = pd.concat([RAW, RAW[["AGE"]].set_axis(["site"], axis=1)] * 1, axis=1)
    twice = pd.concat([twice, twice[["site"]]], axis=1)
    with pytest.raises(teds.TedsFormatError, match="column 'site' appears twice"):
        _read(twice)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_ragged_row_is_named(engine: str) -> None:
    lines = list(LINES)
    lines[3] = lines[3] + ",7"
    with pytest.raises(teds.TedsFormatError, match=r"row 4: 77 fields where the header has 76"):
        _read(_file(lines), engine)
    lines = list(LINES)
    lines[1] = ""  # a blank line is a row without values, never skipped silently
    with pytest.raises(teds.TedsError, match=r"row 2"):
        _read(_file(lines), engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unclosed_quote(engine: str) -> None:
    lines = list(LINES)
    lines[2] = '"' + lines[2]
    with pytest.raises(teds.TedsError):
        _read(_file(lines), engine)


def test_a_directory_and_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(teds.TedsFormatError, match="is a directory"):
        _read(tmp_path)
    with pytest.raises(FileNotFoundError):
        _read(tmp_path / "nope.csv")


# -- bad values ---------------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("SERVICES_D", "9", r"column SERVICES_D, row 3: 9 is not a SERVICES_D code \(1–8 or -9\)"),
        ("SERVICES", "0", r"column SERVICES, row 3: 0 is not a SERVICES code"),
        ("REASON", "8", r"column REASON, row 3: 8 is not a REASON code \(1–7 or -9\)"),
        ("LOS", "38", r"column LOS, row 3: 38 is not a LOS code \(1–37 or -9\)"),
        ("LOS", "0", r"column LOS, row 3: 0 is not a LOS code"),
        ("STFIPS", "100", r"column STFIPS, row 3: 100 is not a state FIPS code"),
        ("DISYR", "19", r"column DISYR, row 3: 19 is not a 4-digit year"),
        ("AGE", "300", r"column AGE, row 3: 300 is out of range"),
        ("AGE", "99999999999999999999999", r"column AGE, row 3: '9999999999.*neither a code"),
        ("GENDER", "Mael", r"column GENDER, row 3: 'Mael' is neither a code nor a codebook label"),
        ("GENDER", "", r"column GENDER, row 3: empty value; TEDS-D writes a missing value as -9"),
        ("CASEID", "abc", r"column CASEID, row 3: 'abc' is not a whole number"),
        ("CASEID", "", r"column CASEID, row 3: empty value"),
    ],
)
def test_a_bad_value_names_column_row_and_value(
    column: str, value: str, message: str, engine: str
) -> None:
    with pytest.raises(teds.TedsValueError, match=message) as info:
        _read(_with(column, 2, value), engine)
    assert info.value.column == column


def test_a_decimal_point_in_a_code() -> None:
    """pyarrow refuses "1.0" for a code; pandas' C parser reads it as 1 (its own rule)."""
    with pytest.raises(teds.TedsValueError, match=r"column GENDER, row 3: '1.0' is neither"):
        _read(_with("GENDER", 2, "1.0"), "pyarrow")
    assert _read(_with("GENDER", 2, "1.0"), "c")["GENDER"].iloc[2] == 1
    with pytest.raises(teds.TedsValueError, match=r"column GENDER, row 3: '1.5' is neither"):
        _read(_with("GENDER", 2, "1.5"), "c")


def test_how_many_more_rows_are_like_it() -> None:
    raw = RAW.copy()
    raw["REASON"] = 12
    with pytest.raises(teds.TedsValueError, match=r"row 1: 12 .* \(5 more rows like it\)"):
        _read(raw)


def test_a_huge_value_is_echoed_short() -> None:
    with pytest.raises(teds.TedsValueError) as info:
        _read(_with("GENDER", 0, "x" * 100_000))
    assert len(str(info.value)) < 400


@pytest.mark.parametrize(
    ("column", "values", "message"),
    [
        ("GENDER", [True, False] * 3, "holds booleans"),
        ("GENDER", [1.0, 2.0, np.nan, 1.0, 2.0, 1.0], r"row 3: empty value"),
        ("GENDER", [1.0, 2.5, 1.0, 1.0, 2.0, 1.0], r"row 2: 2.5 is not a whole number"),
        ("GENDER", [1.0, np.inf, 1.0, 1.0, 2.0, 1.0], r"row 2: inf is not a whole number"),
        ("GENDER", pd.array([1, None, 1, 1, 2, 1], dtype="Int8"), r"row 2: empty value"),
        ("GENDER", [1, 2, None, 1, 2, 1], r"row 3: empty value"),
        ("GENDER", [1, 2, [1], 1, 2, 1], r"row 3: \[1\] is not a code or a label"),
        ("GENDER", [1, 2, True, 1, 2, 1], r"row 3: True is not a code or a label"),
        ("DISYR", pd.to_datetime(["2019-01-01"] * 6), "not TEDS-D codes or labels"),
        ("REASON", pd.Categorical(["1", "2", None, "1", "1", "1"]), r"row 3: empty value"),
    ],
)
def test_bad_values_in_a_frame(column: str, values: object, message: str) -> None:
    raw = RAW.copy()
    raw[column] = values
    with pytest.raises(teds.TedsValueError, match=message):
        _read(raw)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"year": True}, TypeError, "year must be a year, not a bool"),
        ({"year": 19}, teds.TedsValueError, "year: 19 is not a 4-digit year"),
        ({"year": "2019"}, teds.TedsValueError, "year: '2019' is not"),
        ({"engine": "polars"}, teds.TedsValueError, "engine: 'polars' is not"),
        ({"encoding": 8}, TypeError, "encoding must be a codec name"),
        ({"chunksize": 0}, teds.TedsValueError, "chunksize: 0 is not"),
        ({"chunksize": True}, TypeError, "chunksize must be a number of rows, not a bool"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        teds.read_discharges(io.StringIO(TEXT), **kwargs)  # type: ignore[call-overload]


def test_bad_sources() -> None:
    for source in (42, None, b"CASEID,DISYR", ["a.csv"]):
        with pytest.raises(TypeError, match="source must be a CSV path"):
            _read(source)
    with pytest.raises(teds.TedsValueError, match="only a CSV file is read in chunks"):
        teds.read_discharges(RAW, chunksize=2)  # type: ignore[call-overload]

    class Odd:
        def read(self, size: int = -1) -> int:
            return 0

    with pytest.raises(TypeError, match="must read bytes or text"):
        _read(Odd())


def test_an_unknown_encoding_is_a_clear_error() -> None:
    labels = teds.synthetic_discharges(3, seed=1, form="label").to_csv(index=False)
    with pytest.raises(teds.TedsValueError, match="encoding: 'no-such-codec' is not a text"):
        teds.read_discharges(io.BytesIO(labels.encode()), encoding="no-such-codec")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("digit", ["\u0663", "\uff13", "\u00b3"])  # Arabic-Indic, full-width 3, ³
def test_digits_other_than_ascii_are_not_codes(engine: str, digit: str) -> None:
    with pytest.raises(teds.TedsValueError, match="column REASON, row 2"):
        _read(_with("REASON", 1, digit), engine)


# -- fuzzing ------------------------------------------------------------------------------------
_FIELD = st.one_of(
    st.sampled_from(["1", "-9", "7", "", "x", "1.5", "Male", '"', "9" * 30, " 2 ", "\u00e9"]),
    st.text(max_size=6),
)


def _outcome(data: io.BytesIO, engine: str) -> str:
    """ "" for a frame of the file's rows, else the message of the library error raised."""
    try:
        frame = _read(data, engine)
    except CareContinuumError as err:  # anything else fails the test
        return str(err)
    assert isinstance(frame, pd.DataFrame)
    return ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    row=st.integers(min_value=0, max_value=len(LINES) - 1),
    column=st.sampled_from(HEADER.split(",")),
    value=_FIELD,
    engine=st.sampled_from(ENGINES),
)
def test_any_single_field_gives_a_frame_or_a_teds_error(
    row: int, column: str, value: str, engine: str
) -> None:
    data = _with(column, row, value.replace("\n", " ").replace("\r", " "))
    message = _outcome(data, engine)
    assert "\n" not in message
    assert len(message) < 600
    if message:
        assert f"row {row + 1}" in message or "well-formed" in message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(ENGINES))
def test_random_bytes_never_crash(data: bytes, engine: str) -> None:
    message = _outcome(io.BytesIO(data), engine)
    assert "\n" not in message
    assert "Traceback" not in message


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(ENGINES))
def test_random_bytes_after_a_real_header_never_crash(data: bytes, engine: str) -> None:
    message = _outcome(io.BytesIO(HEADER.encode() + b"\n" + data), engine)
    assert "\n" not in message
    assert len(message) < 600


@pytest.mark.parametrize("engine", ENGINES)
def test_text_that_is_not_in_the_encoding_asked_for(engine: str) -> None:
    labels = teds.synthetic_discharges(3, seed=1, form="label").assign(AGE="é")
    data = io.BytesIO(labels.to_csv(index=False).encode("latin-1"))
    with pytest.raises(teds.TedsFormatError, match="its text cannot be read as 'utf-8'"):
        teds.read_discharges(data, engine=engine, encoding="utf-8")  # type: ignore[call-overload]
