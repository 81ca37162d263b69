"""Resolving references: to contained resources, and to the entries of a Bundle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._text import echo
from ._errors import FhirError, FhirMappingError
from ._node import as_dict, opt_list, opt_str

__all__ = ["BundleIndex", "Found", "resolve"]

#: A resolved resource and the path it was found at.
Found = tuple[Mapping[str, Any], str]


class BundleIndex:
    """The entries of a Bundle by ``fullUrl`` and by ``Type/id``."""

    __slots__ = ("by_key",)

    def __init__(self) -> None:
        self.by_key: dict[str, Found] = {}

    def add(self, resource: Mapping[str, Any], full_url: str | None, path: str) -> None:
        keys = []
        kind, rid = resource.get("resourceType"), resource.get("id")
        if isinstance(kind, str) and isinstance(rid, str):
            keys.append(f"{kind}/{rid}")
        if full_url:
            keys.append(full_url)
        for key in keys:
            if key in self.by_key:
                raise FhirError(f"two entries are {echo(key)}", path=path)
            self.by_key[key] = (resource, path)

    def find(self, ref: str) -> Found | None:
        found = self.by_key.get(ref)
        if found is None and "/" in ref and "://" in ref:  # an absolute URL: match its tail
            parts = ref.rstrip("/").split("/")
            found = self.by_key.get("/".join(parts[-2:]))
        return found


def resolve(
    reference: Any,
    path: str,
    container: tuple[Mapping[str, Any], str],
    bundle: BundleIndex | None,
) -> Found | None:
    """The resource a Reference points at, or ``None`` for one outside what was given.

    Raises
    ------
    carecontinuum.fhir.FhirMappingError
        For a local reference (``#id``, ``urn:uuid:``) that points nowhere.
    """
    obj = as_dict(reference, path)
    ref = opt_str(obj, "reference", path)
    if ref is None:
        return None
    where = f"{path}.reference"
    if ref.startswith("#"):
        holder, at = container
        for i, item in enumerate(opt_list(holder, "contained", at)):
            inner = as_dict(item, f"{at}.contained[{i}]")
            if inner.get("id") == ref[1:]:
                return inner, f"{at}.contained[{i}]"
        raise FhirMappingError(f"{echo(ref)} points at no contained resource", path=where)
    found = bundle.find(ref) if bundle is not None else None
    if found is None and ref.startswith(("urn:uuid:", "urn:oid:")):
        raise FhirMappingError(f"{echo(ref)} points at no entry of the Bundle", path=where)
    return found
