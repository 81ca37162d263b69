"""The registry of frameworks and crosswalks, and the top-level lookups."""

from __future__ import annotations

from .._registry import Registry, Transaction
from ..errors import ProtectedEntryError, UnknownFrameworkError, UnknownKeyError
from ._continuum import DEFAULT_CONTINUUM
from ._crosswalk import Crosswalk, set_framework_resolver
from ._errors import InvalidCrosswalkError
from ._framework import Framework

__all__ = [
    "CROSSWALKS",
    "FRAMEWORKS",
    "crosswalk",
    "default_continuum",
    "framework",
    "list_crosswalks",
    "list_frameworks",
    "register_crosswalk",
    "register_framework",
    "unregister_crosswalk",
    "unregister_framework",
]


def _load_frameworks(txn: Transaction[Framework]) -> None:
    from ._builtin import BUILTIN_FRAMEWORKS

    for fw in BUILTIN_FRAMEWORKS:
        txn.register(fw, builtin=True)


def _load_crosswalks(txn: Transaction[Crosswalk]) -> None:
    from ._builtin import BUILTIN_CROSSWALKS

    for walk in BUILTIN_CROSSWALKS:
        txn.register(walk, builtin=True)


def _pair(source: str, target: str) -> str:
    return f"{source}→{target}"


#: The framework registry behind :func:`framework`, :func:`register_framework`, ...
FRAMEWORKS: Registry[Framework] = Registry(
    "framework",
    code=lambda fw: fw.code,
    names=lambda fw: (fw.name, *fw.aliases),
    error=UnknownFrameworkError,
    item_type=Framework,
    loader=_load_frameworks,
    builtins=(DEFAULT_CONTINUUM,),
)

#: The crosswalk registry behind :func:`crosswalk`, :func:`register_crosswalk`, ...
CROSSWALKS: Registry[Crosswalk] = Registry(
    "crosswalk",
    code=lambda walk: _pair(walk.frameworks[0].code, walk.frameworks[1].code),
    names=lambda walk: (),
    error=UnknownKeyError,
    item_type=Crosswalk,
    loader=_load_crosswalks,
)
set_framework_resolver(FRAMEWORKS.get)


def default_continuum() -> Framework:
    """The default continuum: outpatient → IOP → PHP → residential → inpatient acute [SEED].

    Returns
    -------
    Framework
        The built-in ``continuum`` framework, least intensive level first.

    Examples
    --------
    >>> default_continuum().codes[1]
    'intensive_outpatient'
    """
    return DEFAULT_CONTINUUM


def framework(key: str) -> Framework:
    """Find a framework by code or name: ``continuum``, ``asam3``, ``asam4``, ``locus``, ``teds``.

    Parameters
    ----------
    key:
        A framework's code, name or alias; case, spaces and hyphens are forgiven.

    Returns
    -------
    Framework
        The registered framework.

    Raises
    ------
    carecontinuum.UnknownFrameworkError
        For a key that names no registered framework, with suggestions.

    Examples
    --------
    >>> framework("ASAM 4th edition").code
    'asam4'
    """
    return FRAMEWORKS.get(key)


def list_frameworks() -> tuple[Framework, ...]:
    """Every registered framework, built-ins first.

    Returns
    -------
    tuple[Framework, ...]
        The registered frameworks, built-ins first.

    Examples
    --------
    >>> [fw.code for fw in list_frameworks()][:5]
    ['continuum', 'asam3', 'asam4', 'locus', 'teds']
    """
    return tuple(FRAMEWORKS)


def register_framework(fw: Framework, /, *, replace: bool = False) -> Framework:
    """Register a framework of your own (a state's levels, a payer's categories).

    It is then found by code, name or alias, by :func:`framework` and by
    ``level(key, framework=...)``.

    Parameters
    ----------
    fw:
        The framework.
    replace:
        Replace a framework already registered under the same code.

    Returns
    -------
    Framework
        *fw*, as registered.

    Raises
    ------
    carecontinuum.errors.DuplicateRegistrationError
        When the code is taken and ``replace`` is false, or the name or an alias
        belongs to another framework.
    carecontinuum.errors.ProtectedEntryError
        When *fw* would replace the default continuum.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> mine = cc.Framework(code="state-x", name="State X levels", aliases=("SX",), levels=(
    ...     cc.CareLevel(code="a", name="Level A", framework="state-x", rank=0,
    ...                  setting="ambulatory"),))
    >>> register_framework(mine)
    Framework('state-x', 1 levels)
    >>> cc.level("level a", framework="SX").code
    'a'
    >>> unregister_framework("state-x") is mine
    True
    """
    if not isinstance(fw, Framework):
        raise TypeError(f"register_framework() takes a Framework, got {type(fw).__name__}")
    if fw.code == DEFAULT_CONTINUUM.code:
        raise ProtectedEntryError("framework", fw.code, action="replaced")
    return FRAMEWORKS.register(fw, replace=replace)


