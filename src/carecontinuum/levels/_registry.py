"""The registry of frameworks and crosswalks, and the top-level lookups."""

from __future__ import annotations

from .._lookup import Catalog
from ..errors import UnknownFrameworkError, UnknownKeyError
from ._continuum import DEFAULT_CONTINUUM
from ._crosswalk import Crosswalk
from ._framework import Framework
from ._model import CareLevel

__all__ = [
    "crosswalk",
    "default_continuum",
    "framework",
    "level",
    "list_crosswalks",
    "list_frameworks",
    "register_crosswalk",
    "register_framework",
    "unregister_crosswalk",
    "unregister_framework",
]


def _load_builtins() -> None:
    from ._builtin import BUILTIN_CROSSWALKS, BUILTIN_FRAMEWORKS

    for fw in BUILTIN_FRAMEWORKS:
        _FRAMEWORKS.add(fw.code, fw, _framework_aliases(fw))
    for walk in BUILTIN_CROSSWALKS:
        _CROSSWALKS[(walk.source_framework, walk.target_framework)] = walk


def _framework_aliases(fw: Framework) -> tuple[str, ...]:
    return (fw.name, *fw.aliases)


_FRAMEWORKS: Catalog[Framework] = Catalog("framework", UnknownFrameworkError, loader=_load_builtins)
_FRAMEWORKS.add(DEFAULT_CONTINUUM.code, DEFAULT_CONTINUUM, _framework_aliases(DEFAULT_CONTINUUM))
_CROSSWALKS: dict[tuple[str, str], Crosswalk] = {}
_CONTINUUM_BY_CODE: dict[str, CareLevel] = {lv.code: lv for lv in DEFAULT_CONTINUUM.levels}


def default_continuum() -> Framework:
    """The default continuum: outpatient → IOP → PHP → residential → inpatient acute [SEED].

    Examples
    --------
    >>> default_continuum().codes[1]
    'intensive_outpatient'
    """
    return DEFAULT_CONTINUUM


def level(key: str | CareLevel, framework: str | None = None) -> CareLevel:
    """Find a care level by code or alias.

    Case, spaces, hyphens and the usual abbreviations are forgiven.  Without
    *framework*, the default continuum is searched.

    Raises
    ------
    carecontinuum.UnknownLevelError
        For an unknown key, suggesting the closest matches.

    Examples
    --------
    >>> level("PHP").code
    'partial_hospitalization'
    >>> level("Inpatient Residential").code
    'residential'
    >>> level("3.2-wm", framework="asam3").name
    'Clinically Managed Residential Withdrawal Management'
    """
    if framework is None and type(key) is str:
        # fast path: an exact code of the default continuum at dictionary speed; an alias
        # through the framework's memo (no exception raised and caught on the way)
        found = _CONTINUUM_BY_CODE.get(key)
        return found if found is not None else DEFAULT_CONTINUUM.level(key)
    if isinstance(key, CareLevel) and framework is None:
        if key.framework == DEFAULT_CONTINUUM.code:
            return DEFAULT_CONTINUUM.level(key)
        return _FRAMEWORKS.get(key.framework).level(key)
    fw = DEFAULT_CONTINUUM if framework is None else _FRAMEWORKS.get(framework)
    return fw.level(key)


def framework(key: str) -> Framework:
    """Find a framework by code or name: ``continuum``, ``asam3``, ``asam4``, ``locus``, ``teds``.

    Examples
    --------
    >>> framework("ASAM 4th edition").code
    'asam4'
    """
    return _FRAMEWORKS.get(key)


def list_frameworks() -> tuple[Framework, ...]:
    """Every registered framework, built-ins first.

    Examples
    --------
    >>> [fw.code for fw in list_frameworks()][:5]
    ['continuum', 'asam3', 'asam4', 'locus', 'teds']
    """
    return tuple(_FRAMEWORKS)


