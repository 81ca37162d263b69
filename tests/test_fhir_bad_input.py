"""Bad FHIR input, and bad arguments: a clear error for each, never a raw traceback."""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.errors import InvalidJsonError
from carecontinuum.fhir import (
    FhirError,
    FhirMappingError,
    from_fhir,
    to_fhir,
    validate,
)

BASE = cc.fhir.DEFAULT_BASE_URL
JOURNEY = cc.Journey(
    person_id="p1",
    placements=[
        {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29", "discharge_reason": 4},
        {
            "level": "IOP",
            "start": "2024-03-29",
            "schedule": cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6),
        },
    ],
)
PROGRAM = cc.Program(
    name="Evening IOP",
    level="IOP",
    schedule=cc.WeeklySchedule(
        sessions=[
            cc.Session(weekday=d, start="18:00", duration="3 h", format="group", modality="CBT")
            for d in ("mon", "wed", "thu")
        ],
        weeks=6,
    ),
    modalities=["CBT"],
    payment=["MD"],
    ages={"min_age": 18, "max_age": 64},
    languages=["English"],
    length_of_stay={"low": 4, "high": 6, "unit": "week"},
)


def test_a_wrong_release_is_refused_clearly() -> None:
    with pytest.raises(FhirError, match="unknown FHIR release 'R3'"):
        to_fhir(JOURNEY, release="R3")
    with pytest.raises(FhirError, match="unknown FHIR release True"):
        to_fhir(JOURNEY, release=True)  # type: ignore[arg-type]
    r4 = to_fhir(JOURNEY, release="R4B")
    with pytest.raises(FhirError, match="release R5 was asked for, but the resource is R4B"):
        from_fhir(r4, release="R5")
    assert from_fhir(r4, release="R4") == JOURNEY  # R4 is read as R4B


def test_a_resource_that_mixes_releases_is_ambiguous() -> None:
    enc = to_fhir(JOURNEY.placements[0], release="R5")
    enc["period"] = enc["actualPeriod"]  # an R4B element in an R5 resource
    with pytest.raises(FhirError, match="the release is ambiguous: R5 elements"):
        from_fhir(enc)


def test_a_missing_resource_type() -> None:
    enc = to_fhir(JOURNEY.placements[0])
    del enc["resourceType"]
    with pytest.raises(FhirError, match="needs a 'resourceType'"):
        from_fhir(enc)
    assert [f.code for f in validate(enc)] == ["missing-resource-type"]
    with pytest.raises(FhirError, match="resourceType must be a string"):
        from_fhir({"resourceType": 5})
    with pytest.raises(FhirMappingError, match="a 'Patient' maps to nothing"):
        from_fhir({"resourceType": "Patient"})


def test_references_that_point_nowhere() -> None:
    bundle = to_fhir(JOURNEY)
    broken = copy.deepcopy(bundle)
    broken["entry"][1]["resource"]["episodeOfCare"] = [{"reference": "urn:uuid:nowhere"}]
    with pytest.raises(FhirMappingError, match="'urn:uuid:nowhere' points at no entry"):
        from_fhir(broken)
    assert "broken-reference" in [f.code for f in validate(broken)]
    relative = copy.deepcopy(bundle)
    relative["entry"][1]["resource"]["episodeOfCare"] = [{"reference": "EpisodeOfCare/x"}]
    with pytest.raises(FhirMappingError, match="points at no EpisodeOfCare of the Bundle"):
        from_fhir(relative)
    orphan = copy.deepcopy(bundle)
    del orphan["entry"][1]["resource"]["episodeOfCare"]
    with pytest.raises(FhirMappingError, match="0 episodeOfCare references"):
        from_fhir(orphan)
    contained = copy.deepcopy(bundle)
    contained["entry"][2]["resource"]["basedOn"] = [{"reference": "#gone"}]
    with pytest.raises(FhirMappingError, match="'#gone' points at no contained resource"):
        from_fhir(contained)
    assert "broken-reference" in [f.code for f in validate(contained)]


