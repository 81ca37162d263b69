"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from carecontinuum import registries


@pytest.fixture
def isolated_registries() -> Iterator[None]:
    """Every default registry restored after the test: register freely inside."""
    with registries.scoped():
        yield


@pytest.fixture
def fresh_registries() -> Iterator[None]:
    """Built-ins only, plug-ins not yet discovered; everything restored afterwards."""
    with registries.scoped(fresh=True):
        yield
