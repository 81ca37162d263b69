"""Readable signatures for the public models, for ``help()`` and IDE tooltips.

pydantic derives a model's ``__signature__`` from its field annotations, so
``help(cc.Program)`` shows ``Annotated[str, LevelMarker(...)]`` and validator
objects.  :func:`readable` gives a model a signature with the same parameters
and defaults, annotated in the words a caller needs: ``level: str``,
``hours_per_day: float | str``, ``modalities: tuple[Modality | str, ...]``.
It is computed on first use, like pydantic's own.

Examples
--------
>>> import inspect
>>> import carecontinuum as cc
>>> str(inspect.signature(cc.Schedule).parameters["hours_per_day"])
'hours_per_day: float | str'
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Union, get_args, get_origin

__all__ = ["readable", "type_text"]

#: Markers that let a field read text as well as its own type (units, levels, codes).
_TEXT_MARKERS = ("InUnit", "LevelMarker", "EnumField", "ModalityField")


def _short(annotation: Any) -> str:
    name = getattr(annotation, "__name__", None)
    return name if isinstance(name, str) else repr(annotation).replace("typing.", "")


def type_text(annotation: Any) -> str:
    """A short, readable rendering of a field annotation.

    Examples
    --------
    >>> from typing import Annotated
    >>> type_text(Annotated[int, "meta"] | None), type_text(tuple[str, ...])
    ('int | None', 'tuple[str, ...]')
    """
    origin = get_origin(annotation)
    if annotation is type(None):
        return "None"
    if origin is Annotated:
        base, *meta = get_args(annotation)
        text = type_text(base)
        reads_text = any(type(m).__name__ in _TEXT_MARKERS for m in meta)
        return f"{text} | str" if reads_text and text != "str" else text
    if origin in (Union, types.UnionType):
        parts = list(dict.fromkeys(type_text(a) for a in get_args(annotation)))
        return " | ".join(parts)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in get_args(annotation))
    if origin is None:
        return _short(annotation)
    args = ", ".join("..." if a is Ellipsis else type_text(a) for a in get_args(annotation))
    return f"{_short(origin)}[{args}]"


class _Text:
    """An annotation shown as its text (``str``, not ``'str'``) by ``help()``."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class _ReadableSignature:
    """A class attribute that builds the readable signature on first access."""

    def __init__(self, shown: Mapping[str, str] | None = None) -> None:
        self._cache: dict[type, inspect.Signature] = {}
        self._shown = dict(shown or {})

    def __get__(self, obj: object, owner: type) -> inspect.Signature:
        found = self._cache.get(owner)
        if found is None:
            params = [
                inspect.Parameter(
                    name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=(inspect.Parameter.empty if info.is_required() else info.get_default()),
                    annotation=_Text(
                        self._shown.get(name)
                        or type_text(
                            Annotated[(info.annotation, *info.metadata)]
                            if info.metadata
                            else info.annotation
                        )
                    ),
                )
                for name, info in owner.model_fields.items()  # type: ignore[attr-defined]
            ]
            found = self._cache[owner] = inspect.Signature(params, return_annotation=None)
        return found


def readable(*models: type, shown: Mapping[str, str] | None = None) -> None:
    """Give each model a readable ``__signature__`` (built on first use).

    *shown* gives, by field name, the words for a field whose validator reads
    more than its annotation says (``{"start": "date | str"}``); other fields
    are rendered by :func:`type_text`.
    """
    for model in models:
        model.__signature__ = _ReadableSignature(shown)  # type: ignore[attr-defined]
