"""Hostile listings: never a crash; bad rows become problems, good rows are kept.

Hypothesis draws rows that mix the locator's real fields and codes [LOCATOR]
with junk — wrong types, control characters, lone surrogates, huge numbers,
``NaN``, nested objects, strings of thousands of characters — and checks the
invariants of :func:`~carecontinuum.locator.read_listing`: every row is
either read (a facility) or left out (an ``error`` problem naming it), every
program belongs to a facility read, messages stay short, and everything read
serializes.  Code form and label form of the same services read the same.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.locator import InvalidListingError, Listing, read_listing

_KEBAB = re.compile(r"^[a-z]+(-[a-z]+)*$")

_HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b[2J",
    "tab\there",
    "line\nbreak",
    "\ud800",
    "\u202eevil",
    "x" * 2000,
    "1e999",
    "nan",
    "inf",
    "-0",
    "+90.0",
    " 38.0 ",
    "0x10",
    "1_0",
    "91",
    "-181",
    "38,5",
    "OIT",
    "OP; OIT; ODT",
    "; ; ;",
    "Medicaid",
]
_NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
_TEXT = st.one_of(st.text(max_size=40), st.sampled_from(_HOSTILE_TEXT))
_SCALAR = st.one_of(st.none(), _NUMBERS, _TEXT)
_ANY = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)

_SET = ["OP", "OIT", "ORT", "ODT", "OMB", "OD", "RES", "RS", "RL", "RD", "HI", "HIT", "HID"]
_CATEGORIES = ["SET", "PAY", "PYAS", "AGE", "SG", "SL", "OL", "AIL", "TC", "TAP", "FOP", "set"]
_VALUES = [*_SET, "MD", "PI", "MC", "SS", "ADLT", "CHLD", "VET", "GL", "AH", "SP-Spanish", "SP"]


@st.composite
def _services(draw: st.DrawFn) -> Any:
    entry = st.fixed_dictionaries(
        {},
        optional={
            "f1": _TEXT | _ANY,
            "f2": st.sampled_from(_CATEGORIES) | _TEXT | _ANY,
            "f3": st.lists(st.sampled_from(_VALUES) | _TEXT, max_size=5).map("; ".join) | _ANY,
        },
    )
    return draw(st.one_of(st.lists(entry | _ANY, max_size=5), _ANY))


@st.composite
def _rows(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(_ANY)  # not even an object
    good = {
        "frid": draw(st.sampled_from(["f-1", "f-2", "f-3"])),
        "name1": "Synthetic facility",
        "latitude": "37.5",
        "longitude": "-77.4",
        "services": [{"f1": "Service Setting", "f2": "SET", "f3": "OIT"}],
    }
    row: dict[Any, Any] = {}
    for key, value in good.items():
        choice = draw(st.integers(0, 5))
        if choice == 0:
            continue  # missing
        row[key] = value if choice < 4 else draw(_ANY)
    if draw(st.booleans()):
        row["services"] = draw(_services())
    for key in draw(st.lists(_TEXT, max_size=2)):
        row[key] = draw(_ANY)
    if draw(st.integers(0, 9)) == 0:
        row[draw(_NUMBERS)] = "a key that is not text"
    return row


def _check(listing: Listing) -> None:
    refused = set(listing.refused_rows)
    for problem in listing.problems:
        assert _KEBAB.match(problem.code), problem
        assert problem.severity in ("error", "warning")
        assert problem.row is None or 0 <= problem.row < listing.rows
        assert len(problem.message) < 700, problem.message
        json.dumps(problem.to_dict())
        str(problem)
    assert len(listing.facilities) + len(refused) == listing.rows
    ids = [f.id for f in listing.facilities]
    assert len(ids) == len(set(ids))
    read = {id(f) for f in listing.facilities}
    for program in listing.programs:
        assert program.facility is not None
        assert id(program.facility) in read
        assert program.schedule is None
        assert program.level in cc.default_continuum()
        back = cc.Program.model_validate_json(program.model_dump_json())
        assert back == program
    for service in listing.withdrawal_management:
        assert id(service.facility) in read
    listing._repr_html_()
    repr(listing)


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_rows(), max_size=6))
def test_hostile_rows_never_crash(rows: list[Any]) -> None:
    listing = read_listing(rows)
    _check(listing)
    assert listing.rows == len(rows)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_rows(), max_size=4), _ANY, _ANY)
def test_hostile_json_reads_like_the_objects(rows: list[Any], page: Any, extra: Any) -> None:
    envelope = {"page": page, "totalPages": 1, "recordCount": len(rows), "rows": rows, "x": extra}
    try:
        text = json.dumps(envelope, allow_nan=False)
    except (ValueError, TypeError):
        return  # NaN, a non-text key: not JSON; the objects were checked above
    if "\\ud8" in text.lower() or "\\udc" in text.lower():
        return  # a lone surrogate, written as an escape: still checked, as an object
    if _has_huge_integer(envelope):
        with pytest.raises(cc.InvalidJsonError, match="digits"):  # a 400-digit integer
            read_listing(text)
        return
    from_text = read_listing(text)
    _check(from_text)
    from_objects = read_listing(json.loads(text))
    assert [p.to_dict() for p in from_text.problems] == [p.to_dict() for p in from_objects.problems]
    assert from_text.programs == from_objects.programs


def _has_huge_integer(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_huge_integer(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_huge_integer(v) for v in value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40


@settings(deadline=None, max_examples=200)
@given(st.binary(max_size=200))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    with contextlib.suppress(cc.InvalidJsonError, InvalidListingError):
        _check(read_listing(data))


# what each real code is called in a listing's label form [LOCATOR]
_LABELS = {
    "SET": {
        c.code: c.display for lv in cc.default_continuum() for c in lv.codes_in("locator-setting")
    }
    | {
        c.code: c.display
        for c in cc.levels.WITHDRAWAL_MANAGEMENT_CODES
        if c.system.value == "locator-setting"
    },
    "PAY": {p.value: p.label for p in cc.Payment},
    "AGE": {"ADLT": "Adults", "CHLD": "Children/adolescents"},
    "SG": {"VET": "Veterans", "GL": "Lesbian, gay, bisexual, or transgender (LGBT) clients"},
}


@settings(deadline=None, max_examples=100)
@given(
    st.fixed_dictionaries(
        {
            category: st.lists(st.sampled_from(sorted(codes)), unique=True)
            for category, codes in _LABELS.items()
        }
    )
)
def test_code_form_and_label_form_read_the_same(chosen: dict[str, list[str]]) -> None:
    def row(labels: bool) -> dict[str, Any]:
        services = [
            {
                "f1": category,
                "f2": category,
                "f3": "; ".join(_LABELS[category][c] if labels else c for c in codes),
            }
            for category, codes in chosen.items()
        ]
        return {"frid": "f-1", "name1": "Synthetic", "services": services}

    codes, labels = read_listing([row(False)]), read_listing([row(True)])
    assert [p.level for p in codes.programs] == [p.level for p in labels.programs]
    for a, b in zip(codes.programs, labels.programs, strict=True):
        assert (a.payment, a.age_groups, a.special_groups) == (
            b.payment,
            b.age_groups,
            b.special_groups,
        )
        assert len(a.other_codes) == len(b.other_codes)
    assert [w.code for w in codes.withdrawal_management] == [
        w.code for w in labels.withdrawal_management
    ]
    assert [p.code for p in codes.problems] == [p.code for p in labels.problems]
    wanted = {lv for c in chosen["SET"] for lv in _levels(c)}
    if "OP" in chosen["SET"] and not wanted:
        assert [p.code for p in codes.problems] == ["ambiguous-setting"]
    assert {p.level for p in codes.programs} == wanted


def _levels(code: str) -> set[str]:
    found = {
        lv.code
        for lv in cc.default_continuum()
        for c in lv.codes_in("locator-setting")
        if c.code == code
    }
    return found if len(found) == 1 else set()


@pytest.mark.parametrize(
    ("row", "field", "code"),
    [
        ({"frid": "", "name1": "X"}, "frid", "empty-field"),
        ({"frid": "   ", "name1": "X"}, "frid", "empty-field"),
        ({"frid": 7, "name1": "X"}, "frid", "wrong-type"),
        ({"frid": "x" * 129, "name1": "X"}, "frid", "too-long"),
        ({"frid": "f", "name1": "X\x1b[2J"}, "name1", "control-character"),
        ({"frid": "f", "name1": "\ud800"}, "name1", "control-character"),
        ({"frid": "f", "name1": "X", "city": ["a"]}, "city", "wrong-type"),
        ({"frid": "f", "name1": "X", "zip": 23219}, "zip", "wrong-type"),
        ({"frid": "f", "name1": "X", "latitude": "1"}, "longitude", "bad-coordinate"),
        (
            {"frid": "f", "name1": "X", "latitude": "1e999", "longitude": "0"},
            "latitude",
            "bad-coordinate",
        ),
        (
            {"frid": "f", "name1": "X", "latitude": 10**400, "longitude": 0},
            "latitude",
            "bad-coordinate",
        ),
        (
            {"frid": "f", "name1": "X", "latitude": math.nan, "longitude": 0},
            "latitude",
            "bad-coordinate",
        ),
        (
            {"frid": "f", "name1": "X", "latitude": True, "longitude": 0},
            "latitude",
            "bad-coordinate",
        ),
        (
            {"frid": "f", "name1": "X", "latitude": "1_0", "longitude": 0},
            "latitude",
            "bad-coordinate",
        ),
        (
            {"frid": "f", "name1": "X", "latitude": 0, "longitude": "-180.5"},
            "longitude",
            "bad-coordinate",
        ),
        ({"frid": "f", "name1": "X", "services": "OIT"}, "services", "wrong-type"),
        ({"frid": "f", "name1": "X", "services": ["OIT"]}, "services[0]", "not-an-object"),
        (
            {"frid": "f", "name1": "X", "services": [{"f3": "OIT"}]},
            "services[0].f2",
            "missing-field",
        ),
        (
            {"frid": "f", "name1": "X", "services": [{"f2": "SET"}]},
            "services[0].f3",
            "missing-field",
        ),
        (
            {"frid": "f", "name1": "X", "services": [{"f2": "", "f3": "OIT"}]},
            "services[0].f2",
            "empty-field",
        ),
        (
            {"frid": "f", "name1": "X", "services": [{"f2": "SET", "f3": 5}]},
            "services[0].f3",
            "wrong-type",
        ),
        (
            {"frid": "f", "name1": "X", "services": [{"f2": "SET", "f3": "x" * 1001}]},
            "services[0].f3",
            "too-long",
        ),
    ],
)
def test_each_bad_field_is_named(row: dict[str, Any], field: str, code: str) -> None:
    listing = read_listing([row])
    assert listing.facilities == ()
    assert (field, code) in [(p.field, p.code) for p in listing.errors]
    assert all(p.row == 0 for p in listing.problems)


def test_fields_that_cannot_be_kept_are_warnings_and_the_row_is_read() -> None:
    row = {
        "frid": "f",
        "name1": "X",
        "services": [{"f2": "SET", "f3": "OIT", "f4": "?"}],
        "nested": {"a": 1},
        "huge": 10**30,
        "fine": 3,
        "text": "\x00",
    }
    listing = read_listing([row])
    assert len(listing.programs) == 1
    assert [(p.field, p.code, p.severity) for p in listing.problems] == [
        ("services[0].f4", "ignored-field", "warning"),
        ("nested", "ignored-field", "warning"),
        ("huge", "ignored-field", "warning"),
        ("text", "ignored-field", "warning"),
    ]
    assert listing.facilities[0].other_fields == (("fine", 3),)


def test_a_huge_listing_of_bad_rows_is_reported_row_by_row() -> None:
    listing = read_listing([{"frid": str(i)} for i in range(2000)])
    assert listing.refused_rows == tuple(range(2000))
    assert {p.code for p in listing.problems} == {"missing-field"}
