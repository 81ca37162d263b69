"""ASAM Criteria, 3rd edition (2013): level numbers and names [ASAM3].

Ten treatment levels (0.5 to 4) and five withdrawal-management (WM) levels.
FACTS gives the WM codes only; their names come from state documents that
quote the 3rd edition: NC Medicaid for 1-WM and 2-WM [NC-WM], the Oregon
rules for 3.2-WM and 3.7-WM [OAR-WM].  The name of 4-WM was found only as
public repositories encode it and ships unverified.

Treatment-level names end in "Services" (e.g. "Intensive Outpatient
Services"), as secondary sources quote the 3rd edition; the names without it
stay aliases.  For adolescents, 3.5 and 3.7 have their own names, also
aliases.  Office-based opioid treatment (1-OBOT) sits beside the opioid
treatment program (1-OTP) at level 1.

Ranks are the level numbers, which ASAM assigns in order of intensity; levels
sharing a number tie and sort by code.  Setting, 24-hour care and management
come from the level names where they state them; each level's ``note`` says
where they are a reading instead.  No placement criteria are included.
"""

from __future__ import annotations

from typing import Any

from ._data import asam_rank, make_level
from ._framework import Framework
from ._model import CareLevel, Management, Setting

__all__ = ["ASAM3"]

_FW = "asam3"
_AMB, _RES, _HOSP = Setting.AMBULATORY, Setting.RESIDENTIAL, Setting.HOSPITAL
_CM, _MMON, _MMAN = (
    Management.CLINICALLY_MANAGED,
    Management.MEDICALLY_MONITORED,
    Management.MEDICALLY_MANAGED,
)
_BAND_1 = "ambulatory setting is a reading: level 1 of the numbering is Outpatient Services"
_BAND_3 = (
    "the name says inpatient; residential setting is a reading: 3.x is the residential band "
    "of the numbering, and the 4th edition names its 3.7 Medically Managed Residential [ASAM4]"
)
_BAND_4 = "hospital setting is a reading of 'inpatient' at the top level of the numbering"
_ADOLESCENT = "For adolescents the 3rd edition names this level {!r} [ASAM3]."
_ADOLESCENT_35 = "Clinically Managed Medium-Intensity Residential Services"
_ADOLESCENT_37 = "Medically Monitored High-Intensity Inpatient Services"


def _level(code: str, name: str, setting: Setting, **kw: Any) -> CareLevel:
    kw.setdefault("sources", ("ASAM3",))
    return make_level(_FW, code, name, setting, rank=asam_rank(code), **kw)


