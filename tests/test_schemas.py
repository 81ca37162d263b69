"""Every public pydantic model produces a JSON Schema, in both modes (FastAPI needs it)."""

from __future__ import annotations

import importlib
import json

import pytest
from pydantic import BaseModel

import carecontinuum as cc

_SUBPACKAGES = (
    "units",
    "levels",
    "modalities",
    "schedules",
    "intensity",
    "programs",
    "transitions",
    "journeys",
)


def _public_models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    namespaces = [cc]
    for name in _SUBPACKAGES:
        try:
            namespaces.append(importlib.import_module(f"carecontinuum.{name}"))
        except ModuleNotFoundError:  # a subpackage that does not exist yet has no models
            continue
    for ns in namespaces:
        for attr in getattr(ns, "__all__", ()):
            obj = getattr(ns, attr)
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                found.setdefault(obj.__qualname__, obj)
    return found


_MODELS = _public_models()


def test_models_were_found() -> None:
    assert {"CareLevel", "Framework", "Modality", "QuantityRange"} <= set(_MODELS)


@pytest.mark.parametrize("name", sorted(_MODELS))
@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_json_schema(name: str, mode: str) -> None:
    schema = _MODELS[name].model_json_schema(mode=mode)  # type: ignore[arg-type]
    assert (
        schema.get("type") == "object"
        or "$ref" in schema
        or "oneOf" in schema
        or any(form.get("type") == "object" for form in schema.get("anyOf", ()))
    )
    json.dumps(schema)  # the schema itself is JSON
