"""The errors of the FHIR bridge: one module, as every package keeps them."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import CareContinuumError

__all__ = ["FhirError", "FhirMappingError"]


class FhirError(CareContinuumError, ValueError):
    """FHIR input or a FHIR argument the bridge cannot use.

    Raised for a release that is not ``"R5"`` or ``"R4B"`` (or that the data
    contradicts), a resource without a ``resourceType``, an element of the
    wrong JSON type, or a base URL that is not the caller's own.  ``path``
    names the element at fault (``"Encounter.actualPeriod.start"``), empty
    when the whole input is.

    Examples
    --------
    >>> from carecontinuum.fhir import from_fhir
    >>> from_fhir({"status": "completed"})
    Traceback (most recent call last):
    ...
    carecontinuum.fhir._errors.FhirError: (top level): a FHIR resource needs a 'resourceType' ...
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        self.path = path
        super().__init__(f"{path or '(top level)'}: {message}")


class FhirMappingError(FhirError):
    """Well-formed FHIR that has no faithful counterpart in carecontinuum's model.

    The message says what could not be mapped and why; ``candidates`` lists
    the level codes an ambiguous coding could mean (pass ``level_map=`` to
    :func:`~carecontinuum.fhir.from_fhir` to settle it).

    Examples
    --------
    >>> from carecontinuum.fhir import from_fhir
    >>> amb = {"resourceType": "Encounter", "status": "finished", "class": {
    ...     "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}}
    >>> try:
    ...     from_fhir(amb)
    ... except FhirMappingError as err:
    ...     print(err.candidates)
    ('outpatient', 'intensive_outpatient', 'partial_hospitalization')
    """

    def __init__(self, message: str, *, path: str = "", candidates: Sequence[str] = ()) -> None:
        self.candidates = tuple(candidates)
        super().__init__(message, path=path)
