"""Plain-text rendering for the command line: tables, paragraphs and JSON.

Everything is laid out for a fixed width of 80 columns, whatever the
terminal, so output is the same everywhere (and in tests).  Cells that do not
fit are wrapped inside their column, with column widths chosen to keep the
table short; a word is broken only when a column cannot hold it.

Examples
--------
>>> print(table(["code", "name"], [["iop", "Intensive outpatient"], ["php", "Partial"]]))
code  name
----  --------------------
iop   Intensive outpatient
php   Partial
>>> print(table(["code", "description"], [["partial_hospitalization",
...     "Group and individual therapy about 5 hours a day, 5 days a week"]], width=50))
code                     description
-----------------------  -------------------------
partial_hospitalization  Group and individual
                         therapy about 5 hours a
                         day, 5 days a week
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

__all__ = ["WIDTH", "dumps", "fields", "heading", "number", "paragraph", "table"]

#: The width every human-readable line fits in.
WIDTH = 80
_GAP = "  "
_MIN_COLUMN = 6


def _lines(text: str, width: int) -> list[str]:
    out: list[str] = []
    for raw in text.splitlines() or [""]:
        out.extend(textwrap.wrap(raw, width, break_on_hyphens=False) or [""])
    return out


def _widths(
    columns: list[list[str]], natural: list[int], floors: Sequence[list[int]], room: int
) -> list[int]:
    """Column widths that fit *room* and wrap the table onto as few lines as possible.

    Start every column at its floor (the first floors that fit: whole words
    first, broken words only if they must), then hand out the spare room a
    few characters at a time to the column where they save the most wrapped
    lines per character.  Deterministic: ties go to the leftmost column.
    """
    n, rows = len(columns), len(columns[0])
    cache: dict[tuple[int, int], list[int]] = {}

    def heights(i: int, w: int) -> list[int]:
        if (i, w) not in cache:
            cache[i, w] = [len(_lines(cell, w)) for cell in columns[i]]
        return cache[i, w]

    def cost(widths: list[int]) -> tuple[int, int]:
        cols = [heights(j, widths[j]) for j in range(n)]
        table_lines = sum(max(col[r] for col in cols) for r in range(rows))
        return table_lines, sum(sum(col) for col in cols)

    widths = next((list(f) for f in floors if sum(f) <= room), list(floors[-1]))
    spare = room - sum(widths)
    current = cost(widths)
    while spare > 0:
        best: tuple[float, float, int, int] | None = None  # (-gain, -gain2, column, step)
        for i in range(n):
            for step in range(1, min(spare, natural[i] - widths[i]) + 1):
                trial = [*widths[:i], widths[i] + step, *widths[i + 1 :]]
                lines, cells = cost(trial)
                if (lines, cells) < current:
                    gain = ((current[0] - lines) / step, (current[1] - cells) / step)
                    if best is None or (-gain[0], -gain[1], i, step) < best:
                        best = (-gain[0], -gain[1], i, step)
                    break
        if best is None:
            break
        widths[best[2]] += best[3]
        spare -= best[3]
        current = cost(widths)
    # room that saves no line still makes wrapped text easier to read
    while spare > 0 and any(w < nat for w, nat in zip(widths, natural, strict=True)):
        i = max(range(n), key=lambda j: (natural[j] - widths[j], -j))
        step = min(spare, natural[i] - widths[i])
        widths[i] += step
        spare -= step
    return widths


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int = WIDTH,
    indent: int = 0,
    keep: Sequence[int] = (0,),
) -> str:
    """Render *rows* under *headers* as an aligned table at most *width* columns wide.

    Columns are separated by two spaces; a cell too long for its column wraps
    onto further lines of the same row.  Columns listed in *keep* (by default
    the first, which holds codes) are never narrowed unless nothing else can give.
    """
    n = len(headers)
    cells = [[str(c) for c in row] + [""] * (n - len(row)) for row in rows]
    natural = [
        max([len(headers[i]), *(max(map(len, r[i].splitlines() or [""])) for r in cells)])
        for i in range(n)
    ]
    words = [
        max(_longest_word([headers[i], *(r[i] for r in cells)]), min(natural[i], _MIN_COLUMN))
        for i in range(n)
    ]
    kept = [natural[i] if i in keep else min(natural[i], _MIN_COLUMN) for i in range(n)]
    hard = [min(natural[i], _MIN_COLUMN) for i in range(n)]
    room = width - indent - len(_GAP) * (n - 1)
    columns = [[headers[i], *(r[i] for r in cells)] for i in range(n)]
    widths = _widths(columns, natural, [words, kept, hard], room)
    pad = " " * indent

    def line(parts: Sequence[str]) -> str:
        return (pad + _GAP.join(p.ljust(w) for p, w in zip(parts, widths, strict=True))).rstrip()

    def block(row: Sequence[str]) -> list[str]:
        wrapped = [_lines(cell, w) for cell, w in zip(row, widths, strict=True)]
        height = max(len(c) for c in wrapped)
        return [line([c[k] if k < len(c) else "" for c in wrapped]) for k in range(height)]

    out = [*block(list(headers)), line(["-" * w for w in widths])]
    for row in cells:
        out.extend(block(row))
    return "\n".join(out)


def paragraph(text: str, *, indent: int = 0, hang: int = 0, width: int = WIDTH) -> str:
    """Wrap *text* to *width* columns, indented by *indent* (+ *hang* after the first line).

    >>> print(paragraph("one two three four", width=9, indent=2))
      one two
      three
      four
    >>> print(paragraph("one two three four", width=9, hang=2))
    one two
      three
      four
    """
    return textwrap.fill(
        text,
        width,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_on_hyphens=False,
    )


def fields(pairs: Sequence[tuple[str, str]], *, indent: int = 0, width: int = WIDTH) -> str:
    """Render label/value pairs, values aligned and wrapped under each other.

    >>> print(fields([("level", "Intensive outpatient (IOP)"), ("ASAM", "2.1")]))
    level  Intensive outpatient (IOP)
    ASAM   2.1
    """
    label_width = max((len(label) for label, _ in pairs), default=0)
    room = max(width - indent - label_width - len(_GAP), 20)
    out: list[str] = []
    for label, value in pairs:
        lines = _lines(value, room)
        out.append((" " * indent + label.ljust(label_width) + _GAP + lines[0]).rstrip())
        pad = " " * (indent + label_width + len(_GAP))
        out.extend((pad + rest).rstrip() for rest in lines[1:])
    return "\n".join(out)


def heading(title: str, *, underline: str = "=") -> str:
    """A title with an underline of the same length.

    >>> print(heading("Levels"))
    Levels
    ======
    """
    return f"{title}\n{underline * len(title)}"


def number(value: float) -> str:
    """A number without a needless ``.0`` (and at most 2 decimals).

    >>> number(9.0), number(2.5), number(1 / 3)
    ('9', '2.5', '0.33')
    """
    return f"{round(value, 2):g}"


def dumps(data: Any) -> str:
    """Deterministic, human-diffable JSON (2-space indent, UTF-8 kept as is)."""
    return json.dumps(data, indent=2, ensure_ascii=False)
