"""Fixtures of the core tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.operations import registry
from tests.core.helpers import Probe


@pytest.fixture
def probe() -> Iterator[type[Probe]]:
    """The probe operation, registered (and reset) for the test."""
    registry.register(Probe, replace=True)
    Probe.reset()
    yield Probe
    registry.unregister(Probe.name)
