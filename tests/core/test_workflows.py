"""Issue 11 through the functions: dependencies (release, waiting reasons, cycles, concurrent release),
schedules (due times on a clock the test controls, catch-up, concurrent fire_due), chains, priority, bulk retry."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text, update

import core.migrations
from core.api import Tracker
from core.errors import ConflictError, NotAllowed, NotFound, UsageError
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import Base, Job, table
from core.workflows import bulk, cron, dependencies, origins, reasons, schedules
from core.workflows.tables import ScheduleRun

S = JobStatus
VERSIONS = Path(core.migrations.__file__).parent / "versions"


@pytest.fixture(autouse=True)
def fresh_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Migration 0007 follows 0006, written on another branch: until it lands, Alembic cannot find the head, so
    fresh test databases are made with ``create_all`` alone (what ``Database.migrate`` does for a new file)."""
    if not list(VERSIONS.glob("0006_*.py")):

        def migrate(self: Database) -> None:
            with self._write_engine.connect() as conn, conn.begin():
                if "jobs" not in inspect(conn).get_table_names():
                    Base.metadata.create_all(conn)
                    conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
                    conn.execute(text("INSERT INTO alembic_version VALUES ('0007')"))

        monkeypatch.setattr(Database, "migrate", migrate)
    yield


@pytest.fixture
def t(fresh_schema: None) -> Iterator[Tracker]:
    tracker = Tracker()
    yield tracker
    tracker.close()


def submit(t: Tracker, **kw: object) -> JobSnapshot:
    return t.submit("command", {"cmd": "echo hi"}, **kw)


def finish(db: Database, job_id: int, status: JobStatus) -> None:
    """Move a job as its engine would: QUEUED → ACTIVE → ``status``."""
    assert jobs.transition(db, job_id, S.ACTIVE, expect=(S.QUEUED,)) is not None
    assert jobs.transition(db, job_id, status, expect=(S.ACTIVE,)) is not None


def status(t: Tracker, job_id: int) -> JobStatus:
    return t.job(job_id).status


# -- dependencies -----------------------------------------------------------------------------------
def test_a_job_after_another_waits_then_is_queued_when_it_succeeds(t: Tracker) -> None:
    parent = submit(t)
    child = submit(t, after=[parent.id])
    assert child.status is S.SCHEDULED and child.scheduled_for is None
    (seen,) = t.workflows.annotate([t.job(child.id)])
    assert seen.waiting_reason == f"waits for job #{parent.id}"
    assert seen.to_json()["after"] == [parent.id]
    assert dependencies.release(t.db) == []  # the parent has not ended
    finish(t.db, parent.id, S.SUCCEEDED)
    moved = dependencies.release(t.db)
    assert [s.id for s in moved] == [child.id] and moved[0].status is S.QUEUED
    assert dependencies.release(t.db) == []


def test_a_failed_parent_stops_the_job_unless_run_anyway(t: Tracker) -> None:
    parent = submit(t)
    child = submit(t, after=[parent.id])
    anyway = submit(t, after=[parent.id], run_anyway=True)
    finish(t.db, parent.id, S.FAILED)
    moved = {s.id: s for s in dependencies.release(t.db)}
    assert moved[child.id].status is S.STOPPED
    assert moved[child.id].message == f"not run: job #{parent.id}, which it waited for, ended FAILED"
    assert moved[child.id].outcome.code == "flow.parent_failed" and moved[child.id].finished_at is not None
    assert moved[anyway.id].status is S.QUEUED


def test_a_job_waits_for_every_parent_and_names_the_first_pending(t: Tracker) -> None:
    a, b = submit(t), submit(t)
    child = submit(t, after=[a.id, b.id, a.id])
    assert t.workflows.annotate([t.job(child.id)])[0].waiting_reason == f"waits for job #{a.id} and 1 more"
    finish(t.db, a.id, S.SUCCEEDED)
    assert dependencies.release(t.db) == []
    assert t.workflows.annotate([t.job(child.id)])[0].waiting_reason == f"waits for job #{b.id}"
    finish(t.db, b.id, S.SUCCEEDED)
    assert [s.id for s in dependencies.release(t.db)] == [child.id]


def test_parents_that_already_ended_release_the_job_at_once(t: Tracker) -> None:
    parent = submit(t)
    finish(t.db, parent.id, S.SUCCEEDED)
    child = submit(t, after=[parent.id])
    assert child.status is S.QUEUED


