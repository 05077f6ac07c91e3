"""Every SQL statement about jobs: submit, claim, transitions, visibility, stop, remove, retry, purge.

Hot paths (claim, finish, progress) use SQLAlchemy Core statements; state changes are compare-and-set
updates whose WHERE clause names the statuses the transition table allows, so two writers can never both
win, and an engine that lost a job (declared dead) cannot overwrite what recovery wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, and_, bindparam, delete, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from core.errors import ConflictError, NotAllowed, NotFound, UsageError
from core.events import EventBus, EventKind, JobEvent
from core.messages import define, msg
from core.operations import OperationEnv, registry
from core.records import JobSnapshot, LogEntry, parse_job_ref  # noqa: F401  (its home is light: the launcher's)
from core.status import NOT_REMOVABLE, RUNNING, TERMINAL, JobStatus
from core.store import dialect, settings
from core.store.db import Database
from core.store.lists import _visible
from core.store.schema import Job, JobLog, QueueRow, RemovedJob, table, utcnow
from core.store.settings import QueueConfig
from core.store.waiting import annotate, status_values
from core.users import current_user, is_admin

define("job.bad_at", "--at: {text!r} is not an ISO-8601 time such as 2026-12-01T18:30")
define("job.bad_queue", "--queue: no queue named '{queue}' (queues: {names})")
define("job.not_found", "no job #{id}")
define("job.foreign", "job #{id} belongs to another user: not allowed")
define("job.bad_sort", "cannot sort by '{key}' (keys: {keys:list})")
define("job.already_finished", "job #{id} has already finished ({status})")
define("job.remove_running", "job #{id} is {status}: stop it first, then remove it")
define("job.remove_started", "job #{id} started meanwhile: stop it first, then remove it")
define("job.retry_unfinished", "job #{id} is {status}: only a finished job can be retried")
define("job.at_out_of_range", "--at: {text!r} is beyond the dates asyncops can keep (years 1 to 9999, in UTC)")

jobs_t = table(Job)
_queues_t = table(QueueRow)
log_t = table(JobLog)
S = JobStatus


# -- time -------------------------------------------------------------------------------------------
def parse_at(text: str | dt.datetime | None) -> dt.datetime | None:
    """ISO-8601; a time without an offset is the local time. Returned in UTC."""
    if text is None or text == "":
        return None
    if isinstance(text, dt.datetime):
        d = text
    else:
        try:
            d = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            raise UsageError(msg("job.bad_at", text=text), field="at") from None
    try:
        if d.tzinfo is None:
            d = d.astimezone()
        return d.astimezone(dt.UTC)
    except (ValueError, OverflowError):  # the first or last hours of the calendar, moved to UTC
        raise UsageError(msg("job.at_out_of_range", text=str(text)), field="at") from None


# -- submit -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Plan:
    """Where a run goes: inline (under every threshold) or the background queue."""

    inline: bool
    counts: dict[str, int]
    thresholds: dict[str, int]
    reason: str


def plan(
    db: Database, operation: str, params: dict[str, Any], *, user: str | None = None, inline_when_uncounted: bool = True
) -> Plan:
    """Estimate the counted items and compare them with the thresholds.

    An operation that counts nothing (``command``) has no size to compare: it runs inline when the caller
    asked to run it in the foreground (``asyncops run``), and goes to its queue otherwise (the window), so that
    the queue's max_parallel still holds.
    """
    op = registry.get(operation)
    counts = op.estimate(OperationEnv(db, user or current_user(db)), params) if op.counted_items else {}
    thresholds = settings.get_thresholds(db).get(operation, {})
    over = [
        f"{item} {counts[item]} > {thresholds[item]}"
        for item in op.counted_items
        if item in counts and item in thresholds and counts[item] > thresholds[item]
    ]
    if over:
        return Plan(False, counts, thresholds, "above the threshold: " + ", ".join(over))
    if counts:
        under = ", ".join(f"{k} {v} ≤ {thresholds.get(k, '∞')}" for k, v in counts.items())
        return Plan(True, counts, thresholds, f"under the thresholds: {under}")
    if inline_when_uncounted:
        return Plan(True, counts, thresholds, "the operation has no threshold")
    return Plan(False, counts, thresholds, "the operation has no threshold, so it goes to its queue")


_QUEUES = select(table(QueueRow)).order_by(QueueRow.name)
_INSERT = insert(jobs_t).returning(*jobs_t.c)
_JOB_COLUMNS = tuple(c.name for c in jobs_t.c)
_SUBMIT_KEYS = (
    *("operation", "label", "description", "params", "owner", "queue", "priority", "status", "inline"),
    *("progress_done", "progress_total", "warnings", "errors", "created_at", "scheduled_for", "started_at"),
    *("finished_at", "updated_at", "attempt", "max_attempts", "worker", "stop_requested", "message", "result"),
    *("parent_id", "pause_requested", "paused_seconds"),
)


_INSERT_SQLITE = insert(jobs_t)


@dataclass(frozen=True)
class _SeenQueues:
    """The queues table as a transaction of this process last read it: its raw rows, decoded, and the values that
    :func:`_checked_insert` compares the table with."""

    raw: list[Any]
    queues: list[QueueConfig]
    check: dict[str, Any]


_queues_seen: weakref.WeakKeyDictionary[Database, _SeenQueues] = weakref.WeakKeyDictionary()
_CHECKED_INSERTS: dict[int, Any] = {}
_RAW = String()


def _sqlite_queues(db: Database, conn: Connection) -> list[QueueConfig]:
    """The queues as the caller's transaction reads them (decoded again only when their rows changed)."""
    prepared = db.sqlite_prepared(_QUEUES)
    raw = prepared.execute(conn, {}).fetchall()
    seen = _queues_seen.get(db)
    if seen is not None and seen.raw == raw:
        return seen.queues
    queues = [QueueConfig.from_row(_QueueRow(*r)) for r in prepared.decoded(raw)]
    check = {f"q{i}_{c.name}": v for i, row in enumerate(raw) for c, v in zip(_queues_t.c, row, strict=True)}
    _queues_seen[db] = _SeenQueues(raw, queues, check)
    return queues


