"""Resolve the cross-references the nitpicky build would otherwise report.

Docstrings are written where the code lives, so they say ``Program`` or
``match_programs()`` in the module that defines them, or name a class by the
private module that defines it (what a signature's annotation says).  Each
public object is documented once, under the name users import it by
(``carecontinuum.Program``), so a ``missing-reference`` handler tries, in
order:

1. the name as written, in the current class and module, then under each API
   module (``carecontinuum``, ``carecontinuum.programs`` ...), with private
   path components dropped (``carecontinuum.units._convert.ConversionError``
   is documented as ``carecontinuum.units.ConversionError``);
2. a field of a documented class (pydantic fields are listed in the model's
   field table, not as separate entries): a link to the class;
3. a type of a private module that appears in public signatures, documented
   under "Types in signatures" on its API page (see ``api.SIGNATURE_TYPES``);
4. a type variable of the package (``K``, ``M``): shown as it is written,
   since type variables have no page of their own;
5. the standard library and the third-party libraries of our signatures:
   a link to their documentation (the build is offline, so there is no
   intersphinx inventory; :data:`EXTERNAL` is the table of their pages).

Anything else stays a warning, so a typo in a docstring fails the build.
"""

from __future__ import annotations

import builtins
import importlib
import typing
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from pydantic import BaseModel
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.domains.python import PythonDomain
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .api import API_MODULES
from .models import PACKAGE

__all__ = ["EXTERNAL", "STDLIB", "resolve"]

_PY = "https://docs.python.org/3/library/"

#: Standard-library modules whose names appear in our signatures: module -> docs page.
STDLIB = {
    "collections.abc": "collections.abc.html",
    "datetime": "datetime.html",
    "decimal": "decimal.html",
    "numbers": "numbers.html",
    "os": "os.html",
    "pathlib": "pathlib.html",
    "typing": "typing.html",
    "io": "io.html",
    "enum": "enum.html",
    "zoneinfo": "zoneinfo.html",
}

#: Third-party names in our signatures and docstrings -> their documentation page.
EXTERNAL = {
    "pandas.DataFrame": "https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.html",
    "pandas.Series": "https://pandas.pydata.org/docs/reference/api/pandas.Series.html",
    "dask.dataframe.DataFrame": "https://docs.dask.org/en/stable/dataframe.html",
    "pint.registry.Quantity": "https://pint.readthedocs.io/en/stable/api/base.html#pint.Quantity",
    "pint.Quantity": "https://pint.readthedocs.io/en/stable/api/base.html#pint.Quantity",
    "pint.registry.UnitRegistry": (
        "https://pint.readthedocs.io/en/stable/api/base.html#pint.UnitRegistry"
    ),
    "pint.UnitRegistry": "https://pint.readthedocs.io/en/stable/api/base.html#pint.UnitRegistry",
    "networkx.DiGraph": "https://networkx.org/documentation/stable/reference/classes/digraph.html",
    "matplotlib.axes.Axes": ("https://matplotlib.org/stable/api/_as_gen/matplotlib.axes.Axes.html"),
    "matplotlib.figure.Figure": "https://matplotlib.org/stable/api/figure_api.html",
    "pydantic.ValidationError": (
        "https://docs.pydantic.dev/latest/api/pydantic_core/#pydantic_core.ValidationError"
    ),
    "pydantic.BaseModel": "https://docs.pydantic.dev/latest/api/base_model/",
}

_STDTYPES = frozenset({"str", "int", "float", "bool", "bytes", "dict", "list", "tuple", "set"})

#: Short spellings used in annotations (``import pandas as pd``) -> the full name.
_SPELLINGS = {
    "pd.": "pandas.",
    "dd.": "dask.dataframe.",
    "nx.": "networkx.",
    "Axes": "matplotlib.axes.Axes",
    "Figure": "matplotlib.figure.Figure",
    "ValidationError": "pydantic.ValidationError",
}


def _public(target: str) -> str:
    """*target* with its private components dropped: ``a._b.C`` -> ``a.C``."""
    return ".".join(part for part in target.split(".") if not part.startswith("_"))


