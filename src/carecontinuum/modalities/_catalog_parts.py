"""Built-in modalities that are common parts of a program rather than named models.

Relapse prevention, psychoeducation, family therapy, individual and group
counseling, and medication management: the core services of intensive
outpatient treatment [TIP47] and the mix of individual and group therapy and
medication management the seed describes [SEED].  None has a fixed dose, so no
structure is recorded.
"""

from __future__ import annotations

from ._enums import Format, ModalityCategory
from ._model import Modality

__all__ = ["PROGRAM_PARTS"]

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
        "group therapy [SEED], and individual counseling is a core IOP service [TIP47]."
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
        "Therapy or counseling delivered to a group; IOP sessions mix individual and group "
        "therapy [SEED], and group therapy is a core IOP service [TIP47]."
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

PROGRAM_PARTS: tuple[Modality, ...] = (
    RELAPSE_PREVENTION,
    PSYCHOEDUCATION,
    FAMILY_THERAPY,
    INDIVIDUAL_COUNSELING,
    GROUP_COUNSELING,
    MEDICATION_MANAGEMENT,
)
