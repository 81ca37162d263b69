"""``carecontinuum modalities``: the registered modalities, optionally of one category."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._errors import UsageError
from ._render import dumps, fields, heading, number, table
from ._support import EXIT_OK, HelpFormatter, emit

if TYPE_CHECKING:
    from ..modalities import Modality, ModalityCategory

__all__ = [
    "add_parser",
    "modalities_table",
    "modality_details",
    "run",
    "structure_summary",
]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "modalities",
        formatter_class=HelpFormatter,
        help="the modalities programs deliver (built-in and plug-ins)",
        description="List the registered modalities: built-ins, runtime registrations and "
        "plug-ins advertised through the carecontinuum.modalities entry-point group.",
    )
    parser.add_argument(
        "--category",
        "-c",
        metavar="C",
        help="only this category, e.g. psychotherapy, behavioral, medication",
    )
    parser.add_argument(
        "--detail", action="store_true", help="every modality's documented structure and sources"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import list_modalities

    items = list_modalities(_category(args.category))
    if args.json:
        emit(dumps([m.model_dump(mode="json") for m in items]))
        return EXIT_OK
    if not items:
        emit(f"No modalities in category {args.category!r}.")
        return EXIT_OK
    if args.detail:
        emit("\n\n".join(modality_details(m) for m in items))
    else:
        emit(modalities_table(items))
    return EXIT_OK


def _category(value: str | None) -> ModalityCategory | None:
    """The category *value* names, through the library's own lookup (exit 2 when none)."""
    from ..errors import UnknownKeyError
    from ..modalities._registry import _CATEGORIES

    if value is None:
        return None
    try:
        return _CATEGORIES(value)
    except UnknownKeyError as err:
        raise UsageError(str(err)) from None


def structure_summary(m: Modality, *, detail: bool = False) -> str:
    """A modality's documented structure in a few words (*detail*: with the text too).

    >>> import carecontinuum as cc
    >>> structure_summary(cc.modality("CBT"))
    '12 sessions'
    >>> structure_summary(cc.modality("CBT"), detail=True)
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
    if detail and s.detail:
        text = f"{text}; {s.detail}" if text else s.detail
    return text


def modalities_table(items: Sequence[Modality], *, structure: bool = False) -> str:
    """The table ``modalities`` prints (``structure=False`` leaves that column out)."""
    rows = []
    for m in items:
        category = m.category.value + (" (adjunct)" if m.adjunct else "")
        name = m.name if m.verified else f"{m.name} (unverified)"
        rows.append([m.code, name, category, structure_summary(m)])
    if structure:
        return table(["code", "name", "category", "structure"], rows)
    return table(["code", "name", "category"], [r[:3] for r in rows])


def modality_details(m: Modality) -> str:
    """Everything ``modalities --detail`` prints about one modality."""
    pairs = [("code", m.code), ("category", m.category.value + (", adjunct" if m.adjunct else ""))]
    if m.formats:
        pairs.append(("formats", ", ".join(f.value.replace("_", " ") for f in m.formats)))
    summary = structure_summary(m, detail=True)
    if summary:
        pairs.append(("structure", summary))
    if m.description:
        pairs.append(("about", m.description))
    if m.sources:
        pairs.append(("sources", ", ".join(m.sources)))
    if not m.verified or m.note:
        pairs.append(("note", ("unverified. " if not m.verified else "") + m.note))
    return heading(m.name, underline="-") + "\n" + fields(pairs)
