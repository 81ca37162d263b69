"""``.. carecontinuum-api:: MODULE``: the API reference of one module, from its ``__all__``.

Every public name is documented exactly once, on the page of the subpackage
that defines it, under the name users import it by: ``carecontinuum.CareLevel``
(what its repr and tracebacks say) when the facade exports it, otherwise
``carecontinuum.units.Hours``.  The page of ``carecontinuum`` itself documents
what no subpackage owns (errors, sources) and lists the whole facade with links.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from typing import Annotated, Any, ClassVar, get_args, get_origin

from docutils import nodes
from pydantic import BaseModel
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

from .models import PACKAGE, data_doc, defining_module, type_text

__all__ = ["API_MODULES", "ApiDirective"]

logger = logging.getLogger(__name__)
_ROLE = re.compile(r":(attr|meth|py:attr|py:meth):`(\w+)`")

#: The modules with an API page, most general first.
API_MODULES = (
    PACKAGE,
    f"{PACKAGE}.units",
    f"{PACKAGE}.levels",
    f"{PACKAGE}.modalities",
    f"{PACKAGE}.schedules",
    f"{PACKAGE}.intensity",
    f"{PACKAGE}.programs",
    f"{PACKAGE}.locator",
    f"{PACKAGE}.transitions",
    f"{PACKAGE}.journeys",
    f"{PACKAGE}.journeys.population",
    f"{PACKAGE}.teds",
    f"{PACKAGE}.fhir",
    f"{PACKAGE}.registries",
)
_PAGE_MODULES = tuple(m for m in API_MODULES if m != PACKAGE)

#: Types of private modules that public signatures and docstrings name, by the API page that
#: explains them.  They are not importable from a public module; their entries say what they are.
SIGNATURE_TYPES = {
    f"{PACKAGE}.units": (f"{PACKAGE}.units._convert.ConversionError",),
    f"{PACKAGE}.levels": (f"{PACKAGE}._lookup.Lookup",),
    f"{PACKAGE}.intensity": (f"{PACKAGE}.intensity._engine.CompiledRuleSet",),
    f"{PACKAGE}.programs": (f"{PACKAGE}.programs._record.ProgramRecord",),
    f"{PACKAGE}.journeys": (
        f"{PACKAGE}.journeys._plot.JourneyLike",
        f"{PACKAGE}.journeys._frame.Columns",
    ),
    f"{PACKAGE}.teds": (f"{PACKAGE}.teds._read.CsvSource", f"{PACKAGE}.teds._synthetic.Form"),
    f"{PACKAGE}.registries": (f"{PACKAGE}._registry.Transaction",),
}


def _lists(module_name: str, name: str, obj: object) -> bool:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return False
    return name in getattr(module, "__all__", ()) and getattr(module, name, None) is obj


def owner(name: str, obj: object) -> str:
    """The API page that documents *obj*.

    Among the pages whose module lists the name in ``__all__``, the one whose
    module defines it (the longest matching prefix); failing that the first
    such page; failing that the page of the facade.
    """
    candidates = [m for m in _PAGE_MODULES if _lists(m, name, obj)]
    where = defining_module(name, obj) or ""
    inside = [m for m in candidates if where == m or where.startswith(m + ".")]
    if inside:
        return max(inside, key=len)
    return candidates[0] if candidates else PACKAGE


def canonical(name: str, obj: object, module: str) -> str:
    """The dotted name users import *obj* by."""
    top = importlib.import_module(PACKAGE)
    if name in top.__all__ and getattr(top, name, None) is obj:
        return f"{PACKAGE}.{name}"
    return f"{module}.{name}"


def _kind(obj: object) -> str:
    if get_origin(obj) is not None:  # a type alias such as Annotated[float, InUnit(...)]
        return "data"
    if isinstance(obj, type):
        return "exception" if issubclass(obj, BaseException) else "class"
    if inspect.isroutine(obj) or (callable(obj) and not isinstance(obj, type)):
        return "function"
    return "data"


def _directive(name: str, obj: Any, target: str) -> list[str]:
    kind = _kind(obj)
    if kind == "function":
        return [f".. autofunction:: {target}", ""]
    if kind in {"class", "exception"}:
        lines = [f".. auto{kind}:: {target}"]
        if not issubclass(obj, enum.Enum):
            lines.append("   :members:")
            if kind == "class" and _composed(obj):
                lines.append("   :inherited-members:")
            if issubclass(obj, BaseModel):
                hidden = ["model_config", *obj.model_fields]
                lines.append("   :exclude-members: " + ", ".join(hidden))
        return [*lines, ""]
    text = _alias_text(obj) if get_origin(obj) is not None else repr(obj)
    module, _, short = target.rpartition(".")
    lines = [f".. py:data:: {short}", f"   :module: {module}"]
    if len(text) <= 90 and "\n" not in text:
        lines.append(f"   :value: {text}")
    doc = data_doc(name, obj)
    if not doc:
        logger.info("carecontinuum-api: no docstring or #: comment for %s", target)
    return [*lines, "", f"   {doc}", ""]


def _composed(cls: type) -> bool:
    """Whether *cls* is built from private base classes of the package (facets).

    ``ContinuumGraph`` is composed from facets defined in private modules; its
    page lists their members as its own.
    """
    package = cls.__module__.rpartition(".")[0]  # facets live beside the class they compose
    return any(
        base.__module__.rpartition(".")[0] == package
        and base.__module__.rpartition(".")[2].startswith("_")
        for base in cls.__mro__[1:]
        if not issubclass(base, BaseModel)
    )


def _alias_text(alias: Any) -> str:
    """``Annotated[float, InUnit('hour / day')]`` rather than the marker's full repr."""
    if get_origin(alias) is Annotated:
        base, *meta = get_args(alias)
        units = [m.unit for m in meta if isinstance(getattr(m, "unit", None), str)]
        marker = f"InUnit({units[0]!r})" if units else "..."
        return f"Annotated[{type_text(base)}, {marker}]"
    return type_text(alias)


