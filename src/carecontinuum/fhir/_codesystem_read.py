"""FHIR ``CodeSystem`` back into a :class:`~carecontinuum.Framework`.

Only the library's own framework code systems (``{base}/CodeSystem/{code}``)
read back: a framework needs each level's rank and setting, which only they
carry.  The library's other code systems (TEDS reasons, locator categories,
modalities) are vocabularies of enums, not frameworks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._codesystem import PROPERTIES, RANGES
from ._errors import FhirError, FhirMappingError
from ._ext import Extensions
from ._node import as_dict, decimal, opt_list, opt_str, req_str
from ._ranges import read_range
from ._terms import OWN_CODE_SYSTEMS

if TYPE_CHECKING:
    from ..levels import CareLevel, ExternalCode, Framework, PerDiemTier
    from ._context import Reader

__all__ = ["own_system_name", "read_code_system"]

_VALUE = {
    "decimal": "valueDecimal",
    "code": "valueCode",
    "boolean": "valueBoolean",
    "string": "valueString",
}
_CONCEPT_EXTENSIONS = frozenset({*RANGES, "external-code", "per-diem-tier"})
_FRAMEWORK_EXTENSIONS = frozenset({"framework-alias", "source", "verified", "note"})


def own_system_name(url: str | None, r: Reader, path: str, what: str) -> str:
    """The tail of one of the library's code-system URLs (``asam3`` of ``.../CodeSystem/asam3``)."""
    if url is None or not url.startswith(r.urls.cs) or "/" in url[len(r.urls.cs) :]:
        raise FhirMappingError(
            f"{echo(url)} is not one of the library's code systems (under {r.urls.cs}): "
            f"only those map to a {what}; pass base_url= if they were written under another base",
            path=path,
        )
    return url[len(r.urls.cs) :]


