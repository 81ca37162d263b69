"""Building the library's models from FHIR values: a rejected value is a mapping error."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ._errors import FhirMappingError

__all__ = ["build"]

M = TypeVar("M", bound=BaseModel)


def build(model: type[M], path: str, **values: Any) -> M:
    """``model(**values)``, or a :class:`FhirMappingError` at *path* naming what was refused."""
    try:
        return model(**values)
    except ValidationError as err:
        problems = []
        for e in err.errors(include_url=False)[:3]:
            where = ".".join(str(part) for part in e["loc"])
            problems.append(f"{where}: {e['msg']}" if where else str(e["msg"]))
        raise FhirMappingError(
            f"the FHIR values do not make a valid {model.__name__}: " + "; ".join(problems),
            path=path,
        ) from None
