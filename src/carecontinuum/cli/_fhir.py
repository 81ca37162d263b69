"""``carecontinuum fhir export|import``: the FHIR bridge on the command line.

``export FILE`` reads a program, a journey or a list of journeys (the JSON
``validate`` checks) and prints FHIR JSON, or writes Bulk Data NDJSON files
with ``--ndjson DIR``.  ``import FILE`` reads a FHIR resource (or a directory
of NDJSON files) and prints the library's objects as JSON; what had no place
in them is noted on stderr.  Exit codes: 0 OK, 1 FHIR that cannot be mapped
(the message says what and why), 2 usage or input that is not valid.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._render import dumps, paragraph
from ._support import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, HelpFormatter, UsageError, emit

__all__ = ["add_parser", "run_export", "run_import"]

_PROG = "carecontinuum fhir"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "fhir",
        formatter_class=HelpFormatter,
        help="export programs and journeys to FHIR R5/R4B, or import FHIR",
        description="Export a program or journey JSON file as FHIR (R5 by default, or R4B), "
        "or read FHIR back into the library's objects. Exit code 1 when FHIR cannot be "
        "mapped without guessing, 2 for bad input.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", title="actions")
    export = actions.add_parser(
        "export",
        formatter_class=HelpFormatter,
        help="a program or journey JSON file as FHIR",
        description="Print a program (HealthcareService), a journey (a Bundle with an "
        "EpisodeOfCare and its Encounters) or a list of journeys as FHIR JSON, or write "
        "them as FHIR Bulk Data NDJSON files (one per resource type) with --ndjson.",
    )
    export.add_argument("file", metavar="FILE", help="a program or journey JSON file")
    _common(export, default_release="R5")
    export.add_argument("--ndjson", metavar="DIR", help="write NDJSON files into DIR instead")
    export.add_argument(
        "--patient",
        metavar="REF",
        help="a reference to the person, e.g. "
        "Patient/123 (default: the person id as an identifier)",
    )
    export.add_argument(
        "--overwrite", action="store_true", help="with --ndjson: replace existing files"
    )
    export.set_defaults(func=run_export)
    read = actions.add_parser(
        "import",
        formatter_class=HelpFormatter,
        help="FHIR JSON (or a directory of NDJSON) as the library's objects",
        description="Read a FHIR resource (Bundle, Encounter, HealthcareService, a Timing "
        "or a resource carrying one, the library's CodeSystems and ConceptMaps), or a "
        "directory of NDJSON files, and print the library's objects as JSON. Parts with no "
        "place in them are noted on stderr. Exit code 1 when the FHIR cannot be mapped "
        "without guessing, with the reason (and the candidate levels).",
    )
    read.add_argument("file", metavar="FILE", help="a FHIR JSON file, or an NDJSON directory")
    _common(read, default_release=None)
    read.add_argument(
        "--map",
        metavar="SYSTEM|CODE=LEVEL",
        action="append",
        default=[],
        help="read a coding as a level, e.g. "
        "'http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB=IOP' (repeatable)",
    )
    read.set_defaults(func=run_import)
    parser.set_defaults(func=_no_action(parser))


def _common(parser: argparse.ArgumentParser, default_release: str | None) -> None:
    parser.add_argument(
        "--release",
        metavar="R",
        default=default_release,
        help="R5 or R4B (R4 is read and written as R4B)"
        + ("; default R5" if default_release else "; default: detected from the data"),
    )
    parser.add_argument(
        "--base-url", metavar="URL", help="the canonical base of the library's code systems"
    )


def _no_action(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return run


def _fail(action: str, message: str, code: int) -> int:
    sys.stderr.write(paragraph(f"{_PROG} {action}: error: {message}", hang=2) + "\n")
    return code


def _exit_code(err: Exception) -> int | None:
    """The exit code of an error the bridge or its input can raise; ``None`` for a bug."""
    from pydantic import ValidationError

    from ..errors import CareContinuumError, MissingExtraError
    from ..fhir import FhirMappingError

    if isinstance(err, FhirMappingError | MissingExtraError):
        return EXIT_FINDINGS
    if isinstance(err, ValidationError | CareContinuumError | UsageError | TypeError | OSError):
        return EXIT_USAGE
    return None


def _message(err: Exception) -> str:
    from pydantic import ValidationError

    from ..fhir import FhirMappingError
    from ._validate import problems_from_validation_error

    if isinstance(err, ValidationError):
        lines = [f"{p.location}: {p.message}" for p in problems_from_validation_error(err)]
        return "invalid value: " + "; ".join(lines)
    if isinstance(err, OSError):
        where = f"{err.filename!r}: " if getattr(err, "filename", None) else ""
        return f"cannot use {where}{err.strerror or err}"
    text = str(err)
    if isinstance(err, FhirMappingError) and err.candidates:
        text += f" (candidates: {', '.join(err.candidates)})"
    return text


def _guarded(action: str, work: Any) -> int:
    """Run *work*; map the bridge's errors to exit codes and one clear message."""
    try:
        return int(work())
    except Exception as err:
        code = _exit_code(err)
        if code is None:
            raise  # a bug: the command line's own handler reports it
        return _fail(action, _message(err), code)


