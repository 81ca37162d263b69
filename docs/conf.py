"""Sphinx configuration for the carecontinuum docs.

The build is offline (no intersphinx), nitpicky (every cross-reference must
resolve) and runs with warnings as errors in the test suite
(tests/test_docs.py).  The notebooks in examples/ are jupytext percent files;
myst-nb executes them at build time (cached between builds), in a temporary
working directory, so their pages show the outputs: tables, graphs, charts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import carecontinuum  # noqa: E402  (after the path tweak, like any conf.py)

project = "carecontinuum"
author = "carecontinuum developers"
copyright = "carecontinuum developers"
release = carecontinuum.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "myst_nb",
    "carecontinuum_docs",
]

# -- sources --------------------------------------------------------------------------------
exclude_patterns = ["_build", "_ext", "conf.py", "**/.ipynb_checkpoints", "**/__pycache__"]
# the example notebooks (docs/examples/*.py link to examples/*.py) are jupytext percent files
nb_custom_formats = {".py": ["jupytext.reads", {"fmt": "py:percent"}]}
nb_execution_mode = "cache"  # executed on a real kernel at build time, re-run when the code changes
nb_execution_timeout = 120  # seconds per cell: a hang fails the build instead of blocking it
nb_execution_in_temp = True  # files a notebook writes land in a temporary folder, not in docs/
nb_execution_raise_on_error = True  # a cell that raises fails the build
nb_output_stderr = "warn"  # a warning printed by a notebook is a build warning (an error under -W)
nb_merge_streams = True
# the kernels inherit this process's environment: let them draw inline, as in Jupyter
if os.environ.get("MPLBACKEND", "").lower() == "agg":
    del os.environ["MPLBACKEND"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
nitpicky = True  # every cross-reference must resolve (see carecontinuum_docs.refs)

# -- API reference ----------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False

# -- output -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"carecontinuum {release}"
html_static_path = ["_static"]
html_css_files = ["carecontinuum.css"]
