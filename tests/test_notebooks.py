"""Execute every example notebook on a real Jupyter kernel.

The notebooks in ``examples/`` are jupytext percent-format ``.py`` files.  Each
is converted with jupytext and run cell by cell with nbclient on an ipykernel,
in an empty temporary working directory (a notebook must not assume where it is
run from, and nothing is written into the repository), with matplotlib's
non-interactive ``Agg`` backend.  The docs build executes them too, to render
their outputs (docs/conf.py); this test names the failing notebook and cell.
A cell that raises, or that prints a warning to stderr, fails the test: the
notebooks are held to the same warnings-as-errors bar as the rest of the suite.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("[0-9][0-9]_*.py"))
TIMEOUT_PER_CELL = 120  # seconds; a hang fails instead of blocking CI
KERNEL_NAME = "carecontinuum-tests"


def test_every_notebook_is_collected() -> None:
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05", "06", "07", "08"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "elsewhere"  # neither examples/ nor the repository root
    workdir.mkdir()
    notebook = jupytext.read(path, fmt="py:percent")
    assert sum(cell.cell_type == "code" for cell in notebook.cells) >= 3, "too few code cells"

    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugpy on frozen modules
    monkeypatch.setenv("JUPYTER_PATH", str(_kernelspec_dir(tmp_path / "jupyter")))
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_PER_CELL,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()

    stderr = [
        f"cell {i}: {output.get('text', '')}"
        for i, cell in enumerate(notebook.cells)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert not stderr, "notebook wrote to stderr (warnings are errors):\n" + "\n".join(stderr)
    nbformat.validate(notebook)


def _kernelspec_dir(root: Path) -> Path:
    """A kernelspec that runs this interpreter, whatever kernels the machine has installed."""
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "carecontinuum tests",
                "language": "python",
            }
        )
    )
    return root
