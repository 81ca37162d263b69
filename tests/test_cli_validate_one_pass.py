"""``carecontinuum validate`` reports everything in one pass (issue 11 §3, §4).

A bad level must not hide the overlap, the impossible move and the
end-before-start date: field errors and journey findings come together, each
with its location, every code in one kebab-case style.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import carecontinuum as cc
from carecontinuum.cli import invoke
from carecontinuum.cli._codes import CODES, problem_code

# placement 0 → 1 overlap (1 starts 03-08, 0 ends 03-10); 1 → 2 is PHP → outpatient, a move
# the default graph does not have; 3 has a misspelt level; 4 ends before it starts.
FOUR_PROBLEMS = {
    "person_id": "p1",
    "placements": [
        {"level": "inpatient_acute", "start": "2024-03-01", "end": "2024-03-10"},
        {"level": "PHP", "start": "2024-03-08", "end": "2024-03-20"},
        {"level": "OP", "start": "2024-03-20", "end": "2024-04-01"},
        {"level": "resdential", "start": "2024-04-01", "end": "2024-04-10"},
        {"level": "IOP", "start": "2024-04-10", "end": "2024-04-01"},
    ],
}


def _write(tmp_path: Path, data: object, name: str = "file.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def _problems(tmp_path: Path, data: object, *options: str) -> list[dict[str, object]]:
    result = invoke(["validate", _write(tmp_path, data), "--json", *options])
    assert result.exit_code in (0, 1), result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)["problems"]
    return problems


def test_the_move_used_is_one_the_default_graph_lacks() -> None:
    moves = {(t.source, t.target) for t in cc.default_graph().transitions}
    assert ("partial_hospitalization", "outpatient") not in moves
    assert ("inpatient_acute", "partial_hospitalization") in moves


def test_four_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, FOUR_PROBLEMS), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = [(p["location"], p["code"]) for p in report["problems"]]
    assert found == [
        ("placements[1]", "overlap"),
        ("placements[2]", "move-not-allowed"),
        ("placements[3].level", "unknown-level"),
        ("placements[4]", "end-before-start"),
    ]
    assert report["unchecked"] == [
        "moves, overlaps and gaps next to placement(s) 3, 4, which did not validate"
    ]


def test_the_text_report_lists_all_four_with_locations(tmp_path: Path) -> None:
    result = invoke(["validate", _write(tmp_path, FOUR_PROBLEMS)])
    assert result.exit_code == 1
    flat = " ".join(result.stdout.split())
    assert "placements[1]: error: placement 1 starts 2024-03-08, before placement 0 ends" in flat
    assert "placements[2]: error: placement 1 → 2: graph 'continuum' has no move from" in flat
    assert "placements[3].level: error: unknown care level" in flat
    assert "placements[4]: error: a placement cannot end (2024-04-01) before it starts" in flat
    assert "Not checked: moves, overlaps and gaps next to placement(s) 3, 4" in flat
    assert "Found 4 errors." in flat


def test_findings_after_an_invalid_placement_keep_the_file_numbering(tmp_path: Path) -> None:
    doc = {
        "placements": [
            {"level": "IOP", "start": "2024-01-01", "end": "2024-01-02", "schedule": 3},
            {"level": "inpatient_acute", "start": "2024-02-01", "end": "2024-02-10"},
            {"level": "OP", "start": "2024-02-05"},
        ]
    }
    result = invoke(["validate", _write(tmp_path, doc), "--json"])
    problems = json.loads(result.stdout)["problems"]
    assert [(p["location"], p["code"]) for p in problems][1:] == [
        ("placements[2]", "overlap"),
        ("placements[2]", "move-not-allowed"),
    ]
    assert problems[0]["location"].startswith("placements[0].schedule")
    assert "placement 2 starts 2024-02-05, before placement 1 ends" in problems[1]["message"]


def test_no_finding_is_invented_across_an_invalid_placement(tmp_path: Path) -> None:
    # 0 (inpatient) and 2 (outpatient) are not adjacent: the invalid 1 sits between them
    doc = {
        "placements": [
            {"level": "inpatient_acute", "start": "2024-01-01", "end": "2024-01-10"},
            {"level": "nowhere", "start": "2024-01-10", "end": "2024-02-01"},
            {"level": "OP", "start": "2024-03-01"},
        ]
    }
    assert [p["code"] for p in _problems(tmp_path, doc)] == ["unknown-level"]


def test_a_valid_journey_gives_the_same_findings_as_the_library(tmp_path: Path) -> None:
    doc = {"placements": FOUR_PROBLEMS["placements"][:3]}  # type: ignore[index]
    expected = [(f"placements[{f.location}]", f.code) for f in cc.Journey(**doc).check()]
    assert [(p["location"], p["code"]) for p in _problems(tmp_path, doc)] == expected
    assert expected == [("placements[1]", "overlap"), ("placements[2]", "move-not-allowed")]


def test_a_program_with_a_bad_modality_still_has_its_level_checked(tmp_path: Path) -> None:
    # 3 h/day × 4 days = 12 h/week: IOP, not PHP (≥ 20 h/week), under ASAM3 adult [ASAM3]
    doc = {
        "name": "Lite PHP",
        "level": "PHP",
        "schedule": {"hours_per_day": 3, "days_per_week": 4},
        "modalities": ["CBTT"],
    }
    problems = _problems(tmp_path, doc)
    assert [(p["location"], p["code"]) for p in problems] == [
        ("modalities[0]", "unknown-modality"),
        ("level", "level-mismatch"),
    ]


def test_a_program_whose_level_is_bad_says_the_level_check_was_skipped(tmp_path: Path) -> None:
    doc = {"name": "X", "level": "PHPP", "schedule": {"hours_per_day": 3, "days_per_week": 4}}
    report = json.loads(invoke(["validate", _write(tmp_path, doc), "--json"]).stdout)
    assert [p["location"] for p in report["problems"]] == ["level"]
    assert report["unchecked"] == ["the stated level against the schedule"]


# -- one code style -----------------------------------------------------------------------
_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("placement_dates", "end-before-start"),
        ("unknown_level", "unknown-level"),
        ("move-not-allowed", "move-not-allowed"),
        ("extra_forbidden", "extra-forbidden"),
        ("Weird Type!", "invalid-value"),
    ],
)
def test_codes_are_mapped_to_one_kebab_case_style(raw: str, code: str) -> None:
    assert problem_code(raw) == code


def test_every_documented_code_is_kebab_case_and_in_the_help() -> None:
    from carecontinuum.journeys._check import FINDING_ORDER

    assert all(_KEBAB.match(code) for code in CODES)
    assert set(FINDING_ORDER) <= set(CODES)  # every journey finding is documented
    help_text = invoke(["validate", "--help"]).stdout
    for code in CODES:
        assert f"  {code}: " in help_text


def test_every_code_in_a_report_is_kebab_case(tmp_path: Path) -> None:
    bad = {
        "name": "",
        "level": "PHPP",
        "schedule": {"hours_per_day": "30 h", "days_per_week": 4},
        "modalities": ["CBTT"],
        "surprise": 1,
    }
    codes = [p["code"] for p in _problems(tmp_path, bad)]
    assert "extra-forbidden" in codes
    assert all(_KEBAB.match(str(c)) for c in codes), codes
    assert all(_KEBAB.match(str(p["code"])) for p in _problems(tmp_path, FOUR_PROBLEMS))


# -- --max-gap-days, --graph-file, --rules-file -------------------------------------------------
GAP_OF_THREE = {
    "placements": [
        {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
        {"level": "IOP", "start": "2024-04-01"},
    ]
}


def test_max_gap_days_sets_the_gap_tolerance(tmp_path: Path) -> None:
    assert [p["code"] for p in _problems(tmp_path, GAP_OF_THREE)] == ["gap"]  # 3 days > 1
    assert _problems(tmp_path, GAP_OF_THREE, "--max-gap-days", "3") == []
    assert [p["code"] for p in _problems(tmp_path, GAP_OF_THREE, "--max-gap-days", "2")] == ["gap"]


@pytest.mark.parametrize("value", ["-1", "1.5", "x", "9" * 30, ""])
def test_a_bad_max_gap_days_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = invoke(["validate", _write(tmp_path, GAP_OF_THREE), "--max-gap-days", value])
    assert result.exit_code == 2
    assert "--max-gap-days" in result.stderr


def test_the_help_default_gap_is_the_library_default() -> None:
    from carecontinuum.cli._validate import HELP_MAX_GAP_DAYS
    from carecontinuum.journeys._check import DEFAULT_MAX_GAP_DAYS

    assert HELP_MAX_GAP_DAYS == DEFAULT_MAX_GAP_DAYS


def _small_graph(tmp_path: Path) -> str:
    """The default graph without the step-down from PHP to IOP."""
    data = cc.default_graph().to_node_link()
    data["edges"] = [
        e
        for e in data["edges"]
        if (e["source"], e["target"]) != ("partial_hospitalization", "intensive_outpatient")
    ]
    return _write(tmp_path, data, "graph.json")


def test_graph_file_checks_moves_against_that_graph(tmp_path: Path) -> None:
    doc = {
        "placements": [
            {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
            {"level": "IOP", "start": "2024-03-29"},
        ]
    }
    assert _problems(tmp_path, doc) == []
    found = _problems(tmp_path, doc, "--graph-file", _small_graph(tmp_path))
    assert [(p["location"], p["code"]) for p in found] == [("placements[1]", "move-not-allowed")]


def test_graph_file_reports_a_level_the_graph_lacks(tmp_path: Path) -> None:
    data = cc.default_graph().to_node_link()
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "residential"]
    data["edges"] = [e for e in data["edges"] if "residential" not in (e["source"], e["target"])]
    graph = _write(tmp_path, data, "graph.json")
    doc = {"placements": [{"level": "residential", "start": "2024-03-01"}]}
    found = _problems(tmp_path, doc, "--graph-file", graph)
    assert [(p["location"], p["code"]) for p in found] == [("placements[0]", "unknown-level")]


RULES = {
    "id": "example-state",
    "name": "Example State IOP rule",
    "population": "adults",
    "tiers": [
        {"level": "intensive_outpatient", "conditions": [{"kind": "weekly_hours", "at_least": 6}]}
    ],
    "below": "outpatient",
}


def test_rules_file_checks_a_programs_level_under_a_custom_rule_set(tmp_path: Path) -> None:
    # 2 h/day × 4 days = 8 h/week: outpatient under ASAM3 adult (< 9 h/week) [ASAM3];
    # IOP under the custom rule (≥ 6 h/week, the example's own number, not a published one)
    program = {"name": "P", "level": "IOP", "schedule": {"hours_per_day": 2, "days_per_week": 4}}
    assert [p["code"] for p in _problems(tmp_path, program)] == ["level-mismatch"]
    rules = _write(tmp_path, RULES, "rules.json")
    assert _problems(tmp_path, program, "--rules-file", rules) == []


def test_rules_and_rules_file_exclude_each_other(tmp_path: Path) -> None:
    rules = _write(tmp_path, RULES, "rules.json")
    result = invoke(["validate", rules, "--rules", "teds", "--rules-file", rules])
    assert result.exit_code == 2
    assert "not allowed with argument" in result.stderr
