"""The end of an engine's shutdown grace: nothing it ran keeps running, and no job it held is left ACTIVE.

:meth:`core.engine.engine.Engine.shutdown` asks its jobs to stop and waits up to its grace for them. A job still
held when the grace runs out (a program that ignores SIGTERM under a longer grace of its own, an operation stuck in
a call) would otherwise stay ACTIVE or STOPPING in the database, its programs running on after the engine left.
So, before the engine exits:

1. each held job's log says that the grace ran out, and every process group a held job registered on this host
   (``JobContext.runtime``, see ``set_runtime``) gets SIGTERM, then SIGKILL after :data:`KILL_AFTER` seconds
   (:func:`end_programs`; the job's log says so);
2. the jobs' threads get :data:`SETTLE` seconds to record their own outcome, now that their programs are gone
   (the engine waits for them);
3. every job still held is written INTERRUPTED ("its engine shut down"), or STOPPED when a person had asked it to
   stop, with its log lines not written yet (:func:`write_held`).
"""

from __future__ import annotations

import functools
import logging
import os
import socket
import threading
import time
from collections.abc import Mapping
from typing import Any, cast

import psutil
from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from core.engine import hot
from core.engine.context import JobContext
from core.engine.processes import end_groups
from core.engine.writer import Writer
from core.events import EventBus, EventKind, JobEvent
from core.messages import Message, define, msg
from core.records import JobSnapshot, LogEntry
from core.status import RUNNING, JobStatus
from core.store import liveness
from core.store.db import Database
from core.store.jobs import append_log
from core.store.schema import Job

S = JobStatus
_jobs = cast(Table, Job.__table__)
log = logging.getLogger(__name__)

KILL_AFTER = 1.0
"""Seconds between the SIGTERM and the SIGKILL to a held job's process group once the engine's grace ran out
(the job's own stop already sent it SIGTERM when the grace began)."""
SETTLE = 3.0
"""Seconds the jobs' threads then get to record their own outcome."""

define("engine.grace_over", "still running when its engine's shutdown grace of {grace:g}s ran out")
define("engine.group_ended", "its engine shut down: ended its process group {pgid} ({signal})")
define(
    "engine.group_killed",
    "its engine shut down: ended its process group {pgid} "
    "({n} {n:plural:process|processes} still running {after:g}s after SIGTERM: SIGKILL)",
)


class Ending:
    """The engine's part that ends what its shutdown grace left running (a mixin of
    :class:`~core.engine.engine.Engine`, which owns the attributes below)."""

    db: Database
    id: str
    bus: EventBus
    _lock: threading.Lock
    _running: dict[int, JobContext]
    _ended: set[int]
    _settled: threading.Condition
    _writer: Writer

    def _await_jobs(self, deadline: float) -> bool:
        """Wait until no job runs in this engine, or until ``deadline``: True when none runs."""
        with self._settled:
            return self._settled.wait_for(lambda: not self._running, max(0.0, deadline - time.monotonic()))

    def _end_held(self, grace: float) -> None:
        """The shutdown grace ran out: say so in the log of each job still held, kill their programs, give their
        threads a moment to record their own outcome, then write the outcome of those still held."""
        with self._lock:
            held = dict(self._running)
        for ctx in held.values():
            ctx.warn(msg("engine.grace_over", grace=grace))
        for job_id, note in end_programs(held).items():
            held[job_id].info(note)
        self._await_jobs(time.monotonic() + SETTLE)
        with self._lock:
            held = dict(self._running)
        for job_id, ctx in held.items():
            write = functools.partial(write_held, db=self.db, engine_id=self.id, job_id=job_id, closed=ctx.close())
            try:
                snap = self._writer.write(write)
            except Exception as exc:  # it stays ACTIVE: recovery interrupts it once this engine is gone
                log.warning("job #%s: cannot record its engine's shutdown (%s)", job_id, liveness.reason(exc))
                continue
            with self._lock:
                self._running.pop(job_id, None)
                self._ended.add(job_id)  # its thread, if it ever returns, finds it written: no warning
            if snap is not None:
                self.bus.publish(JobEvent(EventKind.CHANGED, job_id, job=snap))


def end_programs(contexts: Mapping[int, JobContext]) -> dict[int, Message]:
    """End at once the process groups that ``contexts`` registered on this host (SIGTERM, SIGKILL after
    :data:`KILL_AFTER` seconds to what is left). A group killed is told in its job's log before the SIGKILL (the
    job's thread may record its outcome as soon as its program is gone); what else was done, by job (jobs whose
    group was already empty are not named)."""
    groups = {job_id: pgid for job_id, ctx in contexts.items() if (pgid := _group(ctx.runtime)) is not None}
    jobs_of = {pgid: job_id for job_id, pgid in groups.items()}

    def killing(pgid: int, left: int) -> None:
        contexts[jobs_of[pgid]].info(msg("engine.group_killed", pgid=pgid, n=left, after=KILL_AFTER))

    ended = end_groups(groups.values(), KILL_AFTER, killing) if groups else {}
    return {
        job_id: msg("engine.group_ended", pgid=pgid, signal="SIGTERM")
        for job_id, pgid in groups.items()
        if pgid in ended and not ended[pgid][1]
    }


def _group(runtime: Mapping[str, Any] | None) -> int | None:
    """The process group a job registered, when it is on this host and still that job's: never this process's own
    group, nor a number that now leads a group of another program (its leader started at another time)."""
    runtime = runtime or {}
    pgid, started = runtime.get("pgid"), runtime.get("started")
    if runtime.get("host") != socket.gethostname() or not isinstance(pgid, int) or pgid <= 1:
        return None
    if pgid == os.getpgrp():
        return None
    try:
        if started is not None and abs(psutil.Process(pgid).create_time() - float(started)) > 1:
            return None
    except psutil.Error:
        pass  # the leader is gone: the processes left in its group are the job's (a group's number is not reused)
    return pgid


def write_held(
    conn: Connection, db: Database, engine_id: str, job_id: int, closed: tuple[list[LogEntry], dict[str, Any]]
) -> JobSnapshot | None:
    """In the engine's write transaction: a job its engine still held at the end of its grace becomes INTERRUPTED,
    or STOPPED when a person asked it to stop, with ``closed`` (the log lines and counters of its context, from
    ``JobContext.close``). None when it is no longer this engine's to write."""
    row = conn.execute(select(_jobs.c.status, _jobs.c.stop_requested).where(_jobs.c.id == job_id)).first()
    if row is None or S(row.status) not in RUNNING:
        return None
    stopping = S(row.status) is S.STOPPING or bool(row.stop_requested)
    new, why = (S.STOPPED, msg("job.stopped")) if stopping else (S.INTERRUPTED, msg("job.interrupted_shutdown"))
    entries, counters = closed
    snap = hot.transition(
        conn,
        db,
        job_id,
        new,
        by=engine_id,
        expect=RUNNING,
        message=why.text,
        message_data=why.to_json(),
        result=None,
        runtime=None,
        pause_requested=False,
        **counters,
    )
    if snap is not None:
        append_log(conn, entries)
    return snap
