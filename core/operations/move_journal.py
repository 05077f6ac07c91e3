"""The move journal: each move's plan (its steps) written in one transaction before anything moves, then worked
off step by step; the plans of finished jobs taken over, and plans refused at run time forgotten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update

from core import library as L

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.store.db import Database

plans_t = L.plans_t
steps_t = L.steps_t


def _write_plan(
    db: Database,
    lib: L.LibraryInfo,
    job_id: int | None,
    params: dict[str, Any],
    steps: list[tuple[str, dict[str, Any]]],
) -> int:
    with db.connect_write() as conn:
        plan_id = conn.execute(
            insert(plans_t)
            .values(library_id=lib.id, job_id=job_id, params=params, state="running", created_at=L.utcnow())
            .returning(plans_t.c.id)
        ).scalar_one()
        conn.execute(
            insert(steps_t),
            [{"plan_id": plan_id, "seq": i, "kind": k, "data": d, "done": False} for i, (k, d) in enumerate(steps)],
        )
    return int(plan_id)


def _plan_of_job(db: Database, job_id: int | None) -> int | None:
    if job_id is None:
        return None
    with db.connect_read() as conn:
        return conn.execute(
            select(plans_t.c.id).where(plans_t.c.job_id == job_id, plans_t.c.state == "running").order_by(plans_t.c.id)
        ).scalar()


def _unfinished(db: Database, lib: L.LibraryInfo) -> list[tuple[int, int | None, dict[str, Any]]]:
    with db.connect_read() as conn:
        return [
            (r.id, r.job_id, r.params)
            for r in conn.execute(
                select(plans_t.c.id, plans_t.c.job_id, plans_t.c.params)
                .where(plans_t.c.library_id == lib.id, plans_t.c.state == "running")
                .order_by(plans_t.c.id)
            )
        ]


def _open_plan(db: Database, lib: L.LibraryInfo, params: dict[str, Any]) -> int | None:
    """An unfinished plan of a move with exactly these parameters."""
    for plan_id, _, p in _unfinished(db, lib):
        if p == params:
            return plan_id
    return None


def _take_over(db: Database, ctx: JobContext, plan_id: int, job_id: int | None) -> bool:
    """Make the plan of a finished (dead, failed, stopped) job this job's; False when that job still runs or
    waits to run (it completes its own plan: this job is refused, that one is left as it is)."""
    from core.store import jobs

    if job_id is not None and job_id != ctx.job_id:
        snaps = jobs.get_many(db, [job_id])
        if snaps and not snaps[0].status.is_terminal:
            return False
    with db.connect_write() as conn:
        stmt = update(plans_t).where(plans_t.c.id == plan_id, plans_t.c.state == "running")
        stmt = stmt.where(plans_t.c.job_id.is_(None) if job_id is None else plans_t.c.job_id == job_id)
        return bool(conn.execute(stmt.values(job_id=ctx.job_id)).rowcount)


def _refuse(db: Database, plan_id: int) -> None:
    """The journal forgets a plan refused at run time: no later move completes it."""
    with db.connect_write() as conn:
        conn.execute(update(plans_t).where(plans_t.c.id == plan_id).values(state="refused"))
