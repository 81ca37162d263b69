"""The FHIR bridge: levels, programs, schedules and journeys to FHIR R5 and R4B, and back.

``to_fhir`` turns the library's objects into FHIR resources (plain JSON-ready
dicts); ``from_fhir`` reads resources back, whether the library wrote them or
another system did, and never guesses: FHIR that has no faithful counterpart
raises :class:`FhirMappingError` saying what and why.  ``validate`` checks a
resource with fhir.resources and with the library's own rules;
``write_ndjson`` and ``read_ndjson`` stream FHIR Bulk Data files.

Exporting needs nothing beyond the library.  Validation and fhir.resources
model input need the ``fhir`` extra (``pip install 'carecontinuum[fhir]'``);
``import carecontinuum.fhir`` does not import fhir.resources.

Examples
--------
>>> import carecontinuum as cc
>>> from carecontinuum.fhir import from_fhir, to_fhir
>>> journey = cc.Journey(person_id="p1", placements=[
...     {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29", "discharge_reason": 4},
...     {"level": "IOP", "start": "2024-03-29"}])
>>> bundle = to_fhir(journey, release="R4B")
>>> [e["resource"]["resourceType"] for e in bundle["entry"]]
['EpisodeOfCare', 'Encounter', 'Encounter']
>>> bundle["entry"][0]["resource"]["status"]
'active'
>>> from_fhir(bundle) == journey
True
"""

from __future__ import annotations

from ._api import FhirImport, from_fhir, import_fhir, to_fhir
from ._context import Unmapped
from ._errors import FhirError, FhirMappingError
from ._ndjson import NdjsonFile, write_ndjson
from ._ndjson_read import read_ndjson
from ._release import RELEASES, Release
from ._settings import (
    DEFAULT_BASE_URL,
    FhirSettings,
    code_system_url,
    configure,
    extension_url,
    settings,
)
from ._terminology import terminology
from ._validate import validate

__all__ = [
    "DEFAULT_BASE_URL",
    "RELEASES",
    "FhirError",
    "FhirImport",
    "FhirMappingError",
    "FhirSettings",
    "NdjsonFile",
    "Release",
    "Unmapped",
    "code_system_url",
    "configure",
    "extension_url",
    "from_fhir",
    "import_fhir",
    "read_ndjson",
    "settings",
    "terminology",
    "to_fhir",
    "validate",
    "write_ndjson",
]


def __dir__() -> list[str]:
    return list(__all__)
