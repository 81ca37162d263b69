"""``carecontinuum locator search FILE``: programs of a locator listing that fit, nearest first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._files import read_text
from ._render import dumps, number, paragraph, table
from ._support import EXIT_OK, EXIT_USAGE, HelpFormatter, UsageError, emit

if TYPE_CHECKING:
    from ..locator import Listing
    from ..programs import Needs, ProgramMatch

__all__ = ["add_parser", "needs_from_args", "parse_point", "run_search", "summary_line"]

_DESCRIPTION = """\
Read a SAMHSA treatment-locator (FindTreatment.gov) listing - the locator's
JSON response {page, totalPages, recordCount, rows}, or a list of rows - and
list the programs that fit: one program per level each facility offers (from
its service settings: OIT is intensive outpatient, ODT partial
hospitalization ...). With --near the programs are ranked by the great-circle
distance of their facility, nearest first. Rows that cannot be read are
counted and left out (--problems lists them)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    locator = commands.add_parser(
        "locator",
        formatter_class=HelpFormatter,
        help="search a SAMHSA treatment-locator listing (FindTreatment.gov JSON)",
        description="Work with listings from SAMHSA's treatment locator (FindTreatment.gov).",
    )
    sub = locator.add_subparsers(dest="locator_command", metavar="COMMAND", title="commands")
    search = sub.add_parser(
        "search",
        formatter_class=HelpFormatter,
        help="the listing's programs that fit, nearest first",
        description=_DESCRIPTION,
    )
    search.add_argument("file", metavar="FILE", help="the listing, a JSON file")
    search.add_argument("--level", metavar="LEVEL", help="a level of care: IOP, PHP, residential")
    search.add_argument(
        "--payment",
        metavar="CODE",
        action="append",
        help="a way to pay: MD (Medicaid), MC, PI, SS ...; repeat for any of several",
    )
    search.add_argument("--age", metavar="YEARS", help="the person's age")
    search.add_argument(
        "--language", metavar="NAME", action="append", help="a language (repeat for any of several)"
    )
    search.add_argument(
        "--special-group",
        metavar="CODE",
        action="append",
        help="a group the program must serve: VET, GL, AH (repeat for several)",
    )
    search.add_argument(
        "--modality", metavar="NAME", action="append", help="a modality wanted: CBT, DBT ..."
    )
    search.add_argument(
        "--near", metavar="LAT,LON", help="where the person is, in decimal degrees: 37.54,-77.44"
    )
    search.add_argument(
        "--within", metavar="DISTANCE", help="leave out programs farther than this (needs --near)"
    )
    search.add_argument(
        "--unit", default="km", metavar="UNIT", help="km (the default) or mi, for distances"
    )
    search.add_argument(
        "--limit", type=int, default=10, metavar="N", help="show at most N programs (default 10)"
    )
    search.add_argument("--problems", action="store_true", help="list the rows' problems")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.set_defaults(func=run_search)

    def _help(args: argparse.Namespace) -> int:
        locator.print_help()
        return EXIT_USAGE

    locator.set_defaults(func=_help)


def parse_point(text: str) -> tuple[float, float]:
    """``"37.54,-77.44"`` as ``(latitude, longitude)``, checked.

    Raises
    ------
    UsageError
        For text that is not two numbers of degrees in range.

    >>> parse_point("37.54, -77.44")
    (37.54, -77.44)
    """
    from pydantic import ValidationError

    from ..programs import Coordinates

    try:
        point = Coordinates.model_validate(text)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        reason = f"{where}: {first['msg']}" if where else first["msg"].removeprefix("Value error, ")
        raise UsageError(
            f"--near must be LAT,LON in decimal degrees (e.g. 37.54,-77.44), got {text!r:.60}: "
            f"{reason}"
        ) from None
    return point.latitude, point.longitude


def needs_from_args(args: argparse.Namespace) -> Needs:
    """The :class:`~carecontinuum.Needs` the options describe.

    Raises
    ------
    UsageError
        For ``--within`` without ``--near``, or a bad ``--near`` or ``--limit``.
    pydantic.ValidationError
        For a value the needs refuse (an unknown payment code, level ...).
    """
    from ..programs import Needs

    if args.limit < 1:
        raise UsageError(f"--limit must be at least 1, got {args.limit}")
    if args.within is not None and args.near is None:
        raise UsageError("--within needs --near: the point to measure the distance from")
    fields: dict[str, Any] = {
        "level": args.level,
        "payment": args.payment or (),
        "age": args.age,
        "languages": args.language or (),
        "special_groups": args.special_group or (),
        "modalities": args.modality or (),
        "near": parse_point(args.near) if args.near is not None else None,
        "max_distance": args.within,
        "distance_unit": args.unit,
    }
    return Needs(**{k: v for k, v in fields.items() if v is not None})


