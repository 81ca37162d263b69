"""Intensity: how much treatment a schedule adds up to, and the level it reaches.

* Calculators for hours per week and total hours, also over ranges
  (:func:`weekly_hours`, :func:`total_hours`, :func:`weekly_hours_range`,
  :func:`total_hours_range`).
* Rule sets as data (:class:`RuleSet`): ASAM 3rd ed. adult and adolescent,
  Medicare, TEDS and HCPCS H0015 are built in, each with its sources and
  population; register your own with :func:`register_rule_set`.
* :func:`classify` (one rule set) and :func:`classify_all` (all of them, side
  by side); :func:`describe_all` renders that as an 80-column table.
* :func:`weekly_compliance`: weeks of an episode below a level's weekly floor.
* :func:`classify_array` / :func:`classify_codes`: the vectorized path over
  numpy arrays or pandas Series (the ``dataframe`` extra).

Thresholds are inclusive lower bounds, compared exactly at a resolution of one
microsecond in both the scalar and the vectorized path (see
``carecontinuum.intensity._engine``): 27 sessions of 20 minutes reach a
9-hour floor.

Examples
--------
>>> import carecontinuum as cc
>>> cc.classify(cc.Schedule(hours_per_day=4, days_per_week=5)).level.code
'partial_hospitalization'
"""

from __future__ import annotations

from .._signature import readable
from ._classify import Classification, classify
from ._compliance import WeeklyCompliance, weekly_compliance
from ._dose import total_hours, total_hours_range, weekly_hours, weekly_hours_range
from ._engine import LEVEL_CODES, NO_LEVEL, edge
from ._errors import ArrayLengthError, IntensityInputError
from ._registry import list_rule_sets, register_rule_set, rule_set, unregister_rule_set
from ._rules import Condition, DailyHours, Firmness, RuleSet, Tier, WeeklyHours
from ._table import ClassificationTable, classify_all, describe_all
from ._vectorized import classify_array, classify_codes, level_codes

__all__ = [
    "LEVEL_CODES",
    "NO_LEVEL",
    "ArrayLengthError",
    "Classification",
    "ClassificationTable",
    "Condition",
    "DailyHours",
    "Firmness",
    "IntensityInputError",
    "RuleSet",
    "Tier",
    "WeeklyCompliance",
    "WeeklyHours",
    "classify",
    "classify_all",
    "classify_array",
    "classify_codes",
    "describe_all",
    "edge",
    "level_codes",
    "list_rule_sets",
    "register_rule_set",
    "rule_set",
    "total_hours",
    "total_hours_range",
    "unregister_rule_set",
    "weekly_compliance",
    "weekly_hours",
    "weekly_hours_range",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(RuleSet, Tier, DailyHours, WeeklyHours, WeeklyCompliance)
