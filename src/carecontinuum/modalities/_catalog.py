"""The built-in modality catalog: every modality the seed names, plus common program parts.

Each record cites its sources by id (see :data:`carecontinuum.SOURCES`); the
structure of each comes from the project's domain notes, table "Modalities —
documented structure".  ``targets`` lists only conditions a cited source
names, in its own words.  Adjuncts (TMS, ketamine/esketamine, EMDR, equine and
yoga therapy) are in :mod:`._catalog_adjuncts`; the common program parts
(relapse prevention, psychoeducation, family, individual and group counseling,
medication management) in :mod:`._catalog_parts`.
"""

from __future__ import annotations

from typing import Any

from ..units import QuantityRange
from ._catalog_adjuncts import ADJUNCTS
from ._catalog_parts import PROGRAM_PARTS
from ._enums import Format, ModalityCategory
from ._model import Modality
from ._structure import ModalityComponent, ModalityStructure

__all__ = ["BUILTIN_MODALITIES"]

_ALCOHOL = "alcohol abuse and dependence"  # the MATCH manuals' own wording [MATCH]

_MATRIX_PHASE = (
    "phase from the SAMHSA counselor's treatment manual (SMA 06-4152) as secondary sources "
    "summarize it; the manual was not re-read"
)
_CRA_PHASE = (
    "phase frequencies from Budney & Higgins (1998) as secondary sources summarize them; "
    "NIDA gives only the ranges (counseling 1–2, urine tests 2–3 times a week)"
)
#: CRA + vouchers by phase: first and last week, counseling and urine tests a week.
_CRA_PHASES = ((1, 12, 2, 3), (13, 24, 1, 2))


def _phase(name: str, source: str, note: str, **parts: Any) -> ModalityComponent:
    """A phase the domain notes give only from secondary sources: it ships unverified."""
    return ModalityComponent(name=name, sources=(source,), verified=False, note=note, **parts)


def _matrix(name: str, **parts: Any) -> ModalityComponent:
    """A Matrix Model phase: which group runs in which weeks, how often [MATRIX-SMA]."""
    return _phase(name, "MATRIX-SMA", _MATRIX_PHASE, **parts)


TWELVE_STEP_FACILITATION = Modality(
    code="twelve_step_facilitation",
    name="Twelve-step facilitation (TSF)",
    aliases=(
        "TSF",
        "12-step",
        "12-step facilitation",
        "twelve step",
        "12-step facilitation therapy",
    ),
    category=ModalityCategory.COMMUNITY,
    formats=(Format.INDIVIDUAL, Format.GROUP, Format.FAMILY),
    targets=(
        _ALCOHOL,
        "alcoholism and other drug abuse and addiction",
        "eating disorders",
        "other compulsive disorders",
    ),
    structure=ModalityStructure(
        sessions=12,
        sessions_per_week=1,
        weeks=12,
        detail=(
            "12 weekly individual sessions, or 10 individual + 2 conjoint sessions [MATCH]; "
            "NREPP lists 12–15 sessions, with individuals or groups [NREPP]"
        ),
        sources=("MATCH", "NREPP"),
    ),
    description=(
        "A structured, manual-driven approach that facilitates active involvement in 12-step "
        "fellowships such as Alcoholics Anonymous [MATCH, NREPP]. The seed notes that 12-step "
        "approaches are also used for eating disorders and other compulsive disorders [SEED]."
    ),
    sources=("MATCH", "NREPP", "SEED"),
)

COGNITIVE_BEHAVIORAL_THERAPY = Modality(
    code="cognitive_behavioral_therapy",
    name="Cognitive behavioral therapy (CBT)",
    aliases=(
        "CBT",
        "cognitive behavioural therapy",
        "cognitive-behavioral coping skills therapy",
        "CBST",
    ),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.INDIVIDUAL,),
    targets=(_ALCOHOL,),
    structure=ModalityStructure(
        sessions=12,
        components=(
            ModalityComponent(name="core sessions", sessions=8),
            ModalityComponent(name="elective sessions", sessions=4),
        ),
        detail="8 core + 4 elective sessions",
        sources=("MATCH",),
    ),
    description=(
        "Cognitive-behavioral coping-skills therapy as manualized for Project MATCH: 12 "
        "individual sessions, 8 core and 4 chosen from electives [MATCH]. The seed names CBT "
        "among the commonest IOP modalities: people still in their everyday situations can "
        "try new coping skills at once [SEED]."
    ),
    sources=("MATCH", "SEED"),
)

