"""Queries the desktop needs that core does not offer yet.

Every function here is plain core code (SQLAlchemy, no Qt) kept apart so the core's owner can move it into
``core/jobs.py`` / ``core/settings.py`` unchanged; the desktop imports them from here until then.

* ``job_ids``: the ordered ids of the visible jobs under a filter and a sort (the lazy table keeps only these,
  Anki-browser style, and fetches rows with ``jobs.get_many`` on demand).
* ``count_by_status``: the status bar's counts.
* ``save_thresholds``: several thresholds in one transaction (the dialog saves all or nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Float, cast, func, literal, or_, select

from core import settings
from core.db import Database
from core.errors import UsageError
from core.models import Job, Setting
from core.status import JobStatus

jobs_t = Job.__table__

SORT_KEYS = ("id", "operation", "label", "status", "progress", "warnings", "errors", "queue", "created_at",
             "started_at", "duration", "owner")  # fmt: skip


def _sort_expr(db: Database, key: str, now: dt.datetime) -> Any:
    c = jobs_t.c
    if key == "progress":
        return cast(c.progress_done, Float) / func.nullif(c.progress_total, 0)
    if key == "duration":
        end = func.coalesce(c.finished_at, literal(now.replace(tzinfo=None)))
        if db.engine.dialect.name == "sqlite":
            return func.julianday(end) - func.julianday(c.started_at)
        return func.extract("epoch", end - c.started_at)
    if key not in SORT_KEYS:
        raise UsageError(f"cannot sort by {key!r} (keys: {', '.join(SORT_KEYS)})")
    return getattr(c, key)


def job_ids(
    db: Database,
    *,
    user: str,
    all_users: bool = False,
    statuses: Iterable[str] | None = None,
    operation: str | None = None,
    search: str | None = None,
    sort: str = "id",
    descending: bool = True,
) -> list[int]:
    """Ids of the jobs ``list_jobs`` would return under the same filter, in the given order (ties by id)."""
    c = jobs_t.c
    expr = _sort_expr(db, sort, dt.datetime.now(dt.UTC))
    order = [expr.desc() if descending else expr.asc()]
    if sort != "id":
        order.append(c.id.desc() if descending else c.id.asc())
    stmt = select(c.id).order_by(*order)
    if not all_users:
        stmt = stmt.where(c.owner == user)
    statuses = [str(JobStatus(s.upper())) for s in statuses or ()]
    if statuses:
        stmt = stmt.where(c.status.in_(statuses))
    if operation:
        stmt = stmt.where(c.operation == operation)
    if search:
        like = f"%{search}%"
        stmt = stmt.where(or_(c.label.ilike(like), c.operation.ilike(like), c.description.ilike(like)))
    with db.connect_read() as conn:
        return list(conn.execute(stmt).scalars())


def count_by_status(db: Database, *, user: str, all_users: bool = False) -> dict[str, int]:
    c = jobs_t.c
    stmt = select(c.status, func.count()).group_by(c.status)
    if not all_users:
        stmt = stmt.where(c.owner == user)
    with db.connect_read() as conn:
        return {str(k): int(v) for k, v in conn.execute(stmt).all()}


def save_thresholds(db: Database, values: Mapping[tuple[str, str], int]) -> None:
    """Validate every (operation, item) -> value first, then write them all in one transaction."""
    for (operation, item), value in values.items():
        settings._check_threshold(operation, item, int(value))  # noqa: SLF001 - same checks as set_threshold
    with db.write() as s:
        for (operation, item), value in values.items():
            key = f"threshold.{operation}.{item}"
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=int(value)))
            else:
                row.value = int(value)
