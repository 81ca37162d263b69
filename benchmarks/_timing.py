"""Timing helpers the benchmarks share (run from ``benchmarks/``, so importable by name)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

__all__ = ["gc_paused"]

T = TypeVar("T")


def gc_paused(call: Callable[[], T]) -> Callable[[], T]:
    """*call*, run with the cyclic garbage collector paused.

    For anchors (``json.loads``, pydantic) at their fastest, and for timing a
    step as the library runs it when the library pauses the collector itself.

    Examples
    --------
    >>> import gc
    >>> gc_paused(gc.isenabled)(), gc.isenabled()
    (False, True)
    """

    def paused() -> T:
        gc.disable()
        try:
            return call()
        finally:
            gc.enable()

    return paused
