"""What level of the continuum a phrase names, and how well: :func:`level_match`.

People write levels in the words of other frameworks: "ASAM 3.7", "ASAM level
3.1", "level 1", "LOCUS 4", or a framework level's name ("Clinically Managed
High-Intensity Residential Services").  :func:`level_match` resolves them to
the default continuum through the framework's crosswalk and says how it
matched — ``exact`` or ``approximate`` — and through which framework level;
:func:`~carecontinuum.level` returns the level alone.

It never guesses:

* a framework level that maps to several continuum levels (ASAM 2-WM: IOP or
  PHP intensity), or a number that two frameworks map differently, raises
  :class:`~carecontinuum.errors.AmbiguousLevelError` listing the candidates;
* withdrawal management (detox) is not a level of the continuum: the error
  says where it lives (ASAM WM levels, TEDS settings 1, 2 and 8);
* anything else raises :class:`~carecontinuum.errors.UnknownLevelError` with
  suggestions.

Examples
--------
>>> m = level_match("ASAM 3.7")
>>> m.level.code, m.match.value, m.via.framework
('residential', 'approximate', 'asam3')
>>> level_match("ASAM level 2.1").match.value
'exact'
>>> level_match("LOCUS 4").level.code
'partial_hospitalization'
>>> level_match("IOP")
LevelMatch('IOP' → 'intensive_outpatient', exact)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._lookup import MAX_KEY_LENGTH, Lookup, normalize_key
from .._phrases import name_variants, query_variants
from ..errors import (
    AmbiguousLevelError,
    NotInContinuumError,
    UnknownFrameworkError,
    UnknownKeyError,
    UnknownLevelError,
)
from ._continuum import DEFAULT_CONTINUUM
from ._crosswalk import MatchKind
from ._model import CareLevel, CodeSystem
from ._registry import FRAMEWORKS, crosswalk

__all__ = ["LevelMatch", "level", "level_match"]

#: Codes of the default continuum, and spellings of its levels already looked up.
_CONTINUUM_BY_CODE: dict[str, CareLevel] = {lv.code: lv for lv in DEFAULT_CONTINUUM.levels}
_MEMO_SIZE = 4096


@dataclass(frozen=True, slots=True)
class LevelMatch:
    """A continuum level found for a phrase, and how it was found.

    Attributes
    ----------
    level:
        The level of the default continuum.
    match:
        ``exact`` when the phrase names the level itself or a framework level
        that maps to it exactly; ``approximate`` when the crosswalk says the
        mapping loses something (``lost`` says what).
    via:
        The framework level the phrase named, or ``None`` for a continuum level.
    lost:
        What an approximate mapping loses, from the crosswalk.
    text:
        The phrase as given.
    """

    level: CareLevel
    match: MatchKind
    via: CareLevel | None = None
    lost: str = ""
    text: str = ""

    @property
    def exact(self) -> bool:
        """Whether the phrase names the continuum level exactly."""
        return self.match is MatchKind.EXACT

    def __repr__(self) -> str:
        via = f" via {self.via.framework}:{self.via.code}" if self.via is not None else ""
        return f"LevelMatch({self.text!r} → {self.level.code!r}, {self.match.value}{via})"


#: Where withdrawal management lives, since the continuum has no level for it [ASAM3, ASAM4,
#: TEDS, LOCATOR].
WITHDRAWAL_MANAGEMENT = (
    "withdrawal management (detox) is not a level of the continuum of care; it lives in "
    "ASAM 3rd-edition levels 1-WM, 2-WM, 3.2-WM, 3.7-WM and 4-WM (the 4th edition folds it "
    "into 1.7, 2.7, 3.7 and 4), in TEDS service settings 1, 2 and 8, and in the locator's "
    "detox codes; look it up in those frameworks, e.g. level('3.7-WM', framework='asam3')"
)
_WM_WORDS = frozenset({"detox", "detoxification", "wm"})

#: "ASAM 3.7", "ASAM level 3.1", "level 1", "LOCUS 4", "TEDS 6", "ASAM 4th edition 2.5"
_NUMBER = re.compile(
    r"^(?:(?P<fw>asam(?:[ _-]?(?P<ed>[34])(?:(?:rd|th)[ _-]?(?:ed(?:ition)?\.?)?)?)?|locus|teds)"
    r"[ _-]*)?(?:(?P<lvl>level)[ _-]*)?(?P<code>\d(?:\.\d)?(?:-(?:wm|otp|obot))?)$",
    re.IGNORECASE,
)


_WORD = re.compile(r"[a-z0-9]+")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?(?:-[A-Za-z]+)?$")


def _is_withdrawal_management(text: str) -> bool:
    """Whether *text* speaks of withdrawal management or detox ("non-detox" does not)."""
    words = _WORD.findall(text.casefold())
    for i, word in enumerate(words):
        if word in _WM_WORDS and (i == 0 or words[i - 1] != "non"):
            return True
        if word == "withdrawal" and words[i + 1 : i + 2] == ["management"]:
            return True
    return False


def _is_withdrawal_management_level(lv: CareLevel) -> bool:
    """ASAM's WM levels and the detox settings of TEDS (1, 2, 8) [ASAM3, TEDS]."""
    return _is_withdrawal_management(f"{lv.code} {lv.name}")


