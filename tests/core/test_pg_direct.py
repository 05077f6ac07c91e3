"""PostgreSQL: an engine's claim and outcome run on the psycopg cursor (core.store.pg_direct) store and return what
SQLAlchemy's own execution does, and fail as it does: a value the database refuses is a bug of that write, a lost
server a refusal the writer writes again, on a connection replaced at its next use."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import text

from core.engine.writer import Writer, refused
from core.status import RUNNING, JobStatus, sources_of
from core.store import claims, jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig
from tests.conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="PostgreSQL: statements on the psycopg cursor")

DONE = RUNNING & sources_of(JobStatus.SUCCEEDED)
OUTCOME = {
    "message": "done",
    "message_data": {"code": "x", "args": {"n": 1}},
    "result": {"a": [1, 2]},
    "runtime": None,
    "pause_requested": False,
    "progress_done": 3,
    "progress_total": None,
    "warnings": 0,
    "errors": 0,
}


def test_an_outcome_on_the_cursor_is_stored_and_read_as_through_sqlalchemy(db: Database) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=4))
    cfg = settings.get_queue(db, "default")
    for _ in range(2):
        jobs.submit(db, "command", {"argv": ["true"]})
    with db.connect_write() as conn:
        a, b = claims.take(conn, cfg, "w1", ["command"], 2)
        assert (a.status, a.worker, a.attempt, a.started_at and a.started_at.tzinfo) == ("ACTIVE", "w1", 1, dt.UTC)
        direct = claims.transition(conn, a.id, JobStatus.SUCCEEDED, by="w1", expect=DONE, **OUTCOME)
    through = claims.transition(db, b.id, JobStatus.SUCCEEDED, by="w1", expect=DONE, **OUTCOME)  # SQLAlchemy's
    assert direct is not None and through is not None
    differ = {
        k: v
        for k, v in dataclasses.asdict(direct).items()
        if v != dataclasses.asdict(through)[k]
        and k not in ("id", "created_at", "started_at", "finished_at", "updated_at")
    }
    assert differ == {}
    assert direct.finished_at is not None and direct.finished_at.tzinfo is not None
    with db.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT result::text, runtime::text, message_data::text FROM jobs ORDER BY id")
        ).all()
    assert stored[0] == stored[1]  # the same values in the columns, JSON's null included


def test_a_refused_value_fails_its_write_and_a_lost_server_is_a_refusal_then_a_new_connection(db: Database) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    cfg = settings.get_queue(db, "default")
    jobs.submit(db, "command", {"argv": ["true"]})
    writer = Writer(db)
    try:
        (job,) = writer.write(lambda c: claims.take(c, cfg, "w1", ["command"], 1))
        with pytest.raises(Exception, match="out of range") as bad:
            writer.write(lambda c: claims.transition(c, job.id, JobStatus.SUCCEEDED, by="w1", progress_done=2**70))
        assert not refused(bad.value)  # a bug of that write: not written again
        pid = writer.write(lambda c: c.exec_driver_sql("SELECT pg_backend_pid()").scalar())
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        with pytest.raises(Exception) as gone:
            writer.write(lambda c: claims.transition(c, job.id, JobStatus.SUCCEEDED, by="w1"))
        assert refused(gone.value)  # the slot writes it again
        done = writer.write(lambda c: claims.transition(c, job.id, JobStatus.SUCCEEDED, by="w1"))
        assert done is not None and done.status == JobStatus.SUCCEEDED
        assert writer.write(lambda c: c.exec_driver_sql("SELECT pg_backend_pid()").scalar()) != pid
    finally:
        writer.close()


def test_a_claim_starts_no_sooner_than_the_last_end_it_saw(db: Database) -> None:
    """An engine reads its clock before its claim finds a slot free: if another engine's job ended after that
    reading, the claimed job starts at that end, so that the times recorded never show more running than the cap."""
    settings.save_queue(db, QueueConfig("default", max_parallel=1))
    cfg = settings.get_queue(db, "default")
    for _ in range(2):
        jobs.submit(db, "command", {"argv": ["true"]})
    with db.connect_write() as conn:
        (first,) = claims.take(conn, cfg, "w1", ["command"], 1)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)  # its engine's clock ahead of the next one's
    with db.connect_write() as conn:
        ended = claims.transition(conn, first.id, JobStatus.SUCCEEDED, by="w1", expect=DONE, updated_at=later)
    assert ended is not None and ended.finished_at == later
    with db.connect_write() as conn:
        (second,) = claims.take(conn, cfg, "w2", ["command"], 1)
    assert second.started_at is not None and second.started_at >= later
