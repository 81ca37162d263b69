"""``carecontinuum classify``: which level a schedule is under one or every rule set.

The schedule is given as ``--hours-per-day`` and ``--days-per-week``, or is a
program's (``--program FILE``: whether its stated level matches is shown
under each rule set).  ``--rules-file FILE`` classifies under a custom rule
set written as JSON.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._render import dumps, number, paragraph, table
from ._support import EXIT_OK, HelpFormatter, emit

if TYPE_CHECKING:
    from ..intensity import Classification, RuleSet
    from ..programs import Program
    from ..schedules import AnySchedule, Schedule

#: What a program's stated level is, next to each verdict (``LevelCheck.status``).
_MATCH_WORDS = {"consistent": "matches", "mismatch": "differs", "undetermined": "cannot tell"}

__all__ = [
    "add_parser",
    "any_schedule_line",
    "level_text",
    "make_schedule",
    "run",
    "schedule_line",
    "verdicts_table",
    "why",
]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "classify",
        formatter_class=HelpFormatter,
        help="which level a schedule is, under one or every rule set",
        description="Classify a weekly schedule (hours per day × days per week, or the "
        "schedule of the program in --program FILE) into a level of care. The published "
        "rule sets disagree (ASAM adult and adolescent, Medicare, TEDS, HCPCS ...); without "
        "--rules every rule set is shown side by side, each with the rule that decided. For "
        "a program, each row also says whether its stated level matches. --rules-file "
        "classifies under your own rule set (RuleSet JSON).",
    )
    parser.add_argument(
        "--hours-per-day",
        metavar="H",
        help='hours of treatment per day attended: a number of hours or a quantity ("180 min")',
    )
    parser.add_argument("--days-per-week", metavar="D", help="days attended per week (1-7)")
    parser.add_argument("--weeks", metavar="W", help="optional program length, in weeks")
    parser.add_argument(
        "--program",
        metavar="FILE",
        help="classify the schedule of the program in FILE (Program JSON) instead",
    )
    rules = parser.add_mutually_exclusive_group()
    rules.add_argument(
        "--rules", metavar="ID", help="one rule set (e.g. asam3-adult); default: every rule set"
    )
    rules.add_argument(
        "--rules-file", metavar="FILE", help="a custom rule set in FILE (RuleSet JSON) instead"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run, parser=parser)


def _number_or_text(value: str | None) -> str | None:
    # The text goes to the library as it is: its one quantity parser reads "3",
    # "180 min" and refuses "inf", "9**9**9 h" or "1_000" (float() would not).
    return value


def make_schedule(hours_per_day: str, days_per_week: str, weeks: str | None = None) -> Schedule:
    """A :class:`~carecontinuum.Schedule` from command-line text.

    >>> make_schedule("180 min", "3").weekly_hours
    9.0
    """
    from .. import Schedule

    fields: dict[str, Any] = {
        "hours_per_day": _number_or_text(hours_per_day),
        "days_per_week": _number_or_text(days_per_week),
    }
    if weeks is not None:
        fields["weeks"] = _number_or_text(weeks)
    schedule: Schedule = Schedule(**fields)
    return schedule


def _verdicts(schedule: AnySchedule, rules: str | RuleSet | None) -> list[Classification]:
    from .. import classify, classify_all

    if rules is not None:
        return [classify(schedule, rules=rules)]
    return list(classify_all(schedule))


def level_text(verdict: Classification) -> str:
    """A verdict's level code, or ``(none)`` where the rule set defines no level."""
    return verdict.level_code or "(none)"


def why(verdict: Classification) -> str:
    """What decided, without repeating the level or the rule set: basis, note, sources.

    >>> import carecontinuum as cc
    >>> why(cc.classify(cc.Schedule(hours_per_day=2, days_per_week=4), rules="asam3-adult"))
    '8 h/week < 9 h/week [ASAM3]'
    """
    text = verdict.basis
    note = verdict.rule_set.below_note
    if verdict.level is None and note and not verdict.by_setting:
        text += f" ({note})"
    if verdict.sources:
        text += f" [{', '.join(verdict.sources)}]"
    return text


def verdicts_table(verdicts: Sequence[Classification]) -> str:
    """The rule set / level / why table of ``classify``."""
    rows = [[v.rule_set.id, level_text(v), why(v)] for v in verdicts]
    return table(["rule set", "level", "why"], rows)