def _continuum(lv: CareLevel, text: str) -> LevelMatch:
    """Map a framework level to the continuum through its crosswalk."""
    if _is_withdrawal_management_level(lv):
        raise NotInContinuumError("care level", text, WITHDRAWAL_MANAGEMENT)
    walk = crosswalk(lv.framework, DEFAULT_CONTINUUM.code)
    mappings = walk.map(lv)
    targets = [m for m in mappings if m.target]
    if not targets:
        lost = "; ".join(m.lost for m in mappings if m.lost)
        raise NotInContinuumError(
            "care level",
            text,
            f"{lv.framework}:{lv.code} ({lv.name}) has no counterpart in the continuum: {lost}",
        )
    if len(targets) > 1:
        raise AmbiguousLevelError("care level", text, [m.target for m in targets])
    only = targets[0]
    return LevelMatch(
        DEFAULT_CONTINUUM.level(only.target), only.match, via=lv, lost=only.lost, text=text
    )


def _agree(found: list[LevelMatch], text: str) -> LevelMatch:
    codes = list(dict.fromkeys(m.level.code for m in found))
    if len(codes) > 1:
        raise AmbiguousLevelError("care level", text, codes)
    exact = [m for m in found if m.exact]
    return exact[0] if exact else found[0]


def _frameworks_for(name: str | None, edition: str | None) -> list[str]:
    if name is None or (name.casefold() == "asam" and edition is None):
        return ["asam3", "asam4"]
    if name.casefold().startswith("asam"):
        return [f"asam{edition}"]
    return [name.casefold()]


def _by_number(text: str) -> LevelMatch | None:
    parsed = _NUMBER.match(text.strip())
    if parsed is None or (parsed["fw"] is None and parsed["lvl"] is None):
        return None  # a bare number is too little to go on
    code = parsed["code"]
    if code.casefold().endswith("-wm"):
        raise NotInContinuumError("care level", text, WITHDRAWAL_MANAGEMENT)
    found = []
    for fw_code in _frameworks_for(parsed["fw"], parsed["ed"]):
        fw = FRAMEWORKS.find(fw_code)
        lv = fw.lookup.find(code) if fw is not None else None
        if fw is not None and lv is not None:
            found.append(_continuum(fw.level(lv), text))
    if not found:
        raise UnknownLevelError("care level", text, known=DEFAULT_CONTINUUM.codes)
    return _agree(found, text)


def _by_framework_name(text: str) -> LevelMatch | None:
    """A framework level's *name* or alias ("Intensive Outpatient Services").

    Names found as written win over names found through a looser spelling; a
    framework level's bare code or number ("2.1", "1") needs its framework
    ("ASAM 2.1", "level 1").
    """
    if _BARE_NUMBER.match(text.strip()):
        return None
    for loose in (False, True):
        found = []
        for fw in FRAMEWORKS:
            if fw.code == DEFAULT_CONTINUUM.code:
                continue
            code = fw.lookup.find(text, loose=loose)
            if code is None or normalize_key(code) == normalize_key(text):
                continue
            try:
                found.append(_continuum(fw.level(code), text))
            except UnknownFrameworkError:  # a framework without a crosswalk to the continuum
                continue
            except UnknownKeyError as err:
                if "crosswalk" not in str(err.kind):
                    raise
        if found:
            return _agree(found, text)
    return None


#: Systems whose codes are words people type as level names ("HI", "ODT", "H0015").
_CODE_SYSTEMS_AS_NAMES = frozenset(
    {CodeSystem.LOCATOR, CodeSystem.LOCATOR_SETTING, CodeSystem.HCPCS}
)


@functools.cache
def _code_displays() -> Lookup:
    """The continuum levels' codes in other systems, by display text and (some) by code."""
    entries: dict[str, list[str]] = {}
    for lv in DEFAULT_CONTINUUM.levels:
        for code in lv.codes:
            names = entries.setdefault(lv.code, [])
            if code.display:
                names.append(code.display)
            if code.system in _CODE_SYSTEMS_AS_NAMES:
                names.append(code.code)
    return Lookup(
        "care level",
        entries.items(),
        error=UnknownLevelError,
        ambiguous_error=AmbiguousLevelError,
        variants=name_variants,
        query_variants=query_variants,
        conflicts="ambiguous",
    )


def _by_code_display(text: str) -> LevelMatch | None:
    """A code's display ("Regular outpatient treatment" is the locator's ORT) [LOCATOR, HCPCS]."""
    displays = _code_displays()
    try:
        targets = displays.members(text)
    except UnknownKeyError:
        return None
    if len(targets) > 1:
        raise AmbiguousLevelError("care level", text, targets)
    lv = DEFAULT_CONTINUUM.level(targets[0])
    key = normalize_key(text)
    spellings = {key, *name_variants(key), *query_variants(key)}
    exact = any(
        c.exact and not spellings.isdisjoint({normalize_key(c.display), normalize_key(c.code)})
        for c in lv.codes
    )
    return LevelMatch(lv, MatchKind.EXACT if exact else MatchKind.APPROXIMATE, text=text)