def test_a_stopped_job_stops_its_own_dependents_in_the_same_release(t: Tracker) -> None:
    a = submit(t)
    b = submit(t, after=[a.id])
    c = submit(t, after=[b.id])
    last = submit(t, after=[c.id], run_anyway=True)
    finish(t.db, a.id, S.FAILED)
    moved = {s.id: s.status for s in dependencies.release(t.db)}
    assert moved == {b.id: S.STOPPED, c.id: S.STOPPED, last.id: S.QUEUED}
    assert f"job #{b.id}" in t.job(c.id).message


def test_a_removed_parent_counts_as_ended_without_success(t: Tracker) -> None:
    parent = submit(t)
    child = submit(t, after=[parent.id])
    finish(t.db, parent.id, S.SUCCEEDED)
    t.remove(parent.id)
    (moved,) = dependencies.release(t.db)
    assert moved.id == child.id and moved.status is S.STOPPED and moved.outcome.code == "flow.parent_removed"


def test_unknown_and_foreign_parents_and_cycles_are_refused_and_nothing_is_written(t: Tracker) -> None:
    parent = submit(t)
    before = len(t.jobs())
    launch = t.check("command", {"cmd": "echo"}, foreground=False)
    with pytest.raises(NotFound):
        t.launch(launch, after=[parent.id + 100])
    if t.db.is_sqlite:  # on PostgreSQL the role is the identity (test_team.py covers foreign jobs there)
        other = Tracker(t.db, user="someone-else")
        with pytest.raises(NotAllowed):
            other.launch(launch, after=[parent.id])
    with pytest.raises(UsageError):
        t.launch(launch, after=[parent.id], at="2999-01-01T00:00")
    with pytest.raises(UsageError):
        t.launch(launch, run_anyway=True)
    assert len(t.jobs()) == before
    child = submit(t, after=[parent.id])
    with pytest.raises(UsageError, match="cycle"):
        dependencies.add(t.db, parent.id, [child.id])
    with pytest.raises(UsageError, match="cycle"):
        dependencies.add(t.db, child.id, [child.id])
    assert reasons.parents_of(t.db, [parent.id, child.id]) == {child.id: [parent.id]}


def test_release_from_two_threads_moves_each_job_once(t: Tracker) -> None:
    parent = submit(t)
    children = [submit(t, after=[parent.id]).id for _ in range(30)]
    finish(t.db, parent.id, S.SUCCEEDED)
    dbs = [Database(t.db.url) for _ in range(2)]
    barrier = threading.Barrier(len(dbs))
    results: list[list[int]] = [[] for _ in dbs]

    def work(i: int) -> None:
        barrier.wait()
        results[i] = [s.id for s in dependencies.release(dbs[i])]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(dbs))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for d in dbs:
        d.dispose()
    moved = results[0] + results[1]
    assert sorted(moved) == children  # every job once, none twice
    assert {status(t, i) for i in children} == {S.QUEUED}


# -- schedules --------------------------------------------------------------------------------------
T0 = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC)
HOURLY = "0 * * * *"


def test_cron_expressions_are_checked() -> None:
    assert cron.check(" 0  *  * * 1-5 ") == "0 * * * 1-5"
    for bad in ("* * * *", "* * * * * *", "61 * * * *", "every hour", ""):
        with pytest.raises(UsageError):
            cron.check(bad)
    due = cron.next_after(HOURLY, T0)
    assert due > T0 and due.astimezone().minute == 0 and due - T0 <= dt.timedelta(hours=1)
    assert cron.latest_at_or_before(HOURLY, due) == due
    assert cron.next_after(HOURLY, due) == due + dt.timedelta(hours=1) or due.astimezone().hour == 1  # DST aside


def scheduled_jobs(t: Tracker, name: str) -> list[int]:
    return t.workflows.profile_job_ids(name)


