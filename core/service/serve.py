"""An engine process's life around its :class:`~core.engine.Engine`: the lock, the channel, the idle exit.

``asyncops engine serve`` (background, kind ``service``) and ``asyncops worker`` (foreground, kind ``worker``)
both run through :class:`EngineService`:

1. take the engine lock of (database, user) — the background engine leaves if another engine holds it; a
   foreground worker runs anyway, without the lock and the channel (several workers may serve one database);
2. write who holds it (pid, engine id, socket) into the lock file, then let go of the start lock the starter
   handed down (see :mod:`core.service.spawn`);
3. open the event channel, start the engine;
4. run until stopped (SIGTERM, Ctrl-C) or, for the background engine, idle for ``engine.idle_exit`` seconds;
5. shut the engine down gracefully, close the channel, and only then release the lock — a free lock means
   this engine's jobs are settled. After an idle exit it checks the queue once more: a job submitted while it
   was leaving (whose client saw the lock still held) gets a fresh engine.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from enum import StrEnum
from typing import Any

import psutil

from core.engine import Engine
from core.notify import EmailNotifier, subscribe
from core.records import JobSnapshot
from core.service.channel import ChannelServer
from core.service.idle import IdleWatch
from core.service.lock import EngineLock, LockInfo, lock_path, socket_path
from core.service.spawn import ensure_engine
from core.store import jobs
from core.store.db import Database

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    IDLE = "idle"  # left after the idle time
    STOPPED = "stopped"  # asked to stop
    TAKEN = "taken"  # another engine holds the lock (the background engine then does not start)


class EngineService:
    def __init__(
        self,
        db: Database,
        *,
        kind: str = "service",
        queues: list[str] | None = None,
        idle_exit: float | None = None,
        grace: float = 10.0,
        start_fd: int | None = None,
        tick: float = 0.1,
    ) -> None:
        self.db = db
        self.kind = kind
        self.queues = queues
        self.grace = grace
        self.start_fd = start_fd
        self.stop = threading.Event()
        self.engine = Engine(db, kind=kind, queues=queues, tick=tick)
        self.lock: EngineLock | None = None
        self.mail: EmailNotifier | None = None  # mails the owners of the jobs it runs (core/notify.py)
        self.channel: ChannelServer | None = None
        self.idle = (
            IdleWatch(
                db,
                running=self.engine.running_ids,
                kind=kind,
                queues=tuple(queues) if queues is not None else None,
                idle_exit=idle_exit,
            )
            if kind == "service"
            else None
        )

    @property
    def background(self) -> bool:
        return self.kind == "service"

    def start(self) -> bool:
        """Take the lock, open the channel, start the engine. False (nothing started) when the background
        engine finds another engine holding the lock."""
        try:
            # a foreground worker serving only some queues never takes the lock: the background engine may
            # still be needed for the others
            if self.background:
                self.lock = EngineLock.acquire(lock_path(self.db.url), timeout=1.0)
            elif not self.queues:
                try:
                    self.lock = EngineLock.acquire(lock_path(self.db.url), timeout=0.1)
                except OSError as exc:  # no runtime folder: a foreground worker still runs
                    log.warning("cannot take the engine lock (%s): clients will not find this worker", exc)
            if self.lock is None and self.background:
                return False
            if self.lock is not None:
                sock = socket_path(self.db.url)
                self.lock.write(
                    LockInfo(
                        pid=os.getpid(),
                        engine_id=self.engine.id,
                        kind=self.kind,
                        url=self.db.display_url,
                        socket=str(sock),
                        started=psutil.Process().create_time(),
                        queues=list(self.queues or ()),
                    )
                )
                self.channel = ChannelServer(
                    sock,
                    self.engine.bus,
                    on_wake=self._woken,
                    lookup=lambda ids: jobs.get_many(self.db, ids),
                    hello={"engine_id": self.engine.id, "pid": os.getpid(), "kind": self.kind},
                    on_run=self._run_now,
                )
                try:
                    self.channel.start()
                except OSError:
                    log.exception("cannot open the event channel at %s; clients will poll", sock)
                    self.channel = None
        finally:
            self._release_start_lock()  # the next starter now finds this engine (or retries)
        self.mail = subscribe(self.engine)
        self.engine.start()
        return True

    def _release_start_lock(self) -> None:
        if self.start_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.start_fd)
            self.start_fd = None

    def _run_now(self, request: dict[str, Any]) -> JobSnapshot:
        """A client's "run now" (the window's): record the job and start it at once, past its queue's wait."""
        snap, _ = self.engine.start_inline(
            str(request["operation"]),
            dict(request.get("params") or {}),
            owner=str(request["owner"]),
            priority=int(request.get("priority") or 0),
            label=request.get("label"),
            description=request.get("description"),
            validate=False,  # the client checked them (Tracker.check), as the CLI's inline run does
        )
        self._woken()
        return snap

    def _woken(self) -> None:
        self.engine.wake()
        if self.idle is not None:
            self.idle.poke()

    def run(self) -> Outcome:
        """Until ``stop`` is set, or (background) the idle time has passed."""
        if self.idle is not None:
            return Outcome.IDLE if self.idle.wait(self.stop) else Outcome.STOPPED
        self.stop.wait()
        return Outcome.STOPPED

    def close(self, outcome: Outcome = Outcome.STOPPED) -> None:
        self.engine.shutdown(grace=self.grace)
        if self.mail is not None:
            self.mail.close()  # the mail of the last jobs: a few seconds at most
        if self.channel is not None:
            self.channel.close()
        if self.lock is not None:
            self.lock.release()
        if outcome is Outcome.IDLE and self.idle is not None and self.idle.busy():
            log.info("work arrived while leaving: starting a fresh engine")
            ensure_engine(self.db.url)
