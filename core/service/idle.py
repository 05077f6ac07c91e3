"""Idle exit of the background engine: it stays while anything it could run is queued, scheduled or running,
and leaves after ``engine.idle_exit`` seconds with nothing to do (0: never).

The setting lives in the database (so the window, the CLI and every engine agree); until the settings module
knows the key, it is read with ``settings.get_value`` and this module's default.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable

from sqlalchemy import func, select

from core.errors import UsageError
from core.status import RUNNING, WAITING
from core.store import settings
from core.store.db import Database
from core.store.schema import Job, table
from core.store.settings import QueueConfig

log = logging.getLogger(__name__)

IDLE_EXIT_KEY = "engine.idle_exit"
DEFAULT_IDLE_EXIT = 600.0


def idle_exit_seconds(db: Database) -> float:
    """``engine.idle_exit`` (seconds; 0 = never), the default when unset or unreadable."""
    try:
        value = settings.get_value(db, IDLE_EXIT_KEY, DEFAULT_IDLE_EXIT)
        seconds = float(value)
    except (TypeError, ValueError):
        return DEFAULT_IDLE_EXIT
    return seconds if seconds >= 0 else DEFAULT_IDLE_EXIT


def set_idle_exit(db: Database, text: str) -> float:
    """Store ``engine.idle_exit`` from its text (seconds, 0 = never); a bad value raises UsageError."""
    try:
        seconds = float(text)
    except ValueError:
        raise UsageError(f"{IDLE_EXIT_KEY} must be a number of seconds (0: never), not {text!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise UsageError(f"{IDLE_EXIT_KEY} must be 0 (never) or more seconds, not {text!r}")
    settings.put_value(db, IDLE_EXIT_KEY, seconds)
    return seconds


def served_queues(db: Database, kind: str, only: tuple[str, ...] | None) -> list[str]:
    """The queues an engine of ``kind`` serving ``only`` (None: all) takes jobs from (the engine's own rule)."""

    def serves(q: QueueConfig) -> bool:
        if only is not None:
            return q.name in only
        return not (q.workers_only and kind != "worker")

    return [q.name for q in settings.get_queues(db) if serves(q)]


def pending_jobs(db: Database, queues: list[str]) -> int:
    """Jobs of ``queues`` that are queued, scheduled or running (anywhere)."""
    if not queues:
        return 0
    jt = table(Job)
    statuses = [str(s) for s in WAITING | RUNNING]
    with db.connect_read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(jt).where(jt.c.status.in_(statuses), jt.c.queue.in_(queues))
            ).scalar_one()
        )


class IdleWatch:
    """Tells when an engine has had nothing to do for ``engine.idle_exit`` seconds.

    ``busy`` answers whether there is work now (the engine's running jobs, then the database); ``wait`` blocks
    until the engine has been idle long enough (True) or ``stop`` is set (False). The setting is read again at
    every check, so a change applies without a restart. ``poke`` counts as activity (a client's wake)."""

    def __init__(
        self,
        db: Database,
        *,
        running: Callable[[], list[int]],
        kind: str = "service",
        queues: tuple[str, ...] | None = None,
        idle_exit: float | None = None,
        check_every: float = 1.0,
    ) -> None:
        self.db = db
        self.running = running
        self.kind = kind
        self.queues = queues
        self.fixed = idle_exit
        self.check_every = check_every
        self._last_busy = time.monotonic()
        self._lock = threading.Lock()

    def limit(self) -> float:
        return self.fixed if self.fixed is not None else idle_exit_seconds(self.db)

    def poke(self) -> None:
        with self._lock:
            self._last_busy = time.monotonic()

    def busy(self) -> bool:
        if self.running():
            return True
        try:
            return pending_jobs(self.db, served_queues(self.db, self.kind, self.queues)) > 0
        except Exception:  # a database outage is not idleness: stay
            log.warning("cannot count pending jobs; staying", exc_info=True)
            return True

    def idle_for(self) -> float:
        if self.busy():
            self.poke()
        with self._lock:
            return time.monotonic() - self._last_busy

    def wait(self, stop: threading.Event) -> bool:
        while True:
            limit = self.limit()
            idle = self.idle_for()
            if limit > 0 and idle >= limit:
                return True
            pause = self.check_every if limit <= 0 else min(self.check_every, max(0.05, limit - idle))
            if stop.wait(pause):
                return False
