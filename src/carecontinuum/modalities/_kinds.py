"""Modality kinds: the ``kind`` tag each registered :class:`Modality` class declares."""

from __future__ import annotations

import typing

from .._lookup import normalize_key
from .._registry import Registry
from ._errors import ModalityDefinitionError
from ._model import Modality, check_fields

__all__ = ["MODALITY_KINDS", "kind_of"]


def kind_of(cls: type[Modality]) -> str:
    """The ``kind`` a subclass declares: a one-value ``Literal`` with the same default.

    Raises
    ------
    carecontinuum.modalities.ModalityDefinitionError
        When the class does not declare its own kind, or one of its fields
        shadows a :class:`Modality` field with another type.
    """
    field = cls.model_fields.get("kind")
    default = field.default if field is not None else None
    values = typing.get_args(field.annotation) if field is not None else ()
    if (
        not isinstance(default, str)
        or typing.get_origin(field.annotation if field else None) is not typing.Literal
        or values != (default,)
    ):
        raise ModalityDefinitionError(
            f"{cls.__name__} must declare `kind: Literal['<name>'] = '<name>'` to be registered"
        )
    if default == "modality" and cls is not Modality:
        name = normalize_key(cls.__name__)
        raise ModalityDefinitionError(
            f"{cls.__name__} must declare its own kind, e.g. "
            f"`kind: Literal['{name}'] = '{name}'`; 'modality' belongs to the base class"
        )
    check_fields(cls)  # also run at definition; again here for classes built around it
    return default


#: The registry of modality classes by ``kind`` tag (JSON carrying a kind validates to it).
MODALITY_KINDS: Registry[type[Modality]] = Registry(
    "modality kind",
    code=kind_of,
    names=lambda cls: (),
    item_type=type,
    builtins=(Modality,),
)
