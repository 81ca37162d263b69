"""The built-in modality catalog (filled in from the domain notes)."""

from __future__ import annotations

from ._model import Format, Modality, ModalityCategory, ModalityStructure

__all__ = ["BUILTIN_MODALITIES"]

BUILTIN_MODALITIES: tuple[Modality, ...] = (
    Modality(
        code="cognitive_behavioral_therapy",
        name="Cognitive behavioral therapy (CBT)",
        aliases=("CBT",),
        category=ModalityCategory.PSYCHOTHERAPY,
        formats=(Format.INDIVIDUAL, Format.GROUP),
        structure=ModalityStructure(
            sessions=12, detail="8 core + 4 elective sessions", sources=("MATCH",)
        ),
        sources=("MATCH", "SEED"),
    ),
)
