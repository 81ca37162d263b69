"""What every command shares: exit codes, usage errors and feature checks.

Kept free of heavy imports: ``carecontinuum --help`` must not load pydantic
models, pint or networkx.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable

from .._lookup import MAX_KEY_LENGTH
from .._text import echo
from ._errors import UsageError

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "HelpFormatter",
    "RawHelpFormatter",
    "UsageError",
    "emit",
    "suggest",
]

EXIT_OK = 0
"""The command did what was asked."""
EXIT_FINDINGS = 1
"""The command ran and found problems (``validate``), or a feature is unavailable."""
EXIT_USAGE = 2
"""The command line was wrong: unknown command, option, level, rule set or model."""
EXIT_INTERNAL = 70
"""A bug in carecontinuum (``EX_SOFTWARE``)."""


class HelpFormatter(argparse.HelpFormatter):
    """Help wrapped to 80 columns whatever the terminal, so help text is deterministic."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80, max_help_position=28)


class RawHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """:class:`HelpFormatter` that keeps the description's own line breaks."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80, max_help_position=28)


def suggest(kind: str, key: str, known: Iterable[str]) -> UsageError:
    """A :class:`UsageError` for an unknown *key*, suggesting close matches.

    >>> str(suggest("model", "Jurney", ["Journey", "Placement"]))
    "unknown model 'Jurney'; did you mean 'Journey'?"
    """
    known = list(known)
    folded = {k.casefold(): k for k in known}
    close = []  # a key longer than any name suggests nothing (and costs nothing)
    if len(key) <= MAX_KEY_LENGTH:
        close = difflib.get_close_matches(key.casefold(), list(folded), n=3, cutoff=0.6)
    message = f"unknown {kind} {echo(key)}"
    if close:
        message += "; did you mean " + " or ".join(repr(folded[c]) for c in close) + "?"
    else:
        message += "; known: " + ", ".join(known)
    return UsageError(message)


def emit(text: str = "") -> None:
    """Write *text* and a newline to the current standard output."""
    sys.stdout.write(text + "\n")