def test_one_job_per_due_time_on_a_controlled_clock(t: Tracker) -> None:
    p = t.workflows.save_profile("hourly", "command", {"cmd": "echo tick"}, schedule=HOURLY, now=T0)
    due = p.next_due
    assert due is not None and due == cron.next_after(HOURLY, T0)
    assert schedules.fire_due(t.db, due - dt.timedelta(seconds=1)) == []
    (job,) = schedules.fire_due(t.db, due + dt.timedelta(seconds=2))
    assert job.status is S.QUEUED and job.owner == "tester"
    (seen,) = t.workflows.annotate([t.job(job.id)])
    assert (seen.to_json()["profile"], seen.to_json()["origin"]) == ("hourly", "schedule")
    assert schedules.fire_due(t.db, due + dt.timedelta(seconds=30)) == []
    assert t.workflows.profile("hourly").next_due == cron.next_after(HOURLY, due)
    assert schedules.next_fire(t.db) == cron.next_after(HOURLY, due)
    assert len(schedules.fire_due(t.db, cron.next_after(HOURLY, due) + dt.timedelta(seconds=1))) == 1
    assert len(scheduled_jobs(t, "hourly")) == 2


@pytest.mark.parametrize(("catch_up", "expected"), [("one", 1), ("none", 0)])
def test_times_missed_while_no_engine_ran(t: Tracker, catch_up: str, expected: int) -> None:
    p = t.workflows.save_profile("hourly", "command", {"cmd": "echo"}, schedule=HOURLY, catch_up=catch_up, now=T0)
    assert p.next_due is not None
    later = p.next_due + dt.timedelta(hours=5, minutes=10)  # five due times missed
    assert len(schedules.fire_due(t.db, later)) == expected
    assert t.workflows.profile("hourly").next_due == cron.next_after(HOURLY, later)
    assert schedules.fire_due(t.db, later + dt.timedelta(minutes=1)) == []
    assert len(scheduled_jobs(t, "hourly")) == expected


def fire_together(dbs: list[Database], now: dt.datetime) -> list[list[JobSnapshot]]:
    """``fire_due`` at the same moment from one thread per database (as engines of several processes)."""
    barrier = threading.Barrier(len(dbs))
    made: list[list[JobSnapshot]] = [[] for _ in dbs]

    def work(i: int) -> None:
        barrier.wait()
        made[i] = schedules.fire_due(dbs[i], now)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(dbs))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return made


def test_concurrent_fire_due_makes_exactly_one_job_per_due_time(t: Tracker) -> None:
    p = t.workflows.save_profile("hourly", "command", {"cmd": "echo"}, schedule=HOURLY, now=T0)
    t.workflows.save_profile("other", "command", {"cmd": "echo"}, schedule="*/30 * * * *", now=T0)
    assert p.next_due is not None
    dbs = [Database(t.db.url) for _ in range(6)]
    for round_ in range(3):
        made = fire_together(dbs, p.next_due + dt.timedelta(hours=round_, seconds=5))
        assert sum(len(m) for m in made) == 2  # one per profile
    for d in dbs:
        d.dispose()
    assert len(scheduled_jobs(t, "hourly")) == 3 and len(scheduled_jobs(t, "other")) == 3
    with t.db.connect_read() as conn:
        assert conn.execute(table(ScheduleRun).select()).all().__len__() == 6


def test_a_due_time_whose_job_cannot_be_written_is_skipped_and_said(t: Tracker) -> None:
    p = t.workflows.save_profile("bad", "command", {"cmd": "echo"}, schedule=HOURLY, now=T0)
    assert p.next_due is not None
    with t.db.connect_write() as conn:
        from core.workflows.tables import Profile

        conn.execute(update(table(Profile)).values(params={"cmd": ""}))
    assert schedules.fire_due(t.db, p.next_due + dt.timedelta(seconds=1)) == []
    after = t.workflows.profile("bad")
    assert after.last_error and after.next_due == cron.next_after(HOURLY, p.next_due)


