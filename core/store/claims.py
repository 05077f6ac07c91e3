"""The engine's side of the job table: claims (the store's one-job claim; engines use core.engine.claims for
fair shares), compare-and-set transitions checked against the transition table, due scheduled jobs, and stop
requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, func, or_, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core.operations import registry
from core.records import JobSnapshot
from core.status import RUNNING, TERMINAL, JobStatus, check_transition, sources_of
from core.store import dialect
from core.store.db import Database
from core.store.schema import Job, QueueRow, table, utcnow
from core.store.settings import QueueConfig

jobs_t = table(Job)
S = JobStatus


def _statuses(values: Any) -> list[str]:
    return [str(v) for v in values]


def _claim_statement() -> Any:
    next_id = (
        select(jobs_t.c.id)
        .where(
            jobs_t.c.queue == bindparam("q"),
            jobs_t.c.status == str(S.QUEUED),
            jobs_t.c.operation.in_(bindparam("ops", expanding=True)),
        )
        .order_by(jobs_t.c.priority.desc(), jobs_t.c.id)
        .limit(1)
        .scalar_subquery()
    )
    active = (
        select(func.count())
        .select_from(jobs_t)
        .where(jobs_t.c.queue == bindparam("q"), or_(*(jobs_t.c.status == str(s) for s in sorted(RUNNING))))
        .scalar_subquery()
    )
    paused = select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery()
    return (
        update(jobs_t)
        .where(jobs_t.c.id == next_id, jobs_t.c.status == str(S.QUEUED), active < bindparam("cap"), paused.is_(False))
        .values(
            status=str(S.ACTIVE),
            worker=bindparam("w_worker"),
            started_at=bindparam("w_now"),
            updated_at=bindparam("w_now"),
            finished_at=None,
            attempt=jobs_t.c.attempt + 1,
            stop_requested=False,
        )
        .returning(*jobs_t.c)
    )


def _claim_statement_pg() -> Any:
    """PostgreSQL: the next QUEUED job, skipping rows other engines are claiming (``FOR UPDATE SKIP LOCKED``),
    into the free slot the caller locked; the running count comes from a function that sees every owner's jobs
    (row-level security shows a person's engine only their own)."""
    next_id = (
        select(jobs_t.c.id)
        .where(
            jobs_t.c.queue == bindparam("q"),
            jobs_t.c.status == str(S.QUEUED),
            jobs_t.c.operation.in_(bindparam("ops", expanding=True)),
        )
        .order_by(jobs_t.c.priority.desc(), jobs_t.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    paused = select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery()
    return (
        update(jobs_t)
        .where(
            jobs_t.c.id == next_id,
            jobs_t.c.status == str(S.QUEUED),
            func.asyncops_running(bindparam("q")) < bindparam("cap"),
            paused.is_(False),
        )
        .values(
            status=str(S.ACTIVE),
            worker=bindparam("w_worker"),
            started_at=bindparam("w_now"),
            updated_at=bindparam("w_now"),
            finished_at=None,
            attempt=jobs_t.c.attempt + 1,
            stop_requested=False,
            slot=bindparam("w_slot"),
        )
        .returning(*jobs_t.c)
    )


# A free slot of the queue: not held by a running job, and not being claimed by another engine right now (a
# transaction-scoped advisory lock, tried without waiting: engines never queue behind one lock).
_FREE_SLOT = text(
    """
    SELECT s FROM generate_series(0, CAST(:cap AS integer) - 1) AS s
    WHERE s NOT IN (SELECT asyncops_used_slots(:q))
      AND pg_try_advisory_xact_lock(hashtext('asyncops.queue.' || :q), s)
    LIMIT 1
    """
)

# Built once: constructing SQLAlchemy statements costs more than running them on SQLite.
_CLAIM = _claim_statement()
_CLAIM_PG = _claim_statement_pg()


def claim(db: Database | Connection, queue: QueueConfig, worker: str) -> JobSnapshot | None:
    """Atomically take the next QUEUED job of ``queue`` if it has a free slot; None otherwise.

    SQLite: one statement does every check (free slot, queue not paused, job still QUEUED) under the write lock.
    PostgreSQL: the engine locks a free slot number without waiting, then takes the next job no other engine is
    taking (SKIP LOCKED); a unique index on (queue, slot) of running jobs keeps the cap exact. Either way two
    engines on one database never take the same job and never exceed the queue's capacity together. An engine
    only takes operations it has (workers on other hosts may have other plugins installed).
    """
    params = {"q": queue.name, "cap": queue.capacity, "w_worker": worker, "w_now": utcnow()}
    if isinstance(db, Connection):  # inside the caller's write transaction (finish one job, claim the next)
        row = _claim_on(db, params, nested=True)
    else:
        try:
            with db.connect_write() as conn:
                row = _claim_on(conn, params, nested=False)
        except IntegrityError:  # PostgreSQL: a slot freed and retaken between our snapshot and our lock
            row = None
    return JobSnapshot.from_row(row) if row is not None else None


def _claim_on(conn: Connection, params: dict[str, Any], *, nested: bool) -> Any:
    # the operations this engine has, read under the write lock (not before waiting for it)
    params["ops"] = registry.names()
    if dialect.is_sqlite(conn):
        return conn.execute(_CLAIM, params).first()
    slot = conn.execute(_FREE_SLOT, {"q": params["q"], "cap": params["cap"]}).scalar()
    if slot is None:
        return None
    if not nested:
        return conn.execute(_CLAIM_PG, {**params, "w_slot": slot}).first()
    try:
        with conn.begin_nested():  # a lost race on a slot must not undo the caller's other writes
            return conn.execute(_CLAIM_PG, {**params, "w_slot": slot}).first()
    except IntegrityError:  # a slot freed and retaken between our snapshot and our lock: try again later
        return None


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


def next_due(db: Database) -> dt.datetime | None:
    with db.connect_read() as conn:
        return conn.execute(
            select(func.min(jobs_t.c.scheduled_for)).where(jobs_t.c.status == str(S.SCHEDULED))
        ).scalar()


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
