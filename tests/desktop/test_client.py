"""The window is a client of the engine service: it runs no job, its death ends no job, a second ``asyncops``
hands its request to it, "run now" starts at once in the engine, and closing says once that jobs go on."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from core.service import local_engine, lock_path, notify, socket_path
from core.service.lock import read_info
from core.store import jobs, settings
from core.store.db import Database
from desktop import prefs
from desktop.main_window import CLOSE_NOTICE_OFF
from desktop.services.handoff import hand_off, window_socket
from desktop.services.single import InstanceServer
from tests.core.helpers import wait_for, wait_status
from tests.desktop.conftest import ROOT, close_window, make_window


def engine_pid_of(worker: str | None) -> int:
    """An engine id is host:pid:suffix."""
    assert worker is not None
    return int(worker.split(":")[1])


@pytest.fixture
def short_runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runtime folder of the test's own, short enough for socket paths (the window's single-instance name and
    the engine's lock and channel live there), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="ao-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def one_slot(db: Database) -> None:
    """The default queue runs one job at a time (set before the engine starts, which reads it)."""
    settings.ensure_defaults(db)
    settings.save_queue(db, dataclasses.replace(settings.get_queue(db, settings.DEFAULT_QUEUE), max_parallel=1))


def test_run_now_starts_at_once_in_the_engine_never_in_the_window(
    qtbot: Any, one_slot: None, engine_proc: Any, window: Any, probe: Any
) -> None:
    db, tracker = window.ctx.tracker.db, window.ctx.tracker
    long = engine_proc.submit("test-probe", {"items": 400, "step": 0.05}, owner="tester")
    wait_status(db, long.id, "ACTIVE")
    queued = engine_proc.submit("test-probe", {"items": 0}, owner="tester")  # the queue is full: it waits
    gate = engine_proc.log.parent / "go-run-now"
    launch = tracker.check("test-probe", {"items": 30, "step": 0.05, "hold": str(gate)}, foreground=True)
    assert launch.plan.inline
    with qtbot.waitSignal(window.job_actions.submitted, timeout=10_000) as blocker:
        window.job_actions.launch(launch)
    snap, now, _reason = blocker.args
    assert now and snap.inline
    # it runs while the queue's only slot is taken, in the engine's process, and the window shows it running
    qtbot.waitUntil(lambda: (s := window.ctx.cache.get(snap.id)) is not None and s.status.is_running, timeout=10_000)
    assert jobs.get_many(db, [queued.id])[0].status == "QUEUED"
    gate.touch()  # held until the window showed it running
    final = wait_status(db, snap.id)
    assert final.status == "SUCCEEDED"
    assert engine_pid_of(final.worker) == engine_proc.pid != os.getpid()
    assert probe.runs == []  # the window's process ran no probe
    qtbot.waitUntil(lambda: window.ctx.cache.get(snap.id).status == "SUCCEEDED", timeout=10_000)
    tracker.stop(long.id)
    wait_status(db, long.id)


def test_the_window_hears_the_engine_through_its_channel(qtbot: Any, engine_proc: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.ctx.cache.listening, timeout=10_000)
    window.ctx.cache._poll_timer.stop()  # events alone (the poll is the fallback)
    snap = engine_proc.submit("test-probe", {"items": 3}, owner="tester")
    qtbot.waitUntil(
        lambda: (s := window.ctx.cache.get(snap.id)) is not None and s.status == "SUCCEEDED", timeout=10_000
    )


def _answer_close_notice(seen: list[str], *, dont_ask: bool) -> None:
    """Answer the close notice when it shows (it is modal: a timer runs inside its event loop)."""

    def answer() -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
            None,
        )
        if box is None or box.objectName() != "closeNotice":
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.checkBox().setChecked(dont_ask)
        box.accept()

    QTimer.singleShot(0, answer)


def test_closing_with_jobs_running_says_so_once_and_remembers_dont_ask_again(
    qtbot: Any, engine_proc: Any, db: Database, probe: Any
) -> None:
    running = engine_proc.submit("test-probe", {"items": 400, "step": 0.05}, owner="tester")
    wait_status(db, running.id, "ACTIVE")
    seen: list[str] = []

    # with a tray: the window goes to the tray, says so once, and File ▸ Quit really quits
    win = make_window(qtbot, use_tray=True)
    win.confirm_quit = True
    win.show()
    qtbot.waitUntil(lambda: win.notifier.running_summary()[0] == 1, timeout=10_000)
    assert [a.text() for a in win.notifier.tray.contextMenu().actions() if a.text()] == [
        "Show asyncops",
        "&New operation…",
        "&Pause all queues",
        "R&esume all queues",
        "&Quit",
    ]
    _answer_close_notice(seen, dont_ask=False)
    with qtbot.assertNotEmitted(win.closed):
        win.close()
    assert len(seen) == 1 and "1 job" in seen[0] and "tell you when" in seen[0]
    assert not win.isVisible()  # in the tray
    win.bring_to_front()
    with qtbot.assertNotEmitted(win.closed):
        win.close()  # once per window: no second notice
    assert len(seen) == 1
    with qtbot.waitSignal(win.closed, timeout=5000):
        win.action_quit.trigger()
    win.ctx.shutdown()
    assert not prefs.value(CLOSE_NOTICE_OFF, False, bool)

    # without a tray: the window closes, says so, and "Don't ask again" is remembered
    win = make_window(qtbot)
    win.confirm_quit = True
    qtbot.waitUntil(lambda: win.notifier.running_summary()[0] == 1, timeout=10_000)
    _answer_close_notice(seen, dont_ask=True)
    with qtbot.waitSignal(win.closed, timeout=5000):
        win.close()
    win.ctx.shutdown()
    assert len(seen) == 2 and "open asyncops again" in seen[1]
    assert prefs.value(CLOSE_NOTICE_OFF, False, bool)

    win = make_window(qtbot)
    win.confirm_quit = True
    qtbot.waitUntil(lambda: win.notifier.running_summary()[0] == 1, timeout=10_000)
    with qtbot.waitSignal(win.closed, timeout=5000):
        win.close()  # no notice: remembered
    win.ctx.shutdown()
    assert len(seen) == 2
    assert jobs.get_many(db, [running.id])[0].status == "ACTIVE"  # closing stopped nothing
    _stop_and_wait(db, running.id)


def _stop_and_wait(db: Database, job_id: int) -> None:
    jobs.request_stop(db, job_id, admin=True)
    notify(socket_path(db.url))
    wait_status(db, job_id)


def _launcher(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.launcher", *args],
        cwd=ROOT,
        env=env if env is not None else dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_asyncops_hands_the_job_link_to_the_open_window(
    qtbot: Any, short_runtime: Path, window: Any, probe: Any
) -> None:
    snap = window.ctx.tracker.submit("test-probe", {"items": 0})
    server = InstanceServer(window_socket(), parent=window)
    assert server.listen()
    server.requested.connect(window.handle_request)
    second = _launcher(f"asyncops://job/{snap.id}")
    try:
        with qtbot.waitSignal(window.jobOpened, timeout=20_000) as opened:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)  # the deadline: it must end
        assert second.returncode == 0, second.stderr.read() if second.stderr else ""
        assert opened.args == [snap.id] and snap.id in window.details
        # a plain `asyncops` only raises the open window
        third = _launcher()
        with qtbot.waitSignal(server.requested, timeout=20_000) as raised:
            qtbot.waitUntil(lambda: third.poll() is not None, timeout=20_000)
        assert third.returncode == 0 and raised.args == [None]
    finally:
        for p in (second, *([third] if "third" in locals() else [])):
            if p.poll() is None:
                p.kill()
            p.communicate()
        server.close()


def test_a_window_left_by_a_dead_process_is_taken_over(qtbot: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "w.sock")
    Path(path).touch()  # what a killed window leaves: a name nobody answers on
    assert not hand_off(3, path=path, timeout=0.3)
    server = InstanceServer(path)
    try:
        assert server.listen()
        answered: list[bool] = []
        with qtbot.waitSignal(server.requested, timeout=5000) as got:
            t = threading.Thread(target=lambda: answered.append(hand_off(3, path=path, timeout=5.0)))
            t.start()
        t.join(10)
        assert got.args == [3] and answered == [True]
    finally:
        server.close()


# -- the window's process dies: its jobs do not -------------------------------------------------------
@pytest.fixture
def autostart(db: Database, short_runtime: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """Auto-start on for the processes the test starts; the engine they start is ended by its pid afterwards."""
    monkeypatch.delenv("ASYNCOPS_NO_AUTOSTART", raising=False)
    try:
        yield db
    finally:
        info = read_info(lock_path(db.url))
        if info is not None and info.pid and local_engine(db.url) is not None:
            os.kill(info.pid, signal.SIGKILL)
            wait_for(lambda: not psutil.pid_exists(info.pid) or psutil.Process(info.pid).status() == "zombie", 15)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_the_window_leaves_its_jobs_running_to_the_end(autostart: Database, sig: int) -> None:
    db = autostart
    window = _launcher(env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        info = wait_for(lambda: local_engine(db.url), 60)  # the window found none, so it started one
        assert info.pid != window.pid
        wait_for(lambda: hand_off(None, path=window_socket(), timeout=1.0), 60)  # the window is up
        snap = jobs.submit(db, "command", {"cmd": "sleep 2"}, owner="tester")
        notify(info.socket, [snap])
        wait_status(db, snap.id, "ACTIVE")
        window.send_signal(sig)
        window.wait(30)
        final = wait_status(db, snap.id, timeout=60)
        assert final.status == "SUCCEEDED", final.message
        assert engine_pid_of(final.worker) == info.pid != window.pid
        assert local_engine(db.url) is not None  # the engine outlives the window
    finally:
        if window.poll() is None:
            window.kill()
        window.communicate()


def test_file_quit_and_stop_jobs_stops_mine_then_quits(qtbot: Any, engine_proc: Any, window: Any, db: Database) -> None:
    running = engine_proc.submit("test-probe", {"items": 400, "step": 0.05}, owner="tester")
    waiting = jobs.submit(db, "test-probe", {"items": 0}, owner="tester", at="2099-01-01T00:00")
    wait_status(db, running.id, "ACTIVE")
    file_menu = window.menuBar().findChild(QMenu, "menuFile")
    assert window.action_quit_stop in file_menu.actions()
    with qtbot.waitSignal(window.closed, timeout=10_000):
        window.action_quit_stop.trigger()
    assert wait_status(db, running.id).status == "STOPPED"
    assert jobs.get_many(db, [waiting.id])[0].status == "STOPPED"


def test_the_window_says_when_the_engine_cannot_start(qtbot: Any, db: Database, monkeypatch: Any) -> None:
    from core.api import Tracker
    from core.service import EngineState, EngineStatus

    failed = EngineStatus(EngineState.FAILED, detail="No space left on device")
    monkeypatch.setattr(Tracker, "ensure_engine", lambda self, **kw: failed)
    win = make_window(qtbot)
    try:
        qtbot.waitUntil(lambda: win.message_bar.isVisibleTo(win), timeout=10_000)
        assert "No space left on device" in win.message_bar.text() and failed.log in win.message_bar.text()
        assert win.ctx.engine_state == "failed"
    finally:
        close_window(win)
