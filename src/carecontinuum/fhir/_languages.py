"""Language names as BCP-47 tags, where the name is unambiguous [BCP47].

Programs state their languages in words ("English", "Spanish").  FHIR codes
``communication`` in BCP-47 (``urn:ietf:bcp:47``); the tags below are
primary-language subtags of the IANA Language Subtag Registry.  A name not in
the table is written as text only: the bridge does not guess a tag.
"""

from __future__ import annotations

__all__ = ["LANGUAGE_TAGS", "language_tag"]

#: English language name (case-insensitive) → BCP-47 tag [BCP47].
LANGUAGE_TAGS: dict[str, str] = {
    "american sign language": "ase",
    "arabic": "ar",
    "armenian": "hy",
    "cantonese": "yue",
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "german": "de",
    "haitian creole": "ht",
    "hindi": "hi",
    "hmong": "hmn",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "mandarin": "cmn",
    "navajo": "nv",
    "persian": "fa",
    "polish": "pl",
    "portuguese": "pt",
    "russian": "ru",
    "somali": "so",
    "spanish": "es",
    "tagalog": "tl",
    "ukrainian": "uk",
    "vietnamese": "vi",
}


def language_tag(name: str) -> str | None:
    """The BCP-47 tag of a language named in English, or ``None`` when not in the table.

    Examples
    --------
    >>> language_tag("Spanish"), language_tag("Klingon")
    ('es', None)
    """
    return LANGUAGE_TAGS.get(" ".join(name.split()).casefold())
