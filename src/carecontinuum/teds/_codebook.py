"""The TEDS-D codebook as data: LOS codes, service settings, discharge reasons, columns, labels.

Everything here comes from SAMHSA's TEDS-D public-use-file codebooks 2015–2019
[TEDS-D-CB] (the same codes as in [TEDS]).  The value labels and frequencies of
every column are in :mod:`._values`.

Examples
--------
>>> LOS_CODES[30]
LosCode(31, 31–45 days)
>>> LOS_CODES[-1].max_days is None
True
>>> los_code(46)
32
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .._checks import not_bool
from .._text import echo
from ._errors import TedsValueError

__all__ = [
    "AMBULATORY_SETTINGS",
    "CODEBOOK_YEARS",
    "COLUMNS_2015_2016",
    "COLUMNS_2017",
    "DISCHARGE_REASONS",
    "LOS_CODES",
    "MISSING",
    "SERVICE_SETTINGS",
    "CodedValue",
    "Layout",
    "LosCode",
    "layout_columns",
    "los_code",
]

MISSING = -9
"""The codebook's "Missing/unknown/not collected/invalid", in every column [TEDS-D-CB]."""

CODEBOOK_YEARS = (2015, 2016, 2017, 2018, 2019)
"""The discharge years whose codebook value tables ship with the library."""

Layout = Literal["2015-2016", "2017+"]
"""The two column layouts of TEDS-D public-use files since 2015 [TEDS-D-CB]."""


@dataclass(frozen=True, slots=True)
class LosCode:
    """One value of ``LOS`` (length of stay in days) and the days it stands for [TEDS-D-CB].

    Codes 1–30 are the actual number of days; 31–36 are intervals; 37 is
    open-ended ("More than a year": ``max_days`` is ``None``).  Outpatient
    discharges already include the codebook's added day.
    """

    code: int
    min_days: int
    max_days: int | None
    label: str
    """The 2017–2019 codebooks' wording."""
    sources: tuple[str, ...] = ("TEDS-D-CB",)

    def contains(self, days: int) -> bool:
        """Whether a stay of *days* days is coded with this code.

        Parameters
        ----------
        days:
            A length of stay, in days.

        Returns
        -------
        bool
            ``True`` when the code's band holds that length.
        """
        return self.min_days <= days and (self.max_days is None or days <= self.max_days)

    @property
    def band(self) -> str:
        """The days as text: ``'7'``, ``'31–45'`` or ``'more than 365'``."""
        if self.max_days is None:
            return f"more than {self.min_days - 1}"
        if self.max_days == self.min_days:
            return str(self.min_days)
        return f"{self.min_days}–{self.max_days}"

    def __repr__(self) -> str:
        unit = "day" if self.band == "1" else "days"
        return f"LosCode({self.code}, {self.band} {unit})"


_INTERVALS = (
    (31, 31, 45, "31 to 45 days"),
    (32, 46, 60, "46 to 60 days"),
    (33, 61, 90, "61 to 90 days"),
    (34, 91, 120, "91 to 120 days"),
    (35, 121, 180, "121 to 180 days"),
    (36, 181, 365, "181 to 365 days"),
)

#: The 37 ``LOS`` codes in order: 1–30 days, six intervals, and more than a year [TEDS-D-CB].
LOS_CODES: tuple[LosCode, ...] = (
    *(LosCode(day, day, day, str(day)) for day in range(1, 31)),
    *(LosCode(code, low, high, label) for code, low, high, label in _INTERVALS),
    LosCode(37, 366, None, "More than a year"),
)


def los_code(days: int) -> int:
    """The ``LOS`` code of a stay of *days* days (at least 1) [TEDS-D-CB].

    Parameters
    ----------
    days:
        The length of stay in whole days, as TEDS counts it (outpatient stays
        with the added day already in).

    Returns
    -------
    int
        1–30 for that many days, 31–36 for the intervals, 37 for more than 365.

    Raises
    ------
    carecontinuum.teds.TedsValueError
        For fewer than 1 day (the codebook has no code for it).
    TypeError
        For a value that is not a whole number.

    Examples
    --------
    >>> [los_code(d) for d in (1, 30, 31, 45, 365, 366)]
    [1, 30, 31, 31, 36, 37]
    """
    not_bool(days, "days", "a whole number of days")
    if not isinstance(days, int):
        raise TypeError(f"days must be a whole number of days, not {type(days).__name__}")
    if days < 1:
        raise TedsValueError(
            f"days: {echo(days)} has no TEDS-D LOS code; the codebook's codes start at 1 day"
        )
    if days <= 30:
        return days
    for code, low, high, _label in _INTERVALS:
        if low <= days <= high:
            return code
    return 37


@dataclass(frozen=True, slots=True)
class CodedValue:
    """A code of a TEDS-D column with the codebook's label."""

    code: int
    label: str
    sources: tuple[str, ...] = ("TEDS-D-CB", "TEDS")


