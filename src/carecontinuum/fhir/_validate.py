"""``validate``: fhir.resources for structure, the library's own rules for the rest.

fhir.resources checks structure only: it accepts ``status: "bogus"`` and does
not check Timing invariants [FHIR].  The library's checks add:

* codes in the library's code systems (a framework's levels, TEDS reasons,
  locator codes, registered modalities), and their displays;
* Encounter and EpisodeOfCare status codes and R5's encounter-class value set;
* Timing invariants (FHIR tim-1 … tim-10, units of time, days of week), and
  whether a Timing defines a weekly dose (a warning when it does not; an error
  when it disagrees with the library's own sessions);
* references: ``#id`` to a contained resource and ``urn:uuid:`` to a Bundle entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._text import echo
from ._context import Reader
from ._errors import FhirError, FhirMappingError
from ._release import Release, detect_release, release_option
from ._terms import ENCOUNTER_STATUSES, EPISODE_STATUSES, R5_ENCOUNTER_CLASSES, V3_ACT_CODE

if TYPE_CHECKING:
    from ..transitions import Finding

__all__ = ["validate"]

_UNITS_OF_TIME = ("s", "min", "h", "d", "wk", "mo", "a")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAILY_EVENTS_WITHOUT_OFFSET = ("C", "CM", "CD", "CV")
_MAX_FINDINGS = 1000


class _Checks:
    def __init__(self, release: Release, base_url: str | None) -> None:
        import carecontinuum as cc

        from ._terminology import own_concepts

        self.release = release
        self.r = Reader(release, base_url)
        self.found: list[Finding] = []
        self.codes: dict[str, dict[str, str]] = {
            fw.code: {lv.code: lv.name for lv in fw} for fw in cc.list_frameworks()
        }
        self.codes.update({name: c for name, (_, _, c) in own_concepts().items()})
        self.local: set[str] = set()

    def add(self, code: str, message: str, location: str, severity: str = "error") -> None:
        from ..transitions import Finding

        if len(self.found) < _MAX_FINDINGS:
            self.found.append(
                Finding(
                    code=code,
                    message=message,
                    severity=severity,
                    location=location,
                )
            )

    # -- the walk -----------------------------------------------------------------------
    def walk(self, value: Any, path: str, resource: Mapping[str, Any] | None) -> None:
        if isinstance(value, Mapping):
            kind = value.get("resourceType")
            if isinstance(kind, str):
                resource = value
                self.resource(value, kind, path)
            if isinstance(value.get("system"), str) and "code" in value:
                self.coding(value, path)
            if isinstance(value.get("reference"), str) and resource is not None:
                self.reference(value["reference"], path, resource)
            for key, item in value.items():
                if key in ("occurrenceTiming", "valueTiming", "scheduledTiming"):
                    self.timing(item, f"{path}.{key}")
                self.walk(item, f"{path}.{key}", resource)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.walk(item, f"{path}[{i}]", resource)

    def resource(self, res: Mapping[str, Any], kind: str, path: str) -> None:
        status = res.get("status")
        if kind == "Encounter":
            if status not in ENCOUNTER_STATUSES[self.release]:
                self.add(
                    "status",
                    f"{echo(status)} is not an {self.release} Encounter status "
                    f"({', '.join(ENCOUNTER_STATUSES[self.release])})",
                    f"{path}.status",
                )
            klass = res.get("class")
            items = klass if isinstance(klass, list) else [klass] if klass else []
            for i, item in enumerate(items):
                codings = (
                    item.get("coding", [])
                    if self.release == "R5" and isinstance(item, Mapping)
                    else [item]
                )
                for c in codings if isinstance(codings, list) else ():
                    if (
                        self.release == "R5"
                        and isinstance(c, Mapping)
                        and c.get("system") == V3_ACT_CODE
                        and not (
                            isinstance(c.get("code"), str) and c["code"] in R5_ENCOUNTER_CLASSES
                        )
                    ):
                        self.add(
                            "encounter-class",
                            f"{echo(c.get('code'))} is not in R5's encounter-class value set "
                            f"({', '.join(sorted(R5_ENCOUNTER_CLASSES))}); ACUTE and NONAC "
                            "are written as IMP in R5",
                            f"{path}.class[{i}]",
                        )
        elif kind == "EpisodeOfCare" and status not in EPISODE_STATUSES:
            self.add(
                "status",
                f"{echo(status)} is not an EpisodeOfCare status ({', '.join(EPISODE_STATUSES)})",
                f"{path}.status",
            )
        if kind == "Bundle":
            for entry in res.get("entry", []) if isinstance(res.get("entry"), list) else ():
                if isinstance(entry, Mapping) and isinstance(entry.get("fullUrl"), str):
                    self.local.add(entry["fullUrl"])

    def coding(self, c: Mapping[str, Any], path: str) -> None:
        system, code = c["system"], c.get("code")
        prefix = self.r.urls.cs
        if not system.startswith(prefix):
            return
        name = system[len(prefix) :]
        known = self.codes.get(name)
        if known is None:
            self.add(
                "unknown-code-system",
                f"{system} is not one of the library's code systems ({', '.join(self.codes)})",
                f"{path}.system",
            )
        elif not isinstance(code, str) or code not in known:
            self.add("unknown-code", f"code {echo(code)} is not in {system}", f"{path}.code")
        elif "display" in c and c["display"] != known[code]:
            self.add(
                "display",
                f"display {echo(c['display'])} of {code!r} differs from the "
                f"library's {known[code]!r}",
                f"{path}.display",
                "warning",
            )

    def reference(self, ref: str, path: str, resource: Mapping[str, Any]) -> None:
        if ref.startswith("#"):
            contained = resource.get("contained")
            ids = {
                r.get("id")
                for r in (contained if isinstance(contained, list) else ())
                if isinstance(r, Mapping) and isinstance(r.get("id"), str)
            }
            if ref[1:] and ref[1:] not in ids:
                self.add(
                    "broken-reference",
                    f"{echo(ref)} points at no contained resource",
                    f"{path}.reference",
                )
        elif ref.startswith("urn:uuid:") and self.local and ref not in self.local:
            self.add(
                "broken-reference",
                f"{echo(ref)} points at no entry of the Bundle",
                f"{path}.reference",
            )

    # -- Timing ---------------------------------------------------------------------------
    def timing(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            return
        repeat = value.get("repeat")
        if isinstance(repeat, Mapping):
            self.invariants(repeat, f"{path}.repeat")
        from ._timing_read import read_timing

        extensions = value.get("extension")
        ours = any(
            isinstance(e, Mapping) and e.get("url") == self.r.urls.ext("session")
            for e in (extensions if isinstance(extensions, list) else ())
        )
        try:
            read_timing(value, path, self.r)
        except FhirMappingError as err:
            severity = "error" if ours else "warning"
            self.add("timing-dose" if not ours else "timing-inconsistent", str(err), path, severity)
        except FhirError as err:
            self.add("timing-structure", str(err), path)

    def invariants(self, rep: Mapping[str, Any], path: str) -> None:
        rules = [
            (
                "tim-1",
                "duration" in rep and "durationUnit" not in rep,
                "a duration needs a durationUnit",
            ),
            ("tim-2", "period" in rep and "periodUnit" not in rep, "a period needs a periodUnit"),
            ("tim-6", "periodMax" in rep and "period" not in rep, "periodMax needs a period"),
            (
                "tim-7",
                "durationMax" in rep and "duration" not in rep,
                "durationMax needs a duration",
            ),
            ("tim-8", "countMax" in rep and "count" not in rep, "countMax needs a count"),
            (
                "tim-9",
                "offset" in rep
                and (
                    not rep.get("when")
                    or any(w in _DAILY_EVENTS_WITHOUT_OFFSET for w in rep.get("when") or ())
                ),
                "an offset needs a when (and not C, CM, CD or CV)",
            ),
            (
                "tim-10",
                "timeOfDay" in rep and "when" in rep,
                "timeOfDay and when exclude each other",
            ),
        ]
        for code, broken, message in rules:
            if broken:
                self.add("timing-invariant", f"{code}: {message}", path)
        for key in ("duration", "period", "durationMax", "periodMax", "frequency", "count"):
            value = rep.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
                self.add(
                    "timing-invariant", f"{key} must not be negative (tim-4/tim-5)", f"{path}.{key}"
                )
        for key in ("durationUnit", "periodUnit"):
            unit = rep.get(key)
            if unit is not None and unit not in _UNITS_OF_TIME:
                self.add(
                    "timing-unit",
                    f"{echo(unit)} is not a unit of time ({', '.join(_UNITS_OF_TIME)})",
                    f"{path}.{key}",
                )
        days = rep.get("dayOfWeek")
        for i, day in enumerate(days if isinstance(days, list) else ()):
            if day not in _DAYS:
                self.add(
                    "timing-day", f"{echo(day)} is not a day of week", f"{path}.dayOfWeek[{i}]"
                )


def _structure(value: Mapping[str, Any], kind: str, release: Release, checks: _Checks) -> None:
    from pydantic import ValidationError

    from ._models import model_class

    try:
        model = model_class(kind, release, "carecontinuum.fhir.validate()")
    except ValueError:
        checks.add("unknown-resource-type", f"{echo(kind)} is not a FHIR {release} type", kind)
        return
    try:
        model.model_validate(value)
    except ValidationError as err:
        for e in err.errors(include_url=False):
            where = ".".join([kind, *(str(p) for p in e["loc"])]) if e["loc"] else kind
            checks.add("structure", str(e["msg"]), where)
    except Exception as err:  # fhir.resources itself fails on some malformed input
        checks.add(
            "structure",
            f"fhir.resources could not read the resource ({type(err).__name__}: {echo(str(err))})",
            kind,
        )


def validate(
    resource: object, *, release: str = "R5", base_url: str | None = None
) -> list[Finding]:
    """Check a FHIR resource (or Timing) and return every problem found, not a traceback.

    Parameters
    ----------
    resource:
        A dict, JSON text or a fhir.resources model: a resource, or a Timing
        datatype (no ``resourceType``).
    release:
        ``"R5"`` (default) or ``"R4B"``: the release to check against.
    base_url:
        The canonical base of the library's code systems (default: the setting).

    Returns
    -------
    list of carecontinuum.Finding
        Errors and warnings, with a ``location`` path; empty when all is well.

    Raises
    ------
    TypeError
        For a *resource* that is not a dict, text or model.
    carecontinuum.fhir.FhirError
        For an unknown *release* or unusable *base_url* (arguments, not findings).
    carecontinuum.MissingExtraError
        Without the ``fhir`` extra (fhir.resources).

    Examples
    --------
    >>> import carecontinuum as cc
    >>> from carecontinuum.fhir import to_fhir
    >>> validate(to_fhir(cc.Placement(level="IOP", start="2024-01-08")))
    []
    >>> [f.code for f in validate({"resourceType": "Encounter", "status": "bogus",
    ...                            "class": [{"coding": [{"system": "http://terminology.hl7.org/"
    ...                                       "CodeSystem/v3-ActCode", "code": "ACUTE"}]}]})]
    ['status', 'encounter-class']
    """
    from .._json import loads
    from ..errors import InvalidJsonError
    from ._api import parse

    chosen = release_option(release)
    checks = _Checks(chosen, base_url)
    try:
        value, model_release = parse(resource, chosen)
    except InvalidJsonError as err:
        checks.add("invalid-json", str(err), "(top level)")
        return checks.found
    except FhirError as err:
        checks.add(
            "wrong-release" if err.path == "release" else "structure",
            str(err),
            err.path or "(top level)",
        )
        return checks.found
    del loads, model_release
    kind = value.get("resourceType")
    if kind is None:
        if not {"repeat", "event", "code"} & set(value):
            checks.add(
                "missing-resource-type",
                "a FHIR resource needs a 'resourceType' (a "
                "Timing datatype has 'repeat', 'event' or 'code')",
                "(top level)",
            )
            return checks.found
        _structure(value, "Timing", chosen, checks)
        checks.timing(value, "Timing")
        return checks.found
    if not isinstance(kind, str):
        checks.add("structure", f"resourceType must be a string, not {echo(kind)}", "resourceType")
        return checks.found
    try:
        detect_release(value, chosen)
    except FhirError as err:
        checks.add("wrong-release", str(err), err.path)
    _structure(value, kind, chosen, checks)
    checks.walk(value, kind, None)
    return checks.found
