"""The base of the public models: JSON text with a huge object is refused in one error.

With ``extra="forbid"``, pydantic reports every unknown key of an object as an
error of its own, and builds each error (and each ``missing`` error of the
object around it) with its input converted to Python.  A 1 MB document of
80,000 unknown keys — or one unknown key holding them — then costs several
times its parsing to refuse.  :class:`JsonModel` overrides
``model_validate_json``: before parsing, :func:`~carecontinuum._json_shape.widest_object`
looks for an object of more than :data:`MAX_OBJECT_KEYS` keys, at C speed.  No
model has nearly that many fields, so such a document cannot be valid: it is
refused with one ``ValidationError`` of type ``too_many_unknown_fields`` that
says where the object is, how many keys it has, and its first key.  Any other
text goes to pydantic unchanged — same result, same errors.

Examples
--------
>>> import carecontinuum as cc
>>> text = '{"a": {' + ", ".join(f'"k{i}": 1' for i in range(300)) + '}}'
>>> cc.Schedule.model_validate_json(text)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Schedule
  a JSON object at line 1 column 8 has 300 keys, from the key 'k0' on: ...
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ValidationError
from pydantic.config import ExtraValues
from pydantic_core import InitErrorDetails, PydanticCustomError

from ._json_shape import Long, Many, Wide, oversized
from ._text import ECHO_LIMIT, echo

__all__ = [
    "MAX_ARRAY_ITEMS",
    "MAX_CONTAINERS",
    "MAX_OBJECT_KEYS",
    "JsonModel",
    "too_many_containers",
    "too_many_items",
    "too_many_keys",
]

#: The most keys one JSON object may have in text a model reads (``model_validate_json``);
#: the widest model has 18 fields, so an object with more is mostly unknown keys.
MAX_OBJECT_KEYS = 256

#: The most items one JSON array may have in text a model reads (``model_validate_json``).
#: The longest legitimate lists are a journey's placements (a synthetic person has at most
#: 1,000); a program's modalities, a framework's levels and a crosswalk's mappings are tens.
#: pydantic builds an error per bad item (about 2 us each, several per item), so 100,000
#: bad items take half a second to refuse; 2,000 stay within a few milliseconds.
MAX_ARRAY_ITEMS = 2_000
#: The most objects and arrays, in all, in text a model reads (``model_validate_json``):
#: a journey of MAX_ARRAY_ITEMS placements, each with a few nested objects, stays well below.
MAX_CONTAINERS = 20_000


def _refusal(model: str, kind: str, message: str, shown: str) -> ValidationError:
    """One top-level ``ValidationError`` of type *kind*, its input *shown* cut to 80 characters."""
    error = PydanticCustomError(kind, "{message}", {"message": message})
    details: InitErrorDetails = {"type": error, "loc": (), "input": shown[:ECHO_LIMIT]}
    return ValidationError.from_exception_data(model, [details], input_type="json")


def _head(text: str | bytes | bytearray) -> str:
    """The start of *text*, as text, for the echo of a refused document."""
    head = text[:ECHO_LIMIT]
    return head if isinstance(head, str) else bytes(head).decode("utf-8", "replace")


def too_many_keys(model: str, wide: Wide, text: str | bytes | bytearray) -> ValidationError:
    """The one error refusing *text*: its object *wide* has over :data:`MAX_OBJECT_KEYS` keys.

    Parameters
    ----------
    model:
        The model's name (the error's title).
    wide:
        The object, as :func:`~carecontinuum._json_shape.widest_object` found it.
    text:
        The JSON text, for the echo of the object when it was not located.

    Returns
    -------
    pydantic.ValidationError
        Of type ``too_many_unknown_fields`` at the top level; its input is the
        object's first key (or the text's start), cut to 80 characters.

    Examples
    --------
    >>> from carecontinuum._json_shape import Wide
    >>> err = too_many_keys("Program", Wide(300, 0, 0, ""), '{"k0": {}}')
    >>> err.errors()[0]["type"], err.errors()[0]["input"]
    ('too_many_unknown_fields', '{"k0": {}}')
    """
    if wide.line:
        where = f" at line {wide.line} column {wide.column}"
        count = f"{wide.keys:,} keys, from the key {echo(wide.key)} on"
        shown: str = wide.key
    else:
        where = ""
        count = f"at least {wide.keys:,} keys"
        shown = _head(text)
    message = (
        f"a JSON object{where} has {count}: at most {MAX_OBJECT_KEYS} are read (no object of "
        f"{model} has nearly that many fields), so the document is refused as a whole rather "
        "than with one error per unknown key"
    )
    return _refusal(model, "too_many_unknown_fields", message, shown)


def too_many_items(model: str, long: Long, text: str | bytes | bytearray) -> ValidationError:
    """The one error refusing *text*: its array *long* has over :data:`MAX_ARRAY_ITEMS` items.

    Parameters
    ----------
    model:
        The model's name (the error's title).
    long:
        The array, as :func:`~carecontinuum._json_shape.longest_array` found it.
    text:
        The JSON text, echoed from its start.

    Returns
    -------
    pydantic.ValidationError
        Of type ``too_many_items`` at the top level; its input is the text's
        start, cut to 80 characters.

    Examples
    --------
    >>> from carecontinuum._json_shape import Long
    >>> err = too_many_items("Journey", Long(5000), '{"placements": [{}, {}]}')
    >>> err.errors()[0]["type"], err.errors()[0]["input"]
    ('too_many_items', '{"placements": [{}, {}]}')
    >>> print(err.errors()[0]["msg"])  # doctest: +NORMALIZE_WHITESPACE
    a JSON array has 5,000 items: at most 2000 are read (no list of Journey is nearly that
    long), so the document is refused as a whole rather than with one error per bad item
    """
    message = (
        f"a JSON array has {long.items:,} items: at most {MAX_ARRAY_ITEMS} are read (no list of "
        f"{model} is nearly that long), so the document is refused as a whole rather than with "
        "one error per bad item"
    )
    return _refusal(model, "too_many_items", message, _head(text))


def too_many_containers(model: str, many: Many, text: str | bytes | bytearray) -> ValidationError:
    """The one error refusing *text*: it has over :data:`MAX_CONTAINERS` objects and arrays.

    Parameters
    ----------
    model:
        The model's name (the error's title).
    many:
        The count, as :func:`~carecontinuum._json_shape.oversized` found it.
    text:
        The JSON text, echoed from its start.

    Returns
    -------
    pydantic.ValidationError
        Of type ``too_many_values`` at the top level; its input is the text's
        start, cut to 80 characters.

    Examples
    --------
    >>> from carecontinuum._json_shape import Many
    >>> err = too_many_containers("Program", Many(60_000), '{"a": [[{}]]}')
    >>> err.errors()[0]["type"]
    'too_many_values'
    >>> print(err.errors()[0]["msg"])  # doctest: +NORMALIZE_WHITESPACE
    the JSON text has 60,000 objects and arrays: at most 20000 are read (a Program is far
    smaller), so the document is refused as a whole rather than with errors that each copy it
    """
    message = (
        f"the JSON text has {many.containers:,} objects and arrays: at most {MAX_CONTAINERS} are "
        f"read (a {model} is far smaller), so the document is refused as a whole rather than "
        "with errors that each copy it"
    )
    return _refusal(model, "too_many_values", message, _head(text))


class JsonModel(BaseModel):
    """A pydantic model whose ``model_validate_json`` first refuses huge objects in one error.

    The public models derive from it; it adds no field and no configuration.
    """

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate JSON text, as pydantic does, after a cheap check of its objects' sizes.

        Parameters
        ----------
        json_data:
            The JSON text, or its UTF-8 bytes.
        strict, extra, context, by_alias, by_name:
            As for :meth:`pydantic.BaseModel.model_validate_json` (those left
            ``None`` are not passed on).

        Returns
        -------
        Self
            The validated model.

        Raises
        ------
        pydantic.ValidationError
            Of type ``too_many_unknown_fields`` for a text with an object of
            more than :data:`MAX_OBJECT_KEYS` keys (unknown keys not being
            forbidden — ``extra`` other than ``"forbid"`` — lets it through
            to pydantic); of type ``too_many_items`` for a text with an array
            of more than :data:`MAX_ARRAY_ITEMS` items; otherwise whatever
            pydantic raises.

        Examples
        --------
        >>> import carecontinuum as cc
        >>> cc.AgeRange.model_validate_json('{"min_age": 18}').min_age
        18
        >>> cc.AgeRange.model_validate_json('{"min_age": 18, "k": 1}')
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for AgeRange
        k
          Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]
        ...
        """
        forbidden = (extra or cls.model_config.get("extra")) == "forbid"
        found = oversized(
            json_data, MAX_OBJECT_KEYS if forbidden else None, MAX_ARRAY_ITEMS, MAX_CONTAINERS
        )
        if isinstance(found, Wide):
            raise too_many_keys(cls.__name__, found, json_data)
        if isinstance(found, Many):
            raise too_many_containers(cls.__name__, found, json_data)
        if found is not None:
            raise too_many_items(cls.__name__, found, json_data)
        options: dict[str, Any] = {
            name: value
            for name, value in (
                ("strict", strict),
                ("extra", extra),
                ("context", context),
                ("by_alias", by_alias),
                ("by_name", by_name),
            )
            if value is not None
        }
        return super().model_validate_json(json_data, **options)
