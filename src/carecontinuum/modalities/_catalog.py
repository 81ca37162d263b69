"""The built-in modality catalog: every modality the seed names, plus common program parts.

Each record cites its sources by id (see :data:`carecontinuum.SOURCES`); the
structure of each comes from the project's domain notes, table "Modalities —
documented structure".  ``targets`` lists only conditions a cited source
names, in its own words.  Adjuncts (TMS, ketamine/esketamine, EMDR, equine and
yoga therapy) are in :mod:`._catalog_adjuncts`.
"""

from __future__ import annotations

from ..units import QuantityRange
from ._catalog_adjuncts import ADJUNCTS
from ._enums import Format, ModalityCategory
from ._model import Modality
from ._structure import ModalityComponent, ModalityStructure

__all__ = ["BUILTIN_MODALITIES"]

_ALCOHOL = "alcohol abuse and dependence"  # the MATCH manuals' own wording [MATCH]

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
        "individual sessions, 8 core and 4 chosen from electives [MATCH]."
    ),
    sources=("MATCH", "SEED"),
)

MOTIVATIONAL_INTERVIEWING = Modality(
    code="motivational_interviewing",
    name="Motivational interviewing (MI)",
    aliases=("MI",),
    category=ModalityCategory.PSYCHOTHERAPY,
    description=(
        "A motivational approach used within other sessions; it has no fixed dose, so no "
        "structure is recorded [SEED]."
    ),
    sources=("SEED",),
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
        "change, as manualized for Project MATCH [MATCH]."
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
        duration=QuantityRange(low=18, high=24, unit="month"),
        detail=(
            "traditionally 18–24 months; funding limits now often cut stays to 12 months or "
            "less; people who complete at least 90 days do significantly better"
        ),
        sources=("NIDA",),
    ),
    description=(
        "Drug-free residential treatment that uses the community of staff and people in "
        'recovery as the key agent of change ("community as method") [NIDA, SEED].'
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
            ModalityComponent(
                name="relapse-prevention group", format=Format.GROUP, sessions_per_week=2
            ),
            ModalityComponent(
                name="family-education group", format=Format.FAMILY, sessions_per_week=1
            ),
            ModalityComponent(
                name="early-recovery group", format=Format.GROUP, from_week=1, to_week=4
            ),
            ModalityComponent(
                name="social-support group",
                format=Format.GROUP,
                detail="continuing care after the intensive 16 weeks",
            ),
        ),
        detail=(
            "16 weeks, about 3 hours a day on 3 days a week; each week 2 relapse-prevention "
            "groups and 1 family-education group; early-recovery groups in the first month; "
            "then social-support continuing care"
        ),
        sources=("CEBC",),
    ),
    description=(
        "A structured 16-week intensive outpatient model first developed for cocaine and used "
        "with methamphetamine users: relapse-prevention, education and social-support groups, "
        "individual counseling, and urine and breath testing [MATRIX2000, CEBC]."
    ),
    sources=("CEBC", "MATRIX2000", "SEED"),
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
            ModalityComponent(
                name="individual counseling",
                format=Format.INDIVIDUAL,
                sessions_per_week=QuantityRange(low=1, high=2, unit="session / week"),
            ),
            ModalityComponent(
                name="urine testing",
                sessions_per_week=QuantityRange(low=2, high=3, unit="session / week"),
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
            "a week; vouchers in weeks 1–12"
        ),
        sources=("NIDA",),
    ),
    description=(
        "Counseling aimed at lifestyle change (family, recreation, social network, work), "
        "documented by NIDA combined with a voucher-based contingency-management program "
        "(CRA + vouchers) for cocaine dependence [NIDA]."
    ),
    sources=("NIDA", "SEED"),
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
        "vouchers [NIDA]) or prize draws [PETRY2005]."
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

RELAPSE_PREVENTION = Modality(
    code="relapse_prevention",
    name="Relapse prevention",
    aliases=("RP", "relapse prevention training", "relapse-prevention group"),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.GROUP,),
    description=(
        "Training to recognize and manage the risk of returning to use; a core service of "
        "intensive outpatient treatment [TIP47] and the Matrix Model's main group [CEBC]."
    ),
    sources=("TIP47", "CEBC"),
)

PSYCHOEDUCATION = Modality(
    code="psychoeducation",
    name="Psychoeducation",
    aliases=("psychoeducational programming", "psychoeducational group", "family psychoeducation"),
    category=ModalityCategory.PSYCHOEDUCATION,
    formats=(Format.GROUP, Format.FAMILY),
    description=(
        "Structured teaching about the condition and recovery, for clients and families; a "
        "core service of intensive outpatient treatment [TIP47]."
    ),
    sources=("TIP47",),
)

FAMILY_THERAPY = Modality(
    code="family_therapy",
    name="Family therapy",
    aliases=("family counseling", "family counselling", "family-based services"),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.FAMILY,),
    description=(
        "Counseling that involves family members or significant others; family counseling is "
        "a core service of intensive outpatient treatment [TIP47]."
    ),
    sources=("TIP47",),
)

INDIVIDUAL_COUNSELING = Modality(
    code="individual_counseling",
    name="Individual counseling",
    aliases=("individual therapy", "individual counselling", "one-on-one therapy"),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.INDIVIDUAL,),
    description=(
        "One-to-one sessions with a therapist or counselor; IOP sessions mix individual and "
        "group therapy [SEED, TIP47]."
    ),
    sources=("SEED", "TIP47"),
)

GROUP_COUNSELING = Modality(
    code="group_counseling",
    name="Group counseling",
    aliases=("group therapy", "group counselling", "group psychotherapy"),
    category=ModalityCategory.PSYCHOTHERAPY,
    formats=(Format.GROUP,),
    description=(
        "Therapy or counseling delivered to a group; the core of most intensive outpatient "
        "programs [SEED, TIP47]."
    ),
    sources=("SEED", "TIP47"),
)

MEDICATION_MANAGEMENT = Modality(
    code="medication_management",
    name="Medication management",
    aliases=("med management", "medication management and evaluation", "med check"),
    category=ModalityCategory.MEDICATION,
    formats=(Format.MEDICATION_MANAGEMENT,),
    description=(
        "People on psychiatric medication also meet a psychiatrist for medication management "
        "and evaluation [SEED]."
    ),
    sources=("SEED",),
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
    RELAPSE_PREVENTION,
    PSYCHOEDUCATION,
    FAMILY_THERAPY,
    INDIVIDUAL_COUNSELING,
    GROUP_COUNSELING,
    MEDICATION_MANAGEMENT,
    *ADJUNCTS,
)
