"""The engines table: who serves the database, their heartbeats (shown, and a last resort), and which engines
are gone (on this host, a process that no longer exists)."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Sequence

import psutil
from sqlalchemy import delete, select, update

from core.status import RUNNING
from core.store.db import Database
from core.store.schema import EngineRow, Job, table, utcnow

jobs_t = table(Job)
_RUNNING = [str(s) for s in RUNNING]


def register_engine(db: Database, engine_id: str, kind: str, queues: Sequence[str]) -> None:
    now = utcnow()
    with db.write() as s:
        s.merge(
            EngineRow(
                id=engine_id,
                host=socket.gethostname(),
                pid=psutil.Process().pid,
                kind=kind,
                queues=list(queues),
                started_at=now,
                heartbeat_at=now,
            )
        )


def heartbeat(db: Database, engine_id: str) -> bool:
    """Returns False when the engine's row is gone (another engine declared it dead)."""
    with db.connect_write() as conn:
        return bool(
            conn.execute(
                update(table(EngineRow)).where(EngineRow.id == engine_id).values(heartbeat_at=utcnow())
            ).rowcount
        )


def unregister_engine(db: Database, engine_id: str) -> None:
    with db.connect_write() as conn:
        conn.execute(delete(table(EngineRow)).where(EngineRow.id == engine_id))


def process_gone(pid: int, started_at: dt.datetime) -> bool:
    try:
        proc = psutil.Process(pid)
        created = dt.datetime.fromtimestamp(proc.create_time(), dt.UTC)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return True
    if proc.status() == psutil.STATUS_ZOMBIE:
        return True
    return created > started_at + dt.timedelta(seconds=2)  # the pid was reused by a newer process


def dead_engines(db: Database, dead_after: float, *, exclude: str | None = None) -> list[str]:
    """Engines silent for ``dead_after`` seconds, and engines of this host whose process is gone."""
    now = utcnow()
    host = socket.gethostname()
    with db.connect_read() as conn:
        rows = list(
            conn.execute(
                select(EngineRow.id, EngineRow.host, EngineRow.pid, EngineRow.started_at, EngineRow.heartbeat_at)
            )
        )
        orphan_workers = set(
            conn.execute(select(jobs_t.c.worker).where(jobs_t.c.status.in_(_RUNNING)).distinct()).scalars()
        )
    dead = []
    for r in rows:
        if r.id == exclude:
            continue
        if now - r.heartbeat_at > dt.timedelta(seconds=dead_after) or (
            r.host == host and process_gone(r.pid, r.started_at)
        ):
            dead.append(r.id)
    known = {r.id for r in rows}
    # Running jobs whose engine row is gone entirely (it was removed, or never written): recover them too.
    dead.extend(w for w in orphan_workers if w and w not in known and w != exclude)
    return dead
