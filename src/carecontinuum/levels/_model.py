"""The care-level record and the small vocabularies it uses."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from .._contract import contract, rule
from .._display import DisplayMixin
from .._enum_lookup import EnumLookup
from .._json_model import JsonModel
from .._sources import Firmness
from ..units import QuantityRange
from ._payment import PerDiemTier

__all__ = [
    "CareLevel",
    "CodeSystem",
    "ExternalCode",
    "LevelCode",
    "Management",
    "PerDiemTier",
    "Setting",
    "code_system",
]

#: A level code: letters, digits and ``_ . -``; e.g. ``intensive_outpatient`` or ``3.2-WM``.
LevelCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=64)
]
_SourceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class Setting(StrEnum):
    """Where care is delivered."""

    AMBULATORY = "ambulatory"
    """The person lives at home and comes to the program."""
    RESIDENTIAL = "residential"
    """The person lives at a (non-hospital) facility."""
    HOSPITAL = "hospital"
    """The person is admitted to a hospital unit."""


class Management(StrEnum):
    """Who directs care: the ASAM management axis, separate from setting [ASAM4]."""

    CLINICALLY_MANAGED = "clinically_managed"
    MEDICALLY_MONITORED = "medically_monitored"
    MEDICALLY_MANAGED = "medically_managed"


class CodeSystem(StrEnum):
    """External code systems a level can be expressed in."""

    ASAM3 = "asam3"
    """ASAM Criteria 3rd edition level numbers [ASAM3]."""
    ASAM4 = "asam4"
    """ASAM Criteria 4th edition level numbers [ASAM4]."""
    LOCUS = "locus"
    """LOCUS levels 0–6 [LOCUS]."""
    TEDS_SERVICES = "teds-services"
    """TEDS ``SERVICES`` / ``SERVICES_D`` service-setting codes [TEDS]."""
    FHIR_ENCOUNTER_CLASS = "fhir-encounter-class"
    """HL7 v3 ActCode, as used by FHIR Encounter.class [FHIR]."""
    HCPCS = "hcpcs"
    """CMS HCPCS Level II codes [HCPCS]."""
    MEDICARE_CONDITION_CODE = "medicare-condition-code"
    """Condition codes that flag Medicare IOP (92) and PHP (41) claims [MLN]."""
    LOCATOR = "locator"
    """SAMHSA treatment-locator type-of-care codes (OP, HI, RES ...) [LOCATOR]."""
    LOCATOR_SETTING = "locator-setting"
    """SAMHSA treatment-locator service-setting codes, category ``SET`` (OIT, ODT, RS ...)
    [LOCATOR]."""


_CODE_SYSTEMS = EnumLookup(
    CodeSystem,
    "code system",
    # a built-in framework's code names its code system
    names={CodeSystem.TEDS_SERVICES: ["teds"]},
)


def code_system(system: CodeSystem | str) -> CodeSystem:
    """The :class:`CodeSystem` named *system*; case, ``_`` and spaces are forgiven.

    A built-in framework's code names its code system (``"teds"`` is
    ``teds-services``).

    Parameters
    ----------
    system:
        A :class:`~carecontinuum.CodeSystem`, its value or name, or a built-in
        framework's code.

    Returns
    -------
    CodeSystem
        The code system.

    Raises
    ------
    carecontinuum.UnknownKeyError
        For a name that is no code system, with suggestions.

    Examples
    --------
    >>> code_system("TEDS_services")
    <CodeSystem.TEDS_SERVICES: 'teds-services'>
    >>> code_system("teds").value
    'teds-services'
    """
    return _CODE_SYSTEMS(system)


#: Canonical system URIs, where the system has one.
SYSTEM_URIS: dict[CodeSystem, str] = {
    CodeSystem.FHIR_ENCOUNTER_CLASS: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
}


@contract("unverified_note")
class ExternalCode(JsonModel):
    """A level's code in another system, and how well it matches.

    Examples
    --------
    >>> ExternalCode(system="teds-services", code="7",
    ...              display="Ambulatory, non-intensive outpatient", sources=("TEDS",),
    ...              firmness="C")
    ExternalCode(teds-services:7 exact)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    system: CodeSystem
    code: str = Field(min_length=1, max_length=64)
    display: str = ""
    exact: bool = True
    """False when the code covers more or less than the level (a lossy mapping)."""
    note: str = ""
    sources: tuple[_SourceId, ...] = ()
    firmness: Firmness | None = None
    """How firm the code's sources are, where the domain notes rate it; ``None``: not rated.
    ``"U"`` (unverified) needs a note."""

    @model_validator(mode="after")
    def _unverified_has_note(self) -> ExternalCode:
        if self.firmness is Firmness.UNVERIFIED and not self.note:
            raise rule(
                "unverified_note",
                f"code {self.system.value}:{self.code}: an unverified code (firmness 'U') "
                "needs a note saying what is unverified",
            )
        return self

    def __repr__(self) -> str:
        return (
            f"ExternalCode({self.system.value}:{self.code} {'exact' if self.exact else 'approx'})"
        )


