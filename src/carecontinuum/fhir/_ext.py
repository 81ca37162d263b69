"""The library's documented extensions: building them, and finding them again.

Every extension URL is ``{base_url}/StructureDefinition/{name}``; the FHIR
docs page lists each name, where it sits and what it holds.  Values are typed
(``valueString``, ``valueBoolean``, ``valueDecimal``, ``valueTiming`` ...), and
a compound value is a nested list of extensions, as FHIR defines them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._errors import FhirError
from ._node import as_dict, opt_list, opt_str

__all__ = ["Extensions", "ext"]


def ext(url: str, kind: str, value: Any) -> dict[str, Any]:
    """One extension: ``{"url": url, "value<Kind>": value}``."""
    return {"url": url, f"value{kind}": value}


class Extensions:
    """The extensions of one element whose URLs lie under *prefix* (the library's own).

    Extensions of other publishers are not the library's to read; they are
    left alone (and reported by the readers that care).
    """

    __slots__ = ("foreign", "items", "path")

    def __init__(self, element: Mapping[str, Any], prefix: str, path: str) -> None:
        self.path = path
        self.items: list[tuple[str, Mapping[str, Any], str]] = []
        self.foreign: list[tuple[str, str]] = []
        for i, item in enumerate(opt_list(element, "extension", path)):
            where = f"{path}.extension[{i}]"
            obj = as_dict(item, where)
            url = opt_str(obj, "url", where)
            if not url:
                raise FhirError("an extension needs a 'url'", path=where)
            if url.startswith(prefix):
                self.items.append((url[len(prefix) :], obj, where))
            else:
                self.foreign.append((url, where))

    def all(self, name: str) -> Iterator[tuple[Mapping[str, Any], str]]:
        """Each extension called *name*, with its path."""
        for found, obj, where in self.items:
            if found == name:
                yield obj, where

    def one(self, name: str) -> tuple[Mapping[str, Any], str] | None:
        """The extension called *name*, if any; two of them are an error."""
        found = list(self.all(name))
        if len(found) > 1:
            raise FhirError(f"extension {name!r} appears {len(found)} times", path=found[1][1])
        return found[0] if found else None

    def value(self, name: str, kind: str) -> tuple[Any, str] | None:
        """The ``value<kind>`` of the extension called *name*, with its path."""
        found = self.one(name)
        if found is None:
            return None
        obj, where = found
        key = f"value{kind}"
        if key not in obj:
            raise FhirError(f"extension {name!r} must have a {key}", path=where)
        return obj[key], f"{where}.{key}"

    def values(self, name: str, kind: str) -> list[tuple[Any, str]]:
        """The ``value<kind>`` of every extension called *name*."""
        out = []
        for obj, where in self.all(name):
            key = f"value{kind}"
            if key not in obj:
                raise FhirError(f"extension {name!r} must have a {key}", path=where)
            out.append((obj[key], f"{where}.{key}"))
        return out

    def unknown(self, known: frozenset[str]) -> list[str]:
        """Paths of the library's extensions here that this reader does not know."""
        return [where for name, _, where in self.items if name not in known]

    def boolean(self, name: str) -> bool | None:
        """The ``valueBoolean`` of the extension called *name*, checked."""
        found = self.value(name, "Boolean")
        if found is None:
            return None
        if not isinstance(found[0], bool):
            raise FhirError(f"must be true or false, not {found[0]!r:.40}", path=found[1])
        return found[0]

    def strings(self, name: str, kind: str = "String") -> list[str]:
        """The ``value<kind>`` strings of every extension called *name*, checked."""
        out = []
        for value, where in self.values(name, kind):
            if not isinstance(value, str) or not value:
                raise FhirError(f"must be a non-empty string, not {value!r:.40}", path=where)
            out.append(value)
        return out

    def string(self, name: str, kind: str = "String") -> str | None:
        """The ``value<kind>`` string of the extension called *name*, checked."""
        found = self.strings(name, kind)
        if len(found) > 1:
            raise FhirError(f"extension {name!r} appears {len(found)} times", path=self.path)
        return found[0] if found else None
