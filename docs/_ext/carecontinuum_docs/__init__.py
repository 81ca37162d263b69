"""Sphinx helpers for the carecontinuum docs.

* ``.. carecontinuum-api:: MODULE`` documents every public name of a module
  (see :mod:`.api`).
* ``.. carecontinuum-sources::`` renders :data:`carecontinuum.SOURCES` with the
  catalog records that cite each source (see :mod:`.sources`).
* Cross-references written where the code lives (``Program``, a private
  module's path) resolve to where the object is documented (see :mod:`.refs`).
* ``.. carecontinuum-errors::`` renders the exception tree from the classes
  (see :mod:`.errors`).
* Pydantic models get a table of their fields and enums a table of their
  members, with the attribute docstrings from the source (see :mod:`.models`).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .api import ApiDirective
from .errors import ErrorsDirective
from .models import add_field_tables, model_signature, undo_property_types
from .refs import resolve
from .sources import SourcesDirective


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("carecontinuum-api", ApiDirective)
    app.add_directive("carecontinuum-sources", SourcesDirective)
    app.add_directive("carecontinuum-errors", ErrorsDirective)
    app.connect("autodoc-process-docstring", add_field_tables)
    app.connect("autodoc-process-signature", model_signature)
    app.connect("autodoc-process-docstring", undo_property_types, priority=600)  # after napoleon
    app.connect("missing-reference", resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
