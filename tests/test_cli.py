"""The command line, run in-process: help, exit codes, levels, modalities and schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from carecontinuum.cli import invoke, main
from carecontinuum.cli._schema import MODELS

COMMANDS = ("tour", "levels", "modalities", "classify", "path", "graph", "validate", "schema")


# -- help and usage ----------------------------------------------------------------------------
def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out
    assert "carecontinuum tour" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: carecontinuum {command}")
    assert all(len(line) <= 80 for line in out.splitlines())


def test_schema_help_lists_the_models() -> None:
    out = invoke(["schema", "--help"]).stdout
    for name in MODELS:
        assert name in out


def test_version() -> None:
    import carecontinuum

    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"carecontinuum {carecontinuum.__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["levels", "--nope"],
        ["classify", "--hours-per-day", "3"],  # --days-per-week missing
        ["graph", "--format", "png"],
        ["validate"],
        ["schema"],
    ],
)
def test_argparse_usage_errors_exit_2(argv: list[str]) -> None:
    result = invoke(argv)
    assert result.exit_code == 2
    assert "usage: carecontinuum" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["levels", "--framework", "asam9"], "unknown framework 'asam9'"),
        (["modalities", "--category", "psycho"], "did you mean 'psychotherapy'?"),
        (["schema", "Jurney"], "unknown model 'Jurney'; did you mean 'Journey'?"),
        (["schema", "Frobnicator"], "known: AgeRange, CareLevel"),
    ],
)
def test_unknown_names_are_one_line_usage_errors(argv: list[str], message: str) -> None:
    result = invoke(argv)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"carecontinuum {argv[0]}: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_startup_does_not_import_heavy_dependencies() -> None:
    code = (
        "import sys\n"
        "from carecontinuum.cli import main\n"
        "assert main(['--help']) == 0\n"
        "heavy = sorted(m for m in ('pint', 'networkx', 'numpy', 'pandas', 'pydantic')\n"
        "               if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "HEAVY []" in done.stderr


# -- levels ------------------------------------------------------------------------------------
# (level code, column, expected cell, source)
LEVEL_FACTS = [
    ("outpatient", "ASAM3", "1", "ASAM3"),
    ("intensive_outpatient", "ASAM3", "2.1", "ASAM3"),
    ("intensive_outpatient", "ASAM4", "2.1", "ASAM4"),
    # TEDS 6 is approximate: TEDS has no PHP code, so PHP-like care is reported as 6 too
    ("intensive_outpatient", "TEDS", "~6", "TEDS"),
    ("partial_hospitalization", "TEDS", "~6", "TEDS"),
    ("partial_hospitalization", "ASAM3", "2.5", "ASAM3"),
    ("outpatient", "TEDS", "7", "TEDS"),
]


def _row(out: str, code: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(code + " "))


@pytest.mark.parametrize(("code", "column", "cell", "source"), LEVEL_FACTS)
def test_levels_table_shows_the_codes(code: str, column: str, cell: str, source: str) -> None:
    result = invoke(["levels"])
    assert result.exit_code == 0
    header = result.stdout.splitlines()[
        next(i for i, line in enumerate(result.stdout.splitlines()) if line.startswith("code "))
    ]
    start = header.index(column)
    assert _row(result.stdout, code)[start:].split()[0] == cell, source


def test_levels_are_listed_least_to_most_intensive() -> None:
    out = invoke(["levels"]).stdout
    order = [
        out.index(f"\n{code} ")
        for code in (
            "outpatient",
            "intensive_outpatient",
            "partial_hospitalization",
            "residential",
            "inpatient_acute",
        )
    ]
    assert order == sorted(order)  # [SEED]


def test_levels_json() -> None:
    data = json.loads(invoke(["levels", "--json"]).stdout)
    assert data["framework"] == "continuum"
    iop = data["levels"][1]
    assert iop["code"] == "intensive_outpatient"
    assert {"system": "asam3", "code": "2.1"}.items() <= iop["codes"][0].items()  # [ASAM3]


def test_levels_of_another_framework_show_the_continuum_counterpart() -> None:
    result = invoke(["levels", "--framework", "asam3"])
    assert result.exit_code == 0
    assert "Intensive Outpatient" in result.stdout
    assert "intensive_outpatient" in _row(result.stdout, "2.1")  # [ASAM3]


# -- modalities --------------------------------------------------------------------------------
def test_modalities_lists_the_catalog() -> None:
    result = invoke(["modalities"])
    assert result.exit_code == 0
    assert "cognitive_behavioral_therapy" in result.stdout


def test_modalities_detail_shows_the_documented_structure() -> None:
    out = invoke(["modalities", "--detail"]).stdout
    cbt = out[out.index("Cognitive behavioral therapy (CBT)\n") :]
    assert "12 sessions; 8 core + 4 elective sessions" in cbt.split("\n\n")[0]  # [MATCH]
    met = out[out.index("Motivational enhancement therapy (MET)\n") :]
    assert "4 sessions" in met.split("\n\n")[0]  # weeks 1, 2, 6, 12 [MATCH]


def test_modalities_by_category() -> None:
    result = invoke(["modalities", "--category", "Psychotherapy"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()[2:]
    assert any(r.startswith("cognitive_behavioral_therapy") for r in rows)
    data = json.loads(invoke(["modalities", "-c", "psychotherapy", "--json"]).stdout)
    assert {m["category"] for m in data} == {"psychotherapy"}


# -- schema ------------------------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELS)
def test_schema_of_every_model(model: str) -> None:
    readable = invoke(["schema", model])
    assert readable.exit_code == 0, readable.stderr
    assert readable.stdout.startswith(model)
    schema = json.loads(invoke(["schema", model.lower(), "--json"]).stdout)
    assert schema["title"] == model
    # an object schema, or (QuantityRange) an object or its text form
    objects = [schema] if "properties" in schema else schema["anyOf"]
    assert any("properties" in form for form in objects)
    if model == "QuantityRange":
        assert "low" in readable.stdout  # the readable view shows the object form's fields


def test_schema_shows_required_fields_and_units() -> None:
    out = invoke(["schema", "Schedule"]).stdout
    row = next(line for line in out.splitlines() if line.startswith("hours_per_day "))
    assert "quantity in hour / day" in row
    assert "yes" in row


# -- errors that are not the user's ------------------------------------------------------------
def _boom(args: object) -> int:
    raise RuntimeError("kaboom")


def test_an_internal_error_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from carecontinuum.cli import _levels

    monkeypatch.delenv("CARECONTINUUM_TRACEBACK", raising=False)
    monkeypatch.setattr(_levels, "run", _boom)
    result = invoke(["levels"])
    assert result.exit_code == 70
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "CARECONTINUUM_TRACEBACK=1" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_traceback_can_be_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    from carecontinuum.cli import _levels

    monkeypatch.setenv("CARECONTINUUM_TRACEBACK", "1")
    monkeypatch.setattr(_levels, "run", _boom)
    with pytest.raises(RuntimeError, match="kaboom"):
        invoke(["levels"])


def test_a_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    from carecontinuum.cli import _levels

    def closed(args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(_levels, "run", closed)
    result = invoke(["levels"])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_schema_knows_every_public_model() -> None:
    from pydantic import BaseModel

    import carecontinuum as cc

    public = {
        name
        for name in cc.__all__
        if isinstance(obj := getattr(cc, name), type) and issubclass(obj, BaseModel)
    }
    assert public == set(MODELS)


def test_schema_knows_every_model_it_lists() -> None:
    from carecontinuum.cli._schema import MODELS, models

    found = models()
    assert set(found) == set(MODELS)
    for name, model in found.items():
        assert model.__name__ == name
        assert model is getattr(__import__("carecontinuum"), name, model)