MOTIVATIONAL_INTERVIEWING = Modality(
    code="motivational_interviewing",
    name="Motivational interviewing (MI)",
    aliases=("MI",),
    category=ModalityCategory.PSYCHOTHERAPY,
    description=(
        "A motivational approach that helps people resolve their ambivalence toward treatment "
        "and change their behavior: kind, yet directive [SEED]. No structure is recorded."
    ),
    sources=("SEED",),
    verified=False,
    note=(
        "that MI is used within other sessions and has no fixed dose is a secondary "
        "description (no primary source seen), not the seed's"
    ),
)

MOTIVATIONAL_ENHANCEMENT_THERAPY = Modality(
    code="motivational_enhancement_therapy",
    name="Motivational enhancement therapy (MET)",
    aliases=("MET",),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.INDIVIDUAL,),
    targets=(_ALCOHOL,),
    structure=ModalityStructure(
        sessions=4,
        weeks=12,
        session_weeks=(1, 2, 6, 12),
        detail="4 sessions, at weeks 1, 2, 6 and 12",
        sources=("MATCH",),
    ),
    description=(
        "A brief motivational intervention that mobilizes the client's own resources for "
        "change, as manualized for Project MATCH [MATCH]. The seed names it with motivational "
        "interviewing among the motivational approaches [SEED]."
    ),
    sources=("MATCH", "SEED"),
)

THERAPEUTIC_COMMUNITY = Modality(
    code="therapeutic_community",
    name="Therapeutic community (TC)",
    aliases=("TC", "therapeutic communities"),
    category=ModalityCategory.COMMUNITY,
    targets=("drug abuse and addiction",),
    structure=ModalityStructure(
        detail=(
            "no predetermined length of stay; the traditional stay was 18–24 months; funding "
            "limits now often cut stays to 12 months or less; people who complete at least 90 "
            "days do significantly better"
        ),
        sources=("NIDA",),
        note=(
            "no duration is recorded as a number: the 18–24 months are the traditional stay, "
            "not a length to compute with"
        ),
    ),
    description=(
        "Drug-free residential treatment that uses the community of staff and people in "
        'recovery as the key agent of change ("community as method") [NIDA, SEED]. The seed '
        "adds that some programs use it in IOPs too, especially as a step down from "
        "residential care [SEED]."
    ),
    sources=("NIDA", "SEED"),
)

MATRIX_MODEL = Modality(
    code="matrix_model",
    name="Matrix Model",
    aliases=("Matrix", "Matrix IOP", "Matrix intensive outpatient"),
    category=ModalityCategory.INTEGRATED,
    formats=(Format.INDIVIDUAL, Format.GROUP, Format.FAMILY),
    targets=("stimulant abuse (cocaine, methamphetamine)",),
    structure=ModalityStructure(
        weeks=16,
        hours_per_day=3,
        days_per_week=3,
        approximate=True,
        components=(
            _matrix(
                "early-recovery group",
                format=Format.GROUP,
                sessions=8,
                sessions_per_week=2,
                from_week=1,
                to_week=4,
            ),
            _matrix(
                "relapse-prevention group", format=Format.GROUP, sessions=32, sessions_per_week=2
            ),
            _matrix(
                "family-education group",
                format=Format.FAMILY,
                sessions=12,
                sessions_per_week=1,
                from_week=1,
                to_week=12,
            ),
            _matrix(
                "social-support group",
                format=Format.GROUP,
                from_week=13,
                to_week=48,
                detail="continuing care",
            ),
        ),
        detail=(
            "16 weeks, about 3 hours a day on 3 days a week; each week 2 relapse-prevention "
            "groups and 1 family-education group; early-recovery groups in the first month; "
            "then social-support continuing care [CEBC]"
        ),
        sources=("CEBC",),
    ),
    description=(
        "A structured 16-week intensive outpatient model first developed for cocaine and used "
        "with methamphetamine users: relapse-prevention, education and social-support groups, "
        "individual counseling, and urine and breath testing [MATRIX2000, CEBC]. The seed "
        "dates it to the 1980s cocaine and stimulant problems and gives the full program as "
        "16 weeks [SEED]."
    ),
    sources=("CEBC", "MATRIX2000", "SEED", "MATRIX-SMA"),
)

