"""Enums parsed forgivingly: :class:`EnumLookup`, and the pydantic marker :class:`EnumField`.

An :class:`EnumLookup` finds an enum's member by the member itself, its value,
its name or an alias, through one :class:`~carecontinuum._lookup.Lookup` (so
the normalisation, the errors and the suggestions are the lookup's).  An
:class:`EnumField` puts one on a pydantic field: weekdays, payment, age and
special groups, locator codes, modality categories and code systems all read
their text this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Generic, TypeVar

from ._lookup import _MEMO_SIZE, Lookup
from .errors import UnknownKeyError

__all__ = ["EnumField", "EnumLookup"]

E = TypeVar("E", bound=Enum)


class EnumLookup(Generic[E]):
    """The forgiving parser of one enum: members, values, names and aliases.

    Parameters
    ----------
    enum:
        The enum class.
    kind:
        What a member is, in words ("weekday").
    names:
        Extra names per member (labels, abbreviations, older wordings).
    error:
        The :class:`~carecontinuum.errors.UnknownKeyError` subclass raised on a miss.

    Examples
    --------
    >>> from enum import IntEnum
    >>> class Size(IntEnum):
    ...     SMALL = 1
    ...     LARGE = 2
    >>> sizes = EnumLookup(Size, "size", names={Size.SMALL: ["S", "little"]})
    >>> sizes("little"), sizes(2), sizes("large")
    (<Size.SMALL: 1>, <Size.LARGE: 2>, <Size.LARGE: 2>)
    >>> sizes(True)
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownKeyError: unknown size True; known: 1 (S), 2 (large)
    """

    __slots__ = ("_by_text", "_by_value", "_enum", "_names", "lookup")

    def __init__(
        self,
        enum: type[E],
        kind: str,
        *,
        names: Mapping[E, Iterable[str]] | None = None,
        error: type[UnknownKeyError] = UnknownKeyError,
    ) -> None:
        self._enum = enum
        extra = names or {}
        self._names: dict[E, tuple[str, ...]] = {m: tuple(extra.get(m, ())) for m in enum}
        self._by_value: dict[object, E] = {}
        for member in enum:
            if not isinstance(member.value, bool):
                self._by_value[member.value] = member
        entries = []
        for member in enum:
            aliases = [member.name, *extra.get(member, ())]
            if not isinstance(member.value, str):
                aliases.append(str(member.value))
            entries.append((str(member.value), aliases))
        self.lookup = Lookup(kind, entries, error=error)
        self._by_text = {str(member.value): member for member in enum}

    def __call__(self, value: object) -> E:
        """The member *value* names: the member, its value, its name or an alias.

        Raises
        ------
        carecontinuum.errors.UnknownKeyError
            For anything else (a ``bool`` included), with suggestions.
        """
        if isinstance(value, self._enum):
            return value
        if isinstance(value, bool):
            raise self._miss(value)
        try:
            found = self._by_value.get(value)
        except TypeError:  # unhashable
            found = None
        if found is not None:
            return found
        if isinstance(value, str):
            code = self.lookup.find(value)
            if code is not None:
                return self._by_text[code]
        raise self._miss(value)

    def _miss(self, value: object) -> UnknownKeyError:
        """The lookup's miss, listing members as ``value (name)``."""
        error = self.lookup.miss(value)
        error.known = tuple(
            f"{m.value} ({(self._names[m] or (m.name.lower().replace('_', ' '),))[0]})"
            for m in self._enum
        )
        error.args = (error._message(),)
        return error

    @property
    def enum(self) -> type[E]:
        """The enum whose members the lookup finds."""
        return self._enum

    @property
    def members(self) -> tuple[E, ...]:
        """Every member, in definition order."""
        return tuple(self._enum)

    def names(self, member: E) -> tuple[str, ...]:
        """The extra names *member* is found by (labels, abbreviations)."""
        return self._names[member]


class EnumField(Generic[E]):
    """``Annotated`` marker: a pydantic field parsed by an :class:`EnumLookup`.

    Validation accepts the member, its value, its name or an alias (any case
    and spacing), refuses booleans and junk with the lookup's suggestions;
    JSON writes the member's value.  The JSON Schema lists the documented
    spellings (value, name, extra names), so a form built from the schema
    offers exactly what the model reads; the serialization schema lists the
    values.

    Examples
    --------
    >>> from enum import StrEnum
    >>> from typing import Annotated
    >>> from pydantic import BaseModel
    >>> class Pay(StrEnum):
    ...     MEDICAID = "MD"
    >>> class Form(BaseModel):
    ...     pay: Annotated[Pay, EnumField(EnumLookup(Pay, "payment", names={Pay.MEDICAID:
    ...                                                                    ["Medicaid"]}))]
    >>> Form(pay="medicaid").pay, Form(pay="MD").model_dump_json()
    (<Pay.MEDICAID: 'MD'>, '{"pay":"MD"}')
    >>> Form.model_json_schema()["properties"]["pay"]["enum"]
    ['MD', 'md', 'MEDICAID', 'medicaid', 'Medicaid']
    """

    __slots__ = ("_enum", "_memo", "lookup", "type_name")

    def __init__(self, lookup: EnumLookup[E], type_name: str = "unknown_code") -> None:
        self.lookup = lookup
        self.type_name = type_name
        self._enum = lookup.enum
        self._memo: dict[str, E] = {}
        """The member each text seen before names (plain ``str`` only, at most
        :data:`_MEMO_SIZE`): a list of thousands of programs repeats a few spellings."""

    def _validate(self, value: object) -> E:
        if type(value) is self._enum:  # a member (an enum's members are of its exact type)
            return value
        if type(value) is str:
            member = self._memo.get(value)
            if member is not None:
                return member
        try:
            member = self.lookup(value)
        except UnknownKeyError as err:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError(self.type_name, "{error}", {"error": str(err)}) from None
        if type(value) is str and len(self._memo) < _MEMO_SIZE:
            self._memo[value] = member
        return member

    def spellings(self) -> list[object]:
        """The documented spellings: each member's value, name and extra names (text also
        in lower case)."""
        found: list[object] = []
        for member in self.lookup.members:
            for spelling in (member.value, member.name, *self.lookup.names(member)):
                forms = (spelling, spelling.lower()) if isinstance(spelling, str) else (spelling,)
                for form in forms:
                    if form not in found:
                        found.append(form)
        return found

    def __get_pydantic_core_schema__(self, source_type: object, handler: object) -> object:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda member: member.value, when_used="json"
            ),
        )

    def __get_pydantic_json_schema__(self, schema: object, handler: object) -> dict[str, object]:
        mode = getattr(handler, "mode", "validation")
        if mode == "serialization":
            return {"enum": [m.value for m in self.lookup.members]}
        return {"enum": self.spellings()}
