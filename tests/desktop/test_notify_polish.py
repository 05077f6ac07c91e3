"""Notifications as a desktop user expects them: quick jobs grouped in one message, each line with its time and
an icon, the running badge in the accent colour, banners and the inbox that never move or squeeze the table."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.jobs import presentation as P
from tests.desktop.test_main_window import wait_cached
from tests.desktop.util import snap


def test_quick_jobs_are_told_in_one_message(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    shown: list[Any] = []
    window.notifier.messageShown.connect(lambda message, channel: shown.append(message))
    ids = [engine_proc.submit("test-probe", {"items": 0}, owner="tester").id for _ in range(5)]
    failing = engine_proc.submit("test-probe", {"items": 0, "fail": True}, owner="tester")
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    qtbot.wait(50)
    assert len(shown) == 1 and window.inbox.rowCount() == 1
    message = shown[0]
    assert message.title.startswith("6 job") and "ended" in message.title
    assert "Succeeded: 5" in message.text and "Failed: 1" in message.text
    assert message.level == "error" and message.job_id == failing.id  # the message opens the one that failed
    assert set(ids)  # (quick jobs of this window)


def test_each_inbox_line_has_its_time_and_an_icon(qtbot: Any, window: Any) -> None:
    window.notifier.notify(P.finished_message(snap("FAILED", id=3, errors=1)))
    index = window.inbox.index(0)
    assert re.match(r"\d\d:\d\d  #3 ", index.data())
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    window.show_inbox(True)
    assert window.inbox.unread == 0  # seen: read


def test_running_badge_uses_the_accent_colour(qapp: Any) -> None:
    from desktop.icons import tray_pixmap

    image = tray_pixmap(3, None, size=64).toImage()
    centre = QColor(image.pixel(64 - 32 + 4, 64 - 10))  # inside the badge, beside its digit
    accent = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
    assert abs(centre.red() - accent.red()) < 40 and abs(centre.blue() - accent.blue()) < 40
    assert not (centre.red() > 180 and centre.green() < 90)  # not the error red


def test_banners_and_inbox_do_not_move_or_squeeze_the_table(
    qtbot: Any, engine_proc: Any, window: Any, probe: Any
) -> None:
    job = engine_proc.submit("test-probe", {"items": 0}, owner="tester")
    wait_cached(qtbot, window, job.id, lambda s: s.status.is_terminal)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.table, timeout=5000)
    row = window.proxy.row_of(job.id)
    before = (window.table.mapTo(window, window.table.rect().topLeft()), window.table.width())
    cell = window.table.visualRect(window.proxy.index(row, 0))
    window.notifier.tell_in_window(P.Notice("A long message", "with a second line\nand a third", "warning"))
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=2000)
    assert (window.table.mapTo(window, window.table.rect().topLeft()), window.table.width()) == before
    assert window.table.visualRect(window.proxy.index(row, 0)) == cell
    assert window.message_bar.geometry().bottom() <= window.stack.height()  # inside, over the table's foot
    window.show_inbox(True)
    qtbot.waitUntil(lambda: window.inbox_dock.isVisible(), timeout=2000)
    assert window.table.width() == before[1]  # the inbox floats: the table keeps its width
    window.show_inbox(False)
    assert not window.inbox_button.isChecked()
