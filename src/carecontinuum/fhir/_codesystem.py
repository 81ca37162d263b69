"""Frameworks out to FHIR ``CodeSystem``, and back.

One CodeSystem per framework at ``{base}/CodeSystem/{framework code}``; its
concepts are the levels, in rank order (``code`` the level code, ``display``
its name, ``definition`` its description, one ``designation`` per alias).
Properties declared on the CodeSystem carry each level's ``rank``,
``setting``, ``twenty-four-hour``, ``management``, ``verified``, ``note`` and
``source`` ids; extensions carry what FHIR has no element for: typical hours,
days, sessions and stay (Ranges) and the level's codes in other systems
(``external-code``), and the framework's aliases, sources, flag and note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._ext import ext
from ._ids import computable_name, fhir_id
from ._ranges import range_json
from ._timing import number

if TYPE_CHECKING:
    from ..levels import CareLevel, ExternalCode, Framework, PerDiemTier
    from ._context import Writer

__all__ = ["PROPERTIES", "RANGES", "code_system", "enum_code_system"]

#: Concept properties of a framework CodeSystem: code → (type, description).
PROPERTIES: dict[str, tuple[str, str]] = {
    "rank": ("decimal", "Intensity order within the framework (higher is more intensive)"),
    "setting": ("code", "Where care is delivered: ambulatory, residential or hospital"),
    "twenty-four-hour": ("boolean", "Whether the level is a 24-hour level"),
    "management": ("code", "Who directs care (the ASAM management axis)"),
    "verified": ("boolean", "False where the sources mark a fact about the level unverified"),
    "note": ("string", "What is unverified or otherwise worth knowing"),
    "source": ("string", "A source id (carecontinuum.SOURCES) the level cites"),
}
#: Range extensions of a level: extension name → CareLevel field.
RANGES: dict[str, str] = {
    "typical-hours-per-day": "typical_hours_per_day",
    "typical-days-per-week": "typical_days_per_week",
    "typical-sessions-per-week": "typical_sessions_per_week",
    "typical-stay": "typical_stay",
}


def _external(code: ExternalCode, w: Writer) -> dict[str, Any]:
    parts = [ext("system", "Code", code.system.value), ext("code", "String", code.code)]
    if code.display:
        parts.append(ext("display", "String", code.display))
    parts.append(ext("exact", "Boolean", code.exact))
    if code.firmness is not None:
        parts.append(ext("firmness", "Code", code.firmness.value))
    if code.note:
        parts.append(ext("note", "String", code.note))
    parts.extend(ext("source", "String", s) for s in code.sources)
    return {"url": w.urls.ext("external-code"), "extension": parts}


def _per_diem_tier(tier: PerDiemTier, w: Writer) -> dict[str, Any]:
    parts = [
        ext("payer", "String", tier.payer),
        ext("min-services", "PositiveInt", tier.min_services),
    ]
    if tier.max_services is not None:
        parts.append(ext("max-services", "PositiveInt", tier.max_services))
    if tier.display:
        parts.append(ext("display", "String", tier.display))
    parts.append(ext("firmness", "Code", tier.firmness.value))
    if tier.note:
        parts.append(ext("note", "String", tier.note))
    parts.extend(ext("source", "String", s) for s in tier.sources)
    return {"url": w.urls.ext("per-diem-tier"), "extension": parts}


def _concept(level: CareLevel, w: Writer) -> dict[str, Any]:
    concept: dict[str, Any] = {}
    extensions = [
        ext(w.urls.ext(name), "Range", range_json(getattr(level, field), w))
        for name, field in RANGES.items()
        if getattr(level, field) is not None
    ]
    extensions.extend(_external(c, w) for c in level.codes)
    extensions.extend(_per_diem_tier(t, w) for t in level.per_diem_tiers)
    if extensions:
        concept["extension"] = extensions
    concept["code"] = level.code
    concept["display"] = level.name
    if level.description:
        concept["definition"] = level.description
    if level.aliases:
        concept["designation"] = [{"value": alias} for alias in level.aliases]
    props: list[dict[str, Any]] = [
        {"code": "rank", "valueDecimal": number(level.rank)},
        {"code": "setting", "valueCode": level.setting.value},
        {"code": "twenty-four-hour", "valueBoolean": level.twenty_four_hour},
    ]
    if level.management is not None:
        props.append({"code": "management", "valueCode": level.management.value})
    if not level.verified:
        props.append({"code": "verified", "valueBoolean": False})
    if level.note:
        props.append({"code": "note", "valueString": level.note})
    props.extend({"code": "source", "valueString": s} for s in level.sources)
    concept["property"] = props
    return concept


def code_system(fw: Framework, w: Writer) -> dict[str, Any]:
    """The CodeSystem of framework *fw*, as a JSON-ready dict."""
    from .._version import __version__

    extensions = [ext(w.urls.ext("framework-alias"), "String", a) for a in fw.aliases]
    extensions.extend(ext(w.urls.ext("source"), "String", s) for s in fw.sources)
    if not fw.verified:
        extensions.append(ext(w.urls.ext("verified"), "Boolean", False))
    if fw.note:
        extensions.append(ext(w.urls.ext("note"), "String", fw.note))
    cs: dict[str, Any] = {"resourceType": "CodeSystem", "id": fhir_id(fw.code)}
    if extensions:
        cs["extension"] = extensions
    cs.update(
        url=w.urls.system(fw.code),
        version=__version__,
        name=computable_name("care", "continuum", fw.code),
        title=fw.name,
        status="active",
        experimental=False,
        publisher="carecontinuum",
    )
    if fw.description:
        cs["description"] = fw.description
    cs.update(
        caseSensitive=True,
        content="complete",
        count=len(fw.levels),
        property=[
            {"code": code, "type": kind, "description": text}
            for code, (kind, text) in PROPERTIES.items()
        ],
        concept=[_concept(lv, w) for lv in fw.levels],
    )
    return cs


def enum_code_system(
    name: str, title: str, description: str, concepts: Mapping[str, str], w: Writer
) -> dict[str, Any]:
    """A flat CodeSystem of the library's own (TEDS reasons, locator categories ...)."""
    from .._version import __version__

    return {
        "resourceType": "CodeSystem",
        "id": fhir_id(name),
        "url": w.urls.system(name),
        "version": __version__,
        "name": computable_name("care", "continuum", name),
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": "carecontinuum",
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": [{"code": code, "display": display} for code, display in concepts.items()],
    }
