"""Built-in frameworks other than the default continuum, and the crosswalks.

Imported lazily by the registry on the first lookup that misses the default
continuum, so ``import carecontinuum`` stays cheap.  Each crosswalk is bound
here to the framework objects it maps between, and so checked.
"""

from __future__ import annotations

from ._asam3 import ASAM3
from ._asam4 import ASAM4
from ._continuum import DEFAULT_CONTINUUM
from ._crosswalk import Crosswalk
from ._crosswalks_asam import ASAM3_TO_ASAM4, ASAM4_TO_ASAM3
from ._crosswalks_continuum import (
    ASAM3_TO_CONTINUUM,
    ASAM4_TO_CONTINUUM,
    LOCUS_TO_CONTINUUM,
    TEDS_TO_CONTINUUM,
)
from ._framework import Framework
from ._locus import LOCUS
from ._teds import TEDS

__all__ = ["BUILTIN_CROSSWALKS", "BUILTIN_FRAMEWORKS"]

BUILTIN_FRAMEWORKS: tuple[Framework, ...] = (ASAM3, ASAM4, LOCUS, TEDS)
BUILTIN_CROSSWALKS: tuple[Crosswalk, ...] = (
    ASAM3_TO_CONTINUUM,
    ASAM4_TO_CONTINUUM,
    LOCUS_TO_CONTINUUM,
    TEDS_TO_CONTINUUM,
    ASAM3_TO_ASAM4,
    ASAM4_TO_ASAM3,
)

_BY_CODE = {fw.code: fw for fw in (DEFAULT_CONTINUUM, *BUILTIN_FRAMEWORKS)}
for _walk in BUILTIN_CROSSWALKS:
    _walk._attach((_BY_CODE[_walk.source_framework], _BY_CODE[_walk.target_framework]))
del _walk
