"""Programs: concrete offerings, the questions to ask them, and matching them to needs.

A :class:`Program` is a level, a schedule and modalities, plus whom it serves
(ages, special groups, languages) and how it is paid, in the SAMHSA
treatment-locator's categories [LOCATOR].  :data:`PROGRAM_QUESTIONS` holds the
seed's nine questions to ask a program [SEED]; :meth:`Program.answers`
answers them.  :func:`check_level` flags a program whose schedule does not
reach the level it claims; :func:`match_programs` filters and ranks programs
by a person's :class:`Needs`, nearest first when the person gives a point.
A :class:`Facility` runs programs; its :class:`Coordinates` give the
great-circle :func:`distance` to a person.

Examples
--------
>>> import carecontinuum as cc
>>> len(cc.PROGRAM_QUESTIONS)
9
"""

from __future__ import annotations

from .._signature import readable
from ._ages import ADULT_AGE, AgeRange
from ._codes import AgeGroup, Payment, SpecialGroup
from ._consistency import LevelCheck, check_level
from ._facility import Facility, ServiceCode
from ._geo import EARTH_RADIUS_KM, KM_PER_MILE, Coordinates, DistanceUnit, distance
from ._matching import ProgramMatch, assess_program, match_programs
from ._needs import Needs
from ._program import Program
from ._questions import PROGRAM_QUESTIONS, ProgramQuestion

__all__ = [
    "ADULT_AGE",
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "PROGRAM_QUESTIONS",
    "AgeGroup",
    "AgeRange",
    "Coordinates",
    "DistanceUnit",
    "Facility",
    "LevelCheck",
    "Needs",
    "Payment",
    "Program",
    "ProgramMatch",
    "ProgramQuestion",
    "ServiceCode",
    "SpecialGroup",
    "assess_program",
    "check_level",
    "distance",
    "match_programs",
]


def __dir__() -> list[str]:
    return list(__all__)


readable(Program, Needs, AgeRange, ProgramQuestion)
