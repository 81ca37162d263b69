"""Crosswalks out to FHIR ``ConceptMap``, and back.

One ConceptMap per crosswalk at ``{base}/ConceptMap/{source}-to-{target}``,
with one group from the source framework's CodeSystem to the target's.  Each
run of mappings of one source level is one ``element``; each mapping one
``target`` [FHIR]:

=============  ==========================  ==========================
match          R5 ``relationship``         R4B ``equivalence``
=============  ==========================  ==========================
exact          ``equivalent``              ``equivalent``
approximate    ``related-to``              ``relatedto``
none           ``not-related-to``          ``unmatched``
=============  ==========================  ==========================

An approximate mapping is written as *related*, not narrower or broader: the
library records that something is lost (the ``comment``), not in which
direction.  A mapping's ``note``, ``sources`` and ``verified`` flag are the
``note``, ``source`` and ``verified`` extensions of its target.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._codesystem_read import own_system_name
from ._errors import FhirMappingError
from ._ext import Extensions, ext
from ._ids import computable_name, fhir_id
from ._node import as_dict, opt_bool, opt_list, opt_str, req_str

if TYPE_CHECKING:
    from ..levels import Crosswalk, LevelMapping
    from ._context import Reader, Writer

__all__ = ["concept_map", "read_concept_map"]

_WRITE = {
    "R5": {"exact": "equivalent", "approximate": "related-to", "none": "not-related-to"},
    "R4B": {"exact": "equivalent", "approximate": "relatedto", "none": "unmatched"},
}
_READ = {
    "R5": {
        "equivalent": "exact",
        "related-to": "approximate",
        "source-is-narrower-than-target": "approximate",
        "source-is-broader-than-target": "approximate",
        "not-related-to": "none",
    },
    "R4B": {
        "equivalent": "exact",
        "equal": "exact",
        "relatedto": "approximate",
        "wider": "approximate",
        "subsumes": "approximate",
        "narrower": "approximate",
        "specializes": "approximate",
        "inexact": "approximate",
        "unmatched": "none",
        "disjoint": "none",
    },
}
_TARGET_EXTENSIONS = frozenset({"note", "source", "verified"})


def _names(framework: str) -> dict[str, str]:
    import carecontinuum as cc

    try:
        return {lv.code: lv.name for lv in cc.framework(framework)}
    except LookupError:
        return {}


def _target(m: LevelMapping, w: Writer, names: dict[str, str]) -> dict[str, Any]:
    target: dict[str, Any] = {}
    extensions = [ext(w.urls.ext("note"), "String", m.note)] if m.note else []
    extensions.extend(ext(w.urls.ext("source"), "String", s) for s in m.sources)
    if not m.verified:
        extensions.append(ext(w.urls.ext("verified"), "Boolean", False))
    if extensions:
        target["extension"] = extensions
    if m.target:
        target["code"] = m.target
        if m.target in names:
            target["display"] = names[m.target]
    key = "relationship" if w.release == "R5" else "equivalence"
    target[key] = _WRITE[w.release][m.match.value]
    if m.lost:
        target["comment"] = m.lost
    return target


def concept_map(walk: Crosswalk, w: Writer) -> dict[str, Any]:
    """The ConceptMap of crosswalk *walk*, as a JSON-ready dict."""
    from .._version import __version__

    src, dst = walk.source_framework, walk.target_framework
    sources, targets = _names(src), _names(dst)
    elements: list[dict[str, Any]] = []
    for m in walk.mappings:
        if not elements or elements[-1]["code"] != m.source:
            element: dict[str, Any] = {"code": m.source}
            if m.source in sources:
                element["display"] = sources[m.source]
            element["target"] = []
            elements.append(element)
        elements[-1]["target"].append(_target(m, w, targets))
    cm: dict[str, Any] = {"resourceType": "ConceptMap", "id": fhir_id(f"{src}-to-{dst}")}
    if walk.sources:
        cm["extension"] = [ext(w.urls.ext("source"), "String", s) for s in walk.sources]
    cm.update(
        url=f"{w.urls.base}/ConceptMap/{src}-to-{dst}",
        version=__version__,
        name=computable_name("care", "continuum", src, "to", dst),
        title=f"{src} → {dst}",
        status="active",
        experimental=False,
        publisher="carecontinuum",
    )
    if walk.description:
        cm["description"] = walk.description
    cm["group"] = [
        {"source": w.urls.system(src), "target": w.urls.system(dst), "element": elements}
    ]
    return cm


def _mapping(source: str, t: Mapping[str, Any], path: str, r: Reader) -> dict[str, Any]:
    key = "relationship" if r.release == "R5" else "equivalence"
    kind = opt_str(t, key, path)
    match = _READ[r.release].get(kind or "")
    if match is None:
        known = ", ".join(_READ[r.release])
        raise FhirMappingError(
            f"{key} {echo(kind)} is not one of {r.release}'s ({known})", path=f"{path}.{key}"
        )
    code = opt_str(t, "code", path) or ""
    if match == "none" and code:
        raise FhirMappingError(
            f"{kind} with target code {code!r}: the library records a missing counterpart, "
            "not an assertion about a particular level",
            path=path,
        )
    own = Extensions(t, r.urls.sd, path)
    unknown = own.unknown(_TARGET_EXTENSIONS)
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    verified = own.boolean("verified")
    return {
        "source": source,
        "target": code,
        "match": match,
        "lost": opt_str(t, "comment", path) or "",
        "note": own.string("note") or "",
        "sources": own.strings("source"),
        "verified": True if verified is None else verified,
    }


def read_concept_map(cm: Mapping[str, Any], path: str, r: Reader) -> Crosswalk:
    """The :class:`~carecontinuum.Crosswalk` of one of the library's ConceptMaps.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a map between code systems that are not the library's, more than
        one group, or a relationship the library cannot record.
    """
    import carecontinuum as cc

    from ._build import build

    groups = opt_list(cm, "group", path)
    if len(groups) != 1:
        raise FhirMappingError(
            f"{len(groups)} groups: a crosswalk joins two frameworks, so one group",
            path=f"{path}.group",
        )
    where = f"{path}.group[0]"
    group = as_dict(groups[0], where)
    src = own_system_name(opt_str(group, "source", where), r, f"{where}.source", "crosswalk")
    dst = own_system_name(opt_str(group, "target", where), r, f"{where}.target", "crosswalk")
    mappings = []
    for i, item in enumerate(opt_list(group, "element", where)):
        at = f"{where}.element[{i}]"
        element = as_dict(item, at)
        code = req_str(element, "code", at)
        targets = opt_list(element, "target", at)
        if opt_bool(element, "noMap", at) and not targets:
            raise FhirMappingError(
                "noMap without a target: the library needs a comment saying what is lost "
                "(write a not-related-to target with a comment)",
                path=at,
            )
        for j, t in enumerate(targets):
            mappings.append(_mapping(code, as_dict(t, f"{at}.target[{j}]"), f"{at}.target[{j}]", r))
    own = Extensions(cm, r.urls.sd, path)
    return build(
        cc.Crosswalk,
        path,
        source_framework=src,
        target_framework=dst,
        mappings=mappings,
        description=opt_str(cm, "description", path) or "",
        sources=own.strings("source"),
    )
