"""The modality registry: built-ins, runtime registrations and entry-point plug-ins."""

from __future__ import annotations

import difflib
import threading
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, overload

from .._lookup import Catalog, normalize_key
from ..errors import DuplicateRegistrationError, UnknownKeyError, UnknownModalityError
from ._enums import ModalityCategory
from ._model import Modality

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
_KINDS_LOCK = threading.RLock()


def _load_plugins() -> None:
    from ._plugins import load_entry_points

    load_entry_points()


_CATALOG: Catalog[Modality] = Catalog("modality", UnknownModalityError, loader=_load_plugins)


# -- kinds ------------------------------------------------------------------------------
def _kind_of(cls: type[Modality]) -> str:
    """The ``kind`` a subclass declares: a one-value ``Literal`` with the same default."""
    field = cls.model_fields.get("kind")
    default = field.default if field is not None else None
    values = typing.get_args(field.annotation) if field is not None else ()
    if (
        not isinstance(default, str)
        or typing.get_origin(field.annotation if field else None) is not typing.Literal
        or values != (default,)
    ):
        raise TypeError(
            f"{cls.__name__} must declare `kind: Literal['<name>'] = '<name>'` to be registered"
        )
    if default == "modality" and cls is not Modality:
        raise TypeError(
            f"{cls.__name__} must declare its own kind, e.g. "
            f"`kind: Literal['{normalize_key(cls.__name__)}'] = '{normalize_key(cls.__name__)}'`;"
            f" 'modality' belongs to the base class"
        )
    return default


def _register_kind(cls: type[Modality], replace: bool) -> None:
    kind = _kind_of(cls)
    with _KINDS_LOCK:
        existing = _KINDS.get(kind)
        if existing is not None and existing is not cls and not replace:
            raise DuplicateRegistrationError("modality kind", kind)
        _KINDS[kind] = cls


def _unregister_kind(cls: type[Modality]) -> type[Modality]:
    kind = _kind_of(cls)
    with _KINDS_LOCK:
        if _KINDS.get(kind) is not cls:
            raise UnknownKeyError("modality kind", kind, known=sorted(_KINDS))
        in_use = [m.code for m in _CATALOG if type(m) is cls]
        if in_use:
            raise ValueError(
                f"cannot unregister kind {kind!r}: modalities {in_use} still use it; "
                f"unregister them first"
            )
        del _KINDS[kind]
    return cls


# -- registration -------------------------------------------------------------------------
@overload
def register_modality(item: M, /, *, replace: bool = ...) -> M: ...
@overload
def register_modality(item: type[M], /, *, replace: bool = ...) -> type[M]: ...
@overload
def register_modality(item: None = ..., /, *, replace: bool = ...) -> Any: ...


def register_modality(item: Any = None, /, *, replace: bool = False) -> Any:
    """Register a modality, or (as a class decorator) a modality subclass.

    * ``register_modality(Modality(...))`` adds the modality to the catalog so
      :func:`modality` finds it by code, name or alias.
    * ``@register_modality`` on a subclass of :class:`Modality` with its own
      ``kind`` literal makes JSON carrying that ``kind`` validate to the subclass.
    * ``@register_modality(replace=True)`` / ``register_modality(m, replace=True)``
      replace an existing registration on purpose.

    Installed plug-ins are loaded first, so a clash with one is reported here.

    Raises
    ------
    carecontinuum.DuplicateRegistrationError
        When the code, an alias or the kind is already taken and ``replace`` is false.
    TypeError
        For anything that is not a :class:`Modality` or a subclass declaring its own kind.

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
    carecontinuum.errors.DuplicateRegistrationError: a modality with code 'sauna_demo' is already \
registered; pass replace=True to replace it on purpose
    >>> _ = cc.unregister_modality("sauna_demo")
    >>> _ = cc.unregister_modality(EquipmentModality)
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
    _CATALOG.codes()  # plug-ins first, so a clash with one is reported here
    cls = type(item)
    new_kind = cls is not Modality and _KINDS.get(item.kind) is not cls
    if new_kind:
        _register_kind(cls, replace)
    try:
        _CATALOG.add(item.code, item, (item.name, *item.aliases), replace=replace)
    except Exception:
        if new_kind and _KINDS.get(item.kind) is cls:
            del _KINDS[item.kind]
        raise
    return item


def unregister_modality(key: str | type[Modality]) -> Any:
    """Remove a modality (by code, name or alias) or a registered subclass; return it.

    A subclass can be unregistered only once no registered modality uses it.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> demo = cc.register_modality(
    ...     cc.Modality(code="drumming_demo", name="Drumming (demo)", category="experiential"))
    >>> cc.unregister_modality("Drumming (demo)") is demo
    True
    """
    if isinstance(key, type) and issubclass(key, Modality):
        return _unregister_kind(key)
    return _CATALOG.remove(_CATALOG.resolve(key))


# -- lookup ---------------------------------------------------------------------------------
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
    >>> modality("DBT").name
    'Dialectical behavior therapy (DBT)'
    >>> modality("esketamin")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.UnknownModalityError: unknown modality 'esketamin'; did you mean \
'esketamine' or 'ketamine'?
    """
    if isinstance(key, Modality):
        return key
    return _CATALOG.get(key)