def register_framework(fw: Framework, *, replace: bool = False) -> Framework:
    """Register a framework of your own (a state's levels, a payer's categories).

    It is then found by code, name or alias, by :func:`framework` and by
    ``level(key, framework=...)``.

    Raises
    ------
    carecontinuum.DuplicateRegistrationError
        When the code, the name or an alias is taken and ``replace`` is false.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> mine = cc.Framework(code="state-x", name="State X levels", aliases=("SX",), levels=(
    ...     cc.CareLevel(code="a", name="Level A", framework="state-x", rank=0,
    ...                  setting="ambulatory"),))
    >>> register_framework(mine)
    Framework('state-x', 1 levels)
    >>> level("level a", framework="SX").code
    'a'
    >>> unregister_framework("state-x") is mine
    True
    """
    if not isinstance(fw, Framework):
        raise TypeError(f"register_framework() takes a Framework, got {type(fw).__name__}")
    _FRAMEWORKS.codes()  # built-ins first, so a clash with one is detected
    _FRAMEWORKS.add(fw.code, fw, _framework_aliases(fw), replace=replace)
    return fw


def unregister_framework(key: str) -> Framework:
    """Remove a registered framework, and the crosswalks from or to it; return it.

    Raises
    ------
    carecontinuum.UnknownFrameworkError
        When no registered framework matches *key*.
    """
    code = _FRAMEWORKS.resolve(key)
    for pair in [pair for pair in _CROSSWALKS if code in pair]:
        del _CROSSWALKS[pair]
    return _FRAMEWORKS.remove(code)


def crosswalk(source: str, target: str) -> Crosswalk:
    """The crosswalk from framework *source* to framework *target*.

    Raises
    ------
    carecontinuum.UnknownKeyError
        When either framework is unknown or no crosswalk joins them.

    Examples
    --------
    >>> crosswalk("teds", "continuum").targets("6")[0].code
    'intensive_outpatient'
    """
    src, dst = framework(source).code, framework(target).code
    try:
        return _CROSSWALKS[(src, dst)]
    except KeyError:
        known = [f"{a}→{b}" for a, b in _CROSSWALKS]
        raise UnknownKeyError("crosswalk", f"{src}→{dst}", known=known) from None


def list_crosswalks() -> tuple[Crosswalk, ...]:
    """Every registered crosswalk.

    Examples
    --------
    >>> [str(walk) for walk in list_crosswalks()][:2]
    ['asam3→continuum', 'asam4→continuum']
    """
    _FRAMEWORKS.codes()
    return tuple(_CROSSWALKS.values())


def register_crosswalk(walk: Crosswalk, *, replace: bool = False) -> Crosswalk:
    """Register a crosswalk between two registered frameworks.

    The crosswalk is checked first (:meth:`Crosswalk.check`): every code must
    be a level of its framework and every source level must be mapped.

    Raises
    ------
    carecontinuum.UnknownLevelError, carecontinuum.InvalidCrosswalkError
        When the check fails.
    carecontinuum.DuplicateRegistrationError
        When a crosswalk joins the same two frameworks and ``replace`` is false.

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
    from ..errors import DuplicateRegistrationError

    if not isinstance(walk, Crosswalk):
        raise TypeError(f"register_crosswalk() takes a Crosswalk, got {type(walk).__name__}")
    _FRAMEWORKS.codes()
    walk.check()
    key = (framework(walk.source_framework).code, framework(walk.target_framework).code)
    if key in _CROSSWALKS and not replace:
        raise DuplicateRegistrationError("crosswalk", f"{key[0]}→{key[1]}")
    _CROSSWALKS[key] = walk
    return walk


def unregister_crosswalk(source: str, target: str) -> Crosswalk:
    """Remove the crosswalk from framework *source* to *target*, and return it.

    Raises
    ------
    carecontinuum.UnknownKeyError
        When no crosswalk joins them.
    """
    walk = crosswalk(source, target)
    del _CROSSWALKS[(framework(source).code, framework(target).code)]
    return walk
