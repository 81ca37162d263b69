"""The canonical base URL of the library's FHIR code systems, and how to change it.

Every CodeSystem, ConceptMap and extension the bridge writes lives under one
base URL.  It must be a namespace its publisher controls: never ``hl7.org``
(HL7's own) and never an ASAM one (the ASAM Criteria's publisher has minted no
FHIR code system, and nobody else may mint one for it) [FHIR].  State
implementation guides do the same with their own domains, e.g. the Colorado
BHA's ``http://bha.colorado.gov/fhir/bha-ig/CodeSystem/...`` [BHA-IG].

The default is the library's documentation site.  An organisation that
publishes its own copies sets its base with :func:`configure` (process-wide,
returning the previous settings) or per call with ``base_url=``.

Examples
--------
>>> from carecontinuum import fhir
>>> fhir.settings().base_url
'https://carecontinuum.readthedocs.io/fhir'
>>> previous = fhir.configure(base_url="https://fhir.example.org/bh")
>>> fhir.code_system_url("asam3")
'https://fhir.example.org/bh/CodeSystem/asam3'
>>> fhir.configure(previous).base_url
'https://fhir.example.org/bh'
>>> fhir.settings().base_url
'https://carecontinuum.readthedocs.io/fhir'
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from .._text import echo
from ._errors import FhirError

__all__ = [
    "DEFAULT_BASE_URL",
    "FhirSettings",
    "code_system_url",
    "configure",
    "extension_url",
    "resolve_base",
    "settings",
]

#: The library's own namespace: its documentation site.
DEFAULT_BASE_URL = "https://carecontinuum.readthedocs.io/fhir"

# hosts whose namespaces belong to others: HL7 (and its terminology server), ASAM
_FORBIDDEN_HOSTS = ("hl7.org", "fhir.org", "asam.org")
_MAX_URL = 200
_SAFE = re.compile(r"^[A-Za-z0-9\-._~:/%]+$")


@dataclass(frozen=True)
class FhirSettings:
    """Process-wide settings of the FHIR bridge.

    Attributes
    ----------
    base_url:
        The canonical base of the library's CodeSystems (``{base_url}/CodeSystem/asam3``),
        ConceptMaps and extensions (``{base_url}/StructureDefinition/...``).

    Raises
    ------
    carecontinuum.fhir.FhirError
        For a base URL that is not an absolute ``http(s)`` URL without query or
        fragment, or that lies under ``hl7.org`` or an ASAM namespace.

    Examples
    --------
    >>> FhirSettings(base_url="https://fhir.example.org/bh/").base_url
    Traceback (most recent call last):
    ...
    carecontinuum.fhir._errors.FhirError: base_url: must not end with '/', got ...
    """

    base_url: str = DEFAULT_BASE_URL

    def __post_init__(self) -> None:
        check_base_url(self.base_url)


def check_base_url(url: object) -> str:
    """*url* if it can be the canonical base of code systems the caller mints."""
    if not isinstance(url, str):
        raise FhirError(f"must be a URL string, not {type(url).__name__}", path="base_url")
    if not url or len(url) > _MAX_URL or not _SAFE.match(url):
        raise FhirError(
            f"must be a URL of at most {_MAX_URL} characters without spaces or quotes, "
            f"got {echo(url)}",
            path="base_url",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FhirError(f"must be an absolute http(s) URL, got {echo(url)}", path="base_url")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise FhirError(f"must have no query or fragment, got {echo(url)}", path="base_url")
    if url.endswith("/"):
        raise FhirError(f"must not end with '/', got {echo(url)}", path="base_url")
    host = parts.hostname.lower()
    for owner in _FORBIDDEN_HOSTS:
        if host == owner or host.endswith("." + owner):
            raise FhirError(
                f"{echo(url)} lies under {owner}, a namespace the library does not own: "
                "codes are never minted under hl7.org or an ASAM namespace",
                path="base_url",
            )
    return url


_lock = threading.Lock()
_current = FhirSettings()


def settings() -> FhirSettings:
    """The settings in force.

    Returns
    -------
    FhirSettings
        The current process-wide settings.

    Examples
    --------
    >>> settings().base_url.startswith("https://")
    True
    """
    return _current


def configure(new: FhirSettings | None = None, *, base_url: str | None = None) -> FhirSettings:
    """Change the process-wide settings; return the previous ones (to restore them).

    Parameters
    ----------
    new:
        Settings to install whole (e.g. the ones a previous call returned).
    base_url:
        A new canonical base URL; see :class:`FhirSettings`.

    Returns
    -------
    FhirSettings
        The settings that were in force before the call.

    Raises
    ------
    carecontinuum.fhir.FhirError
        For an unusable base URL.
    TypeError
        When *new* is not a :class:`FhirSettings`, or both arguments are given.

    Examples
    --------
    >>> old = configure(base_url="https://terminology.example.org/fhir")
    >>> settings().base_url
    'https://terminology.example.org/fhir'
    >>> _ = configure(old)
    """
    global _current
    if new is not None and base_url is not None:
        raise TypeError("configure() takes settings or base_url=, not both")
    if new is None:
        new = FhirSettings(base_url=_current.base_url if base_url is None else base_url)
    elif not isinstance(new, FhirSettings):
        raise TypeError(f"configure() takes FhirSettings, got {type(new).__name__}")
    with _lock:
        previous, _current = _current, new
    return previous


def resolve_base(base_url: str | None) -> str:
    """The base URL of one call: *base_url* when given (checked), else the setting."""
    return _current.base_url if base_url is None else check_base_url(base_url)


def code_system_url(name: str, *, base_url: str | None = None) -> str:
    """The canonical URL of one of the library's code systems.

    Parameters
    ----------
    name:
        A framework code (``"asam3"``) or one of the library's other code
        systems (``"teds-reason"``, ``"locator-payment"`` ...).
    base_url:
        Overrides the configured base for this call.

    Returns
    -------
    str
        ``{base_url}/CodeSystem/{name}``.

    Examples
    --------
    >>> code_system_url("continuum")
    'https://carecontinuum.readthedocs.io/fhir/CodeSystem/continuum'
    """
    return f"{resolve_base(base_url)}/CodeSystem/{name}"


def extension_url(name: str, *, base_url: str | None = None) -> str:
    """The URL of one of the library's documented extensions.

    Parameters
    ----------
    name:
        The extension's name (``"schedule"``, ...).
    base_url:
        The base URL of the extensions; the library's default when ``None``.

    Returns
    -------
    str
        The extension's canonical URL.

    Raises
    ------
    carecontinuum.fhir.FhirError
        For a *base_url* that is not an absolute http(s) URL.

    Examples
    --------
    >>> extension_url("schedule")
    'https://carecontinuum.readthedocs.io/fhir/StructureDefinition/schedule'
    """
    return f"{resolve_base(base_url)}/StructureDefinition/{name}"
