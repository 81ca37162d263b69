"""Run the command line in-process and capture what it prints (for tests and notebooks)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CliResult", "invoke"]


@dataclass(frozen=True)
class CliResult:
    """What one command printed, and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """Every line written to stdout and stderr."""
        return self.stdout.splitlines() + self.stderr.splitlines()


def invoke(argv: Sequence[str]) -> CliResult:
    """Run ``carecontinuum`` with *argv* in this process and capture its output.

    Examples
    --------
    >>> from carecontinuum.cli import invoke
    >>> result = invoke(["levels", "--json"])
    >>> result.exit_code
    0
    >>> import json
    >>> json.loads(result.stdout)["levels"][1]["code"]
    'intensive_outpatient'
    >>> invoke(["levels", "--framework", "asam9"]).exit_code
    2
    """
    from ._app import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return CliResult(code, out.getvalue(), err.getvalue())
