"""The FHIR mapping rules, row by row, each with the source it rests on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import carecontinuum as cc
from carecontinuum import fhir
from carecontinuum.fhir import FhirError, from_fhir, to_fhir

DATA = Path(__file__).parent / "data" / "fhir"
V3 = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
BASE = fhir.DEFAULT_BASE_URL


def _encounter(level: str, release: str, **extra: Any) -> dict[str, Any]:
    return to_fhir(cc.Placement(level=level, start="2024-01-08", **extra), release=release)


def _class(enc: dict[str, Any]) -> str:
    klass = enc["class"]
    return klass[0]["coding"][0]["code"] if isinstance(klass, list) else klass["code"]


# (level, R4B class, R5 class, source)
CLASSES = [
    ("outpatient", "AMB", "AMB", "FHIR"),
    ("intensive_outpatient", "AMB", "AMB", "FHIR"),
    ("partial_hospitalization", "AMB", "AMB", "FHIR"),
    ("residential", "NONAC", "IMP", "FHIR"),
    ("inpatient_acute", "ACUTE", "IMP", "FHIR"),
]


@pytest.mark.parametrize(("level", "r4b", "r5", "source"), CLASSES)
def test_encounter_class_per_level_and_release(level: str, r4b: str, r5: str, source: str) -> None:
    assert source in cc.SOURCES
    assert _class(_encounter(level, "R4B")) == r4b
    assert _class(_encounter(level, "R5")) == r5
    r5_class = _encounter(level, "R5")["class"]
    assert isinstance(r5_class, list)  # R5 class is a list of CodeableConcept [FHIR]
    assert r5_class[0]["coding"][0]["system"] == V3


def test_class_codes_come_from_the_levels_own_data() -> None:
    for lv in cc.default_continuum():
        own = {c.code for c in lv.codes_in("fhir-encounter-class")}
        assert _class(_encounter(lv.code, "R4B")) in own


def test_r5_class_is_always_in_the_r5_value_set() -> None:
    allowed = {"IMP", "AMB", "OBSENC", "EMER", "VR", "HH"}  # [FHIR]
    for fw in cc.list_frameworks():
        for lv in fw:
            assert _class(to_fhir(cc.Placement(level=lv, start="2024-01-01"))) in allowed


# release → (key of the period, status while open, status once ended, discharge holder) [FHIR]
SHAPES = {
    "R4B": ("period", "in-progress", "finished", "hospitalization"),
    "R5": ("actualPeriod", "in-progress", "completed", "admission"),
}


@pytest.mark.parametrize("release", SHAPES)
def test_encounter_shape_per_release(release: str) -> None:
    period, open_, ended, holder = SHAPES[release]
    still = _encounter("IOP", release)
    assert still["status"] == open_
    assert still[period] == {"start": "2024-01-08"}
    done = _encounter("IOP", release, end="2024-02-19", discharge_reason=1)
    assert done["status"] == ended
    assert done[period] == {"start": "2024-01-08", "end": "2024-02-19"}  # discharge date
    coding = done[holder]["dischargeDisposition"]["coding"][0]
    assert coding == {
        "system": f"{BASE}/CodeSystem/teds-reason",
        "code": "1",
        "display": cc.DischargeReason(1).label,  # the library's wording, read not copied
    }


def test_type_holds_the_continuum_level_then_the_framework_level() -> None:
    enc = to_fhir(cc.Placement(level="asam3:2.1", start="2024-01-01"))
    assert [c["coding"][0] for c in enc["type"]] == [
        {
            "system": f"{BASE}/CodeSystem/continuum",
            "code": "intensive_outpatient",
            "display": cc.level("IOP").name,
        },
        {
            "system": f"{BASE}/CodeSystem/asam3",
            "code": "2.1",
            "display": cc.level("2.1", framework="asam3").name,
        },
    ]
    # ASAM3 2-WM maps approximately to IOP and PHP [ASAM3]: no single continuum coding
    two = to_fhir(cc.Placement(level="asam3:2-WM", start="2024-01-01"))
    assert [c["coding"][0]["code"] for c in two["type"]] == ["2-WM"]
    assert _class(two) == "AMB"  # both counterparts are ambulatory [FHIR]


def test_schedule_goes_on_a_contained_service_request() -> None:
    week = cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6)
    enc = _encounter("IOP", "R5", schedule=week)
    assert enc["basedOn"] == [{"reference": "#schedule"}]
    (sr,) = enc["contained"]
    assert sr["resourceType"] == "ServiceRequest"
    assert sr["occurrenceTiming"] == to_fhir(week)


def test_program_is_a_contained_healthcare_service() -> None:
    program = cc.Program(
        name="Day program", level="PHP", schedule=cc.Schedule(hours_per_day=5, days_per_week=5)
    )
    r5 = _encounter("PHP", "R5", program=program)
    assert r5["serviceType"] == [{"reference": {"reference": "#program"}}]
    r4 = _encounter("PHP", "R4B", program=program)
    assert r4["extension"] == [
        {"url": f"{BASE}/StructureDefinition/program", "valueReference": {"reference": "#program"}}
    ]
    for enc in (r4, r5):
        (hs,) = enc["contained"]
        assert hs["resourceType"] == "HealthcareService"
        assert hs["name"] == "Day program"


# the Timing shapes FACTS gives for "3 h/day × 3 days/week × 6 weeks" [FHIR]
def test_timing_of_a_schedule_is_frequency_per_week() -> None:
    timing = to_fhir(cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6))
    assert timing == {
        "repeat": {
            "frequency": 3,
            "period": 1,
            "periodUnit": "wk",
            "duration": 3,
            "durationUnit": "h",
            "boundsDuration": {
                "value": 6,
                "unit": "wk",
                "system": "http://unitsofmeasure.org",
                "code": "wk",
            },
        }
    }


def test_timing_of_a_uniform_week_names_the_days() -> None:
    week = cc.WeeklySchedule(
        sessions=[
            cc.Session(weekday=d, start="18:00", duration="3 h", format="group")
            for d in ("mon", "wed", "fri")
        ],
        weeks=6,
    )
    repeat = to_fhir(week)["repeat"]
    assert {
        k: repeat[k]
        for k in (
            "frequency",
            "period",
            "periodUnit",
            "dayOfWeek",
            "timeOfDay",
            "duration",
            "durationUnit",
        )
    } == {
        "frequency": 1,
        "period": 1,
        "periodUnit": "d",
        "dayOfWeek": ["mon", "wed", "fri"],
        "timeOfDay": ["18:00:00"],
        "duration": 3,
        "durationUnit": "h",
    }


def test_schedule_dates_are_bounds_with_an_inclusive_end() -> None:
    timing = to_fhir(
        cc.Schedule(hours_per_day=3, days_per_week=3, start="2024-01-08", end="2024-02-19")
    )
    # the schedule's end is the day after its 6 weeks; FHIR's Period.end is inclusive
    assert timing["repeat"]["boundsPeriod"] == {"start": "2024-01-08", "end": "2024-02-18"}


def test_episode_of_care_status_period_type_and_patient() -> None:
    journey = cc.Journey(
        person_id=7,
        placements=[
            {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
            {"level": "IOP", "start": "2024-03-29", "end": "2024-05-10"},
        ],
    )
    bundle = to_fhir(journey, patient="Patient/abc")
    assert bundle["type"] == "collection"
    episode = bundle["entry"][0]["resource"]
    assert episode["status"] == "finished"  # [FHIR] EpisodeOfCare.status
    assert episode["period"] == {"start": "2024-03-01", "end": "2024-05-10"}
    assert episode["type"][0]["coding"][0]["code"] == "journey"
    assert episode["patient"]["reference"] == "Patient/abc"
    assert episode["patient"]["identifier"]["value"] == "7"
    for entry in bundle["entry"][1:]:
        enc = entry["resource"]
        assert enc["episodeOfCare"] == [{"reference": bundle["entry"][0]["fullUrl"]}]
        assert enc["subject"] == episode["patient"]
    still = cc.Journey(placements=[{"level": "IOP", "start": "2024-03-29"}])
    assert to_fhir(still)["entry"][0]["resource"]["status"] == "active"
    placeholder = to_fhir(still)["entry"][0]["resource"]["patient"]
    assert set(placeholder) == {"display"}  # a placeholder, not a reference to anyone


# (match kind, R5 relationship, R4B equivalence, source)
RELATIONSHIPS = [
    ("exact", "equivalent", "equivalent", "FHIR"),
    ("approximate", "related-to", "relatedto", "FHIR"),
    ("none", "not-related-to", "unmatched", "FHIR"),
]


@pytest.mark.parametrize(("kind", "r5", "r4b", "source"), RELATIONSHIPS)
def test_concept_map_relationships(kind: str, r5: str, r4b: str, source: str) -> None:
    assert source in cc.SOURCES
    found = False
    for walk in cc.list_crosswalks():
        mappings = [m for m in walk.mappings if m.match.value == kind]
        if not mappings:
            continue
        found = True
        for release, key, word in (("R5", "relationship", r5), ("R4B", "equivalence", r4b)):
            cm = to_fhir(walk, release=release)
            targets = {
                (e["code"], t.get("code", "")): t
                for e in cm["group"][0]["element"]
                for t in e["target"]
            }
            for m in mappings:
                target = targets[(m.source, m.target)]
                assert target[key] == word
                assert target.get("comment", "") == m.lost  # the lost text, from the library
    assert found


def test_teds_6_to_continuum_follows_the_librarys_match_kind() -> None:
    walk = cc.crosswalk("teds", "continuum")
    (mapping,) = [m for m in walk.mappings if m.source == "6"]
    cm = to_fhir(walk)
    (element,) = [e for e in cm["group"][0]["element"] if e["code"] == "6"]
    expected = {"exact": "equivalent", "approximate": "related-to"}[mapping.match.value]
    assert [t["relationship"] for t in element["target"]] == [expected]


def test_code_systems_are_under_the_librarys_base_never_hl7_or_asam() -> None:
    for resource in fhir.terminology():
        url = resource["url"]
        assert url.startswith(BASE + "/"), url
        assert "hl7.org" not in url
        assert "asam" not in url.split("/")[2]
    names = [r["url"].rsplit("/", 1)[-1] for r in fhir.terminology()]
    for code in ("continuum", "asam3", "asam4", "locus", "teds", "teds-reason"):
        assert code in names


def test_the_base_url_is_a_setting_and_an_argument() -> None:
    week = cc.Placement(level="IOP", start="2024-01-01")
    mine = "https://terminology.example.org/bh"
    enc = to_fhir(week, base_url=mine)
    assert enc["type"][0]["coding"][0]["system"] == f"{mine}/CodeSystem/continuum"
    assert from_fhir(enc, base_url=mine) == week
    with pytest.raises(fhir.FhirMappingError, match="'AMB' could be any of") as err:
        from_fhir(enc)  # under the default base, these codes are not the library's
    assert err.value.candidates == ("outpatient", "intensive_outpatient", "partial_hospitalization")
    previous = fhir.configure(base_url=mine)
    try:
        assert from_fhir(enc) == week
        assert to_fhir(week) == enc
    finally:
        fhir.configure(previous)
    assert fhir.settings().base_url == BASE


@pytest.mark.parametrize(
    "url",
    [
        "http://hl7.org/fhir/CodeSystem",
        "https://terminology.hl7.org/x",
        "https://www.asam.org/fhir",
        "ftp://example.org/x",
        "https://example.org/x/",
        "https://example.org/x?y=1",
        "example.org/fhir",
        "https://exa mple.org",
        "",
    ],
)
def test_base_urls_that_are_not_ours_are_refused(url: str) -> None:
    with pytest.raises(FhirError, match="base_url"):
        fhir.configure(base_url=url)
    with pytest.raises(FhirError, match="base_url"):
        to_fhir(cc.Schedule(hours_per_day=1, days_per_week=1), base_url=url)
    assert fhir.settings().base_url == BASE


# the library's constants against HL7's own code systems, vendored from the packages [FHIR]
@pytest.mark.parametrize(("release", "folder"), [("R5", "r5"), ("R4B", "r4")])
def test_status_codes_match_the_official_code_systems(release: str, folder: str) -> None:
    from carecontinuum.fhir._terms import ENCOUNTER_STATUSES, EPISODE_STATUSES

    def codes(name: str) -> tuple[str, ...]:
        cs = json.loads((DATA / folder / f"CodeSystem-{name}.json").read_text(encoding="utf-8"))
        return tuple(c["code"] for c in cs["concept"])

    assert codes("encounter-status") == ENCOUNTER_STATUSES[release]  # type: ignore[index]
    assert codes("episode-of-care-status") == EPISODE_STATUSES


def test_healthcare_service_elements() -> None:
    program = cc.Program(
        name="Evening IOP",
        level="IOP",
        schedule=cc.WeeklySchedule(
            sessions=[
                cc.Session(weekday=d, start="18:00", duration="3 h", format="group", modality="CBT")
                for d in ("mon", "wed", "thu")
            ]
        ),
        modalities=["CBT"],
        payment=["MD"],
        special_groups=["VET"],
        ages={"min_age": 18},
        languages=["Spanish", "Klingon"],
        conditions=["opioid use disorder"],
    )
    r5 = to_fhir(program)
    assert r5["type"][0]["coding"][0]["code"] == "intensive_outpatient"
    assert r5["program"][0]["coding"][0]["code"] == "cognitive_behavioral_therapy"
    assert [c["coding"][0] for c in r5["characteristic"]] == [
        {
            "system": f"{BASE}/CodeSystem/locator-payment",
            "code": "MD",
            "display": cc.Payment.MEDICAID.label,
        },
        {
            "system": f"{BASE}/CodeSystem/locator-special-group",
            "code": "VET",
            "display": cc.SpecialGroup.VETERANS.label,
        },
    ]
    assert r5["communication"] == [  # BCP-47 where known, the words always [BCP47]
        {
            "coding": [{"system": "urn:ietf:bcp:47", "code": "es", "display": "Spanish"}],
            "text": "Spanish",
        },
        {"text": "Klingon"},
    ]
    assert r5["eligibility"][0]["code"] == {"text": "ages 18 and older"}
    assert r5["specialty"] == [{"text": "opioid use disorder"}]
    slots = r5["availability"][0]["availableTime"]
    assert slots[0] == {
        "daysOfWeek": ["mon"],
        "availableStartTime": "18:00:00",
        "availableEndTime": "21:00:00",
    }
    r4 = to_fhir(program, release="R4B")
    assert r4["availableTime"] == slots
    assert "availability" not in r4
    schedule = [e for e in r5["extension"] if e["url"].endswith("/schedule")]
    assert schedule[0]["valueTiming"] == to_fhir(program.schedule)


def test_exported_text_is_plain_json_that_parses() -> None:
    hostile = cc.Program(
        name='"}], "x": {"<script>',
        level="IOP",
        schedule=cc.Schedule(hours_per_day=3, days_per_week=3),
        description="line\nbreak \u2028 and \\ backslash",
    )
    text = json.dumps(to_fhir(hostile), ensure_ascii=False)
    assert json.loads(text)["name"] == hostile.name
    assert from_fhir(text) == hostile
