"""Every CodeSystem and ConceptMap the library mints, for publishing and for checks."""

from __future__ import annotations

from typing import Any

from ._codesystem import code_system, enum_code_system
from ._conceptmap import concept_map
from ._context import Writer
from ._episode import JOURNEY_TYPE
from ._release import release_option
from ._terms import enum_concepts

__all__ = ["own_concepts", "terminology"]


def own_concepts() -> dict[str, tuple[str, str, dict[str, str]]]:
    """The library's vocabularies that are not frameworks: name → (title, description, codes)."""
    import carecontinuum as cc

    return {
        "teds-reason": (
            "TEDS discharge reasons",
            "Why a treatment episode ended: the TEDS-D REASON codes, in the codebook's "
            "wording [TEDS].",
            enum_concepts(cc.DischargeReason),
        ),
        "locator-payment": (
            "Treatment locator payment categories",
            "Payment a program accepts, with the SAMHSA treatment locator's codes [LOCATOR].",
            enum_concepts(cc.Payment),
        ),
        "locator-age-group": (
            "Treatment locator age groups",
            "Age groups a program serves, with the SAMHSA treatment locator's codes [LOCATOR].",
            enum_concepts(cc.AgeGroup),
        ),
        "locator-special-group": (
            "Treatment locator special groups",
            "Special groups a program offers services for, with the SAMHSA treatment "
            "locator's codes [LOCATOR].",
            enum_concepts(cc.SpecialGroup),
        ),
        "modality": (
            "Modalities",
            "The therapies and adjuncts registered in this installation, by code.",
            {m.code: m.name for m in cc.list_modalities()},
        ),
        "episode-type": (
            "Episode types",
            "The kind of EpisodeOfCare the library writes.",
            {JOURNEY_TYPE[0]: JOURNEY_TYPE[1]},
        ),
        "bundle-content": (
            "Bundle contents",
            "What a Bundle the library writes holds: one journey, or a list of them.",
            {"journey": "One journey", "journeys": "A list of journeys"},
        ),
    }


def terminology(*, release: str = "R5", base_url: str | None = None) -> list[dict[str, Any]]:
    """Every CodeSystem and ConceptMap the library mints, as JSON-ready dicts.

    One CodeSystem per registered framework, one per vocabulary of the library's
    own (TEDS discharge reasons, the locator's payment, age-group and
    special-group categories, the registered modalities, episode types and
    Bundle contents), and one ConceptMap per registered crosswalk.

    Parameters
    ----------
    release:
        ``"R5"`` (default) or ``"R4B"``.
    base_url:
        The canonical base for this call (default: :func:`settings`).

    Returns
    -------
    list of dict
        The CodeSystems, then the ConceptMaps.

    Raises
    ------
    carecontinuum.fhir.FhirError
        For an unknown release or an unusable base URL.

    Examples
    --------
    >>> [r["url"].rsplit("/", 1)[-1] for r in terminology()][:6]
    ['continuum', 'asam3', 'asam4', 'locus', 'teds', 'teds-reason']
    """
    import carecontinuum as cc

    w = Writer(release_option(release), base_url)
    out = [code_system(fw, w) for fw in cc.list_frameworks()]
    for name, (title, description, concepts) in own_concepts().items():
        out.append(enum_code_system(name, title, description, concepts, w))
    out.extend(concept_map(walk, w) for walk in cc.list_crosswalks())
    return out
