"""TEDS service settings → levels, read from a crosswalk, as lookup tables for whole columns.

The levels come from the public crosswalk ``cc.crosswalk("teds", "continuum")``
(or one the caller passes), and so does how each setting matches: ``exact``,
``approximate`` (the crosswalk says what is lost) or ``none`` (no counterpart:
the level is missing).  A setting the crosswalk maps to several levels gets no
level and the match ``several``: the reader never picks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._codebook import SERVICE_SETTINGS
from ._errors import TedsValueError

if TYPE_CHECKING:
    from ..levels import Crosswalk

__all__ = ["MATCHES", "SettingLevels", "setting_levels"]

MATCHES = ("exact", "approximate", "none", "several")
"""The values of the ``level_match`` columns: a crosswalk's match kinds, and ``several``."""


@dataclass(frozen=True, slots=True)
class SettingLevels:
    """For each TEDS setting code, its level and how it matches, as positions."""

    crosswalk: str
    """The crosswalk read, ``"teds→continuum"``."""
    levels: tuple[str, ...]
    """The target framework's level codes, least intensive first (the categories)."""
    level_of: dict[int, int]
    """Setting code → position in ``levels``, or -1 for no single level."""
    match_of: dict[int, int]
    """Setting code → position in :data:`MATCHES`."""
    lost: dict[int, str]
    """Setting code → what the crosswalk says the mapping loses ("" when exact)."""

    def describe(self, code: int) -> str:
        """One setting's mapping in words: ``'6 → intensive_outpatient (approximate)'``."""
        level = self.level_of[code]
        target = self.levels[level] if level >= 0 else "no level"
        return f"{code} → {target} ({MATCHES[self.match_of[code]]})"


def setting_levels(walk: Crosswalk | None = None) -> SettingLevels:
    """The lookup tables of *walk* (default: the registered TEDS → continuum crosswalk).

    Raises
    ------
    carecontinuum.teds.TedsValueError
        For a crosswalk whose source framework is not ``teds``.
    TypeError
        For something that is not a :class:`~carecontinuum.Crosswalk`.
    """
    from ..levels import Crosswalk, MatchKind, crosswalk, framework

    if walk is None:
        walk = crosswalk("teds", "continuum")
    elif not isinstance(walk, Crosswalk):
        raise TypeError(f"crosswalk must be a carecontinuum.Crosswalk or None, not {echo(walk)}")
    if framework(walk.source_framework).code != "teds":
        raise TedsValueError(
            f"crosswalk: {walk} does not start from TEDS service settings; "
            "pass a crosswalk from framework 'teds'"
        )
    levels = tuple(lv.code for lv in framework(walk.target_framework).levels)
    level_of: dict[int, int] = {}
    match_of: dict[int, int] = {}
    lost: dict[int, str] = {}
    for setting in SERVICE_SETTINGS:
        mappings = [m for m in walk.mappings if m.source == str(setting.code)]
        targets = [m for m in mappings if m.match is not MatchKind.NONE]
        lost[setting.code] = "; ".join(m.lost for m in mappings if m.lost)
        if len(targets) == 1:
            level_of[setting.code] = levels.index(targets[0].target)
            match_of[setting.code] = MATCHES.index(targets[0].match.value)
        else:
            level_of[setting.code] = -1
            match_of[setting.code] = MATCHES.index("several" if targets else "none")
    return SettingLevels(str(walk), levels, level_of, match_of, lost)


def level_tables(mapping: SettingLevels, np: Any) -> tuple[Any, Any]:
    """Arrays indexed by setting category position + 1 (0 = missing): level and match codes."""
    size = len(SERVICE_SETTINGS) + 1
    level = np.full(size, -1, dtype=np.int8)
    match = np.full(size, -1, dtype=np.int8)
    for position, setting in enumerate(SERVICE_SETTINGS, start=1):
        level[position] = mapping.level_of[setting.code]
        match[position] = mapping.match_of[setting.code]
    return level, match
