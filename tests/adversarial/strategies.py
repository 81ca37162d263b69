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

Every strategy draws small examples (at most a few thousand characters):
megabyte inputs live in ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st

__all__ = [
    "TIME_UNITS",
    "hostile_numbers",
    "hostile_quantity_mappings",
    "hostile_quantity_text",
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
