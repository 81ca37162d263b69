"""Make public objects report the module users import them from."""

from __future__ import annotations

import contextlib
from typing import Any

__all__ = ["publish"]


def publish(module: str, namespace: dict[str, Any], names: list[str]) -> None:
    """Set ``__module__`` of each named class or function to *module*.

    Reprs, tracebacks and pickles then say ``carecontinuum.CareLevel`` instead
    of the private module that defines it.
    """
    for name in names:
        obj = namespace[name]
        if isinstance(obj, type) or callable(obj):
            with contextlib.suppress(AttributeError, TypeError):  # builtins, aliases
                obj.__module__ = module
