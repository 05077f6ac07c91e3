"""The engine's hot path on SQLite runs the store's statements prepared on the DB-API cursor: what it stores and
what it hands back must be what SQLAlchemy's own execution of the same statements stores and reads."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import insert, select

from core.engine import claims, hot
from core.operations import registry
from core.status import JobStatus
from core.store import jobs, settings
from core.store.db import Database, Prepared
from core.store.schema import Job, table, utcnow
from core.store.settings import QueueConfig
from tests.core.helpers import Probe

S = JobStatus


@pytest.fixture(autouse=True)
def probe() -> Iterator[None]:
    registry.register(Probe, replace=True)
    yield
    registry.unregister(Probe.name)


def _raw_rows(db: Database) -> list[tuple[object, ...]]:
    path = db.sqlite_path
    assert path is not None
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT * FROM jobs ORDER BY id").fetchall()
    finally:
        con.close()


def test_prepared_statements_store_what_sqlalchemy_stores(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite's hot path")
    now = utcnow()
    values = {
        "operation": "test-probe",
        "label": "é ✓",
        "description": "",
        "params": {"items": 2, "nested": [1, "two", None]},
        "owner": "someone",
        "queue": "default",
        "priority": -3,
        "status": "QUEUED",
        "inline": False,
        "progress_done": 0,
        "progress_total": None,
        "warnings": 0,
        "errors": 0,
        "created_at": now,
        "scheduled_for": now + dt.timedelta(hours=1),
        "started_at": None,
        "finished_at": None,
        "updated_at": now,
        "attempt": 0,
        "max_attempts": 2,
        "worker": None,
        "stop_requested": False,
        "message": "",
        "result": {"x": 1.5},
        "parent_id": None,
        "pause_requested": False,
        "paused_seconds": 0.0,
    }
    stmt = insert(table(Job))
    # times in another zone and on a whole second, JSON null and empty: what the faster processors leave to SQLAlchemy's
    other = {
        **values,
        "created_at": dt.datetime(2026, 3, 1, 12, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "updated_at": dt.datetime(2026, 3, 1, 10, 0, 0, tzinfo=dt.UTC),
        "params": {},
        "result": None,
    }
    with db.connect_write() as conn:
        for v in (values, other):
            conn.execute(stmt, v)
            Prepared(stmt, db.engine.dialect, tuple(v)).execute(conn, v)
    first, second, third, fourth = _raw_rows(db)
    assert first[1:] == second[1:]  # the same text, numbers and times in every column but the id
    assert third[1:] == fourth[1:]
    with db.connect_read() as conn:  # and read back as SQLAlchemy reads them
        read = Prepared(select(table(Job)).order_by(Job.id), db.engine.dialect).rows(conn, {})
        assert read == [tuple(r) for r in conn.execute(select(table(Job)).order_by(Job.id))]


def test_submit_claim_and_finish_on_the_hot_path_return_what_is_stored(db: Database) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    submitted = jobs.submit(db, "test-probe", {"items": 3}, label="three", priority=2)
    assert jobs.get_many(db, [submitted.id]) == [submitted]
    cfg = settings.get_queue(db, "default")
    with db.connect_write() as conn:
        got = claims.claim(conn, cfg, "engine-1", ["test-probe"], db=db)
    (claimed,) = got.jobs
    assert claimed.status is S.ACTIVE and claimed.worker == "engine-1" and claimed.attempt == 1
    assert jobs.get_many(db, [claimed.id]) == [claimed]
    with db.connect_write() as conn:
        assert hot.transition(conn, db, claimed.id, S.SUCCEEDED, by="engine-2", expect=(S.ACTIVE,)) is None
        finished = hot.transition(
            conn, db, claimed.id, S.SUCCEEDED, by="engine-1", expect=(S.ACTIVE,), result={"done": 3}
        )
    assert finished is not None and finished.status is S.SUCCEEDED and finished.result == {"done": 3}
    assert jobs.get_many(db, [claimed.id]) == [finished]


def test_a_claim_on_the_hot_path_keeps_the_cap_and_the_share(db: Database) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    jobs.submit_many(db, "test-probe", [{} for _ in range(5)])
    cfg = settings.get_queue(db, "default")
    with db.connect_write() as conn:
        mine = claims.claim(conn, cfg, "e1", ["test-probe"], want=3, share=1, db=db)
        theirs = claims.claim(conn, cfg, "e2", ["test-probe"], want=3, db=db)
        none = claims.claim(conn, cfg, "e3", ["test-probe"], db=db)
    assert len(mine.jobs) == 1 and mine.at_share
    assert len(theirs.jobs) == 1 and not none.jobs  # the cap of 2 holds across workers
