"""Discovery of modality plug-ins through the ``carecontinuum.modalities`` entry-point group.

An installed package advertises its modalities in its ``pyproject.toml``::

    [project.entry-points."carecontinuum.modalities"]
    walk_and_talk = "my_package:WALK_AND_TALK"

An entry point may name a :class:`~carecontinuum.Modality` instance, a
``Modality`` subclass (registered as a kind), an iterable of those, or a
callable returning any of them.  Each entry point loads all-or-nothing: one
that fails to import, returns something else, or clashes with a registered
code, alias or kind is reported with a :class:`PluginLoadWarning` naming it,
leaves nothing half-registered, and everything else keeps working.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

__all__ = ["ENTRY_POINT_GROUP", "PluginLoadWarning", "load_entry_points"]

#: The entry-point group scanned for modality plug-ins.
ENTRY_POINT_GROUP = "carecontinuum.modalities"


class PluginLoadWarning(UserWarning):
    """A modality plug-in could not be loaded; the message names it and says why."""


def load_entry_points() -> list[str]:
    """Load every plug-in advertised in the entry-point group; return the codes added.

    Called lazily by the registry the first time a lookup misses, a kind is
    unknown, or the catalog is listed.  Safe to call again: a modality already
    registered (equal by value) and a class already registered are skipped.
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


def _items(ep: EntryPoint) -> list[Any]:
    from ._model import Modality

    obj: Any = ep.load()
    if callable(obj) and not isinstance(obj, type):
        obj = obj()
    items: Iterable[Any] = obj if isinstance(obj, list | tuple | set | frozenset) else [obj]
    found = list(items)
    for item in found:
        is_class = isinstance(item, type) and issubclass(item, Modality)
        if not (is_class or isinstance(item, Modality)):
            raise TypeError(
                "entry point must provide Modality objects or Modality subclasses, "
                f"got {type(item).__name__}"
            )
    # classes first, so instances of them find their kind registered
    return sorted(found, key=lambda item: not isinstance(item, type))


def _load_one(ep: EntryPoint) -> list[str]:
    from ._registry import _CATALOG, _KINDS, _KINDS_LOCK, register_modality, unregister_modality

    items = _items(ep)
    kinds_before = dict(_KINDS)
    added: list[str] = []
    try:
        for item in items:
            if isinstance(item, type):
                register_modality(item)
            elif _CATALOG._by_code.get(item.code) != item:  # equal: loaded before
                register_modality(item)
                added.append(item.code)
    except Exception:
        for code in added:  # all-or-nothing: undo this entry point's registrations
            unregister_modality(code)
        with _KINDS_LOCK:
            _KINDS.clear()
            _KINDS.update(kinds_before)
        raise
    return added
