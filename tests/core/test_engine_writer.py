"""The engine's writer commits the writes of all its slots together; one failing write fails alone."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core.engine import Engine
from core.engine.writer import Writer
from core.store.db import Database


class Held:
    """A writer over a new ``probe`` table, and a first write that holds it until ``release`` is set (the writes
    handed over meanwhile wait for the group after it)."""

    def __init__(self, db: Database) -> None:
        with db.connect_write() as conn:
            conn.execute(text("CREATE TABLE probe (x INTEGER PRIMARY KEY)"))
        self.writer = Writer(db)
        self.busy, self.release = threading.Event(), threading.Event()

    def first(self, conn: Connection) -> str:
        self.busy.set()
        self.release.wait(30)  # holds the writer while the others are handed over
        return "first"


def test_writes_handed_over_together_commit_in_one_group_and_a_bad_one_fails_alone(db: Database) -> None:
    held = Held(db)
    writer, busy, release, first = held.writer, held.busy, held.release, held.first

    def insert(x: int) -> int:
        return writer.write(lambda conn: conn.execute(text("INSERT INTO probe VALUES (:x)"), {"x": x}).rowcount)

    try:
        with ThreadPoolExecutor(11) as pool:
            head = pool.submit(writer.write, first)
            assert busy.wait(30)
            results = [pool.submit(insert, x) for x in [*range(9), 3]]  # 3 twice: that write fails
            while len(writer._pending) < 10:  # every write is waiting for the group
                threading.Event().wait(0.01)
            release.set()
            assert head.result() == "first"
            outcomes = [f.exception() or f.result() for f in results]
    finally:
        release.set()
    assert outcomes[:9] == [1] * 9 and isinstance(outcomes[9], IntegrityError)
    # handed over while the first ran: they joined its transaction, which committed again without the bad one
    assert (writer.groups, writer.writes) == (1, 10)
    with db.connect_read() as conn:
        assert conn.execute(text("SELECT count(*) FROM probe")).scalar() == 9


def test_a_refused_commit_fails_every_write_of_its_group(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = Writer(db)

    def refuse() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_transaction", refuse)  # where its transactions begin
    try:
        with pytest.raises(OSError):
            writer.write(lambda conn: 1)
    finally:
        monkeypatch.undo()
    assert writer.write(lambda conn: 2) == 2  # and the next write is accepted


def test_an_engine_never_started_shuts_down(db: Database) -> None:
    Engine(db).shutdown(1)


def test_a_job_submitted_to_an_idle_queue_is_claimed_by_its_submit_one_commit_fewer(db: Database) -> None:
    """A slot waits for work: the submit's transaction claims the job for it (the slot starts it without a claim of
    its own, and the other waiting slot does not write a claim that finds nothing). Two commits per job: the submit
    with its claim, and the outcome."""
    import time

    if not db.is_sqlite:
        pytest.skip("SQLite: on PostgreSQL each commit's NOTIFY (the wake-up of every engine) wakes the slots again")
    from core.operations import registry
    from core.store import jobs, settings
    from core.store.settings import QueueConfig
    from tests.core.helpers import Probe, wait_for, wait_status

    registry.register(Probe, replace=True)
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    engine = Engine(db, purge=False).start()
    try:
        wait_for(lambda: engine._idle.get("default") == 2)  # both slots wait for work
        started = time.monotonic()
        _, before = engine.write_groups
        for _ in range(10):
            snap = engine.submit("test-probe", {})
            assert wait_status(db, snap.id).status == "SUCCEEDED"
        _, after = engine.write_groups
        # the queue settings are read again each second, waking the slots to claim: at most two writes each time
        extra = 2 * (int(time.monotonic() - started) + 1)
        assert after - before <= 2 * 10 + extra, (after - before, extra)
        assert len(jobs.list_jobs(db, statuses=["SUCCEEDED"], with_reasons=False)) == 10
    finally:
        engine.shutdown()
        registry.unregister(Probe.name)


@pytest.mark.parametrize("refusal", [False, True], ids=["a bad write", "a refusal"])
def test_the_writes_after_a_failing_one_in_its_group_are_committed_or_told(db: Database, refusal: bool) -> None:
    """A write that fails in the middle of a group (a value the database refuses, or the connection lost) leaves
    the writes taken with it after it to the next group: each gets its own outcome, none waits for ever."""
    from sqlalchemy.exc import OperationalError

    held = Held(db)
    writer, busy, release, first = held.writer, held.busy, held.release, held.first

    def insert(x: int) -> int:
        def work(conn: Connection) -> int:
            if x == 4 and refusal:
                raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
            return conn.execute(text("INSERT INTO probe VALUES (:x)"), {"x": x}).rowcount

        return writer.write(work)

    try:
        with ThreadPoolExecutor(8) as pool:
            head = pool.submit(writer.write, first)
            assert busy.wait(30)
            results = []
            for x in [1, 2, 2 if not refusal else 3, 4, 5, 6]:  # the third (or the fourth) fails
                results.append(pool.submit(insert, x))
                while len(writer._pending) < len(results):  # handed over in this order
                    threading.Event().wait(0.001)
            release.set()
            started = head.exception(30) or head.result()
            outcomes = [f.exception(30) or f.result() for f in results]
    finally:
        release.set()
    assert not any(isinstance(o, RuntimeError) for o in outcomes), outcomes
    if refusal:  # the group up to the refusal is rolled back with it: its writes are told, the rest commit after
        assert isinstance(started, OperationalError)
        assert all(isinstance(o, OperationalError) for o in outcomes[:4]) and outcomes[4:] == [1, 1]
    else:
        assert started == "first" and outcomes[:2] == [1, 1] and isinstance(outcomes[2], IntegrityError)
        assert outcomes[3:] == [1, 1, 1]
    with db.connect_read() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT x FROM probe"))}
    assert stored == ({5, 6} if refusal else {1, 2, 4, 5, 6})
