"""New operation (form from the schema, validation at the field, plan, launch) and the configuration dialogs
(validate at the field, nothing half-saved, persisted in the database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from core.errors import UsageError
from core.operations import Operation, Param, registry
from core.store import settings
from core.store.settings import PurgeConfig
from desktop.config.dialogs import PurgeDialog, QueuesDialog, ThresholdsDialog
from desktop.launch.dialog import NewOperationDialog


class Sample(Operation):
    """Every parameter type, and a counted item with a threshold (like the asset-library operations)."""

    name = "test-sample"
    title = "Sample"
    description = "Exercises every kind of field."
    counted_items = ("assets",)
    default_thresholds = {"assets": 5}
    params = (
        Param("folder", "folder", required=True, help="where the assets are"),
        Param("source", "file"),
        Param("target", "path", relative=True),
        Param("count", "int", default=3, minimum=0, maximum=100),
        Param("ratio", "float", default=0.5, minimum=0, maximum=1),
        Param("limit", "int"),
        Param("mode", "choice", choices=("copy", "move"), default="copy"),
        Param("dry", "bool", default=False),
        Param("tags", "list"),
        Param("notes", "text"),
        Param("mapping", "dict", advanced=True),
        Param("when", "datetime", advanced=True),
    )

    def estimate(self, env: Any, params: dict[str, Any]) -> dict[str, int]:
        return {"assets": params["count"]}

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        ctx.set_total(params["count"])
        for _ in range(params["count"]):
            ctx.advance()
        return {"count": params["count"]}


@pytest.fixture
def sample() -> Iterator[None]:
    """Registered before the window: an engine runs the operations it was built with."""
    registry.register(Sample)
    yield
    registry.unregister(Sample.name)


def _dialog(qtbot: Any, window: Any, op: str) -> NewOperationDialog:
    dlg = window.new_operation(op)
    qtbot.waitUntil(lambda: dlg.last_check is not None and dlg.queue.count() > 1, timeout=5000)
    return dlg


def test_form_is_built_from_the_schema(qtbot: Any, sample: None, window: Any, tmp_path: Path) -> None:
    registry.register(Sample)
    try:
        dlg = _dialog(qtbot, window, "test-sample")
        f = dlg.form.fields
        assert isinstance(f["folder"].widget.findChild(QLineEdit), QLineEdit)
        assert dlg.form.findChild(QWidget, "browse_folder") is not None  # file picker
        assert dlg.form.findChild(QWidget, "browse_source") is not None
        assert dlg.form.findChild(QWidget, "browse_target") is None  # a library path: no local picker
        assert dlg.form.findChild(QWidget, "pick_in_library_target") is not None  # but one in the library
        assert isinstance(f["count"].widget, QSpinBox) and f["count"].widget.maximum() == 100
        assert isinstance(f["ratio"].widget, QDoubleSpinBox)
        assert isinstance(f["limit"].widget, QLineEdit)  # optional number without default: may stay empty
        assert isinstance(f["mode"].widget, QComboBox) and f["mode"].widget.currentData() == "copy"
        assert isinstance(f["dry"].widget, QCheckBox)
        assert isinstance(f["notes"].widget, QPlainTextEdit)
        assert not dlg.form.more.isVisible()  # advanced ones behind "More options"
        # nothing is marked red before the user has touched the form; Start shows what is missing, at its field
        assert dlg.form.errors() == {}
        dlg.submit()
        qtbot.waitUntil(lambda: "required" in dlg.form.errors().get("folder", ""), timeout=5000)
        f["folder"].set(str(tmp_path))
        dlg.check()
        qtbot.waitUntil(lambda: not dlg.form.errors() and "now" in dlg.plan_label.text(), timeout=5000)
        assert "under the thresholds" in dlg.plan_label.text() and dlg.launch.text() == "Run now"
        f["count"].set(50)  # above the threshold of 5 assets
        dlg.check()
        qtbot.waitUntil(lambda: "background" in dlg.plan_label.text(), timeout=5000)
        assert "assets 50 > 5" in dlg.plan_label.text() and dlg.launch.text() == "Queue"
        f["mapping"].set("[1, 2]")  # an advanced field with a bad value: shown, and the section opens
        dlg.check()
        qtbot.waitUntil(lambda: "mapping" in dlg.form.errors(), timeout=5000)
        assert "JSON object" in dlg.form.errors()["mapping"]
        assert dlg.form.more.isVisibleTo(dlg.form)
        dlg.reject()
    finally:
        registry.unregister(Sample.name)


def test_launch_runs_now_under_the_threshold(
    qtbot: Any, sample: None, engine_proc: Any, window: Any, tmp_path: Path
) -> None:
    registry.register(Sample)
    try:
        dlg = _dialog(qtbot, window, "test-sample")
        dlg.form.fields["folder"].set(str(tmp_path))
        dlg.label.setText("small run")
        with qtbot.waitSignal(dlg.launched, timeout=10_000) as blocker:
            dlg.launch.click()
        snap, inline, reason = blocker.args
        assert inline and snap.inline and snap.label == "small run" and reason.code == "plan.under"
        qtbot.waitUntil(
            lambda: window.model.cached(snap.id) is not None and window.model.cached(snap.id).status == "SUCCEEDED",
            timeout=10_000,
        )
    finally:
        registry.unregister(Sample.name)


def test_launch_goes_to_the_background_and_says_so(qtbot: Any, sample: None, window: Any, tmp_path: Path) -> None:
    registry.register(Sample)
    try:
        dlg = _dialog(qtbot, window, "test-sample")
        dlg.form.fields["folder"].set(str(tmp_path))
        dlg.form.fields["count"].set(20)
        with qtbot.waitSignal(
            window.notifier.messageShown, timeout=10_000, check_params_cb=lambda m, _channel: "background" in m.title
        ) as shown:
            dlg.launch.click()
        message, channel = shown.args
        assert channel == "window" and "background" in message.title
        assert any(
            f"Job #{message.job_id} runs in the background" == window.inbox.notification(i).message.title
            for i in range(window.inbox.rowCount())
        )
        snap = window.ctx.tracker.job(message.job_id)
        assert not snap.inline
    finally:
        registry.unregister(Sample.name)


def test_param_error_at_the_field_of_the_command_operation(qtbot: Any, window: Any) -> None:
    dlg = _dialog(qtbot, window, "command")
    dlg.form.fields["cmd"].set("no-such-program-xyz --flag")
    dlg.launch.click()
    qtbot.waitUntil(lambda: "cmd" in dlg.form.errors(), timeout=5000)
    assert "program not found" in dlg.form.errors()["cmd"]
    assert dlg.isVisible() or dlg.result() == 0  # not accepted
    assert window.ctx.tracker.jobs() == []


def test_scheduled_start(qtbot: Any, window: Any) -> None:
    dlg = _dialog(qtbot, window, "command")
    dlg.form.fields["cmd"].set("true")
    dlg.start_at.setChecked(True)
    dlg.check()
    qtbot.waitUntil(lambda: dlg.launch.text() == "Schedule", timeout=5000)
    with qtbot.waitSignal(dlg.launched, timeout=10_000) as blocker:
        dlg.launch.click()
    snap, inline, _ = blocker.args
    assert not inline and snap.status == "SCHEDULED" and snap.scheduled_for is not None


def test_new_operation_picks_the_jobs_it_waits_for(qtbot: Any, window: Any) -> None:
    t = window.ctx.tracker
    parent = t.submit("command", {"cmd": "true"}, label="the parent")
    other = t.submit("command", {"cmd": "true"}, label="another")
    dlg = _dialog(qtbot, window, "command")
    dlg.form.fields["cmd"].set("true")
    assert not dlg.run_anyway.isEnabled()
    # picked among the recent jobs
    menu = dlg.after_pick.menu()
    menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: any(a.text().startswith(f"#{parent.id} ") for a in menu.actions()), timeout=5000)
    next(a for a in menu.actions() if a.text().startswith(f"#{parent.id} ")).setChecked(True)
    assert dlg.after.text() == str(parent.id) and dlg.run_anyway.isEnabled()
    dlg.after.setText(dlg.after.text() + ", nonsense")
    dlg.launch.click()
    qtbot.waitUntil(lambda: dlg.after_error.isVisible(), timeout=5000)
    assert "Job numbers" in dlg.after_error.text() and len(t.jobs()) == 2  # nothing launched
    dlg.after.setText(f"#{parent.id}, asyncops://job/{other.id}")
    dlg.run_anyway.setChecked(True)
    dlg.check()
    qtbot.waitUntil(lambda: "Will wait for jobs" in dlg.plan_label.text(), timeout=5000)
    with qtbot.waitSignal(dlg.launched, timeout=10_000) as blocker:
        dlg.launch.click()
    snap, inline, _ = blocker.args
    child = t.job(snap.id)
    assert not inline and child.status == "SCHEDULED" and child.after == (parent.id, other.id)
    assert child.waiting_reason == f"waits for job #{parent.id} and 1 more"


def test_waiting_for_an_unknown_job_is_refused_in_the_dialog(qtbot: Any, window: Any) -> None:
    dlg = _dialog(qtbot, window, "command")
    dlg.form.fields["cmd"].set("true")
    dlg.after.setText("9999")
    dlg.launch.click()
    qtbot.waitUntil(lambda: dlg.general_error.isVisible(), timeout=10_000)
    assert "9999" in dlg.general_error.text() and window.ctx.tracker.jobs() == []


def test_every_registered_operation_gets_a_form(qtbot: Any, window: Any) -> None:
    dlg = window.new_operation()
    names = [dlg.operation.itemData(i) for i in range(dlg.operation.count())]
    assert set(names) == set(registry.names()) - {"restore"}  # restore is launched by Undo, not by hand
    for i in range(dlg.operation.count()):
        dlg.operation.setCurrentIndex(i)
        assert set(dlg.form.fields) == {p.name for p in registry.get(names[i]).params}
    dlg.reject()


def test_queues_dialog_validates_and_persists(qtbot: Any, window: Any) -> None:
    db = window.ctx.tracker.db
    dlg = QueuesDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
    qtbot.waitUntil(lambda: dlg.list.count() >= 1, timeout=5000)
    dlg.add_queue()
    dlg.name.setText("bulk")
    dlg.max_parallel.setValue(0)  # refused by the core's rule
    dlg.save_current()
    qtbot.waitUntil(lambda: bool(dlg.errors.shown()), timeout=5000)
    assert "max_parallel" in next(iter(dlg.errors.shown().values()))
    assert "bulk" not in {q.name for q in settings.get_queues(db)}  # nothing half-saved
    dlg.name.setText("bad name!")
    dlg.max_parallel.setValue(2)
    dlg.save_current()
    qtbot.waitUntil(lambda: "name" in " ".join(dlg.errors.shown().values()), timeout=5000)
    dlg.name.setText("bulk")
    dlg.kind.setCurrentIndex(dlg.kind.findData("parallel"))
    dlg.retries.setValue(3)
    dlg.retry_delay.setValue(5)
    dlg.workers_only.setChecked(True)
    dlg.paused.setChecked(True)
    for i in range(dlg.operations.count()):
        if dlg.operations.item(i).data(256) == "command":
            dlg.operations.item(i).setCheckState(dlg.operations.item(i).checkState().Checked)
    with qtbot.waitSignal(dlg.saved, timeout=5000):
        dlg.save_current()
    q = settings.get_queue(db, "bulk")
    assert (q.max_parallel, q.retries, q.retry_delay, q.operations) == (2, 3, 5.0, ("command",))
    assert q.workers_only and q.paused
    qtbot.waitUntil(lambda: dlg.list.count() == 2, timeout=5000)
    dlg.confirm = lambda text: True
    dlg.current = "bulk"
    with qtbot.waitSignal(dlg.saved, timeout=5000):
        dlg.remove_queue()
    assert "bulk" not in {q.name for q in settings.get_queues(db)}
    # the default queue cannot be removed
    qtbot.waitUntil(lambda: dlg.current == "default", timeout=5000)
    assert not dlg.remove_button.isEnabled()


def test_errors_go_under_the_field_they_name(qtbot: Any, window: Any) -> None:
    """No text is parsed: the error's ``field`` decides (prefixes like ``queue.`` or ``purge.`` aside)."""
    dlg = QueuesDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
    dlg.errors.show_error(UsageError("max_parallel must be between 1 and 256", field="max_parallel"))
    dlg.errors.show_error(UsageError("bad delay", field="queue.retry_delay"))
    dlg.errors.show_error(UsageError("something else"))
    assert dlg.errors.shown() == {
        "max_parallel": "max_parallel must be between 1 and 256",
        "retry_delay": "bad delay",
        "general": "something else",
    }
    dlg.reject()


