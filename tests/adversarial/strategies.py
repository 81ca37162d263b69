"""Hypothesis strategies for hostile input, shared by the adversarial tests.

Import them in a test module of this directory as ``from strategies import ...``
(``conftest.py`` here puts this directory on ``sys.path``; the suite runs with
``--import-mode=importlib``, so test modules cannot import each other).

* :func:`hostile_quantity_text` — strings aimed at a quantity parser: pint
  arithmetic and powers, huge and tiny exponents, long digit runs, unicode
  digits and spaces, control characters, operator soup, near-misses of real
  quantities, and real quantities too.
* :func:`hostile_numbers` — numbers and number-likes: booleans (Python's and
  numpy's), huge ints, NaN and infinities, huge and tiny ``Decimal`` and
  ``Fraction`` values, numpy scalars of every width, complex numbers.
* :func:`hostile_quantity_mappings` — ``{"magnitude": ..., "units": ...}``
  mappings with extra, missing and conflicting keys.
* :func:`quantity_texts` — well-formed quantity strings (number and unit
  expression), for round trips.
* :func:`range_texts` — well-formed range strings (``"4-6 weeks"``).
* :func:`hostile_strings` — names and labels aimed at exports and displays:
  markup, ``<script>``, Mermaid directives, quotes, entities, NUL and other
  control characters, bidi marks, line separators, long runs.
* :func:`hostile_dates` — date inputs: past 9999 and before year 1, impossible
  days, ``datetime64`` far out of pandas' range, aware datetimes, numbers,
  bools, near-ISO text.
* :func:`hostile_frames` — a frame of placements with one hostile change:
  duplicated labels, MultiIndex columns, ``datetime64`` out of range,
  unhashable cells, booleans, missing values, huge ids, mixed types.
* :func:`hostile_json` — JSON text (str or bytes): duplicate keys, ``NaN``,
  huge integers, deep nesting, invalid UTF-8, BOMs, lone surrogate escapes.

Every strategy draws small examples (at most a few thousand characters):
megabyte inputs live in ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st

__all__ = [
    "MARKUP",
    "TIME_UNITS",
    "hostile_dates",
    "hostile_frames",
    "hostile_json",
    "hostile_numbers",
    "hostile_quantity_mappings",
    "hostile_quantity_text",
    "hostile_strings",
    "quantity_texts",
    "range_texts",
]

#: Unit names the registry knows, of dimension time (with plurals and symbols).
TIME_UNITS = ("h", "hour", "hours", "min", "minute", "minutes", "day", "days", "week", "weeks")
_CALENDAR = ("day", "week", "month", "year", "fortnight")
_OTHER_UNITS = ("m", "km", "kg", "percent", "s", "Hz", "session", "sessions", "e", "degC")

_numbers_text = st.one_of(
    st.integers(0, 10**6).map(str),
    st.floats(0, 1e6, allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["0", "0.5", ".5", "5.", "1e3", "2.5E-1", "-3", "+3", "1e-7"]),
)


@st.composite
def quantity_texts(draw: st.DrawFn) -> str:
    """A well-formed quantity: a number, then nothing or a unit expression."""
    number = draw(_numbers_text)
    if draw(st.booleans()):
        return number
    amount = draw(st.sampled_from((*TIME_UNITS, "session", "sessions")))
    space = draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
    if draw(st.booleans()):
        return f"{number}{space}{amount}"
    per = draw(st.sampled_from(["/", " / ", " per ", "/ "]))
    return f"{number}{space}{amount}{per}{draw(st.sampled_from(_CALENDAR))}"


@st.composite
def range_texts(draw: st.DrawFn) -> str:
    """A well-formed range: ``8 weeks``, ``4-6 weeks``, ``≥ 1 month``, ``about 3–5 days``."""
    low = draw(st.integers(0, 500))
    unit = draw(
        st.sampled_from(
            ["weeks", "week", "days", "months", "hours", "sessions / week", "hours per day"]
        )
    )
    about = draw(st.sampled_from(["", "about ", "About  "]))
    shape = draw(st.sampled_from(["one", "two", "open"]))
    if shape == "one":
        return f"{about}{low} {unit}"
    if shape == "open":
        return f"{about}{draw(st.sampled_from(['≥ ', '>=', '>= ']))}{low} {unit}"
    high = low + draw(st.integers(0, 50))
    dash = draw(st.sampled_from(["-", "–", " - ", " to ", "—"]))
    return f"{about}{low}{dash}{high} {unit}"


_ARITHMETIC = st.sampled_from(
    [
        "9**9**9 h",
        "9^9^9 h",
        "2**10000 h",
        "(9**9)**9 h",
        "1/3 h",
        "3*4 h",
        "3 + 4 h",
        "3 - 1 h",
        "10**400 h",
        "3 h ** 9999",
        "3 h^9",
        "3 h**-9",
        "3 h^0",
        "3 h^2^2^2",
        "3 (h)",
        "3 h/(day)",
        "3 hour * hour * hour * hour * hour * hour * hour",
        "3 sqrt(h)",
        "3 h%",
        "3 h;import os",
        "__import__('os') h",
        "3 h/day/week/month",
    ]
)
_NUMBERS_EDGE = st.sampled_from(
    [
        "1e400 h",
        "1e999999 h",
        "-1e400 h",
        "1e-400 h",
        "1e-999999 h",
        "inf h",
        "-inf",
        "Infinity",
        "nan",
        "NaN h",
        "1_000 h",
        "0x10 h",
        "1e h",
        "e3 h",
        ". h",
        "..5 h",
        "3.. h",
        "٣ h",  # Arabic-Indic digit three
        "３ h",  # full-width three
        "³ h",
    ]
)
_CONTROL = st.sampled_from(["\x00", "\x1b[31m", "\r", "\u202e", "\ufeff", "\u200b", "\x7f"])


_DIGIT_RUNS = st.builds(
    lambda digit, length, tail: digit * length + tail,
    st.sampled_from("0123456789"),
    st.integers(20, 4000),
    st.sampled_from(["", " h", "e5 h", ".5 min"]),
)
_OTHER_DIMENSIONS = st.builds(
    lambda name, op, other: f"3 {name}{op}{other}",
    st.sampled_from(_OTHER_UNITS + TIME_UNITS),
    st.sampled_from(["/", "*", " per ", " "]),
    st.sampled_from(_OTHER_UNITS + _CALENDAR),
)
_SOUP = st.text(alphabet="0123456789.eE+-*/^() hmindaywekprsu%_\t", max_size=60)


@st.composite
def _with_control(draw: st.DrawFn) -> str:
    text = draw(quantity_texts())
    cut = draw(st.integers(0, len(text)))
    return text[:cut] + draw(_CONTROL) + text[cut:]


def hostile_quantity_text() -> st.SearchStrategy[str]:
    """A string aimed at a quantity parser (some of them valid quantities)."""
    return st.one_of(
        _ARITHMETIC,
        _NUMBERS_EDGE,
        _DIGIT_RUNS,
        _with_control(),
        _OTHER_DIMENSIONS,
        quantity_texts(),
        _SOUP,
    )


@st.composite
def hostile_numbers(draw: st.DrawFn) -> Any:
    """A number or number-like value aimed at a numeric field."""
    return draw(
        st.one_of(
            st.booleans(),
            st.sampled_from([np.True_, np.False_]),
            st.integers(-(10**500), 10**500),
            st.sampled_from([10**400, -(10**400), 2**1024, 2**1023, 10**308, 10**309]),
            st.floats(allow_nan=True, allow_infinity=True),
            st.sampled_from([math.inf, -math.inf, math.nan, -0.0, 5e-324, 1.7976931348623157e308]),
            st.sampled_from(
                [
                    Decimal("NaN"),
                    Decimal("sNaN"),
                    Decimal("Infinity"),
                    Decimal("1e400"),
                    Decimal("1e-400"),
                    Decimal("-1e400"),
                    Decimal("3"),
                    Decimal("2.5"),
                ]
            ),
            st.sampled_from(
                [Fraction(10**400), Fraction(1, 10**400), Fraction(1, 3), Fraction(-(10**400), 3)]
            ),
            st.sampled_from(
                [
                    np.int8(3),
                    np.uint8(200),
                    np.int16(-3),
                    np.int64(2**62),
                    np.uint64(2**64 - 1),
                    np.float16(3),
                    np.float32(2.5),
                    np.float64("nan"),
                    np.longdouble("1e4000"),
                ]
            ),
            st.complex_numbers(max_magnitude=100),
        )
    )


@st.composite
def hostile_quantity_mappings(draw: st.DrawFn) -> dict[Any, Any]:
    """A quantity mapping, often with extra, missing or conflicting keys."""
    mapping: dict[Any, Any] = {}
    if draw(st.booleans()):
        mapping["magnitude"] = draw(st.one_of(st.integers(-10, 10**400), hostile_numbers()))
    for key in ("unit", "units"):
        if draw(st.booleans()):
            mapping[key] = draw(st.one_of(st.sampled_from(TIME_UNITS), hostile_quantity_text()))
    if draw(st.booleans()):
        mapping[draw(st.sampled_from(["Units", "value", "magnitudes", 1, None, "extra"]))] = 1
    return mapping


#: Pieces of names that exports and displays must escape or refuse.
MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</table>",
    "%%{init: {'theme': 'dark'}}%%",
    "%%",
    "click A call alert()",
    '"',
    "'",
    "\\",
    "&amp;",
    "&#60;",
    "#quot;",
    "]]>",
    "<!--",
    "-->",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "|",
    "==>",
    "end",
    "subgraph",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\uffff",
    "é",
    "日本",
    "😀",
)


def hostile_strings(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """A name or label built of markup, directives, controls and plain text (never empty)."""
    piece = st.sampled_from(MARKUP) | st.text(max_size=5) | st.just("x" * 300)
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join).filter(bool)


_DATE_TEXTS = (
    "10000-01-01",
    "99999-12-31",
    "0000-01-01",
    "-0001-01-01",
    "+2024-01-01",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-01-32",
    "2024-1-1",
    "20240101",
    "2024-01-01T25:00",
    "2024-01-01T23:59:60",
    "2024-01-01 00:00:00+99:00",
    "２０２４-０１-０１",
    "2024-01-01\x00",
    " 2024-01-01",
    "2024-01-01" + "0" * 5000,
    "9" * 5000,
    "",
    "NaT",
    "nan",
    "today",
)


@st.composite
def hostile_dates(draw: st.DrawFn) -> Any:
    """A value handed to a date field: hostile text, out-of-range objects, wrong types."""
    import pandas as pd

    return draw(
        st.one_of(
            st.sampled_from(_DATE_TEXTS),
            st.text(alphabet="0123456789-T:+Z ", max_size=30),
            st.sampled_from(
                [
                    np.datetime64("10000-01-01"),
                    np.datetime64("-0001-01-01"),
                    np.datetime64(2**62, "D"),
                    np.datetime64(-(2**62), "D"),
                    np.datetime64(2**62, "s"),
                    np.datetime64("NaT"),
                    pd.Timestamp.max,
                    pd.Timestamp.min,
                    dt.date.max,
                    dt.date.min,
                    dt.datetime.max,
                    dt.datetime(2024, 3, 10, 2, 30, tzinfo=dt.timezone(dt.timedelta(hours=14))),
                    dt.datetime(2024, 3, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
                    dt.time(12, 0),
                    dt.timedelta(days=1),
                ]
            ),
            st.dates(),
            st.datetimes(timezones=st.sampled_from([None, dt.UTC])),
            hostile_numbers(),
            st.sampled_from([None, [], {}, b"2024-01-01", ("2024-01-01",)]),
        )
    )


#: A small, valid frame of placements that :func:`hostile_frames` breaks in one place.
def _base_frame() -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "person_id": [1, 1, 2],
            "level": ["PHP", "IOP", "OP"],
            "start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-10"]),
            "end": pd.to_datetime(["2024-02-01", "2024-03-01", None]),
            "discharge_reason": pd.array([4, 1, None], dtype="Int8"),
        }
    )


_COLUMNS = ("person_id", "level", "start", "end", "discharge_reason")


def _unhashable(draw: st.DrawFn) -> Any:
    return draw(st.sampled_from([[1], {"a": 1}, {1, 2}, np.array([1, 2]), ["2024-01-01"]]))


@st.composite
def hostile_frames(draw: st.DrawFn) -> tuple[str, Any]:
    """``(what was broken, frame)``: a valid frame of placements with one hostile change."""
    import pandas as pd

    df = _base_frame()
    col = draw(st.sampled_from(_COLUMNS))
    change = draw(
        st.sampled_from(
            [
                "duplicate-label",
                "multiindex",
                "datetime64-out-of-range",
                "unhashable-cell",
                "bool-cell",
                "missing-cell",
                "huge-number",
                "mixed-types",
                "hostile-text",
                "drop-column",
                "empty",
            ]
        )
    )
    if change == "duplicate-label":
        df = pd.concat([df, df[[col]]], axis=1)
    elif change == "multiindex":
        df.columns = pd.MultiIndex.from_tuples([(c, draw(st.sampled_from("xy"))) for c in df])
    elif change == "datetime64-out-of-range":
        far = draw(st.sampled_from(["10000-01-01", "-0001-01-01", "9999-12-31", "0001-01-01"]))
        unit = draw(st.sampled_from(["D", "s", "ms"]))
        values = np.array([far] * len(df), dtype=f"datetime64[{unit}]")
        df[draw(st.sampled_from(["start", "end"]))] = values
    elif change in {"unhashable-cell", "bool-cell", "missing-cell", "huge-number", "hostile-text"}:
        cell: Any = {
            "unhashable-cell": lambda: _unhashable(draw),
            "bool-cell": lambda: draw(st.sampled_from([True, False, np.True_])),
            "missing-cell": lambda: draw(st.sampled_from([None, np.nan, pd.NaT, pd.NA])),
            "huge-number": lambda: draw(
                st.sampled_from([10**30, -(10**30), 1e308, float("inf"), 2**63])
            ),
            "hostile-text": lambda: draw(hostile_strings(3) | st.sampled_from(_DATE_TEXTS)),
        }[change]()
        values = df[col].astype(object).tolist()
        values[draw(st.integers(0, len(values) - 1))] = cell
        df[col] = pd.Series(values, dtype=object)
    elif change == "mixed-types":
        df[col] = pd.Series([1, "1", 1.5][: len(df)], dtype=object)
    elif change == "drop-column":
        df = df.drop(columns=[col])
    else:
        df = df.iloc[0:0]
    return f"{change}:{col}", df


_JSON_TEXTS = (
    '{"a": 1, "a": 2}',
    '{"nodes": [], "nodes": []}',
    "[NaN]",
    "[Infinity]",
    "[-Infinity]",
    "1" * 5000,
    "[" * 100 + "]" * 100,
    '{"a":' * 100 + "1" + "}" * 100,
    '"\\ud800"',
    '{"\\u0000": 1}',
    "\ufeff{}",
    "{}\x00",
    "",
    "[1,]",
    "{'a': 1}",
    "[1e400]",
    "[-0]",
    '{"nodes": [{"id": "a", "code": "b"}]}',
)


@st.composite
def hostile_json(draw: st.DrawFn) -> str | bytes:
    """JSON text (``str``) or bytes, usually hostile, sometimes merely strict-valid."""
    text = draw(
        st.one_of(
            st.sampled_from(_JSON_TEXTS),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | hostile_strings(2),
                lambda inner: (
                    st.lists(inner, max_size=3)
                    | st.dictionaries(hostile_strings(2), inner, max_size=3)
                ),
                max_leaves=12,
            ).map(_dumps),
            st.integers(1, 200).map(lambda depth: "[" * depth + "]" * depth),
        )
    )
    form = draw(st.sampled_from(["str", "utf-8", "bom", "latin-1", "junk"]))
    if form == "str":
        return text
    raw = text.encode("utf-8", "surrogatepass")
    if form == "bom":
        return b"\xef\xbb\xbf" + raw
    if form == "latin-1":
        return raw.replace(b"a", b"\xe9")
    if form == "junk":
        return raw + draw(st.binary(min_size=1, max_size=8))
    return raw


def _dumps(value: Any) -> str:
    import json

    return json.dumps(value, allow_nan=True, ensure_ascii=False)
