"""``carecontinuum modalities``: the registered modalities, optionally of one category."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._render import dumps, number, table
from ._support import EXIT_OK, emit, library, suggest

if TYPE_CHECKING:
    from ..modalities import Modality

__all__ = ["add_parser", "modalities_table", "run", "structure_summary"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "modalities",
        help="the modalities programs deliver (built-in and plug-ins)",
        description="List the registered modalities: built-ins, runtime registrations and "
        "plug-ins advertised through the carecontinuum.modalities entry-point group.",
    )
    parser.add_argument(
        "--category",
        "-c",
        metavar="C",
        help="only this category (psychotherapy, behavioral, community, psychoeducation, "
        "medication, neuromodulation, experiential, other)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    items = library("list_modalities")(_category(args.category))
    if args.json:
        emit(dumps([m.model_dump(mode="json") for m in items]))
        return EXIT_OK
    if not items:
        emit(f"No modalities in category {args.category!r}.")
        return EXIT_OK
    emit(modalities_table(items))
    return EXIT_OK


def _category(value: str | None) -> str | None:
    if value is None:
        return None
    from .._lookup import normalize_key

    known = [c.value for c in library("ModalityCategory")]
    folded = normalize_key(value)
    if folded in known:
        return folded
    raise suggest("modality category", value, known)


def structure_summary(m: Modality) -> str:
    """A modality's documented structure in a few words.

    >>> import carecontinuum as cc
    >>> structure_summary(cc.modality("CBT"))
    '12 sessions; 8 core + 4 elective sessions'
    """
    s = m.structure
    if s is None:
        return ""
    parts: list[str] = []
    if s.sessions is not None:
        parts.append(f"{s.sessions} sessions")
    if s.sessions_per_week is not None:
        parts.append(f"{number(s.sessions_per_week)}/week")
    if s.session_length is not None:
        parts.append(f"{number(s.session_length)} h each")
    if s.hours_per_day is not None:
        parts.append(f"{number(s.hours_per_day)} h/day")
    if s.days_per_week is not None:
        parts.append(f"{s.days_per_week} days/week")
    if s.weeks is not None:
        parts.append(f"{number(s.weeks)} weeks")
    text = ", ".join(parts)
    if s.approximate and text:
        text = "about " + text
    if s.detail:
        text = f"{text}; {s.detail}" if text else s.detail
    return text


def modalities_table(items: tuple[Modality, ...] | list[Modality], *, detail: bool = True) -> str:
    """The table ``modalities`` prints (``detail=False`` leaves out the structure)."""
    rows = []
    for m in items:
        category = m.category.value + (" (adjunct)" if m.adjunct else "")
        name = m.name if m.verified else f"{m.name} (unverified)"
        rows.append([m.code, name, category, structure_summary(m)])
    if detail:
        return table(["code", "name", "category", "structure"], rows)
    return table(["code", "name", "category"], [r[:3] for r in rows])
