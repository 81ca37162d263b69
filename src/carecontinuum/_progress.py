"""A tiny, dependency-free progress display for long batch work.

Batch functions take ``progress: bool | None = None``: ``True`` always shows
progress on stderr, ``False`` never does, and ``None`` (the default) shows it
only in an interactive terminal — never under pytest or in CI, so logs and
tests stay silent.  Progress is never required for a result.

Examples
--------
>>> with Progress("counting", total=3, enabled=False) as bar:
...     for _ in range(3):
...         bar.advance()
>>> bar.done
3
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["Progress", "progress_enabled"]


def progress_enabled(progress: bool | None, stream: TextIO | None = None) -> bool:
    """Resolve a ``progress`` argument: ``None`` means "only in an interactive terminal"."""
    if progress is not None:
        return progress
    if os.environ.get("CI") or "PYTEST_CURRENT_TEST" in os.environ:
        return False
    out = sys.stderr if stream is None else stream
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class Progress:
    """Count steps of a job and show ``label: done/total`` on one stderr line.

    Parameters
    ----------
    label:
        What is being done.
    total:
        Steps expected (``None`` when unknown).
    enabled:
        See :func:`progress_enabled`.
    stream:
        Where to write (stderr by default).
    interval:
        Minimum seconds between redraws.
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        interval: float = 0.1,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.note = ""
        self._stream = sys.stderr if stream is None else stream
        self.enabled = progress_enabled(enabled, self._stream)
        self._interval = interval
        self._last = 0.0
        self._shown = False
        self._width = 0

    def advance(self, steps: int = 1, note: str = "") -> None:
        """Record *steps* more steps done (and what is being done now)."""
        self.done += steps
        if note:
            self.note = note
        if self.enabled:
            now = time.monotonic()
            if now - self._last >= self._interval or (self.total and self.done >= self.total):
                self._last = now
                self._draw()

    def _draw(self) -> None:
        count = f"{self.done}/{self.total}" if self.total else str(self.done)
        line = f"{self.label}: {count}" + (f" {self.note}" if self.note else "")
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        try:
            self._stream.write(f"\r{line}{pad}")
            self._stream.flush()
            self._shown = True
        except (OSError, ValueError):  # progress must never break the work
            self.enabled = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.enabled and self._shown:
            self._draw()
            try:
                self._stream.write("\n")
                self._stream.flush()
            except (OSError, ValueError):
                pass
