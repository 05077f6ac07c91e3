"""The engines table: who serves the database, their heartbeats (shown, and a last resort for other hosts), and
which engines are gone.

An engine of this host is judged only by what the OS proves: the engine lock that names it is free, or its
process no longer exists. A stopped (SIGSTOP), suspended or very busy engine keeps its lock and its process, so
it is alive however old its heartbeat. The heartbeat's age decides only for an engine of another host sharing a
SQLite file, which nothing here can check (on PostgreSQL the engines judge each other by the server's advisory
locks: :mod:`core.store.liveness`)."""

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


def gone_by_lock(engine_id: str) -> bool:
    """True when a lock file of this user on this host names ``engine_id`` and is free (the OS released it);
    False when it is held, or when no lock file names the engine (not every engine holds one)."""
    # imported here: core.service builds on the store; its lock module needs nothing but core.store.db
    from core.service.lock import find_lock, is_alive

    path = find_lock(engine_id)
    return path is not None and not is_alive(path)


def local_engine_gone(engine_id: str, pid: int, started_at: dt.datetime) -> bool:
    """Whether an engine of this host is provably gone: its lock is free, or its process is gone."""
    return process_gone(pid, started_at) or gone_by_lock(engine_id)


def dead_engines(db: Database, dead_after: float, *, exclude: str | None = None) -> list[str]:
    """Engines of this host that are provably gone (lock or process: never by the clock), engines of other hosts
    silent for ``dead_after`` seconds, and the workers named by running jobs whose engine row is gone."""
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
        if r.host == host:
            if local_engine_gone(r.id, r.pid, r.started_at):
                dead.append(r.id)
        elif now - r.heartbeat_at > dt.timedelta(seconds=dead_after):
            dead.append(r.id)
    known = {r.id for r in rows}
    # Running jobs whose engine row is gone entirely (it was removed, or never written): recover them too, unless
    # a lock of this host held by that engine proves it alive.
    orphans = [w for w in orphan_workers if w and w not in known and w != exclude]
    if orphans:
        from core.service.lock import is_alive

        dead.extend(w for w in orphans if not is_alive(w))
    return dead
