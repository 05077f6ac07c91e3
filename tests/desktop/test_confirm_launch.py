"""Destructive launches from New operation ask first, with what will happen and the plan's counts; "Don't ask
again" is remembered per kind of launch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.api import Launch, Plan
from core.messages import Message
from desktop.launch import confirm


def launch(op: str, **params: Any) -> Launch:
    return Launch(op, params, Plan(True, {"assets": 39}, {"assets": 100}, Message.plain("")), f"{op} job")


def test_which_launches_ask() -> None:
    permanent = confirm.confirmation(launch("delete", paths=["a", "b"], permanent=True))
    assert permanent is not None and permanent.irreversible and "for good" in permanent.text
    assert "39" in permanent.details
    trash = confirm.confirmation(launch("delete", paths=["a"]))
    assert trash is not None and not trash.irreversible and trash.key != permanent.key
    assert confirm.confirmation(launch("move", paths=["a"], on_clash="overwrite")) is not None
    assert confirm.confirmation(launch("move", paths=["a"], on_clash="refuse")) is None
    assert confirm.confirmation(launch("mass-edit", filter="tag:x")) is not None
    assert confirm.confirmation(launch("metadata-import", input="x.csv")) is not None
    assert confirm.confirmation(launch("scan")) is None
    assert confirm.confirmation(launch("command", cmd="true")) is None


class Answer:
    """Answers the confirmation when it shows (the box is modal: a timer acts for the person)."""

    def __init__(self, accept: bool, dont_ask: bool = False) -> None:
        self.accept, self.dont_ask = accept, dont_ask
        self.seen: list[str] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "confirmLaunch" and w.isVisible():
                self.seen.append(f"{w.text()}\n{w.informativeText()}")
                if self.dont_ask:
                    w.checkBox().setChecked(True)
                if self.accept:
                    go = next(b for b in w.buttons() if w.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
                    go.click()
                else:
                    w.button(QMessageBox.StandardButton.Cancel).click()

    def stop(self) -> None:
        self.timer.stop()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_permanent_delete_from_new_operation_asks_first(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from core.library.libraries import add_library

    root = tmp_path / "lib"
    (root / "a").mkdir(parents=True)
    for i in range(4):
        (root / "a" / f"f{i}.txt").write_text("x")
    add_library(window.ctx.tracker.db, root, "lib")
    tracker = window.ctx.tracker

    def open_delete(paths: str) -> Any:
        dlg = window.new_operation("delete")
        dlg.form.fields["library"].set("lib")
        dlg.form.fields["paths"].set(paths)
        dlg.form.fields["permanent"].set(True)
        return dlg

    # Cancel: nothing runs, the form stays open to change
    answer = Answer(accept=False)
    dlg = open_delete("a/f0.txt, a/f1.txt")
    dlg.launch.click()
    qtbot.waitUntil(lambda: bool(answer.seen) and dlg.launch.isEnabled(), timeout=10_000)
    answer.stop()
    assert "Delete 2 items for good" in answer.seen[0] or "Delete 2 item(s) for good" in answer.seen[0]
    assert dlg.isVisible() and tracker.jobs() == []
    assert (root / "a" / "f0.txt").exists()

    # Start, and don't ask again
    answer = Answer(accept=True, dont_ask=True)
    dlg.launch.click()
    qtbot.waitUntil(lambda: len(tracker.jobs()) == 1, timeout=10_000)
    answer.stop()
    assert len(answer.seen) == 1

    # the same kind of launch goes straight on
    answer = Answer(accept=False)
    dlg = open_delete("a/f2.txt")
    dlg.launch.click()
    qtbot.waitUntil(lambda: len(tracker.jobs()) == 2, timeout=10_000)
    answer.stop()
    assert answer.seen == []
