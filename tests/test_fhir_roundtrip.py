"""The FHIR bridge's proofs: everything ``to_fhir`` writes validates, and reads back unchanged.

Hypothesis generates schedules, weekly schedules, programs, placements and
journeys; each resource is validated with fhir.resources (structure) and the
library's own checks, in both releases, and ``from_fhir(to_fhir(x)) == x``.
Every built-in framework and crosswalk is checked the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import carecontinuum as cc
from carecontinuum.fhir import RELEASES, from_fhir, to_fhir, validate

SETTINGS = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
D = dt.date

# text FHIR can carry: no lone surrogates, at least one visible character
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=24
).filter(lambda s: any(c in " \r\n\t" or not c.isspace() for c in s))
_DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))
_HOURS = st.one_of(
    st.sampled_from([0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 8.0, 24.0]),
    st.floats(min_value=0.01, max_value=24.0, allow_nan=False, allow_infinity=False),
    st.integers(1, 48).map(lambda n: n / 3),  # thirds of an hour: not exact binary floats
)
_WEEKS = st.one_of(st.integers(1, 52).map(float), st.floats(0.5, 104.0, allow_nan=False))


def _duration(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["none", "weeks", "start", "dates", "start+weeks"]))
    start = draw(_DATES)
    if kind == "weeks":
        return {"weeks": draw(_WEEKS)}
    if kind == "start":
        return {"start": start}
    if kind == "dates":
        return {"start": start, "end": start + dt.timedelta(days=draw(st.integers(1, 400)))}
    if kind == "start+weeks":
        return {"start": start, "weeks": draw(_WEEKS)}
    return {}


def _setting(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["ambulatory", "24h", "residential", "hospital", "explicit"]))
    if kind == "ambulatory":
        return {}
    if kind == "explicit":
        return {"setting": "ambulatory"}
    if kind == "24h":
        return {"twenty_four_hour": True}
    return {"twenty_four_hour": True, "setting": kind}


@st.composite
def schedules(draw: st.DrawFn) -> cc.Schedule:
    extra: dict[str, Any] = {**_duration(draw), **_setting(draw)}
    if draw(st.booleans()):
        extra["sessions_per_week"] = draw(st.floats(0.5, 40.0, allow_nan=False))
    return cc.Schedule(hours_per_day=draw(_HOURS), days_per_week=draw(st.integers(1, 7)), **extra)


_MODALITIES = [m.code for m in cc.list_modalities()]


@st.composite
def weekly_schedules(draw: st.DrawFn) -> cc.WeeklySchedule:
    days = draw(st.lists(st.sampled_from(list(cc.Weekday)), min_size=1, max_size=7, unique=True))
    # one session a day at one time and length / one length / anything (each has its Timing)
    mode = draw(st.sampled_from(["uniform", "same-length", "free"]))
    uniform = mode == "uniform"
    length = draw(st.integers(1, 12)) * 15  # minutes
    start = draw(st.integers(0, 20 * 4)) * 15
    sessions = []
    for day in days:
        clock = start if uniform else draw(st.integers(0, 18 * 60))
        for _ in range(1 if uniform else draw(st.integers(1, 3))):
            minutes = length if mode != "free" else draw(st.integers(1, 240))
            if clock + minutes > 24 * 60:
                break
            sessions.append(
                cc.Session(
                    weekday=day,
                    start=dt.time(clock // 60, clock % 60),
                    duration=minutes / 60,
                    format=draw(st.sampled_from(list(cc.Format))),
                    modality=draw(st.none() | st.sampled_from(_MODALITIES)),
                )
            )
            clock += minutes + draw(st.integers(0, 60))
    assume(sessions)
    try:
        return cc.WeeklySchedule(sessions=sessions, **_duration(draw), **_setting(draw))
    except ValidationError:
        assume(False)
        raise


_ANY_SCHEDULE = st.one_of(schedules(), weekly_schedules())
_LANGUAGES = st.one_of(st.sampled_from(["English", "Spanish", "American Sign Language"]), _TEXT)


@st.composite
def programs(draw: st.DrawFn, level: str | None = None) -> cc.Program:
    ages = draw(
        st.none()
        | st.builds(
            lambda lo, span: {"min_age": lo, "max_age": None if span is None else lo + span},
            st.integers(0, 90),
            st.none() | st.integers(0, 40),
        )
    )
    values: dict[str, Any] = {
        "name": draw(_TEXT),
        "level": level or draw(st.sampled_from(cc.default_continuum().codes)),
        "schedule": draw(_ANY_SCHEDULE),
        "modalities": draw(st.lists(st.sampled_from(_MODALITIES), max_size=3, unique=True)),
        "ages": ages,
        "special_groups": draw(st.lists(st.sampled_from(list(cc.SpecialGroup)), unique=True)),
        "languages": draw(st.lists(_LANGUAGES, max_size=3)),
        "payment": draw(st.lists(st.sampled_from(list(cc.Payment)), max_size=4, unique=True)),
        "conditions": draw(st.lists(_TEXT, max_size=2)),
        "communities": draw(st.lists(_TEXT, max_size=2)),
        "length_of_stay": draw(
            st.none()
            | st.builds(
                lambda lo, extra, unit, approx: {
                    "low": lo,
                    "high": None if extra is None else lo + extra,
                    "unit": unit,
                    "approximate": approx,
                },
                st.integers(0, 30),
                st.none() | st.integers(0, 30),
                st.sampled_from(["day", "week", "month", "year"]),
                st.booleans(),
            )
        ),
    }
    for field in ("philosophy", "structure", "transition_plan", "description"):
        if draw(st.booleans()):
            values[field] = draw(_TEXT)
    if ages is None and draw(st.booleans()):
        values["age_groups"] = draw(st.lists(st.sampled_from(list(cc.AgeGroup)), unique=True))
    return cc.Program(**values)


_LEVELS = [lv for fw in cc.list_frameworks() for lv in fw]


@st.composite
def placements(draw: st.DrawFn) -> cc.Placement:
    level = draw(st.sampled_from(_LEVELS))
    start = draw(_DATES)
    end = draw(st.none() | st.integers(0, 400).map(lambda n: start + dt.timedelta(days=n)))
    values: dict[str, Any] = {"level": level, "start": start, "end": end}
    if draw(st.booleans()):
        values["schedule"] = draw(_ANY_SCHEDULE)
    if draw(st.integers(0, 3)) == 0:
        values["program"] = draw(programs())
    if draw(st.booleans()):
        values["discharge_reason"] = draw(st.sampled_from(list(cc.DischargeReason)))
    return cc.Placement(**values)


@st.composite
def journeys(draw: st.DrawFn) -> cc.Journey:
    person = draw(st.none() | _TEXT | st.integers(-(10**30), 10**30))
    return cc.Journey(person_id=person, placements=draw(st.lists(placements(), max_size=4)))


def _check(obj: Any, release: str) -> dict[str, Any]:
    resource = to_fhir(obj, release=release)
    json.dumps(resource, ensure_ascii=False).encode("utf-8")  # plain JSON, valid UTF-8
    findings = validate(resource, release=release)
    assert findings == [], findings
    assert from_fhir(resource) == obj
    assert from_fhir(json.dumps(resource)) == obj  # and from JSON text, release detected
    assert from_fhir(resource, release=release) == obj
    return resource


@pytest.mark.parametrize("release", RELEASES)
@SETTINGS
@given(schedule=_ANY_SCHEDULE)
def test_schedules_validate_and_round_trip(release: str, schedule: Any) -> None:
    timing = _check(schedule, release)
    assert "repeat" in timing


@pytest.mark.parametrize("release", RELEASES)
@SETTINGS
@given(program=programs())
def test_programs_validate_and_round_trip(release: str, program: cc.Program) -> None:
    resource = _check(program, release)
    assert resource["resourceType"] == "HealthcareService"


@pytest.mark.parametrize("release", RELEASES)
@SETTINGS
@given(placement=placements())
def test_placements_validate_and_round_trip(release: str, placement: cc.Placement) -> None:
    resource = _check(placement, release)
    assert resource["resourceType"] == "Encounter"


@pytest.mark.parametrize("release", RELEASES)
@SETTINGS
@given(journey=journeys())
def test_journeys_validate_and_round_trip(release: str, journey: cc.Journey) -> None:
    bundle = _check(journey, release)
    kinds = [e["resource"]["resourceType"] for e in bundle.get("entry", [])]
    assert kinds == ["EpisodeOfCare"] + ["Encounter"] * len(journey.placements)


@pytest.mark.parametrize("release", RELEASES)
@settings(deadline=None, max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(journeys(), max_size=3))
def test_lists_of_journeys_validate_and_round_trip(release: str, items: list[cc.Journey]) -> None:
    _check(items, release)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("fw", cc.list_frameworks(), ids=lambda fw: fw.code)
def test_every_framework_validates_and_round_trips(release: str, fw: cc.Framework) -> None:
    cs = _check(fw, release)
    assert [c["code"] for c in cs["concept"]] == list(fw.codes)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("walk", cc.list_crosswalks(), ids=str)
def test_every_crosswalk_validates_and_round_trips(release: str, walk: cc.Crosswalk) -> None:
    cm = _check(walk, release)
    assert len([t for e in cm["group"][0]["element"] for t in e["target"]]) == len(walk.mappings)


def test_a_custom_framework_and_its_crosswalk_round_trip() -> None:
    mine = cc.Framework(
        code="state-x",
        name="State X levels",
        aliases=("SX",),
        description="A state's own levels (an example).",
        verified=False,
        note="made up for the test",
        levels=(
            cc.CareLevel(
                code="a",
                name="Level A",
                framework="state-x",
                rank=0,
                setting="ambulatory",
                aliases=("first",),
                verified=False,
                note="example",
                sources=("SEED",),
            ),
            cc.CareLevel(
                code="b.2",
                name="Level B",
                framework="state-x",
                rank=2.5,
                setting="residential",
                twenty_four_hour=True,
                management="medically_monitored",
                typical_stay={"low": 1, "high": 3, "unit": "month", "approximate": True},
            ),
        ),
    )
    walk = cc.Crosswalk(
        source_framework="state-x",
        target_framework="continuum",
        mappings=(
            cc.LevelMapping(
                source="a",
                target="outpatient",
                match="approximate",
                lost="x",
                verified=False,
                note="judgment",
            ),
            cc.LevelMapping(
                source="a", target="intensive_outpatient", match="approximate", lost="y"
            ),
            cc.LevelMapping(source="b.2", match="none", lost="no counterpart", sources=("SEED",)),
        ),
    )
    cc.register_framework(mine)
    try:
        cc.register_crosswalk(walk)
        for release in RELEASES:
            _check(mine, release)
            _check(walk, release)
            journey = cc.Journey(placements=[{"level": "state-x:a", "start": "2024-01-01"}])
            bundle = _check(journey, release)
            encounter = bundle["entry"][1]["resource"]
            systems = [c["coding"][0]["system"].rsplit("/", 1)[-1] for c in encounter["type"]]
            assert systems == ["state-x"]  # two approximate counterparts: no continuum coding
    finally:
        cc.unregister_framework("state-x")
