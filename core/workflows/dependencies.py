"""``--after``: a job that waits until other jobs have ended.

A waiting job is stored SCHEDULED with no ``scheduled_for``: the engine's claim takes QUEUED jobs only and
``promote_due`` never promotes a NULL time, so it stays put until :func:`release` moves it on. Its parents are
rows of ``job_dependencies``. :func:`release` is a compare-and-set from SCHEDULED, so several engines may call
it at once: each job is moved by exactly one of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from core.errors import NotAllowed, NotFound, UsageError
from core.messages import Message, define, msg
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import Job, table, utcnow
from core.workflows import reasons
from core.workflows.tables import JobDependency

define("flow.parent_failed", "not run: job #{id}, which it waited for, ended {status}")
define("flow.parent_removed", "not run: job #{id}, which it waited for, was removed")
define("flow.after_unknown", "--after {id}: there is no job #{id}")
define("flow.after_foreign", "--after {id}: job #{id} belongs to another user: not allowed")
define("flow.after_cycle", "--after {id}: job #{id} already waits for job #{job}: that would be a cycle")
define("flow.after_at", "--after and --at cannot be combined: a job that waits for others starts when they end")
define("flow.run_anyway_alone", "--run-anyway needs --after: it says what to do when a job waited for fails")

S = JobStatus
jobs_t = table(Job)
dep_t = table(JobDependency)
HELD = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)
"""The start time a dependent job has between its insert and the recording of its parents (never due)."""


def unique(ids: Iterable[int]) -> list[int]:
    out: list[int] = []
    for i in ids:
        if i not in out:
            out.append(int(i))
    return out


def check_parents(db: Database, parents: Sequence[int], *, user: str, admin: bool) -> list[int]:
    """The parents, once each; NotFound / NotAllowed (exit 3) for an unknown job or another person's."""
    ids = unique(parents)
    if not ids:
        return ids
    with db.connect_read() as conn:
        owners = dict(conn.execute(select(jobs_t.c.id, jobs_t.c.owner).where(jobs_t.c.id.in_(ids))).all())
    for i in ids:
        if i not in owners:
            raise NotFound(msg("flow.after_unknown", id=i))
        if not admin and owners[i] != user:
            raise NotAllowed(msg("flow.after_foreign", id=i))
    return ids


def ancestors(conn: Connection, start: Iterable[int]) -> set[int]:
    """Every job that the jobs of ``start`` wait for, directly or not."""
    seen: set[int] = set()
    frontier = set(start)
    while frontier:
        rows = conn.execute(select(dep_t.c.parent_id).where(dep_t.c.job_id.in_(sorted(frontier)))).scalars()
        frontier = set(rows) - seen
        seen |= frontier
    return seen


def record(conn: Connection, job_id: int, parents: Sequence[int], *, run_anyway: bool = False) -> None:
    """Inside the caller's write transaction: ``job_id`` waits for ``parents``. UsageError (exit 2) for a cycle."""
    parents = unique(parents)
    for p in parents:
        if p == job_id or job_id in ancestors(conn, [p]):
            raise UsageError(msg("flow.after_cycle", id=p, job=job_id), field="after")
    existing = set(conn.execute(select(dep_t.c.parent_id).where(dep_t.c.job_id == job_id)).scalars())
    rows = [{"job_id": job_id, "parent_id": p, "run_anyway": run_anyway} for p in parents if p not in existing]
    if rows:
        conn.execute(insert(dep_t), rows)


def add(db: Database, job_id: int, parents: Sequence[int], *, run_anyway: bool = False) -> None:
    """An existing job also waits for ``parents`` (cycles refused, nothing written then)."""
    with db.connect_write() as conn:
        record(conn, job_id, parents, run_anyway=run_anyway)


def hold(conn: Connection, job_id: int) -> None:
    """The job just inserted SCHEDULED at :data:`HELD` now waits for its parents (no start time)."""
    conn.execute(
        update(jobs_t)
        .where(jobs_t.c.id == job_id, jobs_t.c.status == str(S.SCHEDULED))
        .values(scheduled_for=None, updated_at=utcnow())
    )


def forget(conn: Connection, job_id: int) -> None:
    conn.execute(delete(dep_t).where(dep_t.c.job_id == job_id))


def _decide(edges: list[Any]) -> tuple[JobStatus, Message | None] | None:
    """QUEUED, or STOPPED with the reason, once every parent has ended; None while one still runs or waits."""
    if any(e.status is not None and e.status not in reasons.TERMINAL for e in edges):
        return None
    for e in edges:
        if e.run_anyway or e.status == str(S.SUCCEEDED):
            continue
        if e.status is None:
            return S.STOPPED, msg("flow.parent_removed", id=e.parent_id)
        return S.STOPPED, msg("flow.parent_failed", id=e.parent_id, status=e.status)
    return S.QUEUED, None


def release(db: Database, now: dt.datetime | None = None, *, only: Sequence[int] | None = None) -> list[JobSnapshot]:
    """Every waiting job whose parents have all ended becomes QUEUED, or STOPPED (with a message naming the
    parent and how it ended) when one did not succeed and the job was not submitted ``--run-anyway``.

    Compare-and-set from SCHEDULED: safe when several engines call it at once. Repeats until nothing moves,
    so a stopped job's own dependents are released in the same call. Returns the jobs it moved."""
    now = now or utcnow()
    moved: list[JobSnapshot] = []
    for _ in range(1000):  # each pass moves at least one job, or ends the loop
        with db.connect_read() as conn:
            waiting = reasons.waiting_edges(conn, only)
        decisions = [(job_id, d) for job_id, edges in waiting.items() if (d := _decide(edges)) is not None]
        if not decisions:
            break
        passed: list[JobSnapshot] = []
        with db.connect_write() as conn:
            for job_id, (status, reason) in decisions:
                fields: dict[str, Any] = {"updated_at": now}
                if reason is not None:
                    fields.update(message=reason.text, message_data=reason.to_json(), finished_at=now)
                snap = jobs.transition(conn, job_id, status, expect=(S.SCHEDULED,), **fields)
                if snap is not None:
                    passed.append(snap)
        moved.extend(passed)
        if only is not None:
            break
    return moved
