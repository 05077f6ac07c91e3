"""Re-ordering a waiting job (``priority``) and retrying every failed job at once (``retry --failed``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from core.errors import AsyncopsError, ConflictError, UsageError
from core.messages import Message, define, msg
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import Job, table, utcnow
from core.workflows.tables import JobRetried

define("priority.not_waiting", "job #{id} is {status}: only a queued or scheduled job can be re-ordered")
define("retry.bad_since", "--since {text!r}: use a duration such as 30m, 12h, 2d or 1w")
define("retry.since_too_long", "--since {text!r}: at most {days} days back")
define("retry.unknown_operation", "--operation {name!r}: no such operation (see `asyncops operations`)")
define("retry.skipped", "job #{id} not retried: {reason}")

S = JobStatus
jobs_t = table(Job)
retried_t = table(JobRetried)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_SINCE_MAX_DAYS = 100_000  # about 270 years
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")


def parse_duration(text: str) -> dt.timedelta:
    """``30m``, ``12h``, ``2d``, ``1w``, ``90s``; UsageError (exit 2) otherwise."""
    m = _DURATION.match(text.strip().lower())
    if not m:
        raise UsageError(msg("retry.bad_since", text=text), field="since")
    seconds = float(m.group(1)) * _UNITS[m.group(2)]
    if seconds > _SINCE_MAX_DAYS * 86400:  # further back than the calendar goes (an OverflowError, uncaught)
        raise UsageError(msg("retry.since_too_long", text=text, days=_SINCE_MAX_DAYS), field="since")
    return dt.timedelta(seconds=seconds)


def set_priority(db: Database, job_id: int, priority: int, *, user: str, admin: bool) -> JobSnapshot:
    """A QUEUED or SCHEDULED job's priority (higher runs first in its queue), by compare-and-set on its status."""
    job = jobs.get(db, job_id, user=user, admin=admin)  # NotFound / NotAllowed (exit 3)
    with db.connect_write() as conn:
        row = conn.execute(
            update(jobs_t)
            .where(jobs_t.c.id == job_id, jobs_t.c.status.in_([str(S.QUEUED), str(S.SCHEDULED)]))
            .values(priority=int(priority), updated_at=utcnow())
            .returning(*jobs_t.c)
        ).first()
    if row is None:
        current = jobs.get_many(db, [job_id])
        status = current[0].status if current else job.status
        raise ConflictError(msg("priority.not_waiting", id=job_id, status=str(status)))
    return JobSnapshot.from_row(row)


MOVES = ("top", "up", "down", "bottom")
define("move.bad_where", "{where!r}: a job moves to the top, up, down or to the bottom ({moves:list})")
define("move.not_queued", "job #{id} is {status}: only a queued job can be moved in its queue")


