"""Running a saved profile or a chain: every parameter is checked before any job is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert

from core.operations import OperationEnv, registry
from core.records import JobSnapshot
from core.store.db import Database
from core.store.schema import table, utcnow
from core.workflows import launching, origins
from core.workflows.profiles import ChainRecord, ProfileRecord, get_profile
from core.workflows.tables import ChainRun

Check = Callable[[str, dict[str, Any]], dict[str, Any]]
"""``check(operation, params) -> validated params`` (the Tracker's check, or the operation's own validate)."""


def validator(db: Database, owner: str) -> Check:
    """The check an engine uses (no Tracker there): the operation's schema, as the owner."""

    def check(operation: str, params: dict[str, Any]) -> dict[str, Any]:
        return registry.get(operation).validate(dict(params), OperationEnv(db, owner))

    return check


def run_profile(
    db: Database,
    profile: ProfileRecord,
    *,
    check: Check | None = None,
    overrides: dict[str, Any] | None = None,
    origin: str = origins.MANUAL,
    due_at: dt.datetime | None = None,
) -> JobSnapshot:
    """One job from ``profile`` (with ``overrides`` merged into its parameters), owned by the profile's owner."""
    check = check or validator(db, profile.owner)
    params = check(profile.operation, {**profile.params, **(overrides or {})})
    return launching.submit(
        db,
        profile.operation,
        params,
        owner=profile.owner,
        queue=profile.queue,
        priority=profile.priority,
        label=profile.label,
        profile=profile.name,
        origin=origin,
        due_at=due_at,
        validate=False,
    )


def run_chain(
    db: Database,
    chain: ChainRecord,
    *,
    check: Check | None = None,
    origin: str = origins.MANUAL,
    due_at: dt.datetime | None = None,
) -> list[JobSnapshot]:
    """One job per step, each after the previous one; the ``finally`` step after the last, run anyway. The jobs
    share one chain-run id. Every profile is read and every parameter checked before the first job is written."""
    check = check or validator(db, chain.owner)
    steps = [get_profile(db, chain.owner, name) for name in chain.profiles]
    params = [check(p.operation, dict(p.params)) for p in steps]
    with db.connect_write() as conn:
        run_id = int(
            conn.execute(
                insert(table(ChainRun)).returning(table(ChainRun).c.id),
                {"chain": chain.name, "owner": chain.owner, "origin": origin, "created_at": utcnow()},
            ).scalar_one()
        )
    out: list[JobSnapshot] = []
    for i, (p, clean) in enumerate(zip(steps, params, strict=True)):
        is_finally = chain.finally_profile is not None and i == len(steps) - 1
        out.append(
            launching.submit(
                db,
                p.operation,
                clean,
                owner=chain.owner,
                queue=p.queue,
                priority=p.priority,
                label=p.label,
                after=[out[-1].id] if out else (),
                run_anyway=is_finally,
                profile=p.name,
                origin=origin,
                chain_run=run_id,
                chain_step=i + 1,
                due_at=due_at,
                validate=False,
            )
        )
    return out
