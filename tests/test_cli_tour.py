"""``carecontinuum tour`` and the rules every command follows (80 columns, no tracebacks).

Includes real subprocess runs of ``python -m carecontinuum`` and of the
installed console script.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from carecontinuum.cli import invoke


@pytest.fixture(scope="module")
def tour() -> str:
    result = invoke(["tour"])
    assert result.exit_code == 0
    assert result.stderr == ""
    return result.stdout


def _section(tour: str, title: str) -> str:
    start = tour.index(title)
    end = tour.find("\n\n\n", start)
    rest = tour[start:]
    nxt = [i for i in (rest.find("\n\n" + n) for n in "1234567W") if i > 0]
    return rest[: min(nxt)] if nxt else tour[start:end]


def test_tour_walks_through_every_section(tour: str) -> None:
    for title in (
        "A tour of the continuum of care",
        "1. The levels of care",
        "2. Frameworks that code the levels",
        "3. Modalities",
        "4. Two uses of intensive outpatient care (IOP)",
        "5. How intensive is a schedule?",
        "6. A step-down pathway",
        "7. A journey through the continuum",
        "Where next",
    ):
        assert title in tour
    assert "skipped" not in tour  # every part of the library the tour needs is installed


# (what the tour must say, source)
FACTS = [
    ("IOP is ASAM level 2.1", "ASAM3"),
    ("intensive_outpatient     Intensive", "SEED"),
    ("ASAM Criteria, 4th edition", "ASAM4"),
    ("LOCUS", "LOCUS"),
    ("TEDS service settings", "TEDS"),
    ("2.5 High-Intensity Outpatient → Partial hospitalization (PHP)", "ASAM4"),
    ("Cognitive behavioral therapy (CBT)", "MATCH"),
    ("at risk of hospitalization and weekly therapy is", "SEED"),
    ("IOP as a step-down from inpatient acute care", "SEED"),
    # the step-downs no cited source names are flagged where the tour shows them
    (
        "partial_hospitalization ↓ intensive_outpatient  (step-down, typical,\n     unverified)",
        "TIP47",
    ),
    ("The seed names only the step-downs\ninto IOP", "SEED"),
    ("3 h/day × 3 days/week = 9 h/week", "SEED"),
    ("2.5 h/day × 3", "SEED"),
    ("inpatient_acute → residential → partial_hospitalization → intensive_outpatient", "TIP47"),
]


@pytest.mark.parametrize(("text", "source"), FACTS)
def test_tour_states_the_facts(tour: str, text: str, source: str) -> None:
    assert text in tour, source


def test_tour_step_down_pathway_ends_at_outpatient(tour: str) -> None:
    section = _section(tour, "6. A step-down pathway")
    path_line = next(line for line in section.splitlines() if "→" in line)
    assert path_line.strip().startswith("inpatient_acute →")
    assert "intensive_outpatient ↓ outpatient" in section  # [TIP47]


def test_tour_shows_every_rule_set_for_9_hours_a_week(tour: str) -> None:
    import carecontinuum as cc

    section = _section(tour, "5. How intensive is a schedule?")
    for rule_set in cc.list_rule_sets():
        assert str(getattr(rule_set, "id", rule_set)) in section
    row = next(line.split() for line in section.splitlines() if line.startswith("  asam3-adult "))
    assert row[1] == "intensive_outpatient"  # 9 h/week ≥ the 9 h IOP floor, inclusive [ASAM3]
    assert row[2] == "outpatient"  # 7.5 h/week < 9 [ASAM3]
    teds = next(line.split() for line in section.splitlines() if line.startswith("  teds "))
    assert teds[2] == "intensive_outpatient"  # 2.5 h/day on 3 days ≥ 2 h on ≥ 3 days [TEDS]


def test_tour_journey_lists_its_transitions(tour: str) -> None:
    section = _section(tour, "7. A journey through the continuum")
    # acute → PHP is a step-down no cited source names: the tour says it is unverified
    assert "inpatient_acute ↓ partial_hospitalization (step-down, unverified)" in section
    assert "intensive_outpatient ↓ outpatient (step-down)" in section


def test_tour_is_deterministic() -> None:
    assert invoke(["tour"]).stdout == invoke(["tour"]).stdout


# -- rules for every command -------------------------------------------------------------------
HUMAN_OUTPUT = [
    ["--help"],
    ["tour"],
    ["levels"],
    *(["levels", "--framework", fw] for fw in ("asam3", "asam4", "locus", "teds")),
    ["modalities"],
    ["modalities", "--detail"],
    ["classify", "--hours-per-day", "3", "--days-per-week", "3"],
    ["classify", "--hours-per-day", "180 min", "--days-per-week", "5", "--rules", "asam3-adult"],
    ["path", "inpatient_acute", "outpatient", "--gradual"],
    ["path", "OP", "inpatient_acute"],
    *(["schema", m] for m in ("CareLevel", "Modality", "Schedule", "Journey", "Program")),
]


@pytest.mark.parametrize("argv", HUMAN_OUTPUT, ids=" ".join)
def test_human_output_fits_80_columns(argv: list[str]) -> None:
    # Machine formats (--json, graph --format mermaid/dot/json) are exempt: their lines
    # carry whole JSON strings and DOT attributes that other tools read.
    result = invoke(argv)
    assert result.exit_code == 0, result.stderr
    too_wide = [line for line in result.lines if len(line) > 80]
    assert too_wide == []


# -- real processes ----------------------------------------------------------------------------
def _run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env, check=False)


def _assert_real_tour(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "IOP is ASAM level 2.1" in done.stdout  # [ASAM3]
    assert "inpatient_acute → residential" in done.stdout  # [SEED, TIP47]


def test_python_dash_m_tour() -> None:
    _assert_real_tour(_run([sys.executable, "-m", "carecontinuum", "tour"]))


def test_console_script_tour() -> None:
    script = Path(sys.executable).with_name("carecontinuum")
    assert script.exists(), "the console script is installed next to the interpreter"
    _assert_real_tour(_run([str(script), "tour"]))


def test_console_script_usage_error_exits_2_without_traceback() -> None:
    script = Path(sys.executable).with_name("carecontinuum")
    done = _run(
        [
            str(script),
            "classify",
            "--hours-per-day",
            "3",
            "--days-per-week",
            "3",
            "--rules",
            "asam-adlt",
        ]
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "asam-adlt" in done.stderr


# -- tour --json: the same sections, structured --------------------------------------------------
def test_tour_json_has_every_section_with_its_blocks(tour: str) -> None:
    import json

    result = invoke(["tour", "--json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    sections = json.loads(result.stdout)["sections"]
    assert [s["id"] for s in sections] == [
        "intro",
        "levels",
        "frameworks",
        "modalities",
        "uses-of-iop",
        "intensity",
        "step-down",
        "journey",
        "fhir",
        "next-steps",
    ]
    for section in sections:
        assert section["title"] in tour  # the titles the text prints
        assert section["blocks"]
        assert {b["type"] for b in section["blocks"]} <= {"paragraph", "table", "text"}
    levels = next(s for s in sections if s["id"] == "levels")["blocks"][0]
    assert levels["type"] == "table"
    iop = next(row for row in levels["rows"] if row[0] == "intensive_outpatient")
    assert iop[levels["headers"].index("ASAM3")] == "2.1"  # [ASAM3]
    intensity = next(s for s in sections if s["id"] == "intensity")["blocks"]
    table = next(b for b in intensity if b["type"] == "table")
    verdicts = {row[0]: row[1:] for row in table["rows"]}
    # 9 h/week is IOP for ASAM3 adults; 7.5 h/week is not (< 9 h/week) [ASAM3]
    assert verdicts["asam3-adult"] == ["intensive_outpatient", "outpatient"]


def test_tour_json_paragraphs_are_unwrapped_and_match_the_text(tour: str) -> None:
    import json

    sections = json.loads(invoke(["tour", "--json"]).stdout)["sections"]
    flat_tour = " ".join(tour.split())
    for section in sections:
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                assert "\n" not in block["text"]
                assert " ".join(block["text"].split()) in flat_tour
