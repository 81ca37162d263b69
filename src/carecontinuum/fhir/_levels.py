"""Levels as FHIR codings, and codings back to levels: no silent guesses.

A level is written in the code system of its framework
(``{base}/CodeSystem/{framework}``, the concept code is the level code); a
framework level is also written as its continuum counterpart when the
crosswalk gives exactly one.  Reading, a coding in one of the library's
systems names its level exactly; a code that is not in that system is an
error, as is a system under the library's base that it does not define.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._errors import FhirMappingError
from ._node import Coding
from ._terms import OWN_CODE_SYSTEMS, continuum_targets

if TYPE_CHECKING:
    from ..levels import CareLevel
    from ._context import Reader, Writer

__all__ = ["level_coding", "level_concepts", "own_level", "registered_level", "settle"]


def registered_level(level: CareLevel, path: str) -> CareLevel:
    """*level*, which must be the registered level of its framework (so its code reads back).

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a level that is not registered, or differs from the registered one.
    """
    import carecontinuum as cc

    try:
        found = cc.level(level.code, framework=level.framework)
    except LookupError:
        found = None
    if found != level:
        why = "is not registered" if found is None else "differs from the registered level"
        raise FhirMappingError(
            f"level {level.code!r} of framework {level.framework!r} {why}: FHIR carries a "
            "level by its code, so register its framework (carecontinuum.register_framework) "
            "before exporting",
            path=path,
        )
    return found


def level_coding(level: CareLevel, w: Writer) -> dict[str, Any]:
    """The Coding of *level* in its framework's code system."""
    return {"system": w.urls.system(level.framework), "code": level.code, "display": level.name}


def level_concepts(level: CareLevel, w: Writer) -> list[dict[str, Any]]:
    """CodeableConcepts for ``type``: the continuum level (when one), then the framework's."""
    concepts: list[dict[str, Any]] = []
    targets = continuum_targets(level)
    if len(targets) == 1:
        concepts.append({"coding": [level_coding(targets[0], w)]})
    if not targets or targets[0] is not level:
        concepts.append({"coding": [level_coding(level, w)]})
    return concepts


def own_level(c: Coding, r: Reader) -> CareLevel | None:
    """The level a coding in one of the library's code systems names; ``None`` for others.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a system under the library's base that is not a framework, or a code
        that is not a level of that framework.
    """
    import carecontinuum as cc

    if not c.system.startswith(r.urls.cs):
        return None
    name = c.system[len(r.urls.cs) :]
    if name in OWN_CODE_SYSTEMS:
        raise FhirMappingError(
            f"{c.system} is the library's {name} code system, not a system of levels",
            path=c.path,
        )
    try:
        fw = cc.framework(name)
    except LookupError:
        fw = None
    if fw is None or fw.code != name:
        known = ", ".join(f.code for f in cc.list_frameworks())
        raise FhirMappingError(
            f"{echo(c.system)} is not one of the library's code systems (frameworks: {known})",
            path=c.path,
        )
    if c.code not in fw.codes:
        raise FhirMappingError(
            f"code {echo(c.code)} is not in the {fw.name} code system {c.system} "
            f"(codes: {', '.join(fw.codes)})",
            path=c.path,
        )
    return fw.level(c.code)


def settle(found: Iterable[tuple[CareLevel, Coding]], path: str) -> CareLevel | None:
    """The one level several codings name: a framework level over its continuum counterpart.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        When the codings name levels that do not go together.
    """
    import carecontinuum as cc

    pairs = list(found)
    if not pairs:
        return None
    continuum = cc.default_continuum().code
    specific = {lv for lv, _ in pairs if lv.framework != continuum}
    general = {lv for lv, _ in pairs if lv.framework == continuum}
    if len(specific) > 1 or (not specific and len(general) > 1):
        names = ", ".join(sorted(f"{lv.framework}:{lv.code}" for lv, _ in pairs))
        raise FhirMappingError(f"the codings name different levels: {names}", path=path)
    if specific:
        level = next(iter(specific))
        allowed = set(continuum_targets(level))
        stray = [lv for lv in general if lv not in allowed]
        if stray:
            raise FhirMappingError(
                f"{level.framework} level {level.code!r} does not map to continuum level "
                f"{stray[0].code!r}: the codings disagree",
                path=path,
            )
        return level
    return next(iter(general))
