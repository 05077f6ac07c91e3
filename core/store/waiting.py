"""Why a waiting job waits, for each job the store hands out: scheduled for later, a retry, its queue gone,
paused or full, no engine serving it, or next in line (then the workflows' reasons and origins on top)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select

from core.messages import Message, define, msg
from core.records import JobSnapshot, iso
from core.status import RUNNING, JobStatus
from core.store import settings
from core.store.db import Database
from core.store.schema import EngineRow, Job, table, utcnow
from core.store.settings import QueueConfig
from core.workflows import origins, reasons

define("wait.retry", "retry {attempt}/{attempts} at {when:time}")
define("wait.scheduled", "scheduled for {when:time}")
define("wait.queue_gone", "queue {queue} no longer exists")
define("wait.queue_paused", "queue {queue} paused")
define("wait.queue_full", "queue full ({running}/{capacity} running)")
define("wait.no_worker", "no worker is running for this queue (start `asyncops worker`)")
define("wait.no_engine", "no engine is running for this queue (open asyncops or start `asyncops worker`)")
define("wait.next", "next in queue")

S = JobStatus
jobs_t = table(Job)


def status_values(values: Iterable[JobStatus]) -> list[str]:
    return [str(v) for v in values]


def annotate(db: Database, snaps: list[JobSnapshot], now: dt.datetime | None = None) -> list[JobSnapshot]:
    """Fill ``waiting_reason`` of waiting jobs: queue full (2/2 running), queue paused, scheduled, retry."""
    waiting = [s for s in snaps if s.status.is_waiting]
    if not waiting:
        return origins.annotate(db, snaps)
    now = now or utcnow()
    queues = {q.name: q for q in settings.get_queues(db)}
    with db.connect_read() as conn:
        if db.is_sqlite:
            running: dict[str, int] = dict(
                conn.execute(
                    select(jobs_t.c.queue, func.count())
                    .where(jobs_t.c.status.in_(status_values(RUNNING)))
                    .group_by(jobs_t.c.queue)
                ).all()
            )
        else:  # everybody's running jobs (row-level security shows a person only their own)
            names = sorted({s.queue for s in waiting})
            running = {q: int(conn.execute(select(func.asyncops_running(q))).scalar() or 0) for q in names}
        engines = list(conn.execute(select(EngineRow.queues, EngineRow.kind, EngineRow.heartbeat_at)))
    live = [e for e in engines if e.kind != "inline" and now - e.heartbeat_at < dt.timedelta(seconds=60)]

    def served(q: QueueConfig) -> bool:
        return any((q.name in e.queues) if e.queues else (e.kind == "worker" or not q.workers_only) for e in live)

    out = []
    for s in snaps:
        if not s.status.is_waiting:
            out.append(s)
            continue
        q = queues.get(s.queue)
        reason: Message
        if s.status is S.SCHEDULED and s.scheduled_for and s.scheduled_for > now:
            when = iso(s.scheduled_for)
            if s.attempt:
                reason = msg("wait.retry", attempt=s.attempt + 1, attempts=s.max_attempts, when=when)
            else:
                reason = msg("wait.scheduled", when=when)
        elif q is None:
            reason = msg("wait.queue_gone", queue=s.queue)
        elif q.paused:
            reason = msg("wait.queue_paused", queue=q.name)
        elif running.get(q.name, 0) >= q.capacity:
            reason = msg("wait.queue_full", running=running.get(q.name, 0), capacity=q.capacity)
        elif not served(q):
            reason = msg("wait.no_worker") if q.workers_only else msg("wait.no_engine")
        else:
            reason = msg("wait.next")
        out.append(s.replace(waiting=reason))
    return origins.annotate(db, reasons.waiting_reason(db, out))
