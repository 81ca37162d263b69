"""``carecontinuum validate FILE``: check a program or journey JSON file, or a CSV of placements.

Everything is reported in one pass, each problem with its location: a JSON
line and column for a syntax error, a field path such as
``placements[2].end`` for a value the model rejects, a placement for a
journey finding (an impossible move, an overlap, a gap), a row and person for
a CSV file.  A journey whose placements do not all validate is still checked:
the placements that do validate are checked in runs (moves, overlaps and gaps
next to an invalid placement cannot be checked, and the report says which).
Exit code 1 when errors are found (or warnings, with ``--strict``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._json import loads
from ..errors import InvalidJsonError
from ._codes import codes_help
from ._files import read_text
from ._problems import (
    Problem,
    format_location,
    problems_from_findings,
    problems_from_validation_error,
    prune_union_errors,
)
from ._render import dumps, paragraph
from ._support import EXIT_FINDINGS, EXIT_OK, RawHelpFormatter, UsageError, emit

if TYPE_CHECKING:
    from ..intensity import RuleSet
    from ..transitions import ContinuumGraph

__all__ = [
    "KINDS",
    "Problem",
    "Report",
    "add_parser",
    "check_text",
    "detect_kind",
    "format_location",
    "problems_from_validation_error",
    "prune_union_errors",
    "run",
]

KINDS: dict[str, str] = {"program": "Program", "journey": "Journey", "csv": "placements"}
"""The kinds of file ``validate`` reads, and what each holds."""

_DESCRIPTION = """\
Check a program or journey JSON file, or a CSV file of placements, and report
every problem in one pass, each with its location: JSON syntax; every field
against the model (its JSON path, value and the rule broken); for a journey,
the placements that validate are checked against the transition graph
(impossible moves, overlaps, gaps, unknown levels) even when others do not;
for a program, its stated level against what its schedule classifies to.

The kind is detected: a .csv file is a CSV of placements (columns person_id,
level, start, end and optionally discharge_reason; needs the dataframe extra);
'placements' makes a journey; 'schedule' or 'level' a program.

Codes (one kebab-case style; other field errors use pydantic's error type,
written the same way):
{codes}

