"""Headings that cover several modalities: a lookup of one names them all.

The seed groups modalities under headings [SEED]: "Motivational Approaches"
(motivational interviewing, motivational enhancement therapy) and "Community
Reinforcement and Contingency Management Approaches".  Looking a heading up as
one modality raises :class:`~carecontinuum.modalities.AmbiguousModalityError`
listing every member; :func:`~carecontinuum.modalities.modality_group` returns
them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["MODALITY_GROUPS", "groups_of"]

#: Heading → member codes, with the heading's source [SEED].
MODALITY_GROUPS: dict[str, tuple[str, ...]] = {
    "Motivational approaches": ("motivational_interviewing", "motivational_enhancement_therapy"),
    "Community reinforcement and contingency management approaches": (
        "community_reinforcement_approach",
        "contingency_management",
    ),
}


def groups_of(items: Mapping[str, object]) -> Mapping[str, Sequence[str]]:
    """The groups whose members are all registered (a group never names a missing code)."""
    return {
        label: members
        for label, members in MODALITY_GROUPS.items()
        if all(code in items for code in members)
    }
