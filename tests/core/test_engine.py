"""The engine: running, stopping, scheduling, retries, capacity, pause, batching, events, shutdown."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from core.engine import Engine, JobContext, hot, housekeeping
from core.events import EventKind, JobEvent
from core.operations import registry
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs, settings
from core.store.db import Database
from core.store.schema import utcnow
from core.store.settings import QueueConfig
from tests.core.helpers import Probe, wait_for, wait_status

S = JobStatus


pytestmark = pytest.mark.usefixtures("probe")  # tests/core/conftest.py


def test_command_job_succeeds_with_log_and_warnings(db: Database, engine: Engine) -> None:
    snap = engine.submit(
        "command", {"cmd": "echo one; echo 'Warning: disk almost full' >&2; echo PROGRESS 3/4", "shell": "true"}
    )
    assert snap.status is S.QUEUED
    done = wait_status(db, snap.id, "SUCCEEDED")
    assert done.warnings == 1 and done.errors == 0
    assert (done.progress_done, done.progress_total) == (3, 4)
    assert done.result == {"exit_code": 0, "stdout_lines": 2, "stderr_lines": 1}
    log = jobs.log_of(db, snap.id)
    assert ("WARNING", "Warning: disk almost full", "stderr") in [(e.level, e.message, e.item) for e in log]
    assert done.started_at and done.finished_at and done.finished_at >= done.started_at


def test_failing_command_records_exit_code(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"argv": ["sh", "-c", "echo bad >&2; exit 7"]})
    done = wait_status(db, snap.id, "FAILED")
    assert done.result["exit_code"] == 7
    assert done.message == "exit code 7"
    assert done.errors == 1


def test_stop_active_job_within_a_second(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"argv": ["sleep", "30"]})
    wait_status(db, snap.id, "ACTIVE")
    t0 = utcnow()
    engine.stop_job(snap.id)
    done = wait_status(db, snap.id, "STOPPED")
    assert done.finished_at - t0 < dt.timedelta(seconds=1)


def test_stop_reaches_the_whole_process_tree_with_sigkill_after_grace(db: Database, engine: Engine, tmp_path) -> None:
    # The shell ignores SIGTERM and so does its child: only SIGKILL after the grace period ends them.
    script = "trap '' TERM; sh -c \"trap '' TERM; sleep 30\" & echo $! > child.pid; wait"
    snap = engine.submit("command", {"cmd": script, "shell": "true", "cwd": str(tmp_path), "grace": "0.3"})
    wait_status(db, snap.id, "ACTIVE")
    wait_for(lambda: (tmp_path / "child.pid").exists() and (tmp_path / "child.pid").read_text().strip())
    child = int((tmp_path / "child.pid").read_text())
    engine.stop_job(snap.id)
    wait_status(db, snap.id, "STOPPED")
    import psutil

    wait_for(lambda: not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE, 5)
    assert any("SIGKILL" in e.message for e in jobs.log_of(db, snap.id))


def test_stop_waiting_job_is_immediate(db: Database) -> None:
    snap = jobs.submit(db, "command", {"cmd": "true"})
    stopped = jobs.request_stop(db, snap.id)
    assert stopped.status is S.STOPPED
    assert stopped.finished_at is not None


def test_scheduled_job_starts_within_a_second_of_its_time(db: Database, engine: Engine) -> None:
    at = utcnow() + dt.timedelta(seconds=1.2)
    snap = engine.submit("test-probe", {}, at=at.isoformat())
    assert snap.status is S.SCHEDULED
    assert "scheduled for" in jobs.get(db, snap.id).waiting_reason
    done = wait_status(db, snap.id, "SUCCEEDED")
    assert done.started_at >= at - dt.timedelta(milliseconds=1)
    assert done.started_at - at < dt.timedelta(seconds=1)


def test_retries_follow_the_queue_settings(db: Database, engine: Engine) -> None:
    settings.save_queue(db, QueueConfig("flaky", retries=2, retry_delay=0.2, max_parallel=1))
    changes: list[JobSnapshot] = []
    engine.bus.subscribe(lambda e: changes.append(e.job) if e.kind is EventKind.CHANGED and e.job else None)
    snap = engine.submit("test-probe", {"fail": "true"}, queue="flaky")
    assert snap.max_attempts == 3
    done = wait_status(db, snap.id, "FAILED")
    # the waiting state lasts 0.2 s: read from the events (never missed), not by polling the database
    retrying = [c for c in changes if c.id == snap.id and c.status is S.SCHEDULED]
    assert [r.attempt for r in retrying] == [1, 2]
    assert retrying[0].message == "attempt 1/3 failed: RuntimeError: probe asked to fail"
    reason = jobs.annotate(db, [retrying[0]], now=retrying[0].updated_at)[0].waiting_reason
    assert reason is not None and "retry 2/3" in reason
    assert done.attempt == 3
    assert Probe.runs == [snap.id] * 3
    assert "RuntimeError: probe asked to fail" in done.message and done.outcome.code == "job.raised"


def test_retry_command_submits_a_linked_copy(db: Database, engine: Engine) -> None:
    snap = engine.submit("test-probe", {"fail": "true", "items": "2"})
    wait_status(db, snap.id, "FAILED")
    again = jobs.retry(db, snap.id)
    assert again.id != snap.id and again.parent_id == snap.id and again.params == snap.params


def test_queue_capacity_is_never_exceeded(db: Database) -> None:
    settings.save_queue(db, QueueConfig("two", max_parallel=2))
    # Two engines on one database share the capacity.
    e1 = Engine(db, tick=0.05).start()
    e2 = Engine(db, tick=0.05).start()
    try:
        ids = [e1.submit("test-probe", {"items": "3", "step": "0.02"}, queue="two").id for _ in range(8)]
        waiting = wait_for(lambda: [j for j in jobs.list_jobs(db) if j.waiting_reason and "full" in j.waiting_reason])
        assert "queue full (2/2 running)" in {j.waiting_reason for j in waiting}
        for i in ids:
            wait_status(db, i, "SUCCEEDED")
    finally:
        e1.shutdown()
        e2.shutdown()
    assert Probe.peak == 2
    assert sorted(Probe.runs) == sorted(ids)


def test_ordered_queue_runs_one_at_a_time_in_order(db: Database, engine: Engine) -> None:
    settings.save_queue(db, QueueConfig("fifo", kind="ordered", max_parallel=4))
    ids = [engine.submit("test-probe", {"items": "2", "step": "0.01"}, queue="fifo").id for _ in range(5)]
    for i in ids:
        wait_status(db, i, "SUCCEEDED")
    assert Probe.peak == 1
    assert Probe.runs == ids


def test_priority_orders_the_queue(db: Database) -> None:
    settings.save_queue(db, QueueConfig("prio", kind="ordered"))
    settings.set_paused(db, "prio", True)
    low = jobs.submit(db, "test-probe", {}, queue="prio", priority=0)
    high = jobs.submit(db, "test-probe", {}, queue="prio", priority=5)
    assert jobs.get(db, low.id).waiting_reason == "queue prio paused"
    settings.set_paused(db, "prio", False)
    eng = Engine(db, tick=0.05).start()
    try:
        wait_status(db, low.id, "SUCCEEDED")
    finally:
        eng.shutdown()
    assert Probe.runs == [high.id, low.id]


def test_paused_queue_starts_nothing_until_resumed(db: Database, engine: Engine) -> None:
    settings.save_queue(db, QueueConfig("other"))
    settings.set_paused(db, "default", True)
    snap = engine.submit("test-probe", {})
    # proof that the engine is claiming: a job queued after it, on another queue, is done
    later = engine.submit("test-probe", {}, queue="other")
    wait_status(db, later.id, "SUCCEEDED")
    assert jobs.get(db, snap.id).status is S.QUEUED
    assert jobs.get(db, snap.id).waiting_reason == "queue default paused"
    settings.set_paused(db, "default", False)
    wait_status(db, snap.id, "SUCCEEDED")


def test_progress_is_batched_not_committed_per_item(db: Database) -> None:
    commits = []
    event.listen(db.engine, "commit", lambda conn: commits.append(1))
    snap = jobs.submit(db, "test-probe", {"items": "100000"}, inline_worker="inline-test")
    ctx = JobContext(snap, db, worker="inline-test")
    result = registry.get("test-probe").run(ctx, dict(snap.params))
    ctx.flush()
    assert result == {"done": 100000}
    assert jobs.get(db, snap.id).progress_done == 100000
    assert len(commits) < 100, f"{len(commits)} commits for 100,000 items"


def test_context_flushes_log_and_counts(db: Database) -> None:
    snap = jobs.submit(db, "test-probe", {}, inline_worker="w")
    ctx = JobContext(snap, db, worker="w", flush_interval=3600)
    for i in range(5):
        ctx.warn(f"w{i}", item=f"a/{i}.txt")
    ctx.error("boom")
    assert jobs.log_of(db, snap.id) == []  # buffered
    ctx.flush()
    log = jobs.log_of(db, snap.id)
    assert [e.level for e in log] == ["WARNING"] * 5 + ["ERROR"]
    assert log[0].item == "a/0.txt"
    got = jobs.get(db, snap.id)
    assert (got.warnings, got.errors) == (5, 1)


def test_events_reach_listeners_and_a_broken_listener_is_isolated(db: Database, engine: Engine) -> None:
    seen: list[JobEvent] = []
    done = threading.Event()

    def broken(e: JobEvent) -> None:
        raise RuntimeError("listener bug")

    def listener(e: JobEvent) -> None:
        seen.append(e)
        if e.kind is EventKind.CHANGED and e.job and e.job.status.is_terminal:
            done.set()

    engine.bus.subscribe(broken)
    engine.bus.subscribe(listener)
    snap = engine.submit("test-probe", {"items": "3", "warn": "2"})
    assert done.wait(30)
    kinds = [(e.kind, e.job.status if e.job else None) for e in seen if e.job_id == snap.id]
    assert kinds[0] == (EventKind.CREATED, S.QUEUED)
    assert (EventKind.CHANGED, S.ACTIVE) in kinds
    assert kinds[-1] == (EventKind.CHANGED, S.SUCCEEDED)
    final = seen[-1].job
    assert final.warnings == 2 and final.colour == "yellow"


def test_errors_logged_without_raising_fail_the_job(db: Database) -> None:
    class Partial(Probe):
        name = "test-partial"

        def run(self, ctx, params):  # type: ignore[no-untyped-def]
            ctx.error("could not read item 3", item="3")
            return {"ok": 9}

    registry.register(Partial)
    eng = Engine(db, tick=0.05).start()  # built after the operation was registered
    try:
        snap = eng.submit("test-partial", {})
        done = wait_status(db, snap.id, "FAILED")
        assert (
            done.message == "finished with 1 error"
            and done.outcome.args == {"n": 1}
            and done.result == {"ok": 9}
            and done.colour == "red"
        )
    finally:
        eng.shutdown()
        registry.unregister("test-partial")


def test_unexpected_exception_fails_with_traceback_in_log(db: Database, engine: Engine) -> None:
    snap = engine.submit("test-probe", {"fail": "true"})
    assert wait_status(db, snap.id, "FAILED").errors >= 1
    levels = [e.level for e in jobs.log_of(db, snap.id)]
    assert "ERROR" in levels and "DEBUG" in levels


def test_shutdown_interrupts_running_jobs(db: Database) -> None:
    eng = Engine(db, tick=0.05).start()
    snap = eng.submit("test-probe", {"items": "1000", "step": "0.05"})
    wait_for(lambda: eng.context(snap.id))  # running, not only claimed
    eng.shutdown(grace=5)
    done = jobs.get(db, snap.id)
    assert done.status is S.INTERRUPTED and "shut down" in done.message


def test_a_job_claimed_as_the_engine_stops_goes_back_to_its_queue(db: Database) -> None:
    eng = Engine(db, tick=0.05)
    claimed = threading.Event()
    release = threading.Event()
    real, real_ready = eng._claim_now, eng._take_ready

    def slow_claim(cfg, *, borrow=False):  # type: ignore[no-untyped-def]
        got = real(cfg, borrow=borrow)
        if got[0] is not None:
            claimed.set()
            release.wait(30)  # the engine is asked to stop between the claim and the start
        return got

    def slow_ready(queue):  # type: ignore[no-untyped-def]
        got = real_ready(queue)  # claimed for the waiting slot by the submit itself
        if got is not None:
            claimed.set()
            release.wait(30)
        return got

    eng._claim_now = slow_claim  # type: ignore[method-assign]
    eng._take_ready = slow_ready  # type: ignore[method-assign]
    eng.start()
    snap = eng.submit("test-probe", {})
    assert claimed.wait(30)
    stopper = threading.Thread(target=eng.shutdown, kwargs={"grace": 10})
    stopper.start()
    wait_for(lambda: not eng.is_running)
    release.set()
    stopper.join(30)
    again = jobs.get(db, snap.id)
    assert again.status is S.QUEUED and again.attempt == 0 and again.worker is None
    assert Probe.runs == []


def test_daily_purge_runs_once_a_day_in_one_engine(db: Database, engine: Engine) -> None:
    # scheduled far ahead, so the running engine cannot start it before it is stopped
    old = jobs.submit(db, "command", {"cmd": "true"}, at=utcnow() + dt.timedelta(days=1))
    assert jobs.request_stop(db, old.id).status is S.STOPPED
    with db.connect_write() as conn:
        from sqlalchemy import update

        from core.store.schema import Job

        conn.execute(update(Job.__table__).values(finished_at=utcnow() - dt.timedelta(days=400)))
    settings.set_key(db, "purge.time", "00:00")
    assert housekeeping.maybe_purge(db, engine.bus) == 1
    assert housekeeping.maybe_purge(db, engine.bus) is None  # already ran today, in this engine or another


def test_resumable_job_of_a_dead_engine_is_queued_again(db: Database) -> None:
    class Resumable(Probe):
        name = "test-resumable"
        resumable = True

    registry.register(Resumable)
    try:
        snap = jobs.submit(db, "test-probe", {}, inline_worker="ghost-engine")
        snap2 = jobs.submit(db, "test-resumable", {}, inline_worker="ghost-engine")
        # ghost-engine never registered a heartbeat: it is dead
        dead = jobs.dead_engines(db, 30)
        assert dead == ["ghost-engine"]
        ops = {op.name: op for op in registry.all()}
        recovered = {s.id: s for s in housekeeping.recover(db, "ghost-engine", ops)}
        assert {i: s.status for i, s in recovered.items()} == {snap.id: S.INTERRUPTED, snap2.id: S.QUEUED}
        assert recovered[snap.id].outcome.code == "job.interrupted_dead_engine"
        assert recovered[snap2.id].message == "queued again: the engine running it stopped unexpectedly"
    finally:
        registry.unregister("test-resumable")


def test_shutdown_leaves_waiting_jobs_queued(db: Database) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=1))
    eng = Engine(db, tick=0.05).start()
    try:
        first = eng.submit("test-probe", {"items": "1000", "step": "0.01"})
        second = eng.submit("test-probe", {})
        wait_for(lambda: eng.context(first.id))  # running, not only claimed
    finally:
        eng.shutdown(grace=5)
    assert jobs.get(db, first.id).status is S.INTERRUPTED
    again = jobs.get(db, second.id)
    assert again.status is S.QUEUED and again.attempt == 0 and again.worker is None


def test_an_engine_claims_and_runs_only_the_operations_it_was_given(db: Database) -> None:
    foreign = jobs.submit(db, "test-probe", {})  # as on a worker without the plugin
    without = {op.name: op for op in registry.all() if op.name != "test-probe"}
    eng = Engine(db, tick=0.05, operations=without).start()
    try:
        mine = eng.submit("command", {"cmd": "true"})
        wait_status(db, mine.id, "SUCCEEDED", timeout=30)
        assert jobs.get(db, foreign.id).status is S.QUEUED
    finally:
        eng.shutdown()
    assert Probe.runs == []


def test_an_engine_keeps_the_operation_set_it_was_built_with(db: Database) -> None:
    class Late(Probe):
        name = "test-late"

    settings.ensure_defaults(db)
    settings.set_paused(db, "default", True)
    eng = Engine(db, tick=0.05)  # takes the registry's operations now, test-probe among them
    registry.register(Late)
    try:
        late = jobs.submit(db, "test-late", {})
        probe = jobs.submit(db, "test-probe", {})
        registry.unregister("test-probe")  # a plugin removed under the running engine changes nothing
        eng.start()
        settings.set_paused(db, "default", False)
        wait_status(db, probe.id, "SUCCEEDED", timeout=30)
        assert jobs.get(db, late.id).status is S.QUEUED  # registered after the engine was built
    finally:
        eng.shutdown()
        registry.unregister("test-late")
        registry.register(Probe, replace=True)
    assert Probe.runs == [probe.id]


def test_an_outcome_the_database_refused_is_written_again_until_accepted(
    db: Database, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, real_bound = hot.transition, hot.bound_transition
    refusals: list[JobStatus] = []
    refused = threading.Event()
    release = threading.Event()

    def refuse(new: JobStatus) -> None:
        if new is S.SUCCEEDED and not release.is_set():  # the engine's write of the outcome is refused
            refusals.append(new)
            refused.set()
            raise OperationalError("UPDATE jobs", {}, Exception("database is locked"))

    def locked(conn, database, job_id, new, **kw):  # type: ignore[no-untyped-def]
        refuse(new)
        return real(conn, database, job_id, new, **kw)

    class Refused(hot.Bound):  # SQLite: the outcome's statement, refused when it runs in the writer's transaction
        def __init__(self, bound: hot.Bound, new: JobStatus) -> None:
            self._prepared, self._params, self.new = bound._prepared, bound._params, new

        def rows(self, conn):  # type: ignore[no-untyped-def]
            refuse(self.new)
            return super().rows(conn)

        def count(self, conn):  # type: ignore[no-untyped-def]
            refuse(self.new)
            return super().count(conn)

    def bound(database, job_id, new, **kw):  # type: ignore[no-untyped-def]
        return Refused(real_bound(database, job_id, new, **kw), new)

    monkeypatch.setattr(hot, "transition", locked)
    monkeypatch.setattr(hot, "bound_transition", bound)
    snap = engine.submit("test-probe", {"items": "3"})
    assert refused.wait(30)
    assert jobs.get(db, snap.id).status is S.ACTIVE  # neither FAILED nor SUCCEEDED while refused
    release.set()
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and done.message == "" and done.result == {"done": 3}
    assert done.progress_done == 3 and done.errors == 0
    assert refusals and all(r is S.SUCCEEDED for r in refusals)


def test_an_outcome_that_cannot_be_stored_fails_the_job_saying_so(db: Database) -> None:
    class Unstorable(Probe):
        name = "test-unstorable"

        def run(self, ctx, params):  # type: ignore[no-untyped-def]
            return {"when": object()}  # not JSON

    registry.register(Unstorable)
    eng = Engine(db, tick=0.05).start()
    try:
        snap = eng.submit("test-unstorable", {})
        done = wait_status(db, snap.id)
    finally:
        eng.shutdown()
        registry.unregister("test-unstorable")
    assert done.status is S.FAILED and done.outcome.code == "job.unrecordable"
    assert "could not record the outcome" in done.message and done.result is None
