"""`import carecontinuum` stays cheap: no pint, no networkx, until they are needed."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_import_loads_neither_pint_nor_networkx() -> None:
    loaded = _modules_after("import carecontinuum")
    assert "pint" not in loaded
    assert "networkx" not in loaded
    assert "pydantic" not in loaded  # the facade is lazy all the way down


def test_level_and_modality_lookups_do_not_need_pint_or_networkx() -> None:
    loaded = _modules_after(
        "import carecontinuum as cc\ncc.level('IOP')\ncc.modality('CBT')\n"
        "cc.level('2.1', framework='asam3')"
    )
    assert "pint" not in loaded
    assert "networkx" not in loaded


def test_a_string_quantity_brings_in_pint() -> None:
    loaded = _modules_after("from carecontinuum.units import convert\nconvert('3 h', 'hour')")
    assert "pint" in loaded
