"""Job details: fields, live log streaming, level filter, copy, stop/retry/CSV from the window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from core.operations import Operation, Param, registry
from core.store import jobs
from desktop.details.window import LogModel
from tests.core.helpers import wait_status


class Chatty(Operation):
    """Logs ``lines`` lines, one every ``step`` seconds, with a warning every tenth; stops on request."""

    name = "test-chatty"
    title = "Chatty"
    params = (Param("lines", "int", default=10, minimum=0), Param("step", "float", default=0.02, minimum=0))

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        ctx.set_total(params["lines"])
        for i in range(params["lines"]):
            if ctx.wait(params["step"]):
                break
            if i % 10 == 9:
                ctx.warn(f"line {i} looks odd", item=f"item-{i}")
            else:
                ctx.info(f"line {i}")
            ctx.advance()
        return {"lines": ctx.done}


@pytest.fixture
def chatty() -> Iterator[None]:
    """Registered before the window: an engine runs the operations it was built with."""
    registry.register(Chatty)
    yield
    registry.unregister(Chatty.name)


def test_details_log_streams_while_the_job_runs(
    qtbot: Any, qtmodeltester: Any, chatty: None, engine_proc: Any, window: Any
) -> None:
    registry.register(Chatty)
    try:
        snap = engine_proc.submit("test-chatty", {"lines": 60, "step": 0.05}, owner="tester")
        details = window.open_job(snap.id)
        assert details.objectName() == "jobDetails"
        qtbot.waitUntil(lambda: details.snapshot is not None, timeout=5000)

        # lines arrive in several reads while the job runs, not all at the end
        def running_with(n: int) -> bool:
            return details.snapshot.status.is_running and details.log_model.rowCount() >= n

        qtbot.waitUntil(lambda: running_with(5), timeout=10_000)
        first = details.log_model.rowCount()
        qtbot.waitUntil(lambda: running_with(first + 5), timeout=10_000)
        assert "%" in details.progress_text.text()
        assert details.stop_button.isEnabled() and not details.retry_button.isEnabled()
        wait_status(window.ctx.tracker.db, snap.id, timeout=20)
        qtbot.waitUntil(
            lambda: details.snapshot.status.is_terminal and details.log_model.rowCount() == 60, timeout=10_000
        )
        messages = [e.message for e in details.log_model.entries()]
        assert "line 0" in messages and "line 59 looks odd" in messages
        ids = [e.id for e in details.log_model.entries()]
        assert ids == sorted(ids) and len(ids) == len(set(ids))  # no line twice, in order
        assert details.retry_button.isEnabled() and not details.stop_button.isEnabled()
        assert details.fields["counters"].text().startswith("6 warning")
        assert details.fields["operation"].text() == "Chatty"  # its title; the name is the tooltip
        assert details.fields["operation"].toolTip() == "test-chatty"
        assert details.badge.text() == "Succeeded · 6 warning(s)"
        assert "60 / 60" in details.fields["progress"].text()
        assert details.result_view.value("lines") == "60"  # a name/value table, not raw JSON
        assert details.params_view.value("lines") == "60" and details.params_view.value("step") == "0.05"
        assert '"lines": 60' in details.result_view.as_json()
        qtmodeltester.check(details.log_model)

        details.level_filter.setCurrentIndex(details.level_filter.findData("warnings"))
        qtbot.waitUntil(lambda: details.log_model.rowCount() == 6, timeout=5000)
        assert all(e.level == "WARNING" for e in details.log_model.entries())
        details.copy_log()
        assert QGuiApplication.clipboard().text().count("looks odd") == 6
    finally:
        registry.unregister(Chatty.name)


def test_stop_and_retry_from_details(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    snap = engine_proc.submit("test-probe", {"items": 1000, "step": 0.05}, owner="tester")
    details = window.open_job(snap.id)
    qtbot.waitUntil(lambda: details.snapshot is not None and details.snapshot.status.is_running, timeout=5000)
    details.stop_button.click()
    qtbot.waitUntil(lambda: details.snapshot.status == "STOPPED", timeout=10_000)
    assert details.retry_button.isEnabled()
    details.retry_button.click()
    qtbot.waitUntil(lambda: len(jobs.list_jobs(window.ctx.tracker.db, user="tester")) == 2, timeout=5000)
    retried = jobs.list_jobs(window.ctx.tracker.db, user="tester")[0]
    assert retried.parent_id == snap.id


def test_details_of_a_missing_job_says_so(qtbot: Any, window: Any) -> None:
    details = window.open_job(424242)
    qtbot.waitUntil(lambda: details.error.isVisibleTo(details), timeout=5000)
    assert "no job #424242" in details.error.text()
    assert not details.stop_button.isEnabled() and not details.export_button.isEnabled()


def test_log_model(qtmodeltester: Any) -> None:
    import datetime as dt

    from core.records import LogEntry

    m = LogModel()
    now = dt.datetime.now(dt.UTC)
    m.append([LogEntry(i, 1, now, lvl, f"m{i}", None) for i, lvl in enumerate(["INFO", "WARNING", "ERROR"], 1)])
    qtmodeltester.check(m)
    assert m.last_id == 3 and "Warning\tm2" in m.as_text()


def test_escape_closes_details(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    from PySide6.QtCore import Qt

    snap = engine_proc.submit("test-probe", {"items": 0}, owner="tester")
    details = window.open_job(snap.id)
    qtbot.waitExposed(details)
    details.activateWindow()
    details.setFocus()
    with qtbot.waitSignal(details.closed):
        qtbot.keyClick(details.log_view, Qt.Key.Key_Escape)  # from the log, where the focus usually is
    assert snap.id not in window.details


def test_log_lines_do_not_repeat_the_item_and_keep_their_end(qapp: Any) -> None:
    import datetime as dt

    from PySide6.QtCore import Qt

    from core.records import LogEntry

    m = LogModel()
    now = dt.datetime.now(dt.UTC)
    path = "/campaigns/2025/spring/hero.jpg"
    m.append(
        [
            LogEntry(1, 1, now, "WARNING", f"{path} is referenced by 3 collections which is deleted", path),
            LogEntry(2, 1, now, "INFO", "downloaded hero.jpg", "https://example.com/hero.jpg"),
        ]
    )
    item = m.index(0, 3)
    assert item.data() == "" and item.data(Qt.ItemDataRole.ToolTipRole) == path  # said once, in the message
    assert m.index(1, 3).data() == "https://example.com/hero.jpg"
    assert m.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None  # the level as an icon and text
    assert path in m.as_text()  # Copy keeps everything


def test_details_layout_for_people(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    from PySide6.QtCore import Qt

    snap = engine_proc.submit("test-probe", {"items": 0}, owner="tester")
    details = window.open_job(snap.id)
    qtbot.waitUntil(lambda: details.snapshot is not None and details.snapshot.status.is_terminal, timeout=5000)
    assert details.log_view.textElideMode() == Qt.TextElideMode.ElideMiddle
    # the log shows whole rows: its height leaves no half row at the top or the bottom
    rows = details.log_view.viewport().height() / details.log_view.verticalHeader().defaultSectionSize()
    assert abs(rows - round(rows)) < 0.01
    assert not details.fields["progress"].isVisible()  # no "Items: 0"
    assert details.params_view.value("items") == "0"
    details.close()


def test_open_link_to_an_unknown_job_says_so(qtbot: Any, window: Any) -> None:
    window.open_link("asyncops://job/987654")
    qtbot.waitUntil(lambda: "no job #987654" in window.message_bar.text(), timeout=5000)
    assert 987654 not in window.details


def test_log_search_box(qtbot: Any, chatty: None, engine_proc: Any, window: Any) -> None:
    snap = engine_proc.submit("test-chatty", {"lines": 20, "step": 0.0}, owner="tester")
    wait_status(window.ctx.tracker.db, snap.id)
    details = window.open_job(snap.id)
    qtbot.waitUntil(lambda: details.log_model.rowCount() >= 20, timeout=10_000)
    details.log_search.setText("ODD")  # any case
    assert details.log_shown.rowCount() == 2
    assert details.log_count.text().startswith("2 of ")
    details.copy_log()
    assert (
        QGuiApplication.clipboard().text().count("\n") == 1
        and "line 19 looks odd" in QGuiApplication.clipboard().text()
    )
    details.log_search.clear()
    assert details.log_shown.rowCount() == details.log_model.rowCount()
    details.close()
