"""Desktop fixtures: a temporary QSettings location per test, a test operation, and a main window with its own
engine on the test database (tests/conftest.py points ASYNCOPS_DB and ASYNCOPS_DATA_DIR at tmp paths)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from core.operations import registry
from tests.core.helpers import Probe

# The offscreen platform warns that it cannot propagate size hints or raise a window (the offscreen platform has no window manager);
# that is the platform plugin talking, not our code.
OFFSCREEN_NOISE = (
    r"This plugin does not support \w+\(\)",
    r"This plugin does not support grabbing",  # a popup (menu, notification inbox) cannot grab the keyboard
    r"systemTrayWindowChanged",  # a tray icon shown on a platform without a tray (the tray test)
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/desktop" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def qsettings_tmp(tmp_path: Path) -> Path:
    """QSettings (INI, user scope) live in the test's temporary folder."""
    path = tmp_path / "qsettings"
    path.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    return path


@pytest.fixture
def probe() -> Iterator[type[Probe]]:
    """The core tests' Probe operation (items, step, fail, warn), registered for the test."""
    Probe.reset()
    registry.register(Probe)
    yield Probe
    registry.unregister(Probe.name)


def make_window(qtbot: Any, **kw: Any) -> Any:
    from desktop.app import create_window

    kw.setdefault("use_tray", False)
    kw.setdefault("engine_options", {"tick": 0.05, "heartbeat_interval": 0.5, "dead_after": 5.0})
    win = create_window(**kw)
    win.confirm_quit = False
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.model.ever_loaded and not win.model.is_loading, timeout=10_000)
    return win


def close_window(win: Any) -> None:
    win.confirm_quit = False
    win.close()
    win.ctx.shutdown(5)


@pytest.fixture
def window(qtbot: Any, db: Any, probe: Any) -> Iterator[Any]:
    win = make_window(qtbot)
    yield win
    close_window(win)
