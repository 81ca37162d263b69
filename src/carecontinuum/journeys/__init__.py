"""Journeys: people's placements through the levels of care.

A :class:`Placement` is one stay at one level (dates, optional schedule, TEDS
discharge reason); a :class:`Journey` is one person's placements in order,
with the moves between them, lengths of stay, treatment hours, rebounds and a
:meth:`Journey.check` that reports every problem, and :meth:`Journey.plot`
draws a timeline.  Placements are calendar dates (a datetime becomes its own
local date); end dates are exclusive unless a function is told
``end_inclusive=True``.  Population analytics over a pandas or Dask DataFrame
of placements live in :mod:`carecontinuum.journeys.population` (``dataframe``
extra); :func:`synthetic_cohort` makes SYNTHETIC records.

Examples
--------
>>> import carecontinuum as cc
>>> j = cc.Journey(placements=[
...     {"level": "PHP", "start": "2024-03-01", "end": "2024-03-29"},
...     {"level": "IOP", "start": "2024-03-29", "end": "2024-05-10"}])
>>> j.transitions[0].kind.label
'step-down'
>>> j.check()
[]
"""

from __future__ import annotations

from .._signature import readable
from ._errors import JourneyOptionError
from ._journey import Journey
from ._move import Move
from ._placement import LevelField, Placement
from ._plot import plot_journeys
from ._reason import DischargeReason
from ._synthetic import SyntheticCohortError, synthetic_cohort

__all__ = [
    "DischargeReason",
    "Journey",
    "JourneyOptionError",
    "LevelField",
    "Move",
    "Placement",
    "SyntheticCohortError",
    "plot_journeys",
    "synthetic_cohort",
]


def __dir__() -> list[str]:
    return list(__all__)


#: What the validators of these fields read besides their annotated types.
_PLACEMENT_INPUTS = {
    "level": "str | CareLevel",
    "start": "date | str",
    "end": "date | str | None",
    "discharge_reason": "DischargeReason | int | str | None",
}
readable(Placement, shown=_PLACEMENT_INPUTS)
readable(Journey, Move)