def _properties(concept: Mapping[str, Any], path: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for i, prop in enumerate(opt_list(concept, "property", path)):
        where = f"{path}.property[{i}]"
        obj = as_dict(prop, where)
        code = req_str(obj, "code", where)
        if code not in PROPERTIES:
            raise FhirMappingError(f"property {echo(code)} is not one of the library's", path=where)
        kind = _VALUE[PROPERTIES[code][0]]
        if kind not in obj:
            raise FhirError(f"property {code!r} needs a {kind}", path=where)
        found.setdefault(code, []).append((obj[kind], f"{where}.{kind}"))
    return found


def _one(props: dict[str, list[Any]], code: str, path: str, *, required: bool) -> Any:
    values = props.get(code, [])
    if len(values) > 1:
        raise FhirMappingError(f"property {code!r} appears {len(values)} times", path=path)
    if not values:
        if required:
            raise FhirMappingError(
                f"no {code!r} property: a level needs its rank and setting", path=path
            )
        return None
    return values[0]


def _typed(found: Any, kind: type, what: str) -> Any:
    if found is None:
        return None
    value, where = found
    if kind is bool and not isinstance(value, bool):
        raise FhirError(f"must be {what}, not {echo(value)}", path=where)
    if kind is str and (not isinstance(value, str) or not value):
        raise FhirError(f"must be {what}, not {echo(value)}", path=where)
    return value


def _external(item: Mapping[str, Any], path: str) -> ExternalCode:
    import carecontinuum as cc

    from ._build import build

    parts = Extensions(item, "", path)
    exact = parts.boolean("exact")
    return build(
        cc.ExternalCode,
        path,
        system=parts.string("system", "Code"),
        code=parts.string("code"),
        display=parts.string("display") or "",
        exact=True if exact is None else exact,
        firmness=parts.string("firmness", "Code"),
        note=parts.string("note") or "",
        sources=parts.strings("source"),
    )


def _per_diem_tier(item: Mapping[str, Any], path: str) -> PerDiemTier:
    from ..levels import PerDiemTier
    from ._build import build

    parts = Extensions(item, "", path)
    low = parts.value("min-services", "PositiveInt")
    high = parts.value("max-services", "PositiveInt")
    return build(
        PerDiemTier,
        path,
        payer=parts.string("payer"),
        min_services=None if low is None else low[0],
        max_services=None if high is None else high[0],
        display=parts.string("display") or "",
        firmness=parts.string("firmness", "Code"),
        note=parts.string("note") or "",
        sources=parts.strings("source"),
    )


def _level(concept: Mapping[str, Any], path: str, framework: str, r: Reader) -> CareLevel:
    import carecontinuum as cc

    from ._build import build

    if "concept" in concept:
        raise FhirMappingError(
            "a framework's levels are flat: nested concepts do not map", path=f"{path}.concept"
        )
    code = req_str(concept, "code", path)
    props = _properties(concept, path)
    rank = _one(props, "rank", path, required=True)
    values: dict[str, Any] = {
        "code": code,
        "name": opt_str(concept, "display", path) or "",
        "framework": framework,
        "rank": float(decimal(rank[0], rank[1])),
        "setting": _typed(_one(props, "setting", path, required=True), str, "a code"),
        "twenty_four_hour": bool(
            _typed(_one(props, "twenty-four-hour", path, required=False), bool, "true or false")
        ),
        "management": _typed(_one(props, "management", path, required=False), str, "a code"),
        "description": opt_str(concept, "definition", path) or "",
        "note": _typed(_one(props, "note", path, required=False), str, "a string") or "",
        "sources": [_typed(v, str, "a source id") for v in props.get("source", [])],
    }
    verified = _typed(_one(props, "verified", path, required=False), bool, "true or false")
    values["verified"] = True if verified is None else verified
    values["aliases"] = [
        req_str(as_dict(d, f"{path}.designation[{i}]"), "value", f"{path}.designation[{i}]")
        for i, d in enumerate(opt_list(concept, "designation", path))
    ]
    own = Extensions(concept, r.urls.sd, path)
    unknown = own.unknown(_CONCEPT_EXTENSIONS)
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    for name, field in RANGES.items():
        found = own.value(name, "Range")
        if found is not None:
            values[field] = read_range(found[0], found[1], r)
    values["codes"] = [_external(item, where) for item, where in own.all("external-code")]
    values["per_diem_tiers"] = [
        _per_diem_tier(item, where) for item, where in own.all("per-diem-tier")
    ]
    return build(cc.CareLevel, path, **values)


def read_code_system(cs: Mapping[str, Any], path: str, r: Reader) -> Framework:
    """The :class:`~carecontinuum.Framework` of one of the library's framework CodeSystems.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a CodeSystem that is not one of the library's frameworks, is not
        complete, or whose concepts lack rank or setting.
    """
    import carecontinuum as cc

    from ._build import build

    name = own_system_name(opt_str(cs, "url", path), r, f"{path}.url", "framework")
    if name in OWN_CODE_SYSTEMS:
        raise FhirMappingError(
            f"{name!r} is one of the library's vocabularies, not a framework of levels",
            path=f"{path}.url",
        )
    content = opt_str(cs, "content", path)
    if content != "complete":
        raise FhirMappingError(
            f"content {echo(content)}: only a complete CodeSystem lists every level",
            path=f"{path}.content",
        )
    title = opt_str(cs, "title", path) or opt_str(cs, "name", path)
    own = Extensions(cs, r.urls.sd, path)
    unknown = own.unknown(_FRAMEWORK_EXTENSIONS)
    if unknown:
        raise FhirMappingError(
            "an extension of the library this version does not know", path=unknown[0]
        )
    verified = own.boolean("verified")
    levels = [
        _level(as_dict(c, f"{path}.concept[{i}]"), f"{path}.concept[{i}]", name, r)
        for i, c in enumerate(opt_list(cs, "concept", path))
    ]
    if not levels:
        raise FhirMappingError("a framework needs at least one level", path=f"{path}.concept")
    return build(
        cc.Framework,
        path,
        code=name,
        name=title or "",
        aliases=own.strings("framework-alias"),
        levels=levels,
        description=opt_str(cs, "description", path) or "",
        sources=own.strings("source"),
        verified=True if verified is None else verified,
        note=own.string("note") or "",
    )
