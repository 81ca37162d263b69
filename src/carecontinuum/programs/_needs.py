"""``Needs``: what a person needs from a program (the criteria of matching)."""

from __future__ import annotations

import sys
import warnings
from typing import Any

from pydantic import ConfigDict, model_validator

from .._contract import contract, rule
from .._json_model import JsonModel
from ..levels import ContinuumLevelCode
from ..modalities import AnyModality
from ._ages import Age
from ._codes import Language, PaymentField, SpecialGroupField
from ._geo import Coordinates, Distance, DistanceUnit, DistanceUnitField

__all__ = ["Needs"]


@contract("needs_languages", "needs_near", "quantity_out_of_range")
class Needs(JsonModel):
    """What a person needs from a program; every field is optional.

    * ``level``: the level of care (code or alias);
    * ``payment``: ways the person can pay — a program must accept at least one;
    * ``age``: the person's age in years;
    * ``languages``: languages the person can have sessions in — a program
      must offer at least one (``"Spanish"`` and the locator's ``"SP-Spanish"``
      are the same language);
    * ``modalities``: modalities wanted — a program must offer at least one;
      more of them rank higher;
    * ``special_groups``: groups the program must offer services for;
    * ``near``: where the person is (``(latitude, longitude)``); programs are
      then ranked by the distance of their facility, nearest first;
    * ``max_distance``: how far the person can travel, in ``distance_unit``
      (``"km"``, the default, or ``"mi"``); needs ``near``.

    ``language="Spanish"`` (one language) is the older spelling of
    ``languages=["Spanish"]``; it still works, with a
    :class:`DeprecationWarning`.

    Examples
    --------
    >>> Needs(level="IOP", payment=["Medicaid"], age=34).level
    'intensive_outpatient'
    >>> Needs(near=(38.03, -78.48), max_distance=10, distance_unit="miles").distance_unit
    <DistanceUnit.MI: 'mi'>
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: ContinuumLevelCode | None = None
    payment: tuple[PaymentField, ...] = ()
    age: Age | None = None
    languages: tuple[Language, ...] = ()
    modalities: tuple[AnyModality, ...] = ()
    special_groups: tuple[SpecialGroupField, ...] = ()
    near: Coordinates | None = None
    max_distance: Distance | None = None
    distance_unit: DistanceUnitField = DistanceUnit.KM

    @model_validator(mode="before")
    @classmethod
    def _old_language(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "language" not in data:
            return data
        data = dict(data)
        language = data.pop("language")
        warnings.warn(
            "Needs(language=...) is deprecated; write languages=[...] (the Program field's name)",
            DeprecationWarning,
            stacklevel=_user_stacklevel(),
        )
        if language is None:
            return data
        if data.get("languages"):
            raise rule("needs_languages", "give languages or the deprecated language, not both")
        data["languages"] = (language,)
        return data

    @model_validator(mode="after")
    def _distance_needs_a_point(self) -> Needs:
        if self.max_distance is not None and self.near is None:
            raise rule(
                "needs_near", "max_distance needs near: the point to measure the distance from"
            )
        return self

    @property
    def language(self) -> str | None:
        """Deprecated: the first of :attr:`languages` (``None`` if none)."""
        warnings.warn(
            "Needs.language is deprecated; read Needs.languages",
            DeprecationWarning,
            stacklevel=_user_stacklevel(),
        )
        return self.languages[0] if self.languages else None


def _user_stacklevel() -> int:
    """The ``stacklevel`` of the first caller outside carecontinuum and pydantic.

    So a deprecation warning names the user's line (and shows by default in
    ``__main__`` and in test runners), not a line of pydantic's.
    """
    frame = sys._getframe(2)  # the caller of the function that warns
    level = 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").partition(".")[0] in (
        "carecontinuum",
        "pydantic",
    ):
        frame = frame.f_back
        level += 1
    return level
