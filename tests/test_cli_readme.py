"""The README's "Command line" table: every command, one example each, and the examples work."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from carecontinuum.cli import build_parser, invoke

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
_SECTION = README[README.index("## Command line") :]
_SECTION = _SECTION[: _SECTION.index("\n## ", 1)]
_ROW = re.compile(r"^\| `(?P<synopsis>[^`]+)` \| (?P<examples>[^|]*) \| .* \|$", re.MULTILINE)
ROWS = [
    (m["synopsis"].replace("\\|", "|"), re.findall(r"`([^`]+)`", m["examples"]))
    for m in _ROW.finditer(_SECTION)
]
NEEDS_NO_FILE = {"tour", "levels", "modalities", "path", "graph", "schema"}


def _commands() -> set[str]:
    """Every command and subcommand the parser has (``teds summary``, ``fhir export`` ...)."""
    out: set[str] = set()

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    before = len(out)
                    walk(sub, f"{prefix}{name} ")
                    if len(out) == before:
                        out.add(f"{prefix}{name}")

    walk(build_parser(), "")
    return out


def _command_of(words: list[str]) -> str:
    two = " ".join(words[:2])
    return two if two in _commands() else words[0]


def test_every_row_has_exactly_one_example() -> None:
    assert len(ROWS) >= 12
    for synopsis, examples in ROWS:
        assert len(examples) == 1, synopsis
        assert examples[0].startswith("carecontinuum ")


def test_every_command_and_subcommand_is_in_the_table() -> None:
    listed = {_command_of(synopsis.split()) for synopsis, _ in ROWS}
    assert listed == _commands()


@pytest.mark.parametrize("flag", ["--rules-file", "--graph-file", "--max-gap-days", "--program"])
def test_the_new_flags_are_in_the_table(flag: str) -> None:
    assert any(flag in synopsis for synopsis, _ in ROWS)
    parser_help = {c: invoke([*c.split(), "--help"]).stdout for c in ("validate", "classify")}
    assert any(flag in text for text in parser_help.values())


@pytest.mark.parametrize(("synopsis", "example"), [(s, e[0]) for s, e in ROWS])
def test_each_example_is_a_valid_command_line(synopsis: str, example: str) -> None:
    words = shlex.split(example)[1:]
    assert _command_of(words) == _command_of(synopsis.split())
    args = build_parser().parse_args(words)  # raises (exit 2) on a bad option
    assert callable(args.func)
    if words[0] in NEEDS_NO_FILE:
        result = invoke(words)
        assert result.exit_code == 0, result.stderr
        assert result.stdout
