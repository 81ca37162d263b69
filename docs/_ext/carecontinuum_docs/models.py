"""Field tables for pydantic models and member tables for enums.

Public classes report ``carecontinuum`` as their module (the facade rewrites
``__module__``), so autodoc cannot find the attribute docstrings written under
each field in the private module that defines it.  This module finds that
module by its source text and reads the docstrings with Sphinx's own analyzer.
"""

from __future__ import annotations

import enum
import functools
import importlib
import importlib.util
import re
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer

__all__ = [
    "add_field_tables",
    "attr_doc",
    "data_doc",
    "defining_module",
    "model_signature",
    "undo_property_types",
]

PACKAGE = "carecontinuum"
_NOISE = re.compile(r"\b(?:typing|collections\.abc|[a-z_][\w]*(?:\.[a-z_]\w*)*)\.(?=[A-Za-z_])")


@functools.cache
def _module_sources() -> dict[str, str]:
    """Source text of every module of the package, by dotted name (nothing is imported)."""
    spec = importlib.util.find_spec(PACKAGE)
    assert spec is not None
    assert spec.origin is not None
    root = Path(spec.origin).parent
    sources: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        sources[name] = path.read_text(encoding="utf-8")
    return sources


_DEFINITION = re.compile(r"^(?:(?:class|def)\s+(\w+)|(\w+)\s*(?::[^\n=]*)?=)", re.M)


@functools.cache
def _definitions() -> dict[str, tuple[str, ...]]:
    """Top-level name -> the modules that define it (class, def or assignment)."""
    index: dict[str, list[str]] = {}
    for module, text in _module_sources().items():
        for match in _DEFINITION.finditer(text):
            index.setdefault(match.group(1) or match.group(2), []).append(module)
    return {name: tuple(dict.fromkeys(mods)) for name, mods in index.items()}


def defining_module(name: str, obj: object) -> str | None:
    """The module whose source defines *name* at top level (class, def or assignment)."""
    found = _definitions().get(name, ())
    for mod in found:
        if vars(importlib.import_module(mod)).get(name) is obj:
            return mod
    return found[0] if found else None


@functools.cache
def _attr_docs(module: str) -> dict[tuple[str, str], list[str]]:
    return dict(ModuleAnalyzer.for_module(module).find_attr_docs())


def attr_doc(cls: type, attr: str) -> str:
    """The docstring written under *attr* in the class (or a base class) that defines it."""
    for klass in cls.__mro__:
        module = defining_module(klass.__name__, klass)
        lines = _attr_docs(module).get((klass.__qualname__, attr)) if module else None
        if lines:
            return _join(lines)
    return ""


def data_doc(name: str, obj: object) -> str:
    """The ``#:`` comment or docstring written for a module-level name where it is assigned."""
    module = defining_module(name, obj)
    lines = _attr_docs(module).get(("", name)) if module else None
    return _join(lines or [])


def _join(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def type_text(annotation: Any) -> str:
    """A short, readable rendering of a field annotation."""
    origin = get_origin(annotation)
    if annotation is type(None):
        return "None"
    if origin is None:
        text = getattr(annotation, "__name__", None) or repr(annotation)
        return _NOISE.sub("", text)
    args = get_args(annotation)
    name = getattr(origin, "__name__", str(origin))
    if name in {"Union", "UnionType"}:
        return " | ".join(type_text(a) for a in args)
    if name == "Literal":
        return "Literal[" + ", ".join(repr(a) for a in args) + "]"
    if name == "Annotated":
        return type_text(args[0])
    inner = ", ".join("..." if a is Ellipsis else type_text(a) for a in args)
    return f"{name}[{inner}]"


def _unit(field: FieldInfo) -> str:
    for meta in field.metadata:
        unit = getattr(meta, "unit", None)
        if isinstance(unit, str):
            return unit
    return ""


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        return "(computed)"
    text = repr(field.default.value if isinstance(field.default, enum.Enum) else field.default)
    return f"``{text}``" if len(text) <= 40 else f"``{text[:37]}...``"


def _table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["", f".. rubric:: {title}", "", ".. list-table::", "   :header-rows: 1", ""]
    for row in [header, *rows]:
        out.append(f"   * - {row[0] or ' '}")
        out += [f"     - {cell or ' '}" for cell in row[1:]]
    return [*out, ""]


def _field_rows(cls: type[BaseModel]) -> list[list[str]]:
    rows = []
    for name, field in cls.model_fields.items():
        kind = type_text(field.annotation)
        unit = _unit(field)
        if unit:
            kind += f" (in {unit})"
        doc = field.description or attr_doc(cls, name)
        rows.append([f"``{name}``", linked_type(kind), _default(field), doc])
    return rows


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def linked_type(text: str) -> str:
    """*text* (a rendered annotation) as inline markup: the facade's classes as links.

    ``CareLevel | None`` becomes a link to ``carecontinuum.CareLevel``, a
    space and the literal ``| None``.  Pieces that touch in the text
    (``tuple[`` and a link) are joined by an escaped space, which
    reStructuredText drops, so they still read as one type.
    """
    top = importlib.import_module(PACKAGE)
    public = {name for name in top.__all__ if isinstance(getattr(top, name), type)}
    pieces: list[str] = []
    last = 0
    for match in _IDENTIFIER.finditer(text):
        if match.group() in public:
            pieces += [text[last : match.start()], f":py:class:`~{PACKAGE}.{match.group()}`"]
            last = match.end()
    pieces.append(text[last:])
    out = ""
    for i, piece in enumerate(pieces):
        if i % 2:  # a link
            out += piece
            continue
        core = piece.strip()
        before = " " if piece[:1].isspace() else "\\ "
        after = " " if piece[-1:].isspace() else "\\ "
        if core:
            out += (before if i else "") + f"``{core}``" + (after if i < len(pieces) - 1 else "")
        elif i and i < len(pieces) - 1:
            out += " " if piece else "\\ "
    return out.strip()


def _member_rows(cls: type[enum.Enum]) -> list[list[str]]:
    return [
        [f"``{member.name}``", f"``{member.value!r}``", attr_doc(cls, member.name)]
        for member in cls
    ]


def add_field_tables(  # noqa: PLR0917  (Sphinx's event signature)
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """``autodoc-process-docstring``: append a field or member table to a class docstring."""
    if what not in {"class", "exception"} or not isinstance(obj, type):
        return
    if issubclass(obj, BaseModel) and obj.model_fields:
        lines += _table("Fields", ["field", "type", "default", "description"], _field_rows(obj))
    elif issubclass(obj, enum.Enum) and len(obj):
        lines += _table("Members", ["member", "value", "meaning"], _member_rows(obj))


def model_signature(  # noqa: PLR0917  (Sphinx's event signature)
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """``autodoc-process-signature``: models take their fields as keywords (see the table)."""
    if what == "class" and isinstance(obj, type) and issubclass(obj, BaseModel):
        return "(**fields)", None
    return None


def undo_property_types(  # noqa: PLR0917  (Sphinx's event signature)
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """``autodoc-process-docstring``, after napoleon: keep a property's first sentence whole.

    napoleon reads a property docstring that starts ``"Words: more words"`` as
    ``type: description`` (a Google-style convention).  This codebase states
    types as annotations and never uses that convention, so the "type" napoleon
    split off is put back in front of the description.
    """
    if what != "property":
        return
    for i, line in enumerate(lines):
        if line.startswith(":type: "):
            head = line.removeprefix(":type: ")
            del lines[i]
            while lines and not lines[-1].strip():
                lines.pop()
            lines[0:1] = [f"{head}: {lines[0]}" if lines else head]
            return
