"""Small builders that keep the built-in framework and crosswalk tables short."""

from __future__ import annotations

from ._crosswalk import LevelMapping, MatchKind
from ._model import CareLevel, Management, Setting

__all__ = ["approx", "asam_rank", "exact", "make_level", "no_match"]


def make_level(
    framework: str,
    code: str,
    name: str,
    setting: Setting,
    *,
    rank: float,
    sources: tuple[str, ...],
    twenty_four_hour: bool | None = None,
    management: Management | None = None,
    aliases: tuple[str, ...] = (),
    description: str = "",
    verified: bool = True,
    note: str = "",
) -> CareLevel:
    """A level of a built-in framework; its name is also an alias.

    ``twenty_four_hour`` defaults to "not ambulatory": residential and hospital
    levels are 24-hour levels.
    """
    return CareLevel(
        code=code,
        name=name,
        framework=framework,
        rank=rank,
        setting=setting,
        twenty_four_hour=setting is not Setting.AMBULATORY
        if twenty_four_hour is None
        else twenty_four_hour,
        management=management,
        aliases=(name, *aliases),
        description=description,
        sources=sources,
        verified=verified,
        note=note,
    )


def asam_rank(code: str) -> float:
    """The intensity rank of an ASAM level code: its number (``"3.2-WM"`` → 3.2).

    ASAM numbers its levels in order of intensity; levels sharing a number
    (``1``, ``1-OTP``, ``1-WM``) tie and are ordered by code.

    Examples
    --------
    >>> asam_rank("3.2-WM"), asam_rank("1-OTP"), asam_rank("4")
    (3.2, 1.0, 4.0)
    """
    return float(code.split("-", 1)[0])


def exact(source: str, target: str, *sources: str, note: str = "") -> LevelMapping:
    """An exact mapping: same level, same meaning."""
    return LevelMapping(
        source=source, target=target, match=MatchKind.EXACT, note=note, sources=sources
    )


def approx(
    source: str, target: str, lost: str, *sources: str, verified: bool = True, note: str = ""
) -> LevelMapping:
    """An approximate mapping that says what it loses."""
    return LevelMapping(
        source=source,
        target=target,
        match=MatchKind.APPROXIMATE,
        lost=lost,
        note=note,
        sources=sources,
        verified=verified,
    )


def no_match(
    source: str, lost: str, *sources: str, verified: bool = True, note: str = ""
) -> LevelMapping:
    """A level with no counterpart in the target framework."""
    return LevelMapping(
        source=source,
        match=MatchKind.NONE,
        lost=lost,
        note=note,
        sources=sources,
        verified=verified,
    )
