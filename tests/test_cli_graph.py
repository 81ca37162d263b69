"""``carecontinuum path`` and ``graph``: pathways with rationales, and the exports."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_graph_graphml_parses_and_reads_back_in_networkx() -> None:
    import xml.etree.ElementTree as ET

    import networkx as nx

    result = invoke(["graph", "--format", "graphml"])
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout)
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    back = nx.parse_graphml(result.stdout)
    assert back.number_of_edges() == 17  # every move of the default graph [SEED, TIP47]
    assert back.edges["outpatient", "intensive_outpatient"]["typical"] is True


def _custom_graph_file(tmp_path: Path) -> Path:
    import carecontinuum as cc

    day = cc.default_graph().subgraph(["OP", "PHP"], name="day program")
    day.add_transition("PHP", "OP", typical=True, rationale="example: no IOP nearby")
    path = tmp_path / "day.json"
    path.write_text(json.dumps(day.to_node_link()), encoding="utf-8")
    return path


def test_path_on_a_custom_graph(tmp_path: Path) -> None:
    path = _custom_graph_file(tmp_path)
    result = invoke(["path", "PHP", "OP", "--graph-file", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["levels"] == ["partial_hospitalization", "outpatient"]
    assert data["transitions"][0]["rationale"] == "example: no IOP nearby"
    # the default graph steps down through IOP [SEED, TIP47]
    default = json.loads(invoke(["path", "PHP", "OP", "--json"]).stdout)
    assert default["levels"] == ["partial_hospitalization", "intensive_outpatient", "outpatient"]
    missing = invoke(["path", "PHP", "IOP", "--graph-file", str(path)])
    assert missing.exit_code == 2
    assert "graph 'day program' has no care level 'IOP'" in missing.stderr


@pytest.mark.parametrize(("fmt", "marker"), [("dot", 'digraph "day program"'), ("json", "day")])
def test_graph_of_a_custom_graph(tmp_path: Path, fmt: str, marker: str) -> None:
    path = _custom_graph_file(tmp_path)
    result = invoke(["graph", "--graph-file", str(path), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    assert "residential" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout) == json.loads(path.read_text(encoding="utf-8"))


_DOC = '{"nodes": [], "edges": []}'
BAD_FILES = [
    # (file content, or a marker; words the one-line message must contain)
    ("<missing>", "No such file or directory"),
    ("<directory>", "is a directory"),
    (b"\xff\xfe\x00\x01binary", "binary file"),
    (b'{"nodes": [\xff]}', "not UTF-8"),
    ("", "not valid"),
    ("[" * 5000 + "]" * 5000, "nests deeper than 64 levels"),
    ('{"nodes": [], "nodes": []}', "repeats the key 'nodes'"),
    ('{"nodes": [], "x": ' + "9" * 5000 + "}", "digits"),
    ('{"nodes": [], "graph": {"name": NaN}}', "NaN"),
    ("[1, 2]", "valid dictionary"),
    ('{"edges": []}', "nodes: Field required"),
    ('{"nodes": [{"code": "a"}]}', "nodes[0]: Value error, a node needs an 'id'"),
    (
        '{"nodes": [], "edges": [{"source": "a", "target": "b", "kind": "step_up"}]}',
        "graph 'graph' has no care level 'a'",
    ),
    (_DOC.replace("[]}", '[], "links": [1]}'), "links[0]"),
]


@pytest.mark.parametrize(("content", "words"), BAD_FILES)
@pytest.mark.parametrize("command", [["graph"], ["path", "OP", "IOP"]])
def test_bad_graph_files_are_usage_errors(
    tmp_path: Path, command: list[str], content: str | bytes, words: str
) -> None:
    path = tmp_path / "graph.json"
    if content == "<directory>":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content != "<missing>":
        path.write_text(content, encoding="utf-8")
    result = invoke([*command, "--graph-file", str(path)])
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert words in result.stderr
    assert f"graph file {str(path)!r}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_graph_file_the_text_formats_cannot_carry(tmp_path: Path) -> None:
    import carecontinuum as cc

    level = cc.CareLevel(code="a", name="bell\x07", framework="t", rank=0, setting="ambulatory")
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(cc.ContinuumGraph([level]).to_node_link()), encoding="utf-8")
    for fmt in ("dot", "graphml", "mermaid"):
        result = invoke(["graph", "--graph-file", str(path), "--format", fmt])
        assert result.exit_code == 2
        assert "U+0007" in result.stderr
        assert result.stderr.count("\n") == 1
    assert invoke(["graph", "--graph-file", str(path), "--json"]).exit_code == 0
