"""A job's id is never given again: not after the newest jobs were removed or purged, not after an upgrade from a
version whose SQLite table reused them (a link, a notification or a tombstone naming a removed job must never
name another)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from core.records import JobStatus as S
from core.store import jobs
from core.store.db import Database, alembic_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _finished(db: Database, label: str) -> int:
    job_id = jobs.submit(db, "command", {"cmd": "true"}, label=label).id
    assert jobs.transition(db, job_id, S.ACTIVE, expect=(S.QUEUED,)) is not None
    assert jobs.transition(db, job_id, S.SUCCEEDED, expect=(S.ACTIVE,)) is not None
    return job_id


def test_a_removed_jobs_id_is_never_given_again(db: Database) -> None:
    first, newest = _finished(db, "first"), _finished(db, "newest")
    jobs.remove(db, newest)
    again = _finished(db, "again")
    assert again > newest > first
    assert again not in jobs.removed_since(db, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert jobs.get(db, again).label == "again"


def test_a_purged_jobs_id_is_never_given_again(db: Database) -> None:
    ids = [_finished(db, f"job {i}") for i in range(3)]
    assert jobs.purge(db, days=0, failed_days=0) == len(ids)
    assert jobs.existing_ids(db, ids) == set()
    assert _finished(db, "after the purge") > max(ids)


def test_an_upgraded_database_gives_ids_above_those_it_removed(tmp_path: Path) -> None:
    """Removed before the upgrade: a tombstone names the newest (purged after two days), and a retry record an
    even newer one; the first id given after the upgrade is above both."""
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "asyncops-0001.db", path)
    engine = create_engine(f"sqlite:///{path}")  # the release before 0016, as its users have it
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0015")
    engine.dispose()
    with sqlite3.connect(path) as c:  # the newest jobs were removed before the upgrade
        top = c.execute("SELECT max(id) FROM jobs").fetchone()[0]
        c.execute("INSERT INTO removed_jobs (job_id, removed_at) VALUES (?, '2026-01-01 00:00:00')", (top + 5,))
        c.execute(
            "INSERT INTO job_retried (job_id, retry_id, retried_at) VALUES (?, ?, '2026-01-01 00:00:00')",
            (top + 6, top + 7),
        )
        logs = c.execute("SELECT count(*) FROM job_log").fetchone()[0]
    db = Database(str(path))
    try:
        assert _finished(db, "after the upgrade") == top + 8
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM job_log").scalar() == logs > 0  # no cascade
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            rows = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND sql IS NOT NULL"
            )
            indexes = {row[0]: row[1] for row in rows}
        assert "WHERE status = 'QUEUED'" in indexes["ix_jobs_queued"]  # the partial indexes stay partial
        assert "WHERE slot IS NOT NULL" in indexes["ux_jobs_running_slot"]
        assert {"ix_jobs_owner_id", "ix_jobs_updated_at", "ix_jobs_status_finished"} <= set(indexes)
    finally:
        db.dispose()
