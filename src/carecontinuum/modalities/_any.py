"""``AnyModality``: a field type that holds any registered modality class.

Validation reads the ``kind`` tag and builds the registered class, so a plug-in
subclass survives a JSON round-trip with its extra fields; a plain string is
looked up in the catalog by code or alias.  The JSON Schema lists every kind
registered when the schema is generated.

Serialization is **by reference**: a modality that is registered (the very
record the catalog holds under its code) is written as its code, so a program
whose seven sessions name CBT carries the code seven times, not seven copies
of the record.  A modality the catalog does not hold — a custom one, or a
changed copy of a registered one — is written in full, so nothing is lost.
Pass ``context={"modalities": "embed"}`` to ``model_dump``/``model_dump_json``
to write every modality in full (for a reader without your plug-ins).

Examples
--------
>>> import carecontinuum as cc
>>> p = cc.Program(name="P", level="IOP", modalities=["CBT"],
...                schedule=cc.Schedule(hours_per_day=3, days_per_week=3))
>>> p.model_dump(mode="json")["modalities"]
['cognitive_behavioral_therapy']
>>> p.model_dump(mode="json", context={"modalities": "embed"})["modalities"][0]["name"]
'Cognitive behavioral therapy (CBT)'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, SerializationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..errors import UnknownKeyError
from ._model import Modality

__all__ = ["AnyModality", "EmbeddedModality", "ModalityField"]


class ModalityField:
    """``Annotated`` marker behind :data:`AnyModality` and :data:`EmbeddedModality`.

    Parameters
    ----------
    embed:
        Always write the modality in full (a response that *is* a modality
        record), instead of by reference.
    """

    def __init__(self, *, embed: bool = False) -> None:
        self.embed = embed

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        serialize = _embed if self.embed else _serialize
        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                serialize, info_arg=True
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
            if self.embed:
                return objects
            ref = {"type": "string", "description": "the code of a registered modality"}
            return {"anyOf": [ref, objects]}
        code = {
            "type": "string",
            "enum": registered_spellings(),
            "description": "a registered modality's code, name or alias (case and spacing are "
            "forgiven; the model also reads looser spellings)",
        }
        return {"anyOf": [objects, code]}


def registered_spellings() -> list[str]:
    """Every registered modality's code, name and aliases (and each in lower case, the
    code with spaces), as the schema offers them."""
    from ._registry import MODALITIES

    found: dict[str, None] = {}
    for item in MODALITIES:
        for spelling in (item.code, item.code.replace("_", " "), item.name, *item.aliases):
            found[spelling] = None
            found[spelling.lower()] = None
    return list(found)


def _validate(value: Any) -> Modality:
    if isinstance(value, Modality):  # before the import: most values are instances already
        return value
    from ._registry import modality, modality_kind

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


#: The serialization context key, and its values.
CONTEXT_KEY = "modalities"
EMBED = "embed"


def is_registered(value: Modality) -> bool:
    """Whether the catalog holds *value* (equal by value) under its code."""
    from ._registry import MODALITIES

    return MODALITIES.find(value.code) == value


def _embed(value: Modality, info: SerializationInfo) -> Any:
    return value.model_dump(mode=info.mode, by_alias=info.by_alias, context=info.context)


def _serialize(value: Modality, info: SerializationInfo) -> Any:
    context = info.context
    embed = isinstance(context, dict) and context.get(CONTEXT_KEY) == EMBED
    if not embed and is_registered(value):
        return value.code
    return value.model_dump(mode=info.mode, by_alias=info.by_alias, context=context)


#: A field that accepts any registered modality: an instance, a code or alias,
#: or a mapping whose ``kind`` selects the registered class.  Written by reference
#: (its code) when registered, in full otherwise.
AnyModality = Annotated[Modality, ModalityField()]

#: Like :data:`AnyModality`, but always written in full: for a response or a file
#: whose content *is* the modality record.
EmbeddedModality = Annotated[Modality, ModalityField(embed=True)]
