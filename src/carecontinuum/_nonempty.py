"""``NonEmpty``: a tuple field that needs at least one item.

pydantic's ``min_length`` on a tuple also reports "should have at least 1 item"
when the only items failed validation, burying the real error under two more.
This marker checks emptiness only once every item validated, and still
publishes ``minItems: 1`` in the JSON Schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["NonEmpty"]


def _check(value: Any) -> Any:
    if len(value) == 0:
        raise PydanticCustomError("too_short", "at least one item is required, got none")
    return value


class NonEmpty:
    """``Annotated[tuple[X, ...], NonEmpty()]``: at least one item, reported once.

    Examples
    --------
    >>> from typing import Annotated
    >>> from pydantic import BaseModel, ValidationError
    >>> class Box(BaseModel):
    ...     items: Annotated[tuple[int, ...], NonEmpty()]
    >>> try:
    ...     Box(items=["x"])
    ... except ValidationError as err:
    ...     print(err.error_count(), err.errors()[0]["loc"])
    1 ('items', 0)
    >>> Box.model_json_schema()["properties"]["items"]["minItems"]
    1
    """

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_check, handler(source_type))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result["minItems"] = 1
        return result