def _checked_insert(n: int) -> Any:
    """SQLite: the INSERT of a new job (the values of ``_SUBMIT_KEYS``) that inserts nothing unless the queues table
    holds exactly ``n`` rows, each equal, column by column, to one given as ``q<i>_<column>`` (raw values): a
    submit chose the job's queue from the queues it read last, and this checks, in the statement that inserts, that
    they are still the table's (one statement instead of reading the table again in each submit's transaction)."""
    stmt = _CHECKED_INSERTS.get(n)
    if stmt is None:
        q = _queues_t
        same = [select(func.count()).select_from(q).scalar_subquery() == n]
        # IS: equal, NULL included; the raw values as read (a String bind has no processor on SQLite)
        for i in range(n):
            same.append(exists().where(*(c.is_(bindparam(f"q{i}_{c.name}", type_=_RAW)) for c in q.c)))
        row = select(*(bindparam(k, type_=jobs_t.c[k].type) for k in _SUBMIT_KEYS)).where(*same)
        stmt = _CHECKED_INSERTS[n] = insert(jobs_t).from_select(list(_SUBMIT_KEYS), row)
    return stmt


class _QueueRow:
    """A row of the queues table read by a prepared statement (what QueueConfig.from_row reads)."""

    def __init__(self, *values: Any) -> None:
        for column, value in zip(table(QueueRow).c, values, strict=True):
            setattr(self, column.name, value)


