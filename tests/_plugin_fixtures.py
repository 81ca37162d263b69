"""Objects that fake entry points in tests/test_plugins.py point at.

Importable as ``_plugin_fixtures`` once tests/ is on ``sys.path``.
"""

from __future__ import annotations

from typing import Literal

from carecontinuum import Modality

GOOD = Modality(code="fixture_good", name="Fixture good", aliases=("fixture-g",), category="other")


class FixtureKind(Modality):
    """A plug-in subclass with an extra field."""

    kind: Literal["fixture_kind"] = "fixture_kind"
    level: int = 1


KIND_ITEMS = [
    FixtureKind,
    FixtureKind(code="fixture_kinded", name="Fixture kinded", category="other", level=2),
]


def factory() -> list[Modality]:
    """An entry point may be a callable returning modalities."""
    return [Modality(code="fixture_factory", name="Fixture factory", category="other")]


def raising_factory() -> list[Modality]:
    raise RuntimeError("the fixture factory failed on purpose")


def exiting_factory() -> list[Modality]:
    """A factory that calls ``sys.exit()`` (with a code) instead of returning."""
    import sys

    sys.exit(3)


WRONG_TYPE = 42

CLASHING_CODE = Modality(code="cognitive_behavioral_therapy", name="Not CBT", category="other")

CLASHING_ALIAS = Modality(
    code="fixture_alias_clash", name="Fixture alias clash", aliases=("CBT",), category="other"
)

#: The first item is fine, the second clashes: neither may end up registered.
PARTLY_BAD = [
    Modality(code="fixture_partial_ok", name="Fixture partial ok", category="other"),
    Modality(code="twelve_step_facilitation", name="Not TSF", category="other"),
]


class NoOwnKind(Modality):
    """Forgot to declare its own kind."""

    extra: int = 0
