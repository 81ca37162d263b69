"""What the program checks and answers read from a program (a structural type).

:mod:`._questions` and :mod:`._consistency` work on any object with these
attributes — in practice a :class:`~carecontinuum.Program` — so they never
import the ``Program`` class and the package has no import cycle.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..levels import CareLevel
from ..modalities import Modality
from ..schedules import Schedule, WeeklySchedule
from ..units import QuantityRange
from ._ages import AgeRange
from ._codes import AgeGroup, Payment, SpecialGroup

__all__ = ["ProgramRecord"]


@runtime_checkable
class ProgramRecord(Protocol):
    """The attributes of a :class:`~carecontinuum.Program` that checks and answers use."""

    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def care_level(self) -> CareLevel: ...
    @property
    def schedule(self) -> Schedule | WeeklySchedule | None: ...
    @property
    def length_of_stay(self) -> QuantityRange | None: ...
    @property
    def payment(self) -> tuple[Payment, ...]: ...
    @property
    def conditions(self) -> tuple[str, ...]: ...
    @property
    def communities(self) -> tuple[str, ...]: ...
    @property
    def special_groups(self) -> tuple[SpecialGroup, ...]: ...
    @property
    def transition_plan(self) -> str: ...
    @property
    def ages(self) -> AgeRange | None: ...
    @property
    def age_groups(self) -> tuple[AgeGroup, ...]: ...
    @property
    def structure(self) -> str: ...
    @property
    def philosophy(self) -> str: ...
    @property
    def all_modalities(self) -> tuple[Modality, ...]: ...
