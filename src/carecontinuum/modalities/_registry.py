"""The modality registries: the catalog (built-ins, your own, plug-ins) and the kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, overload

from .._enum_lookup import EnumLookup
from .._phrases import name_variants, query_variants
from .._registry import Registry, Transaction
from ..errors import ProtectedEntryError, UnknownKeyError, UnknownModalityError
from ._catalog import BUILTIN_MODALITIES
from ._enums import ModalityCategory
from ._errors import AmbiguousModalityError, KindInUseError
from ._groups import groups_of
from ._kinds import MODALITY_KINDS, kind_of
from ._model import Modality
from ._plugins import discover

__all__ = [
    "MODALITIES",
    "MODALITY_KINDS",
    "list_modalities",
    "load_entry_points",
    "modality",
    "modality_group",
    "modality_kind",
    "modality_kinds",
    "register_modality",
    "unregister_modality",
]

M = TypeVar("M", bound=Modality)
K = TypeVar("K", bound="Modality | type[Modality]")


def _load_plugins(txn: Transaction[Modality]) -> None:
    discover(txn, MODALITY_KINDS)


def _modality_names(item: Modality) -> tuple[str, ...]:
    return (item.name, *item.aliases)


#: The modality catalog behind :func:`modality`, :func:`register_modality`, ...
MODALITIES: Registry[Modality] = Registry(
    "modality",
    code=lambda item: item.code,
    names=_modality_names,
    error=UnknownModalityError,
    ambiguous_error=AmbiguousModalityError,
    item_type=Modality,
    loader=_load_plugins,
    groups=groups_of,
    variants=name_variants,
    query_variants=query_variants,
    builtins=BUILTIN_MODALITIES,
)


def load_entry_points() -> list[str]:
    """Load every plug-in advertised in the entry-point group; return the codes added.

    The registry calls this lazily, the first time a lookup misses, a kind is
    unknown, or the catalog is listed.  Safe to call again: a modality already
    registered (equal by value) and a class already registered are skipped.

    Returns
    -------
    list[str]
        The codes of the modalities added (an empty list when nothing new loaded).
    """
    with MODALITIES.transaction() as txn:
        return discover(txn, MODALITY_KINDS)


def _register_kind(cls: type[Modality], *, replace: bool) -> type[Modality]:
    if not (isinstance(cls, type) and issubclass(cls, Modality)):
        raise TypeError(
            f"register_modality() takes a Modality subclass, got {getattr(cls, '__name__', cls)}"
        )
    existing = MODALITY_KINDS.find(kind_of(cls))
    if existing is cls:
        return cls
    return MODALITY_KINDS.register(cls, replace=replace)


# -- registration -------------------------------------------------------------------------
@overload
def register_modality(item: K, /, *, replace: bool = ...) -> K: ...
@overload
def register_modality(item: None = ..., /, *, replace: bool = ...) -> Callable[[K], K]: ...


def register_modality(item: K | None = None, /, *, replace: bool = False) -> K | Callable[[K], K]:
    """Register a modality, or (as a class decorator) a modality subclass; return it.

    * ``register_modality(Modality(...))`` adds the modality to the catalog so
      :func:`modality` finds it by code, name or alias.
    * ``@register_modality`` on a subclass of :class:`Modality` with its own
      ``kind`` literal makes JSON carrying that ``kind`` validate to the subclass.
    * ``@register_modality(replace=True)`` / ``register_modality(m, replace=True)``
      replace an existing registration on purpose.

    Installed plug-ins are loaded first, so a clash with one is reported here.

    Parameters
    ----------
    item:
        A :class:`Modality` (or subclass instance), a :class:`Modality` subclass,
        or nothing (decorator with arguments).
    replace:
        Replace the entry with the same code (or kind) on purpose.

    Returns
    -------
    Modality or type[Modality]
        *item* itself, with its own type.

    Raises
    ------
    carecontinuum.errors.DuplicateRegistrationError
        When the code or the kind is taken and ``replace`` is false, or a name or
        alias belongs to another modality.
    carecontinuum.modalities.ModalityDefinitionError
        For a subclass that does not declare its own kind or shadows a base field.
    TypeError
        For anything that is not a :class:`Modality` or a subclass of it.

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

        def decorate(target: K) -> K:
            return register_modality(target, replace=replace)

        return decorate
    if isinstance(item, type):
        _register_kind(item, replace=replace)
        return item
    if not isinstance(item, Modality):
        raise TypeError(
            f"register_modality() takes a Modality or a Modality subclass, "
            f"got {type(item).__name__}"
        )
    MODALITIES.codes()  # plug-ins first, so a clash with one is reported here
    cls = type(item)
    added_kind = cls is not Modality and MODALITY_KINDS.find(item.kind) is not cls
    if added_kind:
        _register_kind(cls, replace=replace)
    try:
        MODALITIES.register(item, replace=replace)
    except BaseException:
        if added_kind:
            MODALITY_KINDS.unregister(item.kind)
        raise
    return item


@overload
def unregister_modality(key: str, /) -> Modality: ...
@overload
def unregister_modality(key: type[M], /) -> type[M]: ...


