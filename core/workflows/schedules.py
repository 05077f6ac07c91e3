"""Recurring schedules: engines call :func:`fire_due` on each tick.

Each profile or chain with a schedule keeps its next due time (``next_due``, UTC). Firing is a compare-and-set
that moves ``next_due`` on from the value read, plus a ``schedule_runs`` row unique per (target, due time), in
one transaction: however many engines call :func:`fire_due` at once, exactly one of them fires a due time.

Times missed while no engine ran (``next_due`` long past) give one run at the next tick with ``catch_up="one"``
(the default), and none with ``catch_up="none"``; a due time is not missed while it is at most
:data:`ON_TIME` old. The job is written after the due time is taken: if writing it fails (its operation was
uninstalled, a parameter no longer validates), that due time is skipped and the profile's ``last_error`` says
why (at most once, never twice).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from core.errors import AsyncopsError
from core.records import JobSnapshot
from core.store.db import Database
from core.store.schema import table, utcnow
from core.workflows import cron, origins, profiles, runs
from core.workflows.tables import Chain, Profile, ScheduleRun

log = logging.getLogger(__name__)

ON_TIME = dt.timedelta(minutes=2)
"""How late a due time may still be fired with ``catch_up="none"`` (an engine ticks every few seconds)."""

runs_t = table(ScheduleRun)
TARGETS: dict[str, Any] = {"profile": table(Profile), "chain": table(Chain)}


def _take(db: Database, kind: str, row: Any, now: dt.datetime) -> tuple[bool, dt.datetime] | None:
    """Move ``row``'s next due time on by compare-and-set. None when another engine took it; otherwise whether
    to fire, and the due time fired."""
    t = TARGETS[kind]
    latest = cron.latest_at_or_before(row.schedule, now)
    if latest < row.next_due:  # the schedule was changed to later times meanwhile: nothing is due
        latest = row.next_due
    fire = row.catch_up == "one" or now - latest <= ON_TIME
    following = cron.next_after(row.schedule, now)
    with db.connect_write() as conn:
        won = conn.execute(
            update(t).where(t.c.id == row.id, t.c.next_due == row.next_due).values(next_due=following)
        ).rowcount
        if not won:
            return None
        if fire:
            taken = conn.execute(
                select(func.count())
                .select_from(runs_t)
                .where(runs_t.c.kind == kind, runs_t.c.target_id == row.id, runs_t.c.due_at == latest)
            ).scalar()
            if taken:
                fire = False
            else:
                conn.execute(
                    insert(runs_t),
                    {"kind": kind, "target_id": row.id, "due_at": latest, "fired_at": now},
                )
    return fire, latest


def _note(db: Database, kind: str, target_id: int, due: dt.datetime, **values: Any) -> None:
    with db.connect_write() as conn:
        conn.execute(
            update(runs_t)
            .where(runs_t.c.kind == kind, runs_t.c.target_id == target_id, runs_t.c.due_at == due)
            .values(**values)
        )


# built once per kind: every engine asks twice a second
_DUE = {
    kind: select(t).where(t.c.schedule.is_not(None), t.c.next_due.is_not(None), t.c.next_due <= bindparam("now"))
    for kind, t in TARGETS.items()
}


def _due(db: Database, kind: str, now: dt.datetime) -> list[Any]:
    with db.connect_read() as conn:
        return list(conn.execute(_DUE[kind], {"now": now}).all())


def fire_due(db: Database, now: dt.datetime | None = None) -> list[JobSnapshot]:
    """Fire every profile and chain whose next due time has come: one job (a chain: one job per step) per due
    time, whatever the number of engines calling at once. Returns the jobs written (to publish)."""
    now = now or utcnow()
    created: list[JobSnapshot] = []
    for kind in ("profile", "chain"):
        for row in _due(db, kind, now):
            taken = _take(db, kind, row, now)
            if taken is None or not taken[0]:
                continue
            due = taken[1]
            try:
                if kind == "profile":
                    snap = runs.run_profile(
                        db, profiles.ProfileRecord.from_row(row), origin=origins.SCHEDULE, due_at=due
                    )
                    _note(db, kind, row.id, due, job_id=snap.id)
                    created.append(snap)
                else:
                    snaps = runs.run_chain(db, profiles.ChainRecord.from_row(row), origin=origins.SCHEDULE, due_at=due)
                    run_id = origins.of(db, [snaps[0].id])[snaps[0].id].chain_run if snaps else None
                    _note(db, kind, row.id, due, chain_run=run_id)
                    created.extend(snaps)
                if row.last_error:
                    profiles.set_error(db, kind, row.id, None)
            except AsyncopsError as exc:
                log.warning("schedule of %s %r at %s not run: %s", kind, row.name, due, exc)
                profiles.set_error(db, kind, row.id, str(exc))
    return created


def next_fire(db: Database) -> dt.datetime | None:
    """The earliest next due time of any schedule (an engine sleeps until then at most)."""
    times: Sequence[dt.datetime | None]
    with db.connect_read() as conn:
        times = [conn.execute(select(func.min(t.c.next_due))).scalar() for t in TARGETS.values()]
    known = [t for t in times if t is not None]
    return min(known) if known else None