def test_a_bundle_without_an_episode_of_care() -> None:
    bundle = to_fhir(JOURNEY)
    bundle["entry"] = bundle["entry"][1:]
    with pytest.raises(FhirMappingError, match="a Bundle without an EpisodeOfCare"):
        from_fhir(bundle)
    with pytest.raises(FhirMappingError, match="a Bundle without an EpisodeOfCare"):
        from_fhir({"resourceType": "Bundle", "type": "collection"})


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"durationUnit": "parsec"}, "'parsec' is not a unit of time"),
        ({"durationUnit": "mo"}, "'mo' has no fixed length in hours"),
        ({"periodUnit": "lightyear"}, "'lightyear' is not a unit of time"),
        ({"periodUnit": "a"}, "'a' has no fixed length"),
        ({"durationUnit": None}, "durationUnit is missing"),
        ({"periodUnit": None}, "periodUnit is missing"),
        ({"duration": None}, "no duration: the Timing says how often, not for how long"),
        ({"duration": -3}, "duration must be positive"),
        ({"frequency": 2.5}, "frequency must be a whole number"),
        ({"frequency": 10}, "10 events a week without dayOfWeek: more than one a day"),
        ({"period": 2, "periodUnit": "d", "frequency": 1}, "7/2 events a week cannot be read"),
        ({"dayOfWeek": ["mon", "funday"]}, "'funday' is not a FHIR day of week"),
        ({"dayOfWeek": ["mon", "wed"]}, "3 events a week do not spread evenly over the 2 days"),
        ({"period": 2, "periodUnit": "wk"}, "3/2 events a week cannot be read"),
        ({"frequencyMax": 4}, "frequencyMax: a range of frequencies is not one dose"),
        ({"when": ["MORN"]}, "when: events tied to daily events"),
        ({"boundsRange": {}}, "boundsRange: a range of course lengths"),
    ],
)
def test_timings_that_define_no_weekly_dose(change: dict[str, Any], why: str) -> None:
    timing = to_fhir(cc.Schedule(hours_per_day=3, days_per_week=3))
    for key, value in change.items():
        if value is None:
            timing["repeat"].pop(key, None)
        else:
            timing["repeat"][key] = value
    with pytest.raises(FhirMappingError, match=why):
        from_fhir(timing)


def test_a_timing_that_disagrees_with_its_own_sessions() -> None:
    timing = to_fhir(PROGRAM.schedule)
    timing["repeat"]["duration"] = 2
    with pytest.raises(FhirMappingError, match="repeat states 6 h a week but the sessions add"):
        from_fhir(timing)
    assert [f.code for f in validate(timing)] == ["timing-inconsistent"]
    timing = to_fhir(PROGRAM.schedule)
    timing["repeat"]["dayOfWeek"] = ["mon", "tue", "thu"]
    with pytest.raises(FhirMappingError, match="disagrees with the days of the Timing's sessions"):
        from_fhir(timing)


@pytest.mark.parametrize(
    ("resource", "where", "why"),
    [
        (
            to_fhir(cc.Placement(level="IOP", start="2024-01-01")),
            ("type", 0, "coding", 0, "code"),
            "code 'intensive_outpatent' is not in the Continuum of care code system",
        ),
        (
            to_fhir(cc.Placement(level="IOP", start="2024-01-01")),
            ("type", 0, "coding", 0, "system"),
            "is not one of the library's code systems",
        ),
        (
            to_fhir(
                cc.Placement(level="IOP", start="2024-01-01", end="2024-02-01", discharge_reason=1)
            ),
            ("admission", "dischargeDisposition", "coding", 0, "code"),
            "is not a TEDS discharge reason",
        ),
        (
            to_fhir(PROGRAM),
            ("characteristic", 0, "coding", 0, "code"),
            "is not in the library's locator-payment code system",
        ),
        (to_fhir(PROGRAM), ("program", 0, "coding", 0, "code"), "is not registered"),
    ],
)
def test_codes_outside_the_librarys_systems(
    resource: dict[str, Any], where: tuple[Any, ...], why: str
) -> None:
    bad = copy.deepcopy(resource)
    holder = bad
    for key in where[:-1]:
        holder = holder[key]
    old = holder[where[-1]]
    holder[where[-1]] = (
        old.rsplit("/", 1)[0] + "/kontinuum"
        if where[-1] == "system"
        else "intensive_outpatent"
        if old == "intensive_outpatient"
        else "ZZ"
    )
    with pytest.raises(FhirMappingError, match=why):
        from_fhir(bad)
    codes = [f.code for f in validate(bad)]
    assert {"unknown-code", "unknown-code-system"} & set(codes)


def test_wrong_json_types_name_the_element() -> None:
    enc = to_fhir(cc.Placement(level="IOP", start="2024-01-01"))
    enc["actualPeriod"] = ["2024-01-01"]
    with pytest.raises(FhirError, match=r"^Encounter.actualPeriod: must be an object, not an"):
        from_fhir(enc)
    enc = to_fhir(cc.Placement(level="IOP", start="2024-01-01"))
    enc["actualPeriod"]["start"] = 20240101
    with pytest.raises(FhirError, match=r"actualPeriod\.start: must be a string, not a number"):
        from_fhir(enc)
    with pytest.raises(FhirError, match="is not a FHIR date"):
        from_fhir({**enc, "actualPeriod": {"start": "01/01/2024"}})
    with pytest.raises(FhirError, match="a FHIR resource is a JSON object, not list"):
        from_fhir("[1, 2]")


