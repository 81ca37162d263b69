"""Crosswalks from ASAM 3rd / 4th edition, LOCUS and TEDS to the default continuum.

The continuum has five levels [SEED]; the other frameworks split care more
finely (by management, withdrawal management, stay length), so most mappings
are approximate and say what they lose.  A mapping that is the library's own
judgment, with no source behind it, is marked ``verified=False`` with a note.
"""

from __future__ import annotations

from ._crosswalk import Crosswalk
from ._data import approx, exact, no_match

__all__ = [
    "ASAM3_TO_CONTINUUM",
    "ASAM4_TO_CONTINUUM",
    "LOCUS_TO_CONTINUUM",
    "TEDS_TO_CONTINUUM",
]

_OP, _IOP, _PHP = "outpatient", "intensive_outpatient", "partial_hospitalization"
_RES, _ACUTE = "residential", "inpatient_acute"

_NO_WM = "withdrawal management: the continuum has no withdrawal-management level"
_ONE_RES = "the continuum has a single residential level"
_LEVEL_4 = (
    "the continuum's inpatient acute level is described as psychiatric crisis care [SEED]; "
    "ASAM level 4 is medically managed inpatient care, not defined as crisis care"
)
_JUDGMENT = "the library's judgment: the nearest continuum level; no source maps this level"
_TIP47_LEVELS = (
    "TIP 47 places intensive outpatient and partial hospitalization at ASAM level II (II.1 "
    "and II.5) and outpatient services at level I"
)

ASAM3_TO_CONTINUUM = Crosswalk(
    source_framework="asam3",
    target_framework="continuum",
    mappings=(
        approx(
            "0.5",
            _OP,
            "the continuum has no level below outpatient treatment; early intervention is "
            "counted as outpatient",
            "ASAM3",
            verified=False,
            note=_JUDGMENT,
        ),
        exact("1", _OP, "ASAM3", "TIP47", note=_TIP47_LEVELS),
        *(
            approx(
                otp,
                _OP,
                f"{service} as a distinct service; the continuum does not separate it from "
                "other outpatient care",
                "ASAM3",
                note="level 1 of the ASAM numbering is Outpatient Services",
            )
            for otp, service in (
                ("1-OTP", "the opioid treatment program"),
                ("1-OBOT", "office-based opioid treatment"),
            )
        ),
        approx("1-WM", _OP, _NO_WM, "ASAM3", "NC-WM", note="ambulatory WM at level 1"),
        *(
            approx(
                "2-WM",
                target,
                _NO_WM + "; and whether it runs at IOP or PHP intensity",
                "ASAM3",
                "NC-WM",
                verified=False,
                note="the library's judgment: 2-WM is ambulatory WM at level 2, which spans "
                "2.1 (IOP) and 2.5 (PHP), so it maps to both",
            )
            for target in (_IOP, _PHP)
        ),
        exact("2.1", _IOP, "ASAM3", "TIP47", note=_TIP47_LEVELS),
        exact("2.5", _PHP, "ASAM3", "TIP47", note=_TIP47_LEVELS),
        approx("3.1", _RES, "low intensity and clinical management; " + _ONE_RES, "ASAM3"),
        approx("3.2-WM", _RES, _NO_WM + "; clinical management", "ASAM3", "OAR-WM"),
        approx(
            "3.3",
            _RES,
            "the population-specific focus and high intensity; " + _ONE_RES,
            "ASAM3",
        ),
        approx("3.5", _RES, "high intensity and clinical management; " + _ONE_RES, "ASAM3"),
        approx(
            "3.7",
            _RES,
            "medical monitoring; " + _ONE_RES,
            "ASAM3",
            "ASAM4",
            note="named inpatient, but in the residential band of the numbering; the 4th "
            "edition calls its 3.7 residential",
        ),
        approx("3.7-WM", _RES, _NO_WM + "; medical monitoring", "ASAM3", "OAR-WM", "ASAM4"),
        approx("4", _ACUTE, _LEVEL_4, "ASAM3", "SEED"),
        approx("4-WM", _ACUTE, _NO_WM + "; " + _LEVEL_4, "ASAM3", "SEED"),
    ),
    description=(
        "ASAM 3rd edition to the continuum. 1, 2.1 and 2.5 match outpatient, IOP and PHP; the "
        "residential and withdrawal-management levels collapse into the continuum's single "
        "residential and inpatient levels."
    ),
    sources=("ASAM3", "TIP47", "SEED", "NC-WM", "OAR-WM"),
)

