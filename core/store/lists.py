"""Lists of jobs: the filters (visibility, status, operation, free text, origin) turned into SQL, the sorted ids
the window's lazy table reads, the counts per status, and the jobs that lived in a time range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypedDict, Unpack

from sqlalchemy import Float, cast, func, literal, or_, select

from core.errors import UsageError
from core.messages import msg
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import dialect
from core.store.db import Database
from core.store.schema import Job, table, utcnow
from core.store.waiting import annotate
from core.users import current_user
from core.workflows import origins

jobs_t = table(Job)


def _visible(user: str, all_users: bool) -> Any:
    return True if all_users else jobs_t.c.owner == user


class Filter(TypedDict, total=False):
    """The list filters every list function takes: whose jobs (``user``, default the current one; everybody's
    for ``all_users``, which the caller checked is an admin), status, operation, free text, the saved profile a
    job came from, and whether a schedule or a person started it (``origin``)."""

    user: str | None
    all_users: bool
    statuses: Iterable[str] | None
    operation: str | None
    search: str | None
    profile: str | None
    origin: str | None


def _filtered(db: Database, stmt: Any, flt: Filter) -> Any:
    """The one place that turns the list filters into SQL."""
    if unknown := flt.keys() - Filter.__annotations__.keys():
        raise TypeError(f"unknown job list filter: {', '.join(sorted(unknown))}")
    stmt = stmt.where(_visible(flt.get("user") or current_user(db), bool(flt.get("all_users"))))
    profile, origin = flt.get("profile"), flt.get("origin")
    if profile:
        stmt = stmt.where(
            jobs_t.c.id.in_(select(origins.origin_t.c.job_id).where(origins.origin_t.c.profile == profile))
        )
    if origin == origins.SCHEDULE:
        stmt = stmt.where(jobs_t.c.id.in_(select(origins.origin_t.c.job_id).where(origins.origin_t.c.origin == origin)))
    elif origin:  # by hand: no origin recorded (a plain submit), or "manual"
        scheduled = select(origins.origin_t.c.job_id).where(origins.origin_t.c.origin == origins.SCHEDULE)
        stmt = stmt.where(jobs_t.c.id.not_in(scheduled))
    if statuses := flt.get("statuses"):
        stmt = stmt.where(jobs_t.c.status.in_([str(JobStatus(s.upper())) for s in statuses]))
    if operation := flt.get("operation"):
        stmt = stmt.where(jobs_t.c.operation == operation)
    if search := flt.get("search"):
        like = f"%{search}%"
        stmt = stmt.where(
            or_(jobs_t.c.label.ilike(like), jobs_t.c.operation.ilike(like), jobs_t.c.description.ilike(like))
        )
    return stmt


def list_jobs(
    db: Database, *, limit: int | None = None, offset: int = 0, with_reasons: bool = True, **flt: Unpack[Filter]
) -> list[JobSnapshot]:
    """The jobs ``flt`` selects, newest first."""
    stmt = _filtered(db, select(jobs_t).order_by(jobs_t.c.id.desc()), flt)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    with db.connect_read() as conn:
        snaps = [JobSnapshot.from_row(r) for r in conn.execute(stmt)]
    return annotate(db, snaps) if with_reasons else snaps


SORT_KEYS = (
    "id",
    "operation",
    "label",
    "status",
    "progress",
    "warnings",
    "errors",
    "queue",
    "created_at",
    "started_at",
    "finished_at",
    "duration",
    "owner",
)


def _sort_expr(db: Database, key: str, now: dt.datetime) -> Any:
    c = jobs_t.c
    if key == "progress":
        return cast(c.progress_done, Float) / func.nullif(c.progress_total, 0)
    if key == "duration":
        end = func.coalesce(c.paused_at, c.finished_at, literal(now))  # a paused job's clock stopped then
        return dialect.seconds_between(db.engine, c.started_at, end) - func.coalesce(c.paused_seconds, 0)
    if key not in SORT_KEYS:
        raise UsageError(msg("job.bad_sort", key=key, keys=list(SORT_KEYS)))
    return getattr(c, key)


def job_ids(db: Database, *, sort: str = "id", descending: bool = True, **flt: Unpack[Filter]) -> list[int]:
    """Ids of the jobs ``list_jobs`` returns under the same filter, in the given order (ties by id).

    The GUI's lazy table keeps only these and fetches rows with ``get_many`` as they are shown.
    """
    c = jobs_t.c
    expr = _sort_expr(db, sort, utcnow())
    order = [expr.desc() if descending else expr.asc()]
    if sort != "id":
        order.append(c.id.desc() if descending else c.id.asc())
    stmt = _filtered(db, select(c.id).order_by(*order), flt)
    with db.connect_read() as conn:
        # integers that need no processing: read from the DB-API cursor (SQLAlchemy's rows cost the window's first
        # load about 30 ms per 100,000 jobs)
        cursor = conn.execute(stmt).cursor
        return [row[0] for row in cursor.fetchall()]


def count_jobs(db: Database, **flt: Unpack[Filter]) -> int:
    """How many jobs ``list_jobs`` would return without a limit."""
    stmt = _filtered(db, select(func.count()).select_from(jobs_t), flt)
    with db.connect_read() as conn:
        return int(conn.execute(stmt).scalar() or 0)


def count_by_status(db: Database, **flt: Unpack[Filter]) -> dict[str, int]:
    c = jobs_t.c
    stmt = _filtered(db, select(c.status, func.count()).group_by(c.status), flt)
    with db.connect_read() as conn:
        return {str(k): int(v) for k, v in conn.execute(stmt).all()}


def between(
    db: Database, since: dt.datetime, until: dt.datetime, *, user: str, all_users: bool, limit: int
) -> list[JobSnapshot]:
    """The jobs (visible to ``user``) that lived between ``since`` and ``until``: created before ``until`` and
    not ended before ``since``; the ``limit`` most recent, oldest first, with their waiting reasons."""
    stmt = (
        select(jobs_t)
        .where(
            _visible(user, all_users),
            jobs_t.c.created_at <= until,
            or_(jobs_t.c.finished_at.is_(None), jobs_t.c.finished_at >= since),
        )
        .order_by(jobs_t.c.id.desc())
        .limit(limit)
    )
    with db.connect_read() as conn:
        snaps = [JobSnapshot.from_row(r) for r in conn.execute(stmt)]
    snaps.reverse()
    return annotate(db, snaps)
