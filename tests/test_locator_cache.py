"""The locator reader's caches change nothing: a listing reads as its rows read one by one.

``read_listing`` remembers each ``{f2, f3}`` entry and each value it has read
(per listing), and takes a usual entry seen before with one lookup.  Here a
listing of rows that repeat entries — in label and code form [LOCATOR], with
empty values, spaces, values too long, extra keys and wrong types among them —
must give exactly the programs, facilities, detox services and problems that
reading every row alone (a fresh cache each time) gives.  The rows are
SYNTHETIC.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from carecontinuum.locator import Listing, read_listing
from carecontinuum.locator._services import MAX_VALUES_TEXT

# values as the locator writes them [LOCATOR], and some it never would
_VALUES = {
    "SET": ["OIT", "Residential", "Short-term residential", "OP", "HID", "ODT", "RS", ""],
    "PAY": ["MD", "Medicaid", "Private health insurance", "Cash or self-payment", " MC "],
    "AGE": ["Adults", "Children/adolescents", "ADLT"],
    "SG": ["Veterans", "VET", "Adult women"],
    "TAP": ["Cognitive behavioral therapy", "Anger management", "CBT", "Motivational interviewing"],
    "OL": ["SP", "Spanish", "F4-Arabic", "X" * 201],
    "TC": ["DT", "Detoxification", "SA"],
    "TOBAC": ["Smoking not permitted", "Smoking permitted in designated area", "  "],
    "EDU": ["x" * 1001, "Education services", "Education services"],
}


def _entry(category: str, draw: st.DrawFn) -> Any:
    values = draw(st.lists(st.sampled_from(_VALUES[category]), min_size=1, max_size=4))
    joint = draw(st.sampled_from([";", "; ", " ;  "]))
    entry: Any = {"f1": category.lower(), "f2": category, "f3": joint.join(values)}
    odd = draw(st.integers(0, 19))
    if odd == 0:
        entry["f4"] = "an extra key"
    elif odd == 1:
        entry["f1"] = 3  # a wrong type: the row is refused
    elif odd == 2:
        entry = [entry]  # not an object
    elif odd == 3:
        del entry["f1"]  # f1 is optional
    return entry


@st.composite
def _rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = []
    for i in range(draw(st.integers(1, 12))):
        categories = draw(st.lists(st.sampled_from(sorted(_VALUES)), max_size=8))
        rows.append(
            {
                "frid": f"synthetic-{i}",
                "name1": f"Synthetic Center {i}",
                "services": [_entry(category, draw) for category in categories],
            }
        )
    return rows


def _parts(listing: Listing) -> tuple[list[object], ...]:
    return (
        [(p.__dict__, sorted(p.model_fields_set)) for p in listing.programs],
        [f.__dict__ for f in listing.facilities],
        [(w.facility.id, w.value, w.code) for w in listing.withdrawal_management],
        [(p.field, p.code, p.message, p.severity, p.facility_id) for p in listing.problems],
    )


@settings(deadline=None, max_examples=150)
@given(_rows())
def test_a_listing_reads_as_its_rows_read_one_by_one(rows: list[dict[str, Any]]) -> None:
    together = read_listing(rows)
    alone = [read_listing([row]) for row in rows]
    alone_parts = [_parts(listing) for listing in alone]
    assert _parts(together) == tuple(
        [item for parts in alone_parts for item in parts[k]] for k in range(4)
    )
    # and as its JSON text reads
    assert _parts(read_listing(json.dumps(rows))) == _parts(together)


def test_a_value_first_seen_empty_or_too_long_is_read_again_each_time() -> None:
    entries = ["Education services", "Education services;", "x" * 1001, "Education services"]
    rows = [
        {
            "frid": f"f-{i}",
            "name1": "Center",
            "services": [{"f2": "SET", "f3": "OIT"}, {"f2": "EDU", "f3": f3}],
        }
        for i, f3 in enumerate(entries)
    ]
    listing = read_listing(rows)
    assert [p.other_codes for p in listing.programs] == [
        (("EDU", "Education services"),),
        (("EDU", "Education services"),),  # nothing between ";" and the end: no code
        (("EDU", "Education services"),),
    ]
    assert [(p.row, p.code) for p in listing.problems] == [(2, "too-long")]


def test_a_text_too_long_is_refused_even_when_each_value_was_seen() -> None:
    known = "Education services"
    too_long = ";".join([known] * (MAX_VALUES_TEXT // len(known) + 1))
    assert len(too_long) > MAX_VALUES_TEXT
    rows = [
        {
            "frid": f"f-{i}",
            "name1": "Center",
            "services": [
                {"f1": "Service Setting", "f2": "SET", "f3": "OIT"},
                {"f1": "Education", "f2": "EDU", "f3": f3},  # f1, f2 and f3: the usual entry
            ],
        }
        for i, f3 in enumerate([known, too_long, f"{known};{known}"])
    ]
    listing = read_listing(rows)
    assert [(p.row, p.field, p.code) for p in listing.problems] == [
        (1, "services[1].f3", "too-long")
    ]
    assert [p.other_codes for p in listing.programs] == [
        (("EDU", known),),
        (("EDU", known), ("EDU", known)),
    ]


def test_values_seen_before_in_other_entries_are_taken_as_read_then() -> None:
    smoking = "Smoking not permitted"
    entries = [f"{smoking}; Education", f"Education; {smoking}", f"{smoking}; Education; Education"]
    rows = [
        {
            "frid": f"f-{i}",
            "name1": "Center",
            "services": [{"f2": "SET", "f3": "OIT"}, {"f2": "TOBAC", "f3": f3}],
        }
        for i, f3 in enumerate(entries)
    ]
    codes = [p.other_codes for p in read_listing(rows).programs]
    assert codes == [
        (("TOBAC", smoking), ("TOBAC", "Education")),
        (("TOBAC", "Education"), ("TOBAC", smoking)),
        (
            ("TOBAC", smoking),
            ("TOBAC", "Education"),
            ("TOBAC", "Education"),
        ),  # all seen: one lookup
    ]
