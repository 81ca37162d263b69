"""``to_fhir`` and ``from_fhir``: the bridge's two directions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .._text import echo
from ._context import Reader, Unmapped, Writer, level_map_option
from ._errors import FhirError, FhirMappingError
from ._release import Release, detect_release, release_of_model, release_option

__all__ = ["FhirImport", "from_fhir", "import_fhir", "parse", "to_fhir"]

_TIMING_KEYS = frozenset({"repeat", "event", "code"})
_READS = (
    "Bundle",
    "Encounter",
    "HealthcareService",
    "ServiceRequest",
    "CodeSystem",
    "ConceptMap",
    "a Timing datatype",
)


def to_fhir(
    obj: object,
    *,
    release: str = "R5",
    base_url: str | None = None,
    patient: str | None = None,
) -> dict[str, Any]:
    """Export one of the library's objects as FHIR, a JSON-ready ``dict``.

    ==================================  ==============================================
    object                              FHIR
    ==================================  ==============================================
    :class:`~carecontinuum.Framework`   ``CodeSystem``
    :class:`~carecontinuum.Crosswalk`   ``ConceptMap``
    :class:`~carecontinuum.Program`     ``HealthcareService``
    ``Schedule`` / ``WeeklySchedule``   a ``Timing`` datatype
    :class:`~carecontinuum.Placement`   ``Encounter``
    :class:`~carecontinuum.Journey`     ``Bundle`` (collection): an ``EpisodeOfCare``
                                        and its ``Encounter``\\ s
    a list of journeys                  one ``Bundle``
    ==================================  ==============================================

    Parameters
    ----------
    obj:
        The object to export.
    release:
        ``"R5"`` (default) or ``"R4B"``; ``"R4"`` is written as R4B.
    base_url:
        The canonical base of the library's code systems for this call
        (default: :func:`carecontinuum.fhir.settings`).
    patient:
        A reference to the person (``"Patient/123"``) for Encounters and
        EpisodeOfCares; without it the person id is an identifier and the
        reference a placeholder.

    Returns
    -------
    dict
        The resource (or Timing), ready for ``json.dumps``.

    Raises
    ------
    TypeError
        For an object the bridge does not export.
    carecontinuum.fhir.FhirError
        For an unknown release, an unusable base URL or patient reference.
    carecontinuum.fhir.FhirMappingError
        For a level or modality that is not registered (FHIR carries them by code).

    Examples
    --------
    >>> import carecontinuum as cc
    >>> to_fhir(cc.Schedule(hours_per_day=3, days_per_week=3, weeks=6))["repeat"]
    ... # doctest: +NORMALIZE_WHITESPACE
    {'frequency': 3, 'period': 1, 'periodUnit': 'wk', 'duration': 3, 'durationUnit': 'h',
     'boundsDuration': {'value': 6, 'unit': 'wk', 'system': 'http://unitsofmeasure.org',
     'code': 'wk'}}
    >>> enc = to_fhir(cc.Placement(level="residential", start="2024-01-01"), release="R4B")
    >>> enc["class"]["code"], enc["status"]
    ('NONAC', 'in-progress')
    >>> to_fhir(cc.Placement(level="residential", start="2024-01-01"))["class"][0]["coding"][0][
    ...     "code"]
    'IMP'
    """
    from ._strings import check_output

    w = Writer(release_option(release), base_url, patient)
    result = _exporter(obj)(obj, w)
    check_output(result, str(result.get("resourceType", "Timing")))
    return result


def _exporter(obj: object) -> Callable[[Any, Writer], dict[str, Any]]:
    """The function that exports *obj*."""
    import carecontinuum as cc

    from ._codesystem import code_system
    from ._conceptmap import concept_map
    from ._service import healthcare_service
    from ._timing import timing

    table: tuple[tuple[Any, Callable[[Any, Writer], dict[str, Any]]], ...] = (
        (cc.Framework, code_system),
        (cc.Crosswalk, concept_map),
        (cc.Program, healthcare_service),
        (cc.Schedule | cc.WeeklySchedule, timing),
        (cc.Placement, _placement),
        (cc.Journey, _journey),
        (list | tuple, _journeys),
    )
    for kind, export in table:
        if isinstance(obj, kind):
            return export
    raise TypeError(
        "to_fhir() takes a Framework, Crosswalk, Program, Schedule, WeeklySchedule, "
        f"Placement, Journey or a list of journeys, not {type(obj).__name__} {echo(obj)}"
    )


def _placement(p: Any, w: Writer) -> dict[str, Any]:
    from ._encounter import encounter
    from ._episode import subject_of

    return encounter(p, w, subject=subject_of(None, w) if w.patient is not None else None)


def _journey(j: Any, w: Writer) -> dict[str, Any]:
    from ._episode import bundle

    return bundle([j], w, single=True)


def _journeys(items: Any, w: Writer) -> dict[str, Any]:
    import carecontinuum as cc

    from .._checks import as_tuple
    from ._episode import bundle

    journeys: tuple[Any, ...] = as_tuple(items, "obj")
    for i, item in enumerate(journeys):
        if not isinstance(item, cc.Journey):
            raise TypeError(
                f"to_fhir() of a list takes journeys; item {i} is {type(item).__name__} "
                f"{echo(item)}"
            )
    return bundle(journeys, w, single=False)


@dataclass(frozen=True)
class FhirImport:
    """What :func:`import_fhir` read: the object, and what had no place in it.

    Attributes
    ----------
    value:
        The library's object (a Journey, a list of journeys, a Placement, a
        Program, a Schedule or WeeklySchedule, a Framework or a Crosswalk).
    release:
        The release the input was read as.
    unmapped:
        Elements, codings and extensions of the input that the object has no
        place for: nothing is dropped without being listed here.
    """

    value: Any
    release: Release
    unmapped: tuple[Unmapped, ...]


def parse(data: object, release: Release | None) -> tuple[dict[str, Any], Release | None]:
    """JSON text, a dict or a fhir.resources model as a dict, and the model's release."""
    from .._json import loads

    if isinstance(data, str | bytes | bytearray):
        value = loads(data, what="FHIR JSON")
    elif isinstance(data, Mapping):
        value = data
    elif type(data).__module__.startswith("fhir.resources.") and hasattr(data, "model_dump_json"):
        model_release = release_of_model(data)
        if release is not None and release != model_release:
            raise FhirError(
                f"release {release} was asked for, but the model is a fhir.resources "
                f"{model_release} {type(data).__name__}",
                path="release",
            )
        return loads(data.model_dump_json(), what="FHIR model"), model_release
    else:
        raise TypeError(
            "from_fhir() takes a dict, JSON text or a fhir.resources model, not "
            f"{type(data).__name__} {echo(data)}"
        )
    if not isinstance(value, Mapping):
        raise FhirError(
            f"a FHIR resource is a JSON object, not {type(value).__name__} {echo(value)}"
        )
    return dict(value), None


