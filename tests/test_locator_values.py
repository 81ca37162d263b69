"""Each row field is kept as written exactly when the reader's rule says so.

The row reader takes the usual values (text, a float of degrees in range, a
plain scalar) without the full check; these properties pin both ways down
against the rule written out plainly, for any value.
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from carecontinuum.locator import read_listing
from carecontinuum.programs._facility import MAX_TEXT

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SERVICES = [{"f1": "Type of Care", "f2": "SET", "f3": "OIT"}]
_TEXT = st.text(max_size=8) | st.text(alphabet="ab\x00\x1f\x7f\x9f\u00a0", max_size=6)
_LONG = st.integers(MAX_TEXT - 1, MAX_TEXT + 1).map(lambda n: "a" * n)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) + 1])
    | st.floats()
    | _TEXT
    | _LONG
)


def _row(**fields: object) -> dict[str, object]:
    return {"frid": "f-1", "name1": "Riverbend", "services": _SERVICES, **fields}


@settings(deadline=None, max_examples=400)
@given(_SCALARS)
def test_an_other_field_is_kept_as_written_exactly_when_it_is_a_plain_scalar(value: object) -> None:
    keep = (
        value is None
        or isinstance(value, bool)
        or (isinstance(value, int) and abs(value) < 2**63)
        or (isinstance(value, float) and math.isfinite(value))
        or (isinstance(value, str) and len(value) <= MAX_TEXT and not _CONTROL.search(value))
    )
    listing = read_listing([_row(beds=value)])
    (facility,) = listing.facilities
    kept = dict(facility.other_fields)
    if keep:
        assert repr(kept["beds"]) == repr(value)  # the same type and value: 1 is not True
        assert listing.problems == ()
    else:
        assert "beds" not in kept
        assert [(p.field, p.code) for p in listing.problems] == [("beds", "ignored-field")]


@settings(deadline=None, max_examples=400)
@given(st.floats() | st.integers(-200, 200), st.sampled_from(["latitude", "longitude"]))
def test_a_coordinate_is_kept_exactly_when_it_is_a_finite_number_in_range(
    degrees: float, which: str
) -> None:
    limit = 90 if which == "latitude" else 180
    other = "longitude" if which == "latitude" else "latitude"
    listing = read_listing([_row(**{which: degrees, other: 0.0})])
    if math.isfinite(degrees) and abs(degrees) <= limit:
        (facility,) = listing.facilities
        assert facility.coordinates is not None
        assert getattr(facility.coordinates, which) == degrees
        assert listing.problems == ()
    else:
        assert listing.facilities == ()
        assert [(p.field, p.code) for p in listing.problems] == [(which, "bad-coordinate")]


@settings(deadline=None, max_examples=300)
@given(_TEXT | _LONG, st.sampled_from(["city", "street1", "phone", "website"]))
def test_a_text_field_is_kept_as_written_or_the_row_is_refused(text: str, key: str) -> None:
    listing = read_listing([_row(**{key: text})])
    if len(text) > MAX_TEXT:
        assert [(p.field, p.code) for p in listing.problems] == [(key, "too-long")]
    elif _CONTROL.search(text):
        assert [(p.field, p.code) for p in listing.problems] == [(key, "control-character")]
    else:
        (facility,) = listing.facilities
        assert getattr(facility, key) == text
        assert listing.problems == ()
