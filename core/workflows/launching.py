"""One function that records a job with what it waits for and where it came from."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete

from core.errors import UsageError
from core.messages import msg
from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database
from core.store.schema import Job, table
from core.workflows import dependencies, origins


def submit(
    db: Database,
    operation: str,
    params: dict[str, Any],
    *,
    owner: str,
    queue: str | None = None,
    priority: int = 0,
    at: str | dt.datetime | None = None,
    label: str | None = None,
    description: str | None = None,
    parent_id: int | None = None,
    after: Sequence[int] = (),
    run_anyway: bool = False,
    profile: str | None = None,
    origin: str | None = None,
    chain_run: int | None = None,
    chain_step: int | None = None,
    due_at: dt.datetime | None = None,
    validate: bool = True,
) -> JobSnapshot:
    """Record a job (the store's ``submit``); with ``after`` it waits SCHEDULED, without a start time, until
    :func:`~core.workflows.dependencies.release` moves it on. The caller checked that the parents exist and
    may be waited for. Nothing stays written when recording its parents or origin fails."""
    after = dependencies.unique(after)
    if after and at is not None:
        raise UsageError(msg("flow.after_at"), field="at")
    if run_anyway and not after:
        raise UsageError(msg("flow.run_anyway_alone"), field="run_anyway")
    snap = jobs.submit(
        db,
        operation,
        params,
        owner=owner,
        queue=queue,
        priority=priority,
        at=dependencies.HELD if after else at,
        label=label,
        description=description,
        parent_id=parent_id,
        validate=validate,
    )
    try:
        with db.connect_write() as conn:
            if after:
                dependencies.record(conn, snap.id, after, run_anyway=run_anyway)
                dependencies.hold(conn, snap.id)
            if profile is not None or origin is not None or chain_run is not None:
                origins.record(
                    conn,
                    snap.id,
                    profile=profile,
                    origin=origin,
                    chain_run=chain_run,
                    chain_step=chain_step,
                    due_at=due_at,
                )
    except BaseException:
        with contextlib.suppress(Exception), db.connect_write() as conn:
            conn.execute(delete(table(Job)).where(table(Job).c.id == snap.id))
        raise
    if after:
        released = dependencies.release(db, only=[snap.id])
        snap = released[0] if released else jobs.get_many(db, [snap.id])[0]
    return snap