def _read(data: Mapping[str, Any], r: Reader) -> Any:
    kind = data.get("resourceType")
    if kind is None:
        if _TIMING_KEYS & set(data) and set(data) <= {
            *_TIMING_KEYS,
            "extension",
            "modifierExtension",
            "id",
        }:
            from ._timing_read import read_timing

            return read_timing(data, "Timing", r)
        raise FhirError(
            "a FHIR resource needs a 'resourceType' (a Timing datatype has 'repeat', "
            "'event' or 'code' and nothing else)"
        )
    if not isinstance(kind, str):
        raise FhirError(f"resourceType must be a string, not {echo(kind)}", path="resourceType")
    reader = _readers().get(kind)
    if reader is not None:
        return reader(data, kind, r)
    if kind == "EpisodeOfCare":
        raise FhirMappingError(
            "an EpisodeOfCare alone lists no placements (its Encounters point at it): "
            "pass the Bundle that holds it and its Encounters",
            path=kind,
        )
    timing = data.get("occurrenceTiming")
    if timing is not None:
        from ._node import as_dict
        from ._timing_read import read_timing

        return read_timing(
            as_dict(timing, f"{kind}.occurrenceTiming"), f"{kind}.occurrenceTiming", r
        )
    raise FhirMappingError(
        f"a {echo(kind)} maps to nothing in carecontinuum; the bridge reads {', '.join(_READS)}",
        path=kind,
    )


def _readers() -> dict[str, Any]:
    from ._codesystem_read import read_code_system
    from ._conceptmap import read_concept_map
    from ._encounter_read import read_encounter
    from ._episode_read import read_bundle
    from ._service_read import read_program

    return {
        "Bundle": read_bundle,
        "Encounter": read_encounter,
        "HealthcareService": read_program,
        "CodeSystem": read_code_system,
        "ConceptMap": read_concept_map,
    }


