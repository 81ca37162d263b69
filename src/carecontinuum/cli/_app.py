"""The ``carecontinuum`` command: argument parsing, dispatch and error handling.

Every command lives in its own module with an ``add_parser(subparsers)``
function that registers it and sets ``func`` to the function running it.
Bad input never ends in a traceback: known errors become a one-line message
on stderr and an exit code (0 OK, 1 findings, 2 usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from . import (
    _classify,
    _fhir,
    _graph,
    _levels,
    _locator,
    _modalities,
    _schema,
    _teds,
    _tour,
    _validate,
)
from ._support import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    RawHelpFormatter,
    UsageError,
)

__all__ = ["build_parser", "main"]

PROG = "carecontinuum"
_DESCRIPTION = """\
Explore the behavioral-health continuum of care: levels (outpatient, intensive
outpatient, partial hospitalization, residential, inpatient acute) and how ASAM,
LOCUS and TEDS code them; modalities; how many hours a week a schedule adds up
to and which level that is under each published rule set; step-up and step-down
pathways; checking program or journey files; summarising TEDS-D discharge
files; exchanging records as FHIR; and searching a SAMHSA treatment-locator
listing.

Start with:  carecontinuum tour"""
_EPILOG = """\
exit codes: 0 OK, 1 problems found (validate, fhir), 2 usage error.
Add --json to levels, modalities, classify, path, validate, schema, teds
summary or locator search for machine-readable output."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from .._version import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=RawHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in (
        _tour,
        _levels,
        _modalities,
        _classify,
        _graph,
        _validate,
        _schema,
        _teds,
        _fhir,
        _locator,
    ):
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``carecontinuum`` command line with *argv*; return the exit code.

    Without *argv*, the arguments come from ``sys.argv``.  Never raises for
    bad input (``--help`` and ``--version`` return 0 instead of exiting).
    """
    _tolerate_narrow_encodings()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or argparse's own usage errors
        return _code(exit_.code)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _dispatch(args, f"{PROG} {args.command}")


def _dispatch(args: argparse.Namespace, prog: str) -> int:
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `carecontinuum tour | head`
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except UsageError as exc:
        return _fail(prog, str(exc), EXIT_USAGE)
    except Exception as exc:
        return _report(prog, exc)


def _report(prog: str, exc: Exception) -> int:
    """Turn a known kind of error into a clean message and an exit code."""
    import json

    from ..errors import CareContinuumError, InvalidQuantityError, UnknownKeyError

    if isinstance(exc, UnknownKeyError | InvalidQuantityError):
        return _fail(prog, str(exc), EXIT_USAGE)
    if _is_validation_error(exc):
        from ._render import paragraph
        from ._validate import problems_from_validation_error

        lines = [
            paragraph(f"{p.location}: {p.message}", indent=2, hang=2)
            for p in problems_from_validation_error(exc)
        ]
        return _fail(prog, "invalid value\n" + "\n".join(lines), EXIT_USAGE)
    if isinstance(exc, CareContinuumError):
        return _fail(prog, str(exc), EXIT_FINDINGS)
    if isinstance(exc, json.JSONDecodeError):
        return _fail(prog, f"not valid JSON: {exc}", EXIT_FINDINGS)
    if isinstance(exc, OSError):
        where = f"{exc.filename!r}: " if exc.filename else ""
        return _fail(prog, f"cannot read {where}{exc.strerror or exc}", EXIT_USAGE)
    if os.environ.get("CARECONTINUUM_TRACEBACK"):
        raise exc
    return _fail(
        prog,
        f"internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in carecontinuum; please report it "
        "(set CARECONTINUUM_TRACEBACK=1 to see the traceback).",
        EXIT_INTERNAL,
    )


def _is_validation_error(exc: BaseException) -> bool:
    core = sys.modules.get("pydantic_core")  # not loaded → no ValidationError can exist
    return core is not None and isinstance(exc, core.ValidationError)


def _fail(prog: str, message: str, code: int) -> int:
    sys.stderr.write(f"{prog}: error: {message}\n")
    return code


def _code(code: Any) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return EXIT_USAGE


def _tolerate_narrow_encodings() -> None:
    """Keep en dashes and arrows from crashing a non-UTF-8 terminal."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="replace")


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass
    finally:
        os.close(devnull)
