"""Crosswalks between the ASAM Criteria's 3rd (2013) and 4th (2023) editions.

Cross-edition mappings are lossy [ASAM4]: 0.5 and 3.3 are not in the 4th
edition's level list, 2.5 changes its name (Partial Hospitalization → High-
Intensity Outpatient), and the stand-alone withdrawal-management (WM) levels
are gone — WM folds into 1.7, 2.7, 3.7 and 4.  Even levels that keep their
number and name are matched by that number and name only: the editions'
criteria are not compared here (they are licensed content).
"""

from __future__ import annotations

from ._crosswalk import Crosswalk
from ._data import approx, exact, no_match

__all__ = ["ASAM3_TO_ASAM4", "ASAM4_TO_ASAM3"]

_BOTH = ("ASAM3", "ASAM4")
_SAME = "same number and name in both editions (the 3rd edition adds 'Services')"
_FOLDED = "the stand-alone WM level: the 4th edition folds withdrawal management into {}"
_NOT_ONLY_WM = "{} is not only withdrawal management"
_RENAMED = "the name: {} in the 3rd edition, {} in the 4th"
_PHP_NAME = _RENAMED.format("Partial Hospitalization Services", "High-Intensity Outpatient")
_37_NAME = _RENAMED.format(
    "Medically Monitored Intensive Inpatient Services", "Medically Managed Residential"
)
_4_NAME = _RENAMED.format(
    "Medically Managed Intensive Inpatient Services", "Medically Managed Inpatient"
)
_LOSSY = (
    "Cross-edition mappings are lossy: match by level number and name only, since the "
    "editions' criteria are not compared."
)

ASAM3_TO_ASAM4 = Crosswalk(
    source_framework="asam3",
    target_framework="asam4",
    mappings=(
        no_match("0.5", "the 4th edition's level list has no 0.5 (early intervention)", *_BOTH),
        approx(
            "1",
            "1.5",
            "the 4th edition splits level 1 into 1.0 Long-Term Remission Monitoring, 1.5 "
            "Outpatient Therapy and 1.7 Medically Managed Outpatient",
            *_BOTH,
        ),
        no_match(
            "1-OTP",
            "the 4th edition's level list has no opioid-treatment-program level",
            *_BOTH,
            verified=False,
            note="where the 4th edition places opioid treatment program services is not in "
            "the sources",
        ),
        no_match(
            "1-OBOT",
            "the 4th edition's level list has no office-based-opioid-treatment level",
            *_BOTH,
            verified=False,
            note="where the 4th edition places office-based opioid treatment is not in the sources",
        ),
        approx("1-WM", "1.7", _FOLDED.format("1.7, a medically managed level"), *_BOTH, "NC-WM"),
        approx("2-WM", "2.7", _FOLDED.format("2.7, a medically managed level"), *_BOTH, "NC-WM"),
        exact("2.1", "2.1", *_BOTH, note=_SAME),
        approx("2.5", "2.5", _PHP_NAME, *_BOTH),
        exact("3.1", "3.1", *_BOTH, note=_SAME),
        approx(
            "3.2-WM",
            "3.7",
            _FOLDED.format("3.7")
            + "; and clinical management: 3.7 is medically managed, a step up",
            *_BOTH,
            "OAR-WM",
            verified=False,
            note="the library's judgment: 3.7 is the only residential level into which the "
            "4th edition folds withdrawal management",
        ),
        no_match(
            "3.3",
            "3.3 is gone in the 4th edition; the sources do not say where its "
            "population-specific care goes",
            *_BOTH,
        ),
        exact("3.5", "3.5", *_BOTH, note=_SAME),
        approx("3.7", "3.7", _37_NAME + ": medically monitored becomes medically managed", *_BOTH),
        approx("3.7-WM", "3.7", _FOLDED.format("3.7"), *_BOTH, "OAR-WM"),
        approx("4", "4", _4_NAME, *_BOTH),
        approx("4-WM", "4", _FOLDED.format("4"), *_BOTH),
    ),
    description="ASAM 3rd edition to 4th edition. " + _LOSSY,
    sources=(*_BOTH, "NC-WM", "OAR-WM"),
)

ASAM4_TO_ASAM3 = Crosswalk(
    source_framework="asam4",
    target_framework="asam3",
    mappings=(
        approx(
            "1.0",
            "1",
            "the 3rd edition has no remission-monitoring level",
            *_BOTH,
            verified=False,
            note="the library's judgment: the nearest 3rd-edition level",
        ),
        approx(
            "1.5",
            "1",
            "the 3rd edition's level 1 also takes in what the 4th separates as 1.0 and 1.7",
            *_BOTH,
        ),
        approx(
            "1.7",
            "1",
            "medical management: the 3rd edition's Outpatient Services does not name it",
            *_BOTH,
            note="by the 'Outpatient' in its name",
        ),
        approx("1.7", "1-WM", _NOT_ONLY_WM.format("1.7"), *_BOTH, "NC-WM"),
        exact("2.1", "2.1", *_BOTH, note=_SAME),
        approx("2.5", "2.5", _PHP_NAME, *_BOTH),
        approx(
            "2.7",
            "2.1",
            "medical management and withdrawal management: the 3rd edition has no medically "
            "managed intensive outpatient level",
            *_BOTH,
            note="by the 'Intensive Outpatient' in its name",
        ),
        approx("2.7", "2-WM", _NOT_ONLY_WM.format("2.7"), *_BOTH, "NC-WM"),
        exact("3.1", "3.1", *_BOTH, note=_SAME),
        exact("3.5", "3.5", *_BOTH, note=_SAME),
        approx("3.7", "3.7", _37_NAME + ": medically managed becomes medically monitored", *_BOTH),
        approx("3.7", "3.7-WM", _NOT_ONLY_WM.format("3.7"), *_BOTH, "OAR-WM"),
        approx("4", "4", _4_NAME, *_BOTH),
        approx("4", "4-WM", _NOT_ONLY_WM.format("4"), *_BOTH),
    ),
    description="ASAM 4th edition to 3rd edition. " + _LOSSY,
    sources=(*_BOTH, "NC-WM", "OAR-WM"),
)
