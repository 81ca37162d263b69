"""FHIR ids and computable names from the library's codes."""

from __future__ import annotations

import hashlib
import re

__all__ = ["computable_name", "fhir_id"]

_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def fhir_id(text: str) -> str:
    """*text* when it is a valid FHIR id, else a stable id derived from it.

    Examples
    --------
    >>> fhir_id("asam3"), fhir_id("state_x")
    ('asam3', 'state-x-b171d72f')
    """
    if _ID.match(text):
        return text
    cleaned = re.sub(r"[^A-Za-z0-9\-.]+", "-", text).strip("-")[:48] or "id"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{cleaned}-{digest}"


def computable_name(*words: str) -> str:
    """A FHIR computable name (``^[A-Z]([A-Za-z0-9_]){1,254}$``) from code words.

    Examples
    --------
    >>> computable_name("care", "continuum", "asam3")
    'CareContinuumAsam3'
    """
    parts = [p for w in words for p in re.split(r"[^A-Za-z0-9]+", w) if p]
    name = "".join(p[:1].upper() + p[1:] for p in parts)
    if not name or not name[0].isalpha():
        name = "Cc" + name
    return name[:255]
