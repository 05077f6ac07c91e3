"""Tray messages when a job ends (and the in-window fallback without a tray), the tray badge, the inbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import close_window, make_window


def test_tray_message_on_completion_and_click_opens_the_job(
    qtbot: Any, db: Any, probe: Any, engine_proc: Any, tmp_path: Path
) -> None:
    win = make_window(qtbot, use_tray=True)
    try:
        tray = win.notifier.tray
        assert tray is not None
        calls: list[tuple[Any, ...]] = []
        tray.showMessage = lambda *args: calls.append(args)  # what the desktop would show
        gate = tmp_path / "go"
        params = {"items": 30, "step": 0.01, "warn": 2, "hold": str(gate)}
        snap = engine_proc.submit("test-probe", params, owner="tester")
        qtbot.waitUntil(lambda: win.notifier.running_summary()[0] == 1, timeout=15_000)  # held until seen
        assert "1 job" in tray.toolTip()
        with qtbot.waitSignal(win.notifier.messageShown, timeout=15_000) as blocker:
            gate.touch()
        message, channel = blocker.args
        assert channel == "tray" and message.job_id == snap.id
        assert calls and calls[-1][0] == f"#{snap.id} Probe"
        assert "Succeeded" in calls[-1][1] and "2 warning" in calls[-1][1] and "30" in calls[-1][1]
        assert not win.message_bar.isVisibleTo(win)  # the tray said it
        assert win.inbox.unread == 1
        assert "no job" in tray.toolTip()
        with qtbot.waitSignal(win.jobOpened) as opened:
            tray.messageClicked.emit()
        assert opened.args == [snap.id]
    finally:
        close_window(win)


def test_without_a_tray_the_message_appears_in_the_window(
    qtbot: Any, engine_proc: Any, window: Any, probe: Any
) -> None:
    assert window.notifier.tray is None
    with qtbot.waitSignal(window.notifier.messageShown, timeout=15_000) as blocker:
        snap = engine_proc.submit("test-probe", {"items": 1, "fail": True}, owner="tester")
    message, channel = blocker.args
    assert channel == "window" and message.level == "error"
    assert window.message_bar.isVisibleTo(window)
    assert f"#{snap.id}" in window.message_bar.text() and "Failed" in window.message_bar.text()
    assert "1 error" in window.message_bar.text()
    assert window.inbox.unread == 1 and "(1)" in window.inbox_button.text()
    with qtbot.waitSignal(window.jobOpened) as opened:
        window.message_bar._on_link(f"asyncops://job/{snap.id}")  # the link in the message
    assert opened.args == [snap.id]
    window.inbox_button.setChecked(True)  # opening the inbox reads the messages
    assert window.inbox.unread == 0 and window.inbox_button.text() == "Notifications"


def test_old_jobs_do_not_notify(qtbot: Any, db: Any, probe: Any) -> None:
    from core.engine import Engine

    eng = Engine(db).start()
    s = eng.submit("test-probe", {"items": 0}, owner="tester")
    from tests.core.helpers import wait_status

    wait_status(db, s.id)
    eng.shutdown(5)
    win = make_window(qtbot)
    try:
        with qtbot.assertNotEmitted(win.notifier.messageShown, wait=1500):
            pass
        assert win.inbox.rowCount() == 0
    finally:
        close_window(win)


def test_tray_icon_badge(qtbot: Any) -> None:
    from desktop.icons import tray_pixmap

    idle, busy = tray_pixmap(0, None), tray_pixmap(3, 0.4)
    assert idle.toImage() != busy.toImage()
