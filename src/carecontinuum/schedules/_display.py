"""Small formatting helpers shared by the schedule, intensity and program displays."""

from __future__ import annotations

import html
from collections.abc import Iterable

__all__ = ["html_table", "num"]


def num(value: float) -> str:
    """A number as people write it: ``3``, ``2.5``, ``0.333``.

    >>> num(3.0), num(2.5), num(1 / 3), num(1e300)
    ('3', '2.5', '0.333', '1e+300')
    """
    if abs(value) >= 1e15:  # beyond what people write digit by digit
        return f"{value:.4g}"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.4g}"


def html_table(caption: str, rows: Iterable[tuple[str, object]]) -> str:
    """A two-column HTML table (label, value) with a bold caption, everything escaped."""
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
        f"<td style='text-align:left'>{html.escape(str(value))}</td></tr>"
        for label, value in rows
    )
    return f"<table><caption><b>{html.escape(caption)}</b></caption>{body}</table>"
