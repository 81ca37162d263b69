"""``carecontinuum validate FILE``: check a program or journey JSON file.

Each problem is printed with its location: a JSON line and column for a
syntax error, a field path such as ``placements[2].end`` for a value the
model rejects, and a placement for a journey finding (an impossible move, an
overlap, a gap).  Exit code 1 when errors are found (or warnings, with
``--strict``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .._json import loads
from ..errors import InvalidJsonError
from ._files import read_text
from ._render import dumps, paragraph
from ._support import EXIT_FINDINGS, EXIT_OK, HelpFormatter, UsageError, emit

__all__ = [
    "KINDS",
    "Problem",
    "add_parser",
    "detect_kind",
    "format_location",
    "problems_from_validation_error",
    "run",
]

#: File kind → the model that reads it.
KINDS: dict[str, str] = {"program": "Program", "journey": "Journey"}
"""The kinds of file ``validate`` reads, and the model each is."""
_MAX_INPUT = 40


@dataclass(frozen=True)
class Problem:
    """One problem in a checked file."""

    location: str
    message: str
    severity: str = "error"
    code: str = ""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        formatter_class=HelpFormatter,
        help="check a program or journey JSON file and list its problems",
        description="Check a program or journey JSON file: JSON syntax, every field against "
        "the model (its location, value and the rule broken) and, for a journey, each "
        "move against the transition graph. The kind is detected from the content "
        "('placements' → journey; 'schedule' or 'level' → program) unless --kind is given. "
        "A program's stated level is checked against what its schedule classifies to. "
        "Exit code 1 when errors are found.",
    )
    parser.add_argument("file", metavar="FILE", help="path of the JSON file")
    parser.add_argument("--kind", choices=sorted(KINDS), help="skip detection: the file's kind")
    parser.add_argument(
        "--rules",
        metavar="ID",
        default="asam3-adult",
        help="for a program: the rule set its stated level is checked under (default: asam3-adult)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as problems too (exit code 1)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def detect_kind(data: Any) -> str | None:
    """``"journey"``, ``"program"`` or ``None`` judging by the top-level keys.

    >>> detect_kind({"placements": []}), detect_kind({"level": "IOP"}), detect_kind([])
    ('journey', 'program', None)
    """
    if not isinstance(data, dict):
        return None
    if "placements" in data:
        return "journey"
    if {"schedule", "level", "modalities"} & set(data):
        return "program"
    return None


def format_location(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a path: ``('placements', 2, 'end')`` → ``placements[2].end``.

    >>> format_location(("placements", 2, "end"))
    'placements[2].end'
    >>> format_location(())
    '(top level)'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _shown_input(value: Any) -> str:
    if isinstance(value, dict | list):
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > _MAX_INPUT:
        text = text[: _MAX_INPUT - 1] + "…"
    return f" (got {text})"


def _with_input(message: str, value: Any) -> str:
    """The message, plus the rejected value unless the message already shows it."""
    shown = isinstance(value, str) and value in message
    return message if shown or "got " in message else message + _shown_input(value)


_TYPE_TAGS = frozenset({"str", "int", "float", "bool", "none", "date", "datetime", "list", "dict"})


def _is_member_tag(part: int | str) -> bool:
    """Whether a location part names a union member (``Schedule``, ``function-after[...]``)."""
    if not isinstance(part, str) or not part:
        return False
    return part[0].isupper() or part in _TYPE_TAGS or any(c in part for c in "[]()-")


def prune_union_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep, for each union field, only the errors of the member that came closest.

    Pydantic reports a failed union once per member (``schedule.Schedule.x``
    and ``schedule.WeeklySchedule.y``); the member with the fewest errors is
    almost always the one meant.  Its errors are kept, without the member tag.

    >>> errs = [{"loc": ("schedule", "Schedule", "hours_per_day"), "msg": "too many"},
    ...         {"loc": ("schedule", "WeeklySchedule", "sessions"), "msg": "missing"},
    ...         {"loc": ("schedule", "WeeklySchedule", "hours_per_day"), "msg": "extra"}]
    >>> [(e["loc"], e["msg"]) for e in prune_union_errors(errs)]
    [(('schedule', 'hours_per_day'), 'too many')]
    """
    groups: dict[tuple[int | str, ...], dict[int | str, list[int]]] = {}
    for n, err in enumerate(errors):
        loc = tuple(err["loc"])
        at = next((i for i, part in enumerate(loc) if _is_member_tag(part)), None)
        if at is not None:
            groups.setdefault(loc[:at], {}).setdefault(loc[at], []).append(n)
    if not groups:
        return errors
    chosen: dict[int, tuple[int | str, ...]] = {}
    dropped: set[int] = set()
    for prefix, members in groups.items():
        best = min(members.values(), key=len)
        for indices in members.values():
            if indices is not best:
                dropped.update(indices)
        for n in best:
            loc = tuple(errors[n]["loc"])
            chosen[n] = loc[: len(prefix)] + loc[len(prefix) + 1 :]
    out = [
        {**err, "loc": chosen.get(n, err["loc"])}
        for n, err in enumerate(errors)
        if n not in dropped
    ]
    return prune_union_errors(out)  # a member's own fields may hold a union too


