"""Under ``--json`` every outcome is JSON on stdout: the result, or ``{"error": ...}``.

The one-line message still goes to stderr, so people and logs see it as without --json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carecontinuum.cli import invoke


def _error(argv: list[str]) -> dict[str, object]:
    result = invoke(argv)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    data = json.loads(result.stdout)
    assert set(data) == {"error"}
    error: dict[str, object] = data["error"]
    assert error["exit_code"] == 2
    assert str(error["message"]) in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    return error


@pytest.mark.parametrize(
    ("argv", "command", "words"),
    [
        (["validate", "--json", "{missing}"], "carecontinuum validate", "No such file"),
        (["validate", "--json", "{dir}"], "carecontinuum validate", "is a directory"),
        (["validate", "--json", "--kind", "episode", "x"], "carecontinuum validate", "episode"),
        (["levels", "--framework", "asam9", "--json"], "carecontinuum levels", "asam9"),
        (
            ["classify", "--hours-per-day", "30", "--days-per-week", "3", "--json"],
            "carecontinuum classify",
            "hours_per_day",
        ),
        (["classify", "--json"], "carecontinuum classify", "--program FILE"),
        (["path", "OP", "nowhere", "--json"], "carecontinuum path", "nowhere"),
        (["frobnicate", "--json"], "carecontinuum", "frobnicate"),
        (["tour", "--json", "--nope"], "carecontinuum", "--nope"),
    ],
)
def test_errors_under_json_are_json(
    tmp_path: Path, argv: list[str], command: str, words: str
) -> None:
    argv = [a.format(missing=tmp_path / "missing.json", dir=tmp_path) for a in argv]
    error = _error(argv)
    assert error["command"] == command
    assert words in str(error["message"])


def test_without_json_errors_stay_off_stdout(tmp_path: Path) -> None:
    result = invoke(["validate", str(tmp_path / "missing.json")])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_json_after_a_double_dash_is_not_the_option(tmp_path: Path) -> None:
    result = invoke(["validate", "--", "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_an_internal_error_under_json_is_json_with_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    from carecontinuum.cli import _levels

    def boom(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(_levels, "run", boom)
    result = invoke(["levels", "--json"])
    assert result.exit_code == 70
    error = json.loads(result.stdout)["error"]
    assert error["exit_code"] == 70
    assert "internal error: RuntimeError: boom" in error["message"]
