"""The small vocabularies a modality record uses."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Format", "ModalityCategory"]


class ModalityCategory(StrEnum):
    """Broad families of modalities."""

    PSYCHOTHERAPY = "psychotherapy"
    """Talking therapies and counseling (CBT, DBT, MI/MET, EMDR, family therapy ...)."""
    BEHAVIORAL = "behavioral"
    """Behavioral and incentive-based approaches (community reinforcement, contingency
    management)."""
    COMMUNITY = "community"
    """Community and mutual-help approaches (12-step facilitation, therapeutic community)."""
    INTEGRATED = "integrated"
    """Multi-component treatment models that combine several approaches (the Matrix Model)."""
    PSYCHOEDUCATION = "psychoeducation"
    MEDICATION = "medication"
    NEUROMODULATION = "neuromodulation"
    EXPERIENTIAL = "experiential"
    """Body- and activity-based therapies (yoga, equine therapy)."""
    OTHER = "other"


class Format(StrEnum):
    """How a modality or session is delivered."""

    INDIVIDUAL = "individual"
    GROUP = "group"
    FAMILY = "family"
    """With family members or significant others (conjoint sessions included)."""
    MEDICATION_MANAGEMENT = "medication_management"
