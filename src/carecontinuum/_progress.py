"""Progress of long batch work, shown with tqdm (the ``dataframe`` extra).

Batch functions take ``progress: bool | None = None``: ``True`` always shows
progress on stderr, ``False`` never does, and ``None`` (the default) shows it
only in an interactive terminal — never under pytest or in CI, so logs and
tests stay silent.  In a terminal, tqdm draws its bar on one line; when the
output is not a terminal (a log file, a pipe), each update is **one line** of
its own (``label: 2/3 note``), so logs stay readable.  Progress is never
required for a result: a broken stream just turns it off.  tqdm is imported
only when progress is shown.

Examples
--------
>>> with Progress("counting", total=3, enabled=False) as bar:
...     for _ in range(3):
...         bar.advance()
>>> bar.done
3
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from types import TracebackType
from typing import Any, TextIO

from .errors import MissingExtraError

__all__ = ["Progress", "progress_enabled"]


def progress_enabled(progress: bool | None, stream: TextIO | None = None) -> bool:
    """Resolve a ``progress`` argument: ``None`` means "only in an interactive terminal".

    Parameters
    ----------
    progress:
        ``True``, ``False`` or ``None``.
    stream:
        Where progress would go (stderr by default).

    Returns
    -------
    bool
        Whether to show progress.

    Raises
    ------
    TypeError
        For anything but a bool or None.

    Examples
    --------
    >>> progress_enabled(False)
    False
    """
    if progress is not None:
        if not isinstance(progress, bool):
            raise TypeError(f"progress must be True, False or None, got {type(progress).__name__}")
        return progress
    if os.environ.get("CI") or "PYTEST_CURRENT_TEST" in os.environ:
        return False
    return _is_terminal(sys.stderr if stream is None else stream)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class Progress:
    """Count steps of a job and show them on stderr (a tqdm bar, or one line per update).

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
        Minimum seconds between lines when the stream is not a terminal.
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        interval: float = 0.5,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.note = ""
        self._stream = sys.stderr if stream is None else stream
        self.enabled = progress_enabled(enabled, self._stream)
        self._interval = interval
        self._last = float("-inf")
        self._bar: Any = None
        self._lines = not _is_terminal(self._stream)
        self._start = time.monotonic()
        if self.enabled:
            try:
                import tqdm
            except ImportError as err:
                if enabled is None:
                    self.enabled = False
                else:
                    raise MissingExtraError("tqdm", "dataframe", "progress=True") from err
            else:
                self._tqdm = tqdm.tqdm
                if not self._lines:
                    self._bar = self._tqdm(total=total, desc=label, file=self._stream, leave=True)

    def advance(self, steps: int = 1, note: str = "") -> None:
        """Record *steps* more steps done (and what is being done now)."""
        self.done += steps
        if note:
            self.note = note
        if not self.enabled:
            return
        try:
            if self._bar is not None:
                if note:
                    self._bar.set_postfix_str(note, refresh=False)
                self._bar.update(steps)
                return
            now = time.monotonic()
            finished = self.total is not None and self.done >= self.total
            if finished or now - self._last >= self._interval:
                self._last = now
                self._line()
        except (OSError, ValueError):  # progress must never break the work
            self.enabled = False

    def _line(self) -> None:
        count = f"{self.done}/{self.total}" if self.total else str(self.done)
        elapsed = self._tqdm.format_interval(time.monotonic() - self._start)
        note = f" {self.note}" if self.note else ""
        self._stream.write(f"{self.label}: {count}{note} [{elapsed}]\n")
        self._stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            with contextlib.suppress(OSError, ValueError):
                self._bar.close()