_LEVELS = (
    _level(
        "0.5",
        "Early Intervention",
        _AMB,
        aliases=("level 0.5",),
        note="the name states no setting; ambulatory is a reading: it ranks below level 1, "
        "Outpatient Services",
    ),
    _level("1", "Outpatient Services", _AMB, aliases=("1.0", "level 1", "outpatient", "OP")),
    _level(
        "1-OBOT",
        "Office-Based Opioid Treatment",
        _AMB,
        aliases=("OBOT", "1.0-OBOT"),
        description="Opioid treatment in an office setting, beside the opioid treatment "
        "program at level 1 [ASAM3].",
        note="the code 1-OBOT is the library's, formed like 1-OTP; " + _BAND_1,
    ),
    _level(
        "1-OTP",
        "Opioid Treatment Program",
        _AMB,
        aliases=("OTP", "1.0-OTP"),
        note="the name states no setting; " + _BAND_1,
    ),
    _level(
        "1-WM",
        "Ambulatory Withdrawal Management without Extended On-Site Monitoring",
        _AMB,
        aliases=("1.0-WM",),
        description="Ambulatory withdrawal management, named as NC Medicaid quotes the 3rd "
        "edition [NC-WM].",
        sources=("ASAM3", "NC-WM"),
    ),
    _level(
        "2-WM",
        "Ambulatory Withdrawal Management with Extended On-Site Monitoring",
        _AMB,
        aliases=("2.0-WM",),
        description="Ambulatory withdrawal management with extended on-site monitoring, named "
        "as NC Medicaid quotes the 3rd edition [NC-WM].",
        sources=("ASAM3", "NC-WM"),
    ),
    _level(
        "2.1",
        "Intensive Outpatient Services",
        _AMB,
        aliases=("Intensive Outpatient", "IOP", "level 2.1"),
    ),
    _level(
        "2.5",
        "Partial Hospitalization Services",
        _AMB,
        aliases=("Partial Hospitalization", "PHP", "level 2.5"),
        note="ambulatory setting is a reading: partial hospitalization is a less-than-24-hour "
        "service [HCPCS] in the outpatient band 2 of the numbering",
        sources=("ASAM3", "HCPCS"),
    ),
    _level(
        "3.1",
        "Clinically Managed Low-Intensity Residential Services",
        _RES,
        management=_CM,
        aliases=("Clinically Managed Low-Intensity Residential", "level 3.1"),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.2-WM",
        "Clinically Managed Residential Withdrawal Management",
        _RES,
        management=_CM,
        description="Residential withdrawal management, named as the Oregon rules quote the "
        "3rd edition [OAR-WM].",
        sources=("ASAM3", "OAR-WM"),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.3",
        "Clinically Managed Population-Specific High-Intensity Residential Services",
        _RES,
        management=_CM,
        aliases=("Clinically Managed Population-Specific High-Intensity Residential", "level 3.3"),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.5",
        "Clinically Managed High-Intensity Residential Services",
        _RES,
        management=_CM,
        aliases=("Clinically Managed High-Intensity Residential", _ADOLESCENT_35, "level 3.5"),
        description=_ADOLESCENT.format(_ADOLESCENT_35),
        note="24-hour care is a reading of 'residential'",
    ),
    _level(
        "3.7",
        "Medically Monitored Intensive Inpatient Services",
        _RES,
        management=_MMON,
        aliases=("Medically Monitored Intensive Inpatient", _ADOLESCENT_37, "level 3.7"),
        description=_ADOLESCENT.format(_ADOLESCENT_37),
        note=_BAND_3,
        sources=("ASAM3", "ASAM4"),
    ),
    _level(
        "3.7-WM",
        "Medically Monitored Inpatient Withdrawal Management",
        _RES,
        management=_MMON,
        description="Withdrawal management at level 3.7, named as the Oregon rules quote the "
        "3rd edition [OAR-WM].",
        note=_BAND_3,
        sources=("ASAM3", "OAR-WM", "ASAM4"),
    ),
    _level(
        "4",
        "Medically Managed Intensive Inpatient Services",
        _HOSP,
        management=_MMAN,
        aliases=("Medically Managed Intensive Inpatient", "4.0", "level 4"),
        note=_BAND_4,
    ),
    _level(
        "4-WM",
        "Medically Managed Intensive Inpatient Withdrawal Management",
        _HOSP,
        management=_MMAN,
        aliases=("4.0-WM",),
        verified=False,
        note="name unverified: found only as several public code repositories encode it (no "
        "primary or state text seen); it is level 4's name with 'Withdrawal Management' in place "
        "of 'Services'. " + _BAND_4,
    ),
)

ASAM3 = Framework(
    code=_FW,
    name="ASAM Criteria, 3rd edition",
    aliases=(
        "ASAM 3rd edition",
        "ASAM3",
        "ASAM 3",
        "ASAM third edition",
        "ASAM Criteria 3rd edition",
        "ASAM 2013",
    ),
    levels=_LEVELS,
    description=(
        "The 2013 ASAM Criteria: treatment levels 0.5 to 4 (with OTP and OBOT beside level 1) "
        "and five withdrawal-management levels (1-WM, 2-WM, 3.2-WM, 3.7-WM, 4-WM), ranked by "
        "their numbers. Level numbers "
        "and names only; the criteria's assessment questions and decision rules are licensed "
        "content and are not included."
    ),
    sources=("ASAM3", "NC-WM", "OAR-WM"),
)
