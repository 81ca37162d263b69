"""Journeys out to FHIR: one ``EpisodeOfCare`` and an ``Encounter`` per placement.

The EpisodeOfCare is ``active`` while a placement is open, else ``finished``
(``planned`` for a journey without placements); its period runs from the
first admission to the last discharge; its ``type`` is the library's
``episode-type#journey``.  FHIR links the other way round: each Encounter's
``episodeOfCare`` references the episode [FHIR].  The person is the
``patient`` (and each Encounter's ``subject``): a literal reference when the
caller passes ``patient=``, and the ``person_id`` as an identifier in the
library's ``person-id`` system; with neither, a display-only placeholder.

A journey becomes a Bundle of type ``collection`` (tagged ``journey``, or
``journeys`` for a list); entries have ``urn:uuid:`` full URLs derived from
their ids, so the same journeys give the same Bundle.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._dates import period_end
from ._encounter import PLACEHOLDER_SUBJECT, encounter
from ._ext import ext

if TYPE_CHECKING:
    from ..journeys import Journey
    from ._context import Writer

__all__ = ["JOURNEY_TYPE", "bundle", "episode_of_care", "episode_type", "subject_of"]

#: The EpisodeOfCare.type code of a journey in the library's episode-type code system.
JOURNEY_TYPE = ("journey", "Journey through the behavioral-health continuum of care")


def subject_of(person_id: str | int | None, w: Writer) -> dict[str, Any]:
    """The Reference to the person: ``patient=`` and/or the person id, else a placeholder."""
    ref: dict[str, Any] = {}
    if w.patient is not None:
        ref["reference"] = w.patient
    if person_id is not None:
        identifier: dict[str, Any] = {}
        if isinstance(person_id, int):
            identifier["extension"] = [ext(w.urls.ext("person-id-type"), "Code", "integer")]
        identifier["system"] = f"{w.urls.base}/person-id"
        identifier["value"] = str(person_id)
        ref["identifier"] = identifier
    return ref or dict(PLACEHOLDER_SUBJECT)


def episode_type(w: Writer) -> list[dict[str, Any]]:
    """EpisodeOfCare.type of a journey: the library's ``episode-type#journey``."""
    coding = {
        "system": w.urls.system("episode-type"),
        "code": JOURNEY_TYPE[0],
        "display": JOURNEY_TYPE[1],
    }
    return [{"coding": [coding]}]


def episode_of_care(
    j: Journey, w: Writer, *, resource_id: str, subject: dict[str, Any]
) -> dict[str, Any]:
    """The EpisodeOfCare of journey *j*, as a JSON-ready dict."""
    placements = j.placements
    if not placements:
        status = "planned"
    else:
        status = "active" if any(p.end is None for p in placements) else "finished"
    eoc: dict[str, Any] = {
        "resourceType": "EpisodeOfCare",
        "id": resource_id,
        "status": status,
        "type": episode_type(w),
        "patient": subject,
    }
    if placements:
        period = {"start": min(p.start for p in placements).isoformat()}
        if status == "finished":
            period["end"] = period_end(max(p.end for p in placements if p.end is not None))
        eoc["period"] = period
    return eoc


def _urn(w: Writer, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{w.urls.base}/{key}')}"


def journey_entries(j: Journey, n: int, w: Writer) -> list[dict[str, Any]]:
    """Bundle entries of journey number *n*: its EpisodeOfCare, then its Encounters."""
    subject = subject_of(j.person_id, w)
    episode_id = f"journey-{n}"
    episode_url = _urn(w, f"EpisodeOfCare/{episode_id}")
    entries = [
        {
            "fullUrl": episode_url,
            "resource": episode_of_care(j, w, resource_id=episode_id, subject=subject),
        }
    ]
    for i, p in enumerate(j.placements, start=1):
        rid = f"{episode_id}-{i}"
        resource = encounter(
            p,
            w,
            resource_id=rid,
            episode=episode_url,
            subject=subject,
            path=f"journeys[{n - 1}].placements[{i - 1}]",
        )
        entries.append({"fullUrl": _urn(w, f"Encounter/{rid}"), "resource": resource})
    return entries


def bundle(journeys: Iterable[Journey], w: Writer, *, single: bool) -> dict[str, Any]:
    """A ``collection`` Bundle of *journeys*, tagged ``journey`` (*single*) or ``journeys``."""
    entries: list[dict[str, Any]] = []
    for n, j in enumerate(journeys, start=1):
        entries.extend(journey_entries(j, n, w))
    tag = {
        "system": w.urls.system("bundle-content"),
        "code": "journey" if single else "journeys",
    }
    out: dict[str, Any] = {"resourceType": "Bundle", "meta": {"tag": [tag]}, "type": "collection"}
    if entries:  # FHIR arrays are never empty
        out["entry"] = entries
    return out
