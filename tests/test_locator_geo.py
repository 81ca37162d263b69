"""Great-circle distances (haversine) against known arcs and coordinates, and bad points.

Sources: GRS80 (the mean Earth radius R1 = 6,371.0088 km), NIST-SP811 (the
international mile, 1.609344 km); the worked LAX–JFK example of E. Williams'
*Aviation Formulary* (a central angle of 0.623585 rad = 2144 nautical miles,
one nautical mile being one arc-minute).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.programs import EARTH_RADIUS_KM, KM_PER_MILE, Coordinates, Facility, distance

R = 6371.0088  # km [GRS80]


def test_the_constants() -> None:
    assert EARTH_RADIUS_KM == R  # [GRS80]
    assert KM_PER_MILE == 1.609344  # [NIST-SP811]
    assert {"GRS80", "NIST-SP811"} <= set(cc.SOURCES)


# a, b, the distance in km, why (every arc follows from the sphere's radius)
ARCS = [
    ((0, 0), (0, 1), math.pi * R / 180, "one degree along the equator"),
    ((0, 0), (1, 0), math.pi * R / 180, "one degree along a meridian"),
    ((90, 0), (0, 0), math.pi * R / 2, "pole to equator"),
    ((90, 0), (-90, 0), math.pi * R, "pole to pole"),
    ((0, 0), (0, 180), math.pi * R, "antipodes on the equator"),
    ((0, 179.5), (0, -179.5), math.pi * R / 180, "across the antimeridian"),
    ((45, 10), (45, 10), 0.0, "the same point"),
    ((60, 0), (60, 180), math.pi * R / 3, "over the pole along longitude 0/180"),
]


@pytest.mark.parametrize(("a", "b", "km", "why"), ARCS, ids=[row[3] for row in ARCS])
def test_known_arcs(a: tuple[float, float], b: tuple[float, float], km: float, why: str) -> None:
    assert distance(a, b) == pytest.approx(km, abs=1e-6), why
    assert distance(a, b, unit="mi") == pytest.approx(km / 1.609344, abs=1e-6), why


def test_lax_to_jfk_matches_the_aviation_formulary() -> None:
    lax = Coordinates(latitude=33 + 57 / 60, longitude=-(118 + 24 / 60))
    jfk = Coordinates(latitude=40 + 38 / 60, longitude=-(73 + 47 / 60))
    angle = lax.distance_to(jfk) / R
    assert angle == pytest.approx(0.623585, abs=5e-6)
    assert angle * 180 * 60 / math.pi == pytest.approx(2144, abs=0.5)  # nautical miles
    assert lax.distance_to(jfk, "km") == pytest.approx(3972.9, abs=0.1)


@pytest.mark.parametrize(
    ("unit", "factor"),
    [("km", 1.0), ("KM", 1.0), ("kilometres", 1.0), ("mi", 1 / 1.609344), ("miles", 1 / 1.609344)],
)
def test_units(unit: str, factor: float) -> None:
    assert distance((0, 0), (0, 1), unit) == pytest.approx(math.pi * R / 180 * factor)


def test_a_facility_without_coordinates_has_no_distance() -> None:
    assert Facility(id="x", name="X").distance_to((0, 0)) is None
    f = Facility(id="x", name="X", coordinates="10, 20")
    assert f.distance_to((10, 20)) == 0.0


@pytest.mark.parametrize(
    ("point", "words"),
    [
        ((91, 0), "less than or equal to 90"),
        ((-90.5, 0), "greater than or equal to -90"),
        ((0, 180.01), "less than or equal to 180"),
        ((math.nan, 0), "finite number"),
        ((0, math.inf), "finite number"),
        ((True, 0), "not a bool"),
        ((0, 1, 2), "a (latitude, longitude) pair, got 3 values"),
        ("north, east", "valid number"),
        ("1;2", "'latitude, longitude'"),
        ("1," * 100, "'latitude, longitude'"),
        ({"lat": 1, "lon": 2}, "Field required"),
        (None, "valid dictionary"),
    ],
)
def test_bad_points(point: Any, words: str) -> None:
    with pytest.raises(ValidationError, match=words.replace("(", r"\(").replace(")", r"\)")):
        distance(point, (0, 0))


def test_bad_unit() -> None:
    with pytest.raises(cc.UnknownKeyError, match="unknown distance unit 'furlong'"):
        distance((0, 0), (1, 1), "furlong")
    with pytest.raises(cc.UnknownKeyError):
        distance((0, 0), (1, 1), True)  # type: ignore[arg-type]


def test_coordinates_text_and_round_trip() -> None:
    point = Coordinates.model_validate(" 37.5407 , -77.436 ")
    assert (point.latitude, point.longitude) == (37.5407, -77.436)
    assert str(point) == "37.5407, -77.436"
    assert Coordinates.model_validate_json(point.model_dump_json()) == point
    assert Coordinates.model_validate(["1", "2"]) == Coordinates(latitude=1, longitude=2)


_lat = st.floats(-90, 90, allow_nan=False)
_lon = st.floats(-180, 180, allow_nan=False)
_points = st.tuples(_lat, _lon)


@settings(deadline=None)
@given(_points, _points, _points)
def test_a_metric_on_the_sphere(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
) -> None:
    ab, ba = distance(a, b), distance(b, a)
    assert ab == pytest.approx(ba, abs=1e-6)
    assert 0 <= ab <= math.pi * R + 1e-6
    assert distance(a, a) == pytest.approx(0, abs=1e-6)
    assert ab <= distance(a, c) + distance(c, b) + 1e-6
    assert distance(a, b, "mi") == pytest.approx(ab / 1.609344, rel=1e-12, abs=1e-9)
