"""Built-in frameworks other than the default continuum, and the crosswalks.

Filled in by the ASAM / LOCUS / TEDS data modules.
"""

from __future__ import annotations

from ._crosswalk import Crosswalk
from ._framework import Framework

__all__ = ["BUILTIN_CROSSWALKS", "BUILTIN_FRAMEWORKS"]

BUILTIN_FRAMEWORKS: tuple[Framework, ...] = ()
BUILTIN_CROSSWALKS: tuple[Crosswalk, ...] = ()
