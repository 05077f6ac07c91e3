"""How an engine takes jobs: several at once when it has free slots, within its fair share of the queue.

A queue's capacity (max_parallel) is shared by every engine on the database. Each engine may hold at most its
share of it, ``ceil(capacity / engines serving the queue)``, so that an engine that finishes a job and claims the
next in the same transaction cannot keep the whole capacity for itself while others wait. Capacity that nobody
else takes may still be borrowed beyond the share (``borrow``), which the engine only does after giving the
others time to claim it.

Every claim runs in one write transaction that is serialised per queue (BEGIN IMMEDIATE on SQLite, the queue
row locked on PostgreSQL), so the counts read and the jobs updated agree: two engines never take the same job
and never exceed the queue's capacity together.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Connection

from core.records import JobSnapshot
from core.status import RUNNING, JobStatus
from core.store import dialect
from core.store.schema import EngineRow, Job, QueueRow, utcnow
from core.store.settings import QueueConfig

_jobs = cast(Table, Job.__table__)
_RUNNING = [str(s) for s in sorted(RUNNING)]


@dataclass(frozen=True)
class Claimed:
    """What a claim took, and whether it stopped at this engine's share while the queue had room."""

    jobs: list[JobSnapshot]
    at_share: bool = False
    crowded: bool = False  # other engines serve the queue too (this engine's share is below its capacity)


def _next_ids() -> Any:
    return (
        select(_jobs.c.id)
        .where(
            _jobs.c.queue == bindparam("q"),
            _jobs.c.status == str(JobStatus.QUEUED),
            _jobs.c.operation.in_(bindparam("ops", expanding=True)),
        )
        .order_by(_jobs.c.priority.desc(), _jobs.c.id)
        .limit(bindparam("n"))
    )


# Built once: constructing SQLAlchemy statements costs more than running them on SQLite.
_TAKE = (
    update(_jobs)
    .where(_jobs.c.id.in_(_next_ids().scalar_subquery()), _jobs.c.status == str(JobStatus.QUEUED))
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


def _running_in_queue() -> Any:
    return select(func.count()).where(_jobs.c.queue == bindparam("q"), _jobs.c.status.in_(_RUNNING))


def _running_count(pg: bool) -> Any:
    """Running jobs of the queue ``q`` among every owner's: on PostgreSQL through ``asyncops_running`` (a
    function the database owner made), since row-level security shows a person's engine only their own jobs."""
    return func.asyncops_running(bindparam("q")) if pg else _running_in_queue().scalar_subquery()


def _statements(pg: bool) -> tuple[Any, Any]:
    """(state, take_one) for a dialect; built once each."""
    cached = _BUILT.get(pg)
    if cached is not None:
        return cached
    # One read for the decision: is the queue paused, how many of its jobs run, how many of them are this worker's.
    state = select(
        select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery(),
        _running_count(pg),
        _running_in_queue().where(_jobs.c.worker == bindparam("w_worker")).scalar_subquery(),
    )
    # The common case in one statement: one job, if the queue has room, this worker is under its share and the
    # queue is not paused (the checks evaluated by the same statement that takes the job).
    take_one = (
        update(_jobs)
        .where(
            _jobs.c.id == _next_ids().limit(1).scalar_subquery(),
            _jobs.c.status == str(JobStatus.QUEUED),
            _running_count(pg) < bindparam("cap"),
            _running_in_queue().where(_jobs.c.worker == bindparam("w_worker")).scalar_subquery() < bindparam("share"),
            select(QueueRow.paused).where(QueueRow.name == bindparam("q")).scalar_subquery().is_(False),
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
    _BUILT[pg] = (state, take_one)
    return state, take_one


_BUILT: dict[bool, tuple[Any, Any]] = {}


def claim(
    conn: Connection,
    queue: QueueConfig,
    worker: str,
    operations: Sequence[str],
    *,
    want: int = 1,
    share: int | None = None,
    borrow: bool = False,
) -> Claimed:
    """Take up to ``want`` QUEUED jobs of ``queue`` whose operation is in ``operations``, inside the caller's
    write transaction; never beyond the queue's capacity, nor beyond ``share`` jobs of this worker (see
    :func:`fair_share`) unless ``borrow``."""
    if want <= 0 or not operations:
        return Claimed([])
    dialect.lock_queue(conn, queue.name)
    state, take_one = _statements(not dialect.is_sqlite(conn))
    crowded = share is not None and share < queue.capacity
    if want == 1:
        limit = queue.capacity if share is None or borrow else share
        params = {
            "q": queue.name,
            "ops": list(operations),
            "cap": queue.capacity,
            "share": limit,
            "w_worker": worker,
            "w_now": utcnow(),
        }
        row = conn.execute(take_one, params).first()
        if row is not None:
            return Claimed([JobSnapshot.from_row(row)], False, crowded)
        if not crowded or borrow:
            return Claimed([], False, crowded)
        # nothing taken while others share the queue: say whether this engine's share was what stopped it
    paused, active, mine = conn.execute(state, {"q": queue.name, "w_worker": worker}).one()
    if paused is None or paused:
        return Claimed([])
    room = queue.capacity - int(active)
    n = min(want, room)
    at_share = False
    if share is not None and not borrow and int(mine) + n > share:
        n = max(0, share - int(mine))
        at_share = room > n
    if n <= 0:
        return Claimed([], at_share, crowded)
    params = {"q": queue.name, "ops": list(operations), "n": n, "w_worker": worker, "w_now": utcnow()}
    rows = conn.execute(_TAKE, params).all()
    taken = sorted((JobSnapshot.from_row(r) for r in rows), key=lambda s: (-s.priority, s.id))
    return Claimed(taken, at_share, crowded)


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
