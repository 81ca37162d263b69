"""The library's registries, and one switch to isolate them all.

Each kind of catalog is a :class:`~carecontinuum._registry.Registry` with a
default instance behind the module-level functions (:func:`~carecontinuum.level`,
:func:`~carecontinuum.register_modality`, ...).  :func:`scoped` isolates every
one of them at once: what a test or an application's setup registers inside
the block is gone when it ends.

Examples
--------
>>> import carecontinuum as cc
>>> with scoped():
...     _ = cc.register_modality(cc.Modality(code="scoped_demo", name="Scoped demo",
...                                          category="other"))
...     "scoped_demo" in cc.registries.MODALITIES
True
>>> "scoped_demo" in cc.registries.MODALITIES
False
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from ._registry import Registry
from .intensity._registry import RULE_SETS
from .levels._registry import CROSSWALKS, FRAMEWORKS
from .modalities._registry import MODALITIES, MODALITY_KINDS

__all__ = [
    "CROSSWALKS",
    "FRAMEWORKS",
    "MODALITIES",
    "MODALITY_KINDS",
    "RULE_SETS",
    "Registry",
    "all_registries",
    "scoped",
]


def all_registries() -> tuple[Registry[object], ...]:
    """Every default registry: frameworks, crosswalks, modalities, modality kinds, rule sets.

    Returns
    -------
    tuple[Registry, ...]
        The registries, in that order.
    """
    return (FRAMEWORKS, CROSSWALKS, MODALITIES, MODALITY_KINDS, RULE_SETS)  # type: ignore[return-value]


@contextmanager
def scoped(*, fresh: bool = False) -> Iterator[None]:
    """Undo every registration made inside the block, in every default registry.

    Parameters
    ----------
    fresh:
        Start the block from the built-ins alone; plug-ins are discovered again
        on first need.

    Returns
    -------
    contextlib.AbstractContextManager[None]
        A context manager; on leaving the block every registry is as it was.
    """
    with ExitStack() as stack:
        for registry in all_registries():
            stack.enter_context(registry.scoped(fresh=fresh))
        yield
