"""A plug-in module that cannot be imported (a missing dependency)."""

from __future__ import annotations

raise ImportError("the fixture plug-in needs a package that is not installed")
