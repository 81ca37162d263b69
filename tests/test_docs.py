"""Build the docs with warnings as errors, and exercise the web-API example they document.

The build runs ``sphinx-build -W --keep-going -b html docs <tmp>`` in a
subprocess, offline (no intersphinx) and nitpicky: a cross-reference that does
not resolve, a malformed docstring, a notebook cell that raises or warns, or a
source id missing from ``carecontinuum.SOURCES`` fails it.  The notebooks are
executed by the build (their pages show outputs); tests/test_notebooks.py runs
them one by one too, to name the failing cell.
"""

from __future__ import annotations

import importlib.util
import os
import re
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
    "contract.html",
    "robustness.html",
    "errors.html",
    "api/registries.html",
]
#: What each notebook page must show once executed: (images, tables) at least.
NOTEBOOK_OUTPUTS = {
    "01_tour": (0, 1),
    "02_iop_week": (1, 1),
    "03_transitions": (1, 1),  # the graph
    "04_extending": (0, 1),
    "05_population_analytics": (2, 1),  # the heatmap and the journeys chart
    "06_fhir": (0, 0),
    "07_teds": (1, 1),
    "08_locator": (0, 1),
}


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


def test_every_notebook_is_a_docs_page(built_docs: Path) -> None:
    """docs/examples/ links each example notebook, and the built site has its page."""
    notebooks = sorted(p.name for p in (ROOT / "examples").glob("[0-9][0-9]_*.py"))
    linked = sorted(p.name for p in (DOCS / "examples").glob("[0-9][0-9]_*.py"))
    assert linked == notebooks
    for name in notebooks:
        assert (DOCS / "examples" / name).resolve() == (ROOT / "examples" / name).resolve()
        assert (built_docs / "examples" / name.replace(".py", ".html")).is_file()


def test_the_build_is_nitpicky_and_executes_the_notebooks() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert re.search(r"^nitpicky = True", conf, re.M)
    assert re.search(r'^nb_execution_mode = "(cache|force)"', conf, re.M)
    assert re.search(r"^nb_execution_raise_on_error = True", conf, re.M)


@pytest.mark.parametrize("name", sorted(NOTEBOOK_OUTPUTS))
def test_notebook_pages_show_their_outputs(built_docs: Path, name: str) -> None:
    html = (built_docs / "examples" / f"{name}.html").read_text(encoding="utf-8")
    images, tables = NOTEBOOK_OUTPUTS[name]
    outputs = html.count('class="cell_output')
    assert outputs >= 5, f"{name}: {outputs} cell outputs"
    assert html.count("<img") >= images, f"{name}: fewer than {images} figures"
    assert html.count("<table") >= tables, f"{name}: fewer than {tables} tables"
    assert "Traceback (most recent call last)" not in html


def test_index_page_does_not_repeat_the_sidebar(built_docs: Path) -> None:
    html = (built_docs / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "toctree-l1" not in article  # the toctrees are hidden: the sidebar lists them
    assert article.count("<li") <= 6  # a short guide, not the whole tree


def test_code_blocks_wrap_instead_of_being_clipped(built_docs: Path) -> None:
    css = (built_docs / "_static" / "carecontinuum.css").read_text(encoding="utf-8")
    assert re.search(r"div\.highlight pre[^{]*\{[^}]*white-space: pre-wrap", css, re.S)
    assert "carecontinuum.css" in (built_docs / "getting-started.html").read_text(encoding="utf-8")


def _public_exceptions() -> dict[str, type]:
    """Every exception or warning class a public module of the package lists in ``__all__``."""
    import importlib
    import pkgutil

    import carecontinuum

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts) or "cli" in parts:
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                found[name] = obj
    return found


def test_errors_page_shows_every_public_exception_in_its_tree(built_docs: Path) -> None:
    exceptions = _public_exceptions()
    assert len(exceptions) >= 30
    html = (built_docs / "errors.html").read_text(encoding="utf-8")
    tree = html.split('id="the-tree"', 1)[1]
    pages = [built_docs / "errors.html", *(built_docs / "api").glob("*.html")]
    documented = "".join(p.read_text(encoding="utf-8") for p in pages)
    for name, cls in exceptions.items():
        assert re.search(rf'href="[^"]*#carecontinuum\.[\w.]*\b{name}"', tree), name
        assert re.search(rf'id="carecontinuum\.[\w.]*\b{name}"', documented), name
        parent = next((b for b in cls.__mro__[1:] if b.__name__ in exceptions), None)
        if parent is not None:  # a class is listed after (under) its first base
            assert tree.index(f">{parent.__name__}<") < tree.index(f">{name}<"), name


def test_api_reference_documents_the_facade(built_docs: Path) -> None:
    import carecontinuum as cc

    html = "".join(p.read_text(encoding="utf-8") for p in (built_docs / "api").glob("*.html"))
    missing = [name for name in cc.__all__ if f'id="carecontinuum.{name}"' not in html]
    assert not missing, f"public names without an API entry: {missing}"