#: ``SERVICES`` / ``SERVICES_D``: the service setting at admission / discharge [TEDS-D-CB, TEDS].
SERVICE_SETTINGS: tuple[CodedValue, ...] = (
    CodedValue(1, "Detox, 24-hour, hospital inpatient"),
    CodedValue(2, "Detox, 24-hour, free-standing residential"),
    CodedValue(3, "Rehab/residential, hospital (non-detox)"),
    CodedValue(4, "Rehab/residential, short term (30 days or fewer)"),
    CodedValue(5, "Rehab/residential, long term (more than 30 days)"),
    CodedValue(6, "Ambulatory, intensive outpatient"),
    CodedValue(7, "Ambulatory, non-intensive outpatient"),
    CodedValue(8, "Ambulatory, detoxification"),
)

AMBULATORY_SETTINGS = frozenset({6, 7, 8})
"""The ambulatory (outpatient) settings, whose LOS includes the codebook's added day.

The codebook says "One day is added to all outpatient discharges"; the library
reads "outpatient" as the three *Ambulatory* settings [TEDS-D-CB].
"""

#: ``REASON``: why the episode ended [TEDS-D-CB, TEDS] (the 2017–2019 wording).
DISCHARGE_REASONS: tuple[CodedValue, ...] = (
    CodedValue(1, "Treatment completed"),
    CodedValue(2, "Dropped out of treatment"),
    CodedValue(3, "Terminated by facility"),
    CodedValue(4, "Transferred to another treatment program or facility"),
    CodedValue(5, "Incarcerated"),
    CodedValue(6, "Death"),
    CodedValue(7, "Other"),
)

_SHARED_HEAD = [
    "CASEID",
    "DISYR",
    "AGE",
    "GENDER",
    "RACE",
    "ETHNIC",
    "MARSTAT",
    "EDUC",
    "EMPLOY",
    "EMPLOY_D",
    "DETNLF",
    "DETNLF_D",
    "PREG",
    "VET",
    "LIVARAG",
    "LIVARAG_D",
    "PRIMINC",
    "ARRESTS",
    "ARRESTS_D",
    "STFIPS",
]
_SUBSTANCES = [
    "PSOURCE",
    "DETCRIM",
    "NOPRIOR",
    "SUB1",
    "SUB1_D",
    "ROUTE1",
    "FREQ1",
    "FREQ1_D",
    "FRSTUSE1",
    "SUB2",
    "SUB2_D",
    "ROUTE2",
    "FREQ2",
    "FREQ2_D",
    "FRSTUSE2",
    "SUB3",
    "SUB3_D",
    "ROUTE3",
    "FREQ3",
    "FREQ3_D",
    "FRSTUSE3",
]
_FLAGS = [
    "ALCFLG",
    "COKEFLG",
    "MARFLG",
    "HERFLG",
    "METHFLG",
    "OPSYNFLG",
    "PCPFLG",
    "HALLFLG",
    "MTHAMFLG",
    "AMPHFLG",
    "STIMFLG",
    "BENZFLG",
    "TRNQFLG",
    "BARBFLG",
    "SEDHPFLG",
    "INHFLG",
    "OTCFLG",
    "OTHERFLG",
    "ALCDRUG",
    "DSMCRIT",
    "PSYPROB",
    "HLTHINS",
    "PRIMPAY",
    "FREQ_ATND_SELF_HELP",
    "FREQ_ATND_SELF_HELP_D",
]

#: The 76 columns of a 2017–2019 file, in order (codebook Appendix A) [TEDS-D-CB].
COLUMNS_2017: tuple[str, ...] = (
    *_SHARED_HEAD,
    *[
        "CBSA2010",
        "REGION",
        "DIVISION",
        "SERVICES",
        "SERVICES_D",
        "METHUSE",
        "DAYWAIT",
        "REASON",
        "LOS",
    ],
    *_SUBSTANCES,
    "IDU",
    *_FLAGS,
)

#: The 76 columns of a 2015 or 2016 file: no ``SERVICES``, ``CBSA`` for ``CBSA2010``, and
#: ``NUMSUBS`` [TEDS-D-CB]; ordered as the 2016 codebook lists them.
COLUMNS_2015_2016: tuple[str, ...] = (
    *_SHARED_HEAD,
    *["CBSA", "REGION", "DIVISION", "SERVICES_D", "METHUSE", "DAYWAIT", "REASON", "LOS"],
    *_SUBSTANCES,
    "NUMSUBS",
    *_FLAGS,
    "IDU",
)


def layout_columns(layout: Layout) -> tuple[str, ...]:
    """The columns of a layout, ``"2015-2016"`` or ``"2017+"``.

    Parameters
    ----------
    layout:
        The layout's name.

    Returns
    -------
    tuple of str
        Its 76 column names, in the codebook's order.

    Raises
    ------
    carecontinuum.teds.TedsValueError
        For another layout name.

    Examples
    --------
    >>> len(layout_columns("2017+")), "SERVICES" in layout_columns("2015-2016")
    (76, False)
    """
    if layout == "2017+":
        return COLUMNS_2017
    if layout == "2015-2016":
        return COLUMNS_2015_2016
    raise TedsValueError(
        f"layout: {echo(layout)} is not a TEDS-D layout; use '2015-2016' or '2017+'"
    )
