"""Save as profile from New operation: the operation, its parameters and the job's options are kept under a name
(with a cron schedule or none); a bad name or schedule is said under its field and nothing is saved."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import NotFound


def test_new_operation_saves_a_profile(qtbot: Any, window: Any) -> None:
    t = window.ctx.tracker
    dlg = window.new_operation("test-probe")
    dlg.form.set_values({"items": 7})
    dlg.label.setText("Weekly sweep")
    dlg.priority.setValue(3)
    assert dlg.save_profile.text() == "Save as profile…"

    ask = dlg.ask_save_profile()
    ask.name.setText("bad name!")
    ask.schedule.setText("0 2 * * 1")
    ask.buttons.button(ask.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: ask.errors.labels["name"].isVisibleTo(ask), timeout=10_000)
    ask.name.setText("weekly-sweep")
    ask.schedule.setText("every monday")
    ask.buttons.button(ask.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: ask.errors.labels["schedule"].isVisibleTo(ask), timeout=10_000)
    assert not ask.errors.labels["name"].isVisibleTo(ask)
    with pytest.raises(NotFound):
        t.workflows.profile("weekly-sweep")  # nothing saved by the refusals

    ask.schedule.setText("0 2 * * 1")
    with qtbot.waitSignal(ask.saved, timeout=10_000):
        ask.buttons.button(ask.buttons.StandardButton.Save).click()
    saved = t.workflows.profile("weekly-sweep")
    assert saved.operation == "test-probe" and saved.params.get("items") == 7
    assert saved.schedule == "0 2 * * 1" and saved.label == "Weekly sweep" and saved.priority == 3
    assert "weekly-sweep" in dlg.plan_label.text() and dlg.isVisible()  # the form stays open, to start it too
