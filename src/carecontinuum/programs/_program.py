"""``Program``: a concrete offering — level, schedule, modalities and whom it serves."""

from __future__ import annotations

from pydantic import ConfigDict, Field, field_validator, model_validator

from .._contract import contract, rule
from .._display import Display, render_html
from .._json_model import JsonModel
from ..intensity import RuleSet
from ..levels import DEFAULT_CONTINUUM, CareLevel, ContinuumLevelCode
from ..modalities import AnyModality, Modality
from ..schedules import ScheduleField, WeeklySchedule
from ..units import QuantityRange
from ._ages import AgeRange
from ._codes import AgeGroup, AgeGroupField, Language, PaymentField, SpecialGroupField
from ._consistency import LevelCheck, check_level
from ._facility import Facility, ServiceCodes
from ._questions import PROGRAM_QUESTIONS, answers

__all__ = ["Program"]

_STAY_UNITS = ("day", "week", "month", "year")


@contract("program_age_groups", "stay_unit")
class Program(JsonModel):
    """A concrete treatment program: the level it offers, its schedule, who it serves.

    ``level`` is a level of the default continuum (code or alias: ``"IOP"``
    is stored as ``"intensive_outpatient"``).  Modalities are any registered
    modality, plug-ins included.  Payment, age groups and special groups use
    the SAMHSA treatment-locator categories [LOCATOR].  Empty fields mean the
    program does not say.

    ``schedule`` is optional: a program read from a directory listing
    (:func:`carecontinuum.locator.read_listing`) has none, and its level check
    is "undetermined".  ``facility`` is the :class:`Facility` that runs it (its
    address and coordinates rank programs by distance), and ``other_codes``
    keeps the listing's codes that no other field holds.

    :meth:`answers` answers the nine questions the seed suggests asking a
    program [SEED]; :meth:`check_level` compares the stated level with what
    the schedule classifies to.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> p = cc.Program(
    ...     name="Evening IOP", level="IOP",
    ...     schedule=cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6),
    ...     modalities=["CBT", "matrix model"], payment=["MD", "private health insurance"],
    ...     ages={"min_age": 18}, languages=["English", "Spanish"])
    >>> p
    Program('Evening IOP', intensive_outpatient, 9 h/week)
    >>> p.care_level.name
    'Intensive outpatient (IOP)'
    >>> [m.value for m in p.payment]
    ['MD', 'PI']
    >>> p.check_level().consistent
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    level: ContinuumLevelCode
    schedule: ScheduleField | None = None
    """The weekly schedule; ``None`` where the program does not say (a directory listing)."""
    modalities: tuple[AnyModality, ...] = ()
    ages: AgeRange | None = None
    age_groups: tuple[AgeGroupField, ...] = ()
    special_groups: tuple[SpecialGroupField, ...] = ()
    languages: tuple[Language, ...] = ()
    payment: tuple[PaymentField, ...] = ()
    conditions: tuple[str, ...] = ()
    """Issues and diagnoses the program treats."""
    communities: tuple[str, ...] = ()
    """Identities the program has worked with (for example race or sexuality), in its words."""
    length_of_stay: QuantityRange | None = None
    """How long people usually stay."""
    philosophy: str = ""
    """The treatment philosophy."""
    structure: str = ""
    """How the program is structured, in words (the schedule holds the hours)."""
    transition_plan: str = ""
    """How the program prepares people for the transition back to everyday life."""
    description: str = ""
    facility: Facility | None = None
    """The facility that runs the program, as a treatment directory lists it."""
    other_codes: ServiceCodes = ()
    """A directory listing's ``(category, code)`` entries that no other field holds, as
    given: setting codes that say more than the level (short-term residential), withdrawal
    management, and categories or values the library does not model."""

    @field_validator("length_of_stay")
    @classmethod
    def _stay_is_a_duration(cls, stay: QuantityRange | None) -> QuantityRange | None:
        if stay is not None and stay.unit not in _STAY_UNITS:
            raise rule(
                "stay_unit",
                f"a length of stay is in {', '.join(_STAY_UNITS)}, got {stay.unit!r}",
            )
        return stay

    @model_validator(mode="after")
    def _groups_fit_ages(self) -> Program:
        if self.ages is not None and self.age_groups:
            outside = [g for g in self.age_groups if g not in self.ages.age_groups]
            if outside:
                raise rule(
                    "program_age_groups",
                    f"age_groups {', '.join(g.value for g in outside)} lie outside the age range "
                    f"{self.ages}",
                )
        return self

    # -- derived ----------------------------------------------------------------------------
    @property
    def care_level(self) -> CareLevel:
        """The level offered, as a :class:`~carecontinuum.CareLevel`."""
        return DEFAULT_CONTINUUM.level(self.level)

    @property
    def served_age_groups(self) -> tuple[AgeGroup, ...]:
        """Age groups served: as given, else derived from :attr:`ages` (empty: not stated)."""
        if self.age_groups:
            return self.age_groups
        return self.ages.age_groups if self.ages is not None else ()

    @property
    def all_modalities(self) -> tuple[Modality, ...]:
        """The program's modalities plus those of its sessions, without repeats."""
        seen: dict[str, Modality] = {m.code: m for m in self.modalities}
        if isinstance(self.schedule, WeeklySchedule):
            for m in self.schedule.modalities:
                seen.setdefault(m.code, m)
        return tuple(seen.values())

    # -- questions and checks ----------------------------------------------------------------
    def answers(self) -> dict[str, str | None]:
        """The seed's nine questions for a program, each with this program's answer.

        ``None`` where the program does not say.  See
        :data:`carecontinuum.programs.PROGRAM_QUESTIONS`.

        Returns
        -------
        dict[str, str | None]
            Each question's text and this program's answer.
        """
        return answers(self)

    def check_level(self, rules: str | RuleSet = "asam3-adult") -> LevelCheck:
        """Compare the stated level with what the schedule classifies to under *rules*.

        Parameters
        ----------
        rules:
            A rule-set id, name or alias, or a :class:`~carecontinuum.RuleSet`.

        Returns
        -------
        LevelCheck
            ``consistent``, ``mismatch`` or ``undetermined``, with the classification
            and a message.

        Raises
        ------
        carecontinuum.UnknownRuleSetError
            For an unknown rule-set id, with suggestions.
        """
        return check_level(self, rules)

    # -- display ----------------------------------------------------------------------------
    def __repr__(self) -> str:
        if self.schedule is None:
            return f"Program({self.name!r}, {self.level}, no schedule)"
        text = f"{self.schedule.weekly_hours:g} h/week"
        if self.schedule.twenty_four_hour:
            text = f"24-hour, {text}"
        return f"Program({self.name!r}, {self.level}, {text})"

    def __str__(self) -> str:
        return self.name

    def _display_(self) -> Display:
        rows: list[tuple[str, object]] = [
            ("level", self.care_level.name),
            ("schedule", repr(self.schedule) if self.schedule is not None else "not stated"),
        ]
        if self.facility is not None:
            rows += [
                ("facility", self.facility.display_name),
                ("address", self.facility.address or None),
                ("phone", self.facility.phone or None),
                ("website", self.facility.website or None),
            ]
        replies = self.answers()
        for question in PROGRAM_QUESTIONS:
            answer = replies[question.text]
            if answer is not None and question.topic not in ("structure",):
                rows.append((question.topic.replace("_", " "), answer))
        if self.languages:
            rows.append(("languages", self.languages))
        if self.other_codes:
            rows.append(("other codes", [f"{c.category} {c.code}" for c in self.other_codes]))
        return Display(self.name, [(label, value) for label, value in rows if value is not None])

    def _repr_html_(self) -> str:
        return render_html(self._display_())
