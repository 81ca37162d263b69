"""``carecontinuum classify``: a schedule under one or every rule set."""

from __future__ import annotations

import json

import pytest

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
