"""Built-in adjunct modalities the seed names: TMS, ketamine, EMDR, equine and yoga therapy.

Esketamine, the labelled form of ketamine, is here too; its shipped schedule is
the treatment-resistant-depression one.  Where no source documents a standard
dose (ketamine outside the esketamine label, equine therapy, yoga therapy) no
structure is recorded.
"""

from __future__ import annotations

from ..units import QuantityRange
from ._enums import ModalityCategory
from ._model import Modality
from ._structure import ModalityComponent, ModalityStructure

__all__ = ["ADJUNCTS"]

TMS = Modality(
    code="tms",
    name="Transcranial magnetic stimulation (TMS)",
    aliases=("rTMS", "repetitive transcranial magnetic stimulation"),
    category=ModalityCategory.NEUROMODULATION,
    adjunct=True,
    targets=("major depressive disorder in adults who have not responded to antidepressants",),
    structure=ModalityStructure(
        sessions_per_week=5,
        duration=QuantityRange(low=4, high=6, unit="week"),
        approximate=True,
        detail=(
            "daily (weekday) sessions over 4–6 weeks, 20–30 sessions [CTMSS]; secondary sources "
            "describe about 36 sessions over about 6 weeks including a taper"
        ),
        sources=("CTMSS",),
        note=(
            "5 sessions a week reads the consensus's 'daily' as weekdays; the ~36-session "
            "course is known only from secondary sources and is not recorded as a number"
        ),
    ),
    description=(
        "Offered by some IOPs as an adjunct or alternative therapy [SEED]: non-invasive "
        "magnetic stimulation of the prefrontal cortex, FDA-cleared for major depressive "
        "disorder [CTMSS]."
    ),
    sources=("SEED", "CTMSS"),
)

ESKETAMINE = Modality(
    code="esketamine",
    name="Esketamine (Spravato)",
    aliases=("Spravato", "esketamine nasal spray"),
    category=ModalityCategory.MEDICATION,
    adjunct=True,
    targets=(
        "treatment-resistant depression",
        "major depressive disorder with acute suicidal ideation or behavior",
    ),
    structure=ModalityStructure(
        components=(
            ModalityComponent(name="TRD induction", sessions_per_week=2, from_week=1, to_week=4),
            ModalityComponent(name="TRD maintenance", sessions_per_week=1, from_week=5, to_week=8),
            ModalityComponent(
                name="TRD continued maintenance",
                sessions_per_week=QuantityRange(low=0.5, high=1, unit="session / week"),
                from_week=9,
                detail="weekly or every 2 weeks, at the least frequent dosing that works",
            ),
        ),
        detail=(
            "the treatment-resistant depression (TRD) schedule: twice weekly in weeks 1–4, "
            "weekly in weeks 5–8, then weekly or every 2 weeks; observed in the clinic for at "
            "least 2 hours after each dose. For major depressive disorder with acute suicidal "
            "ideation or behavior the label gives a different schedule: 84 mg twice weekly for "
            "4 weeks"
        ),
        sources=("SPRAVATO",),
        note=(
            "the components are the TRD schedule only; the schedule for major depressive "
            "disorder with acute suicidal ideation or behavior is stated in the detail"
        ),
    ),
    description=(
        "An intranasal NMDA-receptor antagonist given under supervision in a certified clinic "
        "[SPRAVATO]; the seed lists ketamine infusions among the adjunct or alternative "
        "therapies some IOPs connect people with [SEED]."
    ),
    sources=("SEED", "SPRAVATO"),
)

KETAMINE = Modality(
    code="ketamine",
    name="Ketamine therapy",
    aliases=("ketamine infusion", "ketamine-assisted therapy"),
    category=ModalityCategory.MEDICATION,
    adjunct=True,
    description=(
        "Ketamine infusions, which some IOPs connect people with as an adjunct or alternative "
        "therapy [SEED]. No standard dose is recorded; for the labelled esketamine schedules "
        "see 'esketamine'."
    ),
    sources=("SEED",),
)

EMDR = Modality(
    code="emdr",
    name="Eye movement desensitization and reprocessing (EMDR)",
    aliases=("EMDR", "EMDR therapy"),
    category=ModalityCategory.PSYCHOTHERAPY,
    adjunct=True,
    targets=("post-traumatic stress disorder",),
    structure=ModalityStructure(
        components=tuple(
            ModalityComponent(name=phase)
            for phase in (
                "history taking",
                "preparation",
                "assessment",
                "desensitization",
                "installation",
                "body scan",
                "closure",
                "reevaluation",
            )
        ),
        detail="8 phases; the number of sessions varies",
        sources=("EMDR-ICN",),
    ),
    description=(
        "A trauma-focused psychotherapy that uses bilateral stimulation in eight defined "
        "phases [EMDR-ICN]; an adjunct in the seed [SEED]."
    ),
    sources=("SEED", "EMDR-ICN"),
)

EQUINE_THERAPY = Modality(
    code="equine_therapy",
    name="Equine therapy",
    aliases=("equine-assisted therapy", "horse therapy"),
    category=ModalityCategory.EXPERIENTIAL,
    adjunct=True,
    description=(
        "Therapy with horses, one of the other therapies the seed says IOPs may use [SEED]; no "
        "standard dose found."
    ),
    sources=("SEED",),
)

YOGA_THERAPY = Modality(
    code="yoga_therapy",
    name="Yoga therapy",
    aliases=("yoga",),
    category=ModalityCategory.EXPERIENTIAL,
    adjunct=True,
    description=(
        "Yoga therapy, one of the other therapies the seed says IOPs may use [SEED]; no "
        "standard dose found."
    ),
    sources=("SEED",),
)

ADJUNCTS: tuple[Modality, ...] = (TMS, ESKETAMINE, KETAMINE, EMDR, EQUINE_THERAPY, YOGA_THERAPY)
