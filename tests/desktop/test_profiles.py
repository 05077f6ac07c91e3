"""The Profiles page: opened from File ▸ Saved profiles…, lists each profile with its schedule, next run and last
runs' statuses; Run now starts a job from it; editing saves through the same form as New operation; Remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu

from core.status import JobStatus
from core.store import jobs
from desktop.profiles.dialog import COLUMNS
from tests.core.helpers import wait_status

S = JobStatus


def cell(dlg: Any, row: int, column: str) -> str:
    return dlg.table.item(row, COLUMNS.index(column)).text()


def test_profiles_page_lists_runs_and_edits(qtbot: Any, engine_proc: Any, window: Any) -> None:
    t = window.ctx.tracker
    t.workflows.save_profile("nightly", "test-probe", {"items": "2"}, schedule="0 2 * * *")
    t.workflows.save_profile("adhoc", "test-probe", {"items": "1"})
    first = t.workflows.run_profile("adhoc")
    assert wait_status(t.db, first.id).status is S.SUCCEEDED

    file_menu = window.menuBar().findChild(QMenu, "menuFile")
    assert window.action_profiles in file_menu.actions()
    window.action_profiles.trigger()
    qtbot.waitUntil(lambda: window.findChild(object, "profilesDialog") is not None, timeout=5000)
    dlg = window.findChild(object, "profilesDialog")
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 2, timeout=10_000)
    names = [cell(dlg, r, "name") for r in range(2)]
    assert names == ["adhoc", "nightly"]
    nightly = names.index("nightly")
    assert cell(dlg, nightly, "schedule") == "0 2 * * *" and cell(dlg, nightly, "next_due") != "—"
    assert cell(dlg, nightly, "last_runs") == "never run"
    assert cell(dlg, names.index("adhoc"), "last_runs") == f"#{first.id} Succeeded"

    dlg.table.selectRow(nightly)
    assert dlg.form is not None and dlg.schedule.text() == "0 2 * * *"
    with qtbot.waitSignal(dlg.ran, timeout=10_000) as blocker:
        dlg.run_button.click()
    run = blocker.args[0]
    assert jobs.get(t.db, run.id).operation == "test-probe"
    wait_status(t.db, run.id)
    qtbot.waitUntil(lambda: cell(dlg, 1, "last_runs").startswith(f"#{run.id} "), timeout=10_000)

    dlg.table.selectRow(1)
    dlg.schedule.setText("not cron")
    dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.schedule_error.isVisibleTo(dlg), timeout=10_000)
    dlg.schedule.setText("")
    dlg.form.set_values({"items": 5})
    dlg.save_button.click()
    qtbot.waitUntil(lambda: t.workflows.profile("nightly").params.get("items") == 5, timeout=10_000)
    assert t.workflows.profile("nightly").schedule is None

    dlg.confirm = lambda *a: True
    dlg.table.selectRow(0)
    dlg.remove_button.click()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1, timeout=10_000)
    assert [p.name for p in t.workflows.profiles()] == ["nightly"]
    dlg.close()


def test_the_chains_under_the_profiles_run_and_are_removed(qtbot: Any, engine_proc: Any, window: Any) -> None:
    t = window.ctx.tracker
    dlg = window.show_profiles()
    qtbot.waitUntil(lambda: dlg.chains.empty.isVisibleTo(dlg), timeout=10_000)
    assert "New chain…" in dlg.chains.empty.text() and not dlg.chains.table.isVisibleTo(dlg)
    assert "Save as profile" in dlg.empty.text()  # how to make a profile in the window
    for name in ("fetch", "scan", "report"):
        t.workflows.save_profile(name, "test-probe", {"items": "1"})
    panel = dlg.chains
    panel.new_button.click()  # New chain…, among her profiles
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=10_000)
    new = panel.dialog
    assert [new.available.item(i).text() for i in range(new.available.count())] == ["fetch", "report", "scan"]
    save = new.buttons.button(new.buttons.StandardButton.Save)
    new.name.setText("nightly")
    save.click()
    assert new.errors.labels["steps"].isVisibleTo(new)  # no step yet: said at once, nothing saved
    for name in ("scan", "fetch"):
        new.available.setCurrentRow(["fetch", "report", "scan"].index(name))
        new.add_step()
    new.move_step(-1)  # fetch first
    assert new.step_names() == ["fetch", "scan"]
    new.finally_profile.setCurrentIndex(new.finally_profile.findData("report"))
    new.schedule.setText("at three")
    save.click()
    qtbot.waitUntil(lambda: new.errors.labels["schedule"].isVisibleTo(new), timeout=10_000)
    assert t.workflows.chains() == []
    new.schedule.setText("0 3 * * *")
    with qtbot.waitSignal(new.saved, timeout=10_000):
        save.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    cells = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert cells[:3] == ["nightly", "fetch → scan, finally report", "0 3 * * *"] and cells[3] != "—"
    assert not panel.run_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.ran, timeout=10_000) as blocker:
        panel.run_button.click()
    steps = blocker.args[0]
    assert [jobs.get(t.db, s.id).operation for s in steps] == ["test-probe"] * 3
    assert dlg.status.text() == "Chain started: jobs " + " → ".join(f"#{s.id}" for s in steps)
    for s in steps:
        wait_status(t.db, s.id)

    panel.confirm = lambda *a: True
    panel.table.selectRow(0)
    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=10_000)
    assert t.workflows.chains() == [] and len(t.workflows.profiles()) == 3  # its profiles stay
    dlg.close()
