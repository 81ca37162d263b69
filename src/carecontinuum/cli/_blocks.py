"""Blocks of text that print as 80-column text or serialise as JSON (``tour --json``).

>>> Para("one two three", indent=2).render()
'  one two three'
>>> Table(["a", "b"], [["1", "2"]]).data()
{'type': 'table', 'headers': ['a', 'b'], 'rows': [['1', '2']]}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._render import paragraph, table

__all__ = ["Block", "Para", "Pre", "Table"]


@dataclass(frozen=True)
class Para:
    """A paragraph, wrapped to 80 columns when printed."""

    text: str
    indent: int = 0
    hang: int = 0

    def render(self) -> str:
        return paragraph(self.text, indent=self.indent, hang=self.hang)

    def data(self) -> dict[str, Any]:
        return {"type": "paragraph", "text": self.text}


@dataclass(frozen=True)
class Table:
    """A table of text cells."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    indent: int = 0

    def render(self) -> str:
        return table(self.headers, self.rows, indent=self.indent)

    def data(self) -> dict[str, Any]:
        return {
            "type": "table",
            "headers": list(self.headers),
            "rows": [list(r) for r in self.rows],
        }


@dataclass(frozen=True)
class Pre:
    """Text laid out already (numbered moves)."""

    text: str

    def render(self) -> str:
        return self.text

    def data(self) -> dict[str, Any]:
        return {"type": "text", "text": self.text}


Block = Para | Table | Pre | str
"""One part of a section; ``""`` is a blank line."""
