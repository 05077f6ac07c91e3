"""The details window's Workflow row: the profile a job came from, what it waits for, and its chain run as a
group of steps with their statuses, each a link that opens that job."""

from __future__ import annotations

from typing import Any

from core.status import JobStatus
from tests.desktop.test_main_window import wait_cached


def test_a_plain_job_has_no_workflow_row(qtbot: Any, window: Any) -> None:
    snap = window.ctx.tracker.submit("command", {"cmd": "true"})
    wait_cached(qtbot, window, snap.id)
    details = window.open_job(snap.id)
    qtbot.waitUntil(lambda: details.fields["link"].text() == snap.link)
    assert not details.form_left.isRowVisible(details.fields["workflow"])


def test_waits_for_and_profile_with_links(qtbot: Any, window: Any) -> None:
    wf = window.ctx.tracker.workflows
    parent = window.ctx.tracker.submit("command", {"cmd": "true"})
    wf.save_profile("nightly-scan", "command", {"cmd": "true"})
    child = window.ctx.tracker.submit("command", {"cmd": "true"}, after=[parent.id])
    from_profile = wf.run_profile("nightly-scan")
    for snap in (child, from_profile):
        wait_cached(qtbot, window, snap.id)
    details = window.open_job(child.id)
    text = details.fields["workflow"]
    qtbot.waitUntil(lambda: "Waits for" in text.text())
    assert f'href="asyncops://job/{parent.id}"' in text.text()
    with qtbot.waitSignal(details.openJob, timeout=2000) as got:
        text.linkActivated.emit(f"asyncops://job/{parent.id}")
    assert got.args == [parent.id]
    qtbot.waitUntil(lambda: parent.id in window.details)  # the main window opened it
    other = window.open_job(from_profile.id)
    qtbot.waitUntil(lambda: "saved profile <b>nightly-scan</b>, started by hand" in other.fields["workflow"].text())


def test_a_chain_run_shows_as_a_group_of_steps(qtbot: Any, window: Any) -> None:
    wf = window.ctx.tracker.workflows
    for name in ("fetch-step", "scan-step", "report-step"):
        wf.save_profile(name, "command", {"cmd": "true"})
    wf.save_chain("nightly", ["fetch-step", "scan-step"], finally_profile="report-step")
    steps = wf.run_chain("nightly")
    for snap in steps:
        wait_cached(qtbot, window, snap.id)
    details = window.open_job(steps[1].id)
    label = details.fields["workflow"]
    qtbot.waitUntil(lambda: "Chain <b>nightly</b>, step 2 of 3:" in label.text(), timeout=10_000)
    for snap in steps:
        assert f'href="asyncops://job/{snap.id}"' in label.text()
    # a step moving on shows in the other steps' details
    window.ctx.tracker.stop(steps[0].id)
    qtbot.waitUntil(lambda: f"#{steps[0].id} Stopped" in label.text(), timeout=10_000)
    assert window.ctx.tracker.job(steps[0].id).status is JobStatus.STOPPED


def test_the_list_filters_by_profile_and_by_who_started_it(qtbot: Any, window: Any) -> None:
    import datetime as dt

    t = window.ctx.tracker
    wf = t.workflows
    plain = t.submit("command", {"cmd": "true"})
    wf.save_profile("nightly-scan", "command", {"cmd": "true"}, schedule="0 2 * * *")
    by_hand = wf.run_profile("nightly-scan")
    # the schedule fires at a time the test chooses
    fired = wf.fire_due(dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    assert fired
    by_schedule = fired[0]
    window.load_profile_filters()
    combo = window.origin_filter
    qtbot.waitUntil(lambda: combo.findData("profile:nightly-scan") >= 0, timeout=5000)
    assert combo.itemText(combo.findData("profile:nightly-scan")) == "Profile nightly-scan"

    def shown() -> set[int]:
        return {window.proxy.job_id(r) for r in range(window.proxy.rowCount())}

    everything = {plain.id, by_hand.id, by_schedule.id}
    qtbot.waitUntil(lambda: shown() == everything, timeout=10_000)
    combo.setCurrentIndex(combo.findData("origin:schedule"))
    qtbot.waitUntil(lambda: shown() == {by_schedule.id}, timeout=10_000)
    combo.setCurrentIndex(combo.findData("origin:manual"))
    qtbot.waitUntil(lambda: shown() == {plain.id, by_hand.id}, timeout=10_000)
    combo.setCurrentIndex(combo.findData("profile:nightly-scan"))
    qtbot.waitUntil(lambda: shown() == {by_hand.id, by_schedule.id}, timeout=10_000)
    # the same filter in the core, as the CLI and the window use it
    from core.api import JobFilter

    assert set(t.job_ids(JobFilter(profile="nightly-scan", origin="schedule"))) == {by_schedule.id}
    window.clear_filters()
    qtbot.waitUntil(lambda: shown() == everything, timeout=10_000)
