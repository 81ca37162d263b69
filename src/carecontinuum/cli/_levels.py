"""``carecontinuum levels``: the levels of a framework, with their codes elsewhere."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._render import dumps, heading, paragraph, table
from ._support import EXIT_OK, HelpFormatter, emit

if TYPE_CHECKING:
    from ..levels import CareLevel, Framework

__all__ = ["add_parser", "levels_table", "run"]

#: Code systems shown as columns for the default continuum.
_SYSTEMS = (("asam3", "ASAM3"), ("asam4", "ASAM4"), ("teds-services", "TEDS"))
APPROX = "~"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "levels",
        formatter_class=HelpFormatter,
        help="the levels of care of a framework (default: the continuum)",
        description="List the levels of care of a framework, least to most intensive. "
        "For the default continuum, show each level's ASAM and TEDS codes; for another "
        "framework, the continuum level it maps to.",
    )
    parser.add_argument(
        "--framework",
        "-f",
        metavar="NAME",
        default="continuum",
        help="continuum (default), asam3, asam4, locus, teds, or a registered one",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import framework

    fw: Framework = framework(args.framework)
    if args.json:
        emit(dumps(_as_json(fw)))
        return EXIT_OK
    emit(heading(fw.name))
    if fw.description:
        emit(paragraph(fw.description))
    emit()
    emit(levels_table(fw))
    notes = _notes(fw)
    if notes:
        emit()
        emit(paragraph(notes))
    return EXIT_OK


def _as_json(fw: Framework) -> dict[str, Any]:
    return {
        "framework": fw.code,
        "name": fw.name,
        "levels": [lv.model_dump(mode="json") for lv in fw.levels],
    }


def _setting(lv: CareLevel) -> str:
    return lv.setting.value + (", 24-hour" if lv.twenty_four_hour else "")


def _codes(lv: CareLevel, system: str) -> str:
    return ", ".join(("" if c.exact else APPROX) + c.code for c in lv.codes_in(system))


def levels_table(fw: Framework) -> str:
    """The table of *fw*'s levels as ``levels`` prints it.

    >>> import carecontinuum as cc
    >>> print(levels_table(cc.default_continuum()).splitlines()[3])
    intensive_outpatient     Intensive         ambulatory    2.1      2.1     ~6
    """
    return table(*levels_rows(fw))


def levels_rows(fw: Framework) -> tuple[list[str], list[list[str]]]:
    """The headers and rows of :func:`levels_table`."""
    if fw.code == "continuum":
        headers = ["code", "name", "setting", *(label for _, label in _SYSTEMS)]
        rows = [
            [lv.code, lv.name, _setting(lv), *(_codes(lv, system) for system, _ in _SYSTEMS)]
            for lv in fw.levels
        ]
        return headers, rows
    mapped = _continuum_targets(fw)
    rows = [[lv.code, _name(lv), _setting(lv), mapped.get(lv.code, "")] for lv in fw.levels]
    headers = ["code", "name", "setting"]
    if mapped:
        return [*headers, "continuum"], rows
    return headers, [r[:3] for r in rows]


def _name(lv: CareLevel) -> str:
    return lv.name if lv.verified else f"{lv.name} (unverified)"


def _continuum_targets(fw: Framework) -> dict[str, str]:
    """Level code → the continuum level(s) it maps to, ``~`` marking lossy matches."""
    from .. import crosswalk
    from ..errors import UnknownKeyError

    try:
        walk = crosswalk(fw.code, "continuum")
    except UnknownKeyError:
        return {}
    out: dict[str, list[str]] = {}
    for m in walk.mappings:
        text = (m.target or "(none)") if m.match.value == "exact" else APPROX + (m.target or "none")
        out.setdefault(m.source, []).append(text)
    return {code: ", ".join(targets) for code, targets in out.items()}


def _notes(fw: Framework) -> str:
    text = f"{APPROX} marks an approximate match: the other category is broader or narrower."
    if fw.sources:
        text += " Sources: " + ", ".join(fw.sources) + " (see carecontinuum.SOURCES)."
    return text