def submit(
    db: Database,
    operation: str,
    params: dict[str, Any] | None = None,
    *,
    owner: str | None = None,
    queue: str | None = None,
    priority: int = 0,
    at: str | dt.datetime | None = None,
    label: str | None = None,
    description: str | None = None,
    parent_id: int | None = None,
    inline_worker: str | None = None,
    validate: bool = True,
    bus: EventBus | None = None,
    writer: Callable[[Callable[[Connection], JobSnapshot], Callable[[JobSnapshot], object]], JobSnapshot] | None = None,
) -> JobSnapshot:
    """Validate and record a new job. With ``inline_worker`` the job is created ACTIVE, owned by that engine.
    ``writer`` (an engine's group writer: ``writer(write, then)``) commits the insert with the other writes of the
    moment and calls ``then(snapshot)`` once committed, before the others of its group return.

    Raises UsageError/ParamError (nothing written) for an unknown operation, a bad parameter or queue.
    """
    op = registry.get(operation)
    owner = owner or current_user(db)
    params = dict(params or {})
    if validate:
        params = op.validate(params, OperationEnv(db, owner))
    when = parse_at(at)
    settings.ensure_defaults(db)
    sqlite = db.is_sqlite

    def choose(queues: list[QueueConfig]) -> QueueConfig:
        if queue is None:
            return settings.queue_for_operation(queues, operation)
        match = [q for q in queues if q.name == queue]
        if not match:
            names = ", ".join(q.name for q in queues)
            raise UsageError(msg("job.bad_queue", queue=queue, names=names), field="queue")
        return match[0]

    def write(conn: Connection) -> JobSnapshot:  # the queue is checked in the same transaction that inserts
        if sqlite:
            seen = _queues_seen.get(db)
            if seen is not None:  # the queue chosen from the queues read last, checked by the insert itself
                try:
                    qcfg = choose(seen.queues)
                except (UsageError, NotFound):
                    pass  # perhaps not any more: read them
                else:
                    values = row(qcfg)
                    cursor = db.sqlite_prepared(_checked_insert(len(seen.raw))).execute(conn, {**values, **seen.check})
                    if cursor.rowcount == 1:
                        return stored(cursor.lastrowid, values)
            queues = _sqlite_queues(db, conn)  # changed since (or never read): read, then insert
        else:
            queues = [QueueConfig.from_row(r) for r in conn.execute(_QUEUES)]
        values = row(choose(queues))
        if sqlite:  # every column is known but the id: no RETURNING to decode
            return stored(db.sqlite_prepared(_INSERT_SQLITE, _SUBMIT_KEYS).execute(conn, values).lastrowid, values)
        return JobSnapshot.from_row(conn.execute(_INSERT, values).one())

    def row(qcfg: QueueConfig) -> dict[str, Any]:
        now = utcnow()
        if inline_worker:
            status, worker, started, attempt = S.ACTIVE, inline_worker, now, 1
        else:
            status = S.SCHEDULED if when and when > now else S.QUEUED
            worker, started, attempt = None, None, 0
        values = {
            "operation": operation,
            "label": label or op.label_for(params),
            "description": description or "",
            "params": params,
            "owner": owner,
            "queue": qcfg.name,
            "priority": int(priority),
            "status": str(status),
            "inline": bool(inline_worker),
            "progress_done": 0,
            "progress_total": None,
            "warnings": 0,
            "errors": 0,
            "created_at": now,
            "scheduled_for": when,
            "started_at": started,
            "finished_at": None,
            "updated_at": now,
            "attempt": attempt,
            "max_attempts": 1 if inline_worker else qcfg.retries + 1,
            "worker": worker,
            "stop_requested": False,
            "message": "",
            "result": None,
            "parent_id": parent_id,
            "pause_requested": False,
            "paused_seconds": 0.0,
        }
        return values

    def stored(new_id: int, values: dict[str, Any]) -> JobSnapshot:
        """The job as the database now holds it: the parameters as read back (JSON's types; none, as most jobs of
        some operations have: a new {})."""
        params = values["params"]
        status = S(values["status"])
        return JobSnapshot(
            id=new_id, **{**values, "params": json.loads(json.dumps(params)) if params else {}, "status": status}
        )

    def created(snap: JobSnapshot) -> None:
        if bus is not None and len(bus):  # no event object for nobody
            bus.publish(JobEvent(EventKind.CREATED, snap.id, job=snap))

    if writer is not None:
        return writer(write, created)  # CREATED is published before a claim in the same group is
    with db.connect_write() as conn:
        snap = write(conn)
    created(snap)
    return snap


