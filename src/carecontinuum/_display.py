"""One display layer: objects say *what* to show, one renderer says *how*.

An object that notebooks show supplies a :class:`Display` — a title, rows of
(label, value), optional tables and a footnote — from its ``_display_()``
method.  :func:`render_html` and :func:`render_text` turn any display into
HTML (escaped, always) or plain text, so every object looks alike and no
model writes markup of its own.

:class:`DisplayMixin` gives a pydantic model a ``_repr_html_`` and, by default,
a row per field that is set; a model that curates its rows still gets the
fields its subclasses add (a plug-in modality's extra fields show up without
the plug-in writing any display code).

Examples
--------
>>> d = Display("IOP", rows=[("hours/week", 9.0), ("setting", "ambulatory")])
>>> print(render_text(d))
IOP
  hours/week  9
  setting     ambulatory
>>> render_html(Display("<b>", rows=[("x", "<script>")]))
"<table><caption><b>&lt;b&gt;</b></caption><tr><th style='text-align:left'>x</th><td \
style='text-align:left'>&lt;script&gt;</td></tr></table>"
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar

from pydantic import BaseModel

__all__ = ["Display", "DisplayMixin", "Table", "num", "render_html", "render_text", "show"]


def num(value: float) -> str:
    """A number as people write it: ``3``, ``2.5``, ``0.333``.

    Examples
    --------
    >>> num(3.0), num(2.5), num(1 / 3), num(4.7e306), num(float("inf"))
    ('3', '2.5', '0.333', '4.7e+306', 'inf')
    """
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    if not math.isfinite(number) or abs(number) >= 1e15:
        return f"{number:.4g}"
    return f"{number:.3g}" if abs(number) < 1 else f"{number:.4g}"


def show(value: object) -> str:
    """A value as a display cell: numbers trimmed, enums by value, sequences joined.

    Examples
    --------
    >>> from carecontinuum import Setting
    >>> show(2.50), show(Setting.AMBULATORY), show(("a", "b")), show(True), show(None)
    ('2.5', 'ambulatory', 'a, b', 'yes', '—')
    """
    text: str
    if value is None:
        text = "—"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, Enum):
        text = str(value.value).replace("_", " ")
    elif isinstance(value, float | int):
        text = num(value)
    elif isinstance(value, tuple | list | frozenset | set):
        text = ", ".join(show(v) for v in value)
    else:
        text = str(value)
    return text


@dataclass(frozen=True, slots=True)
class Table:
    """A table inside a display: a caption, column headers and rows of cells."""

    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Display:
    """What to show for one object.

    Parameters
    ----------
    title:
        The caption (an object's name).
    rows:
        (label, value) pairs, in order; values are rendered with :func:`show`.
    tables:
        Tables shown after the rows (a framework's levels, a journey's placements).
    note:
        A footnote (a description, a caveat).
    """

    title: str
    rows: Sequence[tuple[str, object]] = ()
    tables: Sequence[Table] = field(default_factory=tuple)
    note: str = ""


def _cell(value: object) -> str:
    return html.escape(show(value))


def render_html(display: Display) -> str:
    """The display as an HTML fragment; every text is escaped.

    Examples
    --------
    >>> render_html(Display("T", tables=[Table(["a"], [[1]])]))
    '<table><caption><b>T</b></caption></table><table><tr><th>a</th></tr><tr><td>1</td></tr></table>'
    """
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
        f"<td style='text-align:left'>{_cell(value)}</td></tr>"
        for label, value in display.rows
    )
    parts = [f"<table><caption><b>{html.escape(display.title)}</b></caption>{rows}</table>"]
    for table in display.tables:
        caption = f"<caption>{html.escape(table.caption)}</caption>" if table.caption else ""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in table.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in table.rows
        )
        parts.append(f"<table>{caption}<tr>{head}</tr>{body}</table>")
    if display.note:
        parts.append(f"<p>{html.escape(display.note)}</p>")
    return "".join(parts)


def render_text(display: Display, width: int = 80) -> str:
    """The display as plain text, wrapped to *width* columns.

    Examples
    --------
    >>> print(render_text(Display("T", tables=[Table(["code", "rank"], [["op", 0], ["iop", 1]])])))
    T
      code  rank
      op    0
      iop   1
    """
    lines = [display.title]
    label_width = max((len(label) for label, _ in display.rows), default=0)
    for label, value in display.rows:
        prefix = f"  {label:<{label_width}}  "
        wrapped = textwrap.wrap(
            show(value), width=max(width - len(prefix), 20), break_long_words=True
        ) or [""]
        lines.append(prefix + wrapped[0])
        lines.extend(" " * len(prefix) + more for more in wrapped[1:])
    for table in display.tables:
        if table.caption:
            lines.append(f"  {table.caption}")
        cells = [[show(h) for h in table.header], *[[show(c) for c in row] for row in table.rows]]
        widths = [max(len(row[i]) for row in cells) for i in range(len(table.header))]
        lines.extend(
            "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in cells
        )
    if display.note:
        lines.extend(
            textwrap.wrap(display.note, width=width, initial_indent="  ", subsequent_indent="  ")
        )
    return "\n".join(lines)


def _is_unset(value: object, default: object) -> bool:
    return value is None or value == default or value in ("", ())


class DisplayMixin:
    """Gives a pydantic model a notebook display built from its fields.

    A model overrides :meth:`_display_rows` to curate its rows and names the
    fields those rows cover in ``_display_fields``; every other field that is
    set — a subclass's extra fields included — is appended automatically.
    """

    #: Fields the curated rows already show (the automatic rows skip them).
    _display_fields: ClassVar[frozenset[str]] = frozenset()
    #: Fields never shown as rows (the title, internal tags).
    _display_hidden: ClassVar[frozenset[str]] = frozenset({"kind"})

    def _display_title(self) -> str:
        return str(self)

    def _display_rows(self) -> list[tuple[str, object]]:
        return []

    def _display_tables(self) -> list[Table]:
        return []

    def _display_note(self) -> str:
        return ""

    def _display_(self) -> Display:
        rows = self._display_rows()
        rows.extend(self._field_rows())
        return Display(self._display_title(), rows, self._display_tables(), self._display_note())

    def _field_rows(self) -> Iterable[tuple[str, object]]:
        if not isinstance(self, BaseModel):
            return []
        skip = self._display_fields | self._display_hidden
        found: list[tuple[str, Any]] = []
        for name, info in type(self).model_fields.items():
            if name in skip:
                continue
            value = getattr(self, name)
            if not _is_unset(value, info.default):
                found.append((name.replace("_", " "), value))
        return found

    def _repr_html_(self) -> str:
        return render_html(self._display_())
