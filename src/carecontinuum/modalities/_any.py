"""``AnyModality``: a field type that holds any registered modality class.

Validation reads the ``kind`` tag and builds the registered class, so a plug-in
subclass survives a JSON round-trip with its extra fields; a plain string is
looked up in the catalog by code or alias.  The JSON Schema lists every kind
registered when the schema is generated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, SerializationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..errors import UnknownKeyError
from ._model import Modality

__all__ = ["AnyModality", "ModalityField"]


class ModalityField:
    """``Annotated`` marker behind :data:`AnyModality`."""

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize, info_arg=True
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        from ._registry import modality_kinds

        variants: list[JsonSchemaValue] = []
        mapping: dict[str, str] = {}
        for kind, cls in modality_kinds().items():
            variant = handler(cls.__pydantic_core_schema__)
            variants.append(variant)
            if "$ref" in variant:
                mapping[kind] = variant["$ref"]
        objects: JsonSchemaValue = {"oneOf": variants} if len(variants) > 1 else variants[0]
        if len(variants) > 1 and len(mapping) == len(variants):
            objects["discriminator"] = {"propertyName": "kind", "mapping": mapping}
        if handler.mode == "serialization":
            return objects
        code = {"type": "string", "description": "a registered modality's code, name or alias"}
        return {"anyOf": [objects, code]}


def _validate(value: Any) -> Modality:
    from ._registry import modality, modality_kind

    if isinstance(value, Modality):
        return value
    if isinstance(value, str):
        try:
            return modality(value)
        except UnknownKeyError as err:
            raise PydanticCustomError(
                "unknown_modality", "{message}", {"message": str(err)}
            ) from None
    if isinstance(value, Mapping):
        kind = value.get("kind", "modality")
        if not isinstance(kind, str):
            raise PydanticCustomError(
                "modality_kind", "'kind' must be a string, got {kind}", {"kind": repr(kind)}
            )
        try:
            cls = modality_kind(kind)
        except UnknownKeyError as err:
            raise PydanticCustomError(
                "unknown_modality_kind", "{message}", {"message": str(err)}
            ) from None
        return cls.model_validate(value)
    raise PydanticCustomError(
        "modality_type",
        "expected a modality, its code or a mapping with a 'kind', got {type_name}",
        {"type_name": type(value).__name__},
    )


def _serialize(value: Modality, info: SerializationInfo) -> Any:
    return value.model_dump(mode=info.mode, by_alias=info.by_alias)


#: A field that accepts any registered modality: an instance, a code or alias,
#: or a mapping whose ``kind`` selects the registered class.
AnyModality = Annotated[Modality, ModalityField()]
