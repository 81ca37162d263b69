"""The errors of :mod:`carecontinuum.transitions`.

A move the graph does not allow raises the root
:class:`~carecontinuum.errors.InvalidTransitionError`; an edge or level added
twice raises :class:`~carecontinuum.errors.DuplicateRegistrationError`.  The
two classes here are specific to graphs:

* :class:`UnknownGraphLevelError` (an :class:`~carecontinuum.errors.UnknownLevelError`,
  so also a :class:`LookupError`): a graph has no level the key names;
* :class:`GraphExportError` (a :class:`ValueError`): a text format cannot
  carry a character of a name, label or other value.

Examples
--------
>>> import carecontinuum as cc
>>> try:
...     cc.default_graph().level("resi")
... except cc.UnknownLevelError as err:
...     print(err)
graph 'continuum' has no care level 'resi'; did you mean 'residential'?
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._text import echo
from ..errors import CareContinuumError, UnknownLevelError

__all__ = ["GraphExportError", "UnknownGraphLevelError"]


class UnknownGraphLevelError(UnknownLevelError):
    """A graph has no level that the key (a code, an alias or a ``CareLevel``) names.

    Parameters
    ----------
    graph:
        The graph's name.
    key:
        The key as the caller passed it (echoed in at most ~80 characters).
    suggestions:
        Codes of the graph's levels that are close to *key*, best first.
    known:
        Every code of the graph (listed in the message when there are few).
    """

    def __init__(
        self,
        graph: str,
        key: object,
        suggestions: Sequence[str] = (),
        known: Iterable[str] = (),
    ) -> None:
        self.graph = graph
        super().__init__("care level", key, suggestions, known)

    def _message(self) -> str:
        key = self.key
        if isinstance(key, str):
            what = f"graph {echo(self.graph)} has no care level {echo(key)}"
        else:
            what = (
                f"graph {echo(self.graph)} has no care level {echo(key)}: a level is named by "
                f"its code, an alias or the CareLevel itself, not a {type(key).__name__}"
            )
        if self.suggestions:
            return what + "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        if self.known and len(self.known) <= 20:
            return what + "; its levels: " + ", ".join(self.known)
        return what


class GraphExportError(CareContinuumError, ValueError):
    """A text export (GraphML, DOT, Mermaid) cannot carry a character of a value.

    XML 1.0 — and so GraphML — has no way to write NUL and most other control
    characters (nor unpaired surrogates), so these three formats refuse them
    rather than drop or replace them; node-link JSON carries every character.

    Attributes
    ----------
    format:
        The export's format (``"GraphML"``, ``"DOT"`` or ``"Mermaid"``).
    field:
        Which value holds the character (``"level 'outpatient' name"``).
    char:
        The character refused.
    """

    def __init__(self, format: str, field: str, char: str, position: int) -> None:
        self.format = format
        self.field = field
        self.char = char
        self.position = position
        super().__init__(
            f"{format} export: {field} has the character U+{ord(char):04X} at position "
            f"{position}, which {format} cannot carry; remove it (node-link JSON keeps it)"
        )