def test_graph_page_lists_every_method_of_the_composed_class(built_docs: Path) -> None:
    import carecontinuum as cc

    html = (built_docs / "api" / "transitions.html").read_text(encoding="utf-8")
    public = [n for n in dir(cc.ContinuumGraph) if not n.startswith("_")]
    missing = [n for n in public if f'id="carecontinuum.ContinuumGraph.{n}"' not in html]
    assert len(public) >= 34
    assert not missing, f"ContinuumGraph members without an API entry: {missing}"


def test_sources_page_lists_every_source_and_its_citers(built_docs: Path) -> None:
    import carecontinuum as cc

    html = (built_docs / "sources.html").read_text(encoding="utf-8")
    for source_id in cc.SOURCES:
        assert f'id="source-{source_id.lower()}"' in html, source_id
    assert "intensive_outpatient" in html  # a level that cites its sources
    assert "cognitive_behavioral_therapy" in html  # a modality that does


# -- the examples on the pages ----------------------------------------------------------------

_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)
PAGES_WITH_EXAMPLES = sorted(
    p for p in DOCS.rglob("*.md") if "_build" not in p.parts and _PYCON.search(p.read_text())
)
_RUNNER = """
import doctest, sys
text = sys.stdin.read()
flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
page = sys.argv[1]
test = doctest.DocTestParser().get_doctest(text, {"__name__": "__docs__"}, page, page, 0)
runner = doctest.DocTestRunner(optionflags=flags)
runner.run(test)
sys.exit(1 if runner.failures or not test.examples else 0)
"""


def _examples_only(text: str) -> str:
    """The page with everything outside ``pycon`` fences blanked, so line numbers still match."""
    keep = [False] * (text.count("\n") + 1)
    for match in _PYCON.finditer(text):
        first = text.count("\n", 0, match.start(1))
        last = text.count("\n", 0, match.end(1))
        keep[first:last] = [True] * (last - first)
    return "\n".join(line if keep[i] else "" for i, line in enumerate(text.split("\n")))


def test_pages_with_examples_were_found() -> None:
    assert len(PAGES_WITH_EXAMPLES) >= 4


@pytest.mark.parametrize(
    "page", PAGES_WITH_EXAMPLES, ids=[str(p.relative_to(DOCS)) for p in PAGES_WITH_EXAMPLES]
)
def test_page_examples_run(page: Path) -> None:
    """Every ``pycon`` block of a page runs as a doctest, in a fresh interpreter per page.

    A fresh process keeps the registrations a how-to makes out of the other tests.
    """
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(page.relative_to(ROOT))],
        input=_examples_only(page.read_text(encoding="utf-8")),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg"},
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- the web-API how-to -----------------------------------------------------------------------


