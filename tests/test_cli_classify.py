"""``carecontinuum classify``: a schedule under one or every rule set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import carecontinuum as cc
from carecontinuum.cli import invoke

# (hours/day, days/week, rule set, expected level or None, source)
VERDICTS = [
    ("3", "3", "asam3-adult", "intensive_outpatient", "ASAM3"),  # 9 h/week: the floor, inclusive
    ("180 min", "3", "asam3-adult", "intensive_outpatient", "ASAM3"),
    ("2", "4", "asam3-adult", "outpatient", "ASAM3"),  # 8 h/week < 9
    ("2", "4", "asam3-adolescent", "intensive_outpatient", "ASAM3"),  # 8 ≥ 6
    ("2", "4", "medicare", None, "CMS-IOP"),  # no level below 9 h/week
    ("2", "4", "teds", "intensive_outpatient", "TEDS"),  # ≥ 2 h/day on ≥ 3 days
    ("2", "4", "hcpcs-h0015", None, "HCPCS"),  # < 3 h/day
    ("4", "5", "asam3-adult", "partial_hospitalization", "ASAM3"),  # 20 h/week
    ("4", "5", "medicare", "partial_hospitalization", "CFR-PHP"),  # ≥ 20 h/week
]


@pytest.mark.parametrize(("hours", "days", "rules", "level", "source"), VERDICTS)
def test_classify_one_rule_set(
    hours: str, days: str, rules: str, level: str | None, source: str
) -> None:
    argv = ["classify", "--hours-per-day", hours, "--days-per-week", days, "--rules", rules]
    result = invoke([*argv, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    [verdict] = data["classifications"]
    assert verdict["rule_set"] == rules
    assert verdict["level"] == level, source
    assert source in verdict["sources"]


def test_without_rules_every_rule_set_is_shown_side_by_side() -> None:
    result = invoke(["classify", "--hours-per-day", "2", "--days-per-week", "4"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Schedule: 2 h/day × 4 days/week = 8 h/week")
    for rs in cc.list_rule_sets():
        assert f"\n{rs.id} " in out
    assert "The rule sets disagree" in out
    adult = next(line for line in out.splitlines() if line.startswith("asam3-adult "))
    assert "outpatient" in adult
    assert "8 h/week < 9 h/week" in adult  # [ASAM3]


def test_nine_hours_a_week_is_iop_under_asam3_adult() -> None:
    out = invoke(["classify", "--hours-per-day", "3", "--days-per-week", "3"]).stdout
    row = next(line for line in out.splitlines() if line.startswith("asam3-adult "))
    assert row.split()[1] == "intensive_outpatient"  # inclusive floor [ASAM3]
    assert "The rule sets disagree" not in out


def test_classify_json_covers_every_rule_set() -> None:
    data = json.loads(
        invoke(["classify", "--hours-per-day", "2.5", "--days-per-week", "3", "--json"]).stdout
    )
    assert data["hours_per_week"] == 7.5
    assert data["schedule"]["hours_per_day"] == 2.5
    assert [c["rule_set"] for c in data["classifications"]] == [rs.id for rs in cc.list_rule_sets()]


def test_weeks_are_shown() -> None:
    out = invoke(
        ["classify", "--hours-per-day", "3 h", "--days-per-week", "4", "--weeks", "6"]
    ).stdout
    assert "3 h/day × 4 days/week = 12 h/week, for 6 weeks" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--hours-per-day", "3", "--days-per-week", "3", "--rules", "asam-adlt"], "unknown"),
        (["--hours-per-day", "30", "--days-per-week", "3"], "hours_per_day"),
        (["--hours-per-day", "3 kg", "--days-per-week", "3"], "hours_per_day"),
        (["--hours-per-day", "3", "--days-per-week", "4.5"], "days_per_week"),
        (["--hours-per-day", "3", "--days-per-week", "8"], "days_per_week"),
        (["--hours-per-day", "three", "--days-per-week", "3"], "hours_per_day"),
    ],
)
def test_bad_values_are_usage_errors(argv: list[str], message: str) -> None:
    result = invoke(["classify", *argv])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert all(len(line) <= 80 for line in result.stderr.splitlines()[1:])


# -- any input: a verdict or a clean usage error, never a crash ---------------------------------
_junk = st.one_of(
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-10, 200).map(str),
    st.sampled_from(["3 h", "180 min", "2.5 hours", "3 kg", "1e309", "nan", "-1", "0", "24"]),
)


@settings(max_examples=60, deadline=None)
@given(hours=_junk, days=_junk)
def test_any_input_gives_a_verdict_or_a_usage_error(hours: str, days: str) -> None:
    result = invoke(["classify", f"--hours-per-day={hours}", f"--days-per-week={days}"])
    assert result.exit_code in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        assert "h/week" in result.stdout


@settings(max_examples=40, deadline=None)
@given(hours=st.floats(0.25, 24), days=st.integers(1, 7))
def test_the_cli_agrees_with_the_library(hours: float, days: int) -> None:
    data = json.loads(
        invoke(
            ["classify", "--hours-per-day", repr(hours), "--days-per-week", str(days), "--json"]
        ).stdout
    )
    expected = cc.classify_all(cc.Schedule(hours_per_day=hours, days_per_week=days))
    assert [c["level"] for c in data["classifications"]] == [v.level_code for v in expected]


# -- a program file, and a custom rule set ------------------------------------------------------
EVENING_IOP = {
    "name": "Evening IOP",
    "level": "IOP",
    "schedule": {"hours_per_day": "150 min", "days_per_week": 3},
}
# (rule set, level of 2.5 h/day × 3 days/week = 7.5 h/week, stated IOP matches?, source)
PROGRAM_VERDICTS = [
    ("asam3-adult", "outpatient", "differs", "ASAM3"),  # < 9 h/week
    ("asam3-adolescent", "intensive_outpatient", "matches", "ASAM3"),  # ≥ 6 h/week
    ("medicare", "(none)", "cannot tell", "CMS-IOP"),  # no level below 9 h/week
    ("teds", "intensive_outpatient", "matches", "TEDS"),  # ≥ 2 h/day on ≥ 3 days/week
    ("hcpcs-h0015", "(none)", "cannot tell", "HCPCS"),  # H0015 needs ≥ 3 h/day
]


def _file(tmp_path: Path, data: object, name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_program_file_is_classified_under_every_rule_set(tmp_path: Path) -> None:
    result = invoke(["classify", "--program", _file(tmp_path, EVENING_IOP, "p.json")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Program: Evening IOP, stated level intensive_outpatient"
    assert lines[1] == "Schedule: 2.5 h/day × 3 days/week = 7.5 h/week"
    for rule_set, level, stated, _source in PROGRAM_VERDICTS:
        row = next(line for line in lines if line.startswith(rule_set + " "))
        assert row.split()[1] == level
        assert stated.split()[0] in row
    flat = " ".join(result.stdout.split())
    assert "matches under asam3-adolescent, teds only." in flat


def test_a_program_file_as_json(tmp_path: Path) -> None:
    path = _file(tmp_path, EVENING_IOP, "p.json")
    data = json.loads(invoke(["classify", "--program", path, "--json"]).stdout)
    assert data["program"] == "Evening IOP"
    assert data["stated_level"] == "intensive_outpatient"
    assert data["hours_per_week"] == 7.5
    checks = {c["rule_set"]: c["stated_level_check"] for c in data["classifications"]}
    assert checks == {
        "asam3-adult": "mismatch",
        "asam3-adolescent": "consistent",
        "medicare": "undetermined",
        "teds": "consistent",
        "hcpcs-h0015": "undetermined",
    }
    one = json.loads(invoke(["classify", "--program", path, "--rules", "teds", "--json"]).stdout)
    assert [c["rule_set"] for c in one["classifications"]] == ["teds"]


def test_a_weekly_session_schedule_is_classified_too(tmp_path: Path) -> None:
    sessions = [
        {"weekday": day, "start": "18:00", "duration": "3 h", "format": "group", "modality": "CBT"}
        for day in ("mon", "wed", "thu")
    ]
    program = {"name": "Sessions IOP", "level": "IOP", "schedule": {"sessions": sessions}}
    result = invoke(["classify", "--program", _file(tmp_path, program, "p.json")])
    assert result.exit_code == 0, result.stderr
    assert "Schedule: sessions on 3 days/week = 9 h/week" in result.stdout
    # 9 h/week is IOP under ASAM3 adult, floor inclusive [ASAM3]
    row = next(line for line in result.stdout.splitlines() if line.startswith("asam3-adult "))
    assert row.split()[1:3] == ["intensive_outpatient", "matches"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--program", "{p}", "--days-per-week", "3"], "leave out --hours-per-day"),
        (["--hours-per-day", "3"], "give --hours-per-day H and --days-per-week D"),
        (["--program", "{none}"], "states no schedule to classify"),
        (["--program", "{bad}"], "program file"),
        (["--program", "{p}", "--rules", "teds", "--rules-file", "{p}"], "not allowed with"),
        (["--program", "{p}", "--rules-file", "{p}"], "rules file"),
    ],
)
def test_bad_program_options_are_usage_errors(tmp_path: Path, argv: list[str], words: str) -> None:
    names = {
        "p": _file(tmp_path, EVENING_IOP, "p.json"),
        "none": _file(tmp_path, {"name": "Listed", "level": "IOP"}, "none.json"),
        "bad": _file(tmp_path, {"name": "X", "level": "PHPP"}, "bad.json"),
    }
    result = invoke(["classify", *(a.format(**names) for a in argv)])
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


CUSTOM_RULES = {
    "id": "example-state",
    "name": "Example State IOP rule",
    "population": "adults",
    "tiers": [
        {"level": "intensive_outpatient", "conditions": [{"kind": "weekly_hours", "at_least": 6}]}
    ],
    "below": "outpatient",
}


def test_rules_file_classifies_under_a_custom_rule_set(tmp_path: Path) -> None:
    # the example rule's 6 h/week floor is its own number, not a published one
    rules = _file(tmp_path, CUSTOM_RULES, "rules.json")
    argv = ["classify", "--hours-per-day", "2", "--days-per-week", "3", "--rules-file", rules]
    data = json.loads(invoke([*argv, "--json"]).stdout)
    assert [(c["rule_set"], c["level"]) for c in data["classifications"]] == [
        ("example-state", "intensive_outpatient")
    ]
    below = json.loads(invoke([*argv[:2], "1", *argv[3:], "--json"]).stdout)
    assert below["classifications"][0]["level"] == "outpatient"  # 3 h/week < 6


def test_a_bad_rules_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    bad = {**CUSTOM_RULES, "tiers": []}
    rules = _file(tmp_path, bad, "rules.json")
    result = invoke(
        ["classify", "--hours-per-day", "2", "--days-per-week", "3", "--rules-file", rules]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"rules file {rules!r}: tiers:" in result.stderr
