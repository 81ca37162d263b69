"""``carecontinuum fhir export|import``: exit codes 0 / 1 / 2, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import carecontinuum as cc
from carecontinuum.cli import invoke
from carecontinuum.fhir import from_fhir

DATA = Path(__file__).parent / "data" / "fhir"
JOURNEY = {
    "person_id": "p1",
    "placements": [
        {
            "level": "inpatient_acute",
            "start": "2024-03-01",
            "end": "2024-03-08",
            "discharge_reason": 4,
        },
        {"level": "PHP", "start": "2024-03-08", "end": "2024-03-29"},
        {"level": "IOP", "start": "2024-03-29"},
    ],
}
PROGRAM = {
    "name": "Evening IOP",
    "level": "IOP",
    "schedule": {"hours_per_day": 3, "days_per_week": 3, "weeks": 6},
}


def _write(tmp_path: Path, data: object, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("release", ["R5", "R4B"])
def test_export_prints_fhir_that_reads_back(tmp_path: Path, release: str) -> None:
    result = invoke(["fhir", "export", _write(tmp_path, JOURNEY), "--release", release])
    assert result.exit_code == 0, result.stderr
    bundle = json.loads(result.stdout)
    assert bundle["resourceType"] == "Bundle"
    assert from_fhir(bundle) == cc.Journey.model_validate(JOURNEY)
    program = invoke(["fhir", "export", _write(tmp_path, PROGRAM), "--release", release])
    assert json.loads(program.stdout)["resourceType"] == "HealthcareService"


def test_export_and_import_through_ndjson(tmp_path: Path) -> None:
    out = tmp_path / "bulk"
    listing = invoke(["fhir", "export", _write(tmp_path, [JOURNEY, JOURNEY]), "--ndjson", str(out)])
    assert listing.exit_code == 0, listing.stderr
    assert listing.stdout.splitlines() == [
        f"{out / 'Encounter.ndjson'}  6 Encounter",
        f"{out / 'EpisodeOfCare.ndjson'}  2 EpisodeOfCare",
    ]
    again = invoke(["fhir", "export", _write(tmp_path, [JOURNEY]), "--ndjson", str(out)])
    assert again.exit_code == 2
    assert "pass --overwrite to replace them" in " ".join(again.stderr.split())
    back = invoke(["fhir", "import", str(out)])
    assert back.exit_code == 0, back.stderr
    assert [cc.Journey.model_validate(j) for j in json.loads(back.stdout)] == [
        cc.Journey.model_validate(JOURNEY)
    ] * 2


def test_import_prints_the_librarys_objects_and_notes(tmp_path: Path) -> None:
    exported = invoke(["fhir", "export", _write(tmp_path, JOURNEY)]).stdout
    result = invoke(["fhir", "import", _write(tmp_path, exported, "bundle.json")])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == cc.Journey.model_validate(JOURNEY).model_dump(
        mode="json", exclude_defaults=True
    )
    official = str(DATA / "r4" / "Encounter-f203.json")
    mapped = invoke(
        ["fhir", "import", official, "--map", "http://snomed.info/sct|183807002=inpatient_acute"]
    )
    assert mapped.exit_code == 0
    assert json.loads(mapped.stdout) == {
        "level": "inpatient_acute",
        "start": "2013-03-11",
        "end": "2013-03-20",
    }
    assert "note: not mapped: Encounter.participant" in mapped.stderr


def test_mapping_problems_exit_1_with_the_reason(tmp_path: Path) -> None:
    result = invoke(["fhir", "import", str(DATA / "r5" / "Encounter-f001.json")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "class 'AMB' could be any of" in " ".join(result.stderr.split())
    assert "(candidates: outpatient, intensive_outpatient, partial_hospitalization)" in " ".join(
        result.stderr.split()
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["fhir", "export", "{missing}"], "No such file"),
        (["fhir", "export", "{journey}", "--release", "R9"], "unknown FHIR release 'R9'"),
        (["fhir", "export", "{bad_json}"], "repeats the key"),
        (["fhir", "export", "{bad_model}"], "invalid value: placements[0].level"),
        (["fhir", "export", "{unknown_kind}"], "cannot tell what the file holds"),
        (["fhir", "export", "{journey}", "--base-url", "http://hl7.org/fhir"], "hl7.org"),
        (["fhir", "import", "{journey}"], "needs a 'resourceType'"),
        (["fhir", "import", "{bad_json}"], "repeats the key"),
        (["fhir", "import", "{bundle}", "--map", "nonsense"], "--map takes SYSTEM|CODE=LEVEL"),
        (["fhir", "import", "{bundle}", "--release", "R5x"], "unknown FHIR release"),
        (["fhir"], "usage: carecontinuum fhir"),
    ],
)
def test_bad_input_exits_2_without_a_traceback(
    tmp_path: Path, argv: list[str], message: str
) -> None:
    files = {
        "missing": str(tmp_path / "missing.json"),
        "journey": _write(tmp_path, JOURNEY, "journey.json"),
        "bad_json": _write(tmp_path, '{"a": 1, "a": 2}', "bad.json"),
        "bad_model": _write(
            tmp_path, {"placements": [{"level": "nowhere", "start": "2024"}]}, "model.json"
        ),
        "unknown_kind": _write(tmp_path, {"hello": 1}, "kind.json"),
        "bundle": _write(
            tmp_path,
            invoke(["fhir", "export", str(tmp_path / "journey.json")]).stdout
            if (tmp_path / "journey.json").exists()
            else "{}",
            "bundle.json",
        ),
    }
    result = invoke([a.format(**files) for a in argv])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_help_and_messages_fit_80_columns(tmp_path: Path) -> None:
    for argv in (
        ["fhir", "--help"],
        ["fhir", "export", "--help"],
        ["fhir", "import", "--help"],
        ["fhir", "import", str(DATA / "r5" / "Encounter-f203.json")],
    ):
        result = invoke(argv)
        assert [line for line in result.lines if len(line) > 80] == [], argv


def test_a_real_process_exits_1_for_a_mapping_problem() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "carecontinuum",
            "fhir",
            "import",
            str(DATA / "r4" / "Encounter-home.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "class 'HH' has no level" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_tour_has_a_fhir_section() -> None:
    tour = invoke(["tour"]).stdout
    section = tour[tour.index("8. Exchanging records with EHRs: FHIR") : tour.index("Where next")]
    rows = {
        line.split()[0]: line.split()[1:]
        for line in section.splitlines()
        if line.startswith("  ") and len(line.split()) == 3
    }
    assert rows["residential"] == ["NONAC", "IMP"]  # R4B, R5 [FHIR]
    assert rows["inpatient_acute"] == ["ACUTE", "IMP"]  # [FHIR]
    assert rows["intensive_outpatient"] == ["AMB", "AMB"]  # [FHIR]
    assert "reads back unchanged: yes" in " ".join(section.split())
    assert "carecontinuum fhir export journey.json" in tour
