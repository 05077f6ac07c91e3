"""Where a job came from: its saved profile, ``manual`` or ``schedule``, and the chain run it belongs to.

Kept in ``job_origins`` keyed by job id. :func:`annotate` fills the snapshots' ``profile``, ``origin``,
``chain_run`` and ``after`` (the jobs it waits or waited for), which ``to_json`` carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from core.records import JobSnapshot
from core.store.db import Database
from core.store.schema import Job, table
from core.workflows import reasons
from core.workflows.tables import ChainRun, JobOrigin

MANUAL = "manual"
SCHEDULE = "schedule"
ORIGINS = (MANUAL, SCHEDULE)

origin_t = table(JobOrigin)
jobs_t = table(Job)
chain_runs_t = table(ChainRun)


def record(
    conn: Connection,
    job_id: int,
    *,
    profile: str | None = None,
    origin: str | None = None,
    chain_run: int | None = None,
    chain_step: int | None = None,
    due_at: dt.datetime | None = None,
) -> None:
    """Inside the caller's write transaction."""
    conn.execute(
        insert(origin_t),
        {
            "job_id": job_id,
            "profile": profile,
            "origin": origin or MANUAL,
            "chain_run": chain_run,
            "chain_step": chain_step,
            "due_at": due_at,
        },
    )


def of(db: Database, ids: Sequence[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    with db.connect_read() as conn:
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            out.update({r.job_id: r for r in conn.execute(select(origin_t).where(origin_t.c.job_id.in_(chunk)))})
    return out


def annotate(db: Database, snaps: list[JobSnapshot]) -> list[JobSnapshot]:
    """``snaps`` with ``profile``, ``origin``, ``chain_run`` and ``after`` filled."""
    if not snaps:
        return snaps
    ids = [s.id for s in snaps]
    rows = of(db, ids)
    parents = reasons.parents_of(db, ids)
    out: list[JobSnapshot] = []
    for s in snaps:
        r = rows.get(s.id)
        after = tuple(parents.get(s.id, ()))
        if r is None and not after:
            out.append(s)
            continue
        out.append(
            s.replace(
                profile=r.profile if r is not None else None,
                origin=r.origin if r is not None else None,
                chain_run=r.chain_run if r is not None else None,
                after=after,
            )
        )
    return out


def job_ids_of_profile(db: Database, profile: str, *, owner: str | None = None) -> list[int]:
    """Ids of the jobs started from ``profile`` (of ``owner``'s jobs when given), newest first."""
    stmt = (
        select(origin_t.c.job_id)
        .join(jobs_t, jobs_t.c.id == origin_t.c.job_id)
        .where(origin_t.c.profile == profile)
        .order_by(origin_t.c.job_id.desc())
    )
    if owner is not None:
        stmt = stmt.where(jobs_t.c.owner == owner)
    with db.connect_read() as conn:
        return list(conn.execute(stmt).scalars())


def job_ids_of_chain_run(db: Database, chain_run: int) -> list[int]:
    with db.connect_read() as conn:
        return list(
            conn.execute(
                select(origin_t.c.job_id).where(origin_t.c.chain_run == chain_run).order_by(origin_t.c.chain_step)
            ).scalars()
        )


def chain_name(db: Database, chain_run: int) -> str:
    """The name of the chain a run belongs to ("" for an unknown run)."""
    with db.connect_read() as conn:
        return conn.execute(select(chain_runs_t.c.chain).where(chain_runs_t.c.id == chain_run)).scalar() or ""
