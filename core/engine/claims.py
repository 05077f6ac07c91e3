"""How an engine takes jobs: several at once when it has free slots, within its fair share of the queue.

A queue's capacity (max_parallel) is shared by every engine on the database. Each engine may hold at most its
share of it, ``ceil(capacity / engines serving the queue)``, so that an engine that finishes a job and claims the
next in the same transaction cannot keep the whole capacity for itself while others wait. Capacity that nobody
else takes may still be borrowed beyond the share (``borrow``), which the engine only does after giving the
others time to claim it.

Claims go through the store's one claim path (:mod:`core.store.claims`): on SQLite every write transaction is
serialised (BEGIN IMMEDIATE), so the counts read and the jobs updated agree; on PostgreSQL an engine reserves free
slot numbers of the queue without waiting (advisory locks tried, never awaited) and takes the next jobs with
``FOR UPDATE SKIP LOCKED``, so claims of one queue never wait on one lock. Either way two engines never take the
same job and never exceed the queue's capacity together. An engine's own count (its share) is exact because all
its claims go through its one writer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Connection

from core.operations import Operation, Registry, registry
from core.records import JobSnapshot
from core.status import RUNNING, JobStatus
from core.store import claims as store_claims
from core.store import dialect
from core.store.db import Database
from core.store.schema import EngineRow, Job, QueueRow, utcnow
from core.store.settings import QueueConfig

_jobs = cast(Table, Job.__table__)
JOB_COLUMNS = tuple(c.name for c in _jobs.c)
_RUNNING = [str(s) for s in sorted(RUNNING)]


@dataclass(frozen=True)
class Claimed:
    """What a claim took, and whether it stopped at this engine's share while the queue had room."""

    jobs: list[JobSnapshot]
    at_share: bool = False
    crowded: bool = False  # other engines serve the queue too (this engine's share is below its capacity)


def _running(worker: bool = False) -> Any:
    stmt = select(func.count()).where(_jobs.c.queue == bindparam("q"), _jobs.c.status.in_(_RUNNING))
    return stmt.where(_jobs.c.worker == bindparam("w_worker")) if worker else stmt


# SQLite's common case in one statement: one job, if the queue has room, this worker is under its share and the
# queue is not paused (the checks evaluated by the same statement that takes the job). Built once: constructing
# SQLAlchemy statements costs more than running them on SQLite.
def _take_one_sqlite(shared: bool) -> Any:
    checks = [
        _jobs.c.status == store_claims.QUEUED,
        _running().scalar_subquery() < bindparam("cap"),
        select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery().is_(False),
    ]
    if shared:  # else this worker's running jobs are under the capacity as the queue's are: not counted again
        checks.append(_running(worker=True).scalar_subquery() < bindparam("share"))
    return (
        update(_jobs)
        .where(
            _jobs.c.id
            == select(_jobs.c.id)
            .where(
                _jobs.c.queue == bindparam("q"),
                _jobs.c.status == store_claims.QUEUED,
                _jobs.c.operation.in_(bindparam("ops", expanding=True)),
            )
            .order_by(_jobs.c.priority.desc(), _jobs.c.id)
            .limit(1)
            .scalar_subquery(),
            *checks,
        )
        .values(
            status=str(JobStatus.ACTIVE),
            worker=bindparam("w_worker"),
            started_at=bindparam("w_now"),
            updated_at=bindparam("w_now"),
            finished_at=None,
            attempt=_jobs.c.attempt + 1,
            stop_requested=False,
        )
        .returning(*_jobs.c)
    )


_TAKE_ONE_SQLITE = _take_one_sqlite(shared=True)
_TAKE_ONE_SQLITE_ALONE = _take_one_sqlite(shared=False)  # a share of the whole capacity: no count of this worker's


def take_one_sqlite(queue: QueueConfig, limit: int) -> Any:
    """The one-job claim for a worker that may hold ``limit`` of ``queue``'s jobs."""
    return _TAKE_ONE_SQLITE if limit < queue.capacity else _TAKE_ONE_SQLITE_ALONE


