"""The files options hand to a command: a rule set, a graph, a program.

Each goes through :func:`~carecontinuum.cli._files.read_text` (missing,
directory, too large, binary, not UTF-8) and the strict JSON reader
(:func:`carecontinuum._json.loads`: repeated keys, deep nesting, huge
integers), then the model.  Any problem is a :class:`UsageError` (exit code
2) whose one line names the file and the problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._text import echo
from ._files import read_text
from ._support import UsageError

if TYPE_CHECKING:
    from ..intensity import RuleSet
    from ..programs import Program

__all__ = ["load_program_file", "load_rules_file", "one_line", "read_json_file"]


def one_line(err: Exception) -> str:
    """What is wrong with a model's input, in one line: the first error, and how many more.

    Raises *err* again when it is not a validation error or one of ours (a bug).
    """
    from pydantic import ValidationError

    from ..errors import CareContinuumError
    from ._problems import problems_from_validation_error

    if isinstance(err, ValidationError):
        problems = problems_from_validation_error(err)
        first = problems[0]
        more = len(problems) - 1
        text = f"{first.location}: {first.message}"
        if more:
            text += f" (and {more} more problem{'s' * (more != 1)})"
    elif isinstance(err, CareContinuumError):
        text = str(err)
    else:
        raise err
    return " ".join(text.split())


def read_json_file(path: str, what: str) -> tuple[str, Any]:
    """The text of JSON file *path* and its data, read strictly; *what* names it in errors."""
    from .._json import loads
    from ..errors import InvalidJsonError

    text = read_text(path, what=what)
    try:
        return text, loads(text, what=f"{what} {echo(path)}")
    except InvalidJsonError as err:
        raise UsageError(" ".join(str(err).split())) from None


def _model_file(path: str, what: str, model: Any) -> Any:
    text, _ = read_json_file(path, what)
    try:
        return model.model_validate_json(text)
    except Exception as err:
        raise UsageError(f"{what} {echo(path)}: {one_line(err)}") from None


def load_rules_file(path: str) -> RuleSet:
    """A custom :class:`~carecontinuum.RuleSet` from a JSON file (its fields as in Python)."""
    from ..intensity import RuleSet

    rules: RuleSet = _model_file(path, "rules file", RuleSet)
    return rules


def load_program_file(path: str) -> Program:
    """A :class:`~carecontinuum.Program` from a JSON file."""
    from ..programs import Program

    program: Program = _model_file(path, "program file", Program)
    return program
