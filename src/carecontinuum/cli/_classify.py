"""``carecontinuum classify``: which level a schedule is under one or every rule set."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._render import dumps, number, paragraph, table
from ._support import EXIT_OK, emit, library

if TYPE_CHECKING:
    from ..schedules import Schedule

__all__ = ["add_parser", "make_schedule", "rule_set_id", "run", "verdicts_table"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "classify",
        help="which level a schedule is, under one or every rule set",
        description="Classify a weekly schedule (hours per day × days per week) into a level "
        "of care. The published rule sets disagree (ASAM adult and adolescent, Medicare, "
        "TEDS, HCPCS ...); without --rules every rule set is shown side by side, each "
        "with the rule that decided.",
    )
    parser.add_argument(
        "--hours-per-day",
        required=True,
        metavar="H",
        help='hours of treatment per day attended: a number of hours or a quantity ("180 min")',
    )
    parser.add_argument(
        "--days-per-week", required=True, metavar="D", help="days attended per week (1-7)"
    )
    parser.add_argument("--weeks", metavar="W", help="optional program length, in weeks")
    parser.add_argument(
        "--rules", metavar="ID", help="one rule set (e.g. asam3-adult); default: every rule set"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def _number_or_text(value: str | None) -> float | str | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return value.strip()


def make_schedule(hours_per_day: str, days_per_week: str, weeks: str | None = None) -> Schedule:
    """A :class:`~carecontinuum.Schedule` from command-line text.

    >>> make_schedule("180 min", "3").weekly_hours
    9.0
    """
    fields: dict[str, Any] = {
        "hours_per_day": _number_or_text(hours_per_day),
        "days_per_week": _number_or_text(days_per_week),
    }
    if weeks is not None:
        fields["weeks"] = _number_or_text(weeks)
    schedule: Schedule = library("Schedule")(**fields)
    return schedule


def rule_set_id(value: Any) -> str:
    """The id of a rule set given as an object or as its id."""
    return value if isinstance(value, str) else str(getattr(value, "id", value))


def _verdicts(schedule: Schedule, rules: str | None) -> list[Any]:
    if rules is not None:
        return [library("classify")(schedule, rules=rules)]
    return list(library("classify_all")(schedule))


def _level_text(verdict: Any) -> str:
    lv = verdict.level
    return lv.code if lv is not None else "(none)"


def verdicts_table(verdicts: list[Any]) -> str:
    """The rule set / level / reason table of ``classify``."""
    rows = [[rule_set_id(v.rule_set), _level_text(v), v.reason] for v in verdicts]
    return table(["rule set", "level", "why"], rows)


def schedule_line(schedule: Schedule) -> str:
    """``3 h/day × 3 days/week = 9 h/week``."""
    days = "day" if schedule.days_per_week == 1 else "days"
    text = (
        f"{number(schedule.hours_per_day)} h/day × {schedule.days_per_week} {days}/week"
        f" = {number(schedule.weekly_hours)} h/week"
    )
    weeks = getattr(schedule, "weeks", None)
    if weeks is not None:
        text += f", for {number(weeks)} weeks"
    return text


def run(args: argparse.Namespace) -> int:
    schedule = make_schedule(args.hours_per_day, args.days_per_week, args.weeks)
    verdicts = _verdicts(schedule, args.rules)
    if args.json:
        data = {
            "schedule": schedule.model_dump(mode="json"),
            "hours_per_week": schedule.weekly_hours,
            "classifications": [
                {
                    "rule_set": rule_set_id(v.rule_set),
                    "level": v.level.code if v.level is not None else None,
                    "reason": v.reason,
                }
                for v in verdicts
            ],
        }
        emit(dumps(data))
        return EXIT_OK
    emit(paragraph("Schedule: " + schedule_line(schedule)))
    emit()
    emit(verdicts_table(verdicts))
    levels = {_level_text(v) for v in verdicts}
    if len(levels) > 1:
        emit()
        emit(paragraph("The rule sets disagree: each draws its own line (see the 'why' column)."))
    return EXIT_OK
