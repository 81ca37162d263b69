"""FHIR Bulk Data NDJSON: one file per resource type, streamed out and back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.fhir import (
    FhirError,
    FhirMappingError,
    Unmapped,
    read_ndjson,
    to_fhir,
    validate,
    write_ndjson,
)

JOURNEYS = [
    cc.Journey(
        person_id="p1",
        placements=[
            {
                "level": "inpatient_acute",
                "start": "2024-03-01",
                "end": "2024-03-08",
                "discharge_reason": 4,
            },
            {"level": "PHP", "start": "2024-03-08", "end": "2024-03-29"},
            {
                "level": "IOP",
                "start": "2024-03-29",
                "schedule": cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6),
            },
        ],
    ),
    cc.Journey(),
    cc.Journey(person_id=2, placements=[{"level": "asam3:3.7", "start": "2024-01-01"}]),
]
PROGRAM = cc.Program(
    name="Evening IOP", level="IOP", schedule=cc.Schedule(hours_per_day=3, days_per_week=3)
)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_everything_is_written_and_read_back(tmp_path: Path, release: str) -> None:
    items = [
        cc.framework("asam3"),
        cc.crosswalk("asam3", "continuum"),
        PROGRAM,
        *JOURNEYS,
        JOURNEYS[0].placements[1],
    ]
    files = write_ndjson(items, tmp_path, release=release)
    assert {f.resource_type: f.count for f in files} == {
        "CodeSystem": 1,
        "ConceptMap": 1,
        "HealthcareService": 1,
        "EpisodeOfCare": 3,
        "Encounter": 5,
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{f.resource_type}.ndjson" for f in files
    )  # no .part files left
    for f in files:
        for resource in _lines(f.path):
            assert resource["resourceType"] == f.resource_type
            assert validate(resource, release=release) == []
    assert list(read_ndjson(tmp_path)) == items
    assert list(read_ndjson(tmp_path, release=release)) == items


def test_ids_and_references_are_relative_and_positional(tmp_path: Path) -> None:
    write_ndjson(JOURNEYS, tmp_path)
    episodes = _lines(tmp_path / "EpisodeOfCare.ndjson")
    encounters = _lines(tmp_path / "Encounter.ndjson")
    assert [e["id"] for e in episodes] == ["journey-1", "journey-2", "journey-3"]
    assert [e["id"] for e in encounters] == [
        "journey-1-1",
        "journey-1-2",
        "journey-1-3",
        "journey-3-1",
    ]
    assert encounters[3]["episodeOfCare"] == [{"reference": "EpisodeOfCare/journey-3"}]


@st.composite
def _journeys(draw: st.DrawFn) -> cc.Journey:
    import datetime as dt

    levels = draw(
        st.lists(st.sampled_from([lv for fw in cc.list_frameworks() for lv in fw]), max_size=5)
    )
    start = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 900)))
    placements = []
    for i, lv in enumerate(levels):
        days = draw(st.integers(0, 90))
        last = i == len(levels) - 1
        placements.append(
            cc.Placement(
                level=lv,
                start=start,
                end=None if last and draw(st.booleans()) else start + dt.timedelta(days=days),
                discharge_reason=draw(st.sampled_from([None, *cc.DischargeReason])),
            )
        )
        start += dt.timedelta(days=days)
    person = draw(st.none() | st.text(min_size=1, max_size=8).filter(str.strip) | st.integers())
    return cc.Journey(person_id=person, placements=placements)


@pytest.mark.parametrize("release", ["R5", "R4B"])
@settings(
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(journey=_journeys())
def test_the_fast_lines_equal_the_dict_resources(
    tmp_path_factory: pytest.TempPathFactory, release: str, journey: cc.Journey
) -> None:
    out = tmp_path_factory.mktemp("ndjson")
    write_ndjson([journey], out, release=release)
    lines = _lines(out / "Encounter.ndjson") if journey.placements else []
    bundle = to_fhir(journey, release=release)
    expected = [e["resource"] for e in bundle["entry"][1:]]
    episode_url = bundle["entry"][0]["fullUrl"]
    for line, resource in zip(lines, expected, strict=True):
        assert resource["episodeOfCare"] == [{"reference": episode_url}]
        resource["episodeOfCare"] = [{"reference": "EpisodeOfCare/journey-1"}]
        assert line == resource  # the spliced line is the same resource as the dict path
    (episode,) = _lines(out / "EpisodeOfCare.ndjson")
    assert episode == bundle["entry"][0]["resource"]
    assert list(read_ndjson(out)) == [journey]


def test_items_are_streamed_not_collected(tmp_path: Path) -> None:
    seen = []

    def produce() -> Iterator[cc.Journey]:
        for i in range(50):
            seen.append(i)
            yield cc.Journey(person_id=i, placements=[{"level": "IOP", "start": "2024-01-01"}])

    items = produce()
    files = write_ndjson(items, tmp_path)
    assert seen == list(range(50))
    assert next(items, None) is None  # consumed once, in order
    assert {f.resource_type: f.count for f in files} == {"EpisodeOfCare": 50, "Encounter": 50}
    back = read_ndjson(tmp_path)
    assert next(back).person_id == 0  # a lazy iterator, too


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    def produce() -> Iterator[Any]:
        yield JOURNEYS[0]
        yield "not a journey"

    with pytest.raises(TypeError, match=r"items\[1\] is str"):
        write_ndjson(produce(), tmp_path)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(FhirMappingError, match="no visible character"):
        write_ndjson([cc.Journey(person_id="\u2028")], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_existing_files_are_not_overwritten_unless_asked(tmp_path: Path) -> None:
    write_ndjson(JOURNEYS[:1], tmp_path)
    with pytest.raises(FhirError, match=r"Encounter\.ndjson already in"):
        write_ndjson(JOURNEYS[1:], tmp_path)
    assert list(read_ndjson(tmp_path)) == JOURNEYS[:1]
    write_ndjson(JOURNEYS[1:], tmp_path, overwrite=True)
    assert list(read_ndjson(tmp_path)) == JOURNEYS[1:]


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="items must be an iterable"):
        write_ndjson("journeys", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a Timing is a datatype, not a resource"):
        write_ndjson([PROGRAM.schedule], tmp_path)
    with pytest.raises(TypeError, match="overwrite must be True or False"):
        write_ndjson([], tmp_path, overwrite=1)  # type: ignore[arg-type]
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        write_ndjson([], tmp_path / "file")
    with pytest.raises(FileNotFoundError):
        read_ndjson(tmp_path / "missing")


def test_reading_refuses_what_it_cannot_map(tmp_path: Path) -> None:
    (tmp_path / "Patient.ndjson").write_text('{"resourceType": "Patient"}\n')
    with pytest.raises(FhirMappingError, match=r"Patient\.ndjson: carecontinuum reads"):
        read_ndjson(tmp_path)
    (tmp_path / "Patient.ndjson").unlink()
    (tmp_path / "Encounter.ndjson").write_text('{"resourceType": "Patient"}\n')
    with pytest.raises(FhirError, match=r"a 'Patient' in Encounter\.ndjson"):
        list(read_ndjson(tmp_path))
    (tmp_path / "Encounter.ndjson").write_text("[1]\n")
    with pytest.raises(FhirError, match=r"Encounter\.ndjson:1: each line must be"):
        list(read_ndjson(tmp_path))


def test_encounters_must_follow_the_episodes_order(tmp_path: Path) -> None:
    two = [
        cc.Journey(person_id=i, placements=[{"level": "IOP", "start": "2024-01-01"}])
        for i in range(2)
    ]
    write_ndjson(two, tmp_path)
    path = tmp_path / "Encounter.ndjson"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(reversed(lines)) + "\n")
    with pytest.raises(FhirMappingError, match="must follow the episodes' order"):
        list(read_ndjson(tmp_path))
    path.write_text(lines[0].replace("journey-1", "journey-9") + "\n")
    with pytest.raises(FhirMappingError, match=r"EpisodeOfCare/journey-9 is not in"):
        list(read_ndjson(tmp_path))


def test_unmapped_parts_are_collected_when_asked(tmp_path: Path) -> None:
    enc = to_fhir(cc.Placement(level="IOP", start="2024-01-01"))
    enc["id"] = "e1"
    enc["priority"] = {"text": "urgent"}
    (tmp_path / "Encounter.ndjson").write_text(json.dumps(enc) + "\n")
    found: list[Unmapped] = []
    assert list(read_ndjson(tmp_path, unmapped=found)) == [
        cc.Placement(level="IOP", start="2024-01-01")
    ]
    assert [u.value for u in found] == ["priority"]


def test_lines_survive_any_line_splitter(tmp_path: Path) -> None:
    journey = cc.Journey(
        person_id="a\u2028b\x85c\u2029", placements=[{"level": "IOP", "start": "2024-01-01"}]
    )
    write_ndjson([journey], tmp_path)
    for name in ("EpisodeOfCare.ndjson", "Encounter.ndjson"):
        raw = (tmp_path / name).read_bytes()
        assert raw.isascii()
        assert len(raw.decode("ascii").splitlines()) == 1  # str.splitlines splits on U+2028
    assert list(read_ndjson(tmp_path)) == [journey]
