"""``carecontinuum validate``: every problem in a journey or program file, with its location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecontinuum.cli import invoke

GOOD_JOURNEY = {
    "person_id": "p1",
    "placements": [
        {"level": "inpatient_acute", "start": "2024-03-01", "end": "2024-03-08"},
        {"level": "PHP", "start": "2024-03-08", "end": "2024-03-29"},
        {"level": "IOP", "start": "2024-03-29"},
    ],
}
BAD_FIELDS = {
    "placements": [
        {"level": "inpatient_acute", "start": "2024-03-01", "end": "2024-03-08"},
        {"level": "PHP", "start": "2024-03-08", "end": "2024-03-01"},
        {"level": "IOP", "start": "2024-03-29", "end": "2024-13-01"},
        {"level": "intensive outpatent", "start": "2024-03-29"},
    ]
}
OVERLAP_AND_GAP = {
    "placements": [
        {"level": "inpatient_acute", "start": "2024-03-01", "end": "2024-03-10"},
        {"level": "PHP", "start": "2024-03-08", "end": "2024-03-29"},
        {"level": "IOP", "start": "2024-04-05"},
    ]
}
GAP_ONLY = {
    "placements": [
        {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
        {"level": "IOP", "start": "2024-04-05"},
    ]
}


def _write(tmp_path: Path, data: object, name: str = "file.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_good_journey_passes(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, GOOD_JOURNEY)])
    assert result.exit_code == 0
    assert result.stdout.startswith("Checked as a journey:")
    assert "OK: no problems found." in result.stdout


def test_every_field_problem_is_listed_with_its_location(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, BAD_FIELDS)])
    assert result.exit_code == 1
    out = result.stdout
    assert "placements[1]: error: a placement cannot end (2024-03-01) before it starts" in out
    assert "placements[2].end: error:" in out
    assert '"2024-13-01"' in out  # the rejected value is shown
    assert "placements[3].level: error:" in out
    assert "did you mean 'intensive_outpatient'" in " ".join(out.split())
    assert "Found 3 errors." in out
    assert "Traceback" not in result.stderr


def test_journey_findings_come_from_the_check(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, OVERLAP_AND_GAP)])
    assert result.exit_code == 1
    assert "placements[1]: error: placement 1 starts 2024-03-08, before placement 0" in (
        result.stdout
    )
    assert "placements[2]: warning: 7 days without care" in result.stdout
    assert "Found 1 error and 1 warning." in result.stdout


def test_warnings_alone_pass_unless_strict(tmp_path: Path) -> None:
    path = _write(tmp_path, GAP_ONLY)
    assert invoke(["validate", path]).exit_code == 0
    assert invoke(["validate", path, "--strict"]).exit_code == 1


def test_json_output(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, OVERLAP_AND_GAP), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["kind"] == "journey"
    assert data["valid"] is False
    assert [(p["location"], p["severity"], p["code"]) for p in data["problems"]] == [
        ("placements[1]", "error", "overlap"),
        ("placements[2]", "warning", "gap"),
    ]
    good = json.loads(invoke(["validate", _write(tmp_path, GOOD_JOURNEY), "--json"]).stdout)
    assert good == {"file": good["file"], "kind": "journey", "valid": True, "problems": []}


def test_broken_json_is_a_finding_with_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"placements": [\n  {"level": "IOP",}\n]}')
    result = invoke(["validate", path])
    assert result.exit_code == 1
    assert "line 2, column 19: error: not valid JSON" in result.stdout
    data = json.loads(invoke(["validate", path, "--json"]).stdout)
    assert data["problems"][0]["code"] == "json-invalid"


def test_kind_can_be_forced(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, {"person_id": 1}), "--kind", "journey"])
    assert result.exit_code == 0  # a journey without placements is valid
    assert result.stdout.startswith("Checked as a journey:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"person_id": 1}, "cannot tell whether the file is a program or a journey"),
        ([1, 2], "pass --kind program or --kind journey"),
    ],
)
def test_undetectable_kind_is_a_usage_error(tmp_path: Path, content: object, message: str) -> None:
    result = invoke(["validate", _write(tmp_path, content)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["validate", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
    assert "No such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_kind_option_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, GOOD_JOURNEY), "--kind", "episode"])
    assert result.exit_code == 2
    assert "invalid choice: 'episode'" in result.stderr


# -- programs ----------------------------------------------------------------------------------
def _program(level: str, hours: object, days: int, **extra: object) -> dict[str, object]:
    schedule = {"hours_per_day": hours, "days_per_week": days}
    return {"name": "Evening IOP", "level": level, "schedule": schedule, **extra}


def test_a_consistent_program_passes(tmp_path: Path) -> None:
    # 3 h/day × 3 days/week = 9 h/week: IOP under ASAM3 adult, floor inclusive [ASAM3]
    path = _write(tmp_path, _program("IOP", 3, 3, modalities=["CBT", "matrix model"]))
    result = invoke(["validate", path])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("Checked as a program:")


def test_a_stated_level_the_schedule_does_not_reach_is_an_error(tmp_path: Path) -> None:
    # 3 h/day × 4 days = 12 h/week: IOP, not PHP (≥ 20 h/week) [ASAM3]
    path = _write(tmp_path, _program("PHP", "180 min", 4))
    result = invoke(["validate", path])
    assert result.exit_code == 1
    flat = " ".join(result.stdout.split())
    assert "level: error: 'Evening IOP' says partial hospitalization, but its schedule" in flat
    assert "12 h/week ≥ 9 h/week" in flat
    data = json.loads(invoke(["validate", path, "--json"]).stdout)
    assert data["kind"] == "program"
    assert data["problems"][0]["code"] == "level-mismatch"


def test_the_rule_set_of_the_level_check_can_be_chosen(tmp_path: Path) -> None:
    # 2 h/day × 4 days = 8 h/week: outpatient for ASAM3 adults, IOP for adolescents [ASAM3]
    path = _write(tmp_path, _program("IOP", 2, 4))
    assert invoke(["validate", path]).exit_code == 1
    assert invoke(["validate", path, "--rules", "asam3-adolescent"]).exit_code == 0
    # Medicare defines no level below 9 h/week: undetermined is a warning [CMS-IOP]
    medicare = invoke(["validate", path, "--rules", "medicare"])
    assert medicare.exit_code == 0
    assert "level: warning:" in medicare.stdout
    assert invoke(["validate", path, "--rules", "medicare", "--strict"]).exit_code == 1
    unknown = invoke(["validate", path, "--rules", "asam-adlt"])
    assert unknown.exit_code == 2
    assert "asam-adlt" in unknown.stderr


def test_program_field_problems_name_their_fields(tmp_path: Path) -> None:
    bad = {
        "name": "",
        "level": "PHPP",
        "schedule": {"hours_per_day": "30 h", "days_per_week": 4},
        "modalities": ["CBTT"],
    }
    result = invoke(["validate", _write(tmp_path, bad)])
    assert result.exit_code == 1
    locations = [
        p["location"]
        for p in json.loads(invoke(["validate", _write(tmp_path, bad), "--json"]).stdout)[
            "problems"
        ]
    ]
    # the schedule union reports only the member the data was meant for
    assert locations == ["name", "level", "schedule.hours_per_day", "modalities[0]"]
    flat = " ".join(result.stdout.split())
    assert "did you mean 'partial_hospitalization'?" in flat
    assert "did you mean 'cognitive_behavioral_therapy'?" in flat
    assert "Found 4 errors." in flat


# -- any file: problems or a clean usage error, never a crash -----------------------------------
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 40)
    | st.text(max_size=12)
    | st.sampled_from(["IOP", "PHP", "2024-03-01", "2024-02-30", "3 h", "CBT"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "placements",
                    "level",
                    "start",
                    "end",
                    "schedule",
                    "name",
                    "hours_per_day",
                    "days_per_week",
                    "modalities",
                    "discharge_reason",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_json)
def test_any_json_gives_problems_or_a_usage_error(tmp_path: Path, data: object) -> None:
    result = invoke(["validate", _write(tmp_path, data), "--json"])
    assert result.exit_code in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code != 2:
        report = json.loads(result.stdout)
        assert report["valid"] is (result.exit_code == 0)
