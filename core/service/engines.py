"""Which engines serve a database, and which of them are provably gone.

Proof, on this host: the engine lock that names an engine is free (the OS released it), or the engine's process
is gone (its pid is missing, or belongs to a newer process). An engine of another host is never declared gone
here: its heartbeat is only shown. Recovering the jobs of a gone engine uses the engine's ``housekeeping.recover``.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from core.engine import housekeeping
from core.events import EventBus
from core.operations import Operation, registry
from core.records import JobSnapshot, iso
from core.service.lock import LockInfo, holder, lock_path
from core.status import RUNNING
from core.store import jobs, liveness
from core.store.db import Database
from core.store.schema import EngineRow, Job, table

log = logging.getLogger(__name__)

_NEVER = 10**9  # seconds: dead_engines() with this age judges by the lock and the process only, never the clock


@dataclass(frozen=True)
class EngineInfo:
    id: str
    host: str
    pid: int
    kind: str  # service (background), worker, gui, inline
    queues: tuple[str, ...]
    running: int
    started_at: dt.datetime
    heartbeat_at: dt.datetime
    local: bool  # on this host
    background: bool  # the background engine of this database and user (holds its lock)
    alive: bool | None  # None: another host's engine (only its heartbeat is known)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "host": self.host,
            "pid": self.pid,
            "kind": self.kind,
            "queues": list(self.queues),
            "running": self.running,
            "since": iso(self.started_at),
            "heartbeat": iso(self.heartbeat_at),
            "local": self.local,
            "background": self.background,
            "alive": self.alive,
        }


def _rows(db: Database) -> tuple[list[Any], dict[str, int]]:
    jt = table(Job)
    et = table(EngineRow)
    with db.connect_read() as conn:
        rows = list(conn.execute(select(et)))
        running: dict[Any, Any] = dict(
            conn.execute(
                select(jt.c.worker, func.count())
                .where(jt.c.status.in_([str(s) for s in RUNNING]), jt.c.worker.is_not(None))
                .group_by(jt.c.worker)
            ).all()
        )
    return rows, {str(k): int(v) for k, v in running.items()}


def gone_engines(db: Database) -> list[str]:
    """Engines of this host that are provably gone: their lock is free, or their process is gone; and the
    workers named by running jobs whose engine row no longer exists."""
    host = socket.gethostname()
    rows, running = _rows(db)
    gone = set(jobs.dead_engines(db, _NEVER))  # this host's engines whose lock or process is gone, and orphans
    known = {r.id: r for r in rows}

    # an engine of another host is judged by its own host (or by the engines' heartbeat rule), never here
    def here(engine_id: str) -> bool:
        row = known.get(engine_id)
        return row.host == host if row is not None else engine_id.startswith(f"{host}:")

    return sorted(g for g in gone if g in running and here(g))


def _operations() -> dict[str, Operation]:
    """The operations this process knows: whether a recovered job can resume is the operation's to say."""
    return {op.name: op for op in registry.all()}


def recover_gone(db: Database, bus: EventBus | None = None) -> list[JobSnapshot]:
    """Recover the running jobs of this host's gone engines (INTERRUPTED, or QUEUED when resumable)."""
    out: list[JobSnapshot] = []
    for engine_id in gone_engines(db):
        recovered = housekeeping.recover(db, engine_id, _operations(), bus=bus)
        if recovered:
            log.warning("recovered %d job(s) of engine %s, which is gone", len(recovered), engine_id)
        out.extend(recovered)
    return out


def list_engines(db: Database) -> list[EngineInfo]:
    """Every engine registered on the database, with its running jobs and what is known of its liveness."""
    host = socket.gethostname()
    rows, running = _rows(db)
    mine: LockInfo | None = holder(lock_path(db.url))
    gone = set(jobs.dead_engines(db, _NEVER))
    # PostgreSQL: every engine holds its advisory lock while it lives, whatever its host; SQLite: another host's
    # engine cannot be judged from here (only its heartbeat is known)
    free = {} if db.is_sqlite else liveness.locks_free(db)
    out = []
    for r in rows:
        local = r.host == host
        holds_lock = mine is not None and mine.engine_id == r.id  # a foreground worker may hold it too
        background = holds_lock and mine is not None and mine.kind == "service"
        alive: bool | None
        if r.id in free:
            alive = not free[r.id]
        elif not local:
            alive = None
        elif holds_lock:
            alive = True
        else:
            alive = r.id not in gone
        out.append(
            EngineInfo(
                id=r.id,
                host=r.host,
                pid=r.pid,
                kind=r.kind,
                queues=tuple(r.queues or ()),
                running=running.get(r.id, 0),
                started_at=r.started_at,
                heartbeat_at=r.heartbeat_at,
                local=local,
                background=background,
                alive=alive,
            )
        )
    return sorted(out, key=lambda e: (not e.local, e.started_at))