def submit_many(
    db: Database,
    operation: str,
    params_list: Sequence[dict[str, Any]],
    *,
    owner: str | None = None,
    queue: str = settings.DEFAULT_QUEUE,
) -> int:
    """Bulk submission in one transaction (scripts and benchmarks); parameters are validated."""
    op = registry.get(operation)
    owner = owner or current_user(db)
    settings.ensure_defaults(db)
    qcfg = settings.get_queue(db, queue)
    now = utcnow()
    rows = []
    for p in params_list:
        v = op.validate(p, OperationEnv(db, owner))
        rows.append(
            {
                "operation": operation,
                "label": op.label_for(v),
                "description": "",
                "params": v,
                "owner": owner,
                "queue": qcfg.name,
                "priority": 0,
                "status": str(S.QUEUED),
                "inline": False,
                "progress_done": 0,
                "warnings": 0,
                "errors": 0,
                "created_at": now,
                "updated_at": now,
                "attempt": 0,
                "max_attempts": qcfg.retries + 1,
                "stop_requested": False,
                "message": "",
            }
        )
    with db.connect_write() as conn:
        conn.execute(insert(jobs_t), rows)
    return len(rows)


# -- reading ----------------------------------------------------------------------------------------
def get(db: Database, job_id: int, *, user: str | None = None, admin: bool | None = None) -> JobSnapshot:
    """One job the user may see; NotFound or NotAllowed (exit 3) otherwise."""
    user = user or current_user(db)
    if admin is None:
        admin = is_admin(db, user)
    with db.connect_read() as conn:
        row = conn.execute(select(jobs_t).where(jobs_t.c.id == job_id, _visible(user, admin))).first()
        if row is None:
            exists = conn.execute(select(jobs_t.c.id).where(jobs_t.c.id == job_id)).first()
            if exists is None:
                raise NotFound(msg("job.not_found", id=job_id))
            raise NotAllowed(msg("job.foreign", id=job_id))
    return annotate(db, [JobSnapshot.from_row(row)])[0]


def get_many(db: Database, ids: Sequence[int]) -> list[JobSnapshot]:
    out: list[JobSnapshot] = []
    with db.connect_read() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            out.extend(JobSnapshot.from_row(r) for r in conn.execute(select(jobs_t).where(jobs_t.c.id.in_(chunk))))
    return out


def undone_by(db: Database, job_id: int, operation: str, params: dict[str, Any]) -> JobSnapshot | None:
    """The job that undid ``job_id``, or is undoing it: one it launched (its parent) with the inverse ``operation``
    and ``params`` (as the operation's ``undo`` gave them: the job's own also hold what validation added), waiting,
    running or SUCCEEDED (an undo that failed or was stopped may be tried again)."""
    ended = [str(s) for s in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.INTERRUPTED)]
    stmt = select(jobs_t).where(
        jobs_t.c.parent_id == job_id, jobs_t.c.operation == operation, jobs_t.c.status.not_in(ended)
    )
    with db.connect_read() as conn:
        children = [JobSnapshot.from_row(r) for r in conn.execute(stmt.order_by(jobs_t.c.id))]
    same = json.loads(json.dumps(params))  # as the database gives them back
    return next((c for c in children if all(c.params.get(k) == v for k, v in same.items())), None)


def existing_ids(db: Database, ids: Sequence[int]) -> set[int]:
    """Which of ``ids`` are still jobs of the history (in chunks, so any number of ids may be asked)."""
    found: set[int] = set()
    with db.connect_read() as conn:
        for i in range(0, len(ids), 500):
            found.update(conn.execute(select(Job.id).where(Job.id.in_(ids[i : i + 500]))).scalars())
    return found


def changed_since(
    db: Database, since: dt.datetime, *, user: str | None = None, all_users: bool = False
) -> list[JobSnapshot]:
    """Jobs updated at or after ``since`` (re-read by clients that did not see this process's events)."""
    user = user or current_user(db)
    # by the updated_at index (a few recent rows), sorted here: the person's (owner, id) index, which SQLite would
    # take for the owner and the order without statistics, walks all their jobs (60–250 ms a poll with 90,000)
    stmt = select(jobs_t).where(jobs_t.c.updated_at >= since)
    if not all_users:
        stmt = stmt.where(dialect.not_indexed(jobs_t.c.owner) == user)
    with db.connect_read() as conn:
        return sorted((JobSnapshot.from_row(r) for r in conn.execute(stmt)), key=lambda s: s.id)