def _candidates(target: str, module: str | None, klass: str | None) -> Iterator[str]:
    target = target.removeprefix("~").removeprefix(".").removesuffix("()")
    names = [target]
    if _public(target) != target:
        names.append(_public(target))
    for name in names:
        yield name
        if klass:
            yield f"{klass}.{name}"
            if module:
                yield f"{module}.{klass}.{name}"
        if module:
            yield f"{module}.{name}"
        for api in API_MODULES:
            yield f"{api}.{name}"
        if name.startswith(PACKAGE + "."):
            # carecontinuum.units.X -> carecontinuum.X, carecontinuum.levels.X -> ...
            last = name.rsplit(".", maxsplit=1)[-1]
            yield f"{PACKAGE}.{last}"
            yield from (f"{api}.{last}" for api in API_MODULES)


def _documented(domain: PythonDomain, target: str, module: str | None, klass: str | None) -> Any:
    for name in _candidates(target, module, klass):
        if name in domain.objects:
            return name, domain.objects[name]
        if name in domain.modules:
            return name, domain.modules[name]
    return None


def _has_attribute(cls: type, name: str) -> bool:
    """Whether *name* is a field or annotated attribute of *cls* (pydantic, dataclass, plain)."""
    if issubclass(cls, BaseModel) and name in cls.model_fields:
        return True
    return any(name in getattr(klass, "__annotations__", {}) for klass in cls.__mro__)


def _field_owner(domain: PythonDomain, target: str, module: str | None, klass: str | None) -> Any:
    """A documented class with the field *target* names (fields are in its table): the class."""
    head, _, field = target.rpartition(".")
    owners = [head] if head else []
    if klass:
        owners.append(klass)
    for owner in owners:
        found = _documented(domain, owner, module, None)
        if found is None:
            continue
        cls = _import(found[0])
        if isinstance(cls, type) and _has_attribute(cls, field):
            return found
    return None


def _private_type(domain: PythonDomain, target: str) -> Any:
    """The one documented object of a private module named *target* (a type in a signature)."""
    last = target.rsplit(".", maxsplit=1)[-1]
    found = [
        (name, entry)
        for name, entry in domain.objects.items()
        if name.startswith(PACKAGE + ".") and name.endswith("." + last) and _public(name) != name
    ]
    return found[0] if len(found) == 1 else None


def _import(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    while module:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            module, _, head = module.rpartition(".")
            name = f"{head}.{name}"
            try:
                obj: Any = importlib.import_module(module) if module else None
                for part in name.split("."):
                    obj = getattr(obj, part)
                return obj
            except (ImportError, AttributeError):
                continue
    return None


def _type_var(target: str, module: str | None) -> bool:
    for name in (target, f"{module}.{target}" if module else target):
        if name.startswith(PACKAGE + ".") and isinstance(_import(name), typing.TypeVar):
            return True
    return False


def _external(target: str) -> str | None:
    for short, full in _SPELLINGS.items():
        if target == short or (short.endswith(".") and target.startswith(short)):
            target = full + target.removeprefix(short) if short.endswith(".") else full
            break
    if target in EXTERNAL:
        return EXTERNAL[target]
    for module, page in sorted(STDLIB.items(), key=lambda item: -len(item[0])):
        if target == module:
            return _PY + page
        if target.startswith(module + "."):
            return f"{_PY}{page}#{target}"
    builtin = getattr(builtins, target, None) if target.isidentifier() else None
    if isinstance(builtin, type):
        return f"{_PY}stdtypes.html" if target in _STDTYPES else f"{_PY}functions.html#{target}"
    if callable(builtin):
        return f"{_PY}functions.html#{target}"
    return None


def resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """``missing-reference``: resolve what the rules in the module docstring can."""
    if node.get("refdomain") != "py":
        return None
    target = str(node["reftarget"])
    module, klass = node.get("py:module"), node.get("py:class")
    domain = env.get_domain("py")
    assert isinstance(domain, PythonDomain)
    found = (
        _documented(domain, target, module, klass)
        or _field_owner(domain, target, module, klass)
        or _private_type(domain, target)
    )
    if found is not None:
        name, entry = found
        return make_refnode(
            app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, name
        )
    if _type_var(target, module):
        return contnode
    url = _external(target.removeprefix("~"))
    if url is not None:
        ref = nodes.reference("", "", internal=False, refuri=url, reftitle=target)
        ref += contnode
        return ref
    return None
