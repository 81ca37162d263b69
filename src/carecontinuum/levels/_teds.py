"""TEDS service settings: the ``SERVICES`` / ``SERVICES_D`` codes 1–8 [TEDS].

The Treatment Episode Data Set codes the service setting at admission
(``SERVICES``) and at discharge (``SERVICES_D``; ``SERVSETD`` in the 2006–2014
codebooks) with the same eight values.  Names are the TEDS-D codebooks' exact
labels (firmness P: checked against the 2015–2019 codebook value tables
[TEDS-D-CB]; C before that, identical in six or more public repositories).
The codebook value ``-9`` means *missing*: it is not a service setting and is
not a level here, so ``level("-9", framework="teds")`` raises
:class:`~carecontinuum.UnknownLevelError`; map it to ``None`` in your own
data handling.

**TEDS has no separate partial-hospitalization code** [TEDS]: PHP-like care
is reported as 6, intensive outpatient.  So 6 maps to the continuum's
``intensive_outpatient`` approximately, no TEDS level maps to
``partial_hospitalization``, and that level carries 6 as an approximate code.

TEDS numbers its codes by setting, not by intensity.  Ranks here follow the
setting (ambulatory < residential < hospital) and, among ambulatory codes,
non-intensive < intensive; TEDS does not order detox against rehabilitation,
nor short against long residential stays, so those tie (and sort by code).
"""

from __future__ import annotations

from typing import Any

from ._data import make_level
from ._framework import Framework
from ._model import CareLevel, Setting

__all__ = ["TEDS"]

_FW = "teds"
_AMB, _RES, _HOSP = Setting.AMBULATORY, Setting.RESIDENTIAL, Setting.HOSPITAL
_RESIDENTIAL_24H = "24-hour care is a reading of 'residential'"
_RANK = {"7": 0.0, "6": 1.0, "8": 1.0, "2": 2.0, "4": 2.0, "5": 2.0, "1": 3.0, "3": 3.0}


def _level(code: str, name: str, setting: Setting, **kw: Any) -> CareLevel:
    kw.setdefault("sources", ("TEDS", "TEDS-D-CB"))
    aliases = (f"TEDS {code}", *kw.pop("aliases", ()))
    return make_level(_FW, code, name, setting, rank=_RANK[code], aliases=aliases, **kw)


_LEVELS = tuple(
    sorted(
        (
            _level("1", "Detox, 24-hour, hospital inpatient", _HOSP, aliases=("hospital detox",)),
            _level(
                "2",
                "Detox, 24-hour, free-standing residential",
                _RES,
                aliases=("residential detox",),
            ),
            _level(
                "3",
                "Rehab/residential, hospital (non-detox)",
                _HOSP,
                aliases=("hospital rehab",),
                note=_RESIDENTIAL_24H,
            ),
            _level(
                "4",
                "Rehab/residential, short term (30 days or fewer)",
                _RES,
                aliases=("short-term residential",),
                description="Typically 30 days or fewer [TEDS].",
                note=_RESIDENTIAL_24H,
            ),
            _level(
                "5",
                "Rehab/residential, long term (more than 30 days)",
                _RES,
                aliases=("long-term residential",),
                description="Typically more than 30 days [TEDS].",
                note=_RESIDENTIAL_24H,
            ),
            _level(
                "6",
                "Ambulatory, intensive outpatient",
                _AMB,
                aliases=("intensive outpatient", "IOP"),
                description="TEDS defines intensive outpatient as at least 2 hours a day on at "
                "least 3 days a week [TEDS]. TEDS has no separate partial-hospitalization code, "
                "so PHP-like care is reported here too.",
            ),
            _level(
                "7",
                "Ambulatory, non-intensive outpatient",
                _AMB,
                aliases=("non-intensive outpatient", "outpatient", "OP"),
            ),
            _level(
                "8",
                "Ambulatory, detoxification",
                _AMB,
                aliases=("ambulatory detox",),
                note="ranked with intensive outpatient: TEDS does not order ambulatory detox "
                "against it",
            ),
        )
    )
)

TEDS = Framework(
    code=_FW,
    name="TEDS service settings",
    aliases=(
        "TEDS",
        "SERVICES",
        "SERVICES_D",
        "SERVSETD",
        "Treatment Episode Data Set",
        "TEDS services",
    ),
    levels=_LEVELS,
    description=(
        "The eight service-setting codes of SAMHSA's Treatment Episode Data Set (SERVICES at "
        "admission, SERVICES_D at discharge; SERVSETD in the 2006–2014 codebooks). -9 (missing) "
        "is not a level. TEDS has no separate partial-hospitalization code: PHP-like care is "
        "reported as 6. Ranked by setting, then intensive over non-intensive "
        "outpatient; codes TEDS does not order tie."
    ),
    sources=("TEDS", "TEDS-D-CB"),
)