def removed_since(db: Database, since: dt.datetime) -> list[int]:
    with db.connect_read() as conn:
        return list(conn.execute(select(RemovedJob.job_id).where(RemovedJob.removed_at >= since)).scalars())


def append_log(conn: Connection, entries: Sequence[LogEntry]) -> None:
    """Insert job log lines inside the caller's write transaction."""
    if entries:
        conn.execute(
            insert(log_t),
            [
                {
                    "job_id": e.job_id,
                    "time": e.time,
                    "level": e.level,
                    "message": e.message,
                    "item": e.item,
                    "code": e.code,
                    "args": e.args,
                }
                for e in entries
            ],
        )


def log_of(
    db: Database, job_id: int, *, after_id: int = 0, levels: Iterable[str] | None = None, limit: int | None = None
) -> list[LogEntry]:
    stmt = select(log_t).where(log_t.c.job_id == job_id, log_t.c.id > after_id).order_by(log_t.c.id)
    if levels:
        stmt = stmt.where(log_t.c.level.in_([lv.upper() for lv in levels]))
    if limit:
        stmt = stmt.limit(limit)
    with db.connect_read() as conn:
        return [
            LogEntry(r.id, r.job_id, r.time, r.level, r.message, r.item, r.code, r.args) for r in conn.execute(stmt)
        ]


# -- the user's side: stop, remove, retry -----------------------------------------------------------
def _owned(db: Database, job_id: int, user: str | None, admin: bool | None) -> JobSnapshot:
    return get(db, job_id, user=user, admin=admin)


def request_stop(
    db: Database, job_id: int, *, user: str | None = None, admin: bool | None = None, bus: EventBus | None = None
) -> JobSnapshot:
    """A waiting job stops at once; an active one is asked to (its engine honours ``stop_requested``)."""
    job = _owned(db, job_id, user, admin)
    if job.status.is_terminal:
        raise ConflictError(msg("job.already_finished", id=job_id, status=str(job.status)))
    if job.status.is_waiting:
        snap = transition(
            db,
            job_id,
            S.STOPPED,
            expect=(S.QUEUED, S.SCHEDULED),
            stop_requested=True,
            message="stopped before it started",
        )
        if snap is not None:
            if bus is not None:
                bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
            return snap
        job = _owned(db, job_id, user, admin)  # it started meanwhile: ask its engine
    with db.connect_write() as conn:
        row = conn.execute(
            update(jobs_t)
            .where(jobs_t.c.id == job_id, jobs_t.c.status.in_(status_values(RUNNING)))
            .values(stop_requested=True, updated_at=utcnow())
            .returning(*jobs_t.c)
        ).first()
    if row is None:
        return _owned(db, job_id, user, admin)
    return JobSnapshot.from_row(row)


def remove(
    db: Database, job_id: int, *, user: str | None = None, admin: bool | None = None, bus: EventBus | None = None
) -> None:
    """Delete a finished job and its log; refuses ACTIVE, STOPPING and QUEUED jobs (stop them first)."""
    job = _owned(db, job_id, user, admin)
    if job.status in NOT_REMOVABLE:
        raise ConflictError(msg("job.remove_running", id=job_id, status=str(job.status)))
    with db.connect_write() as conn:
        gone = conn.execute(
            delete(jobs_t).where(jobs_t.c.id == job_id, jobs_t.c.status.not_in(status_values(NOT_REMOVABLE)))
        ).rowcount
        if not gone:
            raise ConflictError(msg("job.remove_started", id=job_id))
        conn.execute(delete(log_t).where(log_t.c.job_id == job_id))
        _tombstone(conn, [job_id])
    if bus is not None:
        bus.publish(JobEvent(EventKind.REMOVED, job_id))


def _tombstone(conn: Connection, ids: Sequence[int]) -> None:
    if not ids:
        return
    now = utcnow()
    conn.execute(delete(table(RemovedJob)).where(RemovedJob.job_id.in_(ids)))
    conn.execute(insert(table(RemovedJob)), [{"job_id": i, "removed_at": now} for i in ids])