@contract("level_setting", "unverified_note")
class CareLevel(DisplayMixin, JsonModel):
    """One level of care, frozen; its identity is its :attr:`code`.

    Levels order by :attr:`rank` (then code), so ``<`` and ``sorted()`` follow
    intensity.  Ranks are comparable within one framework.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> iop = cc.level("IOP")
    >>> iop
    CareLevel('intensive_outpatient', rank=1, framework='continuum')
    >>> iop.name
    'Intensive outpatient (IOP)'
    >>> cc.level("outpatient") < iop < cc.level("PHP")
    True
    >>> [c.code for c in iop.codes_in("asam3")]
    ['2.1']
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: LevelCode
    name: str = Field(min_length=1)
    framework: str = "continuum"
    rank: float = Field(allow_inf_nan=False, description="intensity order within the framework")
    setting: Setting
    twenty_four_hour: bool = False
    management: Management | None = None
    aliases: tuple[str, ...] = ()
    typical_hours_per_day: QuantityRange | None = None
    typical_days_per_week: QuantityRange | None = None
    typical_sessions_per_week: QuantityRange | None = None
    typical_stay: QuantityRange | None = None
    description: str = ""
    codes: tuple[ExternalCode, ...] = ()
    per_diem_tiers: tuple[PerDiemTier, ...] = ()
    """How payers that pay the level per diem tier its days (Medicare IOP and PHP)."""
    sources: tuple[_SourceId, ...] = ()
    verified: bool = True
    """False where the sources mark a fact about this level unverified."""
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> CareLevel:
        if self.setting is Setting.AMBULATORY and self.twenty_four_hour:
            raise rule(
                "level_setting",
                f"level {self.code!r}: an ambulatory setting cannot be a 24-hour level",
            )
        if not self.verified and not self.note:
            raise rule(
                "unverified_note",
                f"level {self.code!r}: an unverified level needs a note saying what is unverified",
            )
        return self

    # -- queries -----------------------------------------------------------------
    def codes_in(self, system: CodeSystem | str) -> tuple[ExternalCode, ...]:
        """This level's codes in *system* (``"asam3"``, ``"teds-services"`` ...).

        Parameters
        ----------
        system:
            A :class:`~carecontinuum.CodeSystem`, its value or name, or a built-in
            framework's code.

        Returns
        -------
        tuple[ExternalCode, ...]
            The level's codes in that system (empty when it has none there).

        Raises
        ------
        carecontinuum.UnknownKeyError
            For a name that is not a :class:`CodeSystem`, suggesting close ones.
        """
        wanted = code_system(system)
        return tuple(c for c in self.codes if c.system is wanted)

    # -- ordering by intensity ------------------------------------------------------
    def _key(self) -> tuple[float, str]:
        return (self.rank, self.code)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, CareLevel):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, CareLevel):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, CareLevel):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, CareLevel):
            return NotImplemented
        return self._key() >= other._key()

    # -- display -------------------------------------------------------------------
    def __repr__(self) -> str:
        rank = int(self.rank) if self.rank.is_integer() else self.rank
        return f"CareLevel({self.code!r}, rank={rank}, framework={self.framework!r})"

    def __str__(self) -> str:
        return self.name

    _display_fields: ClassVar[frozenset[str]] = frozenset(
        {
            "code",
            "name",
            "framework",
            "rank",
            "setting",
            "twenty_four_hour",
            "management",
            "typical_hours_per_day",
            "typical_days_per_week",
            "typical_sessions_per_week",
            "typical_stay",
            "codes",
            "per_diem_tiers",
            "sources",
            "verified",
            "note",
            "aliases",
            "description",
        }
    )

    def _display_title(self) -> str:
        return self.name

    def _display_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [
            ("code", self.code),
            ("framework", self.framework),
            ("rank", self.rank),
            ("setting", self.setting.value + (", 24-hour" if self.twenty_four_hour else "")),
            ("management", self.management),
            ("hours/day", self.typical_hours_per_day),
            ("days/week", self.typical_days_per_week),
            ("sessions/week", self.typical_sessions_per_week),
            ("typical stay", self.typical_stay),
            ("aliases", self.aliases or None),
            ("codes", ", ".join(f"{c.system.value} {c.code}" for c in self.codes) or None),
            (
                "per-diem tiers",
                "; ".join(f"{t.payer}: {t.display}" for t in self.per_diem_tiers) or None,
            ),
            ("sources", self.sources or None),
            ("verified", None if self.verified else False),
            ("note", self.note or None),
        ]
        return [(label, value) for label, value in rows if value is not None]

    def _display_note(self) -> str:
        return self.description
