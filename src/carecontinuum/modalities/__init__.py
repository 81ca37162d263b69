"""Modalities: the therapies and adjuncts programs deliver, and how to add your own.

The built-in catalog holds every modality the seed names plus the common
program components; plug-ins add more through the ``carecontinuum.modalities``
entry-point group, discovered lazily.

Examples
--------
>>> import carecontinuum as cc
>>> cc.modality("cbt").category.value
'psychotherapy'
>>> [m.code for m in cc.list_modalities("community")]
['twelve_step_facilitation', 'therapeutic_community']
"""

from __future__ import annotations

from .._signature import readable
from ._any import AnyModality, EmbeddedModality, ModalityField
from ._enums import Format, ModalityCategory
from ._errors import (
    AmbiguousModalityError,
    KindInUseError,
    ModalityDefinitionError,
    PluginLoadWarning,
)
from ._model import Modality, ModalityCode
from ._plugins import ENTRY_POINT_GROUP
from ._registry import (
    list_modalities,
    load_entry_points,
    modality,
    modality_group,
    modality_kind,
    modality_kinds,
    register_modality,
    unregister_modality,
)
from ._structure import ModalityComponent, ModalityStructure

__all__ = [
    "ENTRY_POINT_GROUP",
    "AmbiguousModalityError",
    "AnyModality",
    "EmbeddedModality",
    "Format",
    "KindInUseError",
    "Modality",
    "ModalityCategory",
    "ModalityCode",
    "ModalityComponent",
    "ModalityDefinitionError",
    "ModalityField",
    "ModalityStructure",
    "PluginLoadWarning",
    "list_modalities",
    "load_entry_points",
    "modality",
    "modality_group",
    "modality_kind",
    "modality_kinds",
    "register_modality",
    "unregister_modality",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(Modality, ModalityStructure, ModalityComponent)
