"""Typed, path-aware reads from FHIR JSON: a wrong JSON type is a clear error, not a crash."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._text import echo
from ._errors import FhirError

__all__ = [
    "Coding",
    "codings",
    "decimal",
    "opt_bool",
    "opt_dict",
    "opt_list",
    "opt_str",
    "req_str",
]

_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return _KINDS.get(type(value), type(value).__name__)


def _wrong(expected: str, value: object, path: str) -> FhirError:
    return FhirError(f"must be {expected}, not {_kind(value)} {echo(value)}", path=path)


def opt_dict(obj: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any] | None:
    """``obj[key]`` when it is an object; ``None`` when absent."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _wrong("an object", value, f"{path}.{key}")
    return value


def opt_list(obj: Mapping[str, Any], key: str, path: str) -> list[Any]:
    """``obj[key]`` when it is an array; ``[]`` when absent."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _wrong("an array", value, f"{path}.{key}")
    return value


def opt_str(obj: Mapping[str, Any], key: str, path: str) -> str | None:
    """``obj[key]`` when it is a string; ``None`` when absent."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong("a string", value, f"{path}.{key}")
    return value


def req_str(obj: Mapping[str, Any], key: str, path: str) -> str:
    """``obj[key]``, which must be a non-empty string."""
    value = opt_str(obj, key, path)
    if not value:
        raise FhirError(f"{key!r} is required here", path=f"{path}.{key}")
    return value


def opt_bool(obj: Mapping[str, Any], key: str, path: str) -> bool | None:
    """``obj[key]`` when it is true or false; ``None`` when absent."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise _wrong("true or false", value, f"{path}.{key}")
    return value


def decimal(value: object, path: str) -> Fraction:
    """A FHIR decimal or integer, exactly: ``0.1`` is 1/10, not the nearest binary float."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _wrong("a number", value, path)
    if isinstance(value, str):  # FHIR JSON never quotes numbers
        raise _wrong("a number", value, path)
    try:
        return Fraction(value) if isinstance(value, int) else Fraction(repr(value))
    except (ValueError, OverflowError):
        raise _wrong("a finite number", value, path) from None


def as_dict(value: object, path: str) -> Mapping[str, Any]:
    """*value*, which must be a JSON object."""
    if not isinstance(value, Mapping):
        raise _wrong("an object", value, path)
    return value


@dataclass(frozen=True, slots=True)
class Coding:
    """One Coding read from FHIR, with where it was found."""

    system: str
    code: str
    display: str
    path: str

    @property
    def token(self) -> str:
        """``system|code``, the form FHIR search uses."""
        return f"{self.system}|{self.code}"


def coding(value: object, path: str) -> Coding:
    """A Coding object read strictly."""
    obj = as_dict(value, path)
    return Coding(
        opt_str(obj, "system", path) or "",
        opt_str(obj, "code", path) or "",
        opt_str(obj, "display", path) or "",
        path,
    )


def codings(concept: object, path: str) -> Iterator[Coding]:
    """The Codings of a CodeableConcept."""
    obj = as_dict(concept, path)
    for i, item in enumerate(opt_list(obj, "coding", path)):
        yield coding(item, f"{path}.coding[{i}]")
