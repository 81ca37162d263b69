"""carecontinuum: a typed model of the behavioral-health continuum of care.

Levels of care (outpatient → intensive outpatient → partial hospitalization →
residential → inpatient acute) and how other systems code them; the modalities
programs deliver; schedules and the intensity they add up to under each
published rule set; the step-up / step-down graph; and people's journeys
through it.

``import carecontinuum`` is cheap: submodules, pint and networkx load on first
use of a name that needs them.

Examples
--------
>>> import carecontinuum as cc
>>> cc.level("IOP").name
'Intensive outpatient (IOP)'
>>> cc.modality("CBT").name
'Cognitive behavioral therapy (CBT)'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    CareContinuumError,
    DuplicateRegistrationError,
    InvalidJsonError,
    InvalidQuantityError,
    InvalidTransitionError,
    MissingExtraError,
    UnknownFrameworkError,
    UnknownKeyError,
    UnknownLevelError,
    UnknownModalityError,
    UnknownRuleSetError,
)

# name -> submodule that defines it; loaded on first attribute access
_LAZY: dict[str, str] = {
    # sources
    "SOURCES": "._sources",
    "Source": "._sources",
    "UnknownSourceError": "._sources",
    "source": "._sources",
    # levels
    "CareLevel": ".levels",
    "CodeSystem": ".levels",
    "Crosswalk": ".levels",
    "ExternalCode": ".levels",
    "Framework": ".levels",
    "InvalidCrosswalkError": ".levels",
    "LevelMapping": ".levels",
    "Management": ".levels",
    "MatchKind": ".levels",
    "Setting": ".levels",
    "crosswalk": ".levels",
    "list_crosswalks": ".levels",
    "default_continuum": ".levels",
    "framework": ".levels",
    "list_frameworks": ".levels",
    "level": ".levels",
    "register_crosswalk": ".levels",
    "register_framework": ".levels",
    "unregister_crosswalk": ".levels",
    "unregister_framework": ".levels",
    # modalities
    "AnyModality": ".modalities",
    "Format": ".modalities",
    "Modality": ".modalities",
    "ModalityCategory": ".modalities",
    "ModalityComponent": ".modalities",
    "ModalityStructure": ".modalities",
    "PluginLoadWarning": ".modalities",
    "list_modalities": ".modalities",
    "modality": ".modalities",
    "register_modality": ".modalities",
    "unregister_modality": ".modalities",
    # schedules
    "Schedule": ".schedules",
    "Session": ".schedules",
    "Weekday": ".schedules",
    "WeeklySchedule": ".schedules",
    # transitions
    "ContinuumGraph": ".transitions",
    "Finding": ".transitions",
    "Transition": ".transitions",
    "TransitionKind": ".transitions",
    "default_graph": ".transitions",
    "framework_graph": ".transitions",
    # journeys
    "DischargeReason": ".journeys",
    "Journey": ".journeys",
    "Move": ".journeys",
    "Placement": ".journeys",
    # intensity
    "ArrayLengthError": ".intensity",
    "Classification": ".intensity",
    "ClassificationTable": ".intensity",
    "DailyHours": ".intensity",
    "Firmness": ".intensity",
    "IntensityInputError": ".intensity",
    "RuleSet": ".intensity",
    "Tier": ".intensity",
    "WeeklyCompliance": ".intensity",
    "WeeklyHours": ".intensity",
    "classify": ".intensity",
    "classify_all": ".intensity",
    "list_rule_sets": ".intensity",
    "register_rule_set": ".intensity",
    "rule_set": ".intensity",
    "unregister_rule_set": ".intensity",
    "weekly_compliance": ".intensity",
    # programs
    "PROGRAM_QUESTIONS": ".programs",
    "AgeGroup": ".programs",
    "AgeRange": ".programs",
    "LevelCheck": ".programs",
    "Needs": ".programs",
    "Payment": ".programs",
    "Program": ".programs",
    "ProgramMatch": ".programs",
    "ProgramQuestion": ".programs",
    "SpecialGroup": ".programs",
    "assess_program": ".programs",
    "check_level": ".programs",
    "match_programs": ".programs",
    # units
    "QuantityRange": ".units",
    "quantity": ".units",
    "unit_registry": ".units",
}

__all__ = [
    "PROGRAM_QUESTIONS",
    "SOURCES",
    "AgeGroup",
    "AgeRange",
    "AnyModality",
    "ArrayLengthError",
    "CareContinuumError",
    "CareLevel",
    "Classification",
    "ClassificationTable",
    "CodeSystem",
    "ContinuumGraph",
    "Crosswalk",
    "DailyHours",
    "DischargeReason",
    "DuplicateRegistrationError",
    "ExternalCode",
    "Finding",
    "Firmness",
    "Format",
    "Framework",
    "IntensityInputError",
    "InvalidCrosswalkError",
    "InvalidJsonError",
    "InvalidQuantityError",
    "InvalidTransitionError",
    "Journey",
    "LevelCheck",
    "LevelMapping",
    "Management",
    "MatchKind",
    "MissingExtraError",
    "Modality",
    "ModalityCategory",
    "ModalityComponent",
    "ModalityStructure",
    "Move",
    "Needs",
    "Payment",
    "Placement",
    "PluginLoadWarning",
    "Program",
    "ProgramMatch",
    "ProgramQuestion",
    "QuantityRange",
    "RuleSet",
    "Schedule",
    "Session",
    "Setting",
    "Source",
    "SpecialGroup",
    "Tier",
    "Transition",
    "TransitionKind",
    "UnknownFrameworkError",
    "UnknownKeyError",
    "UnknownLevelError",
    "UnknownModalityError",
    "UnknownRuleSetError",
    "UnknownSourceError",
    "Weekday",
    "WeeklyCompliance",
    "WeeklyHours",
    "WeeklySchedule",
    "__version__",
    "assess_program",
    "check_level",
    "classify",
    "classify_all",
    "crosswalk",
    "default_continuum",
    "default_graph",
    "framework",
    "framework_graph",
    "level",
    "list_crosswalks",
    "list_frameworks",
    "list_modalities",
    "list_rule_sets",
    "match_programs",
    "modality",
    "quantity",
    "register_crosswalk",
    "register_framework",
    "register_modality",
    "register_rule_set",
    "rule_set",
    "source",
    "unit_registry",
    "unregister_crosswalk",
    "unregister_framework",
    "unregister_modality",
    "unregister_rule_set",
    "weekly_compliance",
]


_SUBPACKAGES = frozenset(
    {
        "units",
        "levels",
        "modalities",
        "schedules",
        "intensity",
        "programs",
        "transitions",
        "journeys",
        "fhir",
    }
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._version import __version__

        return __version__
    if name in _SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'carecontinuum' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from ._sources import SOURCES, Source, UnknownSourceError, source
    from ._version import __version__
    from .intensity import (
        ArrayLengthError,
        Classification,
        ClassificationTable,
        DailyHours,
        Firmness,
        IntensityInputError,
        RuleSet,
        Tier,
        WeeklyCompliance,
        WeeklyHours,
        classify,
        classify_all,
        list_rule_sets,
        register_rule_set,
        rule_set,
        unregister_rule_set,
        weekly_compliance,
    )
    from .journeys import DischargeReason, Journey, Move, Placement
    from .levels import (
        CareLevel,
        CodeSystem,
        Crosswalk,
        ExternalCode,
        Framework,
        InvalidCrosswalkError,
        LevelMapping,
        Management,
        MatchKind,
        Setting,
        crosswalk,
        default_continuum,
        framework,
        level,
        list_crosswalks,
        list_frameworks,
        register_crosswalk,
        register_framework,
        unregister_crosswalk,
        unregister_framework,
    )
    from .modalities import (
        AnyModality,
        Format,
        Modality,
        ModalityCategory,
        ModalityComponent,
        ModalityStructure,
        PluginLoadWarning,
        list_modalities,
        modality,
        register_modality,
        unregister_modality,
    )
    from .programs import (
        PROGRAM_QUESTIONS,
        AgeGroup,
        AgeRange,
        LevelCheck,
        Needs,
        Payment,
        Program,
        ProgramMatch,
        ProgramQuestion,
        SpecialGroup,
        assess_program,
        check_level,
        match_programs,
    )
    from .schedules import (
        Schedule,
        Session,
        Weekday,
        WeeklySchedule,
    )
    from .transitions import (
        ContinuumGraph,
        Finding,
        Transition,
        TransitionKind,
        default_graph,
        framework_graph,
    )
    from .units import QuantityRange, quantity, unit_registry
