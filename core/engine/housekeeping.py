"""What an engine does besides running jobs: recover the jobs of dead engines, promote due scheduled jobs, notice
queued work of other processes, and run the daily purge. Each is a function of the database (and of the engine's
operation set), called by the engine's housekeeping thread."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import cast

from sqlalchemy import Table, delete, func, select, update

from core.engine.processes import end_group
from core.events import EventBus, EventKind, JobEvent
from core.library import libraries
from core.messages import define, msg
from core.operations import Operation
from core.records import JobSnapshot, LogEntry
from core.status import RUNNING, JobStatus
from core.store import jobs, liveness, settings
from core.store.db import Database
from core.store.schema import EngineRow, Job, Setting, utcnow
from core.store.settings import QueueConfig

log = logging.getLogger(__name__)
S = JobStatus
_jobs = cast(Table, Job.__table__)
_RUNNING = [str(s) for s in RUNNING]

define("job.requeued_dead_engine", "queued again: the engine running it stopped unexpectedly")
define("job.interrupted_dead_engine", "interrupted: the engine running it stopped unexpectedly")


# -- recovery ---------------------------------------------------------------------------------------
def recover_dead(
    db: Database, own_id: str, dead_after: float, operations: Mapping[str, Operation], bus: EventBus | None = None
) -> int:
    """Recover the jobs of every engine found dead; returns how many jobs were recovered."""
    count = 0
    for engine_id in jobs.dead_engines(db, dead_after, exclude=own_id):
        recovered = recover(db, engine_id, operations, bus=bus)
        if recovered:
            log.warning("recovered %d job(s) of dead engine %s", len(recovered), engine_id)
        count += len(recovered)
    return count


def recover_engines(
    db: Database, engine_ids: Sequence[str], operations: Mapping[str, Operation], bus: EventBus | None = None
) -> int:
    """PostgreSQL: recover the jobs of the engines whose liveness lock stayed free (``Liveness.gone``)."""
    count = 0
    for engine_id in engine_ids:
        recovered = recover(db, engine_id, operations, bus=bus)
        if recovered:
            log.warning("recovered %d job(s) of engine %s: its liveness lock stayed free", len(recovered), engine_id)
        count += len(recovered)
    return count


def recover(
    db: Database, engine_id: str, operations: Mapping[str, Operation], *, bus: EventBus | None = None
) -> list[JobSnapshot]:
    """The jobs of a dead engine become INTERRUPTED, or QUEUED again when their operation (in ``operations``,
    the recovering engine's set) can resume; the processes they left on this host are ended. On PostgreSQL the
    engine's liveness lock is taken for the transaction: an engine that holds it (it is back) keeps its jobs."""
    recovered: list[JobSnapshot] = []
    with db.connect_write() as conn:
        if not db.is_sqlite and not liveness.guard(conn, engine_id):
            return []
        rows = list(
            conn.execute(
                select(_jobs.c.id, _jobs.c.operation, _jobs.c.stop_requested).where(
                    _jobs.c.worker == engine_id, _jobs.c.status.in_(_RUNNING)
                )
            )
        )
        for r in rows:
            op = operations.get(r.operation)
            if op is not None and op.resumable and not r.stop_requested:
                m = msg("job.requeued_dead_engine")
                snap = jobs.transition(
                    conn,
                    r.id,
                    S.QUEUED,
                    by=engine_id,
                    expect=(S.ACTIVE, S.PAUSED),
                    worker=None,
                    message=m.text,
                    message_data=m.to_json(),
                )
            else:
                m = msg("job.interrupted_dead_engine")
                snap = jobs.transition(
                    conn, r.id, S.INTERRUPTED, by=engine_id, expect=RUNNING, message=m.text, message_data=m.to_json()
                )
            if snap is not None:
                recovered.append(snap)
        conn.execute(delete(EngineRow).where(EngineRow.id == engine_id))
    for snap in recovered:
        if snap.runtime:
            end_orphans(db, snap)
    if bus is not None:
        for snap in recovered:
            bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
    return recovered


def end_orphans(db: Database, snap: JobSnapshot, grace: float = 3.0) -> None:
    """End the processes a recovered job had started (its ``runtime``) and say so in its log."""
    level, note = end_group(snap.runtime or {}, grace)
    with db.connect_write() as conn:
        conn.execute(update(_jobs).where(_jobs.c.id == snap.id).values(runtime=None))
        jobs.append_log(conn, [LogEntry.of(snap.id, utcnow(), level, note)])


# -- scheduled and queued work ----------------------------------------------------------------------
def promote_due(db: Database, bus: EventBus | None = None) -> list[JobSnapshot]:
    """SCHEDULED jobs whose time has come become QUEUED (and are published)."""
    promoted = jobs.promote_due(db)
    if bus is not None:
        for snap in promoted:
            bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
    return promoted


def queued_work_waiting(db: Database, queues: Mapping[str, QueueConfig]) -> bool:
    """True when one of ``queues`` has QUEUED jobs and a free slot (work another process queued)."""
    if not queues:
        return False
    jt = _jobs
    with db.connect_read() as conn:
        queued: dict[str, int] = dict(
            conn.execute(
                select(jt.c.queue, func.count())
                .where(jt.c.status == str(S.QUEUED), jt.c.queue.in_(list(queues)))
                .group_by(jt.c.queue)
            ).all()
        )
        if not queued:
            return False
        active: dict[str, int] = dict(
            conn.execute(
                select(jt.c.queue, func.count())
                .where(jt.c.status.in_(_RUNNING), jt.c.queue.in_(list(queued)))
                .group_by(jt.c.queue)
            ).all()
        )
    for q, n in queued.items():
        cfg = queues.get(q)
        if n and cfg is not None and not cfg.paused and active.get(q, 0) < cfg.capacity:
            return True
    return False


# -- purge ------------------------------------------------------------------------------------------
_PERSON_PURGED: dict[tuple[str, str], str] = {}  # (database, role): the day a person's engine last purged


def maybe_purge(db: Database, bus: EventBus | None = None, now: dt.datetime | None = None) -> int | None:
    """Run the daily purge once a day, at its time, in whichever engine gets there first; returns the number of
    jobs removed, or None when it was not this engine's turn.

    On a team's database (row-level security) only an admin's or a worker's engine purges for everyone and
    marks the day done; a person's engine purges that person's own jobs, once a day, and marks nothing."""
    cfg = settings.get_purge(db)
    local = (now or utcnow()).astimezone()
    hour, minute = cfg.hour_minute
    if (local.hour, local.minute) < (hour, minute):
        return None
    today = local.date().isoformat()
    if not db.is_sqlite:
        who = db.session_identity()
        if who.team and not (who.admin or who.worker):
            key = (db.display_url, who.user)
            if _PERSON_PURGED.get(key) == today:
                return None
            _PERSON_PURGED[key] = today
            count = jobs.purge(db, bus=bus, owner=who.user)
            log.info("daily purge removed %d finished job(s) of %s", count, who.user)
            return count
    with db.write() as s:  # compare-and-set of the last run date under the write lock
        row = s.get(Setting, "purge.last_run")
        if row is not None and row.value == today:
            return None
        if row is None:
            s.add(Setting(key="purge.last_run", value=today))
        else:
            row.value = today
    count = jobs.purge(db, bus=bus)
    log.info("daily purge removed %d finished job(s)", count)
    empty_trash(db, cfg.days)
    return count


def empty_trash(db: Database, days: float) -> int:
    """Empty the libraries' trash of what no job can undo any more (its job was purged), and of orphan entries
    older than ``days``; the number of entries removed."""
    older = utcnow() - dt.timedelta(days=days)
    n = libraries.empty_trashes(db, lambda ids: jobs.existing_ids(db, ids), older)
    if n:
        log.info("emptied %d trash entr%s no job can undo any more", n, "y" if n == 1 else "ies")
    return n


class Due:
    """One housekeeping pass: whether a task is due (its interval passed, or a wake-up it listens for came)."""

    def __init__(self, last: dict[str, float], now: float, start: float, heard: set[str]) -> None:
        self.last, self.now, self.start, self.heard = last, now, start, heard

    def __call__(self, name: str, every: float, *wake_on: str) -> bool:
        # after (re)connecting, what the engine may have missed is read again: the tasks that wake-ups trigger
        heard = bool(wake_on) and ("connected" in self.heard or any(k in self.heard for k in wake_on))
        if heard or self.now - self.last.get(name, self.start) >= every:
            self.last[name] = self.now
            return True
        return False
