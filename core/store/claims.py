"""The engine's side of the job table: claims (the one claim path: the engines add their fair shares in
core.engine.claims), compare-and-set transitions checked against the transition table, due scheduled jobs, and stop
requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, literal, or_, select, text, update
from sqlalchemy.engine import Connection

from core.operations import registry
from core.records import JobSnapshot
from core.status import RUNNING, TERMINAL, JobStatus, check_transition, sources_of
from core.store import dialect
from core.store.db import Database
from core.store.pg_direct import Direct
from core.store.schema import Job, QueueRow, table, utcnow
from core.store.settings import QueueConfig

jobs_t = table(Job)
_JOB_COLUMNS = tuple(c.name for c in jobs_t.c)
S = JobStatus


def _statuses(values: Any) -> list[str]:
    return [str(v) for v in values]


_RUNNING = _statuses(sorted(RUNNING))


@dataclass(frozen=True)
class Room:
    """A queue as a claim finds it: paused (None: no such queue), its running jobs (every owner's), this
    worker's running jobs."""

    paused: bool | None
    active: int
    mine: int


# status = 'QUEUED' written in the statement's text, not as a parameter: the claims read the partial index of the
# QUEUED jobs (ix_jobs_queued), and SQLite prepares a statement again at each run when it chose that index from the
# value of a parameter
QUEUED = literal(str(S.QUEUED), literal_execute=True)


def _next_ids() -> Any:
    return (
        select(jobs_t.c.id)
        .where(
            jobs_t.c.queue == bindparam("q"),
            jobs_t.c.status == QUEUED,
            jobs_t.c.operation.in_(bindparam("ops", expanding=True)),
        )
        .order_by(jobs_t.c.priority.desc(), jobs_t.c.id)
    )


def _running_in_queue() -> Any:
    return select(func.count()).where(jobs_t.c.queue == bindparam("q"), jobs_t.c.status.in_(_RUNNING))


_CLAIMED = {
    "status": str(S.ACTIVE),
    "worker": bindparam("w_worker"),
    "started_at": bindparam("w_now"),
    "updated_at": bindparam("w_now"),
    "finished_at": None,
    "attempt": jobs_t.c.attempt + 1,
    "stop_requested": False,
}

# SQLite (writers are serialised by BEGIN IMMEDIATE): the queue's state, then the next ``n`` jobs in one UPDATE.
_STATE_SQLITE = select(
    select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery(),
    _running_in_queue().scalar_subquery(),
    _running_in_queue().where(jobs_t.c.worker == bindparam("w_worker")).scalar_subquery(),
)
_TAKE_SQLITE = (
    update(jobs_t)
    # the job's status checked on its row (found by its id), not looked up: by the index of statuses SQLite would walk
    # every QUEUED job
    .where(
        jobs_t.c.id.in_(_next_ids().limit(bindparam("n")).scalar_subquery()),
        dialect.not_indexed(jobs_t.c.status) == QUEUED,
    )
    .values(**_CLAIMED)
    .returning(*jobs_t.c)
)

# PostgreSQL: no lock that every claim of a queue waits on. One statement, the server's function asyncops_claim
# (core.store.schema.PG_CLAIM): it reads the queue's state, reserves up to ``n`` free slot numbers (0 … cap-1, not
# held by a running job) with transaction advisory locks tried without waiting, and for each takes the next QUEUED
# job no other engine is taking (``FOR UPDATE SKIP LOCKED``), the slot checked again in a snapshot taken after its
# lock. Two engines never reserve the same slot; an engine finding every free slot reserved by others takes nothing
# this time instead of queueing; a unique index on (queue, slot) of running jobs keeps the cap exact whatever
# happens. The running jobs are counted across every owner (row-level security shows a person's engine only their
# own) by a function of the tables' owner; the jobs are taken with the caller's own rights.
_CLAIM_PG = (
    text(
        f"SELECT {', '.join(c.name for c in jobs_t.c)} FROM asyncops_claim(CAST(:q AS text), "
        "CAST(:w_worker AS text), CAST(:ops AS text[]), CAST(:n AS integer), CAST(:cap AS integer), CAST(:lim AS integer), "
        "CAST(:w_now AS timestamp))"
    )
    .bindparams(bindparam("w_now", type_=jobs_t.c.started_at.type))
    .columns(*jobs_t.c)
)
# The queue's state alone (why a claim took nothing: its pause, its running jobs, this worker's).
_STATE_PG = text(
    """
    SELECT (SELECT paused FROM queues WHERE name = :q) AS paused,
           (SELECT active FROM asyncops_queue_load(:q)) AS active,
           (SELECT count(*) FROM jobs WHERE queue = :q AND worker = :w_worker
              AND status IN ('ACTIVE', 'STOPPING', 'PAUSED')) AS mine
    """
)


def room(conn: Connection, queue: QueueConfig, worker: str) -> Room:
    """The queue's state for a claim by ``worker``: paused, its running jobs (every owner's), this worker's."""
    params = {"q": queue.name, "w_worker": worker}
    row = conn.execute(_STATE_SQLITE if dialect.is_sqlite(conn) else _STATE_PG, params).one()
    return Room(row[0], int(row[1] or 0), int(row[2] or 0))


def take(
    conn: Connection,
    queue: QueueConfig,
    worker: str,
    operations: Sequence[str],
    n: int,
    *,
    limit: int | None = None,
) -> list[JobSnapshot]:
    """Take up to ``n`` QUEUED jobs of ``queue`` whose operation is in ``operations``, in the caller's write
    transaction, in priority order. On SQLite the caller has checked the room (its write transaction holds the
    database); on PostgreSQL the claim checks it itself, the queue's pause and capacity and at most ``limit`` jobs
    of ``worker`` (the queue's capacity when None), and reserves a free slot for each job."""
    params = {"q": queue.name, "ops": list(operations), "w_worker": worker, "w_now": utcnow()}
    if dialect.is_sqlite(conn):
        rows = conn.execute(_TAKE_SQLITE, {**params, "n": n}).all()
    else:
        lim = queue.capacity if limit is None else limit
        found = Direct.of(_CLAIM_PG, conn).rows(conn, {**params, "n": n, "cap": queue.capacity, "lim": lim})
        return sorted((JobSnapshot.from_values(_JOB_COLUMNS, r) for r in found), key=lambda s: (-s.priority, s.id))
    return sorted((JobSnapshot.from_row(r) for r in rows), key=lambda s: (-s.priority, s.id))


def claim(db: Database | Connection, queue: QueueConfig, worker: str) -> JobSnapshot | None:
    """Take the next QUEUED job of ``queue`` if it has room and is not paused; None otherwise. The engines\'
    claim path (:mod:`core.engine.claims` adds their fair shares to it): two engines on one database never take
    the same job and never exceed the queue\'s capacity together. Only operations this process has are taken."""
    if isinstance(db, Connection):
        return _claim_one(db, queue, worker)
    with db.connect_write() as conn:
        return _claim_one(conn, queue, worker)


def _claim_one(conn: Connection, queue: QueueConfig, worker: str) -> JobSnapshot | None:
    if dialect.is_sqlite(conn):
        r = room(conn, queue, worker)
        if r.paused is None or r.paused or r.active >= queue.capacity:
            return None
    got = take(conn, queue, worker, registry.names(), 1)
    return got[0] if got else None


_TRANSITIONS: dict[tuple[Any, ...], Any] = {}


def _transition_statement(new: JobStatus, sources: frozenset[JobStatus], by: bool, names: tuple[str, ...]) -> Any:
    key = (new, sources, by, names)
    stmt = _TRANSITIONS.get(key)
    if stmt is None:
        stmt = update(jobs_t).where(
            jobs_t.c.id == bindparam("w_id"), or_(*(jobs_t.c.status == s for s in sorted(_statuses(sources))))
        )
        if by:
            stmt = stmt.where(jobs_t.c.worker == bindparam("w_by"))
        stmt = stmt.values(status=str(new), **{n: bindparam(f"v_{n}") for n in names}).returning(*jobs_t.c)
        _TRANSITIONS[key] = stmt
    return stmt


def transition(
    db: Database | Connection,
    job_id: int,
    new: JobStatus,
    *,
    by: str | None = None,
    expect: Iterable[JobStatus] | None = None,
    **fields: Any,
) -> JobSnapshot | None:
    """Compare-and-set a job to ``new`` from any status the table allows (or ``expect``); None if it lost."""
    sources = frozenset(expect) if expect is not None else sources_of(new)
    for src in sources:
        check_transition(src, new)
    values = {"updated_at": utcnow(), **fields}
    if new in TERMINAL:
        values.setdefault("finished_at", values["updated_at"])
    names = tuple(sorted(values))
    stmt = _transition_statement(new, sources, by is not None, names)
    params = {f"v_{n}": values[n] for n in names}
    params["w_id"] = job_id
    if by is not None:  # only the engine that claimed the job may move it on
        params["w_by"] = by
    if isinstance(db, Connection) and not dialect.is_sqlite(db):  # an engine's outcome: on the DB-API cursor
        found = Direct.of(stmt, db).rows(db, params)
        return JobSnapshot.from_values(_JOB_COLUMNS, found[0]) if found else None
    if isinstance(db, Connection):
        row = db.execute(stmt, params).first()
    else:
        with db.connect_write() as conn:
            row = conn.execute(stmt, params).first()
    return JobSnapshot.from_row(row) if row is not None else None


def promote_due(db: Database, now: dt.datetime | None = None) -> list[JobSnapshot]:
    """SCHEDULED jobs whose time has come become QUEUED."""
    now = now or utcnow()
    stmt = (
        update(jobs_t)
        .where(jobs_t.c.status == str(S.SCHEDULED), jobs_t.c.scheduled_for <= now)
        .values(status=str(S.QUEUED), updated_at=now)
        .returning(*jobs_t.c)
    )
    with db.connect_write() as conn:
        return [JobSnapshot.from_row(r) for r in conn.execute(stmt)]


_NEXT_DUE = select(func.min(jobs_t.c.scheduled_for)).where(jobs_t.c.status == str(S.SCHEDULED))


def next_due(db: Database) -> dt.datetime | None:
    with db.connect_read() as conn:
        return conn.execute(_NEXT_DUE).scalar()


def stop_requests(db: Database, worker: str) -> list[int]:
    """ACTIVE jobs of ``worker`` that another process asked to stop."""
    with db.connect_read() as conn:
        return list(
            conn.execute(
                select(jobs_t.c.id).where(
                    jobs_t.c.worker == worker, jobs_t.c.status == str(S.ACTIVE), jobs_t.c.stop_requested.is_(True)
                )
            ).scalars()
        )
