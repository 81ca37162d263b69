"""Sphinx configuration for the carecontinuum docs.

The build is offline (no intersphinx) and runs with warnings as errors in the
test suite (tests/test_docs.py).  Notebooks in examples/ are rendered through
jupytext pairing without execution: the test suite executes them already.
"""

from __future__ import annotations

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
nb_execution_mode = "off"  # tests/test_notebooks.py executes every notebook on a real kernel
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

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
html_static_path: list[str] = []