def unregister_modality(key: str | type[M], /) -> Modality | type[M]:
    """Remove a modality of your own (by code, name or alias) or a registered subclass.

    A subclass can be unregistered only once no registered modality uses it.

    Parameters
    ----------
    key:
        A modality's code, name or alias, or a registered :class:`~carecontinuum.Modality`
        subclass (a kind).

    Returns
    -------
    Modality or type[Modality]
        What was removed.

    Raises
    ------
    carecontinuum.errors.UnknownModalityError
        When nothing matches.
    carecontinuum.errors.ProtectedEntryError
        For a built-in modality (or the base kind).
    carecontinuum.modalities.KindInUseError
        For a kind still used by registered modalities.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> demo = cc.register_modality(
    ...     cc.Modality(code="drumming_demo", name="Drumming (demo)", category="experiential"))
    >>> cc.unregister_modality("Drumming (demo)") is demo
    True
    """
    if isinstance(key, type) and issubclass(key, Modality):
        kind = kind_of(key)
        if MODALITY_KINDS.find(kind) is not key:
            raise UnknownKeyError("modality kind", kind, known=MODALITY_KINDS.codes())
        in_use = [m.code for m in MODALITIES if type(m) is key]
        if in_use:
            raise KindInUseError(
                f"cannot unregister kind {kind!r}: modalities {in_use} still use it; "
                f"unregister them first"
            )
        MODALITY_KINDS.unregister(kind)
        return key
    code = MODALITIES.resolve(key)
    if MODALITIES.is_builtin(code):
        raise ProtectedEntryError("modality", code)
    return MODALITIES.unregister(code)


# -- lookup ---------------------------------------------------------------------------------
def modality(key: str | Modality) -> Modality:
    """Find a modality by code, name or alias (case, spaces and hyphens forgiven).

    Parameters
    ----------
    key:
        A code, name or alias, or a :class:`Modality` (returned as is).

    Returns
    -------
    Modality
        The registered modality.

    Raises
    ------
    carecontinuum.errors.UnknownModalityError
        With the closest matches as suggestions.
    carecontinuum.modalities.AmbiguousModalityError
        When *key* names several modalities (a heading such as a group name).

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
    if type(key) is str:  # the common case first: isinstance on a model class is slow
        return MODALITIES.get(key)
    if isinstance(key, Modality):
        return key
    return MODALITIES.get(key)


def modality_group(key: str) -> tuple[Modality, ...]:
    """Every modality *key* names: the members of a heading, or the one modality.

    Parameters
    ----------
    key:
        A heading's or a modality's code, name or alias.

    Returns
    -------
    tuple[Modality, ...]
        The modalities under that heading, or the one modality *key* names.

    Raises
    ------
    carecontinuum.errors.UnknownModalityError
        When *key* names nothing.

    Examples
    --------
    >>> [m.code for m in modality_group("Motivational approaches")]
    ['motivational_interviewing', 'motivational_enhancement_therapy']
    >>> modality("motivational approaches")
    Traceback (most recent call last):
    ...
    carecontinuum.modalities._errors.AmbiguousModalityError: 'motivational approaches' names \
several modalities: 'motivational_interviewing', 'motivational_enhancement_therapy'; pick one
    """
    return MODALITIES.members(key)


_CATEGORIES = EnumLookup(ModalityCategory, "modality category")


def list_modalities(category: ModalityCategory | str | None = None) -> tuple[Modality, ...]:
    """Every registered modality (built-ins first), optionally of one category.

    Parameters
    ----------
    category:
        A :class:`~carecontinuum.ModalityCategory` or its name; every modality when
        ``None``.

    Returns
    -------
    tuple[Modality, ...]
        The registered modalities (of that category), built-ins first.

    Raises
    ------
    carecontinuum.errors.UnknownKeyError
        For a category that does not exist, suggesting the closest.

    Examples
    --------
    >>> [m.code for m in list_modalities("neuromodulation")]
    ['tms']
    """
    items = tuple(MODALITIES)
    if category is None:
        return items
    wanted = _CATEGORIES(category)
    return tuple(m for m in items if m.category is wanted)


def modality_kind(kind: str) -> type[Modality]:
    """The class registered for a ``kind`` tag (plug-ins are loaded first if needed).

    Parameters
    ----------
    kind:
        A ``kind`` tag, as in a modality's JSON (``"modality"`` for the base class).

    Returns
    -------
    type[Modality]
        The class registered for it.

    Raises
    ------
    carecontinuum.UnknownKeyError
        For a tag no registered class (or installed plug-in) has.

    Examples
    --------
    >>> modality_kind("modality").__name__
    'Modality'
    """
    cls = MODALITY_KINDS.find(kind)
    if cls is None:
        MODALITIES.codes()  # plug-ins may register kinds
    return MODALITY_KINDS.get(kind)


def modality_kinds() -> dict[str, type[Modality]]:
    """All registered kinds and their classes (plug-ins loaded first).

    Returns
    -------
    dict[str, type[Modality]]
        Each registered ``kind`` tag and its class, the base ``"modality"`` first.
    """
    MODALITIES.codes()
    return {kind_of(cls): cls for cls in MODALITY_KINDS}
