"""``carecontinuum validate placements.csv``: population.check on a CSV, person and row named."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from carecontinuum.cli import invoke

HEADER = "person_id,level,start,end\n"
# a: overlap at row 1, PHP → outpatient at row 2 (not in the default graph);
# b: a misspelt level at row 3, and row 4 ends before it starts.
ROWS = (
    "a,inpatient_acute,2024-03-01,2024-03-10\n"
    "a,PHP,2024-03-08,2024-03-20\n"
    "a,OP,2024-03-20,2024-04-01\n"
    "b,resdential,2024-04-01,2024-04-10\n"
    "b,IOP,2024-04-10,2024-04-01\n"
)


def _csv(tmp_path: Path, text: str, name: str = "placements.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_problem_names_the_person_and_the_row(tmp_path: Path) -> None:
    result = invoke(["validate", _csv(tmp_path, HEADER + ROWS), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["kind"] == "csv"
    assert [(p["person"], p["row"], p["code"]) for p in report["problems"]] == [
        ("a", 1, "overlap"),
        ("a", 2, "move-not-allowed"),
        ("b", 3, "unknown-level"),
        ("b", 4, "end-before-start"),
    ]
    assert report["problems"][0]["location"] == "row 1 (person 'a', placement 1)"


def test_the_text_report(tmp_path: Path) -> None:
    result = invoke(["validate", _csv(tmp_path, HEADER + ROWS)])
    assert result.exit_code == 1
    flat = " ".join(result.stdout.split())
    assert flat.startswith("Checked as a CSV file of placements:")
    assert "row 4 (person 'b'): error: a placement cannot end (2024-04-01) before it starts" in flat
    assert "Found 4 errors." in flat


def test_the_findings_are_those_of_the_library(tmp_path: Path) -> None:
    import pandas as pd

    from carecontinuum.journeys import population

    path = _csv(tmp_path, HEADER + ROWS[: ROWS.index("b,IOP")])
    expected = population.check(population.read_csv(path))
    report = json.loads(invoke(["validate", path, "--json"]).stdout)
    assert isinstance(expected, pd.DataFrame)
    assert [(p["row"], p["code"], p["message"]) for p in report["problems"]] == list(
        zip(expected["row"], expected["code"].astype(str), expected["message"], strict=True)
    )


def test_max_gap_days_and_kind_apply_to_csv(tmp_path: Path) -> None:
    text = HEADER + "a,PHP,2024-03-01,2024-03-29\na,IOP,2024-04-01,\n"  # 3 days without care
    path = _csv(tmp_path, text, "placements.txt")  # not .csv: needs --kind csv
    as_json = json.loads(invoke(["validate", path, "--json"]).stdout)  # read as JSON: not JSON
    assert [p["code"] for p in as_json["problems"]] == ["json-invalid"]
    found = json.loads(invoke(["validate", path, "--kind", "csv", "--json"]).stdout)
    assert [p["code"] for p in found["problems"]] == ["gap"]
    quiet = invoke(["validate", path, "--kind", "csv", "--max-gap-days", "3", "--json"])
    assert json.loads(quiet.stdout)["problems"] == []


def test_a_good_csv_passes(tmp_path: Path) -> None:
    text = HEADER + "a,inpatient_acute,2024-03-01,2024-03-08\na,PHP,2024-03-08,\n"
    result = invoke(["validate", _csv(tmp_path, text)])
    assert result.exit_code == 0
    assert "OK: no problems found." in result.stdout


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("person,level,start\n1,IOP,2024-01-01\n", "no column(s) 'person_id'"),
        (HEADER + "a,IOP,not a date,\n", "not a date"),
        ("", "cannot read"),
    ],
)
def test_a_csv_that_cannot_be_checked_is_a_one_line_usage_error(
    tmp_path: Path, text: str, words: str
) -> None:
    result = invoke(["validate", _csv(tmp_path, text)])
    assert result.exit_code == 2, result.stdout
    assert words in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_without_pandas_it_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path, HEADER + ROWS)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas → ImportError
    result = invoke(["validate", path])
    assert result.exit_code == 2
    assert "install carecontinuum[dataframe]" in result.stderr
    assert result.stderr.count("\n") == 1
    as_json = invoke(["validate", path, "--json"])
    assert json.loads(as_json.stdout)["error"]["exit_code"] == 2
