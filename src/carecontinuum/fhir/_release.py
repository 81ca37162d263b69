"""Which FHIR release a resource is written in: the argument, or its shape.

The bridge reads and writes R5 and R4B; R4 data is read and written as R4B
(the resources it maps did not change between R4 and R4B) [FHIR].  Without a
``release=``, :func:`detect_release` reads the release from elements that
exist in only one of them: R5 renamed Encounter's ``period`` to
``actualPeriod``, ``hospitalization`` to ``admission`` and made ``class`` a
list; HealthcareService's ``availableTime`` became ``availability``; a
ConceptMap target's ``equivalence`` became ``relationship`` [FHIR].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .._text import echo
from ._errors import FhirError

__all__ = [
    "RELEASES",
    "Release",
    "detect_release",
    "release_of_model",
    "release_option",
    "shape_release",
]

#: A FHIR release the bridge reads and writes.
Release = Literal["R5", "R4B"]
RELEASES: tuple[Release, ...] = ("R5", "R4B")
_ALIASES: dict[str, Release] = {"r5": "R5", "r4b": "R4B", "r4": "R4B"}

# element → the release it belongs to, per resource type [FHIR]
_ONLY: dict[str, dict[str, Release]] = {
    "Encounter": {
        **dict.fromkeys(
            (
                "actualPeriod",
                "admission",
                "virtualService",
                "plannedStartDate",
                "plannedEndDate",
                "careTeam",
                "subjectStatus",
                "reason",
                "dietPreference",
                "specialArrangement",
                "specialCourtesy",
            ),
            "R5",
        ),
        **dict.fromkeys(
            ("period", "hospitalization", "classHistory", "statusHistory", "reasonCode"), "R4B"
        ),
        "reasonReference": "R4B",
    },
    "EpisodeOfCare": {"reason": "R5", "careTeam": "R5", "team": "R4B"},
    "HealthcareService": {
        "availability": "R5",
        "offeredIn": "R5",
        **dict.fromkeys(("availableTime", "notAvailable", "availabilityExceptions"), "R4B"),
        "telecom": "R4B",
    },
    "ServiceRequest": {
        **dict.fromkeys(("reason", "bodyStructure", "focus", "location"), "R5"),
        **dict.fromkeys(
            ("reasonCode", "reasonReference", "locationCode", "locationReference"), "R4B"
        ),
    },
    "ConceptMap": {
        **dict.fromkeys(
            (
                "sourceScopeUri",
                "sourceScopeCanonical",
                "targetScopeUri",
                "targetScopeCanonical",
                "property",
                "additionalAttribute",
            ),
            "R5",
        ),
        **dict.fromkeys(("sourceUri", "sourceCanonical", "targetUri", "targetCanonical"), "R4B"),
    },
    "CodeSystem": dict.fromkeys(
        ("versionAlgorithmString", "versionAlgorithmCoding", "approvalDate", "copyrightLabel"),
        "R5",
    ),
    "Bundle": {"issues": "R5"},
}
# Encounter.status codes that exist in one release only [FHIR]
_STATUS_ONLY: dict[str, Release] = {
    **dict.fromkeys(("completed", "discharged", "on-hold", "discontinued"), "R5"),
    **dict.fromkeys(("arrived", "triaged", "onleave", "finished"), "R4B"),
}


def release_option(value: object, name: str = "release") -> Release:
    """*value* as a release: ``"R5"`` or ``"R4B"`` (``"R4"`` is read as R4B), any case.

    Raises
    ------
    carecontinuum.fhir.FhirError
        For anything else, a bool or a non-string included.

    Examples
    --------
    >>> release_option("r4")
    'R4B'
    >>> release_option("STU3")
    Traceback (most recent call last):
    ...
    carecontinuum.fhir._errors.FhirError: release: unknown FHIR release 'STU3'; ...
    """
    if isinstance(value, str):
        found = _ALIASES.get(value.strip().casefold())
        if found is not None:
            return found
    raise FhirError(
        f"unknown FHIR release {echo(value)}; the bridge reads and writes 'R5' and 'R4B' "
        "('R4' data is read and written as R4B)",
        path=name,
    )


def _signals(resource: Mapping[str, Any], path: str, out: dict[Release, list[str]]) -> None:
    kind = resource.get("resourceType")
    kind = kind if isinstance(kind, str) else ""
    for element, release in _ONLY.get(kind, {}).items():
        if element in resource:
            out[release].append(f"{path}.{element}")
    if kind == "Encounter":
        _encounter_signals(resource, path, out)
    if kind == "ConceptMap":
        _concept_map_signals(resource, path, out)
    contained = resource.get("contained")
    inner: list[tuple[Any, str]] = [
        (item, f"{path}.contained[{i}]")
        for i, item in enumerate(contained if isinstance(contained, list) else ())
    ]
    entries = resource.get("entry") if kind == "Bundle" else None
    inner.extend(
        (entry.get("resource"), f"{path}.entry[{i}].resource")
        for i, entry in enumerate(entries if isinstance(entries, list) else ())
        if isinstance(entry, Mapping)
    )
    for item, where in inner:
        if isinstance(item, Mapping):
            _signals(item, where, out)


def _encounter_signals(
    resource: Mapping[str, Any], path: str, out: dict[Release, list[str]]
) -> None:
    klass = resource.get("class")
    if isinstance(klass, list):
        out["R5"].append(f"{path}.class (a list)")
    elif isinstance(klass, Mapping):
        out["R4B"].append(f"{path}.class (a single Coding)")
    status = resource.get("status")
    if isinstance(status, str) and status in _STATUS_ONLY:
        out[_STATUS_ONLY[status]].append(f"{path}.status {status!r}")


def _concept_map_signals(
    resource: Mapping[str, Any], path: str, out: dict[Release, list[str]]
) -> None:
    groups = resource.get("group")
    for g in groups if isinstance(groups, list) else ():
        elements = g.get("element") if isinstance(g, Mapping) else None
        for e in elements if isinstance(elements, list) else ():
            targets = e.get("target") if isinstance(e, Mapping) else None
            for t in targets if isinstance(targets, list) else ():
                if isinstance(t, Mapping) and "relationship" in t:
                    out["R5"].append(f"{path}.group.element.target.relationship")
                    return
                if isinstance(t, Mapping) and "equivalence" in t:
                    out["R4B"].append(f"{path}.group.element.target.equivalence")
                    return


def shape_release(resource: Mapping[str, Any], *, path: str = "") -> Release | None:
    """The release *resource*'s own elements say it is in; ``None`` when they fit both.

    Raises
    ------
    carecontinuum.fhir.FhirError
        When the resource mixes R5 and R4B elements.
    """
    where = path or str(resource.get("resourceType") or "resource")
    found: dict[Release, list[str]] = {"R5": [], "R4B": []}
    _signals(resource, where, found)
    r5, r4 = found["R5"], found["R4B"]
    if r5 and r4:
        raise FhirError(
            f"the release is ambiguous: R5 elements ({', '.join(r5[:3])}) and R4B elements "
            f"({', '.join(r4[:3])}) in one resource; pass release='R5' or release='R4B' "
            "after fixing the data",
            path=where,
        )
    return "R5" if r5 else "R4B" if r4 else None


def detect_release(
    resource: Mapping[str, Any], given: Release | None = None, *, path: str = ""
) -> Release:
    """The release *resource* is written in; *given* is checked against its shape.

    A resource with no release-specific element reads the same in both
    releases and is read as *given*, else as R5.

    Raises
    ------
    carecontinuum.fhir.FhirError
        When the resource mixes R5 and R4B elements, or contradicts *given*.

    Examples
    --------
    >>> detect_release({"resourceType": "Encounter", "status": "finished",
    ...                 "period": {"start": "2024-01-01"}})
    'R4B'
    >>> detect_release({"resourceType": "Encounter", "actualPeriod": {}}, "R4B")
    Traceback (most recent call last):
    ...
    carecontinuum.fhir._errors.FhirError: Encounter: release R4B was asked for, but ...
    """
    where = path or str(resource.get("resourceType") or "resource")
    shape = shape_release(resource, path=where)
    if given is not None and shape is not None and shape != given:
        evidence: dict[Release, list[str]] = {"R5": [], "R4B": []}
        _signals(resource, where, evidence)
        raise FhirError(
            f"release {given} was asked for, but the resource is {shape}: "
            + ", ".join(evidence[shape][:3]),
            path=where,
        )
    return given or shape or "R5"


def release_of_model(model: object) -> Release:
    """The release of a fhir.resources model object, read from its module path.

    Raises
    ------
    carecontinuum.fhir.FhirError
        For a model of a release the bridge does not read (STU3, DSTU2).
    """
    module = type(model).__module__
    if module.startswith("fhir.resources.R4B."):
        return "R4B"
    if module.startswith(("fhir.resources.STU3.", "fhir.resources.DSTU2.")):
        release = module.split(".")[2]
        raise FhirError(
            f"a fhir.resources {release} model: the bridge reads R5 and R4B only", path="data"
        )
    return "R5"
