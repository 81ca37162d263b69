"""LOCUS, the Level of Care Utilization System (AACP, adult version 20): levels 0–6 [LOCUS].

Level names are consistent across public sources (firmness C).  LOCUS places a
person from seven ratings of 1–5 (composite 7–35); the grid from composite
score to level and its single-rating overrides are unverified, so **no
placement algorithm is shipped** — only the levels.  Minnesota requires LOCUS
level 4 for adult partial hospitalization [LOCUS].  CALOCUS-CASII (ages 6–18)
and ECSII (0–5) are separate instruments, not included.

Ranks are the level numbers.  Setting and management come from the names
where they state them ("Non-Residential", "Residential", "Medically
Monitored"); each level's ``note`` says where they are a reading instead.
"""

from __future__ import annotations

from typing import Any

from ._data import make_level
from ._framework import Framework
from ._model import CareLevel, Management, Setting

__all__ = ["LOCUS"]

_FW = "locus"
_AMB, _RES, _HOSP = Setting.AMBULATORY, Setting.RESIDENTIAL, Setting.HOSPITAL
_COMMUNITY = "ambulatory setting is a reading of 'community based'"
_BELOW = (
    "the name states no setting; ambulatory is a reading: the level ranks below the "
    "'community based' levels 2 and 3"
)


def _level(code: str, name: str, setting: Setting, **kw: Any) -> CareLevel:
    kw.setdefault("sources", ("LOCUS",))
    aliases = (f"level {code}", f"LOCUS {code}", *kw.pop("aliases", ()))
    return make_level(_FW, code, name, setting, rank=float(code), aliases=aliases, **kw)


_LEVELS = (
    _level(
        "0",
        "Basic Services",
        _AMB,
        aliases=("Basic Services for Prevention and Maintenance",),
        description="Also written 'Basic Services for Prevention and Maintenance' [LOCUS].",
        note=_BELOW,
    ),
    _level(
        "1",
        "Recovery Maintenance and Health Management",
        _AMB,
        note=_BELOW,
    ),
    _level("2", "Low Intensity Community Based Services", _AMB, note=_COMMUNITY),
    _level("3", "High Intensity Community Based Services", _AMB, note=_COMMUNITY),
    _level(
        "4",
        "Medically Monitored Non-Residential Services",
        _AMB,
        management=Management.MEDICALLY_MONITORED,
        description="Minnesota requires LOCUS level 4 for adult partial hospitalization [LOCUS].",
    ),
    _level(
        "5",
        "Medically Monitored Residential Services",
        _RES,
        management=Management.MEDICALLY_MONITORED,
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "6",
        "Medically Managed Residential Services",
        _HOSP,
        management=Management.MEDICALLY_MANAGED,
        sources=("LOCUS", "LOCUS-GPS"),
        verified=False,
        note="setting unverified: the name says residential, but a provider's gloss says "
        "this level is usually provided in an inpatient unit [LOCUS-GPS]; hospital is the "
        "library's reading for the top, medically managed level",
    ),
)

LOCUS = Framework(
    code=_FW,
    name="LOCUS levels of care",
    aliases=("LOCUS", "Level of Care Utilization System", "LOCUS levels"),
    levels=_LEVELS,
    description=(
        "The seven levels of the Level of Care Utilization System (adult version 20), 0 Basic "
        "Services to 6 Medically Managed Residential Services, ranked by their numbers. Levels "
        "only: the composite-score-to-level grid is unverified and no placement algorithm is "
        "included."
    ),
    sources=("LOCUS",),
)
