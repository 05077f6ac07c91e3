"""Why a job waits for others, and what it waits for: reads only, importing nothing of the store's job
statements, so that the store's ``annotate`` may call :func:`waiting_reason` without an import cycle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from core.messages import Message, define, msg
from core.records import JobSnapshot
from core.status import TERMINAL as TERMINAL_STATUSES
from core.status import JobStatus
from core.store.db import Database
from core.store.schema import Job, table
from core.workflows.tables import JobDependency

define("wait.after", "waits for job #{id}")
define("wait.after_more", "waits for job #{id} and {more} more")

S = JobStatus
jobs_t = table(Job)
dep_t = table(JobDependency)
TERMINAL = sorted(str(s) for s in TERMINAL_STATUSES)


def _waiting_edges() -> Any:
    parent = jobs_t.alias("parent")
    child = jobs_t.alias("child")
    return (
        select(dep_t.c.job_id, dep_t.c.parent_id, dep_t.c.run_anyway, parent.c.status)
        .join(child, child.c.id == dep_t.c.job_id)
        .outerjoin(parent, parent.c.id == dep_t.c.parent_id)
        .where(child.c.status == str(S.SCHEDULED), child.c.scheduled_for.is_(None))
        .order_by(dep_t.c.job_id, dep_t.c.parent_id)
    )


# built once: every engine reads it twice a second, and building its aliases cost more than running it
_WAITING_EDGES = _waiting_edges()


def waiting_edges(conn: Connection, only: Sequence[int] | None) -> dict[int, list[Any]]:
    """Per waiting job: its edges with the parent's status (None when the parent was removed)."""
    stmt = _WAITING_EDGES
    if only is not None:
        stmt = stmt.where(dep_t.c.job_id.in_(list(only)))
    out: dict[int, list[Any]] = {}
    for r in conn.execute(stmt):
        out.setdefault(r.job_id, []).append(r)
    return out


def parents_of(db: Database, ids: Sequence[int]) -> dict[int, list[int]]:
    """What each job of ``ids`` waits (or waited) for."""
    out: dict[int, list[int]] = {}
    if not ids:
        return out
    with db.connect_read() as conn:
        for i in range(0, len(ids), 500):
            stmt = (
                select(dep_t.c.job_id, dep_t.c.parent_id)
                .where(dep_t.c.job_id.in_(list(ids[i : i + 500])))
                .order_by(dep_t.c.job_id, dep_t.c.parent_id)
            )
            for job_id, parent_id in conn.execute(stmt):
                out.setdefault(job_id, []).append(parent_id)
    return out


def waiting_reason(db: Database, snaps: list[JobSnapshot]) -> list[JobSnapshot]:
    """``snaps`` with the waiting reason of each job that waits for others ("waits for job #ID"); others as
    they are. The store's ``annotate`` calls it last, so this reason replaces "next in queue"."""
    held = [s.id for s in snaps if s.status is S.SCHEDULED and s.scheduled_for is None]
    if not held:
        return snaps
    with db.connect_read() as conn:
        edges = waiting_edges(conn, held)
    reasons: dict[int, Message] = {}
    for job_id, rows in edges.items():
        pending = [e.parent_id for e in rows if e.status is not None and e.status not in TERMINAL]
        if pending:
            first = pending[0]
            more = len(pending) - 1
            reasons[job_id] = msg("wait.after_more", id=first, more=more) if more else msg("wait.after", id=first)
    if not reasons:
        return snaps
    return [s.replace(waiting=reasons[s.id]) if s.id in reasons else s for s in snaps]