def summary_line(name: str, listing: Listing) -> str:
    """``Read 'x.json': 11 rows, 8 facilities, 8 programs; 3 rows left out.``"""
    text = (
        f"Read {name!r}: {listing.rows} rows, {len(listing.facilities)} facilities, "
        f"{len(listing.programs)} programs"
    )
    left_out = len(listing.refused_rows)
    warnings = sum(p.severity == "warning" for p in listing.problems)
    extra = []
    if left_out:
        extra.append(f"{left_out} row{'s' * (left_out != 1)} left out")
    if warnings:
        extra.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return text + ("; " + ", ".join(extra) if extra else "") + "."


def _criteria(needs: Needs) -> str:
    parts = []
    if needs.level is not None:
        from ..levels import default_continuum

        parts.append(default_continuum().level(needs.level).name)
    if needs.payment:
        parts.append("accepting " + " or ".join(p.label for p in needs.payment))
    if needs.age is not None:
        parts.append(f"serving age {needs.age}")
    if needs.languages:
        parts.append("in " + " or ".join(needs.languages))
    if needs.special_groups:
        parts.append("for " + " and ".join(g.label for g in needs.special_groups))
    if needs.modalities:
        parts.append("offering " + " or ".join(m.name for m in needs.modalities))
    if needs.near is not None:
        within = (
            f"within {number(needs.max_distance)} {needs.distance_unit.value} of "
            if needs.max_distance is not None
            else "nearest to "
        )
        parts.append(within + str(needs.near))
    return "Programs" + (": " + "; ".join(parts) if parts else "")


def _rows(
    matches: list[ProgramMatch], near: bool, show_level: bool
) -> tuple[list[str], list[list[str]]]:
    headers = ["#"]
    if near:
        headers.append(matches[0].distance_unit.value if matches else "km")
    headers.append("program")
    if show_level:
        headers.append("level")
    headers += ["address", "phone"]
    unknown = any(m.unknown for m in matches)
    if unknown:
        headers.append("not stated")
    rows = []
    for i, match in enumerate(matches, start=1):
        program, facility = match.program, match.program.facility
        row = [str(i)]
        if near:
            row.append("?" if match.distance is None else f"{match.distance:.1f}")
        row.append(program.name)
        if show_level:
            row.append(program.level)
        row += [facility.address if facility else "", facility.phone if facility else ""]
        if unknown:
            row.append(", ".join(match.unknown))
        rows.append(row)
    return headers, rows


def run_search(args: argparse.Namespace) -> int:
    from ..errors import InvalidJsonError
    from ..locator import InvalidListingError, read_listing

    needs = needs_from_args(args)
    text = read_text(args.file, what="listing")
    try:
        listing = read_listing(text)
    except (InvalidJsonError, InvalidListingError) as err:
        raise UsageError(f"{args.file!r} is not a locator listing: {err}") from None
    matches = listing.match(needs)
    shown = matches[: args.limit]
    if args.json:
        emit(
            dumps(
                {
                    "file": args.file,
                    "listing": {
                        "rows": listing.rows,
                        "facilities": len(listing.facilities),
                        "programs": len(listing.programs),
                        "page": listing.page,
                        "total_pages": listing.total_pages,
                        "record_count": listing.record_count,
                    },
                    "needs": needs.model_dump(mode="json", exclude_defaults=True),
                    "matches": len(matches),
                    "shown": [
                        {
                            "rank": rank,
                            "distance": m.distance,
                            "distance_unit": m.distance_unit.value,
                            "met": list(m.met),
                            "unknown": list(m.unknown),
                            "program": m.program.model_dump(mode="json", exclude_defaults=True),
                        }
                        for rank, m in enumerate(shown, start=1)
                    ],
                    "problems": [p.to_dict() for p in listing.problems],
                }
            )
        )
        return EXIT_OK
    emit(paragraph(summary_line(args.file, listing)))
    if args.problems:
        for p in listing.problems:
            emit(paragraph(str(p), indent=2, hang=2))
    elif listing.problems:
        emit(paragraph("--problems lists what could not be read."))
    emit()
    emit(paragraph(_criteria(needs) + ":"))
    if not matches:
        emit(paragraph("No program in the listing fits."))
        return EXIT_OK
    headers, rows = _rows(shown, needs.near is not None, needs.level is None)
    emit()
    emit(table(headers, rows, keep=(0, 1)))
    if len(matches) > len(shown):
        emit()
        emit(paragraph(f"{len(matches) - len(shown)} more; --limit shows more."))
    if any(m.unknown for m in shown):
        emit()
        emit(
            paragraph(
                "'not stated': the listing does not say; such programs rank below those that "
                "say they fit. A directory gives no schedule: ask a program when it meets."
            )
        )
    return EXIT_OK
