"""JobContext: what a running operation reports through.

Progress and log lines are buffered in memory and written in batches (at most every ``flush_interval``
seconds, or when the buffer is large), so a job that reports 100,000 items costs a few hundred commits, not
100,000. State changes are not the context's business: the engine commits those at once.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import update

from core.events import EventBus, EventKind, JobEvent
from core.messages import Message
from core.records import LogEntry
from core.store.jobs import append_log
from core.store.schema import Job, utcnow

if TYPE_CHECKING:
    from core.records import JobSnapshot
    from core.store.db import Database

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
MAX_MESSAGE = 20_000
_jobs = Job.__table__


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
    ) -> None:
        self.job = job
        self.job_id = job.id
        self.params = job.params
        self.user = job.owner
        self.attempt = job.attempt
        self.db = db
        self.bus = bus if bus is not None else EventBus()
        self.worker = worker
        self.flush_interval = flush_interval
        self.max_buffer = max_buffer
        self.stop_event = threading.Event()
        self.done = job.progress_done
        self.total = job.progress_total
        self.warnings = job.warnings
        self.errors = job.errors
        self._pending: list[LogEntry] = []
        self._dirty = False
        self._lock = threading.Lock()  # guards counters and the buffer
        self._flush_lock = threading.Lock()  # one flush at a time, in order
        self._last_flush = time.monotonic()

    # -- stop ---------------------------------------------------------------------------------------
    @property
    def should_stop(self) -> bool:
        return self.stop_event.is_set()

    def check_stop(self) -> None:
        if self.stop_event.is_set():
            raise StopRequested()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking at once on a stop request; True when a stop was requested."""
        return self.stop_event.wait(seconds)

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
    def _maybe_flush(self) -> None:
        if len(self._pending) >= self.max_buffer or time.monotonic() - self._last_flush >= self.flush_interval:
            self.flush()

    def flush(self) -> None:
        """Write buffered progress and log lines in one transaction; notice a stop asked by another process."""
        with self._flush_lock:
            with self._lock:
                if not self._dirty:
                    self._last_flush = time.monotonic()
                    return
                entries, self._pending = self._pending, []
                values: dict[str, Any] = {
                    "progress_done": self.done,
                    "progress_total": self.total,
                    "warnings": self.warnings,
                    "errors": self.errors,
                    "updated_at": utcnow(),
                }
                self._dirty = False
            stop = self._write(values, entries)
            self._last_flush = time.monotonic()
        if stop:
            self.stop_event.set()
        self.bus.publish(JobEvent(EventKind.PROGRESS, self.job_id, changes=values, log=tuple(entries)))

    def _write(self, values: dict[str, Any], entries: list[LogEntry]) -> bool:
        with self.db.connect_write() as conn:
            stmt = update(_jobs).where(_jobs.c.id == self.job_id).values(**values).returning(_jobs.c.stop_requested)
            stop = conn.execute(stmt).scalar()
            append_log(conn, entries)
        return bool(stop)

    @contextlib.contextmanager
    def closing(self) -> Iterator[tuple[list[LogEntry], dict[str, Any]]]:
        """For the engine writing the job's outcome: the log lines not written yet and the final counters, with
        every other flush held off until the outcome is committed."""
        with self._flush_lock:
            with self._lock:
                entries, self._pending = self._pending, []
                self._dirty = False
                counters = {
                    "progress_done": self.done,
                    "progress_total": self.total,
                    "warnings": self.warnings,
                    "errors": self.errors,
                }
            yield entries, counters

    def set_runtime(self, **info: Any) -> None:
        """Record at once where this job's external processes are (host, pid, pgid), so that if this engine
        dies, recovery can end them instead of leaving them running unseen."""
        with self.db.connect_write() as conn:
            conn.execute(update(_jobs).where(_jobs.c.id == self.job_id).values(runtime=info))

    def counters(self) -> dict[str, Any]:
        with self._lock:
            return {
                "progress_done": self.done,
                "progress_total": self.total,
                "warnings": self.warnings,
                "errors": self.errors,
            }