def retry(
    db: Database, job_id: int, *, user: str | None = None, admin: bool | None = None, bus: EventBus | None = None
) -> JobSnapshot:
    """A finished job runs again with the same parameters, as a new job linked to it."""
    job = _owned(db, job_id, user, admin)
    if not job.status.is_terminal:
        raise ConflictError(msg("job.retry_unfinished", id=job_id, status=str(job.status)))
    return submit(
        db,
        job.operation,
        job.params,
        owner=job.owner,
        queue=job.queue,
        priority=job.priority,
        label=job.label,
        description=job.description,
        parent_id=job.id,
        bus=bus,
    )


# -- purge ------------------------------------------------------------------------------------------
def purge(
    db: Database,
    *,
    days: float | None = None,
    failed_days: float | None = None,
    keep: int | None = None,
    now: dt.datetime | None = None,
    bus: EventBus | None = None,
    owner: str | None = None,
) -> int:
    """Delete finished jobs older than their retention, and beyond the ``keep`` most recent; returns the count.

    With ``owner``, only that person's jobs are considered (a person who is not an admin purges their own)."""
    cfg = settings.get_purge(db)
    days = cfg.days if days is None else days
    failed_days = cfg.failed_days if failed_days is None else failed_days
    keep = cfg.keep if keep is None else keep
    now = now or utcnow()
    ok_before = now - dt.timedelta(days=days)
    bad_before = now - dt.timedelta(days=failed_days)
    finished: ColumnElement[bool] = jobs_t.c.status.in_(status_values(TERMINAL))
    if owner is not None:
        finished = and_(finished, jobs_t.c.owner == owner)
    old = or_(
        and_(jobs_t.c.status == str(S.SUCCEEDED), jobs_t.c.finished_at < ok_before),
        and_(jobs_t.c.status != str(S.SUCCEEDED), jobs_t.c.finished_at < bad_before),
    )
    with db.connect_read() as conn:
        ids = set(conn.execute(select(jobs_t.c.id).where(finished, old)).scalars())
        if keep is not None:
            ids.update(
                conn.execute(
                    select(jobs_t.c.id)
                    .where(finished)
                    .order_by(jobs_t.c.finished_at.desc(), jobs_t.c.id.desc())
                    .offset(keep)
                ).scalars()
            )
    removed: list[int] = []
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        with db.connect_write() as conn:
            gone = list(
                conn.execute(delete(jobs_t).where(jobs_t.c.id.in_(chunk), finished).returning(jobs_t.c.id)).scalars()
            )
            conn.execute(delete(log_t).where(log_t.c.job_id.in_(gone)))
            _tombstone(conn, gone)
            removed.extend(gone)
    with db.connect_write() as conn:  # tombstones only need to live until every client has seen them
        conn.execute(delete(table(RemovedJob)).where(RemovedJob.removed_at < now - dt.timedelta(days=2)))
    if bus is not None:
        for job_id in removed:
            bus.publish(JobEvent(EventKind.REMOVED, job_id))
    return len(removed)


# -- the lists (lists.py), the engine's side (claims, transitions, due jobs) and the engines' rows live in their
# own modules, named here too for their callers ---------------------------------------------------------------------------
from core.store.claims import claim, next_due, promote_due, stop_requests, transition  # noqa: E402
from core.store.engines import (  # noqa: E402
    dead_engines,
    heartbeat,
    process_gone,
    register_engine,
    unregister_engine,
)
from core.store.lists import (  # noqa: E402
    SORT_KEYS,
    between,
    count_by_status,
    count_jobs,
    job_ids,
    list_jobs,
)

__all__ = [
    "SORT_KEYS",
    "annotate",
    "between",
    "claim",
    "count_by_status",
    "count_jobs",
    "dead_engines",
    "heartbeat",
    "job_ids",
    "list_jobs",
    "next_due",
    "process_gone",
    "promote_due",
    "register_engine",
    "stop_requests",
    "transition",
    "unregister_engine",
]
