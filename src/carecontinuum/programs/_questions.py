"""The nine questions the seed suggests asking a program, and a program's answers [SEED]."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ConfigDict, Field

from .._display import num
from .._json_model import JsonModel
from ..units import QuantityRange
from ._record import ProgramRecord

__all__ = ["PROGRAM_QUESTIONS", "ProgramQuestion", "answers"]


class ProgramQuestion(JsonModel):
    """A question to ask a program before choosing it, and which fields answer it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1)
    text: str
    topic: str
    fields: tuple[str, ...]
    """The :class:`Program` fields that answer it."""
    sources: tuple[str, ...] = ("SEED",)


PROGRAM_QUESTIONS: tuple[ProgramQuestion, ...] = tuple(
    ProgramQuestion(number=i, text=text, topic=topic, fields=fields)
    for i, (text, topic, fields) in enumerate(
        (
            (
                "How long are people usually in your program?",
                "length_of_stay",
                ("length_of_stay", "schedule"),
            ),
            ("Do you take my insurance?", "payment", ("payment",)),
            (
                "Have you worked with clients with issues or diagnoses like mine?",
                "conditions",
                ("conditions",),
            ),
            (
                "Have you worked with clients who identify like me (for example race or "
                "sexuality)?",
                "communities",
                ("special_groups", "communities"),
            ),
            (
                'How will you prepare me for the transition back to my "regular" life?',
                "transition",
                ("transition_plan",),
            ),
            (
                "What age range are the people in your program, usually?",
                "ages",
                ("ages", "age_groups"),
            ),
            ("What is the structure of the program?", "structure", ("structure", "schedule")),
            ("What is the treatment philosophy?", "philosophy", ("philosophy",)),
            (
                "What modalities do your therapists practice?",
                "modalities",
                ("modalities", "schedule"),
            ),
        ),
        start=1,
    )
)
"""The seed's nine questions, in its order [SEED]."""


def _plural(unit: str, value: float) -> str:
    return unit if value == 1 else f"{unit}s"


def _stay(stay: QuantityRange) -> str:
    about = "about " if stay.approximate else ""
    if stay.high is None:
        return f"{about}{num(stay.low)} {_plural(stay.unit, stay.low)} or more"
    if stay.high == stay.low:
        return f"{about}{num(stay.low)} {_plural(stay.unit, stay.low)}"
    return f"{about}{num(stay.low)}–{num(stay.high)} {_plural(stay.unit, stay.high)}"


def _length_of_stay(p: ProgramRecord) -> str | None:
    if p.length_of_stay is not None:
        return f"Usually {_stay(p.length_of_stay)}."
    weeks = p.schedule.duration_weeks if p.schedule is not None else None
    if weeks is not None:
        return f"The schedule runs {num(weeks)} {_plural('week', weeks)}."
    return None


def _payment(p: ProgramRecord) -> str | None:
    if not p.payment:
        return None
    return "Accepts " + ", ".join(m.label for m in p.payment) + "."


def _conditions(p: ProgramRecord) -> str | None:
    return "Treats " + "; ".join(p.conditions) + "." if p.conditions else None


def _communities(p: ProgramRecord) -> str | None:
    parts = [g.label for g in p.special_groups] + list(p.communities)
    return "Offers services for " + "; ".join(parts) + "." if parts else None


def _transition(p: ProgramRecord) -> str | None:
    return p.transition_plan or None


def _ages(p: ProgramRecord) -> str | None:
    if p.ages is not None:
        return f"Ages {p.ages}."
    if p.age_groups:
        return "Serves " + " and ".join(g.label for g in p.age_groups) + "."
    return None


def _structure(p: ProgramRecord) -> str | None:
    s = p.schedule
    if s is None:
        text = f"{p.care_level.name}; the schedule is not stated."
        return f"{p.structure} ({text})" if p.structure else text
    days = "day" if s.days_per_week == 1 else "days"
    hours = f"{num(s.weekly_hours)} hours a week over {s.days_per_week} {days}"
    sessions = s.sessions_per_week
    if sessions is not None:
        hours += f" in {num(sessions)} sessions"
    if s.twenty_four_hour:
        hours = f"a 24-hour {s.care_setting.value} setting; {hours}"
    if s.duration_weeks is not None:
        hours += f", for {num(s.duration_weeks)} {_plural('week', s.duration_weeks)}"
    text = f"{p.care_level.name}: {hours}."
    return f"{p.structure} ({text})" if p.structure else text


def _philosophy(p: ProgramRecord) -> str | None:
    return p.philosophy or None


def _modalities(p: ProgramRecord) -> str | None:
    found = p.all_modalities
    return ", ".join(m.name for m in found) + "." if found else None


_ANSWERERS: dict[str, Callable[[ProgramRecord], str | None]] = {
    "length_of_stay": _length_of_stay,
    "payment": _payment,
    "conditions": _conditions,
    "communities": _communities,
    "transition": _transition,
    "ages": _ages,
    "structure": _structure,
    "philosophy": _philosophy,
    "modalities": _modalities,
}


def answers(program: ProgramRecord) -> dict[str, str | None]:
    """Question text → the program's answer (``None`` where it does not say).

    Examples
    --------
    >>> import carecontinuum as cc
    >>> p = cc.Program(name="Day PHP", level="PHP",
    ...                schedule=cc.Schedule(hours_per_day=5, days_per_week=5, weeks=3))
    >>> answers(p)["What is the structure of the program?"]
    'Partial hospitalization (PHP): 25 hours a week over 5 days, for 3 weeks.'
    >>> answers(p)["Do you take my insurance?"] is None
    True
    """
    return {q.text: _ANSWERERS[q.topic](program) for q in PROGRAM_QUESTIONS}
