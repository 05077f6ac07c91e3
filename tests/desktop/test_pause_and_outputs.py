"""Pause and Resume in the window (toolbar, Job menu, context menu and details, enabled per job state, calling
the Tracker: the job pauses at its next item and resumes), and the output files in the job's details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu

from core.operations import Operation, Param, registry
from core.records import JobSnapshot
from core.status import JobStatus
from desktop.jobs import presentation as P
from tests.core.helpers import wait_status
from tests.desktop.conftest import close_window, make_window
from tests.desktop.test_main_window import select_ids, wait_cached

S = JobStatus


class Slow(Operation):
    """``items`` items of ``step`` seconds, with a pause point before each."""

    name = "test-slow"
    title = "Slow"
    params = (Param("items", "int", default=1000), Param("step", "float", default=0.02))
    pausable = True

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        ctx.set_total(params["items"])
        for _ in range(params["items"]):
            ctx.pause_point()
            if ctx.should_stop or ctx.wait(params["step"]):
                break
            ctx.advance()
        return {"done": ctx.done}


@pytest.fixture
def win(qtbot: Any, db: Any, probe: Any) -> Iterator[Any]:
    registry.register(Slow, replace=True)  # before the engine process (engine_proc): it runs what was registered
    w = make_window(qtbot)
    yield w
    close_window(w)
    registry.unregister(Slow.name)


def snap_of(status: JobStatus, *, operation: str = "test-slow", pause_requested: bool = False) -> JobSnapshot:
    now = dt.datetime.now(dt.UTC)
    return JobSnapshot(
        1, operation, "x", "", {}, "tester", "default", 0, status, False, 1, 10, 0, 0, now, None, now, None, now,
        1, 1, "e", False, "", None, None, pause_requested=pause_requested,
    )  # fmt: skip


def test_enable_rules() -> None:
    states = P.action_states([snap_of(S.ACTIVE)], can_pause=lambda s: True)
    assert states["pause"].enabled and not states["resume"].enabled
    states = P.action_states([snap_of(S.PAUSED)], can_pause=lambda s: True)
    assert not states["pause"].enabled and states["resume"].enabled and states["stop"].enabled
    states = P.action_states([snap_of(S.ACTIVE, pause_requested=True)], can_pause=lambda s: True)
    assert not states["pause"].enabled and states["resume"].enabled  # asked, not there yet: can be withdrawn
    states = P.action_states([snap_of(S.ACTIVE, operation="fetch")], can_pause=lambda s: False)
    assert not states["pause"].enabled and "cannot pause" in states["pause"].tooltip
    states = P.action_states([snap_of(S.SUCCEEDED)], can_pause=lambda s: True)
    assert not states["pause"].enabled and not states["resume"].enabled
    assert P.badge(snap_of(S.PAUSED)).colour == "grey" and P.badge(snap_of(S.PAUSED)).text.startswith("Paused")


def test_pause_and_resume_from_the_toolbar_and_menus(qtbot: Any, win: Any, engine_proc: Any) -> None:
    snap = engine_proc.submit("test-slow", {}, owner="tester")
    wait_cached(qtbot, win, snap.id, lambda s: s.status is S.ACTIVE)
    select_ids(win, [snap.id])
    win.update_actions()
    assert win.action_pause.isEnabled() and not win.action_resume.isEnabled()
    assert win.action_pause in win.toolbar.actions() and win.action_resume in win.toolbar.actions()
    job_menu = win.menuBar().findChild(QMenu, "menuJob")
    assert win.action_pause in job_menu.actions() and win.action_resume in job_menu.actions()
    assert P.context_menu(win.selected_snapshots()).index("pause") < P.context_menu(win.selected_snapshots()).index(
        "resume"
    )

    win.action_pause.trigger()
    wait_status(win.ctx.tracker.db, snap.id, "PAUSED")
    wait_cached(qtbot, win, snap.id, lambda s: s.status is S.PAUSED)
    qtbot.waitUntil(lambda: win.action_resume.isEnabled() and not win.action_pause.isEnabled(), timeout=5000)
    assert win.action_stop.isEnabled()

    win.action_resume.trigger()
    wait_status(win.ctx.tracker.db, snap.id, "ACTIVE")
    wait_cached(qtbot, win, snap.id, lambda s: s.status is S.ACTIVE)
    qtbot.waitUntil(lambda: win.action_pause.isEnabled(), timeout=5000)
    win.action_stop.trigger()
    assert wait_status(win.ctx.tracker.db, snap.id).status is S.STOPPED


def test_pause_resume_and_stop_from_details(qtbot: Any, win: Any, engine_proc: Any) -> None:
    snap = engine_proc.submit("test-slow", {}, owner="tester")
    details = win.open_job(snap.id)
    qtbot.waitUntil(lambda: details.snapshot is not None and details.snapshot.status is S.ACTIVE, timeout=10_000)
    assert details.pause_button.isEnabled() and not details.resume_button.isEnabled()
    details.pause_button.click()
    qtbot.waitUntil(lambda: details.snapshot.status is S.PAUSED, timeout=10_000)
    assert details.resume_button.isEnabled() and not details.pause_button.isEnabled()
    assert details.badge.text().startswith("Paused")
    details.resume_button.click()
    qtbot.waitUntil(lambda: details.snapshot.status is S.ACTIVE, timeout=10_000)
    details.pause_button.click()
    qtbot.waitUntil(lambda: details.snapshot.status is S.PAUSED, timeout=10_000)
    details.stop_button.click()  # a paused job stops
    qtbot.waitUntil(lambda: details.snapshot.status is S.STOPPED, timeout=10_000)
    assert not details.pause_button.isEnabled() and not details.resume_button.isEnabled()


def test_details_list_output_files_and_open_their_folder(
    qtbot: Any, win: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from core.store import jobs

    db = win.ctx.tracker.db
    made = tmp_path / "out" / "rows.rejected.csv"
    made.parent.mkdir()
    made.write_text("assetPath,reason\n", encoding="utf-8")
    snap = jobs.submit(db, "test-slow", {"items": 1}, owner="tester", at="2099-01-01T00:00")
    outputs = [{"path": str(made), "kind": "rejected_rows", "rows": 0}]
    jobs.transition(db, snap.id, S.STOPPED, result={"outputs": outputs})
    details = win.open_job(snap.id)
    qtbot.waitUntil(lambda: details.outputs.list.count() == 1, timeout=10_000)
    assert str(made) in details.outputs.list.item(0).text() and "rejected rows" in details.outputs.list.item(0).text()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert details.outputs.folder_button.isEnabled()
    details.outputs.folder_button.click()
    details.outputs.open_button.click()
    assert opened == [str(made.parent), str(made)]
    copy = tmp_path / "copy.csv"
    details.outputs.ask_save_path = lambda suggested: str(copy)
    with qtbot.waitSignal(details.outputs.saved, timeout=10_000):
        details.outputs.save_button.click()
    assert copy.read_text(encoding="utf-8") == "assetPath,reason\n"
