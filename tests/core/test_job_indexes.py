"""The jobs table's indexes (migration 0014): the claims read the index of the QUEUED jobs and never walk the table,
and a database migrated from an older version has the same indexes as a new one."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from core.engine import claims
from core.store import claims as store_claims
from core.store.db import Database, Prepared
from core.store.schema import utcnow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _plan(db: Database, stmt: object, **expanded: object) -> str:
    prepared = Prepared(stmt, db.engine.dialect, None, **expanded)
    values = {"q": "default", "cap": 2, "share": 2, "w_worker": "me", "n": 3, "w_now": utcnow()}
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + prepared.sql, tuple(prepared.parameters(values)))
        return " | ".join(str(r[-1]) for r in rows)


def test_the_claims_read_the_index_of_queued_jobs_and_never_scan_the_table(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite's query planner")
    one = _plan(db, claims._TAKE_ONE_SQLITE, ops=["command", "fetch"])
    alone = _plan(db, claims._TAKE_ONE_SQLITE_ALONE, ops=["command"])
    many = _plan(db, store_claims._TAKE_SQLITE, ops=["command"])
    state = _plan(db, store_claims._STATE_SQLITE)
    for plan in (one, alone, many, state):
        assert "SCAN jobs" not in plan, plan
    assert "ix_jobs_queued (queue=?)" in alone and "INTEGER PRIMARY KEY" in alone, alone
    # the next jobs from the QUEUED jobs' index, each taken by its id (not by walking every QUEUED job)
    assert "ix_jobs_queued (queue=?)" in one and "INTEGER PRIMARY KEY" in one, one
    assert "ix_jobs_queued (queue=?)" in many and "INTEGER PRIMARY KEY" in many, many
    # 'QUEUED' is in the statements' text: SQLite would prepare them again at each run if it came as a parameter
    assert "status = 'QUEUED'" in Prepared(claims._TAKE_ONE_SQLITE, db.engine.dialect, None, ops=["x"]).sql


def _indexes(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs'")
        return {name: " ".join(sql.split()) for name, sql in rows if sql}


def test_an_upgraded_database_has_the_indexes_of_a_new_one(tmp_path: Path) -> None:
    Database(str(tmp_path / "new.db")).dispose()
    shutil.copy(FIXTURES / "asyncops-0001.db", tmp_path / "old.db")
    Database(str(tmp_path / "old.db")).dispose()
    new, old = _indexes(tmp_path / "new.db"), _indexes(tmp_path / "old.db")
    assert new == old
    assert "ix_jobs_queued" in new and "ix_jobs_claim" not in new and "ix_jobs_worker_status" not in new
