"""The status bar's counts: "N jobs" is what the table shows; running and waiting follow the jobs live."""

from __future__ import annotations

from typing import Any

from tests.desktop.test_main_window import wait_cached


def counts(win: Any) -> str:
    return str(win.counts_label.text())


def test_running_count_follows_a_job_from_start_to_stop(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    snap = engine_proc.submit("test-probe", {"items": 2000, "step": 0.05}, owner="tester")
    wait_cached(qtbot, window, snap.id, lambda s: s.status.is_running and s.progress_done > 0)
    qtbot.waitUntil(lambda: "1 running" in counts(window), timeout=5000)
    window.job_actions.stop([snap.id])
    wait_cached(qtbot, window, snap.id, lambda s: s.status.is_terminal)
    # the row is final: the counts say so in the same update, not seconds later
    assert "0 running" in counts(window)
    assert "1 job" in counts(window)


def test_counts_follow_the_filters(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    eng = engine_proc
    ids = [eng.submit("test-probe", {"items": 0}, owner="tester", label=f"alpha {i}").id for i in range(3)]
    ids += [eng.submit("test-probe", {"items": 0}, owner="tester", label=f"beta {i}").id for i in range(4)]
    for job_id in ids:
        wait_cached(qtbot, window, job_id, lambda s: s.status.is_terminal)
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=5000)
    assert counts(window).startswith("7 job"), counts(window)
    window.search_box.setText("beta")
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)
    assert counts(window).startswith("4 job")
    window.search_box.setText("no such job")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    assert counts(window).startswith("0 job")