def claim(
    conn: Connection,
    queue: QueueConfig,
    worker: str,
    operations: Sequence[str],
    *,
    want: int = 1,
    share: int | None = None,
    borrow: bool = False,
    db: Database | None = None,
) -> Claimed:
    """Take up to ``want`` QUEUED jobs of ``queue`` whose operation is in ``operations``, inside the caller's
    write transaction; never beyond the queue's capacity, nor beyond ``share`` jobs of this worker (see
    :func:`fair_share`) unless ``borrow``. With ``db`` (the connection's database), SQLite's statements run
    prepared (:class:`core.store.db.Prepared`): the same statements, without SQLAlchemy's execution overhead."""
    if want <= 0 or not operations:
        return Claimed([])
    crowded = share is not None and share < queue.capacity
    limit = queue.capacity if share is None or borrow else share
    sqlite = dialect.is_sqlite(conn)
    hot = db if sqlite and db is not None else None
    if sqlite and want == 1:
        params = {
            "q": queue.name,
            "ops": list(operations),
            "cap": queue.capacity,
            "share": limit,
            "w_worker": worker,
            "w_now": utcnow(),
        }
        stmt = take_one_sqlite(queue, limit)
        if hot is not None:
            rows = hot.sqlite_prepared(stmt, ops=params["ops"]).rows(conn, params)
            if rows:
                return Claimed([JobSnapshot.from_values(JOB_COLUMNS, rows[0])], False, crowded)
        else:
            row = conn.execute(stmt, params).first()
            if row is not None:
                return Claimed([JobSnapshot.from_row(row)], False, crowded)
        if not crowded or borrow:
            return Claimed([], False, crowded)
        # nothing taken while others share the queue: say whether this engine's share was what stopped it
    if not sqlite:  # one statement: the server checks the pause, the capacity and the share, and reserves slots
        got = store_claims.take(conn, queue, worker, operations, want, limit=limit)
        if len(got) >= want or share is None or borrow:
            return Claimed(got, False, crowded)
        # fewer taken than wanted: say whether this engine's share was what stopped it while the queue had room
        r = store_claims.room(conn, queue, worker)
        return Claimed(got, r.paused is False and r.mine >= share and r.active < queue.capacity, crowded)
    if hot is not None:
        paused, active, mine = hot.sqlite_prepared(store_claims._STATE_SQLITE).rows(
            conn, {"q": queue.name, "w_worker": worker}
        )[0]
        r = store_claims.Room(paused, int(active or 0), int(mine or 0))
    else:
        r = store_claims.room(conn, queue, worker)
    if r.paused is None or r.paused:
        return Claimed([])
    free = queue.capacity - r.active
    n = min(want, free)
    at_share = False
    if share is not None and not borrow and r.mine + n > share:
        n = max(0, share - r.mine)
        at_share = free > n
    if n <= 0:
        return Claimed([], at_share, crowded)
    if hot is not None:
        ops = list(operations)
        params = {"q": queue.name, "w_worker": worker, "w_now": utcnow(), "n": n}
        rows = hot.sqlite_prepared(store_claims._TAKE_SQLITE, ops=ops).rows(conn, params)
        taken = sorted((JobSnapshot.from_values(JOB_COLUMNS, r) for r in rows), key=lambda s: (-s.priority, s.id))
        return Claimed(taken, at_share, crowded)
    return Claimed(store_claims.take(conn, queue, worker, operations, n), at_share, crowded)


def fair_share(conn: Connection, queue: QueueConfig) -> int:
    """This queue's capacity divided among the engines that serve it (rounded up; at least 1). Engines read
    it again every second: one that starts or ends changes the others' shares within a second."""
    rows = conn.execute(select(EngineRow.kind, EngineRow.queues)).all()
    serving = sum(
        1
        for kind, queues in rows
        if kind != "inline" and ((queue.name in queues) if queues else (kind == "worker" or not queue.workers_only))
    )
    return max(1, math.ceil(queue.capacity / max(1, serving)))


def operation_set(operations: Registry | Mapping[str, Operation] | None) -> Mapping[str, Operation]:
    """The operations an engine runs, and so claims, for its life (by default the registry's at that moment)."""
    if operations is None:
        operations = registry
    if isinstance(operations, Registry):
        return MappingProxyType({op.name: op for op in operations.all()})
    return MappingProxyType(dict(operations))
