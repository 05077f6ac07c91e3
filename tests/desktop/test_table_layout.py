"""What the job table shows at a laptop's size: compact badges never cut, labels cut in the middle, a Finished
column, no horizontal scroll bar at 1280×720, and a window title that names the application once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.jobs import presentation as P
from desktop.jobs.delegate import badge_width, elide
from desktop.jobs.model import COL, COLUMNS
from tests.desktop.test_main_window import wait_cached
from tests.desktop.util import snap


def test_badges_are_compact_with_the_full_text_in_the_tooltip() -> None:
    b = P.badge(snap("SUCCEEDED", warnings=140))
    assert b.compact == "Succeeded · 140 ⚠"
    assert b.text == "Succeeded · 140 warning(s)" or b.text == "Succeeded · 140 warnings"
    assert P.badge(snap("FAILED", errors=2)).compact == "Failed · 2 ✖"
    assert P.badge(snap("ACTIVE", progress_done=45, progress_total=100)).compact == "Active · 45%"
    assert P.badge(snap("SUCCEEDED", warnings=12_345)).compact == "Succeeded · 12k ⚠"  # never longer than 999
    assert [P.short_count(n) for n in (999, 1000, 1234, 38_000, 999_999, 1_500_000)] == [
        "999",
        "1k",
        "1.2k",
        "38k",
        "1M",
        "1.5M",
    ]


def test_labels_are_cut_in_the_middle_keeping_their_end(qapp: Any) -> None:
    fm = QFontMetrics(qapp.font())
    label = "Move /campaigns/2025/spring/very/long/path → /archive/2025/spring-final"
    shown = elide(fm, "label", label, fm.horizontalAdvance(label) // 2)
    assert "…" in shown and shown.endswith("final") and shown.startswith("Move")


def test_default_columns_fit_1280_by_720(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    eng = engine_proc
    done = eng.submit(
        "test-probe", {"items": 3, "warn": 140}, owner="tester", label="Import metadata — a rather long catalogue.csv"
    )
    wait_cached(qtbot, window, done.id, lambda s: s.status.is_terminal)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 600, timeout=5000)
    QApplication.processEvents()
    assert not window.table.horizontalScrollBar().isVisible()
    shown = [name for i, name in enumerate(COLUMNS) if not window.table.isColumnHidden(i)]
    assert {"id", "label", "status", "progress", "started_at", "finished_at", "duration"} <= set(shown)
    # the badge is never cut: the status column holds the widest compact badge of any status
    fm = window.table.fontMetrics()
    need = max(badge_width(fm, t) for t in P.badge_samples())
    assert window.table.columnWidth(COL["status"]) >= need
    assert window.table.columnWidth(COL["label"]) >= 150
    # the Finished column says when it ended
    row = window.proxy.row_of(done.id)
    finished = window.proxy.index(row, COL["finished_at"]).data()
    assert finished and finished == P.format_short_time(window.model.cached(done.id).finished_at)
    assert window.model.headerData(COL["finished_at"], Qt.Orientation.Horizontal) == "Finished"
    assert window.model.headerData(COL["warnings"], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Warnings"
    )


def test_window_opens_inside_the_screen_and_names_the_app_once(qtbot: Any, window: Any) -> None:
    avail = window.screen().availableGeometry()
    assert window.width() <= avail.width() and window.height() <= avail.height()
    shown = window.windowTitle()
    display = QApplication.applicationDisplayName()
    if display and not shown.endswith(display):  # what Qt's platform window adds (formatWindowTitle)
        shown = f"{shown} — {display}"
    assert shown == "Process Tracker — asyncops"  # the same on every platform, the name once