def problems_from_validation_error(exc: Any) -> list[Problem]:
    """One :class:`Problem` per error in a pydantic ``ValidationError`` (unions pruned)."""
    return [
        Problem(
            location=format_location(err["loc"]),
            message=_with_input(str(err["msg"]), err.get("input")),
            code=str(err["type"]),
        )
        for err in prune_union_errors(list(exc.errors(include_url=False)))
    ]


def _from_findings(findings: Iterable[Any], kind: str) -> list[Problem]:
    out = []
    for f in findings:
        where = f.location
        if where is None:
            location = "(top level)"
        elif isinstance(where, int) and kind == "journey":
            location = f"placements[{where}]"
        else:
            location = str(where)
        out.append(Problem(location, f.message, f.severity, f.code))
    return out


def check_text(
    text: str, kind: str | None, rules: str = "asam3-adult"
) -> tuple[str | None, list[Problem]]:
    """Check JSON *text*; return the kind it was read as and the problems found.

    A program's stated level is compared with what its schedule classifies to
    under the rule set *rules*.
    """
    from pydantic import ValidationError

    from .. import Journey, Program, default_graph

    try:
        data = loads(text, what="the file")
    except InvalidJsonError as exc:
        if exc.kind not in ("syntax", "duplicate-key"):
            raise UsageError(str(exc)) from None  # hostile structure: refused outright
        where = f"line {exc.line}, column {exc.column}" if exc.line else "(top level)"
        return kind, [Problem(where, f"not valid JSON: {exc.detail}", code="json-invalid")]
    kind = kind or detect_kind(data)
    if kind is None:
        raise UsageError(
            "cannot tell whether the file is a program or a journey "
            "(a journey has 'placements'; a program has 'level' and 'schedule'); "
            "pass --kind program or --kind journey"
        )
    try:
        if kind == "journey":
            journey = Journey.model_validate_json(text)
        else:
            program = Program.model_validate_json(text)
    except ValidationError as exc:
        return kind, problems_from_validation_error(exc)
    if kind == "journey":
        return kind, _from_findings(journey.check(default_graph()), kind)
    return kind, _program_problems(program, rules)


def _program_problems(program: Any, rules: str) -> list[Problem]:
    """Whether the program's stated level matches what its schedule classifies to."""
    check = program.check_level(rules)
    if check.status == "consistent":
        return []
    severity = "error" if check.status == "mismatch" else "warning"
    return [Problem("level", check.message, severity, f"level-{check.status}")]


def run(args: argparse.Namespace) -> int:
    text = read_text(args.file, what="file")
    kind, problems = check_text(text, args.kind, args.rules)
    counted = [p for p in problems if args.strict or p.severity == "error"]
    if args.json:
        emit(
            dumps(
                {
                    "file": args.file,
                    "kind": kind,
                    "valid": not counted,
                    "problems": [asdict(p) for p in problems],
                }
            )
        )
        return EXIT_FINDINGS if counted else EXIT_OK
    emit(paragraph((f"Checked as a {kind}: " if kind else "Could not read: ") + args.file))
    for p in problems:
        emit(paragraph(f"{p.location}: {p.severity}: {p.message}", indent=2, hang=2))
    emit(_summary(problems))
    return EXIT_FINDINGS if counted else EXIT_OK


def _summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "OK: no problems found."
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return "Found " + " and ".join(parts) + "."
