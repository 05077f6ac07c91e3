"""The engine: per-queue worker threads, atomic claims, stop, retries, heartbeat, recovery, schedule, purge.

One Engine runs in each process that executes jobs: the GUI, ``asyncops worker`` and an inline
``asyncops run``. Engines share nothing but the database; any number may serve one database.

Threads:
  * ``asyncops-<queue>-<n>``: a queue's slots. Each claims the next job with one compare-and-set statement
    and runs it; a queue of capacity N has N slots in every engine, and the claim statement keeps the
    number of ACTIVE jobs of the queue (across all engines) at most N.
  * ``asyncops-housekeeping``: every ``tick`` seconds, notices stop requests written by other processes,
    flushes idle job contexts, promotes due scheduled jobs and wakes the slots when other processes queued
    work; every ``heartbeat_interval`` it beats and recovers the jobs of dead engines; it also runs the
    daily purge.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from core import dialect, jobs, settings
from core.context import JobContext, StopRequested
from core.db import Database
from core.errors import OperationFailed
from core.events import EventBus, EventKind, JobEvent
from core.models import Job, Setting, utcnow
from core.operations import Operation, Registry, registry
from core.records import JobSnapshot
from core.settings import QueueConfig
from core.status import RUNNING, JobStatus, sources_of

log = logging.getLogger(__name__)
S = JobStatus
# The claim statement of the store, asked with this engine's own operation names (never the global registry).
_CLAIM = jobs._CLAIM


class Engine:
    """Runs jobs of the database's queues. Thread-safe; ``start()`` once, ``shutdown()`` once (or more)."""

    def __init__(
        self,
        db: Database,
        *,
        bus: EventBus | None = None,
        queues: Sequence[str] | None = None,
        kind: str = "gui",
        tick: float = 0.1,
        heartbeat_interval: float = 5.0,
        dead_after: float = 30.0,
        flush_interval: float = 0.25,
        idle_poll: float = 0.25,
        purge: bool = True,
        operations: Registry | Mapping[str, Operation] | None = None,
    ) -> None:
        self.db = db
        # The operations this engine runs, fixed for its life: claims ask only for these, so a plugin
        # registered or removed later never makes it take a job it cannot run.
        self.operations: Mapping[str, Operation] = _operation_set(operations)
        self.bus = bus if bus is not None else EventBus()
        self.kind = kind
        self.serve = tuple(queues) if queues is not None else None  # None: every queue
        self.id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.tick = tick
        self.heartbeat_interval = heartbeat_interval
        self.dead_after = dead_after
        self.flush_interval = flush_interval
        self.idle_poll = idle_poll
        self.purge_enabled = purge
        self._running: dict[int, JobContext] = {}
        self._shutdown_ids: set[int] = set()
        self._unrecorded: dict[int, str] = {}  # outcomes the database refused, written again by housekeeping
        self._lock = threading.Lock()
        self._wake = threading.Condition()
        self._generation = 0
        self._stopping = threading.Event()
        self._slots: dict[str, list[threading.Thread]] = {}
        self._queues: dict[str, QueueConfig] = {}
        self._house: threading.Thread | None = None
        self._started = False
        self._next_due: dt.datetime | None = None

    # -- life cycle ---------------------------------------------------------------------------------
    def start(self) -> Engine:
        if self._started:
            return self
        self._started = True
        settings.ensure_defaults(self.db)
        jobs.register_engine(self.db, self.id, self.kind, self.serve or ())
        self._recover_dead()
        if self.kind != "inline":
            self._refresh_queues()
        self._house = threading.Thread(target=self._housekeeping, name="asyncops-housekeeping", daemon=True)
        self._house.start()
        return self

    def shutdown(self, grace: float = 10.0) -> None:
        """Stop taking jobs; ask running jobs to stop and wait up to ``grace`` seconds for them.

        Jobs cut short by a shutdown become INTERRUPTED (or QUEUED again when their operation can resume).
        """
        if self._stopping.is_set():
            return
        self._stopping.set()
        with self._lock:
            running = list(self._running.items())
            self._shutdown_ids.update(job_id for job_id, _ in running)
        for _, ctx in running:
            ctx.stop_event.set()
        self.wake()
        deadline = time.monotonic() + grace
        for threads in list(self._slots.values()):
            for t in threads:
                t.join(max(0.0, deadline - time.monotonic()))
        if self._house is not None:
            self._house.join(max(0.0, deadline - time.monotonic()) + self.tick * 2)
        with self._lock:
            left = bool(self._running)
        if self._started and not left:
            try:
                jobs.unregister_engine(self.db, self.id)
            except Exception:
                log.exception("cannot unregister engine %s", self.id)

    @property
    def is_running(self) -> bool:
        return self._started and not self._stopping.is_set()

    def wake(self) -> None:
        with self._wake:
            self._generation += 1
            self._wake.notify_all()

    def running_ids(self) -> list[int]:
        with self._lock:
            return list(self._running)

    # -- API used by the CLI and the GUI -------------------------------------------------------------
    def submit(self, operation: str, params: dict[str, Any] | None = None, **kw: Any) -> JobSnapshot:
        snap = jobs.submit(self.db, operation, params, bus=self.bus, **kw)
        self.wake()
        return snap

    def stop_job(self, job_id: int, *, user: str | None = None, admin: bool | None = None) -> JobSnapshot:
        snap = jobs.request_stop(self.db, job_id, user=user, admin=admin, bus=self.bus)
        if snap.status.is_running:
            self._honour_stop(job_id)
        return snap

    def start_inline(
        self, operation: str, params: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[JobSnapshot, Future[JobSnapshot]]:
        """Record a job as ACTIVE in this engine and run it now on its own thread (not through a queue)."""
        snap = jobs.submit(self.db, operation, params, inline_worker=self.id, bus=self.bus, **kw)
        future: Future[JobSnapshot] = Future()

        def target() -> None:
            try:
                future.set_result(self._execute(snap)[0])
            except BaseException as exc:  # pragma: no cover - _execute handles everything itself
                future.set_exception(exc)

        threading.Thread(target=target, name=f"asyncops-inline-{snap.id}", daemon=True).start()
        return snap, future

    def context(self, job_id: int) -> JobContext | None:
        with self._lock:
            return self._running.get(job_id)

    # -- queue slots --------------------------------------------------------------------------------
    def _refresh_queues(self) -> None:
        cfgs = {q.name: q for q in settings.get_queues(self.db) if self._serves(q)}
        self._queues = cfgs
        for name, cfg in cfgs.items():
            slots = self._slots.setdefault(name, [])
            slots[:] = [t for t in slots if t.is_alive()]
            while len(slots) < cfg.capacity and not self._stopping.is_set():
                index = len(slots)
                t = threading.Thread(
                    target=self._slot, args=(name, index), name=f"asyncops-{name}-{index}", daemon=True
                )
                slots.append(t)
                t.start()
        self.wake()

    def _serves(self, q: QueueConfig) -> bool:
        if self.serve is not None:
            return q.name in self.serve
        return not (q.workers_only and self.kind != "worker")

    def _slot(self, queue: str, index: int) -> None:
        next_job: JobSnapshot | None = None
        while not self._stopping.is_set():
            cfg = self._queues.get(queue)
            if cfg is None or index >= cfg.capacity:
                break  # the queue was removed or made smaller: this slot retires
            with self._wake:
                generation = self._generation
            job, next_job = next_job, None
            if job is None and not cfg.paused:
                try:
                    job = self._claim(self.db, cfg)
                except Exception:
                    log.exception("claim on queue %s failed", queue)
            if job is None:
                with self._wake:
                    if self._generation == generation and not self._stopping.is_set():
                        self._wake.wait(5.0)
                continue
            try:
                _, next_job = self._execute(job, claim_next=cfg)
            except Exception:  # pragma: no cover - _execute records failures itself
                log.exception("slot %s-%d: job #%s", queue, index, job.id)
        if next_job is not None:  # claimed while finishing the last one, never started: hand it back
            self._give_back(next_job)

    def _give_back(self, job: JobSnapshot) -> None:
        try:
            snap = jobs.transition(
                self.db,
                job.id,
                S.QUEUED,
                by=self.id,
                expect=(S.ACTIVE,),
                worker=None,
                attempt=job.attempt - 1,
                started_at=None,
            )
        except Exception:
            log.exception("cannot hand job #%s back to its queue", job.id)
            return
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
            self.wake()

    def _claim(self, target: Database | Connection, queue: QueueConfig) -> JobSnapshot | None:
        params = {
            "q": queue.name,
            "cap": queue.capacity,
            "w_worker": self.id,
            "w_now": utcnow(),
            "ops": sorted(self.operations),
        }
        if isinstance(target, Connection):  # inside the caller's write transaction (finish one, claim the next)
            dialect.lock_queue(target, queue.name)
            row = target.execute(_CLAIM, params).first()
        else:
            with target.connect_write() as conn:
                dialect.lock_queue(conn, queue.name)
                row = conn.execute(_CLAIM, params).first()
        return JobSnapshot.from_row(row) if row is not None else None

    # -- running one job ----------------------------------------------------------------------------
    def _execute(
        self, job: JobSnapshot, claim_next: QueueConfig | None = None
    ) -> tuple[JobSnapshot, JobSnapshot | None]:
        """Run one job and record its outcome; with ``claim_next``, claim the queue's next job in the same
        transaction (one commit per job instead of two). Returns (final snapshot, next job or None)."""
        ctx = JobContext(job, self.db, self.bus, worker=self.id, flush_interval=self.flush_interval)
        with self._lock:
            self._running[job.id] = ctx
        self.bus.publish(JobEvent(EventKind.CHANGED, job.id, job=job))
        result: dict[str, Any] | None = None
        failure: str | None = None
        try:
            if job.stop_requested:
                ctx.stop_event.set()
            op = self.operations.get(job.operation)
            if op is None:
                raise OperationFailed(f"this engine does not have the operation {job.operation!r}")
            result = op.run(ctx, dict(job.params))
        except StopRequested:
            pass
        except OperationFailed as exc:
            failure, result = str(exc), exc.result
        except Exception as exc:
            failure = f"{type(exc).__name__}: {exc}"
            ctx.error(f"failed: {failure}")
            ctx.log("".join(traceback.format_exception(exc)), "DEBUG")
        next_job = None
        try:
            final, next_job = self._finish(ctx, job, result, failure, claim_next)
        except Exception as exc:  # never leave a job ACTIVE: record the failure as plainly as possible
            log.exception("cannot record the outcome of job #%s", job.id)
            final = self._last_resort(job, f"asyncops could not record the outcome: {type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._running.pop(job.id, None)
                self._shutdown_ids.discard(job.id)
            if next_job is None:
                self.wake()  # a slot is free
        return final, next_job

    def _finish(
        self,
        ctx: JobContext,
        job: JobSnapshot,
        result: dict[str, Any] | None,
        failure: str | None,
        claim_next: QueueConfig | None = None,
    ) -> tuple[JobSnapshot, JobSnapshot | None]:
        counters = ctx.counters()
        stopped = ctx.should_stop
        complete = counters["progress_total"] is not None and counters["progress_done"] >= counters["progress_total"]
        shutdown = job.id in self._shutdown_ids
        fields: dict[str, Any] = {"result": result, "runtime": None, **counters}
        if failure is None and counters["errors"] and not stopped:
            failure = f"finished with {counters['errors']} error(s)"
        if stopped and not (failure is None and complete and not shutdown):
            if shutdown:
                op = self.operations.get(job.operation)
                resumable = op is not None and op.resumable
                new = S.QUEUED if resumable and not job.inline else S.INTERRUPTED
                fields["message"] = "interrupted: the engine shut down" + (", queued again" if new is S.QUEUED else "")
                if new is S.QUEUED:
                    fields["worker"] = None
            else:
                new, fields["message"] = S.STOPPED, "stopped by request"
        elif failure is not None:
            if job.attempt < job.max_attempts and not job.inline:
                delay = self._queues.get(job.queue, QueueConfig(job.queue)).retry_delay
                when = utcnow() + dt.timedelta(seconds=delay)
                new = S.SCHEDULED
                fields.update(
                    scheduled_for=when,
                    worker=None,
                    message=f"attempt {job.attempt}/{job.max_attempts} failed: {failure}",
                )
                ctx.warn(f"attempt {job.attempt} failed ({failure}); retrying in {delay:g}s")
            else:
                new, fields["message"] = S.FAILED, failure
        else:
            new, fields["message"] = S.SUCCEEDED, ""
        with ctx.closing() as (entries, final_counters):
            fields.update(final_counters)  # a retry warning above was counted after `counters`
            with self.db.connect_write() as conn:
                jobs.append_log(conn, entries)
                snap = jobs.transition(conn, job.id, new, by=self.id, expect=RUNNING & sources_of(new), **fields)
                next_job = None
                if claim_next is not None and not claim_next.paused and not self._stopping.is_set():
                    next_job = self._claim(conn, claim_next)
        if snap is None:
            log.warning("job #%s was taken from engine %s (declared dead?); its outcome is dropped", job.id, self.id)
            return jobs.get_many(self.db, [job.id])[0], next_job
        self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
        return snap, next_job

    def _last_resort(self, job: JobSnapshot, message: str) -> JobSnapshot:
        """Mark the job FAILED; while the database refuses (disk full, locked), housekeeping keeps trying."""
        try:
            snap = jobs.transition(self.db, job.id, S.FAILED, by=self.id, expect=RUNNING, message=message)
        except Exception:
            log.exception("cannot mark job #%s failed; will try again", job.id)
            with self._lock:
                self._unrecorded[job.id] = message
            return job
        with self._lock:
            self._unrecorded.pop(job.id, None)
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
            return snap
        return jobs.get_many(self.db, [job.id])[0]

    def _retry_unrecorded(self) -> None:
        with self._lock:
            pending = list(self._unrecorded.items())
        for job_id, message in pending:
            self._last_resort(jobs.get_many(self.db, [job_id])[0], message)

    def _honour_stop(self, job_id: int) -> None:
        ctx = self.context(job_id)
        if ctx is None:
            return
        ctx.stop_event.set()
        snap = jobs.transition(self.db, job_id, S.STOPPING, by=self.id, expect=(S.ACTIVE,))
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, job_id, job=snap))

    # -- housekeeping -------------------------------------------------------------------------------
    def _housekeeping(self) -> None:
        last_beat = last_config = last_due = last_purge = time.monotonic()
        tasks: list[tuple[str, Callable[[], None]]] = []
        while not self._stopping.wait(self.tick):
            now = time.monotonic()
            tasks = [("stop requests", self._poll_stops), ("flush", self._flush_idle)]
            if self.kind != "inline":
                tasks.append(("wake on queued work", self._poll_queued))
                if now - last_due >= 0.5 or self._due_now():
                    last_due = now
                    tasks.append(("scheduled jobs", self._promote_due))
                if now - last_config >= 1.0:
                    last_config = now
                    tasks.append(("queue settings", self._refresh_queues))
            if now - last_beat >= self.heartbeat_interval:
                last_beat = now
                tasks.append(("heartbeat", self._beat))
                tasks.append(("unrecorded outcomes", self._retry_unrecorded))
                tasks.append(("recovery", self._recover_dead))
            if self.purge_enabled and self.kind != "inline" and now - last_purge >= 30.0:
                last_purge = now
                tasks.append(("purge", self._maybe_purge))
            for name, task in tasks:
                try:
                    task()
                except Exception:
                    log.exception("engine housekeeping (%s) failed", name)

    def _poll_stops(self) -> None:
        if not self.running_ids():
            return
        for job_id in jobs.stop_requests(self.db, self.id):
            self._honour_stop(job_id)

    def _flush_idle(self) -> None:
        with self._lock:
            contexts = list(self._running.values())
        for ctx in contexts:
            ctx.flush()

    def _poll_queued(self) -> None:
        """Wake the slots when another process queued work that this engine could take."""
        if not self._queues:
            return
        jt = Job.__table__
        with self.db.connect_read() as conn:
            queued = dict(
                conn.execute(
                    select(jt.c.queue, func.count())
                    .where(jt.c.status == str(S.QUEUED), jt.c.queue.in_(list(self._queues)))
                    .group_by(jt.c.queue)
                ).all()
            )
            if not queued:
                return
            active = dict(
                conn.execute(
                    select(jt.c.queue, func.count())
                    .where(jt.c.status.in_([str(s) for s in RUNNING]), jt.c.queue.in_(list(queued)))
                    .group_by(jt.c.queue)
                ).all()
            )
        for q, n in queued.items():
            cfg = self._queues.get(q)
            if n and cfg is not None and not cfg.paused and active.get(q, 0) < cfg.capacity:
                self.wake()
                return

    def _due_now(self) -> bool:
        return self._next_due is not None and self._next_due <= utcnow()

    def _promote_due(self) -> None:
        self._next_due = jobs.next_due(self.db)
        if not self._due_now():
            return
        promoted = jobs.promote_due(self.db)
        for snap in promoted:
            self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
        self._next_due = jobs.next_due(self.db)
        if promoted:
            self.wake()

    def _beat(self) -> None:
        if not jobs.heartbeat(self.db, self.id):
            log.warning("engine %s was declared dead by another engine; registering again", self.id)
            jobs.register_engine(self.db, self.id, self.kind, self.serve or ())

    def _recover_dead(self) -> None:
        for engine_id in jobs.dead_engines(self.db, self.dead_after, exclude=self.id):
            recovered = jobs.recover(self.db, engine_id, bus=self.bus)
            if recovered:
                log.warning("recovered %d job(s) of dead engine %s", len(recovered), engine_id)
                self.wake()

    def _maybe_purge(self, now: dt.datetime | None = None) -> int | None:
        """Run the daily purge once a day, at its time, in whichever engine gets there first."""
        cfg = settings.get_purge(self.db)
        local = (now or utcnow()).astimezone()
        hour, minute = cfg.hour_minute
        if (local.hour, local.minute) < (hour, minute):
            return None
        today = local.date().isoformat()
        with self.db.write() as s:  # compare-and-set of the last run date under the write lock
            row = s.get(Setting, "purge.last_run")
            if row is not None and row.value == today:
                return None
            if row is None:
                s.add(Setting(key="purge.last_run", value=today))
            else:
                row.value = today
        count = jobs.purge(self.db, bus=self.bus)
        log.info("daily purge removed %d finished job(s)", count)
        return count


def _operation_set(operations: Registry | Mapping[str, Operation] | None) -> Mapping[str, Operation]:
    if operations is None:
        operations = registry
    if isinstance(operations, Registry):
        return MappingProxyType({op.name: op for op in operations.all()})
    return MappingProxyType(dict(operations))
