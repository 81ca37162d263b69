"""The modality registry: built-ins, runtime registrations and entry-point plug-ins."""

from __future__ import annotations

import threading
from typing import Any, TypeVar, overload

from .._errors import DuplicateRegistrationError, UnknownModalityError
from .._lookup import Catalog
from ._model import Modality, ModalityCategory

__all__ = [
    "list_modalities",
    "modality",
    "modality_kind",
    "modality_kinds",
    "register_modality",
    "unregister_modality",
]

M = TypeVar("M", bound=Modality)
_KINDS: dict[str, type[Modality]] = {"modality": Modality}
_KINDS_LOCK = threading.Lock()


def _load_plugins() -> None:
    from ._plugins import load_entry_points

    load_entry_points()


_CATALOG: Catalog[Modality] = Catalog("modality", UnknownModalityError, loader=_load_plugins)


def _kind_of(cls: type[Modality]) -> str:
    field = cls.model_fields.get("kind")
    default = field.default if field is not None else None
    if not isinstance(default, str):
        raise TypeError(
            f"{cls.__name__} must declare `kind: Literal['<name>'] = '<name>'` to be registered"
        )
    return default


def _register_kind(cls: type[Modality], replace: bool) -> None:
    kind = _kind_of(cls)
    with _KINDS_LOCK:
        existing = _KINDS.get(kind)
        if existing is not None and existing is not cls and not replace:
            raise DuplicateRegistrationError("modality kind", kind)
        _KINDS[kind] = cls


@overload
def register_modality(item: M, /, *, replace: bool = ...) -> M: ...
@overload
def register_modality(item: type[M], /, *, replace: bool = ...) -> type[M]: ...
@overload
def register_modality(item: None = ..., /, *, replace: bool = ...) -> Any: ...


def register_modality(item: Any = None, /, *, replace: bool = False) -> Any:
    """Register a modality, or (as a class decorator) a modality subclass.

    * ``register_modality(Modality(...))`` adds the modality to the catalog so
      :func:`modality` finds it by code or alias.
    * ``@register_modality`` on a subclass of :class:`Modality` with its own
      ``kind`` literal makes JSON carrying that ``kind`` validate to the subclass.
    * ``@register_modality(replace=True)`` / ``register_modality(m, replace=True)``
      replace an existing registration on purpose.

    Raises
    ------
    carecontinuum.DuplicateRegistrationError
        When the code (or kind) is already registered and ``replace`` is false.

    Examples
    --------
    >>> from typing import Literal
    >>> import carecontinuum as cc
    >>> @cc.register_modality
    ... class EquipmentModality(cc.Modality):
    ...     kind: Literal["equipment"] = "equipment"
    ...     device: str
    >>> sauna = cc.register_modality(EquipmentModality(
    ...     code="sauna_demo", name="Sauna (demo)", category="other", device="sauna"))
    >>> cc.modality("Sauna (demo)") is sauna
    True
    >>> cc.register_modality(sauna)
    Traceback (most recent call last):
    ...
    carecontinuum.DuplicateRegistrationError: a modality with code 'sauna_demo' is already \
registered; pass replace=True to replace it on purpose
    >>> _ = cc.unregister_modality("sauna_demo")
    """
    if item is None:
        return lambda target: register_modality(target, replace=replace)
    if isinstance(item, type):
        if not issubclass(item, Modality):
            raise TypeError(f"register_modality() takes a Modality subclass, got {item.__name__}")
        _register_kind(item, replace)
        return item
    if not isinstance(item, Modality):
        raise TypeError(
            f"register_modality() takes a Modality or a Modality subclass, "
            f"got {type(item).__name__}"
        )
    if type(item) is not Modality and _KINDS.get(item.kind) is not type(item):
        _register_kind(type(item), replace)
    _CATALOG.codes()  # plug-ins first, so a clash with one is reported here
    _CATALOG.add(item.code, item, (item.name, *item.aliases), replace=replace)
    return item


def unregister_modality(code: str) -> Modality:
    """Remove a modality from the catalog and return it."""
    return _CATALOG.remove(_CATALOG.resolve(code))


def modality(key: str | Modality) -> Modality:
    """Find a modality by code, name or alias (case, spaces and hyphens forgiven).

    Raises
    ------
    carecontinuum.UnknownModalityError
        With the closest matches as suggestions.

    Examples
    --------
    >>> modality("12-step facilitation").code
    'twelve_step_facilitation'
    >>> modality("matrix").structure.weeks
    16.0
    """
    if isinstance(key, Modality):
        return key
    return _CATALOG.get(key)


def list_modalities(category: ModalityCategory | str | None = None) -> tuple[Modality, ...]:
    """Every registered modality (built-ins first), optionally of one category.

    Examples
    --------
    >>> [m.code for m in list_modalities("neuromodulation")]
    ['tms']
    """
    items = tuple(_CATALOG)
    if category is None:
        return items
    wanted = ModalityCategory(category)
    return tuple(m for m in items if m.category is wanted)


def modality_kind(kind: str) -> type[Modality]:
    """The class registered for a ``kind`` tag (plug-ins are loaded first if needed)."""
    cls = _KINDS.get(kind)
    if cls is None:
        _CATALOG.codes()
        cls = _KINDS.get(kind)
    if cls is None:
        from .._errors import UnknownKeyError

        raise UnknownKeyError("modality kind", kind, known=sorted(_KINDS))
    return cls


def modality_kinds() -> dict[str, type[Modality]]:
    """All registered kinds and their classes."""
    _CATALOG.codes()
    return dict(_KINDS)


def _register_builtins() -> None:
    from ._catalog import BUILTIN_MODALITIES

    for item in BUILTIN_MODALITIES:
        _CATALOG.add(item.code, item, (item.name, *item.aliases))


_register_builtins()