ASAM4_TO_CONTINUUM = Crosswalk(
    source_framework="asam4",
    target_framework="continuum",
    mappings=(
        approx(
            "1.0",
            _OP,
            "remission monitoring is lighter than outpatient treatment; the continuum has no "
            "level for it",
            "ASAM4",
            verified=False,
            note=_JUDGMENT,
        ),
        exact("1.5", _OP, "ASAM4", note="by the name: Outpatient Therapy"),
        approx(
            "1.7",
            _OP,
            "medical management, and the withdrawal management the 4th edition folds into 1.7",
            "ASAM4",
        ),
        exact("2.1", _IOP, "ASAM4", note="by the name: Intensive Outpatient"),
        approx(
            "2.5",
            _PHP,
            "the name: the 4th edition calls the level High-Intensity Outpatient, and the "
            "sources do not say whether its scope changed with the name",
            "ASAM4",
        ),
        approx(
            "2.7",
            _IOP,
            "medical management and the folded-in withdrawal management; 2.7 ranks above 2.5 "
            "in the 4th edition",
            "ASAM4",
            note="by the 'Intensive Outpatient' in its name",
        ),
        approx("3.1", _RES, "low intensity and clinical management; " + _ONE_RES, "ASAM4"),
        approx("3.5", _RES, "high intensity and clinical management; " + _ONE_RES, "ASAM4"),
        approx(
            "3.7",
            _RES,
            "medical management and the folded-in withdrawal management; " + _ONE_RES,
            "ASAM4",
        ),
        approx(
            "4", _ACUTE, _LEVEL_4 + "; and the folded-in withdrawal management", "ASAM4", "SEED"
        ),
    ),
    description=(
        "ASAM 4th edition to the continuum. 1.5 and 2.1 match outpatient and IOP; 2.5 is the "
        "renamed PHP level; the medically managed levels (1.7, 2.7, 3.7, 4), which also carry "
        "withdrawal management, lose that in the continuum."
    ),
    sources=("ASAM4", "SEED"),
)

_LOCUS_PLACEMENT = "LOCUS levels describe the intensity a person needs, not a program type"

LOCUS_TO_CONTINUUM = Crosswalk(
    source_framework="locus",
    target_framework="continuum",
    mappings=(
        no_match(
            "0",
            "basic services are not a treatment level; the continuum starts at outpatient "
            "treatment",
            "LOCUS",
            verified=False,
            note="the library's judgment from the level name; no source maps LOCUS 0",
        ),
        approx(
            "1",
            _OP,
            "recovery maintenance is lighter than outpatient treatment; " + _LOCUS_PLACEMENT,
            "LOCUS",
            verified=False,
            note=_JUDGMENT,
        ),
        approx(
            "2",
            _OP,
            _LOCUS_PLACEMENT,
            "LOCUS",
            "LOCUS-GPS",
            note="a provider glosses level 2 as traditional office-based outpatient care "
            "(secondary source)",
        ),
        approx(
            "3",
            _IOP,
            _LOCUS_PLACEMENT,
            "LOCUS",
            "LOCUS-GPS",
            note="a provider glosses level 3 as what is sometimes called intensive outpatient "
            "care (secondary source)",
        ),
        approx(
            "4",
            _PHP,
            "LOCUS 4 is defined by medical monitoring, not by a schedule: Minnesota requires "
            "it for adult PHP, which does not make every level-4 service a PHP",
            "LOCUS",
            "LOCUS-GPS",
            note="Minnesota requires LOCUS level 4 for adult partial hospitalization [LOCUS]",
        ),
        approx(
            "5",
            _RES,
            "medical monitoring; " + _LOCUS_PLACEMENT,
            "LOCUS",
            "LOCUS-GPS",
            note="a provider glosses level 5 as crisis or other high-intensity residential "
            "care (secondary source)",
        ),
        approx(
            "6",
            _ACUTE,
            "the level's name says residential; " + _LOCUS_PLACEMENT,
            "LOCUS",
            "LOCUS-GPS",
            note="a provider glosses level 6 as usually provided in an inpatient unit "
            "(secondary source)",
        ),
    ),
    description=(
        "LOCUS levels to the continuum: every mapping is approximate, because a LOCUS level "
        "is a placement (the intensity a person needs), not a program type. Level 4 → PHP "
        "rests on Minnesota's rule; levels 2–6 also on a provider's gloss (secondary); levels "
        "0 and 1 are the library's judgment."
    ),
    sources=("LOCUS", "LOCUS-GPS"),
)

_DETOX = "detox only: the continuum has no withdrawal-management level"

TEDS_TO_CONTINUUM = Crosswalk(
    source_framework="teds",
    target_framework="continuum",
    mappings=(
        approx("1", _ACUTE, _DETOX, "TEDS"),
        approx("2", _RES, _DETOX, "TEDS"),
        approx(
            "3",
            _ACUTE,
            "hospital rehabilitation is not necessarily crisis care [SEED]; the continuum has a "
            "single hospital level",
            "TEDS",
            "SEED",
        ),
        approx("4", _RES, "the short-term stay (typically 30 days or fewer); " + _ONE_RES, "TEDS"),
        approx("5", _RES, "the long-term stay (typically more than 30 days); " + _ONE_RES, "TEDS"),
        approx(
            "6",
            _IOP,
            "TEDS has no partial-hospitalization code, so PHP-like (day treatment) care is also "
            "reported as 6: a TEDS 6 episode may have been a PHP",
            "TEDS",
            note="TEDS defines 6 as at least 2 hours a day on 3 or more days a week; no TEDS "
            "code maps to partial_hospitalization",
        ),
        exact("7", _OP, "TEDS"),
        no_match(
            "8",
            "ambulatory detox: the continuum has no withdrawal-management level, and TEDS does "
            "not say how intensive the service is",
            "TEDS",
            verified=False,
            note="the library's judgment: no continuum level is a fair counterpart",
        ),
    ),
    description=(
        "TEDS service settings to the continuum. TEDS has no separate partial-hospitalization "
        "code: PHP-like care is reported as 6, which maps to IOP approximately, and no TEDS "
        "level maps to partial_hospitalization. Detox settings lose their "
        "withdrawal-management meaning; ambulatory detox (8) has no counterpart. -9 (missing) "
        "is not a level and is not mapped."
    ),
    sources=("TEDS", "SEED"),
)
