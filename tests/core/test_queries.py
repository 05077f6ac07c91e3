"""The list queries the GUI's lazy table uses: ids under a filter and a sort, counts by status."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from core.errors import UsageError
from core.store import jobs
from core.store.db import Database
from core.store.schema import Job, utcnow


def test_job_ids_sort_filter_and_visibility(db: Database) -> None:
    a = jobs.submit(db, "command", {"cmd": "true"}, label="alpha backup")
    b = jobs.submit(db, "command", {"cmd": "true"}, label="beta import")
    c = jobs.submit(db, "command", {"cmd": "true"}, label="gamma backup")
    jobs.submit(db, "command", {"cmd": "true"}, owner="alice", label="alice's backup")
    now = utcnow()
    with db.connect_write() as conn:  # a ran 30 s, b 5 s and is finished, c runs since 10 s
        for job, start, end, status in ((a, 30, 0, "SUCCEEDED"), (b, 5, 0, "FAILED"), (c, 10, None, "ACTIVE")):
            conn.execute(
                update(Job.__table__)
                .where(Job.id == job.id)
                .values(
                    started_at=now - dt.timedelta(seconds=start),
                    status=status,
                    finished_at=None if end is None else now - dt.timedelta(seconds=end),
                )
            )
    assert jobs.job_ids(db) == [c.id, b.id, a.id]
    assert jobs.job_ids(db, sort="duration", descending=True) == [a.id, c.id, b.id]
    assert jobs.job_ids(db, sort="label", descending=False) == [a.id, b.id, c.id]
    assert jobs.job_ids(db, search="backup") == [c.id, a.id]
    assert jobs.job_ids(db, statuses=["failed", "active"]) == [c.id, b.id]
    assert len(jobs.job_ids(db, all_users=True, search="backup")) == 3
    assert jobs.count_by_status(db) == {"SUCCEEDED": 1, "FAILED": 1, "ACTIVE": 1}
    assert jobs.count_by_status(db, all_users=True)["QUEUED"] == 1
    with pytest.raises(UsageError, match="cannot sort by 'colour'"):
        jobs.job_ids(db, sort="colour")


def test_plan_of_an_operation_that_counts_nothing(db: Database) -> None:
    foreground = jobs.plan(db, "command", {"cmd": "true"})
    assert foreground.inline and foreground.reason == "the operation has no threshold"
    window = jobs.plan(db, "command", {"cmd": "true"}, inline_when_uncounted=False)
    assert not window.inline and "goes to its queue" in window.reason


def test_jobs_sort_by_when_they_finished(db: Database) -> None:
    """The window's Finished column sorts in the store."""
    a, b, c = (jobs.submit(db, "command", {"cmd": "true"}) for _ in range(3))
    t0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with db.write() as s:
        s.execute(update(Job).where(Job.id == a.id).values(status="SUCCEEDED", finished_at=t0 + dt.timedelta(hours=2)))
        s.execute(update(Job).where(Job.id == b.id).values(status="FAILED", finished_at=t0))
    ids = jobs.job_ids(db, user=a.owner, sort="finished_at", descending=False)
    assert [i for i in ids if i != c.id] == [b.id, a.id] and set(ids) == {a.id, b.id, c.id}


def test_the_windows_poll_of_changed_jobs_reads_by_the_updated_at_index(db: Database) -> None:
    """Once a second each window asks for its person's jobs changed since its last look: SQLite, without statistics,
    would take the (owner, id) index and walk every job of the person (60–250 ms with 90,000 of them)."""
    from sqlalchemy import event

    if not db.is_sqlite:
        pytest.skip("SQLite's query planner")
    seen: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: object, *_: object) -> None:
        if "updated_at >=" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        jobs.changed_since(db, dt.datetime.now(dt.UTC))
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    ((statement, parameters),) = seen
    with db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    assert "ix_jobs_updated_at" in plan and "ix_jobs_owner_id" not in plan, plan
