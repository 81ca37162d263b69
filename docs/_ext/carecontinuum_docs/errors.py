"""``.. carecontinuum-errors::``: the exception tree, generated from the classes.

Every exception and warning class that a public module lists in ``__all__``
(the API modules and ``carecontinuum.errors``) is placed under its first base
class in that set, with a link to its reference entry, the first sentence of
its docstring and the built-in exceptions it also derives from (what an
``except ValueError`` catches).  Classes that no API page documents (they are
importable only from ``carecontinuum.errors``) get their entry on this page.
The tree is read from the classes at build time, so it cannot drift.
"""

from __future__ import annotations

import builtins
import importlib
import inspect
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

from .api import API_MODULES, canonical, owner
from .models import PACKAGE

__all__ = ["ERRORS_MODULE", "ErrorsDirective", "public_exceptions"]

ERRORS_MODULE = f"{PACKAGE}.errors"


def public_exceptions() -> dict[type[BaseException], str]:
    """Every public exception or warning class -> the dotted name it is documented under."""
    found: dict[type[BaseException], str] = {}
    for module_name in (*API_MODULES, ERRORS_MODULE):
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if not (isinstance(obj, type) and issubclass(obj, BaseException)) or obj in found:
                continue
            page = owner(name, obj)
            if page == PACKAGE and name not in importlib.import_module(PACKAGE).__all__:
                found[obj] = f"{ERRORS_MODULE}.{name}"  # no API page lists it: this page does
            else:
                found[obj] = canonical(name, obj, page)
    return found


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ")
    if not first:
        return ""
    sentence = re.split(r"(?<![.\s])\.\s", first)[0]  # up to the first full stop, not "..."
    return sentence if sentence.endswith(".") else sentence + "."


def _builtin_bases(cls: type) -> list[str]:
    """The built-in exception classes *cls* derives from, most specific first."""
    names = [
        klass.__name__
        for klass in cls.__mro__[1:]
        if klass.__module__ == "builtins"
        and klass not in {BaseException, Exception, object, Warning}
        and getattr(builtins, klass.__name__, None) is klass
    ]
    return list(dict.fromkeys(names))


class ErrorsDirective(SphinxDirective):
    """Render the exception tree, then the entries of classes no API page documents."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        found = public_exceptions()
        children: dict[type | None, list[type]] = {}
        for cls in found:
            parent = next((b for b in cls.__mro__[1:] if b in found), None)
            children.setdefault(parent, []).append(cls)
        lines: list[str] = []
        roots = sorted(children.get(None, []), key=lambda c: (issubclass(c, Warning), c.__name__))
        for root in roots:
            lines += self._branch(root, found, children, 0)
            lines.append("")
        local = [name for name in found.values() if name.startswith(ERRORS_MODULE + ".")]
        if local:
            title = "Importable from carecontinuum.errors only"
            lines += [title, "-" * len(title), "", f".. currentmodule:: {ERRORS_MODULE}", ""]
            for name in local:
                lines += [f".. autoexception:: {name}", "   :members:", ""]
        return nested_parse_to_nodes(self.state, "\n".join(lines), source="<carecontinuum errors>")

    def _branch(
        self,
        cls: type,
        found: dict[type[BaseException], str],
        children: dict[type | None, list[type]],
        depth: int,
    ) -> list[str]:
        indent = "  " * depth
        notes = []
        first_found = next((b for b in cls.__mro__[1:] if b in found), None)
        others = [b for b in cls.__bases__ if b in found and b is not first_found]
        notes += [f":py:exc:`~{found[b]}`" for b in others]
        notes += [f"``{name}``" for name in _builtin_bases(cls)]
        note = f" (also a {', '.join(notes)})" if notes else ""
        summary = _summary(cls)
        lines = [f"{indent}- :py:exc:`~{found[cls]}`{note}" + (f" — {summary}" if summary else "")]
        kids = sorted(children.get(cls, []), key=lambda c: c.__name__)
        if kids:
            lines.append("")
            for kid in kids:
                lines += self._branch(kid, found, children, depth + 1)
            lines.append("")
        return lines
