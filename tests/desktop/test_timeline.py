"""The Timeline window: lanes per queue, hatched waits whose tooltip says why, click opens, PNG export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from sqlalchemy import update

from core.api import Tracker
from core.store import settings
from core.store.schema import Job
from desktop.services.background import Background
from desktop.timeline.window import TimelineWindow, summary_text, tooltip


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    t = Tracker()
    settings.save_queue(t.db, settings.QueueConfig(name="default", max_parallel=1))
    yield t
    t.close()


def history(t: Tracker, now: dt.datetime) -> tuple[int, int]:
    """Two jobs of the last minutes: the first ran 10 minutes, the second waited for its slot meanwhile."""
    a = t.submit("command", {"cmd": "true"}, label="first")
    b = t.submit("command", {"cmd": "true"}, label="second")
    at = lambda m: now - dt.timedelta(minutes=m)  # noqa: E731
    with t.db.write() as s:
        s.execute(
            update(Job)
            .where(Job.id == a.id)
            .values(created_at=at(30), started_at=at(30), finished_at=at(20), status="SUCCEEDED")
        )
        s.execute(
            update(Job)
            .where(Job.id == b.id)
            .values(created_at=at(29), started_at=at(20), finished_at=at(15), status="FAILED", errors=1)
        )
    return a.id, b.id


def open_window(qtbot: Any, tracker: Tracker) -> TimelineWindow:
    background = Background()
    win = TimelineWindow(tracker, background)
    qtbot.addWidget(win)
    win.range_box.setCurrentIndex(0)  # the last hour
    win.show()
    qtbot.waitUntil(lambda: win.canvas.timeline is not None and len(win.canvas.timeline.bars) > 0, timeout=10_000)
    return win


def centre(win: TimelineWindow, job_id: int, waiting: bool) -> QPoint:
    rect = next(r for r, hit in win.canvas.items if hit.bar.job.id == job_id and (hit.wait is not None) == waiting)
    return rect.center().toPoint()


def test_bars_waits_and_why(qtbot: Any, tracker: Tracker) -> None:
    a, b = history(tracker, dt.datetime.now(dt.UTC))
    win = open_window(qtbot, tracker)
    assert [q for q, _, _ in win.canvas.lanes] == ["default"]
    wait = win.canvas.item_at(centre(win, b, waiting=True))
    assert wait is not None and wait.bar.job.id == b and wait.wait is not None
    text = tooltip(wait)
    assert text.startswith(f"#{b} second") and "the queue default was full (1 of 1 running)" in text
    assert "9 min" in text or "9:0" in text  # how long it waited
    run = win.canvas.item_at(centre(win, a, waiting=False))
    assert run is not None and run.wait is None and run.bar.job.id == a
    # the run of the second starts where the first ended: the first's bar ends left of the second's
    ra = next(r for r, h in win.canvas.items if h.bar.job.id == a and h.wait is None)
    rb = next(r for r, h in win.canvas.items if h.bar.job.id == b and h.wait is None)
    assert ra.right() <= rb.left() + 1
    assert "median wait" in win.summary.text() and "jobs an hour" in win.summary.text()
    assert win.canvas.item_at(QPoint(1, 1)) is None  # the axis


def test_click_opens_the_job_and_zoom_widens(qtbot: Any, tracker: Tracker) -> None:
    _, b = history(tracker, dt.datetime.now(dt.UTC))
    win = open_window(qtbot, tracker)
    width = win.canvas.width()
    with qtbot.waitSignal(win.openJob, timeout=2000) as got:
        qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=centre(win, b, waiting=False))
    assert got.args == [b]
    win.zoom_in.click()
    assert win.canvas.width() >= 2 * width - 2 and win.zoom_out.isEnabled()
    win.zoom_out.click()
    assert win.canvas.width() == width and not win.zoom_out.isEnabled()


def test_export_png(qtbot: Any, tracker: Tracker, tmp_path: Path) -> None:
    history(tracker, dt.datetime.now(dt.UTC))
    win = open_window(qtbot, tracker)
    out = tmp_path / "timeline.png"
    assert win.export_png(str(out))
    image = QImage(str(out))
    assert image.width() == win.canvas.width() and image.height() == win.canvas.height()
    assert not win.export_png(str(tmp_path / "missing" / "x.png"))
    assert "missing" in win.summary.text()


def test_french(qtbot: Any, tracker: Tracker) -> None:
    from desktop import i18n

    history(tracker, dt.datetime.now(dt.UTC))
    app = __import__("PySide6.QtWidgets", fromlist=["QApplication"]).QApplication.instance()
    i18n.install(app, "fr")
    try:
        win = open_window(qtbot, tracker)
        assert win.windowTitle() == "Chronologie"
        assert "attente médiane" in summary_text(win.canvas.timeline)  # type: ignore[arg-type]
        (_, hit) = next((r, h) for r, h in win.canvas.items if h.wait is not None)
        assert "la file default était pleine" in tooltip(hit)
    finally:
        i18n.install(app, "en")


def test_the_main_window_opens_it_and_a_click_opens_the_job(qtbot: Any, tracker: Tracker) -> None:
    from tests.desktop.conftest import close_window, make_window

    _, b = history(tracker, dt.datetime.now(dt.UTC))
    win = make_window(qtbot)
    try:
        win.action_timeline.trigger()
        timeline = win.timeline_window
        assert timeline.isVisible() and win.show_timeline() is timeline  # one per window
        timeline.range_box.setCurrentIndex(0)
        qtbot.waitUntil(lambda: timeline.canvas.timeline is not None and len(timeline.canvas.timeline.bars) == 2)
        qtbot.mouseClick(timeline.canvas, Qt.MouseButton.LeftButton, pos=centre(timeline, b, waiting=False))
        qtbot.waitUntil(lambda: b in win.details and win.details[b].isVisible())
    finally:
        close_window(win)
