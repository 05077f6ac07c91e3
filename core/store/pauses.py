"""Pause and resume one running job: the requests a person writes, what an engine reads of them, and the state
changes its running job makes at a pause point.

A person never moves a job to PAUSED: they set ``pause_requested`` (or clear it to resume), as they ask for a
stop, and the engine that runs the job honours it: the job's operation pauses at its next item (its next pause
point) and writes PAUSED itself, with the time it paused; on resume it writes ACTIVE again and adds the time it
was paused to ``paused_seconds``, which its duration leaves out. A paused job keeps its slot in its queue.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from core.errors import ConflictError
from core.messages import define, msg
from core.operations import Operation, Registry, registry
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import Job, table, utcnow

define("pause.not_running", "job #{id} is {status}: only a running job can be paused")
define("pause.not_paused", "job #{id} is {status} and not asked to pause: there is nothing to resume")
define("pause.unknown_operation", "job #{id} runs {operation}, which this installation does not have")

S = JobStatus
jobs_t = table(Job)
_HELD = [str(S.ACTIVE), str(S.PAUSED)]


def _operation(job: JobSnapshot, operations: Registry | Mapping[str, Operation] | None) -> Operation:
    ops = operations if operations is not None else registry
    if job.operation not in ops:
        raise ConflictError(msg("pause.unknown_operation", id=job.id, operation=job.operation))
    return ops[job.operation] if isinstance(ops, Mapping) else ops.get(job.operation)


def _set_request(db: Database, job_id: int, wanted: bool, statuses: list[str]) -> JobSnapshot | None:
    with db.connect_write() as conn:
        row = conn.execute(
            update(jobs_t)
            .where(jobs_t.c.id == job_id, jobs_t.c.status.in_(statuses), jobs_t.c.stop_requested.is_(False))
            .values(pause_requested=wanted, updated_at=utcnow())
            .returning(*jobs_t.c)
        ).first()
    return JobSnapshot.from_row(row) if row is not None else None


def request_pause(
    db: Database,
    job_id: int,
    *,
    user: str | None = None,
    admin: bool | None = None,
    operations: Registry | Mapping[str, Operation] | None = None,
) -> JobSnapshot:
    """Ask a running job to pause at its next item. Refused (exit 2, nothing written) for a job that is not
    running or is being stopped, and for an operation that cannot pause (with its reason); a paused job is
    left as it is. NotFound / NotAllowed (exit 3) for a job the person cannot see."""
    job = jobs.get(db, job_id, user=user, admin=admin)
    if job.status is S.PAUSED:
        return job
    if job.status is not S.ACTIVE or job.stop_requested:
        status = S.STOPPING if job.stop_requested and job.status is S.ACTIVE else job.status  # asked to stop
        raise ConflictError(msg("pause.not_running", id=job_id, status=str(status)))
    op = _operation(job, operations)
    if not op.pausable:
        raise ConflictError(op.pause_refusal())
    snap = _set_request(db, job_id, True, [str(S.ACTIVE)])
    if snap is None:  # it ended, or began to stop, meanwhile
        now = jobs.get(db, job_id, user=user, admin=admin)
        if now.status is S.PAUSED:
            return now
        raise ConflictError(msg("pause.not_running", id=job_id, status=str(now.status)))
    return snap


def request_resume(db: Database, job_id: int, *, user: str | None = None, admin: bool | None = None) -> JobSnapshot:
    """Ask a paused job to go on (or withdraw a pause request its job has not reached yet)."""
    job = jobs.get(db, job_id, user=user, admin=admin)
    if not (job.status is S.PAUSED or (job.status is S.ACTIVE and job.pause_requested)):
        raise ConflictError(msg("pause.not_paused", id=job_id, status=str(job.status)))
    snap = _set_request(db, job_id, False, _HELD)
    if snap is None:
        now = jobs.get(db, job_id, user=user, admin=admin)
        raise ConflictError(msg("pause.not_paused", id=job_id, status=str(now.status)))
    return snap


# built once: each engine polls it ten times a second while it runs jobs
_REQUESTS = select(jobs_t.c.id, jobs_t.c.stop_requested, jobs_t.c.pause_requested).where(
    jobs_t.c.worker == bindparam("worker"), jobs_t.c.status.in_(_HELD)
)


def requests(db: Database, worker: str) -> list[tuple[int, bool, bool]]:
    """(id, stop requested, pause requested) of ``worker``'s ACTIVE and PAUSED jobs: what its engine polls to
    honour the stops, pauses and resumes that other processes asked for."""
    with db.connect_read() as conn:
        rows = conn.execute(_REQUESTS, {"worker": worker}).all()
    return [(int(r[0]), bool(r[1]), bool(r[2])) for r in rows]


# -- the running job's side (called from its pause point) --------------------------------------------------
def mark_paused(conn: Connection, job_id: int, worker: str | None, at: Any) -> JobSnapshot | None:
    """ACTIVE → PAUSED with the time it paused; None when the job is no longer ACTIVE (being stopped)."""
    return jobs.transition(conn, job_id, S.PAUSED, by=worker, expect=(S.ACTIVE,), paused_at=at)


def mark_resumed(conn: Connection, job_id: int, worker: str | None, paused_seconds: float) -> JobSnapshot | None:
    """PAUSED → ACTIVE, the pause added to ``paused_seconds``; a job stopped while paused stays STOPPING and only
    records the time it was paused."""
    fields = {"paused_at": None, "paused_seconds": paused_seconds}
    snap = jobs.transition(conn, job_id, S.ACTIVE, by=worker, expect=(S.PAUSED,), **fields)
    if snap is not None:
        return snap
    stmt = update(jobs_t).where(jobs_t.c.id == job_id)
    if worker is not None:
        stmt = stmt.where(jobs_t.c.worker == worker)
    row = conn.execute(stmt.values(**fields, updated_at=utcnow()).returning(*jobs_t.c)).first()
    return JobSnapshot.from_row(row) if row is not None else None
