"""The engine: per-queue worker threads, atomic claims, stop, retries, and outcomes written until accepted.

One Engine runs in each process that executes jobs: the GUI, ``asyncops worker`` and an inline
``asyncops run``. Engines share nothing but the database; any number may serve one database. An engine is given
its operation set when it is built (by default the registry's operations at that moment) and keeps it for its
life: it claims and runs only those.

Threads:
  * ``asyncops-<queue>-<n>``: a queue's slots. Each claims the next job with one compare-and-set statement
    and runs it; a queue of capacity N has N slots in every engine, and the claim statement keeps the
    number of ACTIVE jobs of the queue (across all engines) at most N.
  * ``asyncops-housekeeping``: every ``tick`` seconds, notices stop requests written by other processes,
    flushes idle job contexts, promotes due scheduled jobs and wakes the slots when other processes queued
    work; every ``heartbeat_interval`` it beats and recovers the jobs of dead engines; it also runs the
    daily purge (see :mod:`core.engine.housekeeping`).

A job's outcome is decided once, when its operation returns, and written until the database accepts it: while
the database refuses (locked, disk full, server restarting) the job stays ACTIVE and the slot writes the same
outcome again with backoff, so a job that succeeded is never recorded as failed because of the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from sqlalchemy.engine import Connection

from core.engine import claims, ending, hot, housekeeping
from core.engine.context import JobContext
from core.engine.outcomes import Outcome, decide, run_operation
from core.engine.writer import Writer, refused
from core.events import EventBus, EventKind, JobEvent
from core.messages import define, msg
from core.operations import Operation, Registry
from core.records import JobSnapshot, LogEntry
from core.status import RUNNING, JobStatus, sources_of
from core.store import jobs, liveness, pauses, settings
from core.store.db import Database
from core.store.schema import utcnow
from core.store.settings import QueueConfig
from core.workflows import ticks

log = logging.getLogger(__name__)
S = JobStatus
MAX_RETRY_DELAY = 5.0
YIELD = 0.005
# PostgreSQL with LISTEN on: seconds between the polls that back up the database's wake-ups (for queued work, and
# for the queue settings and the engines' heartbeat while idle), and between the due-work checks while idle
FALLBACK = 30.0
FALLBACK_DUE = 15.0

define("job.unrecordable", "asyncops could not record the outcome: {type}: {error}")


class Engine(ending.Ending):
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
        self.operations: Mapping[str, Operation] = claims.operation_set(operations)
        self._operation_names = sorted(self.operations)
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
        self._ended: set[int] = set()  # held at the end of the shutdown grace: written by shutdown, not their slot
        self._busy = 0  # slots running a job (guarded by _lock)
        self._lock = threading.Lock()
        self._wake = threading.Condition()
        self._settled = threading.Condition()  # notified, while the engine stops, as each job leaves _running
        self._generation = 0
        self._claims = 0  # wake-ups that may bring work to claim (not those that only hand claimed jobs over)
        self._stopping = threading.Event()
        self._gone = threading.Event()  # set when shutdown() returns: outcome retries give up
        self._slots: dict[str, list[threading.Thread]] = {}
        self._queues: dict[str, QueueConfig] = {}
        self._ready: dict[str, deque[JobSnapshot]] = {}  # claimed for a waiting slot, not started yet
        self._idle: dict[str, int] = {}  # slots of each queue waiting for work (guarded by _wake)
        self._crowded: dict[str, bool] = {}  # other engines serve the queue too (as of the last claim)
        self._shares: dict[str, int] = {}  # this engine's fair share of each queue's capacity
        self._house: threading.Thread | None = None
        # commits the outcomes, claims and progress of all slots in groups; the housekeeping checkpoints its WAL
        self._writer = Writer(db, checkpoints=False)
        # PostgreSQL: the engine's own connection (its liveness lock, LISTEN), and the others' liveness
        self._outage = liveness.Outage()
        self._outage.on_back = self.wake
        self._presence: liveness.Presence | None = None
        self._liveness: liveness.Liveness | None = None
        self._heard_lock = threading.Lock()
        self._heard: set[str] = set()  # wake-ups heard since the last housekeeping pass
        self._started = False
        self._next_due: dt.datetime | None = None

    # -- life cycle ---------------------------------------------------------------------------------
    def start(self) -> Engine:
        if self._started:
            return self
        self._started = True
        settings.ensure_defaults(self.db)
        if not self.db.is_sqlite:  # alive from now on: the lock is held before the engine's row exists
            self._liveness = liveness.Liveness(self.db, self.id)
            self._presence = liveness.Presence(
                self.db, self.id, on_notify=self._hear, outage=self._outage, liveness=self._liveness
            ).start()
        jobs.register_engine(self.db, self.id, self.kind, self.serve or ())
        self._recover_dead()
        if self.kind != "inline":
            self._refresh_queues()
        self._house = threading.Thread(target=self._housekeeping, name="asyncops-housekeeping", daemon=True)
        self._house.start()
        return self

    def shutdown(self, grace: float = 10.0) -> None:
        """Stop taking jobs; ask running jobs to stop and wait up to ``grace`` seconds for them.

        Jobs cut short by a shutdown become INTERRUPTED (or QUEUED again when their operation can resume); a job a
        person had asked to stop becomes STOPPED. When the grace runs out, the programs of the jobs still held are
        killed and those jobs are written INTERRUPTED (STOPPED) before this returns (:mod:`core.engine.ending`).
        """
        if self._stopping.is_set():
            return
        self._stopping.set()
        if self._outage.online.is_set():  # stops asked by other processes since the last poll are a person's
            with contextlib.suppress(Exception):
                self._poll_stops()
        with self._lock:
            running = list(self._running.items())
            self._shutdown_ids.update(job_id for job_id, ctx in running if not ctx.should_stop)
        for _, ctx in running:
            ctx.stop_event.set()
        self.wake()
        deadline = time.monotonic() + grace
        for threads in list(self._slots.values()):
            for t in threads:
                t.join(max(0.0, deadline - time.monotonic()))
        if not self._await_jobs(deadline):  # the grace is over
            self._end_held(grace)
        if self._house is not None:
            self._house.join(max(0.0, deadline - time.monotonic()) + self.tick * 2)
        self._gone.set()  # outcomes still refused stay ACTIVE: recovery interrupts them once this process ends
        with self._lock:
            left = bool(self._running)
        if self._started and not left:
            try:
                jobs.unregister_engine(self.db, self.id)
            except Exception as exc:
                log.warning("cannot unregister engine %s: %s", self.id, liveness.reason(exc))
        self._writer.close()
        if self._presence is not None:
            self._presence.stop()  # the lock is free: jobs left ACTIVE are recovered after the grace

    @property
    def is_running(self) -> bool:
        return self._started and not self._stopping.is_set()

    def wake(self, *, handoff: bool = False) -> None:
        """Wake the slots waiting for work. ``handoff``: only to take the jobs already claimed for them (``_ready``):
        a slot that found nothing to claim since the last other wake-up does not try again."""
        with self._wake:
            self._generation += 1
            if not handoff:
                self._claims += 1
            self._wake.notify_all()

    @property
    def write_groups(self) -> tuple[int, int]:
        """Transactions the engine's writer committed, and the writes (outcomes, claims, flushes) in them."""
        return self._writer.groups, self._writer.writes

    def fair_share(self, queue: str) -> int | None:
        """How many of the queue's jobs this engine may run while other engines want them (None: not served)."""
        return self._shares.get(queue)

    def running_ids(self) -> list[int]:
        with self._lock:
            return list(self._running)

    # -- API used by the CLI and the GUI -------------------------------------------------------------
    def submit(self, operation: str, params: dict[str, Any] | None = None, **kw: Any) -> JobSnapshot:
        """Record a new job (see :func:`core.store.jobs.submit`). When a slot of its queue waits for work in this
        engine, the same transaction claims the queue's next job for it (through the one claim path: its capacity,
        this engine's share and its pause checked as always), so the slot starts at once without a claim of its own:
        one commit fewer per job on an idle queue."""
        claimed: list[JobSnapshot] = []

        def writer(
            insert: Callable[[Connection], JobSnapshot], created: Callable[[JobSnapshot], object]
        ) -> JobSnapshot:
            def both(conn: Connection) -> tuple[JobSnapshot, list[JobSnapshot]]:
                snap = insert(conn)
                return snap, self._claim_for_idle(conn, snap) if snap.status is S.QUEUED else []

            snap, taken = self._writer.write(both, lambda done: created(done[0]))
            claimed.extend(taken)  # what the committed run of ``both`` claimed
            return snap

        snap = jobs.submit(self.db, operation, params, bus=self.bus, writer=writer, **kw)
        if claimed:  # for slots waiting: they take it; the others had nothing to claim, and still have not
            with self._lock:
                self._ready.setdefault(snap.queue, deque()).extend(claimed)
            self.wake(handoff=True)
            return snap
        with self._lock:  # every slot running a job claims after this commit: none needs waking
            all_busy = 0 < sum(len(t) for t in self._slots.values()) <= self._busy
        if not all_busy:
            self.wake()
        return snap

    def _claim_for_idle(self, conn: Connection, snap: JobSnapshot) -> list[JobSnapshot]:
        """In a submit's transaction: the next jobs of the new job's queue for this engine's slots of it that wait for
        work (and have none handed over yet)."""
        cfg = self._queues.get(snap.queue)
        if cfg is None or cfg.paused or self._stopping.is_set() or not self._outage.online.is_set():
            return []
        with self._wake:
            idle = self._idle.get(cfg.name, 0)
        if not idle:
            return []
        with self._lock:
            want = idle - len(self._ready.get(cfg.name, ()))
        return self._claim(conn, cfg, want=want).jobs if want > 0 else []

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
        with self.db.connect_read() as conn:
            self._shares = {name: claims.fair_share(conn, cfg) for name, cfg in cfgs.items()}
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
        futile: int | None = None  # the wake-up count at which this slot last found nothing to claim
        while not self._stopping.is_set():
            cfg = self._queues.get(queue)
            if cfg is None or index >= cfg.capacity:
                break  # the queue was removed or made smaller: this slot retires
            with self._wake:
                generation, claims_seen = self._generation, self._claims
            if next_job is not None and self._crowded.get(queue) and self.db.is_sqlite:
                # claimed with the last outcome: let the other engines at the database before the next write
                time.sleep(YIELD)
            chained = next_job is not None
            job, next_job = next_job or self._take_ready(queue), None
            if job is None and not cfg.paused and self._outage.online.is_set() and claims_seen != futile:
                job, at_share = self._claim_now(cfg)
                if job is None and at_share and not self._stopping.wait(self.tick * 3):
                    # the queue has room beyond this engine's share: leave the others time to take it, then borrow
                    job, _ = self._claim_now(cfg, borrow=True)
                if job is None:
                    futile = claims_seen
            if job is None:
                with self._wake:
                    if self._generation == generation and not self._stopping.is_set():
                        self._idle[queue] = self._idle.get(queue, 0) + 1
                        # a fallback: wake-ups come from this engine, the channel, or the database (LISTEN)
                        listening = self._presence is not None and self._presence.listening
                        if not self._wake.wait(FALLBACK * 2 if listening else 5.0):
                            futile = None  # no wake-up for that long: claim again (the poll behind the wake-ups)
                        self._idle[queue] -= 1
                continue
            if not chained:
                with self._lock:
                    self._busy += 1
            try:
                _, next_job = self._execute(job, claim_next=cfg)
            except Exception:  # pragma: no cover - _execute records failures itself
                log.exception("slot %s-%d: job #%s", queue, index, job.id)
            if next_job is None:  # it claims (or waits) afresh: a submit from now on wakes it
                futile = claims_seen  # it tried to claim with the outcome: nothing to take as of that wake-up count
                with self._lock:
                    self._busy -= 1
        if next_job is not None:  # claimed while finishing the last one, never started: hand it back
            with self._lock:
                self._busy -= 1
            self._give_back(next_job)
        while (left := self._take_ready(queue)) is not None:  # claimed for slots that will not start them
            self._give_back(left)

    def _take_ready(self, queue: str) -> JobSnapshot | None:
        with self._lock:
            ready = self._ready.get(queue)
            return ready.popleft() if ready else None

    def _claim_now(self, cfg: QueueConfig, *, borrow: bool = False) -> tuple[JobSnapshot | None, bool]:
        """Claim a job for this slot and, in the same statement, one for each slot of the queue that waits
        (handed over through ``_ready``). Returns the job (or None) and whether the claim stopped at this
        engine's share while the queue had room."""
        with self._wake:
            want = 1 + self._idle.get(cfg.name, 0)
        try:
            got = self._writer.write(lambda conn: self._claim(conn, cfg, want=want, borrow=borrow))
        except Exception as exc:
            if refused(exc):
                self._outage.failed(exc)  # logged once; the slots wait until the database answers
            else:
                log.exception("claim on queue %s failed", cfg.name)
            return None, False
        if not got.jobs:
            return None, got.at_share
        first, *rest = got.jobs
        if rest:
            with self._lock:
                self._ready.setdefault(cfg.name, deque()).extend(rest)
            self.wake(handoff=True)
        return first, got.at_share

    def _claim(self, conn: Connection, cfg: QueueConfig, *, want: int = 1, borrow: bool = False) -> claims.Claimed:
        share = self._shares.get(cfg.name)
        got = claims.claim(conn, cfg, self.id, self._operation_names, want=want, share=share, borrow=borrow, db=self.db)
        self._crowded[cfg.name] = got.crowded
        return got

    def _may_chain(self, cfg: QueueConfig) -> bool:
        """Whether a finishing slot may claim its next job with the outcome: not when jobs claimed for other
        slots still wait to start (it takes one of those), nor when the queue is paused or the engine stops."""
        with self._lock:
            waiting = bool(self._ready.get(cfg.name))
        return not (waiting or cfg.paused or self._stopping.is_set())

    def _give_back(self, job: JobSnapshot) -> JobSnapshot | None:
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
            return None
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
            self.wake()
        return snap

    # -- running one job ----------------------------------------------------------------------------
    def _execute(
        self, job: JobSnapshot, claim_next: QueueConfig | None = None
    ) -> tuple[JobSnapshot, JobSnapshot | None]:
        """Run one job and record its outcome; with ``claim_next``, claim the queue's next job in the same
        transaction (one commit per job instead of two). Returns (final snapshot, next job or None); the final
        snapshot is the job as it started when nobody needed it read back (a queue's slot, with no listener)."""
        ctx = JobContext(
            job, self.db, self.bus, worker=self.id, flush_interval=self.flush_interval, writer=self._writer.write
        )
        with self._lock:  # under the lock shutdown() reads _running with: a job is either seen by it, or sees it
            if self._stopping.is_set():
                if not job.inline:  # claimed as the engine began to stop, not started: back to its queue
                    return self._give_back(job) or job, None
                self._shutdown_ids.add(job.id)
                ctx.stop_event.set()
            self._running[job.id] = ctx
        if len(self.bus):  # no event object for nobody
            self.bus.publish(JobEvent(EventKind.CHANGED, job.id, job=job))
        next_job = None
        final = job
        try:
            result, failure = run_operation(ctx, job, self.operations.get(job.operation))
            cfg = self._queues.get(job.queue) or QueueConfig(job.queue)
            shutdown, op = job.id in self._shutdown_ids, self.operations.get(job.operation)
            outcome = decide(ctx, job, result, failure, shutdown=shutdown, operation=op, retry_delay=cfg.retry_delay)
            final, next_job = self._record(ctx, job, outcome, claim_next)
        finally:
            with self._lock:
                self._running.pop(job.id, None)
                self._shutdown_ids.discard(job.id)
            if self._stopping.is_set():
                with self._settled:
                    self._settled.notify_all()
            if next_job is None:  # a slot is free
                if claim_next is None:
                    self.wake()
                elif self._ready.get(claim_next.name):
                    # it claimed with its outcome and found nothing to take: the others of its queue would find
                    # nothing either; they only take what was handed over (whoever hands a job over wakes them too)
                    self.wake(handoff=True)
        return final, next_job

    def _record(
        self, ctx: JobContext, job: JobSnapshot, outcome: Outcome, claim_next: QueueConfig | None
    ) -> tuple[JobSnapshot, JobSnapshot | None]:
        """Write the outcome until the database accepts it; the job stays ACTIVE meanwhile.

        A refusal (locked, disk full, server restarting) is retried with backoff for as long as this engine
        lives (if it dies first, recovery interrupts the job: never a wrong outcome). An outcome that cannot be
        stored at all (a result that is not JSON, a bug) is replaced once by FAILED saying so."""
        entries, counters = ctx.close()
        delay, refusals, replaced = 0.05, 0, False
        while True:
            try:
                return self._write_outcome(job, outcome, entries, counters, claim_next)
            except Exception as exc:
                if refused(exc):
                    refusals += 1
                    self._outage.failed(exc)
                    if refusals == 1:  # the outage itself is logged once, and at each retry (Outage)
                        log.info(
                            "job #%s: the database refused its outcome (%s); writing it again until accepted",
                            job.id,
                            liveness.reason(exc),
                        )
                elif not replaced:
                    log.exception("cannot record the outcome of job #%s", job.id)
                    note = msg("job.unrecordable", type=type(exc).__name__, error=str(exc).splitlines()[0][:500])
                    outcome, replaced = Outcome(S.FAILED, note, {"result": None, "runtime": None}), True
                    counters = {**counters, "errors": counters["errors"] + 1}
                    entries = [*entries, LogEntry.of(job.id, utcnow(), "ERROR", note)]
                    continue
                else:
                    log.exception("cannot record the outcome of job #%s; it stays ACTIVE", job.id)
                    return job, None
            if self._retry_wait(delay):
                log.error("job #%s: engine stopped before its outcome was accepted; recovery will see it", job.id)
                return job, None
            delay = min(MAX_RETRY_DELAY, delay * 2)
            claim_next = None  # claim with a write that is accepted, not with the retries of this one

    def _write_outcome(
        self,
        job: JobSnapshot,
        outcome: Outcome,
        entries: list[LogEntry],
        counters: dict[str, Any],
        claim_next: QueueConfig | None,
    ) -> tuple[JobSnapshot, JobSnapshot | None]:
        new = outcome.status
        columns = {**outcome.columns(), **counters}
        expect = RUNNING & sources_of(new)
        if self.db.is_sqlite:  # the statements given their values before the writer's transaction, decoded after it
            share = self._shares.get(claim_next.name) if claim_next is not None else None
            claim = (claim_next, share, self._operation_names) if claim_next is not None else None
            # the job as written is read back for an inline run's caller and for the bus's listeners; a slot with
            # nobody listening only needs to know the write won
            read_back = claim_next is None or len(self.bus) > 0
            won, snap, next_job = hot.write_outcome(
                self._writer.write,
                self.db,
                job.id,
                new,
                by=self.id,
                expect=expect,
                columns=columns,
                entries=entries,
                claim=claim,
                may_chain=self._may_chain,
                read_back=read_back,
            )
            if claim_next is not None:
                self._crowded[claim_next.name] = share is not None and share < claim_next.capacity
        else:

            def write(conn: Connection) -> tuple[JobSnapshot | None, JobSnapshot | None]:
                jobs.append_log(conn, entries)
                snap = hot.transition(conn, self.db, job.id, new, by=self.id, expect=expect, **columns)
                if claim_next is not None and self._may_chain(claim_next):
                    chained = next(iter(self._claim(conn, claim_next).jobs), None)
                    if chained is not None:
                        return snap, chained
                if snap is not None and not job.inline and self._presence is not None:
                    liveness.notify(conn, f"free {job.queue}")  # a slot is free: wake the engines waiting for one
                return snap, None

            snap, next_job = self._writer.write(write)  # committed with the other slots' writes of the moment
            won = snap is not None
        if not won:
            if job.id not in self._ended:
                log.warning(
                    "job #%s was taken from engine %s (declared dead?); its outcome is dropped", job.id, self.id
                )
            return jobs.get_many(self.db, [job.id])[0], next_job
        if snap is None:  # not read back: nobody needs it (see above)
            return job, next_job
        self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
        return snap, next_job

    def _honour_stop(self, job_id: int) -> None:
        ctx = self.context(job_id)
        if ctx is None:
            return
        ctx.stop_event.set()
        snap = jobs.transition(self.db, job_id, S.STOPPING, by=self.id, expect=(S.ACTIVE, S.PAUSED))
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, job_id, job=snap))

    # -- housekeeping -------------------------------------------------------------------------------
    def _hear(self, payload: str) -> None:
        """A wake-up from the database (PostgreSQL's NOTIFY, on the presence connection's thread)."""
        kind, _, arg = payload.partition(" ")
        if kind == "stop" and arg != self.id:
            return
        if kind in ("queued", "free") and self._queues and arg not in self._queues:
            return
        with self._heard_lock:
            self._heard.add(kind)
        if kind in ("queued", "free", "connected"):
            self.wake()

    def _retry_wait(self, delay: float) -> bool:
        """Wait ``delay`` seconds before writing again (less if the database answers again); True once gone."""
        deadline = time.monotonic() + delay
        was_down = not self._outage.online.is_set()
        while not self._gone.wait(min(0.1, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline or (was_down and self._outage.online.is_set()):
                return False
        return True

    def _housekeeping(self) -> None:
        start = busy = time.monotonic()
        last: dict[str, float] = {}
        while not self._stopping.wait(self.tick):
            now = time.monotonic()
            with self._heard_lock:
                heard, self._heard = self._heard, set()
            if self.running_ids():
                busy = now
            # On PostgreSQL with LISTEN on, the database wakes the engine: its polls are only a fallback, and slow
            # while it is idle (under 2 transactions a second).
            listening = self._presence is not None and self._presence.listening
            slow = listening and now - busy > 2.0
            due = housekeeping.Due(last, now, start, heard)

            tasks: list[tuple[str, Callable[[], object]]] = [
                ("stop requests", self._poll_stops),
                ("flush", self._flush_idle),
            ]
            if self.db.is_sqlite:  # the writer's commits leave it to here (see Writer)
                tasks.append(("checkpoint", self.db.checkpoint))
            if self.kind != "inline":
                if due("queued", FALLBACK if listening else 0.0, "connected"):
                    tasks.append(("wake on queued work", self._poll_queued))
                if due("due", FALLBACK_DUE if slow else 0.5, "scheduled", "queued") or self._due_now():
                    tasks.append(("scheduled jobs", self._promote_due))
                    tasks.append(("workflows", self._workflows))
                if due("config", FALLBACK if slow else 1.0, "queues"):
                    tasks.append(("queue settings", self._refresh_queues))
            if self._liveness is not None:  # liveness by the engines' locks; the heartbeat is only shown
                if due("heartbeat", FALLBACK):
                    tasks.append(("heartbeat", self._beat))
                if due("recovery", 0.5):  # what the presence connection observed: no query unless one is gone
                    tasks.append(("recovery", self._recover_dead))
            elif due("heartbeat", self.heartbeat_interval):
                tasks.append(("heartbeat", self._beat))
                tasks.append(("recovery", self._recover_dead))
            if self.purge_enabled and self.kind != "inline" and due("purge", 30.0):
                tasks.append(("purge", lambda: housekeeping.maybe_purge(self.db, self.bus)))
            failed = False
            for name, task in tasks:
                try:
                    task()
                except Exception as exc:
                    if not refused(exc):
                        log.exception("engine housekeeping (%s) failed", name)
                        continue
                    self._outage.failed(exc)  # one line now, one per retry: no traceback
                    if self._liveness is not None:
                        self._liveness.reset()  # what it saw before the outage proves nothing now
                    failed = True
                    break
            if not failed:
                if len(tasks) > 2:  # the database answered
                    self._outage.ok()
                continue
            last.clear()
            start = time.monotonic()
            if self._outage.pause(self._stopping):
                break

    def _poll_stops(self) -> None:
        with self._lock:  # each job's pause changes before the read: a change made here since then is newer
            seen = {job_id: (ctx, ctx.pause_changes) for job_id, ctx in self._running.items()}
        for job_id, stop, pause in pauses.requests(self.db, self.id) if seen else ():  # asked by other processes
            if stop:
                self._honour_stop(job_id)
            elif job_id in seen:
                seen[job_id][0].set_pause(pause, read_after=seen[job_id][1])

    def _flush_idle(self) -> None:
        with self._lock:
            contexts = list(self._running.values())
        for ctx in contexts:
            ctx.flush_if_due()

    def _poll_queued(self) -> None:
        """Wake the slots when another process queued work that this engine could take (only queues with a slot
        waiting: a busy slot claims its next job when it finishes, without being woken)."""
        with self._wake:
            idle = {name: cfg for name, cfg in self._queues.items() if self._idle.get(name)}
        if idle and housekeeping.queued_work_waiting(self.db, idle):
            self.wake()

    def _due_now(self) -> bool:
        return self._next_due is not None and self._next_due <= utcnow()

    def _promote_due(self) -> None:
        self._next_due = jobs.next_due(self.db)
        if not self._due_now():
            return
        promoted = housekeeping.promote_due(self.db, self.bus)
        self._next_due = jobs.next_due(self.db)
        if promoted:
            self.wake()

    def _workflows(self) -> None:
        """Saved profiles whose schedule is due start their job; jobs whose parents all ended are released."""
        if ticks.tick(self.db, self.bus):
            self.wake()

    def _beat(self) -> None:
        if not jobs.heartbeat(self.db, self.id):
            log.warning("engine %s was declared dead by another engine; registering again", self.id)
            jobs.register_engine(self.db, self.id, self.kind, self.serve or ())

    def _recover_dead(self) -> None:
        if self._liveness is not None:  # PostgreSQL: engines whose lock stayed free for the grace
            recovered = housekeeping.recover_engines(self.db, self._liveness.gone(), self.operations, self.bus)
        else:
            recovered = housekeeping.recover_dead(self.db, self.id, self.dead_after, self.operations, self.bus)
        if recovered:
            self.wake()
