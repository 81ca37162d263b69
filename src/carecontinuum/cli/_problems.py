"""What ``validate`` reports: :class:`Problem`, with a location, from every source.

A problem comes from a pydantic field error (its location a JSON path such as
``placements[2].end``), from a journey :class:`~carecontinuum.Finding` (its
location the placement, ``placements[3]``), or from a CSV row.  Every code is
in the one kebab-case style of :mod:`carecontinuum.cli._codes`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ._codes import problem_code

__all__ = [
    "Problem",
    "format_location",
    "problems_from_findings",
    "problems_from_validation_error",
    "prune_union_errors",
]

_MAX_INPUT = 40


@dataclass(frozen=True)
class Problem:
    """One problem in a checked file.

    ``person`` and ``row`` are set for a row of a CSV file of placements.
    """

    location: str
    message: str
    severity: str = "error"
    code: str = ""
    person: str | int | None = None
    row: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON data (``person`` and ``row`` only when set).

        >>> Problem("placements[1]", "overlap", code="overlap").to_dict()
        {'location': 'placements[1]', 'message': 'overlap', 'severity': 'error', 'code': 'overlap'}
        """
        return {
            k: v for k, v in asdict(self).items() if v is not None or k not in ("person", "row")
        }


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


def problems_from_validation_error(exc: Any, prefix: Sequence[int | str] = ()) -> list[Problem]:
    """One :class:`Problem` per error in a pydantic ``ValidationError`` (unions pruned).

    *prefix* is put before each error's location (the path of the part validated).
    """
    return [
        Problem(
            location=format_location((*prefix, *err["loc"])),
            message=_with_input(str(err["msg"]), err.get("input")),
            code=problem_code(str(err["type"])),
        )
        for err in prune_union_errors(list(exc.errors(include_url=False)))
    ]


def problems_from_findings(
    findings: Iterable[Any], kind: str, positions: Sequence[int] | None = None
) -> list[Problem]:
    """One :class:`Problem` per journey or graph finding.

    A journey finding's location is a placement index; *positions* maps it to
    the placement's index in the file (when only some placements were checked).
    """
    out = []
    for f in findings:
        where = f.location
        if where is None:
            location = "(top level)"
        elif isinstance(where, int) and kind == "journey":
            index = positions[where] if positions is not None else where
            location = f"placements[{index}]"
        else:
            location = str(where)
        out.append(Problem(location, f.message, f.severity, problem_code(f.code)))
    return out
