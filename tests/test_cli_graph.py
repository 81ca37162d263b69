"""``carecontinuum path`` and ``graph``: pathways with rationales, and the exports."""

from __future__ import annotations

import json

import pytest

from carecontinuum.cli import invoke

# (from, to, expected levels, source)
PATHS = [
    (
        "inpatient_acute",
        "outpatient",
        ["inpatient_acute", "intensive_outpatient", "outpatient"],
        "SEED, TIP47",
    ),
    ("PHP", "OP", ["partial_hospitalization", "intensive_outpatient", "outpatient"], "SEED, TIP47"),
    ("outpatient", "IOP", ["outpatient", "intensive_outpatient"], "SEED, TIP47"),  # step-up
    ("residential", "intensive outpatient", ["residential", "intensive_outpatient"], "SEED"),
]


@pytest.mark.parametrize(("source", "target", "levels", "cited"), PATHS)
def test_path_json(source: str, target: str, levels: list[str], cited: str) -> None:
    result = invoke(["path", source, target, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["levels"] == levels, cited
    assert [t["source"] for t in data["transitions"]] == levels[:-1]
    assert all(t["rationale"] and t["sources"] for t in data["transitions"])


def test_step_down_path_from_inpatient_acute_ends_at_outpatient() -> None:
    result = invoke(["path", "inpatient_acute", "outpatient"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Step-down pathway from Inpatient acute to Outpatient")
    assert "inpatient_acute → intensive_outpatient → outpatient" in out
    assert "IOP as a step-down from inpatient acute care" in out  # the edge's rationale [SEED]
    assert "[TIP47]" in out


def test_gradual_step_down_visits_every_level() -> None:
    data = json.loads(invoke(["path", "inpatient_acute", "OP", "--gradual", "--json"]).stdout)
    assert data["levels"] == [
        "inpatient_acute",
        "residential",
        "partial_hospitalization",
        "intensive_outpatient",
        "outpatient",
    ]  # [SEED, TIP47]
    assert data["direction"] == "step-down"


def test_step_up_to_iop_gives_the_seed_rationale() -> None:
    out = invoke(["path", "OP", "IOP"]).stdout
    assert "at risk of hospitalization and weekly therapy is not enough" in out  # [SEED]
    assert "(step-up, typical)" in out


def test_same_level_is_no_move() -> None:
    result = invoke(["path", "IOP", "intensive_outpatient"])
    assert result.exit_code == 0
    assert result.stdout == "No moves: intensive_outpatient is both the start and the end.\n"


def test_unknown_level_is_a_usage_error() -> None:
    result = invoke(["path", "inpatient_acute", "outpatent"])
    assert result.exit_code == 2
    assert "outpatent" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("mermaid", "flowchart"), ("dot", "digraph"), ("json", '"nodes"')],
)
def test_graph_formats(fmt: str, marker: str) -> None:
    result = invoke(["graph", "--format", fmt])
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "intensive_outpatient" in result.stdout


def test_graph_json_parses_and_reads_back() -> None:
    import carecontinuum as cc

    for argv in (["graph", "--json"], ["graph", "--format", "json"]):
        data = json.loads(invoke(argv).stdout)
        assert type(cc.default_graph()).from_node_link(data) == cc.default_graph()
