"""FHIR written by others: the official HL7 examples (tests/data/fhir, see ORIGIN.md).

Each either maps to the library's objects or fails with a FhirMappingError
that says why; none ends in a traceback.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import carecontinuum as cc
from carecontinuum.fhir import FhirMappingError, from_fhir, import_fhir, validate

DATA = Path(__file__).parent / "data" / "fhir"
FOLDERS = {"R5": "r5", "R4B": "r4"}
SNOMED = "http://snomed.info/sct"
V3 = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
AMB = f"{V3}|AMB"


def _load(release: str, name: str) -> dict[str, Any]:
    text = (DATA / FOLDERS[release] / f"{name}.json").read_text(encoding="utf-8")
    value: dict[str, Any] = json.loads(text)
    return value


# (file, what the error says, candidates) — the same in both releases unless noted
REFUSED = [
    (
        "Encounter-f001",
        "class 'AMB' could be any of",
        ("outpatient", "intensive_outpatient", "partial_hospitalization"),
    ),
    ("Encounter-home", "class 'HH' has no level in the continuum", ()),
    ("EpisodeOfCare-example", "an EpisodeOfCare alone lists no placements", ()),
    ("HealthcareService-example", "no level: type has no coding", cc.default_continuum().codes),
    ("ServiceRequest-physiotherapy", "durationMax: a range of durations is not one dose", ()),
    ("ServiceRequest-benchpress", "count: a total count of events", ()),
    ("CodeSystem-encounter-status", "is not one of the library's code systems", ()),
    ("ConceptMap-101", "is not one of the library's code systems", ()),
    ("Bundle-bundle-example", "a Bundle without an EpisodeOfCare", ()),
]


@pytest.mark.parametrize("release", ["R5", "R4B"])
@pytest.mark.parametrize(("name", "why", "candidates"), REFUSED, ids=[r[0] for r in REFUSED])
def test_official_examples_that_do_not_map_say_why(
    release: str, name: str, why: str, candidates: tuple[str, ...]
) -> None:
    data = _load(release, name)
    with pytest.raises(FhirMappingError, match=why) as err:
        from_fhir(data)
    assert err.value.candidates == tuple(candidates)
    with pytest.raises(FhirMappingError, match=why):  # the same from the raw bytes
        from_fhir((DATA / FOLDERS[release] / f"{name}.json").read_bytes())


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_the_official_inpatient_encounter_needs_a_level_and_maps_with_one(release: str) -> None:
    data = _load(release, "Encounter-f203")
    with pytest.raises(FhirMappingError, match="IMP") as err:
        from_fhir(data)
    assert err.value.candidates == ("residential", "inpatient_acute")
    stay = f"{SNOMED}|183807002"  # "Inpatient stay for nine days"
    got = import_fhir(data, level_map={stay: "inpatient_acute"})
    assert got.release == release
    assert got.value == cc.Placement(
        level="inpatient_acute", start=dt.date(2013, 3, 11), end=dt.date(2013, 3, 20)
    )
    unmapped = {u.value for u in got.unmapped}
    assert "ServiceRequest/myringotomy" in unmapped  # basedOn a request outside the input
    assert {"participant", "diagnosis"} <= unmapped  # kept in the list, not dropped silently


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_the_official_ambulatory_encounter_with_a_level_map(release: str) -> None:
    data = _load(release, "Encounter-f001")
    with pytest.raises(FhirMappingError, match="no start date"):  # the example has no period
        from_fhir(data, level_map={AMB: "IOP"})
    dated = copy.deepcopy(data)
    # a visit that began and ended on one day; its status says it is finished
    day = {"start": "2013-12-10T09:00:00+01:00", "end": "2013-12-10T11:20:00+01:00"}
    dated["actualPeriod" if release == "R5" else "period"] = day
    placement = from_fhir(dated, level_map={AMB: "IOP"})
    assert placement == cc.Placement(level="IOP", start="2013-12-10", end="2013-12-10")
    unmapped = import_fhir(dated, level_map={AMB: "IOP"}).unmapped
    assert any(u.value == f"{SNOMED}|270427003" for u in unmapped)  # its type coding is kept


def test_the_official_emergency_encounter() -> None:
    r5 = _load("R5", "Encounter-emerg")
    with pytest.raises(FhirMappingError, match="'IMP' could be any of residential"):
        from_fhir(r5)
    r4 = _load("R4B", "Encounter-emerg")
    with pytest.raises(FhirMappingError, match="IMP without ACUTE or NONAC is ambiguous in R4B"):
        from_fhir(r4)
    # derived from the official file (only the class code changed): class EMER itself
    emer = copy.deepcopy(r5)
    emer["class"][0]["coding"][0]["code"] = "EMER"
    with pytest.raises(FhirMappingError, match="class 'EMER' has no level"):
        from_fhir(emer)
    assert from_fhir(emer, level_map={f"{V3}|EMER": "inpatient_acute"}).start == dt.date(2017, 2, 1)


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_official_episode_and_encounter_in_one_bundle(release: str) -> None:
    episode = _load(release, "EpisodeOfCare-example")
    encounter = _load(release, "Encounter-f203")  # its episodeOfCare is EpisodeOfCare/example
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "http://example.org/fhir/EpisodeOfCare/example", "resource": episode},
            {"fullUrl": "http://example.org/fhir/Encounter/f203", "resource": encounter},
        ],
    }
    got = import_fhir(bundle, level_map={f"{SNOMED}|183807002": "inpatient_acute"})
    assert got.value == cc.Journey(
        placements=[cc.Placement(level="inpatient_acute", start="2013-03-11", end="2013-03-20")]
    )
    assert any(u.value == "Patient/example" for u in got.unmapped)  # the patient is reported
    assert any("hacc" in u.value for u in got.unmapped)  # and the episode's own type


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_fhir_resources_models_are_read_with_their_release(release: str) -> None:
    from fhir.resources import get_fhir_model_class as r5_class
    from fhir.resources.R4B import get_fhir_model_class as r4b_class

    get = r5_class if release == "R5" else r4b_class
    data = _load(release, "Encounter-f203")
    model = get("Encounter").model_validate(data)
    level_map = {f"{SNOMED}|183807002": "inpatient_acute"}
    got = import_fhir(model, level_map=level_map)
    assert got.release == release
    assert got.value == from_fhir(data, level_map=level_map)
    other = "R4B" if release == "R5" else "R5"
    with pytest.raises(cc.fhir.FhirError, match=f"release {other} was asked for"):
        from_fhir(model, release=other)


@pytest.mark.parametrize("release", ["R5", "R4B"])
@pytest.mark.parametrize("path", sorted((DATA / "r5").glob("*.json")), ids=lambda p: p.stem)
def test_official_examples_validate_without_structure_errors(release: str, path: Path) -> None:
    findings = validate(_load(release, path.stem), release=release)
    assert [f for f in findings if f.severity == "error"] == []
    # fhir.resources says nothing about Timing doses; the library warns where there is none
    if path.stem.startswith("ServiceRequest"):
        assert [f.code for f in findings] == ["timing-dose"]
