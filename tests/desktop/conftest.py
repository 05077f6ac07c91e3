"""Desktop fixtures: a temporary QSettings location per test, a test operation, a main window on the test
database (tests/conftest.py points ASYNCOPS_DB and ASYNCOPS_DATA_DIR at tmp paths), and — for the tests that
need jobs to run — an engine process: the window runs no job itself, an engine service does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from core.operations import registry
from core.records import JobSnapshot
from core.service import local_engine, notify, socket_path
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import Probe

ROOT = Path(__file__).resolve().parents[2]

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
    win = create_window(**kw)
    win.confirm_quit = False
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.model.ever_loaded and not win.model.is_loading, timeout=10_000)
    return win


def close_window(win: Any) -> None:
    win.confirm_quit = False
    win.quit()
    win.ctx.shutdown(5)


@pytest.fixture
def window(qtbot: Any, db: Any, probe: Any) -> Iterator[Any]:
    win = make_window(qtbot)
    yield win
    close_window(win)


# The engine process of a test: ``asyncops engine serve`` with the operations the test registered (test
# operations live in test modules: the process imports them by name before it serves).
ENGINE_BOOT = """
import importlib, sys
from core.operations import registry
for spec in sys.argv[1:]:
    module, _, name = spec.partition(":")
    registry.register(getattr(importlib.import_module(module), name), replace=True)
from core.cli import main
sys.exit(main(["engine", "serve", "--idle-exit", "0", "--grace", "3"]))
"""


class EngineProcess:
    """An engine service process on the test database; ``submit`` queues a job and wakes it (as the CLI does)."""

    def __init__(self, db: Database, log: Path) -> None:
        self.db = db
        self.log = log
        specs = sorted(
            f"{type(op).__module__}:{type(op).__qualname__}"
            for op in registry.all()
            if type(op).__module__.startswith("tests.")
        )
        env = dict(os.environ)
        env.pop("ASYNCOPS_NO_AUTOSTART", None)
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", ENGINE_BOOT, *specs],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.pid = self.proc.pid

    def wait_serving(self, timeout: float = 30.0) -> None:
        """Until it holds the engine lock (it then serves the database and its channel listens)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = local_engine(self.db.url)
            if info is not None and info.pid == self.pid:
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"the engine process ended: {self.log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.05)  # polling a lock file with a deadline: nothing to block on
        raise TimeoutError(f"the engine did not start: {self.log.read_text(errors='replace')[-2000:]}")

    def submit(self, operation: str, params: dict[str, Any], **kw: Any) -> JobSnapshot:
        snap = jobs.submit(self.db, operation, params, **kw)
        notify(socket_path(self.db.url), [snap])
        return snap

    def stop(self) -> None:
        """End it by its pid: SIGTERM (its jobs get their grace), then SIGKILL."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@pytest.fixture
def engine_proc(db: Database, probe: Any, tmp_path: Path) -> Iterator[EngineProcess]:
    """An engine process serving the test database (with the operations registered before it), ended by pid
    afterwards. Ask for it after the fixtures that register operations, and before ``window``."""
    eng = EngineProcess(db, tmp_path / "engine-proc.log")
    try:
        eng.wait_serving()
        yield eng
    finally:
        eng.stop()
