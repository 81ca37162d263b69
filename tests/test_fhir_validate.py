"""``validate``: structure from fhir.resources, and the checks it does not make."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest

import carecontinuum as cc
from carecontinuum.fhir import FhirError, to_fhir, validate

V3 = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
BASE = cc.fhir.DEFAULT_BASE_URL
ENCOUNTER = to_fhir(
    cc.Placement(level="IOP", start="2024-01-08", end="2024-02-19", discharge_reason=1)
)


def _codes(resource: object, release: str = "R5") -> list[str]:
    return [f.code for f in validate(resource, release=release)]


def test_fhir_resources_accepts_what_the_library_refuses() -> None:
    from fhir.resources.encounter import Encounter

    bogus = {**ENCOUNTER, "status": "bogus"}
    Encounter.model_validate(bogus)  # structure only: no complaint [FHIR]
    (finding,) = validate(bogus)
    assert (finding.code, finding.severity, finding.location) == (
        "status",
        "error",
        "Encounter.status",
    )
    assert "'bogus' is not an R5 Encounter status" in finding.message


def test_structure_errors_come_from_fhir_resources_as_findings() -> None:
    bad = {**ENCOUNTER, "actualPeriod": {"start": "not a date"}, "unknownElement": 1}
    findings = validate(bad)
    assert {f.code for f in findings} >= {"structure"}
    assert any(f.location == "Encounter.unknownElement" for f in findings)


def test_the_release_is_checked_against_the_shape() -> None:
    assert _codes(ENCOUNTER, "R4B")[0] == "wrong-release"
    assert (
        _codes(to_fhir(cc.Placement(level="IOP", start="2024-01-08"), release="R4B"), "R4B") == []
    )
    with pytest.raises(FhirError, match="unknown FHIR release"):
        validate(ENCOUNTER, release="DSTU2")


def test_r5_class_codes_outside_the_value_set() -> None:
    acute = copy.deepcopy(ENCOUNTER)
    acute["class"][0]["coding"][0]["code"] = "ACUTE"  # fine in R4B, not in R5 [FHIR]
    assert _codes(acute) == ["encounter-class"]


def test_codes_and_displays_in_the_librarys_systems() -> None:
    bad = copy.deepcopy(ENCOUNTER)
    bad["type"][0]["coding"][0]["display"] = "Something else"
    bad["admission"]["dischargeDisposition"]["coding"][0]["code"] = "99"
    findings = validate(bad)
    assert [(f.code, f.severity) for f in findings] == [
        ("display", "warning"),
        ("unknown-code", "error"),
    ]
    other = copy.deepcopy(ENCOUNTER)
    other["type"][0]["coding"][0]["system"] = f"{BASE}/CodeSystem/asam9"
    assert _codes(other) == ["unknown-code-system"]


def test_timing_invariants() -> None:
    timing = {
        "repeat": {
            "duration": 3,
            "period": 1,
            "frequency": 1,
            "durationMax": 2,
            "periodMax": 2,
            "countMax": 3,
            "offset": 10,
            "timeOfDay": ["09:00:00"],
            "when": ["C"],
            "dayOfWeek": ["xyz"],
            "periodUnit": "fortnight",
        }
    }
    messages = [f.message for f in validate(timing) if f.code.startswith("timing-")]
    for rule in ("tim-1", "tim-8", "tim-9", "tim-10"):
        assert any(rule in m for m in messages), rule
    assert any("'xyz' is not a day of week" in m for m in messages)
    assert any("'fortnight' is not a unit of time" in m for m in messages)


def test_a_timing_without_a_weekly_dose_is_a_warning_only() -> None:
    (finding,) = validate({"repeat": {"frequency": 3, "period": 1, "periodUnit": "wk"}})
    assert (finding.code, finding.severity) == ("timing-dose", "warning")


def test_everything_the_library_mints_validates() -> None:
    for release in ("R5", "R4B"):
        for resource in cc.fhir.terminology(release=release):
            assert validate(resource, release=release) == [], resource["url"]


def test_without_the_extra_validation_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['fhir.resources'] = None\n"
        "import carecontinuum as cc\n"
        "from carecontinuum.fhir import to_fhir, validate\n"
        "resource = to_fhir(cc.Placement(level='IOP', start='2024-01-08'))\n"
        "try:\n"
        "    validate(resource)\n"
        "except cc.MissingExtraError as err:\n"
        "    print(err)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "pip install 'carecontinuum[fhir]'" in done.stdout
    assert "validate()" in done.stdout
