"""Undo wherever a finished job can be undone: the toolbar, the Job menu, the table's context menu and the
details window; each asks the Tracker and confirms with what it will launch."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from tests.core.helpers import wait_status
from tests.desktop.test_main_window import reversible, wait_cached  # noqa: F401  (reversible: a fixture)


@pytest.mark.usefixtures("reversible")
def test_undo_in_menus_context_menu_and_details(
    qtbot: Any, probe: Any, engine_proc: Any, window: Any, monkeypatch: Any
) -> None:
    from desktop.details import window as details_module

    tracker = window.ctx.tracker
    job = engine_proc.submit("test-reversible", {}, owner="tester")
    wait_status(tracker.db, job.id)
    wait_cached(qtbot, window, job.id, lambda s: s.status.is_terminal)
    window.table.selectRow(window.proxy.row_of(job.id))

    # the toolbar and the Job menu hold the same enabled action
    assert window.action_undo in window.toolbar.actions() and window.action_undo.isEnabled()
    job_menu = window.menuBar().findChild(QMenu, "menuJob")
    assert window.action_undo in job_menu.actions()

    # the context menu of the row offers it, enabled
    before = set(window.findChildren(QMenu))
    window._context_menu(QPoint(5, 5))
    menu = next(m for m in window.findChildren(QMenu) if m not in before)
    undo = [a for a in menu.actions() if a is window.action_undo]
    assert undo and undo[0].isEnabled()
    menu.close()

    # the details window: its Undo button confirms with what it launches, then queues it
    asked: list[str] = []
    monkeypatch.setattr(
        details_module,
        "confirm_undo",
        lambda parent, snap, launch, titles: asked.append(details_module.undo_text(snap, launch, titles)) or True,
    )
    details = window.open_job(job.id)
    qtbot.waitUntil(lambda: details.undo_button.isEnabled(), timeout=5000)
    details.undo_button.click()
    qtbot.waitUntil(lambda: any(s.parent_id == job.id for s in tracker.jobs()), timeout=5000)
    assert asked and f"#{job.id}" in asked[0] and "This starts a new job" in asked[0]
    details.close()
