"""The code systems the bridge writes in: HL7's, and the library's own.

HL7 facts [FHIR]: Encounter.class codes come from v3 ActCode; R5's
encounter-class value set holds IMP, AMB, OBSENC, EMER, VR and HH, and ACUTE
and NONAC are children of IMP; the status codes below are those of the
official ``encounter-status`` and ``episode-of-care-status`` code systems
(the test suite compares them with the vendored HL7 packages).

The library's own code systems live under the configured base URL (see
:mod:`carecontinuum.fhir._settings`): one per framework, named by its code,
plus the TEDS discharge reasons and the treatment locator's payment, age and
special-group categories.  Displays are read from the library's objects, so a
corrected label is exported as corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING

from ._release import Release

if TYPE_CHECKING:
    from ..levels import CareLevel, ExternalCode

__all__ = [
    "BCP47",
    "ENCOUNTER_STATUSES",
    "EPISODE_STATUSES",
    "INPATIENT_CHILDREN",
    "NO_LEVEL_CLASSES",
    "OWN_CODE_SYSTEMS",
    "R5_ENCOUNTER_CLASSES",
    "UCUM",
    "V3_ACT_CODE",
    "class_candidates",
    "class_codes",
    "class_display",
    "class_for",
    "continuum_targets",
    "enum_concepts",
]

#: HL7 v3 ActCode, the system of Encounter.class codes [FHIR].
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
#: UCUM, the system of Timing and Duration units [FHIR].
UCUM = "http://unitsofmeasure.org"
#: IETF BCP 47 language tags, the system of ``communication`` codings [BCP47].
BCP47 = "urn:ietf:bcp:47"

#: The encounter-class value set of R5 [FHIR].
R5_ENCOUNTER_CLASSES = frozenset({"IMP", "AMB", "OBSENC", "EMER", "VR", "HH"})
#: v3 ActCode classes that are kinds of IMP (inpatient encounter) [FHIR].
INPATIENT_CHILDREN = {"ACUTE": "IMP", "NONAC": "IMP"}
#: Classes no level of the continuum is delivered in: emergency, home health, virtual,
#: observation, field, pre-admission, short stay [FHIR].
NO_LEVEL_CLASSES = frozenset({"EMER", "HH", "VR", "OBSENC", "FLD", "PRENC", "SS"})
#: Encounter.status codes per release (the official encounter-status code systems) [FHIR].
ENCOUNTER_STATUSES: dict[Release, tuple[str, ...]] = {
    "R5": (
        "planned",
        "in-progress",
        "on-hold",
        "discharged",
        "completed",
        "cancelled",
        "discontinued",
        "entered-in-error",
        "unknown",
    ),
    "R4B": (
        "planned",
        "arrived",
        "triaged",
        "in-progress",
        "onleave",
        "finished",
        "cancelled",
        "entered-in-error",
        "unknown",
    ),
}
#: EpisodeOfCare.status codes, the same in both releases [FHIR].
EPISODE_STATUSES = (
    "planned",
    "waitlist",
    "active",
    "onhold",
    "finished",
    "cancelled",
    "entered-in-error",
)

#: The library's code systems other than the frameworks, by URL tail.
OWN_CODE_SYSTEMS = (
    "teds-reason",
    "locator-payment",
    "locator-age-group",
    "locator-special-group",
    "modality",
    "episode-type",
    "bundle-content",
)


def enum_concepts(members: Iterable[Enum]) -> dict[str, str]:
    """Code → display of an enum whose members carry a ``label`` (TEDS, locator codes)."""
    return {str(m.value): str(getattr(m, "label", m.name)) for m in members}


def continuum_targets(level: CareLevel) -> tuple[CareLevel, ...]:
    """The continuum levels a framework level maps to (itself, for a continuum level)."""
    import carecontinuum as cc

    if level.framework == cc.default_continuum().code:
        return (level,)
    try:
        walk = cc.crosswalk(level.framework, cc.default_continuum().code)
        return walk.targets(level)
    except LookupError:  # no crosswalk, or a level its framework does not hold
        return ()


def _own_class_codes(level: CareLevel) -> tuple[ExternalCode, ...]:
    return level.codes_in("fhir-encounter-class")


def class_codes(level: CareLevel) -> tuple[ExternalCode, ...]:
    """The Encounter.class codes of *level*, from the library's data.

    A continuum level carries them; a framework level takes those of its
    continuum counterparts when they agree, else those of the continuum
    levels in its setting when they agree; otherwise none.
    """
    own = _own_class_codes(level)
    if own:
        return own
    import carecontinuum as cc

    for group in (
        continuum_targets(level),
        tuple(lv for lv in cc.default_continuum() if lv.setting is level.setting),
    ):
        found = {tuple(c.code for c in _own_class_codes(lv)) for lv in group}
        if len(found) == 1 and group:
            return _own_class_codes(group[0])
    return ()


def class_for(codes: tuple[ExternalCode, ...], release: Release) -> str | None:
    """The one class code to write for a level with *codes*, in *release*.

    R4B takes the exact code when there is one (ACUTE for inpatient acute),
    else the first that is not the generic IMP; R5 takes that code's R5 form
    (ACUTE and NONAC become IMP, their parent).
    """
    if not codes:
        return None
    exact = [c.code for c in codes if c.exact]
    specific = [c.code for c in codes if c.code != "IMP"]
    code = exact[0] if exact else specific[0] if specific else codes[0].code
    if release == "R5" and code not in R5_ENCOUNTER_CLASSES:
        return INPATIENT_CHILDREN.get(code, code)
    return code


def class_display(code: str) -> str:
    """The display of a v3 ActCode class code, as the library's levels record it."""
    import carecontinuum as cc

    for lv in cc.default_continuum():
        for c in _own_class_codes(lv):
            if c.code == code and c.display:
                return c.display
    return ""


def class_candidates(code: str) -> tuple[CareLevel, ...]:
    """The continuum levels an Encounter.class code can stand for.

    IMP stands for every level whose class is IMP, ACUTE or NONAC.
    """
    import carecontinuum as cc

    out = []
    for lv in cc.default_continuum():
        mine = {c.code for c in _own_class_codes(lv)}
        implied = mine | {INPATIENT_CHILDREN[c] for c in mine if c in INPATIENT_CHILDREN}
        if code in implied:
            out.append(lv)
    return tuple(out)
