"""The lazy job model, the latest-operations model and the job cache (one owner, coalescing, de-duplicating)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.api import Tracker
from core.events import EventBus, EventKind, JobEvent
from core.store import jobs, settings
from desktop.jobs.model import COL, JobFilter, JobRole, JobsModel, JobsProxyModel, Sort
from desktop.services.background import Background
from desktop.services.job_cache import JobCache
from tests.core.helpers import wait_status
from tests.desktop.util import snap as make_snap


@pytest.fixture(autouse=True)
def _defaults(db: Any) -> None:
    settings.ensure_defaults(db)  # submit_many needs the default queue to exist


def _model(qtbot: Any, db: Any, flt: JobFilter | None = None) -> tuple[JobsModel, Background]:
    bg = Background()
    tracker = Tracker(db, user="tester")
    cache = JobCache(tracker, bg, all_users=False)
    model = JobsModel(tracker, bg, cache)
    if flt is not None:
        model.set_filter(flt)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    return model, bg


def _fetch_all(qtbot: Any, model: JobsModel) -> None:
    for r in range(model.rowCount()):
        model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole)
    qtbot.waitUntil(lambda: all(model.snapshot(r) is not None for r in range(model.rowCount())), timeout=10_000)


def test_model_passes_modeltester(qtbot: Any, qtmodeltester: Any, db: Any, probe: Any) -> None:
    jobs.submit_many(db, "test-probe", [{"items": i} for i in range(30)], owner="tester")
    model, bg = _model(qtbot, db)
    assert model.rowCount() == 30
    _fetch_all(qtbot, model)
    qtmodeltester.check(model)
    proxy = JobsProxyModel(model)
    qtmodeltester.check(proxy)
    bg.shutdown()


def test_model_is_lazy_and_fetches_rows_on_demand(qtbot: Any, db: Any, probe: Any) -> None:
    jobs.submit_many(db, "test-probe", [{"items": 1}] * 2000, owner="tester")
    model, bg = _model(qtbot, db)
    assert model.rowCount() == 2000
    ids = model.ids()
    assert ids == sorted(ids, reverse=True)  # newest first
    assert model.snapshot(0) is not None  # the first page came with the ids
    assert model.snapshot(1500) is None  # the rest is fetched when shown
    assert model.data(model.index(1500, COL["id"])) == ids[1500]  # the id is known at once
    with qtbot.waitSignal(model.rowsFetched, timeout=10_000):
        model.data(model.index(1500, COL["status"]))
    assert model.snapshot(1500).id == ids[1500]
    assert model.data(model.index(1500, COL["status"])) == "Queued"
    bg.shutdown()


def test_filter_and_sort_run_in_sql(qtbot: Any, db: Any, probe: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("ASYNCOPS_ADMIN", "1")  # "all users" is an admin's view
    jobs.submit_many(db, "test-probe", [{"items": i} for i in range(5)], owner="tester")
    jobs.submit_many(db, "test-probe", [{"items": 1}], owner="someone-else")
    jobs.submit(db, "command", {"cmd": "true"}, owner="tester", label="special label")
    model, bg = _model(qtbot, db, JobFilter(operation="test-probe"))
    assert model.rowCount() == 5  # the other user's job is not shown
    with qtbot.waitSignal(model.loaded):
        model.set_filter(JobFilter(search="SPECIAL"))
    assert model.rowCount() == 1
    with qtbot.waitSignal(model.loaded):
        model.set_filter(JobFilter(all_users=True))
    assert model.rowCount() == 7
    with qtbot.waitSignal(model.loaded):
        model.set_sort(Sort("id", descending=False))
    assert model.ids() == sorted(model.ids())
    with qtbot.waitSignal(model.loaded):
        model.sort(COL["operation"], Qt.SortOrder.AscendingOrder)
    _fetch_all(qtbot, model)
    ops = [model.snapshot(r).operation for r in range(model.rowCount())]
    assert ops == sorted(ops)
    bg.shutdown()


def test_live_progress_reaches_the_model(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    """A job of this process: its progress shows in the table while it runs, then its final badge."""
    gate = engine_proc.log.parent / "go-progress"
    snap = engine_proc.submit("test-probe", {"items": 40, "step": 0.1, "hold": str(gate)}, owner="tester")
    model = window.model
    qtbot.waitUntil(lambda: model.row_of(snap.id) is not None, timeout=10_000)
    gate.touch()  # the job runs its items only once its row is there

    def progress() -> int:
        s = model.cached(snap.id)
        return s.progress_done if s is not None and s.status.is_running else -1

    qtbot.waitUntil(lambda: 0 < progress() < 40, timeout=10_000)
    row = model.row_of(snap.id)
    text = model.data(model.index(row, COL["progress"]))
    assert "%" in text
    assert model.data(model.index(row, COL["status"]), JobRole).colour == "blue"
    qtbot.waitUntil(lambda: model.cached(snap.id).status.is_terminal, timeout=15_000)
    row = model.row_of(snap.id)
    assert model.data(model.index(row, COL["status"])) == "Succeeded"
    assert model.data(model.index(row, COL["progress"])) == "40 / 40"


def test_counters_and_colours_from_real_runs(qtbot: Any, engine_proc: Any, window: Any, probe: Any) -> None:
    eng = engine_proc
    ok = eng.submit("test-probe", {"items": 2}, owner="tester")
    warn = eng.submit("test-probe", {"items": 2, "warn": 3}, owner="tester")
    bad = eng.submit("test-probe", {"items": 1, "fail": True}, owner="tester")
    for s in (ok, warn, bad):
        wait_status(window.ctx.tracker.db, s.id)
    model = window.model
    qtbot.waitUntil(
        lambda: all(model.cached(s.id) is not None and model.cached(s.id).status.is_terminal for s in (ok, warn, bad)),
        timeout=10_000,
    )

    def cell(job_id: int, col: str, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.data(model.index(model.row_of(job_id), COL[col]), role)

    assert cell(ok.id, "status", JobRole).colour == "green"
    assert cell(warn.id, "status", JobRole).colour == "yellow"
    assert cell(warn.id, "warnings") == 3 and "3 warning" in cell(warn.id, "status")
    assert cell(bad.id, "status", JobRole).colour == "red"
    assert cell(bad.id, "errors") >= 1 and "error" in cell(bad.id, "status")
    assert cell(warn.id, "warnings", Qt.ItemDataRole.ForegroundRole) is not None


def test_cache_coalesces_a_storm_of_events(qtbot: Any, db: Any) -> None:
    """50 busy jobs publishing thousands of progress events cause only a few applies."""
    bus = EventBus()
    bg = Background()
    cache = JobCache(Tracker(db, user="tester", bus=bus), bg, all_users=False, interval_ms=250)
    cache.put([make_snap("ACTIVE", id=j, progress_total=200) for j in range(1, 51)])
    batches: list[list[int]] = []
    cache.changed.connect(batches.append)

    def busy(job_id: int) -> None:
        for i in range(200):
            bus.publish(JobEvent(EventKind.PROGRESS, job_id, changes={"progress_done": i}))

    threads = [threading.Thread(target=busy, args=(j,)) for j in range(1, 51)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    qtbot.waitUntil(lambda: all(cache.get(j).progress_done == 199 for j in range(1, 51)), timeout=5000)
    assert len(batches) <= 3  # 10,000 events, a handful of repaints
    cache.close()
    bg.shutdown()


def test_cache_announces_a_change_once(qtbot: Any, db: Any, probe: Any) -> None:
    """A local change arrives as an event and again from the poll: the readers hear of it once."""
    bg = Background()
    tracker = Tracker(db, user="tester")
    cache = JobCache(tracker, bg, all_users=False, interval_ms=0)
    seen: list[int] = []
    cache.changed.connect(seen.extend)
    created = tracker.submit("test-probe", {"items": 1})  # publishes CREATED on the tracker's bus
    qtbot.waitUntil(lambda: created.id in seen, timeout=5000)
    cache.poll()  # the same row, now with its waiting reason: at most one more announcement
    qtbot.waitUntil(bg.idle, timeout=5000)
    cache.apply_now()
    assert cache.get(created.id) is not None and cache.get(created.id).waiting is not None
    before = len(seen)
    cache.poll()  # nothing new
    qtbot.waitUntil(bg.idle, timeout=5000)
    cache.apply_now()
    assert len(seen) == before
    tracker.bus.publish(JobEvent(EventKind.CHANGED, created.id, job=created))  # an older echo changes nothing
    cache.apply_now()
    assert len(seen) == before
    removed: list[int] = []
    cache.removed.connect(removed.extend)
    tracker.stop(created.id)
    tracker.remove(created.id)
    qtbot.waitUntil(lambda: removed == [created.id], timeout=5000)
    cache.poll()  # the poll names the removal again: not announced twice
    qtbot.waitUntil(bg.idle, timeout=5000)
    cache.apply_now()
    assert removed == [created.id] and cache.get(created.id) is None
    cache.close()
    bg.shutdown()


def test_latest_model(qtbot: Any, qtmodeltester: Any, window: Any, probe: Any) -> None:
    for i in range(12):
        jobs.submit(window.ctx.tracker.db, "test-probe", {"items": 0}, owner="tester", label=f"job {i}")
    latest = window.latest_model
    qtbot.waitUntil(
        lambda: latest.rowCount() == 10 and latest.data(latest.index(0), JobRole).label == "job 11", timeout=10_000
    )
    qtmodeltester.check(latest)
    qtmodeltester.check(window.inbox)
