"""``import carecontinuum.fhir`` is cheap: fhir.resources loads only for validation and models."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return set(out.split())


def _fhir_resources(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "fhir" or m.startswith(("fhir.", "fhir_core"))}


def test_importing_the_bridge_does_not_import_fhir_resources() -> None:
    loaded = _modules_after("import carecontinuum.fhir")
    assert _fhir_resources(loaded) == set()
    assert "pint" not in loaded
    assert "networkx" not in loaded


def test_exporting_and_reading_do_not_need_fhir_resources() -> None:
    loaded = _modules_after(
        "import carecontinuum as cc\n"
        "from carecontinuum.fhir import from_fhir, to_fhir\n"
        "j = cc.Journey(placements=[{'level': 'IOP', 'start': '2024-01-08'}])\n"
        "assert from_fhir(to_fhir(j)) == j\n"
    )
    assert _fhir_resources(loaded) == set()


def test_validation_loads_fhir_resources() -> None:
    loaded = _modules_after(
        "import carecontinuum as cc\n"
        "from carecontinuum.fhir import to_fhir, validate\n"
        "validate(to_fhir(cc.Schedule(hours_per_day=3, days_per_week=3)))\n"
    )
    assert "fhir.resources" in loaded
