"""Discovery of modality plug-ins through the ``carecontinuum.modalities`` entry-point group.

An entry point may name a :class:`~carecontinuum.Modality` instance, a
``Modality`` subclass (registered as a kind), an iterable of those, or a
callable returning any of them.  A plug-in that fails to load is reported with
a :class:`PluginLoadWarning` naming it; everything else keeps working.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from .._errors import CareContinuumError

__all__ = ["ENTRY_POINT_GROUP", "PluginLoadWarning", "load_entry_points"]

ENTRY_POINT_GROUP = "carecontinuum.modalities"


class PluginLoadWarning(UserWarning):
    """A modality plug-in could not be loaded; the message names it and says why."""


def load_entry_points() -> list[str]:
    """Load every plug-in advertised in the entry-point group; return the codes added.

    Called lazily by the registry the first time a lookup misses or the catalog
    is listed.  Safe to call again: a plug-in already registered is skipped.
    """
    added: list[str] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            added.extend(_load_one(ep))
        except Exception as exc:  # a broken plug-in must not break the library
            warnings.warn(
                f"carecontinuum could not load modality plug-in {ep.name!r} ({ep.value}): "
                f"{type(exc).__name__}: {exc}",
                PluginLoadWarning,
                stacklevel=2,
            )
    return added


def _load_one(ep: EntryPoint) -> list[str]:
    from ._model import Modality
    from ._registry import _CATALOG, register_modality

    obj: Any = ep.load()
    if callable(obj) and not isinstance(obj, type):
        obj = obj()
    items: Iterable[Any] = obj if isinstance(obj, list | tuple | set | frozenset) else [obj]
    added: list[str] = []
    for item in items:
        if isinstance(item, type) and issubclass(item, Modality):
            register_modality(item)
        elif isinstance(item, Modality):
            current = _CATALOG._by_code.get(item.code)
            if current == item:
                continue
            if current is not None:
                raise CareContinuumError(
                    f"code {item.code!r} is already registered by another modality"
                )
            register_modality(item)
            added.append(item.code)
        else:
            raise TypeError(
                f"entry point must provide Modality objects or subclasses, "
                f"got {type(item).__name__}"
            )
    return added
