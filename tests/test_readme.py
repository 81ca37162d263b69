"""The README's commands and quickstart stay true.

The ```python blocks are executed as they stand; the first commands block must
stay the two set-up-and-run commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import carecontinuum as cc

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BLOCKS = [(lang, body) for lang, body in _FENCE.findall(README)]
PYTHON = [body for lang, body in BLOCKS if lang == "python"]


def test_the_first_block_is_the_two_set_up_and_run_commands() -> None:
    lang, body = BLOCKS[0]
    assert lang == "bash"
    assert body.splitlines() == [
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/carecontinuum tour",
        "bash scripts/check",
    ]


def test_the_commands_point_at_things_that_exist() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'carecontinuum = "carecontinuum.cli:main"' in pyproject
    assert (ROOT / "scripts" / "check").is_file()


def test_the_quickstart_is_about_twenty_lines() -> None:
    assert len(PYTHON) >= 1
    code_lines = [ln for ln in PYTHON[0].splitlines() if ln.strip() and not ln.startswith("#")]
    assert 12 <= len(code_lines) <= 30


@pytest.fixture
def clean_registry() -> Iterator[None]:
    before = {m.code for m in cc.list_modalities()}
    yield
    for m in cc.list_modalities():
        if m.code not in before:
            cc.unregister_modality(m.code)


@pytest.mark.usefixtures("clean_registry")
@pytest.mark.parametrize("index", range(len(PYTHON)))
def test_python_blocks_run(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(PYTHON[index], f"README.md[python {index}]", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    if index == 0:  # the quickstart prints real facts
        assert "Intensive outpatient (IOP) = ASAM 2.1" in out  # [ASAM3]
        assert "  asam3-adult        outpatient\n" in out  # 7.5 h/week < 9 [ASAM3]
        assert "  teds               intensive_outpatient\n" in out  # [TEDS]
        assert "  medicare           (no level)\n" in out  # [CMS-IOP]
        assert "inpatient_acute →" in out
        assert out.rstrip().endswith("outpatient")


def test_readme_links_the_docs_and_examples() -> None:
    for target in ("docs/", "examples/", "examples/plugin/"):
        assert f"]({target})" in README
    for extra in ("`plot`", "`dataframe`", "`docs`"):
        assert extra in README
    assert "carecontinuum.SOURCES" in README


CONSOLE = [body for lang, body in BLOCKS if lang == "console"]


@pytest.mark.parametrize("index", range(len(CONSOLE)))
def test_console_examples_show_the_real_output(index: int) -> None:
    import shlex

    from carecontinuum.cli import invoke

    command, *expected = CONSOLE[index].splitlines()
    assert command.startswith("$ carecontinuum ")
    result = invoke(shlex.split(command)[2:])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected


def test_there_is_a_console_example() -> None:
    assert len(CONSOLE) >= 1