def import_fhir(
    data: object,
    *,
    release: str | None = None,
    level_map: Mapping[Any, Any] | None = None,
    base_url: str | None = None,
) -> FhirImport:
    """Read FHIR into the library's objects, and list what had no place in them.

    Takes the same arguments as :func:`from_fhir`, which returns
    ``import_fhir(...).value``.

    Parameters
    ----------
    data, release, level_map, base_url:
        As for :func:`from_fhir`.

    Returns
    -------
    FhirImport
        The object, the release read, and the unmapped parts of the input.

    Raises
    ------
    carecontinuum.fhir.FhirError, carecontinuum.fhir.FhirMappingError
        As :func:`from_fhir`.

    Examples
    --------
    >>> got = import_fhir({"resourceType": "Encounter", "status": "completed",
    ...     "class": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
    ...                            "code": "AMB"}]}],
    ...     "type": [{"coding": [{"system": "http://snomed.info/sct", "code": "270427003"}]}],
    ...     "actualPeriod": {"start": "2024-01-08", "end": "2024-02-19"}},
    ...     level_map={"http://snomed.info/sct|270427003": "outpatient"})
    >>> got.value, got.release
    (Placement('outpatient', 2024-01-08 → 2024-02-19), 'R5')
    """
    given = None if release is None else release_option(release)
    levels = level_map_option(level_map)
    value, model_release = parse(data, given)
    if value.get("resourceType") is None:
        found: Release = given or model_release or "R5"
    else:
        found = detect_release(value, given or model_release)
    r = Reader(found, base_url, levels)
    result = _read(value, r)
    return FhirImport(result, found, tuple(r.unmapped))


def from_fhir(
    data: object,
    *,
    release: str | None = None,
    level_map: Mapping[Any, Any] | None = None,
    base_url: str | None = None,
) -> Any:
    """Read FHIR into the library's objects: the reverse of :func:`to_fhir`.

    ``Bundle`` → a :class:`~carecontinuum.Journey` (or a list, for a Bundle of
    several); ``Encounter`` → :class:`~carecontinuum.Placement`;
    ``HealthcareService`` → :class:`~carecontinuum.Program`; a ``Timing``, or a
    resource carrying one (``ServiceRequest.occurrenceTiming``) → a
    :class:`~carecontinuum.Schedule` or :class:`~carecontinuum.WeeklySchedule`;
    the library's ``CodeSystem``\\ s → :class:`~carecontinuum.Framework` and
    ``ConceptMap``\\ s → :class:`~carecontinuum.Crosswalk`.  Resources other
    systems wrote are read too, without guesses: see the docs page.  What has no
    place in the result is listed by :func:`import_fhir`.

    Parameters
    ----------
    data:
        A dict, JSON text (str or UTF-8 bytes) or a fhir.resources model.
    release:
        ``"R5"`` or ``"R4B"`` (``"R4"`` is read as R4B); ``None`` detects it from
        the resource's shape.
    level_map:
        Codings to levels, for resources whose level the bridge cannot tell:
        ``{"system|code": level}`` (or ``{(system, code): level}``), a level
        being a continuum code or alias, ``"framework:code"`` or a CareLevel.
    base_url:
        The canonical base the library's code systems were written under
        (default: :func:`carecontinuum.fhir.settings`).

    Returns
    -------
    object
        The library's object.

    Raises
    ------
    TypeError
        For *data* of another type, or a *level_map* that is not a mapping.
    carecontinuum.InvalidJsonError
        For text that is not strict JSON.
    carecontinuum.fhir.FhirError
        For a wrong or ambiguous release, a missing ``resourceType`` or an
        element of the wrong JSON type.
    carecontinuum.fhir.FhirMappingError
        For FHIR that cannot be mapped faithfully, saying what and why.

    Examples
    --------
    >>> import carecontinuum as cc
    >>> week = cc.Schedule(hours_per_day=3, days_per_week=4, weeks=6)
    >>> from_fhir(to_fhir(week)) == week
    True
    >>> from_fhir({"repeat": {"frequency": 1, "period": 1, "periodUnit": "d",
    ...                       "dayOfWeek": ["mon", "wed", "fri"],
    ...                       "duration": 180, "durationUnit": "min"}})
    Schedule(3 h/day × 3 days/week = 9 h/week)
    """
    return import_fhir(data, release=release, level_map=level_map, base_url=base_url).value