# -- chains -----------------------------------------------------------------------------------------
def test_a_chain_run_shares_one_id_and_a_failed_step_stops_the_later_but_not_finally(t: Tracker) -> None:
    for name in ("fetch", "import", "report", "cleanup"):
        t.workflows.save_profile(name, "command", {"cmd": f"echo {name}"})
    t.workflows.save_chain("nightly", ["fetch", "import", "report"], finally_profile="cleanup")
    snaps = t.workflows.run_chain("nightly")
    assert [s.status for s in snaps] == [S.QUEUED, S.SCHEDULED, S.SCHEDULED, S.SCHEDULED]
    seen = t.workflows.annotate([t.job(s.id) for s in snaps])
    assert len({s.to_json()["chain_run"] for s in seen}) == 1 and seen[0].to_json()["chain_run"] is not None
    assert [s.to_json()["profile"] for s in seen] == ["fetch", "import", "report", "cleanup"]
    assert [s.to_json()["after"] for s in seen] == [[], [snaps[0].id], [snaps[1].id], [snaps[2].id]]
    assert origins.job_ids_of_chain_run(t.db, seen[0].to_json()["chain_run"]) == [s.id for s in snaps]
    finish(t.db, snaps[0].id, S.FAILED)
    moved = {s.id: s.status for s in dependencies.release(t.db)}
    assert moved == {snaps[1].id: S.STOPPED, snaps[2].id: S.STOPPED, snaps[3].id: S.QUEUED}


def test_a_scheduled_chain_fires_once_per_due_time(t: Tracker) -> None:
    t.workflows.save_profile("a", "command", {"cmd": "echo a"})
    t.workflows.save_profile("b", "command", {"cmd": "echo b"})
    ch = t.workflows.save_chain("ab", ["a", "b"], schedule=HOURLY, now=T0)
    assert ch.next_due is not None
    made = schedules.fire_due(t.db, ch.next_due + dt.timedelta(seconds=1))
    assert len(made) == 2 and schedules.fire_due(t.db, ch.next_due + dt.timedelta(seconds=2)) == []
    seen = t.workflows.annotate(made)
    assert {s.to_json()["origin"] for s in seen} == {"schedule"}


def test_chain_and_profile_rules(t: Tracker) -> None:
    t.workflows.save_profile("a", "command", {"cmd": "echo a"})
    with pytest.raises(NotFound):
        t.workflows.save_chain("c", ["a", "missing"])
    t.workflows.save_chain("c", ["a"])
    with pytest.raises(ConflictError):
        t.workflows.remove_profile("a")
    t.workflows.remove_chain("c")
    t.workflows.remove_profile("a")
    with pytest.raises(NotFound):
        t.workflows.profile("a")
    with pytest.raises(UsageError):
        t.workflows.save_profile("bad name!", "command", {"cmd": "echo"})
    assert t.workflows.profiles() == [] and t.workflows.chains() == []


# -- priority and bulk retry ------------------------------------------------------------------------
def test_priority_of_a_waiting_job_only(t: Tracker) -> None:
    a = submit(t)
    assert t.workflows.set_priority(a.id, 7).priority == 7
    finish(t.db, a.id, S.SUCCEEDED)
    with pytest.raises(ConflictError):
        t.workflows.set_priority(a.id, 1)
    with pytest.raises(NotFound):
        t.workflows.set_priority(a.id + 50, 1)


def test_retry_failed_retries_each_failed_job_once(t: Tracker) -> None:
    failed = [submit(t).id for _ in range(3)]
    ok = submit(t).id
    for i in failed:
        finish(t.db, i, S.FAILED)
    finish(t.db, ok, S.SUCCEEDED)
    t.retry(failed[0])  # retried by hand already
    with t.db.connect_write() as conn:  # failed[2] failed long ago
        conn.execute(
            update(table(Job)).where(table(Job).c.id == failed[2]).values(finished_at=T0 - dt.timedelta(days=30))
        )
    done = t.workflows.retry_failed(since=bulk.parse_duration("2d"))
    assert [(old, new.parent_id) for old, new in done.retried] == [(failed[1], failed[1])]
    assert t.workflows.retry_failed(since=bulk.parse_duration("2d")).retried == []
    done = t.workflows.retry_failed()
    assert [old for old, _ in done.retried] == [failed[2]]
    assert t.workflows.retry_failed().retried == []
    for bad in ("2 days", "-1h", "h"):
        with pytest.raises(UsageError):
            bulk.parse_duration(bad)


def test_retry_failed_from_two_threads_retries_once(t: Tracker) -> None:
    failed = [submit(t).id for _ in range(10)]
    for i in failed:
        finish(t.db, i, S.FAILED)
    dbs = [Database(t.db.url) for _ in range(2)]
    barrier = threading.Barrier(2)
    out: list[list[int]] = [[], []]

    def work(i: int) -> None:
        barrier.wait()
        out[i] = [old for old, _ in bulk.retry_failed(dbs[i], user="tester", admin=False).retried]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for d in dbs:
        d.dispose()
    assert sorted(out[0] + out[1]) == failed