def schedule_line(schedule: Schedule) -> str:
    """``3 h/day × 3 days/week = 9 h/week``.

    >>> schedule_line(make_schedule("2.5", "3", "6"))
    '2.5 h/day × 3 days/week = 7.5 h/week, for 6 weeks'
    """
    days = "day" if schedule.days_per_week == 1 else "days"
    text = (
        f"{number(schedule.hours_per_day)} h/day × {schedule.days_per_week} {days}/week"
        f" = {number(schedule.weekly_hours)} h/week"
    )
    if schedule.weeks is not None:
        text += f", for {number(schedule.weeks)} weeks"
    return text


def _rules(args: argparse.Namespace) -> str | RuleSet | None:
    if args.rules_file is None:
        rules: str | None = args.rules
        return rules
    from ._inputs import load_rules_file

    return load_rules_file(args.rules_file)


def run(args: argparse.Namespace) -> int:
    given = [args.hours_per_day is not None, args.days_per_week is not None]
    if args.program is not None:
        if any(given) or args.weeks is not None:
            args.parser.error(
                "--program FILE takes the schedule from the file: leave out "
                "--hours-per-day, --days-per-week and --weeks"
            )
        return _run_program(args)
    if not all(given):
        args.parser.error("give --hours-per-day H and --days-per-week D, or --program FILE")
    rules = _rules(args)
    schedule = make_schedule(args.hours_per_day, args.days_per_week, args.weeks)
    verdicts = _verdicts(schedule, rules)
    if args.json:
        data = {
            "schedule": schedule.model_dump(mode="json"),
            "hours_per_week": schedule.weekly_hours,
            "classifications": [v.to_dict() for v in verdicts],
        }
        emit(dumps(data))
        return EXIT_OK
    emit(paragraph("Schedule: " + schedule_line(schedule)))
    emit()
    emit(verdicts_table(verdicts))
    if len({v.level_code for v in verdicts}) > 1:
        emit()
        emit(paragraph("The rule sets disagree: each draws its own line (see the 'why' column)."))
    return EXIT_OK


def _program_schedule(program: Program, path: str) -> AnySchedule:
    from .._text import echo
    from ._support import UsageError

    if program.schedule is None:
        raise UsageError(
            f"program file {echo(path)}: {program.name!r} states no schedule to classify"
        )
    return program.schedule


def any_schedule_line(schedule: AnySchedule) -> str:
    """:func:`schedule_line`, or for a week of sessions its days and total hours.

    >>> import carecontinuum as cc
    >>> week = cc.WeeklySchedule(sessions=[
    ...     cc.Session(weekday=day, start="18:00", duration="3 h", format="group", modality="CBT")
    ...     for day in ("mon", "wed")])
    >>> any_schedule_line(week)
    'sessions on 2 days/week = 6 h/week'
    """
    from ..schedules import Schedule

    if isinstance(schedule, Schedule):
        return schedule_line(schedule)
    days = "day" if schedule.days_per_week == 1 else "days"
    return (
        f"sessions on {schedule.days_per_week} {days}/week = {number(schedule.weekly_hours)} h/week"
    )


def _run_program(args: argparse.Namespace) -> int:
    from ._inputs import load_program_file

    program = load_program_file(args.program)
    rules = _rules(args)
    schedule = _program_schedule(program, args.program)
    verdicts = _verdicts(schedule, rules)
    checks = [program.check_level(v.rule_set) for v in verdicts]
    if args.json:
        data = {
            "program": program.name,
            "stated_level": program.level,
            "schedule": schedule.model_dump(mode="json"),
            "hours_per_week": schedule.weekly_hours,
            "classifications": [
                {**v.to_dict(), "stated_level_check": c.status}
                for v, c in zip(verdicts, checks, strict=True)
            ],
        }
        emit(dumps(data))
        return EXIT_OK
    emit(paragraph(f"Program: {program.name}, stated level {program.level}"))
    emit(paragraph("Schedule: " + any_schedule_line(schedule)))
    emit()
    rows = [
        [v.rule_set.id, level_text(v), _MATCH_WORDS[c.status], why(v)]
        for v, c in zip(verdicts, checks, strict=True)
    ]
    emit(table(["rule set", "level", "stated", "why"], rows))
    agree = [v.rule_set.id for v, c in zip(verdicts, checks, strict=True) if c.consistent]
    emit()
    if len(agree) == len(verdicts):
        emit(paragraph(f"The stated level {program.level} matches under every rule set shown."))
    elif agree:
        emit(paragraph(f"The stated level {program.level} matches under {', '.join(agree)} only."))
    else:
        emit(paragraph(f"The stated level {program.level} matches under none of these rule sets."))
    return EXIT_OK
