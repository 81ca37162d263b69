"""ASAM Criteria, 4th edition (2023): level numbers and names [ASAM4].

Ten levels from 1.0 to 4, as encoded consistently in public repositories and
the UCLA ISAP guide (firmness C).  Compared with the 3rd edition, 2.5 High-
Intensity Outpatient replaces the partial-hospitalization name, 3.3 and the
stand-alone withdrawal-management (WM) levels are gone, and WM folds into
1.7, 2.7, 3.7 and 4.  Management (clinically managed, medically managed) is an
axis separate from setting.

Ranks are the level numbers.  The hour ranges often repeated for 2.1 and 2.5
(9–19 and ≥ 20 h/week) are unverified and are not shipped here; thresholds
belong to intensity rule sets anyway.  No placement criteria are included.
"""

from __future__ import annotations

from typing import Any

from ._data import asam_rank, make_level
from ._framework import Framework
from ._model import CareLevel, Management, Setting

__all__ = ["ASAM4"]

_FW = "asam4"
_AMB, _RES, _HOSP = Setting.AMBULATORY, Setting.RESIDENTIAL, Setting.HOSPITAL
_CM, _MMAN = Management.CLINICALLY_MANAGED, Management.MEDICALLY_MANAGED
_WM = "Withdrawal management folds into this level in the 4th edition [ASAM4]."


def _level(code: str, name: str, setting: Setting, **kw: Any) -> CareLevel:
    kw.setdefault("sources", ("ASAM4",))
    return make_level(_FW, code, name, setting, rank=asam_rank(code), **kw)


_LEVELS = (
    _level(
        "1.0",
        "Long-Term Remission Monitoring",
        _AMB,
        aliases=("1", "level 1.0"),
        note="the name states no setting; ambulatory is a reading: it is the lowest level, "
        "below 1.5 Outpatient Therapy",
    ),
    _level("1.5", "Outpatient Therapy", _AMB, aliases=("level 1.5", "outpatient", "OP")),
    _level(
        "1.7",
        "Medically Managed Outpatient",
        _AMB,
        management=_MMAN,
        aliases=("level 1.7",),
        description=_WM,
    ),
    _level("2.1", "Intensive Outpatient", _AMB, aliases=("IOP", "level 2.1")),
    _level(
        "2.5",
        "High-Intensity Outpatient",
        _AMB,
        aliases=("level 2.5", "PHP", "Partial Hospitalization"),
        description="Replaces the 3rd edition's partial-hospitalization name [ASAM4]; "
        "'PHP' finds it as an alias.",
    ),
    _level(
        "2.7",
        "Medically Managed Intensive Outpatient",
        _AMB,
        management=_MMAN,
        aliases=("level 2.7",),
        description=_WM,
    ),
    _level(
        "3.1",
        "Clinically Managed Low-Intensity Residential",
        _RES,
        management=_CM,
        aliases=("level 3.1",),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.5",
        "Clinically Managed High-Intensity Residential",
        _RES,
        management=_CM,
        aliases=("level 3.5",),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.7",
        "Medically Managed Residential",
        _RES,
        management=_MMAN,
        aliases=("level 3.7",),
        description=_WM,
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "4",
        "Medically Managed Inpatient",
        _HOSP,
        management=_MMAN,
        aliases=("4.0", "level 4"),
        description=_WM,
        note="hospital setting is a reading of 'inpatient' at the top level of the numbering",
    ),
)

ASAM4 = Framework(
    code=_FW,
    name="ASAM Criteria, 4th edition",
    aliases=(
        "ASAM 4th edition",
        "ASAM4",
        "ASAM 4",
        "ASAM fourth edition",
        "ASAM Criteria 4th edition",
        "ASAM 2023",
    ),
    levels=_LEVELS,
    description=(
        "The 2023 ASAM Criteria: levels 1.0 to 4, ranked by their numbers. 2.5 High-"
        "Intensity Outpatient replaces the partial-hospitalization name; 3.3 and the "
        "stand-alone withdrawal-management levels are gone, and withdrawal management folds "
        "into 1.7, 2.7, 3.7 and 4. Level numbers and names only; no criteria text."
    ),
    sources=("ASAM4",),
)