def move(db: Database, job_id: int, where: str, *, user: str, admin: bool) -> list[JobSnapshot]:
    """Move a QUEUED job to the top or bottom of its queue, or one place up or down, among the queued jobs this
    person may see (an admin: all of that queue). The queue's order is priority, then age: the jobs whose place
    changes get the priorities that give the new order: the old order's priorities handed down the new one, then
    raised (never lowered) only where ties would put a younger job first. Jobs of other people and jobs above and
    below the moved range keep theirs. Returns the jobs whose priority changed (the moved one first)."""
    if where not in MOVES:
        raise UsageError(msg("move.bad_where", where=where, moves=list(MOVES)), field="where")
    job = jobs.get(db, job_id, user=user, admin=admin)  # NotFound / NotAllowed (exit 3)
    with db.write() as s:
        stmt = (
            select(jobs_t.c.id, jobs_t.c.priority, jobs_t.c.status)
            .where(jobs_t.c.queue == job.queue, jobs_t.c.status == str(S.QUEUED))
            .order_by(jobs_t.c.priority.desc(), jobs_t.c.id)
        )
        if not admin:
            stmt = stmt.where(jobs_t.c.owner == user)
        order = [(r.id, r.priority) for r in s.execute(stmt)]
        ids = [i for i, _ in order]
        if job_id not in ids:
            current = jobs.get_many(db, [job_id])
            raise ConflictError(
                msg("move.not_queued", id=job_id, status=str(current[0].status if current else job.status))
            )
        at = ids.index(job_id)
        target = {"top": 0, "bottom": len(ids) - 1, "up": max(0, at - 1), "down": min(len(ids) - 1, at + 1)}[where]
        ids.insert(target, ids.pop(at))
        # the priorities in their old order, handed out down the new order; then, from the bottom up, each job
        # must come before the next: a higher priority, or the same and an older id
        prio = [p for _, p in order]
        for i in range(len(ids) - 2, -1, -1):
            if prio[i] < prio[i + 1] or (prio[i] == prio[i + 1] and ids[i] > ids[i + 1]):
                prio[i] = prio[i + 1] + (0 if ids[i] < ids[i + 1] else 1)
        before = dict(order)
        changed = [(i, p) for i, p in zip(ids, prio, strict=True) if before[i] != p]
        changed.sort(key=lambda c: c[0] != job_id)
        now = utcnow()
        for i, p in changed:
            s.execute(update(jobs_t).where(jobs_t.c.id == i).values(priority=p, updated_at=now))
    return jobs.get_many(db, [i for i, _ in changed])


@dataclass
class BulkRetry:
    """What ``retry --failed`` did: the new jobs, and the failed jobs it could not retry (with why)."""

    retried: list[tuple[int, JobSnapshot]] = field(default_factory=list)
    skipped: list[Message] = field(default_factory=list)


def failed_to_retry(
    db: Database, *, user: str, operation: str | None = None, since: dt.timedelta | None = None, now: dt.datetime
) -> list[int]:
    """The user's FAILED jobs (of ``operation``, finished within ``since``) that were never retried: neither
    by ``retry`` (a job names it as its parent) nor by an earlier ``retry --failed``."""
    child = jobs_t.alias("child")
    stmt = (
        select(jobs_t.c.id)
        .where(
            jobs_t.c.owner == user,
            jobs_t.c.status == str(S.FAILED),
            ~exists().where(child.c.parent_id == jobs_t.c.id),
            ~exists().where(retried_t.c.job_id == jobs_t.c.id),
        )
        .order_by(jobs_t.c.id)
    )
    if operation:
        stmt = stmt.where(jobs_t.c.operation == operation)
    if since is not None:
        stmt = stmt.where(jobs_t.c.finished_at >= now - since)
    with db.connect_read() as conn:
        return list(conn.execute(stmt).scalars())


def retry_failed(
    db: Database,
    *,
    user: str,
    admin: bool,
    operation: str | None = None,
    since: dt.timedelta | None = None,
    now: dt.datetime | None = None,
) -> BulkRetry:
    """Retry each matching failed job once: a new job each, linked by ``parent_id``. A job is first marked
    (a unique row), so two ``retry --failed`` at once never retry it twice."""
    now = now or utcnow()
    out = BulkRetry()
    for job_id in failed_to_retry(db, user=user, operation=operation, since=since, now=now):
        try:
            with db.connect_write() as conn:
                if conn.execute(select(retried_t.c.job_id).where(retried_t.c.job_id == job_id)).first():
                    continue
                conn.execute(insert(retried_t), {"job_id": job_id, "retried_at": now})
        except IntegrityError:  # another retry --failed took it (PostgreSQL, concurrent transactions)
            continue
        try:
            snap = jobs.retry(db, job_id, user=user, admin=admin)
        except AsyncopsError as exc:
            with db.connect_write() as conn:
                conn.execute(delete(retried_t).where(retried_t.c.job_id == job_id))
            out.skipped.append(msg("retry.skipped", id=job_id, reason=str(exc)))
            continue
        with db.connect_write() as conn:
            conn.execute(update(retried_t).where(retried_t.c.job_id == job_id).values(retry_id=snap.id))
        out.retried.append((job_id, snap))
    return out
