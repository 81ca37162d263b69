"""The registry of frameworks and crosswalks, and the top-level lookups."""

from __future__ import annotations

from .._errors import UnknownFrameworkError, UnknownKeyError
from .._lookup import Catalog
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
    """Every registered framework, built-ins first."""
    return tuple(_FRAMEWORKS)


def register_framework(fw: Framework, *, replace: bool = False) -> Framework:
    """Register a framework of your own (a state's levels, a payer's categories).

    Raises
    ------
    carecontinuum.DuplicateRegistrationError
        When the code is taken and ``replace`` is false.
    """
    _FRAMEWORKS.codes()  # built-ins first, so a clash with one is detected
    _FRAMEWORKS.add(fw.code, fw, _framework_aliases(fw), replace=replace)
    return fw


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
    """Every registered crosswalk."""
    _FRAMEWORKS.codes()
    return tuple(_CROSSWALKS.values())


def register_crosswalk(walk: Crosswalk, *, replace: bool = False) -> Crosswalk:
    """Register a crosswalk between two registered frameworks.

    The crosswalk is checked first: every code must exist in its framework.
    """
    from .._errors import DuplicateRegistrationError

    _FRAMEWORKS.codes()
    walk.check()
    key = (walk.source_framework, walk.target_framework)
    if key in _CROSSWALKS and not replace:
        raise DuplicateRegistrationError("crosswalk", f"{key[0]}→{key[1]}")
    _CROSSWALKS[key] = walk
    return walk
