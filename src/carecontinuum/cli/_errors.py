"""The command line's one error: a bad command-line value or file (exit code 2)."""

from __future__ import annotations

__all__ = ["UsageError"]


class UsageError(Exception):
    """A bad command-line value or file; the message is one line, exit code 2."""