class ApiDirective(SphinxDirective):
    """Document the public names of one module, grouped into classes, functions and data."""

    required_arguments = 1
    has_content = False
    _GROUPS: ClassVar[dict[str, str]] = {
        "class": "Classes",
        "exception": "Exceptions",
        "function": "Functions",
        "data": "Types and constants",
    }

    def run(self) -> list[nodes.Node]:
        module_name = self.arguments[0]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            return _not_available(self, module_name)
        public = getattr(module, "__all__", None)
        if public is None:
            logger.warning("%s has no __all__: its public names are unknown", module_name)
            public = ()
        names = [n for n in public if n != "__version__"]
        groups: dict[str, list[str]] = {kind: [] for kind in self._GROUPS}
        elsewhere: list[str] = []
        for name in names:
            obj = getattr(module, name)
            page = owner(name, obj)
            target = canonical(name, obj, module_name)
            if page != module_name:
                elsewhere.append(f":py:obj:`{canonical(name, obj, page)}`")
                continue
            groups[_kind(obj)].extend(_directive(name, obj, target))
        lines = [f".. automodule:: {module_name}", "   :no-members:", ""]
        if module_name == PACKAGE:
            lines += _facade_table(module)
            groups["data"] += [
                ".. py:data:: __version__",
                f"   :module: {PACKAGE}",
                "   :type: str",
                "",
                "   The installed version of the library.",
                "",
            ]
        for kind, title in self._GROUPS.items():
            if groups[kind]:
                lines += [title, "-" * len(title), "", *groups[kind]]
        lines += _signature_types(module_name)
        if elsewhere and module_name != PACKAGE:
            lines += ["Also importable from here", "-" * 25, "", ", ".join(elsewhere), ""]
        return nested_parse_to_nodes(self.state, "\n".join(lines), source=f"<api {module_name}>")


def _signature_types(module_name: str) -> list[str]:
    paths = SIGNATURE_TYPES.get(module_name, ())
    if not paths:
        return []
    title = "Types in signatures"
    lines = [
        title,
        "-" * len(title),
        "",
        "The signatures above name these types.  They live in private modules and are not "
        "importable from a public one; use them in annotations only through the public names "
        "that accept or return them.",
        "",
    ]
    for path in paths:
        module, _, name = path.rpartition(".")
        obj = getattr(importlib.import_module(module), name)
        kind = _kind(obj)
        if kind in {"class", "exception"} and not getattr(obj, "_is_protocol", False):
            # internals: what it is, not its constructor or members
            doc = (inspect.getdoc(obj) or "").strip().split("\n\n")[0].replace("\n", " ")
            lines += [f".. py:{kind}:: {name}", f"   :module: {module}", "", f"   {doc}", ""]
        else:
            lines += _directive(name, obj, path)  # a protocol's members are what it asks for
    return lines


def _not_available(directive: SphinxDirective, module_name: str) -> list[nodes.Node]:
    logger.info("carecontinuum-api: %s does not exist in this version", module_name)
    text = (
        f".. note::\n\n   ``{module_name}`` is not part of this version of the library "
        f"(carecontinuum {importlib.import_module(PACKAGE).__version__})."
    )
    return nested_parse_to_nodes(directive.state, text, source=f"<api {module_name}>")


def _facade_table(top: Any) -> list[str]:
    lines = [
        "Everything in the facade",
        "-" * 24,
        "",
        "``import carecontinuum as cc`` gives you these names; each links to its reference.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - name",
        "     - what it is",
        "     - documented with",
    ]
    for name in top.__all__:
        if name == "__version__":
            continue
        obj = getattr(top, name)
        first = (inspect.getdoc(obj) or "").strip().split("\n\n")[0].replace("\n", " ")
        # a bare :attr:`code` in a class's first paragraph means the class's own attribute
        first = _ROLE.sub(lambda m, n=name: f":{m[1]}:`~{PACKAGE}.{n}.{m[2]}`", first)
        if _kind(obj) == "data":
            first = data_doc(name, obj)
        page = owner(name, obj)
        lines += [
            f"   * - :py:obj:`~{PACKAGE}.{name}`",
            f"     - {first or ' '}",
            f"     - :doc:`{page.removeprefix(PACKAGE + '.')}`",
        ]
    return [*lines, ""]