def test_bad_json_text_is_an_invalid_json_error() -> None:
    with pytest.raises(InvalidJsonError, match="repeats the key 'status'"):
        from_fhir('{"resourceType": "Encounter", "status": "x", "status": "y"}')
    with pytest.raises(InvalidJsonError, match="not UTF-8"):
        from_fhir(b'{"resourceType": "\xff"}')
    assert validate("{nope")[0].code == "invalid-json"


def test_arguments_of_the_wrong_type() -> None:
    with pytest.raises(TypeError, match="to_fhir\\(\\) takes a Framework"):
        to_fhir("IOP")
    with pytest.raises(TypeError, match="item 1 is Placement"):
        to_fhir([JOURNEY, JOURNEY.placements[0]])
    with pytest.raises(TypeError, match="from_fhir\\(\\) takes a dict, JSON text"):
        from_fhir(42)
    with pytest.raises(TypeError, match="level_map must be a mapping"):
        from_fhir({"resourceType": "Encounter"}, level_map=["IOP"])  # type: ignore[arg-type]
    with pytest.raises(FhirError, match=r"a key must be 'system\|code'"):
        from_fhir({"resourceType": "Encounter"}, level_map={"AMB": "IOP"})
    with pytest.raises(cc.UnknownLevelError, match="intensive_outpatient"):
        from_fhir({"resourceType": "Encounter"}, level_map={"s|AMB": "intensive outpatent"})
    with pytest.raises(FhirError, match="patient: must be a reference string"):
        to_fhir(JOURNEY, patient="")
    with pytest.raises(TypeError, match="takes FhirSettings"):
        cc.fhir.configure("https://example.org")  # type: ignore[arg-type]


def test_unregistered_levels_and_modalities_are_refused_not_changed() -> None:
    mine = cc.CareLevel(code="x", name="X", framework="nowhere", rank=0, setting="ambulatory")
    with pytest.raises(
        FhirMappingError, match="level 'x' of framework 'nowhere' is not registered"
    ):
        to_fhir(cc.Placement(level=mine, start="2024-01-01"))
    changed = cc.level("IOP").model_copy(update={"name": "Renamed"})
    with pytest.raises(FhirMappingError, match="differs from the registered level"):
        to_fhir(cc.Placement(level=changed, start="2024-01-01"))
    art = cc.Modality(code="art_therapy_x", name="Art therapy", category="experiential")
    program = PROGRAM.model_copy(update={"modalities": (art,)})
    with pytest.raises(FhirMappingError, match="modality 'art_therapy_x' is not registered"):
        to_fhir(program)


@pytest.mark.parametrize("text", ["\u2028", "\x0b\x0c", "bad \ud800 surrogate"])
def test_text_fhir_cannot_carry_is_refused(text: str) -> None:
    with pytest.raises(FhirMappingError, match=r"HealthcareService\.name"):
        to_fhir(PROGRAM.model_copy(update={"name": text}))
    with pytest.raises(FhirMappingError, match=r"identifier\.value"):
        to_fhir(cc.Journey(person_id=text))


def test_a_huge_hostile_string_gives_a_short_message() -> None:
    enc = to_fhir(cc.Placement(level="IOP", start="2024-01-01"))
    enc["status"] = "x" * 1_000_000
    with pytest.raises(FhirMappingError) as err:
        from_fhir(enc)
    assert len(str(err.value)) < 300


# -- fuzz: any change to a valid resource is either read or refused with a clear error -------
def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*prefix, i)))
    return out


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(
        ["R5", "AMB", "IMP", "#schedule", "2024-01-01", f"{BASE}/CodeSystem/continuum"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
_RESOURCES = [
    to_fhir(JOURNEY),
    to_fhir(JOURNEY, release="R4B"),
    to_fhir(PROGRAM),
    to_fhir(PROGRAM, release="R4B"),
    to_fhir(PROGRAM.schedule),
    to_fhir(cc.framework("asam3")),
    to_fhir(cc.crosswalk("asam3", "continuum"), release="R4B"),
    to_fhir(JOURNEY.placements[1], release="R4B"),
]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(_RESOURCES) - 1), data=st.data())
def test_mutated_resources_never_crash(which: int, data: st.DataObject) -> None:
    resource = copy.deepcopy(_RESOURCES[which])
    paths = _paths(resource)[1:]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        holder: Any = resource
        try:
            for key in path[:-1]:
                holder = holder[key]
            if data.draw(st.booleans()) and isinstance(holder, dict):
                holder.pop(path[-1], None)
            else:
                holder[path[-1]] = data.draw(_JSON)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the path
    with contextlib.suppress(FhirError, InvalidJsonError):
        from_fhir(resource)
    findings = validate(resource, release="R5")
    assert all(f.code and f.message for f in findings)
    json.dumps([f.model_dump() for f in findings])