def _read_objects(path: str) -> Any:
    """The program, journey or list of journeys in a JSON file."""
    import carecontinuum as cc

    from .._json import loads
    from ._validate import detect_kind

    data = loads(Path(path).read_bytes(), what=f"file {path!r}")
    if isinstance(data, list):
        return [cc.Journey.model_validate(item) for item in data]
    kind = detect_kind(data)
    if kind == "journey":
        return cc.Journey.model_validate(data)
    if kind == "program":
        return cc.Program.model_validate(data)
    raise UsageError(
        "cannot tell what the file holds: a journey has 'placements', a program 'level' and "
        "'schedule'; a list holds journeys"
    )


def run_export(args: argparse.Namespace) -> int:
    def work() -> int:
        from ..fhir import to_fhir, write_ndjson
        from ..fhir._ndjson import FILES

        obj = _read_objects(args.file)
        if args.ndjson is None:
            emit(
                dumps(
                    to_fhir(obj, release=args.release, base_url=args.base_url, patient=args.patient)
                )
            )
            return EXIT_OK
        items = obj if isinstance(obj, list) else [obj]
        existing = [n for n in FILES if (Path(args.ndjson) / f"{n}.ndjson").exists()]
        if existing and not args.overwrite:
            raise UsageError(
                f"{args.ndjson} already holds {', '.join(n + '.ndjson' for n in existing)}; "
                "pass --overwrite to replace them"
            )
        files = write_ndjson(
            items,
            args.ndjson,
            release=args.release,
            base_url=args.base_url,
            patient=args.patient,
            overwrite=args.overwrite,
        )
        for f in files:
            emit(f"{f.path}  {f.count} {f.resource_type}")
        return EXIT_OK

    return _guarded("export", work)


def _level_map(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        token, sep, level = pair.rpartition("=")
        if not sep or not token or not level:
            raise UsageError(f"--map takes SYSTEM|CODE=LEVEL, got {pair!r}")
        out[token] = level
    return out


def _as_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.model_dump(mode="json", exclude_defaults=True)


def run_import(args: argparse.Namespace) -> int:
    def work() -> int:
        from ..fhir import Unmapped, import_fhir, read_ndjson

        level_map = _level_map(args.map)
        notes: list[Unmapped] = []
        if Path(args.file).is_dir():
            value: Any = list(
                read_ndjson(
                    args.file,
                    release=args.release,
                    level_map=level_map,
                    base_url=args.base_url,
                    unmapped=notes,
                )
            )
        else:
            got = import_fhir(
                Path(args.file).read_bytes(),
                release=args.release,
                level_map=level_map,
                base_url=args.base_url,
            )
            value, notes = got.value, list(got.unmapped)
        emit(dumps(_as_json(value)))
        for note in notes:
            sys.stderr.write(paragraph(f"note: not mapped: {note}", hang=2) + "\n")
        return EXIT_OK

    return _guarded("import", work)
