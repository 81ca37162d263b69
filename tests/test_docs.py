"""Build the docs with warnings as errors, and exercise the web-API example they document.

The build runs ``sphinx-build -W --keep-going -b html docs <tmp>`` in a
subprocess (offline: no intersphinx, notebooks are not executed here — see
tests/test_notebooks.py).  A broken cross-reference, a malformed docstring or a
source id missing from ``carecontinuum.SOURCES`` fails it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
KEY_PAGES = [
    "index.html",
    "getting-started.html",
    "api/index.html",
    "api/carecontinuum.html",
    "sources.html",
    "contributing.html",
]


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    cache = tmp_path_factory.mktemp("doctrees")
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"),
            *("-d", str(cache), str(DOCS), str(out)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, f"sphinx-build failed:\n{proc.stdout}\n{proc.stderr}"
    return out


@pytest.mark.parametrize("page", KEY_PAGES)
def test_key_page_exists(built_docs: Path, page: str) -> None:
    assert (built_docs / page).is_file()


def test_api_reference_documents_the_facade(built_docs: Path) -> None:
    import carecontinuum as cc

    html = "".join(p.read_text(encoding="utf-8") for p in (built_docs / "api").glob("*.html"))
    missing = [name for name in cc.__all__ if f'id="carecontinuum.{name}"' not in html]
    assert not missing, f"public names without an API entry: {missing}"


def test_sources_page_lists_every_source_and_its_citers(built_docs: Path) -> None:
    import carecontinuum as cc

    html = (built_docs / "sources.html").read_text(encoding="utf-8")
    for source_id in cc.SOURCES:
        assert f'id="source-{source_id.lower()}"' in html, source_id
    assert "intensive_outpatient" in html  # a level that cites its sources
    assert "cognitive_behavioral_therapy" in html  # a modality that does


# -- the web-API how-to -----------------------------------------------------------------------


def _load_webapi() -> ModuleType:
    path = ROOT / "examples" / "webapi.py"
    spec = importlib.util.spec_from_file_location("carecontinuum_webapi_example", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