def test_core_settings_errors_name_their_field(qtbot: Any, window: Any) -> None:
    dlg = QueuesDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
    qtbot.waitUntil(lambda: dlg.list.count() >= 1, timeout=5000)
    dlg.add_queue()
    dlg.name.setText("bulk")
    dlg.max_parallel.setValue(0)
    dlg.save_current()
    qtbot.waitUntil(lambda: bool(dlg.errors.shown()), timeout=5000)
    assert "max_parallel" in dlg.errors.shown()


def test_thresholds_dialog(qtbot: Any, sample: None, window: Any) -> None:
    registry.register(Sample)
    try:
        dlg = ThresholdsDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
        qtbot.waitUntil(lambda: ("test-sample", "assets") in dlg.spins, timeout=5000)
        spin = dlg.spins[("test-sample", "assets")]
        assert spin.value() == 5
        spin.setValue(-1)
        dlg.save()
        assert "test-sample.assets" in dlg.errors.shown()  # checked at the field before anything is sent
        assert settings.get_thresholds(window.ctx.tracker.db)["test-sample"]["assets"] == 5
        spin.setValue(42)
        with qtbot.waitSignal(dlg.saved, timeout=5000):
            dlg.save()
        assert settings.get_thresholds(window.ctx.tracker.db)["test-sample"]["assets"] == 42
    finally:
        registry.unregister(Sample.name)