def unregister_framework(key: str, /) -> Framework:
    """Remove a framework of your own, and the crosswalks from or to it; return it.

    Parameters
    ----------
    key:
        The framework's code, name or alias.

    Returns
    -------
    Framework
        The framework removed.

    Raises
    ------
    carecontinuum.errors.UnknownFrameworkError
        When no registered framework matches *key*.
    carecontinuum.errors.ProtectedEntryError
        For a built-in framework.
    """
    code = FRAMEWORKS.resolve(key)
    if FRAMEWORKS.is_builtin(code):
        raise ProtectedEntryError("framework", code)
    with CROSSWALKS.transaction() as txn:
        for walk in list(CROSSWALKS):
            pair = tuple(fw.code for fw in walk.frameworks)
            if code in pair:
                txn.unregister(_pair(*pair))
    return FRAMEWORKS.unregister(code)


def crosswalk(source: str, target: str) -> Crosswalk:
    """The crosswalk from framework *source* to framework *target*.

    Parameters
    ----------
    source:
        The code, name or alias of the framework mapped from.
    target:
        The code, name or alias of the framework mapped to.

    Returns
    -------
    Crosswalk
        The registered crosswalk.

    Raises
    ------
    carecontinuum.errors.UnknownKeyError
        When either framework is unknown or no crosswalk joins them.

    Examples
    --------
    >>> crosswalk("teds", "continuum").targets("6")[0].code
    'intensive_outpatient'
    """
    src, dst = framework(source).code, framework(target).code
    found = CROSSWALKS.find(_pair(src, dst))
    if found is None:
        known = CROSSWALKS.codes()
        raise UnknownKeyError("crosswalk", _pair(src, dst), known=known)
    return found


def list_crosswalks() -> tuple[Crosswalk, ...]:
    """Every registered crosswalk.

    Returns
    -------
    tuple[Crosswalk, ...]
        The registered crosswalks, built-ins first.

    Examples
    --------
    >>> [str(walk) for walk in list_crosswalks()][:2]
    ['asam3→continuum', 'asam4→continuum']
    """
    return tuple(CROSSWALKS)


def register_crosswalk(walk: Crosswalk, /, *, replace: bool = False) -> Crosswalk:
    """Register a crosswalk between two registered frameworks.

    A crosswalk built from framework codes is bound (in place) to the
    registered frameworks, and so checked (:meth:`Crosswalk.check`): every code
    must be a level of its framework and every source level must be mapped.

    Parameters
    ----------
    walk:
        The crosswalk, built from framework codes or from the frameworks themselves.
    replace:
        Replace a crosswalk already registered between the same two frameworks.

    Returns
    -------
    Crosswalk
        *walk*, bound to the registered frameworks.

    Raises
    ------
    carecontinuum.errors.UnknownFrameworkError
        When either framework is not registered.
    carecontinuum.errors.UnknownLevelError, carecontinuum.InvalidCrosswalkError
        When the check fails, or a bound crosswalk works from other frameworks
        than the registered ones.
    carecontinuum.errors.DuplicateRegistrationError
        When a crosswalk joins the same two frameworks and ``replace`` is false.
    carecontinuum.errors.ProtectedEntryError
        When it would replace a built-in crosswalk without ``replace=True``.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> walk = cc.Crosswalk(source_framework="teds", target_framework="asam3", mappings=(
    ...     cc.LevelMapping(source=code, match="none", lost="not mapped in this example")
    ...     for code in cc.framework("teds").codes))
    >>> register_crosswalk(walk)
    Crosswalk('teds' → 'asam3', 8 mappings)
    >>> crosswalk("TEDS", "ASAM3") is unregister_crosswalk("teds", "asam3") is walk
    True
    """
    if not isinstance(walk, Crosswalk):
        raise TypeError(f"register_crosswalk() takes a Crosswalk, got {type(walk).__name__}")
    registered = (framework(walk.source_framework), framework(walk.target_framework))
    codes = tuple(fw.code for fw in registered)
    if walk.bound:
        if walk.frameworks != registered:
            raise InvalidCrosswalkError(
                f"crosswalk {walk} works from frameworks other than the registered "
                f"{codes[0]!r} and {codes[1]!r}; bind it to the registered ones"
            )
    else:
        walk._attach(registered)
    return CROSSWALKS.register(walk, replace=replace)


def unregister_crosswalk(source: str, target: str, /) -> Crosswalk:
    """Remove a crosswalk of your own, from framework *source* to *target*; return it.

    Parameters
    ----------
    source:
        The code, name or alias of the framework mapped from.
    target:
        The code, name or alias of the framework mapped to.

    Returns
    -------
    Crosswalk
        The crosswalk removed.

    Raises
    ------
    carecontinuum.errors.UnknownKeyError
        When no crosswalk joins them.
    carecontinuum.errors.ProtectedEntryError
        For a built-in crosswalk.
    """
    walk = crosswalk(source, target)
    code = _pair(*(fw.code for fw in walk.frameworks))
    if CROSSWALKS.is_builtin(code):
        raise ProtectedEntryError("crosswalk", code)
    return CROSSWALKS.unregister(code)