Exit code 1 when errors are found (or warnings, with --strict), 2 for a file
that cannot be read or a bad option. With --json, stdout is one JSON object:
the report, or {{"error": ...}} when the file cannot be read (the one-line
message is on stderr too)."""


def _days(text: str) -> int:
    """A whole number of days ≥ 0, for ``--max-gap-days``."""
    if not text.isdigit() or len(text) > 6:
        raise argparse.ArgumentTypeError(f"expected a whole number of days ≥ 0, got {text[:20]!r}")
    return int(text)


#: The library's default gap tolerance (``journeys._check.DEFAULT_MAX_GAP_DAYS``), for the
#: help text only: the parser must not import the library (a test checks they agree).
HELP_MAX_GAP_DAYS = 1


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        formatter_class=RawHelpFormatter,
        help="check a program or journey JSON file, or a CSV of placements",
        description=_DESCRIPTION.format(codes=codes_help()),
    )
    parser.add_argument("file", metavar="FILE", help="path of the JSON or CSV file")
    parser.add_argument("--kind", choices=sorted(KINDS), help="skip detection: the file's kind")
    rules = parser.add_mutually_exclusive_group()
    rules.add_argument(
        "--rules",
        metavar="ID",
        default="asam3-adult",
        help="for a program: the rule set its stated level is checked under (default: asam3-adult)",
    )
    rules.add_argument(
        "--rules-file",
        metavar="FILE",
        help="for a program: check its level under the custom rule set in FILE (RuleSet JSON)",
    )
    parser.add_argument(
        "--graph-file",
        metavar="FILE",
        help="check journeys against the graph in FILE (node-link JSON, as `graph --format "
        "json` writes) instead of the default graph",
    )
    parser.add_argument(
        "--max-gap-days",
        metavar="N",
        type=_days,
        help=f"days without care between placements not reported as a gap "
        f"(default: {HELP_MAX_GAP_DAYS}, a next-day admission)",
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


@dataclass
class Report:
    """What ``validate`` found in one file."""

    kind: str | None
    problems: list[Problem] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    """What could not be checked because of the errors found (in words)."""


def check_text(
    text: str,
    kind: str | None,
    rules: str | RuleSet = "asam3-adult",
    *,
    graph: ContinuumGraph | None = None,
    max_gap_days: int | None = None,
) -> Report:
    """Check JSON *text*: every field error and every finding that can still be checked.

    A program's stated level is compared with what its schedule classifies to
    under *rules*; a journey's placements are checked against *graph* (the
    default graph when None), with gaps of up to *max_gap_days* days allowed.
    """
    try:
        data = loads(text, what="the file")
    except InvalidJsonError as exc:
        if exc.kind not in ("syntax", "duplicate-key"):
            raise UsageError(str(exc)) from None  # hostile structure: refused outright
        where = f"line {exc.line}, column {exc.column}" if exc.line else "(top level)"
        return Report(kind, [Problem(where, f"not valid JSON: {exc.detail}", code="json-invalid")])
    kind = kind or detect_kind(data)
    if kind is None:
        raise UsageError(
            "cannot tell whether the file is a program or a journey "
            "(a journey has 'placements'; a program has 'level' and 'schedule'); "
            "pass --kind program or --kind journey"
        )
    if kind == "journey":
        return _check_journey(text, data, graph, max_gap_days)
    return _check_program(text, data, rules)


def _check_journey(
    text: str, data: Any, graph: ContinuumGraph | None, max_gap_days: int | None
) -> Report:
    from pydantic import ValidationError

    from .. import Journey, Placement, default_graph
    from ..journeys._check import DEFAULT_MAX_GAP_DAYS, check_placements

    g = graph if graph is not None else default_graph()
    gap = DEFAULT_MAX_GAP_DAYS if max_gap_days is None else max_gap_days
    try:
        journey = Journey.model_validate_json(text)
    except ValidationError as exc:
        errors = list(exc.errors(include_url=False))
        report = Report("journey", problems_from_validation_error(exc))
    else:
        found = journey.check(g, max_gap_days=gap)
        return Report("journey", problems_from_findings(found, "journey"))
    items = data.get("placements") if isinstance(data, dict) else None
    if not isinstance(items, list) or any(tuple(e["loc"]) == ("placements",) for e in errors):
        return report  # no list of placements to check
    bad = {
        e["loc"][1]
        for e in errors
        if len(e["loc"]) > 1 and e["loc"][0] == "placements" and isinstance(e["loc"][1], int)
    }
    runs: list[list[int]] = [[]]
    for i in range(len(items)):
        if i in bad:
            runs.append([])
        else:
            runs[-1].append(i)
    for run in (r for r in runs if r):
        try:
            placements = [Placement.model_validate_json(json.dumps(items[i])) for i in run]
        except ValidationError:  # pragma: no cover - each was valid within the journey
            continue
        found = check_placements(placements, g, gap, False, positions=run)
        report.problems.extend(problems_from_findings(found, "journey"))
    report.problems.sort(key=_placement_order)
    if bad:
        shown = ", ".join(str(i) for i in sorted(bad))
        report.unchecked.append(
            f"moves, overlaps and gaps next to placement(s) {shown}, which did not validate"
        )
    return report


def _placement_order(problem: Problem) -> int:
    """Problems in placement order (the sort is stable: the others keep their order)."""
    head = problem.location.removeprefix("placements[")
    number = head.split("]", 1)[0]
    return int(number) if head != problem.location and number.isdigit() else -1


def _check_program(text: str, data: Any, rules: str | RuleSet) -> Report:
    from pydantic import ValidationError

    from .. import Program

    try:
        program = Program.model_validate_json(text)
    except ValidationError as exc:
        report = Report("program", problems_from_validation_error(exc))
        program = _salvage_program(data, exc)
        if program is None:
            report.unchecked.append("the stated level against the schedule")
            return report
    else:
        report = Report("program")
    report.problems.extend(_program_problems(program, rules))
    return report


def _salvage_program(data: Any, exc: Any) -> Any:
    """The program without the fields that failed, when its level and schedule are fine."""
    from pydantic import ValidationError

    from .. import Program

    if not isinstance(data, dict):
        return None
    failed = {e["loc"][0] for e in exc.errors(include_url=False) if e["loc"]}
    if failed & {"level", "schedule"} or () in (tuple(e["loc"]) for e in exc.errors()):
        return None
    try:
        return Program.model_validate_json(
            json.dumps({k: v for k, v in data.items() if k not in failed})
        )
    except ValidationError:
        return None


def _program_problems(program: Any, rules: str | RuleSet) -> list[Problem]:
    """Whether the program's stated level matches what its schedule classifies to."""
    check = program.check_level(rules)
    if check.status == "consistent":
        return []
    severity = "error" if check.status == "mismatch" else "warning"
    return [Problem("level", check.message, severity, f"level-{check.status}")]


def _is_csv(path: str, kind: str | None) -> bool:
    return kind == "csv" or (kind is None and path.lower().endswith(".csv"))


def run(args: argparse.Namespace) -> int:
    from ._graph import load_graph_file
    from ._inputs import load_rules_file

    rules: str | RuleSet = load_rules_file(args.rules_file) if args.rules_file else args.rules
    graph = load_graph_file(args.graph_file)
    if _is_csv(args.file, args.kind):
        from ._validate_csv import check_csv

        report = Report("csv", check_csv(args.file, graph, max_gap_days=args.max_gap_days))
    else:
        text = read_text(args.file, what="file")
        report = check_text(text, args.kind, rules, graph=graph, max_gap_days=args.max_gap_days)
    return _show(args, report)


def _show(args: argparse.Namespace, report: Report) -> int:
    problems = report.problems
    counted = [p for p in problems if args.strict or p.severity == "error"]
    code = EXIT_FINDINGS if counted else EXIT_OK
    if args.json:
        data: dict[str, Any] = {
            "file": args.file,
            "kind": report.kind,
            "valid": not counted,
            "problems": [p.to_dict() for p in problems],
        }
        if report.unchecked:
            data["unchecked"] = report.unchecked
        emit(dumps(data))
        return code
    what = "a CSV file of placements" if report.kind == "csv" else f"a {report.kind}"
    emit(paragraph((f"Checked as {what}: " if report.kind else "Could not read: ") + args.file))
    for p in problems:
        emit(paragraph(f"{p.location}: {p.severity}: {p.message}", indent=2, hang=2))
    for text in report.unchecked:
        emit(paragraph(f"Not checked: {text}.", indent=2, hang=2))
    emit(_summary(problems))
    return code


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "OK: no problems found."
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return "Found " + " and ".join(parts) + "."