def test_purge_dialog(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    db = window.ctx.tracker.db
    dlg = PurgeDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
    qtbot.waitUntil(lambda: dlg.days.value() == PurgeConfig().days, timeout=5000)
    dlg.days.setValue(-1)
    dlg.save()
    qtbot.waitUntil(lambda: bool(dlg.errors.shown()), timeout=5000)
    assert "days" in " ".join(dlg.errors.shown().values())
    assert settings.get_purge(db) == PurgeConfig()  # nothing written
    dlg.days.setValue(3)
    dlg.keep.setValue(1)
    from PySide6.QtCore import QTime

    dlg.time.setTime(QTime(2, 30))
    with qtbot.waitSignal(dlg.saved, timeout=5000):
        dlg.save()
    assert settings.get_purge(db) == PurgeConfig(time="02:30", days=3, failed_days=30, keep=1)
    # Purge now: keeps one finished job
    eng = engine_proc
    for _ in range(3):
        s = eng.submit("test-probe", {"items": 0}, owner="tester")
        from tests.core.helpers import wait_status

        wait_status(db, s.id)
    dlg2 = PurgeDialog(tracker=window.ctx.tracker, background=window.ctx.background, parent=window)
    qtbot.waitUntil(lambda: dlg2.keep.value() == 1, timeout=5000)
    with qtbot.waitSignal(dlg2.purged, timeout=5000) as blocker:
        dlg2.purge_now_button.click()
    assert blocker.args == [2]
    assert "2 finished job" in dlg2.result_label.text()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
