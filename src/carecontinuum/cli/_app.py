"""The ``carecontinuum`` command: argument parsing, dispatch and error handling.

Every command lives in its own module with an ``add_parser(subparsers)``
function that registers it and sets ``func`` to the function running it.
Bad input never ends in a traceback: known errors become a one-line message
on stderr and an exit code (0 OK, 1 findings, 2 usage, 70 a bug of ours).

Under ``--json``, stdout carries one JSON document whatever happens: the
command's result, or for an error (a bad file, a bad option, a bug)
``{"error": {"command": ..., "exit_code": ..., "message": ...}}``.  The
message is written to stderr as well, as without ``--json``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

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
exit codes: 0 OK, 1 problems found (validate, fhir), 2 usage error or a file
that cannot be read, 70 a bug in carecontinuum.
Add --json to tour, levels, modalities, classify, path, validate, schema, teds
summary or locator search for machine-readable output; errors are then JSON
on stdout too: {"error": {"command", "exit_code", "message"}}."""


class _ArgumentError(Exception):
    """argparse refused the command line (raised instead of exiting)."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are raised, so ``--json`` can report them as JSON."""

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(self, message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from .._version import __version__

    parser = _Parser(
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
    words = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in words[: words.index("--") if "--" in words else len(words)]
    parser = build_parser()
    try:
        args = parser.parse_args(words)
    except SystemExit as exit_:  # --help or --version
        return _code(exit_.code)
    except _ArgumentError as err:
        err.parser.print_usage(sys.stderr)
        return _fail(err.parser.prog, err.message, EXIT_USAGE, as_json=as_json)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _dispatch(args, f"{PROG} {args.command}", as_json=bool(getattr(args, "json", False)))


def _dispatch(args: argparse.Namespace, prog: str, *, as_json: bool = False) -> int:
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `carecontinuum tour | head`
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except _ArgumentError as err:  # a command's own check of its options
        err.parser.print_usage(sys.stderr)
        return _fail(err.parser.prog, err.message, EXIT_USAGE, as_json=as_json)
    except UsageError as exc:
        return _fail(prog, str(exc), EXIT_USAGE, as_json=as_json)
    except Exception as exc:
        return _report(prog, exc, as_json=as_json)


def _report(prog: str, exc: Exception, *, as_json: bool = False) -> int:
    """Turn a known kind of error into a clean message and an exit code."""
    import json

    from ..errors import CareContinuumError, InvalidQuantityError, UnknownKeyError

    if isinstance(exc, UnknownKeyError | InvalidQuantityError):
        return _fail(prog, str(exc), EXIT_USAGE, as_json=as_json)
    if _is_validation_error(exc):
        from ._render import paragraph
        from ._validate import problems_from_validation_error

        lines = [
            paragraph(f"{p.location}: {p.message}", indent=2, hang=2)
            for p in problems_from_validation_error(exc)
        ]
        return _fail(prog, "invalid value\n" + "\n".join(lines), EXIT_USAGE, as_json=as_json)
    if isinstance(exc, CareContinuumError):
        return _fail(prog, str(exc), EXIT_FINDINGS, as_json=as_json)
    if isinstance(exc, json.JSONDecodeError):
        return _fail(prog, f"not valid JSON: {exc}", EXIT_FINDINGS, as_json=as_json)
    if isinstance(exc, OSError):
        where = f"{exc.filename!r}: " if exc.filename else ""
        return _fail(prog, f"cannot read {where}{exc.strerror or exc}", EXIT_USAGE, as_json=as_json)
    if os.environ.get("CARECONTINUUM_TRACEBACK"):
        raise exc
    return _fail(
        prog,
        f"internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in carecontinuum; please report it "
        "(set CARECONTINUUM_TRACEBACK=1 to see the traceback).",
        EXIT_INTERNAL,
        as_json=as_json,
    )


def _is_validation_error(exc: BaseException) -> bool:
    core = sys.modules.get("pydantic_core")  # not loaded → no ValidationError can exist
    return core is not None and isinstance(exc, core.ValidationError)


def _fail(prog: str, message: str, code: int, *, as_json: bool = False) -> int:
    sys.stderr.write(f"{prog}: error: {message}\n")
    if as_json:
        import json

        error = {"command": prog, "exit_code": code, "message": " ".join(message.split())}
        sys.stdout.write(json.dumps({"error": error}, ensure_ascii=False) + "\n")
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
