"""JobContext: what a running operation reports through.

Progress and log lines are buffered in memory and written in batches (at most every ``flush_interval``
seconds, or when the buffer is large), so a job that reports 100,000 items costs a few hundred commits, not
100,000. State changes are not the context's business: the engine commits those at once.

A write the database refuses (locked, disk full, server restarting) never reaches the operation: the lines stay
in the buffer and are written again later, with backoff. While the database keeps refusing, the buffer is
bounded: lines beyond ``MAX_PENDING`` are dropped and counted (the counters of warnings and errors stay exact),
and one log line says how many were dropped as soon as a write is accepted again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from core.events import EventBus, EventKind, JobEvent
from core.messages import Message, define, msg
from core.records import LogEntry
from core.store import pauses
from core.store.jobs import append_log
from core.store.schema import Job, utcnow

if TYPE_CHECKING:
    from core.records import JobSnapshot
    from core.store.db import Database

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
MAX_MESSAGE = 20_000
MAX_PENDING = 10_000
"""Log lines kept in memory while the database refuses writes; later ones are dropped and counted."""
MAX_BACKOFF = 5.0
_jobs = cast(Table, Job.__table__)
log = logging.getLogger(__name__)

define(
    "job.lines_dropped",
    "{n} log {n:plural:line was|lines were} dropped while the database refused writes ({error})",
)


def refused_by_database(exc: BaseException) -> bool:
    """True for a write the database refused for now (locked, disk full, connection lost, server restarting),
    which the same statement may pass later; False for a bug (a value that cannot be stored, a wrong column)."""
    if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError, OSError)):
        return True
    return isinstance(exc, sa_exc.DBAPIError) and bool(exc.connection_invalidated)


class StopRequested(Exception):
    """Raised by ``ctx.check_stop()``; the engine turns it into STOPPED."""


class JobContext:
    def __init__(
        self,
        job: JobSnapshot,
        db: Database,
        bus: EventBus | None = None,
        *,
        worker: str | None = None,
        flush_interval: float = 0.25,
        max_buffer: int = 2000,
        writer: Callable[[Callable[[Connection], Any]], Any] | None = None,
    ) -> None:
        self.job = job
        self._writer = writer  # the engine's group writer; None: each flush is a transaction of its own
        self.job_id = job.id
        self.params = job.params
        self.user = job.owner
        self.attempt = job.attempt
        self.db = db
        self.bus = bus if bus is not None else EventBus()
        self.worker = worker
        self.flush_interval = flush_interval
        self.max_buffer = max_buffer
        # made when first needed (most jobs are never stopped nor paused, nor wait): see _event
        self._stop_event: threading.Event | None = None
        self._pause_event: threading.Event | None = None
        self._unpaused_event: threading.Event | None = None
        # how many times the pause was asked or taken back: the engine's poll of requests read before a change
        # must not undo it (see set_pause)
        self.pause_changes = 0
        self._pause_lock = threading.Lock()
        self.paused_seconds = job.paused_seconds
        self.done = job.progress_done
        self.total = job.progress_total
        self.warnings = job.warnings
        self.errors = job.errors
        self._pending: list[LogEntry] = []
        self._dirty = False
        self._lock = threading.Lock()  # guards counters and the buffer
        self._flush_lock = threading.Lock()  # one flush at a time, in order
        self._last_flush = time.monotonic()
        self._backoff = 0.0  # seconds before the next flush after the database refused one
        self._refusal: str | None = None  # why the last flush was refused (cleared once one is accepted)
        self._dropped = 0  # lines dropped while refused, not yet reported in the log
        self._closed = False
        self._runtime: dict[str, Any] | None = None  # a runtime the database refused, written with the next flush
        self.runtime: dict[str, Any] | None = None  # where its external processes run (set_runtime): the engine
        # ends them when its shutdown grace runs out
        if job.paused_seconds or job.paused_at is not None or job.pause_requested:  # a new attempt of a paused job
            self.paused_seconds = 0.0
            self._runtime_reset = {"paused_seconds": 0.0, "paused_at": None, "pause_requested": False}
            self._dirty = True
        else:
            self._runtime_reset = {}

    # -- stop ---------------------------------------------------------------------------------------
    def _event(self, name: str, *, initially_set: bool = False) -> threading.Event:
        """The event kept in attribute ``name``, made on first use (most jobs are never stopped nor paused)."""
        event = getattr(self, name)
        if event is None:
            with self._lock:
                event = getattr(self, name)
                if event is None:
                    event = threading.Event()
                    if initially_set:
                        event.set()
                    setattr(self, name, event)
        return event

    @property
    def stop_event(self) -> threading.Event:
        """Set: a stop was requested."""
        return self._event("_stop_event")

    @property
    def should_stop(self) -> bool:
        event = self._stop_event
        return event is not None and event.is_set()

    def check_stop(self) -> None:
        if self.should_stop:
            raise StopRequested()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking at once on a stop request; True when a stop was requested."""
        return self.stop_event.wait(seconds)

    # -- pause --------------------------------------------------------------------------------------
    @property
    def pause_event(self) -> threading.Event:
        """Set: asked to pause at the next pause point."""
        return self._event("_pause_event")

    @property
    def _unpaused(self) -> threading.Event:
        """Set unless a pause is asked: what a paused operation waits on (set_pause makes it before it sets
        pause_event, so a paused operation always finds it)."""
        return self._event("_unpaused_event", initially_set=True)

    @property
    def pause_wanted(self) -> bool:
        """A pause was asked and no stop: the operation should reach its pause point."""
        event = self._pause_event
        return event is not None and event.is_set() and not self.should_stop

    def set_pause(self, wanted: bool, *, read_after: int | None = None) -> None:
        """The engine's side: ask the operation to pause at its next pause point, or to go on.

        ``read_after``: the :attr:`pause_changes` seen before the request was read from the database; a change
        made since (this process asked at once, see Tracker.pause) is newer than that read and stays."""
        with self._pause_lock:
            if read_after is not None and read_after != self.pause_changes:
                return
            if not wanted and self._pause_event is None:
                return  # never asked: nothing to take back
            self.pause_changes += 1
            if wanted:
                self._unpaused.clear()
                self.pause_event.set()
            else:
                self.pause_event.clear()
                self._unpaused.set()

    def pause_point(
        self, on_pause: Callable[[], object] | None = None, on_resume: Callable[[], object] | None = None
    ) -> bool:
        """Where an operation may pause between items (hold no transaction here). When a pause was asked, the job
        becomes PAUSED and this waits until it is resumed or stopped (then check ``should_stop`` as usual);
        ``on_pause``/``on_resume`` run around the wait (``command`` stops and continues its processes there).
        Returns whether the job paused."""
        if not self.pause_wanted:
            return False
        self.flush()
        paused_at = utcnow()
        try:
            if self._state(lambda conn: pauses.mark_paused(conn, self.job_id, self.worker, paused_at)) is None:
                return False  # no longer ACTIVE: being stopped
        except Exception as exc:
            if not refused_by_database(exc):
                raise
            return False  # the database refuses for now: the next pause point tries again
        try:
            if on_pause is not None:
                on_pause()
            while self.pause_event.is_set() and not self.should_stop:
                self._unpaused.wait(0.1)
        finally:
            if on_resume is not None:
                on_resume()
            self.paused_seconds += max(0.0, (utcnow() - paused_at).total_seconds())
            seconds = self.paused_seconds
            delay = 0.1
            while True:  # a job that runs again must not stay PAUSED: written until accepted (or it ends)
                try:
                    self._state(lambda conn: pauses.mark_resumed(conn, self.job_id, self.worker, seconds))
                    break
                except Exception as exc:
                    if not refused_by_database(exc) or delay > MAX_BACKOFF:
                        log.warning("job #%s: cannot record that it resumed (%s)", self.job_id, exc)
                        break
                    time.sleep(delay)
                    delay *= 2
        return True

    def _state(self, change: Callable[[Connection], JobSnapshot | None]) -> JobSnapshot | None:
        snap: JobSnapshot | None
        if self._writer is not None:
            snap = self._writer(change)
        else:
            with self.db.connect_write() as conn:
                snap = change(conn)
        if snap is not None:
            self.bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
        return snap

    # -- progress -----------------------------------------------------------------------------------
    def progress(self, done: int, total: int | None = None) -> None:
        with self._lock:
            self.done = done
            if total is not None:
                self.total = total
            self._dirty = True
        self._maybe_flush()

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            self._dirty = True
        self._maybe_flush()

    def set_total(self, total: int | None) -> None:
        with self._lock:
            self.total = total
            self._dirty = True
        self._maybe_flush()

    # -- log ----------------------------------------------------------------------------------------
    def log(self, message: Message | str, level: str = "INFO", item: str | None = None) -> None:
        """One log line: a :class:`Message` (code and arguments, rendered in each reader's language) or plain
        text (operations of third parties)."""
        level = level.upper()
        if level not in LEVELS:
            level = "INFO"
        if isinstance(message, str) and len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + " …(truncated)"
        entry = LogEntry.of(self.job_id, utcnow(), level, message, item)
        with self._lock:
            if self._refusal is not None and len(self._pending) >= MAX_PENDING:
                # the database refuses and the buffer is full: keep the first and the latest lines, count the rest
                self._pending.pop(MAX_PENDING // 2)
                self._dropped += 1
            self._pending.append(entry)
            if level == "WARNING":
                self.warnings += 1
            elif level == "ERROR":
                self.errors += 1
            self._dirty = True
        self._maybe_flush()

    def info(self, message: Message | str, item: str | None = None) -> None:
        self.log(message, "INFO", item)

    def warn(self, message: Message | str, item: str | None = None) -> None:
        self.log(message, "WARNING", item)

    def error(self, message: Message | str, item: str | None = None) -> None:
        self.log(message, "ERROR", item)

    # -- flushing -----------------------------------------------------------------------------------
    @property
    def lines_dropped(self) -> int:
        """Log lines dropped while the database refused writes, not yet reported in the log."""
        return self._dropped

    def flush_if_due(self) -> None:
        """Flush when ``flush_interval`` has passed (or, after a refusal, the backoff); the engine's housekeeping
        calls this for jobs that report nothing for a while."""
        if time.monotonic() - self._last_flush >= max(self.flush_interval, self._backoff):
            self.flush()

    def _maybe_flush(self) -> None:
        due = time.monotonic() - self._last_flush >= max(self.flush_interval, self._backoff)
        if due or (len(self._pending) >= self.max_buffer and not self._backoff):
            self.flush()

    def flush(self) -> None:
        """Write buffered progress and log lines in one transaction; notice a stop asked by another process.

        A write the database refuses keeps everything for the next flush (see the module's docstring)."""
        with self._flush_lock:
            if self._closed:
                return
            with self._lock:
                if not self._dirty and not self._dropped:
                    self._last_flush = time.monotonic()
                    return
                entries, self._pending = self._pending, []
                dropped = self._dropped
                values = {**self._counters_locked(), "updated_at": utcnow()}
                if self._runtime is not None:
                    values["runtime"] = self._runtime
                values.update(self._runtime_reset)
                self._dirty = False
            written = list(entries)
            if dropped:
                written.insert(min(len(written), MAX_PENDING // 2), self._dropped_note(dropped))
                values["warnings"] += 1
            try:
                stop = self._write(values, written)
            except Exception as exc:
                if not refused_by_database(exc):
                    raise
                self._refused(exc, entries)
                return
            with self._lock:
                self._dropped -= dropped
                if dropped:
                    self.warnings += 1
                if "runtime" in values and self._runtime is values["runtime"]:
                    self._runtime = None
                self._runtime_reset = {}
            self._backoff, self._refusal = 0.0, None
            self._last_flush = time.monotonic()
        if stop:
            self.stop_event.set()
        self.bus.publish(JobEvent(EventKind.PROGRESS, self.job_id, changes=values, log=tuple(written)))

    def _refused(self, exc: BaseException, entries: list[LogEntry]) -> None:
        """Put the lines back in front of the buffer (dropping the newest beyond the bound) and back off."""
        if self._refusal is None:
            log.warning("job #%s: the database refused its progress and log (%s); keeping them", self.job_id, exc)
        self._refusal = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        with self._lock:
            merged = entries + self._pending
            if len(merged) > MAX_PENDING:  # keep the first and the latest lines
                half = MAX_PENDING // 2
                self._dropped += len(merged) - MAX_PENDING
                merged = merged[:half] + merged[len(merged) - (MAX_PENDING - half) :]
            self._pending = merged
            self._dirty = True
        self._backoff = min(MAX_BACKOFF, max(self.flush_interval, self._backoff * 2 or 0.1))
        self._last_flush = time.monotonic()

    def _write(self, values: dict[str, Any], entries: list[LogEntry]) -> bool:
        def write(conn: Connection) -> bool:
            stmt = update(_jobs).where(_jobs.c.id == self.job_id).values(**values).returning(_jobs.c.stop_requested)
            stop = conn.execute(stmt).scalar()
            append_log(conn, entries)
            return bool(stop)

        if self._writer is not None:
            return bool(self._writer(write))
        with self.db.connect_write() as conn:
            return write(conn)

    def close(self) -> tuple[list[LogEntry], dict[str, Any]]:
        """For the engine writing the job's outcome: the log lines not written yet (with a line counting the
        dropped ones) and the final counters. After this the context writes nothing itself, so the engine may
        write them with the outcome as many times as it takes."""
        with self._flush_lock:
            self._closed = True
            with self._lock:
                entries, self._pending = self._pending, []
                if self._dropped:
                    entries.insert(min(len(entries), MAX_PENDING // 2), self._dropped_note(self._dropped))
                    self.warnings += 1
                    self._dropped = 0
                self._dirty = False
                # a new attempt's reset of the last one's pause, when no flush wrote it yet: with the outcome
                # (pause_requested is the outcome's own: the engine clears it with every outcome)
                reset = {k: v for k, v in self._runtime_reset.items() if k != "pause_requested"}
                return entries, {**self._counters_locked(), **reset}

    def _dropped_note(self, n: int) -> LogEntry:
        """The line that stands where ``n`` dropped lines were."""
        return LogEntry.of(self.job_id, utcnow(), "WARNING", msg("job.lines_dropped", n=n, error=self._refusal or ""))

    def _counters_locked(self) -> dict[str, Any]:
        return {
            "progress_done": self.done,
            "progress_total": self.total,
            "warnings": self.warnings,
            "errors": self.errors,
        }

    def set_runtime(self, **info: Any) -> None:
        """Record at once where this job's external processes are (host, pid, pgid), so that if this engine
        dies, recovery can end them instead of leaving them running unseen. When the database refuses, it is
        written with the next flush that it accepts (the operation goes on either way)."""
        self.runtime = info
        try:
            with self.db.connect_write() as conn:
                conn.execute(update(_jobs).where(_jobs.c.id == self.job_id).values(runtime=info))
        except Exception as exc:
            if not refused_by_database(exc):
                raise
            log.warning(
                "job #%s: the database refused its runtime (%s); writing it with the next flush", self.job_id, exc
            )
            with self._lock:
                self._runtime = info
                self._dirty = True

    def counters(self) -> dict[str, Any]:
        with self._lock:
            return self._counters_locked()
