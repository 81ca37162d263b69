"""Make public objects report the module users import them from."""

from __future__ import annotations

import contextlib
from typing import Any

__all__ = ["ORIGINS", "publish"]

#: Where each published object is really defined (its ``__module__`` before
#: :func:`publish` rewrote it); the doctest collector uses it to run every
#: docstring example with the defining module's globals.
ORIGINS: dict[object, str] = {}


def publish(module: str, namespace: dict[str, Any], names: list[str]) -> None:
    """Set ``__module__`` of each named class or function to *module*.

    Reprs, tracebacks and pickles then say ``carecontinuum.CareLevel`` instead
    of the private module that defines it.
    """
    for name in names:
        obj = namespace[name]
        if isinstance(obj, type) or callable(obj):
            with contextlib.suppress(AttributeError, TypeError):  # builtins, aliases
                ORIGINS.setdefault(obj, obj.__module__)
                obj.__module__ = module