def level_match(key: str | CareLevel) -> LevelMatch:
    """The continuum level *key* names, how well, and through which framework level.

    Parameters
    ----------
    key:
        A code, name or alias of a continuum level; ``"framework:code"``; a
        framework number as people write it ("ASAM 3.7", "ASAM level 3.1",
        "level 1", "LOCUS 4"); a framework level's name; or a CareLevel.

    Returns
    -------
    LevelMatch
        The continuum level, ``exact`` or ``approximate``, and the framework
        level it came through.

    Raises
    ------
    carecontinuum.errors.AmbiguousLevelError
        When the phrase maps to several continuum levels; the candidates are listed.
    carecontinuum.errors.NotInContinuumError
        For withdrawal management, and framework levels with no continuum
        counterpart; the message says where they live.
    carecontinuum.errors.UnknownLevelError
        For anything else, with suggestions.

    Examples
    --------
    >>> level_match("Clinically Managed High-Intensity Residential Services").via.code
    '3.5'
    >>> level_match("ASAM 2-WM")
    Traceback (most recent call last):
    ...
    carecontinuum.errors.NotInContinuumError: withdrawal management (detox) is not a level of \
the continuum of care; it lives in ASAM 3rd-edition levels 1-WM, 2-WM, 3.2-WM, 3.7-WM and 4-WM \
(the 4th edition folds it into 1.7, 2.7, 3.7 and 4), in TEDS service settings 1, 2 and 8, and in \
the locator's detox codes; look it up in those frameworks, e.g. level('3.7-WM', framework='asam3')
    """
    if isinstance(key, CareLevel):
        if key.framework == DEFAULT_CONTINUUM.code:
            return LevelMatch(DEFAULT_CONTINUUM.level(key), MatchKind.EXACT, text=key.code)
        return _continuum(key, f"{key.framework}:{key.code}")
    if not isinstance(key, str):
        raise UnknownLevelError("care level", key, known=DEFAULT_CONTINUUM.codes)
    code = DEFAULT_CONTINUUM.lookup.find(key)
    if code is not None:
        return LevelMatch(DEFAULT_CONTINUUM.level(code), MatchKind.EXACT, text=key)
    if len(key) > MAX_KEY_LENGTH:
        raise DEFAULT_CONTINUUM.lookup.miss(key)
    fw_name, sep, fw_code = key.partition(":")
    if sep and fw_name and fw_code and FRAMEWORKS.find(fw_name) is not None:
        lv = FRAMEWORKS.get(fw_name).level(fw_code)
        return (
            _continuum(lv, key)
            if lv.framework != DEFAULT_CONTINUUM.code
            else LevelMatch(lv, MatchKind.EXACT, text=key)
        )
    if _is_withdrawal_management(key):
        raise NotInContinuumError("care level", key, WITHDRAWAL_MANAGEMENT)
    found = _by_number(key) or _by_framework_name(key) or _by_code_display(key)
    if found is not None:
        return found
    raise DEFAULT_CONTINUUM.lookup.miss(key)


def level(key: str | CareLevel, framework: str | None = None) -> CareLevel:
    """Find a care level by code or alias.

    Case, spaces, hyphens and the usual abbreviations are forgiven.  Without
    *framework*, the default continuum is searched.

    Parameters
    ----------
    key:
        A level's code, name or alias, or a :class:`~carecontinuum.CareLevel`
        (returned as registered).
    framework:
        The code, name or alias of the framework to search; the default
        continuum when ``None``.

    Returns
    -------
    CareLevel
        The level.

    Raises
    ------
    carecontinuum.UnknownLevelError
        For an unknown key, suggesting the closest matches.
    carecontinuum.UnknownFrameworkError
        For an unknown *framework*.

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
        # fast path: a code of the default continuum, or a spelling already found, at
        # dictionary speed (the continuum cannot be replaced, so the memo never goes stale)
        found = _CONTINUUM_BY_CODE.get(key)
        if found is None:
            # a continuum name or alias; else "ASAM 3.7", "LOCUS 4", a framework level's name
            code = DEFAULT_CONTINUUM.lookup.find(key)
            found = DEFAULT_CONTINUUM.level(code) if code is not None else level_match(key).level
            if len(_CONTINUUM_BY_CODE) < _MEMO_SIZE:  # bounded: keys are user input
                _CONTINUUM_BY_CODE[key] = found
        return found
    if isinstance(key, CareLevel) and framework is None:
        home = DEFAULT_CONTINUUM if key.framework == DEFAULT_CONTINUUM.code else None
        return (home or FRAMEWORKS.get(key.framework)).level(key)
    fw = DEFAULT_CONTINUUM if framework is None else FRAMEWORKS.get(framework)
    return fw.level(key)