COMMUNITY_REINFORCEMENT_APPROACH = Modality(
    code="community_reinforcement_approach",
    name="Community reinforcement approach (CRA)",
    aliases=("CRA", "CRA + vouchers", "CRA plus vouchers", "community reinforcement"),
    category=ModalityCategory.BEHAVIORAL,
    formats=(Format.INDIVIDUAL,),
    targets=("cocaine dependence",),
    structure=ModalityStructure(
        weeks=24,
        components=(
            *(
                _phase(
                    "individual counseling",
                    "BUDNEY1998",
                    _CRA_PHASE,
                    format=Format.INDIVIDUAL,
                    sessions_per_week=counseling,
                    from_week=first,
                    to_week=last,
                )
                for first, last, counseling, _ in _CRA_PHASES
            ),
            *(
                _phase(
                    "urine testing",
                    "BUDNEY1998",
                    _CRA_PHASE,
                    sessions_per_week=tests,
                    from_week=first,
                    to_week=last,
                )
                for first, last, _, tests in _CRA_PHASES
            ),
            ModalityComponent(
                name="voucher incentives",
                from_week=1,
                to_week=12,
                detail=(
                    "vouchers for cocaine-negative samples escalate with consecutive negatives; "
                    "a positive or missed sample resets the value"
                ),
            ),
        ),
        detail=(
            "CRA plus vouchers: 24 weeks; counseling 1–2 times a week; urine tests 2–3 times "
            "a week; vouchers in weeks 1–12 [NIDA]"
        ),
        sources=("NIDA",),
    ),
    description=(
        "Counseling aimed at lifestyle change (family, recreation, social network, work), "
        "documented by NIDA combined with a voucher-based contingency-management program "
        "(CRA + vouchers) for cocaine dependence [NIDA]. The seed groups community "
        "reinforcement with contingency management, approaches built on the idea that the "
        "consequences of past behavior shape future behavior [SEED]."
    ),
    sources=("NIDA", "SEED", "BUDNEY1998"),
)

CONTINGENCY_MANAGEMENT = Modality(
    code="contingency_management",
    name="Contingency management (CM)",
    aliases=("CM", "motivational incentives", "prize-based contingency management", "prize CM"),
    category=ModalityCategory.BEHAVIORAL,
    targets=("cocaine or methamphetamine use",),
    structure=ModalityStructure(
        weeks=12,
        detail=(
            "prize-based CM as tested in NIDA CTN-0006: 12 weeks of chances to win prizes for "
            "substance-free urine samples, more chances with continuous abstinence"
        ),
        sources=("PETRY2005",),
    ),
    description=(
        "Tangible incentives for objectively verified abstinence: vouchers (as in CRA + "
        "vouchers [NIDA]) or prize draws [PETRY2005]. In an IOP, the seed says, a "
        "points/reward system reinforces the desired behaviors [SEED]."
    ),
    sources=("NIDA", "PETRY2005", "SEED"),
)

DIALECTICAL_BEHAVIOR_THERAPY = Modality(
    code="dialectical_behavior_therapy",
    name="Dialectical behavior therapy (DBT)",
    aliases=("DBT", "dialectical behaviour therapy"),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.INDIVIDUAL, Format.GROUP),
    targets=("emotional and behavioural dysregulation",),
    structure=ModalityStructure(
        components=(
            ModalityComponent(
                name="individual therapy",
                format=Format.INDIVIDUAL,
                sessions_per_week=1,
                session_length=1,  # 60 minutes [DBT-BMC]
            ),
            ModalityComponent(
                name="skills training group",
                format=Format.GROUP,
                sessions_per_week=1,
                session_length=QuantityRange(low=2, high=2.5, unit="hour"),
            ),
            ModalityComponent(name="phone coaching", detail="as needed, between sessions"),
            ModalityComponent(name="therapist consultation team", detail="weekly, for therapists"),
        ),
        detail=(
            "weekly 60-minute individual therapy + weekly skills group (2.5 h in the cited "
            "protocol, 2–2.5 h in practice) + phone coaching as needed + weekly consultation team"
        ),
        sources=("DBT-BMC",),
    ),
    description=(
        "Standard DBT combines individual therapy, skills training, phone coaching and a "
        "therapists' consultation team [DBT-BMC]."
    ),
    sources=("DBT-BMC",),
)

BUILTIN_MODALITIES: tuple[Modality, ...] = (
    TWELVE_STEP_FACILITATION,
    COGNITIVE_BEHAVIORAL_THERAPY,
    MOTIVATIONAL_INTERVIEWING,
    MOTIVATIONAL_ENHANCEMENT_THERAPY,
    THERAPEUTIC_COMMUNITY,
    MATRIX_MODEL,
    COMMUNITY_REINFORCEMENT_APPROACH,
    CONTINGENCY_MANAGEMENT,
    DIALECTICAL_BEHAVIOR_THERAPY,
    *PROGRAM_PARTS,
    *ADJUNCTS,
)
