"""FHIR Bundles back into journeys: each EpisodeOfCare with the Encounters that point at it.

Encounters are matched to their episode by ``Encounter.episodeOfCare``,
resolved inside the Bundle (by ``fullUrl`` or ``Type/id``); placements keep
the Bundle's order (``Journey.check()`` reports any that are unsorted).  An
Encounter that points at no episode of the Bundle, or at none at all, is an
error, as is a Bundle without an EpisodeOfCare.  Entries nothing points at
(a Patient, an Organization) are kept in the import's ``unmapped`` list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._encounter_read import read_encounter
from ._errors import FhirError, FhirMappingError
from ._ext import Extensions
from ._node import as_dict, codings, opt_dict, opt_list, opt_str
from ._refs import BundleIndex, resolve

if TYPE_CHECKING:
    from ..journeys import Journey
    from ._context import Reader

__all__ = ["read_bundle", "read_person"]

_REFERENCED = frozenset({"ServiceRequest", "HealthcareService"})


def read_person(patient: Any, path: str, r: Reader) -> str | int | None:
    """The person id of a patient Reference the library wrote (its ``person-id`` identifier)."""
    if patient is None:
        return None
    obj = as_dict(patient, path)
    identifier = opt_dict(obj, "identifier", path)
    if "reference" in obj:
        r.note(f"{path}.reference", str(obj["reference"]), "a patient reference is not kept")
    if identifier is None:
        return None
    where = f"{path}.identifier"
    if opt_str(identifier, "system", where) != f"{r.urls.base}/person-id":
        r.note(where, str(identifier.get("value")), "an identifier of another system")
        return None
    value = opt_str(identifier, "value", where)
    if value is None:
        raise FhirError("a person-id identifier needs a value", path=where)
    kind = Extensions(identifier, r.urls.sd, where).string("person-id-type", "Code")
    if kind is None:
        return value
    if kind != "integer" or not value.lstrip("-").isdigit() or len(value) > 40:
        raise FhirMappingError(
            f"person-id-type {echo(kind)} with value {echo(value)}: only 'integer' ids of "
            "digits are known",
            path=where,
        )
    return int(value)


def _tag(b: Mapping[str, Any], path: str, r: Reader) -> str | None:
    meta = opt_dict(b, "meta", path)
    if meta is None:
        return None
    for i, tag in enumerate(opt_list(meta, "tag", f"{path}.meta")):
        obj = as_dict(tag, f"{path}.meta.tag[{i}]")
        if opt_str(obj, "system", f"{path}.meta.tag[{i}]") == r.urls.system("bundle-content"):
            code = opt_str(obj, "code", f"{path}.meta.tag[{i}]")
            if code not in ("journey", "journeys"):
                raise FhirMappingError(
                    f"bundle-content {echo(code)} is not journey or journeys",
                    path=f"{path}.meta.tag[{i}]",
                )
            return code
    return None


def _entries(
    b: Mapping[str, Any], path: str
) -> tuple[BundleIndex, list[tuple[Mapping[str, Any], str]]]:
    index = BundleIndex()
    resources: list[tuple[Mapping[str, Any], str]] = []
    for i, entry in enumerate(opt_list(b, "entry", path)):
        where = f"{path}.entry[{i}]"
        obj = as_dict(entry, where)
        resource = opt_dict(obj, "resource", where)
        if resource is None:
            raise FhirMappingError("an entry without a resource", path=where)
        at = f"{where}.resource"
        if not isinstance(resource.get("resourceType"), str):
            raise FhirError("a resource needs a 'resourceType'", path=at)
        index.add(resource, opt_str(obj, "fullUrl", where), where)
        resources.append((resource, at))
    return index, resources


def _episode_of(
    res: Mapping[str, Any], at: str, index: BundleIndex, placements: dict[int, list[Any]]
) -> int:
    refs = opt_list(res, "episodeOfCare", at)
    if len(refs) != 1:
        raise FhirMappingError(
            f"{len(refs)} episodeOfCare references: each Encounter of the Bundle "
            "belongs to one EpisodeOfCare",
            path=f"{at}.episodeOfCare",
        )
    target = resolve(refs[0], f"{at}.episodeOfCare[0]", (res, at), index)
    if target is None or id(target[0]) not in placements:
        shown = echo(as_dict(refs[0], at).get("reference"))
        raise FhirMappingError(
            f"{shown} points at no EpisodeOfCare of the Bundle", path=f"{at}.episodeOfCare[0]"
        )
    return id(target[0])


def _journey(res: Mapping[str, Any], at: str, placements: list[Any], r: Reader) -> Journey:
    import carecontinuum as cc

    from ._build import build

    for i, concept in enumerate(opt_list(res, "type", at)):
        for c in codings(concept, f"{at}.type[{i}]"):
            if c.system != r.urls.system("episode-type"):
                r.note(c.path, c.token, "an episode type of another system")
    person = read_person(res.get("patient"), f"{at}.patient", r)
    return build(cc.Journey, at, person_id=person, placements=placements)


def read_bundle(b: Mapping[str, Any], path: str, r: Reader) -> Journey | list[Journey]:
    """The journeys of a Bundle: one Journey, or a list for a Bundle of several.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        Without an EpisodeOfCare, or when an Encounter points at no episode.
    """
    index, resources = _entries(b, path)
    episodes = [(res, at) for res, at in resources if res["resourceType"] == "EpisodeOfCare"]
    tag = _tag(b, path, r)
    if not episodes and tag != "journeys":
        raise FhirMappingError(
            "a Bundle without an EpisodeOfCare: carecontinuum reads a Bundle as journeys, "
            "each an EpisodeOfCare with the Encounters that point at it",
            path=path,
        )
    placements: dict[int, list[Any]] = {id(res): [] for res, _ in episodes}
    for res, at in resources:
        kind = res["resourceType"]
        if kind == "Encounter":
            episode = _episode_of(res, at, index, placements)
            placements[episode].append(read_encounter(res, at, r, index))
        elif kind not in ("EpisodeOfCare", *_REFERENCED):
            r.note(at, kind, "a resource a journey has no place for")
    journeys = [_journey(res, at, placements[id(res)], r) for res, at in episodes]
    if tag == "journey" and len(journeys) != 1:
        raise FhirMappingError(f"tagged as one journey, but holds {len(journeys)}", path=path)
    if tag == "journeys" or (tag is None and len(journeys) > 1):
        return journeys
    return journeys[0]