def _load_webapi() -> ModuleType:
    path = ROOT / "examples" / "webapi.py"
    spec = importlib.util.spec_from_file_location("carecontinuum_webapi_example", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def webapi() -> ModuleType:
    return _load_webapi()


def test_webapi_openapi_schema_uses_the_models(webapi: ModuleType) -> None:
    schema = webapi.app.openapi()
    assert {"/levels", "/levels/{key}", "/modalities/{key}", "/classify"} <= set(schema["paths"])
    components = schema["components"]["schemas"]
    assert {"CareLevel", "LookupProblem", "Schedule", "WeeklySchedule", "Verdict"} <= set(
        components
    )
    modality = schema["paths"]["/modalities/{key}"]["get"]["responses"]["200"]
    ref = modality["content"]["application/json"]["schema"]["$ref"]
    assert ref.startswith("#/components/schemas/Modality")  # Modality, or its -Output variant
    assert components[ref.rsplit("/", 1)[1]]["properties"]["kind"]["const"] == "modality"
    level = components["CareLevel"]
    assert {"code", "name", "rank", "setting"} <= set(level["required"])
    ok = schema["paths"]["/levels/{key}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CareLevel"}


def test_webapi_serves_levels_and_modalities(webapi: ModuleType) -> None:
    from fastapi.testclient import TestClient

    with TestClient(webapi.app) as client:
        iop = client.get("/levels/IOP")
        assert iop.status_code == 200
        assert iop.json()["code"] == "intensive_outpatient"
        assert iop.json()["typical_days_per_week"] == {
            "low": 3.0,
            "high": 5.0,
            "unit": "day / week",
            "approximate": False,
        }
        levels = client.get("/levels", params={"framework": "asam3"}).json()
        assert [lv["code"] for lv in levels][:3] == ["0.5", "1", "1-OBOT"]
        cbt = client.get("/modalities/CBT").json()
        assert (cbt["kind"], cbt["code"]) == ("modality", "cognitive_behavioral_therapy")


def test_webapi_turns_a_failed_lookup_into_a_404_with_suggestions(webapi: ModuleType) -> None:
    from fastapi.testclient import TestClient

    with TestClient(webapi.app) as client:
        response = client.get("/levels/intensive outpatent")
    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "intensive_outpatient"
    assert "unknown care level" in response.json()["detail"]


def test_webapi_classifies_a_posted_schedule(webapi: ModuleType) -> None:
    from fastapi.testclient import TestClient

    with TestClient(webapi.app) as client:
        response = client.post("/classify", json={"hours_per_day": "150 min", "days_per_week": 3})
        assert response.status_code == 200
        verdicts = {v["rule_set"]: v for v in response.json()}
        assert verdicts["asam3-adult"]["level"] == "outpatient"  # 7.5 h/week < 9 [ASAM3]
        assert verdicts["teds"]["level"] == "intensive_outpatient"  # ≥ 2 h on ≥ 3 days [TEDS]
        assert verdicts["medicare"]["level"] is None  # nothing below 9 h/week [CMS-IOP]
        assert verdicts["asam3-adult"]["hours_per_week"] == 7.5
        assert verdicts["asam3-adult"]["sources"] == ["ASAM3"]

        week = {
            "sessions": [
                {"weekday": day, "start": "18:00", "duration": "3 h", "format": "group"}
                for day in ("mon", "wed", "thu")
            ]
        }
        levels = {v["rule_set"]: v["level"] for v in client.post("/classify", json=week).json()}
        assert set(levels.values()) == {"intensive_outpatient"}

        bad = client.post("/classify", json={"hours_per_day": "3 apples", "days_per_week": 3})
        assert bad.status_code == 422
        assert "hours_per_day" in bad.text
        assert "apples" in bad.text


# -- numpy-style sections of the public functions ---------------------------------------------


def _public_functions() -> dict[str, object]:
    import importlib
    import inspect
    import pkgutil

    import carecontinuum

    found: dict[str, object] = {}
    modules = ["carecontinuum"] + [
        info.name
        for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum.")
        if not any(p.startswith("_") or p == "cli" for p in info.name.split("."))
    ]
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isfunction(obj) and obj not in found.values():
                found[f"{module_name}.{name}"] = obj
    return found


PUBLIC_FUNCTIONS = _public_functions()


def test_public_functions_were_found() -> None:
    assert len(PUBLIC_FUNCTIONS) >= 80


@pytest.mark.parametrize("name", sorted(PUBLIC_FUNCTIONS))
def test_public_function_documents_its_parameters_and_result(name: str) -> None:
    """Every public function has numpy ``Parameters`` (if it takes any) and ``Returns`` sections."""
    import inspect

    func = PUBLIC_FUNCTIONS[name]
    doc = inspect.getdoc(func) or ""
    assert callable(func)
    takes = [p for p in inspect.signature(func).parameters.values() if p.name != "self"]
    if takes:
        assert "Parameters\n----------" in doc, f"{name}: no Parameters section"
        documented = doc.split("Parameters\n----------", 1)[1]
        missing = [p.name for p in takes if not re.search(rf"\b{p.name}\b", documented)]
        assert not missing, f"{name}: parameters not documented: {missing}"
    assert "Returns\n-------" in doc or "Yields\n------" in doc, f"{name}: no Returns section"


def _public_methods() -> dict[str, object]:
    import importlib
    import inspect
    import pkgutil

    import carecontinuum

    found: dict[str, object] = {}
    classes: set[type] = set()
    modules = ["carecontinuum"] + [
        info.name
        for info in pkgutil.walk_packages(carecontinuum.__path__, "carecontinuum.")
        if not any(p.startswith("_") or p == "cli" for p in info.name.split("."))
    ]
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            cls = getattr(module, name)
            if not isinstance(cls, type) or cls in classes:
                continue
            classes.add(cls)
            own = [k for k in cls.__mro__ if k.__module__.startswith("carecontinuum")]
            for attr, value in {a: v for k in reversed(own) for a, v in vars(k).items()}.items():
                # model_post_init is pydantic's hook, not a method users call
                if inspect.isfunction(value) and attr[0] != "_" and attr != "model_post_init":
                    found[f"{cls.__name__}.{attr}"] = value
    return found


PUBLIC_METHODS = _public_methods()


@pytest.mark.parametrize("name", sorted(PUBLIC_METHODS))
def test_public_method_documents_its_parameters_and_result(name: str) -> None:
    """Methods of public classes (and of the package's bases they inherit from) have them too."""
    import inspect

    method = PUBLIC_METHODS[name]
    doc = inspect.getdoc(method) or ""
    assert callable(method)
    takes = [
        p for p in inspect.signature(method).parameters.values() if p.name not in {"self", "cls"}
    ]
    if takes:
        assert "Parameters\n----------" in doc, f"{name}: no Parameters section"
        documented = doc.split("Parameters\n----------", 1)[1]
        missing = [p.name for p in takes if not re.search(rf"\b{p.name}\b", documented)]
        assert not missing, f"{name}: parameters not documented: {missing}"
    assert "Returns\n-------" in doc or "Yields\n------" in doc, f"{name}: no Returns section"
