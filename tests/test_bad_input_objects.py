"""A plainly wrong object passed where a library object is expected: a TypeError that names it.

These used to escape as ``AttributeError: 'str' object has no attribute ...`` from
deep inside the library (or, for ``assess_program``, to be accepted silently).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import carecontinuum as cc
from carecontinuum.journeys import population, synthetic_cohort


@pytest.fixture(scope="module")
def journey() -> cc.Journey:
    return cc.Journey(
        placements=[
            cc.Placement(level="IOP", start="2024-01-01", end="2024-02-01"),
            cc.Placement(level="OP", start="2024-02-01"),
        ]
    )


@pytest.fixture(scope="module")
def frame() -> Any:
    return synthetic_cohort(3, seed=1)


WRONG = ["IOP", None, 3, {"code": "x"}]
WRONG_GRAPHS = ["continuum", 3, cc.default_continuum()]  # None means the default


def _program() -> cc.Program:
    return cc.Program(
        name="Probe IOP", level="IOP", schedule=cc.Schedule(hours_per_day=3, days_per_week=3)
    )


# (call taking the wrong object, text in the TypeError).  Facade names are looked up at call
# time (_late): touching them at import time would cache them in carecontinuum's namespace before
# tests/test_doctests.py collects, which then runs their examples with the wrong globals.
def _late(name: str) -> Callable[[Any], object]:
    def call(value: Any) -> object:
        return getattr(cc, name)(value)

    return call


CALLS: list[tuple[str, Callable[[Any], object], str]] = [
    (
        "register_framework",
        _late("register_framework"),
        "register_framework() takes a Framework",
    ),
    (
        "register_crosswalk",
        _late("register_crosswalk"),
        "register_crosswalk() takes a Crosswalk",
    ),
    ("check_level", _late("check_level"), "check_level() takes a Program"),
    ("assess_program", lambda v: cc.assess_program(v, cc.Needs()), "expected a Program"),
    ("assess_program needs", lambda v: cc.assess_program(_program(), v), "expected Needs"),
    ("match_programs item", lambda v: cc.match_programs([v]), "expected a Program"),
    (
        "journeys_to_frame item",
        lambda v: population.journeys_to_frame([v]),
        "journeys_to_frame() takes Journey objects",
    ),
    ("journeys_from_frame df", population.journeys_from_frame, "expected a pandas DataFrame"),
]


@pytest.mark.parametrize("bad", WRONG)
@pytest.mark.parametrize(("name", "call", "message"), CALLS, ids=[c[0] for c in CALLS])
def test_wrong_object_is_a_type_error(
    name: str, call: Callable[[Any], object], message: str, bad: object
) -> None:
    with pytest.raises(TypeError) as info:
        call(bad)
    assert message in str(info.value)
    assert type(bad).__name__ in str(info.value)


@pytest.mark.parametrize("bad", WRONG_GRAPHS)
def test_population_functions_check_the_graph(frame: Any, bad: object) -> None:
    for fn in (
        population.journeys_from_frame,
        population.transition_matrix,
        population.transition_rates,
        population.length_of_stay_stats,
    ):
        with pytest.raises(TypeError, match="graph must be a ContinuumGraph or None, got"):
            fn(frame, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", WRONG_GRAPHS)
def test_journey_check_graph(journey: cc.Journey, bad: object) -> None:
    with pytest.raises(TypeError, match="graph must be a ContinuumGraph or None, got"):
        journey.check(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, "3", 1.5, True])
def test_journey_check_max_gap_days(journey: cc.Journey, bad: object) -> None:
    with pytest.raises(TypeError, match="max_gap_days must be a whole number of days") as info:
        journey.check(max_gap_days=bad)  # type: ignore[arg-type]
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize("bad", ["2024-03-01", 0, [2024]])
def test_length_of_stay_as_of(journey: cc.Journey, bad: object) -> None:
    with pytest.raises(TypeError, match=r"as_of must be a datetime\.date .*, got") as info:
        journey.length_of_stay(bad)  # type: ignore[arg-type]
    assert type(bad).__name__ in str(info.value)
    # the date rule: a datetime is its own local calendar date
    assert journey.length_of_stay(dt.datetime(2024, 3, 1, 5)) == journey.length_of_stay(
        dt.date(2024, 3, 1)
    )


def test_good_objects_still_work(journey: cc.Journey, frame: Any) -> None:
    assert journey.length_of_stay(dt.date(2024, 3, 1)) == (31, 29)
    assert journey.check(cc.default_graph(), max_gap_days=3) == []
    assert len(population.journeys_to_frame([journey])) == 2
    assert len(population.journeys_from_frame(frame, cc.default_graph())) == 3
    assert cc.check_level(_program()).status == "consistent"
