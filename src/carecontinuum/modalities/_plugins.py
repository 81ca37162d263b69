"""Discovery of modality plug-ins through the ``carecontinuum.modalities`` entry-point group.

An installed package advertises its modalities in its ``pyproject.toml``::

    [project.entry-points."carecontinuum.modalities"]
    walk_and_talk = "my_package:WALK_AND_TALK"

An entry point may name a :class:`~carecontinuum.Modality` instance, a
``Modality`` subclass (registered as a kind), an iterable of those, or a
callable returning any of them.

Discovery is a transaction: every plug-in that loads lands in one swap of the
registries, so a reader never sees half of them.  Each entry point is
all-or-nothing inside it: one that fails to import, returns something else,
clashes with a registered code, alias or kind — or even calls ``sys.exit()`` —
is reported with a :class:`PluginLoadWarning` naming it, leaves nothing
behind, and the host program carries on.  ``KeyboardInterrupt`` is not
caught: Ctrl-C while a plug-in loads belongs to the user.  It ends discovery
with nothing registered, and discovery runs again on the next need.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

from ._errors import PluginLoadWarning
from ._kinds import kind_of
from ._model import Modality

if TYPE_CHECKING:
    from .._registry import Registry, Transaction

__all__ = ["ENTRY_POINT_GROUP", "PluginLoadWarning", "discover"]

#: The entry-point group scanned for modality plug-ins.
ENTRY_POINT_GROUP = "carecontinuum.modalities"


def discover(txn: Transaction[Modality], kind_registry: Registry[type[Modality]]) -> list[str]:
    """Stage every advertised plug-in in *txn*, and its classes in *kind_registry*.

    Returns the codes added.  The kinds land in one swap when discovery ends,
    the modalities when the caller's transaction does.
    """
    added: list[str] = []
    with kind_registry.transaction() as kinds:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                with txn.savepoint(), kinds.savepoint():
                    added.extend(_stage(ep, txn, kinds))
            except (Exception, SystemExit) as exc:  # a broken plug-in must not take the host down
                warnings.warn(
                    f"carecontinuum could not load modality plug-in {ep.name!r} ({ep.value}): "
                    f"{type(exc).__name__}: {exc}",
                    PluginLoadWarning,
                    stacklevel=2,
                )
    return added


def _items(ep: EntryPoint) -> list[Modality | type[Modality]]:
    obj: object = ep.load()
    if callable(obj) and not isinstance(obj, type):
        obj = obj()
    items: Iterable[object] = obj if isinstance(obj, list | tuple | set | frozenset) else [obj]
    found: list[Modality | type[Modality]] = []
    for item in items:
        if (isinstance(item, type) and issubclass(item, Modality)) or isinstance(item, Modality):
            found.append(item)
        else:
            raise TypeError(
                "entry point must provide Modality objects or Modality subclasses, "
                f"got {type(item).__name__}"
            )
    # classes first, so instances of them find their kind registered
    return sorted(found, key=lambda item: not isinstance(item, type))


def _stage(
    ep: EntryPoint, txn: Transaction[Modality], kinds: Transaction[type[Modality]]
) -> list[str]:
    added: list[str] = []
    for item in _items(ep):
        if isinstance(item, type):
            if kinds.items.get(kind_of(item)) is not item:
                kinds.register(item)
            continue
        cls = type(item)
        if cls is not Modality and kinds.items.get(item.kind) is not cls:
            kinds.register(cls)
        if txn.items.get(item.code) != item:  # equal: loaded before
            txn.register(item)
            added.append(item.code)
    return added