def test_the_engine_tick_fires_releases_and_publishes(t: Tracker) -> None:
    from core.events import EventBus, EventKind
    from core.workflows import ticks

    bus = EventBus()
    seen: list[tuple[EventKind, int]] = []
    bus.subscribe(lambda e: seen.append((e.kind, e.job_id)))
    p = t.workflows.save_profile("hourly", "command", {"cmd": "echo"}, schedule=HOURLY, now=T0)
    parent = submit(t)
    child = submit(t, after=[parent.id])
    assert ticks.tick(t.db, bus, now=T0) is False and seen == []
    finish(t.db, parent.id, S.SUCCEEDED)
    assert ticks.release_ended(t.db, bus) is True and seen == [(EventKind.CHANGED, child.id)]
    assert p.next_due is not None
    assert ticks.tick(t.db, bus, now=p.next_due) is True
    assert seen[-1][0] is EventKind.CREATED and len(seen) == 2


def test_a_chain_runs_on_a_real_engine_whose_housekeeping_releases(db: Database, engine: object) -> None:
    """End to end: the engine runs each step; ``ticks.release_ended`` (what its housekeeping will call after a
    job ends) moves the next one on; the failed step stops the later one and the finally step still runs."""
    from core.workflows import ticks
    from tests.core.helpers import wait_for

    t = Tracker(db)
    for name, cmd in (("ok", "true"), ("fails", "false"), ("later", "true"), ("tidy", "true")):
        t.workflows.save_profile(name, "command", {"cmd": cmd})
    t.workflows.save_chain("c", ["ok", "fails", "later"], finally_profile="tidy")
    ids = [s.id for s in t.workflows.run_chain("c")]

    def done() -> list[JobStatus] | None:
        ticks.release_ended(db)
        states = [s.status for s in jobs.get_many(db, ids)]
        return states if all(s.is_terminal for s in states) else None

    states = {s.id: s.status for s in jobs.get_many(db, ids)} if wait_for(done, timeout=30) else {}
    assert [states[i] for i in ids] == [S.SUCCEEDED, S.FAILED, S.STOPPED, S.SUCCEEDED]


# -- moving a queued job in its queue ----------------------------------------------------------------
def queue_order(t: Tracker) -> list[int]:
    """The queued jobs in the order engines claim them: priority, then age."""
    snaps = jobs.list_jobs(t.db, all_users=True)
    return [s.id for s in sorted(snaps, key=lambda s: (-s.priority, s.id)) if s.status is S.QUEUED]


def test_move_top_up_down_bottom_gives_the_order_asked(t: Tracker) -> None:
    a, b, c, d = (submit(t).id for _ in range(4))
    assert queue_order(t) == [a, b, c, d]
    t.workflows.move(c, "up")
    assert queue_order(t) == [a, c, b, d]
    t.workflows.move(d, "top")
    assert queue_order(t) == [d, a, c, b]
    t.workflows.move(d, "down")
    assert queue_order(t) == [a, d, c, b]
    changed = t.workflows.move(a, "bottom")
    assert queue_order(t) == [d, c, b, a] and changed[0].id == a
    t.workflows.move(d, "top")  # already first: nothing changes
    assert queue_order(t) == [d, c, b, a]
    # the CLI form
    from core.cli import main

    assert main(["priority", str(a), "top"]) == 0
    assert queue_order(t)[0] == a
    assert main(["priority", str(a), "sideways"]) == 2


def test_only_a_queued_job_moves_and_only_among_ones_own(t: Tracker) -> None:
    mine = submit(t)
    other = Tracker(t.db, user="somebody-else")
    theirs = submit(other)
    assert not other.admin
    assert other.workflows.move(theirs.id, "top") == []  # first among their own already: never passes mine
    assert queue_order(t) == [mine.id, theirs.id]
    with pytest.raises((NotAllowed, NotFound)):
        other.workflows.move(mine.id, "top")
    finish(t.db, mine.id, S.SUCCEEDED)
    with pytest.raises(ConflictError, match="only a queued job can be moved"):
        t.workflows.move(mine.id, "up")
    with pytest.raises(UsageError):
        t.workflows.move(theirs.id, "sideways")