def list_modalities(category: ModalityCategory | str | None = None) -> tuple[Modality, ...]:
    """Every registered modality (built-ins first), optionally of one category.

    Raises
    ------
    carecontinuum.UnknownKeyError
        For a category that does not exist, suggesting the closest.

    Examples
    --------
    >>> [m.code for m in list_modalities("neuromodulation")]
    ['tms']
    """
    items = tuple(_CATALOG)
    if category is None:
        return items
    wanted = _category(category)
    return tuple(m for m in items if m.category is wanted)


def _category(value: ModalityCategory | str) -> ModalityCategory:
    if isinstance(value, ModalityCategory):
        return value
    known = [c.value for c in ModalityCategory]
    key = normalize_key(value) if isinstance(value, str) else ""
    if key in known:
        return ModalityCategory(key)
    raise UnknownKeyError(
        "modality category", value, difflib.get_close_matches(key, known, n=3), known=known
    )


def modality_kind(kind: str) -> type[Modality]:
    """The class registered for a ``kind`` tag (plug-ins are loaded first if needed).

    Examples
    --------
    >>> modality_kind("modality").__name__
    'Modality'
    """
    cls = _KINDS.get(kind)
    if cls is None:
        _CATALOG.codes()
        cls = _KINDS.get(kind)
    if cls is None:
        raise UnknownKeyError(
            "modality kind",
            kind,
            difflib.get_close_matches(kind, list(_KINDS), n=3) if isinstance(kind, str) else (),
            known=sorted(_KINDS),
        )
    return cls


def modality_kinds() -> dict[str, type[Modality]]:
    """All registered kinds and their classes (plug-ins loaded first)."""
    _CATALOG.codes()
    with _KINDS_LOCK:
        return dict(_KINDS)


# -- built-ins and the private test hook ---------------------------------------------------------
def _register_builtins() -> None:
    from ._catalog import BUILTIN_MODALITIES

    for item in BUILTIN_MODALITIES:
        _CATALOG.add(item.code, item, (item.name, *item.aliases))


@contextmanager
def _scratch_registry() -> Iterator[None]:
    """Run with only the built-ins registered and plug-ins not yet loaded; restore afterwards.

    A private hook for tests of plug-in discovery: inside, the next miss or
    listing scans the entry points again.
    """
    catalog: Any = _CATALOG  # the Catalog's state is private; this hook owns it for a moment
    tables = (catalog._by_code, catalog._index, catalog._aliases)
    with catalog._lock, _KINDS_LOCK:
        saved = [dict(t) for t in tables], catalog._loaded, dict(_KINDS)
        for table in (*tables, _KINDS):
            table.clear()
        _KINDS["modality"] = Modality
        _register_builtins()
        catalog._loaded = False
    try:
        yield
    finally:
        with catalog._lock, _KINDS_LOCK:
            for table, old in zip(tables, saved[0], strict=True):
                table.clear()
                table.update(old)
            catalog._loaded = saved[1]
            _KINDS.clear()
            _KINDS.update(saved[2])


_register_builtins()
