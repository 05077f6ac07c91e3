"""Core job events and database changes → one coalesced Qt signal on the GUI thread.

Two sources feed the same accumulator:

* the engine's EventBus (jobs of this process): the listener runs on engine threads, so it only merges the
  event into a dict under a lock and, on the first event of a batch, pokes the GUI thread with a queued
  signal;
* a poll of the database every ``poll_interval`` (jobs of other processes: the CLI, workers): it re-reads
  only rows changed since the last poll (``jobs.changed_since`` / ``jobs.removed_since``), off the GUI
  thread.

The GUI thread flushes at most once per ``interval`` (250 ms: four repaints a second however many jobs are
busy), like qutebrowser's single download-progress timer, and the first event after a quiet period is
delivered at once.

Signals:
    batchReady(Batch): what changed since the last flush, merged per job.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core.events import EventBus, EventKind, JobEvent
from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database
from desktop.background import Background

POLL_OVERLAP = dt.timedelta(seconds=2)  # a row whose transaction committed late is still seen


@dataclass
class Batch:
    """Merged changes: the newest snapshot per job, merged progress counters, removed ids, jobs with new log."""

    changed: dict[int, JobSnapshot] = field(default_factory=dict)
    progress: dict[int, dict[str, Any]] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    log_jobs: set[int] = field(default_factory=set)
    created: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.changed or self.progress or self.removed or self.log_jobs)

    def touches(self, job_id: int) -> bool:
        return job_id in self.changed or job_id in self.progress or job_id in self.removed or job_id in self.log_jobs

    # merging (callers hold the bridge's lock)
    def add_snapshot(self, snap: JobSnapshot, created: bool = False) -> None:
        if snap.id in self.removed:
            return
        old = self.changed.get(snap.id)
        if old is None or snap.updated_at >= old.updated_at:
            self.changed[snap.id] = snap
        if created:
            self.created.add(snap.id)

    def add_progress(self, job_id: int, changes: dict[str, Any], has_log: bool) -> None:
        if job_id in self.removed:
            return
        self.progress.setdefault(job_id, {}).update(changes)
        if has_log:
            self.log_jobs.add(job_id)

    def add_removed(self, job_id: int) -> None:
        self.removed.add(job_id)
        self.changed.pop(job_id, None)
        self.progress.pop(job_id, None)
        self.log_jobs.discard(job_id)
        self.created.discard(job_id)


class EventBridge(QObject):
    batchReady = Signal(object)
    _poke = Signal()

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        background: Background,
        *,
        user: str,
        all_users: bool,
        interval_ms: int = 250,
        poll_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.background = db, bus, background
        self.user, self.all_users = user, all_users
        self.interval_ms = interval_ms
        self._lock = threading.Lock()
        self._pending = Batch()
        self._scheduled = False
        self._last_flush = 0.0
        self._flush_timer = QTimer(self, singleShot=True)
        self._flush_timer.timeout.connect(self._flush)
        self._poke.connect(self._on_poke)
        self._since = dt.datetime.now(dt.UTC) - POLL_OVERLAP
        self._polling = False
        self._poll_timer = QTimer(self, interval=poll_interval_ms)
        self._poll_timer.timeout.connect(self.poll)
        self._unsubscribe = bus.subscribe(self._listener)
        self.flushes = 0  # how many batches were delivered (tests and the benchmark read it)

    def start(self) -> None:
        self._poll_timer.start()

    def close(self) -> None:
        self._unsubscribe()
        self._poll_timer.stop()
        self._flush_timer.stop()

    # -- engine threads ---------------------------------------------------------------------------
    def _listener(self, event: JobEvent) -> None:
        with self._lock:
            if event.kind is EventKind.REMOVED:
                self._pending.add_removed(event.job_id)
            elif event.kind is EventKind.PROGRESS:
                self._pending.add_progress(event.job_id, dict(event.changes), bool(event.log))
            elif event.job is not None:
                self._pending.add_snapshot(event.job, created=event.kind is EventKind.CREATED)
                if event.kind is EventKind.CHANGED:
                    self._pending.log_jobs.add(event.job_id)  # a state change usually logs a line
            poke = not self._scheduled
            self._scheduled = True
        if poke:
            self._poke.emit()  # queued to the GUI thread

    # -- GUI thread -------------------------------------------------------------------------------
    @Slot()
    def _on_poke(self) -> None:
        if self._flush_timer.isActive():
            return
        wait = self._last_flush + self.interval_ms / 1000 - time.monotonic()
        self._flush_timer.start(max(0, int(wait * 1000)))

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, Batch()
            self._scheduled = False
        self._last_flush = time.monotonic()
        if batch:
            self.flushes += 1
            self.batchReady.emit(batch)

    def flush_now(self) -> None:
        """Deliver what is pending at once (used when a window must be exact, e.g. before an export)."""
        self._flush_timer.stop()
        self._flush()

    @Slot()
    def poll(self) -> None:
        """Re-read the rows other processes changed since the last poll (off the GUI thread)."""
        if self._polling:
            return
        self._polling = True
        started = dt.datetime.now(dt.UTC)
        since = self._since

        def read() -> tuple[list[JobSnapshot], list[int]]:
            return (
                jobs.changed_since(self.db, since, user=self.user, all_users=self.all_users),
                jobs.removed_since(self.db, since),
            )

        def done(result: tuple[list[JobSnapshot], list[int]]) -> None:
            self._polling = False
            self._since = started - POLL_OVERLAP
            changed, removed = result
            if not changed and not removed:
                return
            with self._lock:
                for snap in changed:
                    self._pending.add_snapshot(snap)
                for job_id in removed:
                    self._pending.add_removed(job_id)
                poke = not self._scheduled
                self._scheduled = True
            if poke:
                self._on_poke()

        def failed(exc: BaseException) -> None:
            self._polling = False

        self.background.run(read, on_success=done, on_failure=failed, owner=self)
