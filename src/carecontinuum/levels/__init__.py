"""Care levels, the frameworks that code them, and crosswalks between frameworks.

The default continuum has the seed's five levels [SEED].  ASAM 3rd and 4th
edition, LOCUS and TEDS service settings are further frameworks, each an
ordered set of levels, with crosswalks to the default continuum and between the
two ASAM editions.  Each level carries its codes in other systems
(:class:`ExternalCode`) and, for Medicare IOP and PHP, its per-diem payment
tiers (:class:`PerDiemTier`); :data:`WITHDRAWAL_MANAGEMENT_CODES` lists the
detox codes that name no continuum level.

Examples
--------
>>> import carecontinuum as cc
>>> sorted([cc.level("residential"), cc.level("OP"), cc.level("IOP")])[0].code
'outpatient'
>>> [fw.code for fw in cc.list_frameworks()]
['continuum', 'asam3', 'asam4', 'locus', 'teds']
>>> cc.level("3.2-WM", framework="ASAM 3rd edition").setting.value
'residential'
>>> [lv.code for lv in cc.crosswalk("ASAM 4th edition", "continuum").targets("2.5")]
['partial_hospitalization']
"""

from __future__ import annotations

from .._signature import readable
from ._continuum import DEFAULT_CONTINUUM
from ._continuum_codes import WITHDRAWAL_MANAGEMENT_CODES
from ._crosswalk import Crosswalk, InvalidCrosswalkError, LevelMapping, MatchKind
from ._errors import ServiceCountError, UnboundCrosswalkError
from ._field import ContinuumLevelCode, LevelField, LevelMarker, level_key, resolve_level
from ._framework import Framework
from ._match import LevelMatch, level, level_match
from ._model import (
    CareLevel,
    CodeSystem,
    ExternalCode,
    LevelCode,
    Management,
    PerDiemTier,
    Setting,
    code_system,
)
from ._registry import (
    crosswalk,
    default_continuum,
    framework,
    list_crosswalks,
    list_frameworks,
    register_crosswalk,
    register_framework,
    unregister_crosswalk,
    unregister_framework,
)

__all__ = [
    "DEFAULT_CONTINUUM",
    "WITHDRAWAL_MANAGEMENT_CODES",
    "CareLevel",
    "CodeSystem",
    "ContinuumLevelCode",
    "Crosswalk",
    "ExternalCode",
    "Framework",
    "InvalidCrosswalkError",
    "LevelCode",
    "LevelField",
    "LevelMapping",
    "LevelMarker",
    "LevelMatch",
    "Management",
    "MatchKind",
    "PerDiemTier",
    "ServiceCountError",
    "Setting",
    "UnboundCrosswalkError",
    "code_system",
    "crosswalk",
    "default_continuum",
    "framework",
    "level",
    "level_key",
    "level_match",
    "list_crosswalks",
    "list_frameworks",
    "register_crosswalk",
    "register_framework",
    "resolve_level",
    "unregister_crosswalk",
    "unregister_framework",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(CareLevel, ExternalCode, Framework, Crosswalk, LevelMapping, PerDiemTier)
