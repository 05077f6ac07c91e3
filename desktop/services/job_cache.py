"""The one owner of job state in the window (qutebrowser's download manager; the models only relay).

Every ``JobSnapshot`` the window shows lives here once. Three sources feed it, through one path:

* the local engine's events, pushed through its channel (``tracker.subscribe``; the window runs no job, the
  engine service does), and the Tracker's own events on ``tracker.bus`` (what the window itself changed): the
  listener runs on the channel's or a background thread, so it only merges the event into a pending batch
  under a lock and pokes the GUI thread with a queued signal;
* a poll of ``tracker.changes_since`` every ``poll_interval_ms`` (the fallback that makes a missed event
  harmless, and jobs of engines on other hosts), off the GUI thread through the background door; it also runs
  at once after each (re)connection to an engine.

The GUI thread applies the pending batch at most once per ``interval_ms`` (four times a second however busy
the engine is; the first change after a quiet period is applied at once). Applying merges snapshots by
``updated_at`` (an older answer never undoes a newer one), merges progress counters into the cached snapshot,
and drops what did not change, so a local change that arrives both as an event and from the poll is
announced once.

Readers (table model, latest panel, notifier, details windows) ask :meth:`get` and :meth:`request` rows they
lack; ``put`` stores snapshots read elsewhere (a page of the table, the latest ten). Jobs that are running or
pinned (an open details window, the latest panel) are never evicted.

Signals:
    changed(list): ids whose snapshot changed (or arrived).
    removed(list): ids removed or purged.
    logged(list): ids that have new log lines.
    purged(): many jobs may have gone at once (a purge): readers re-read their lists.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core.api import Changes, Tracker
from core.records import JobSnapshot
from desktop.services.background import Background

POLL_OVERLAP = dt.timedelta(seconds=2)  # a row whose transaction committed late is still seen
PROGRESS_FIELDS = frozenset({"progress_done", "progress_total", "warnings", "errors", "updated_at"})
MAX_CACHE = 6000


@dataclass
class Pending:
    """What arrived since the last apply: newest snapshot per job, merged progress, removed ids, logged ids."""

    snapshots: dict[int, JobSnapshot] = field(default_factory=dict)
    progress: dict[int, dict[str, Any]] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    logged: set[int] = field(default_factory=set)
    purged: bool = False

    def __bool__(self) -> bool:
        return bool(self.snapshots or self.progress or self.removed or self.logged or self.purged)

    def add_snapshot(self, snap: JobSnapshot) -> None:
        if snap.id in self.removed:
            return
        old = self.snapshots.get(snap.id)
        if old is None or snap.updated_at >= old.updated_at:
            self.snapshots[snap.id] = snap

    def add_progress(self, job_id: int, changes: dict[str, Any]) -> None:
        if job_id not in self.removed:
            self.progress.setdefault(job_id, {}).update(changes)

    def add_removed(self, job_id: int) -> None:
        self.removed.add(job_id)
        self.snapshots.pop(job_id, None)
        self.progress.pop(job_id, None)
        self.logged.discard(job_id)


def merge(old: JobSnapshot | None, new: JobSnapshot) -> JobSnapshot | None:
    """The snapshot to keep, or None when ``new`` brings nothing newer than ``old``."""
    if old is None:
        return new
    if new.updated_at < old.updated_at:
        return None
    if new.waiting is None and old.waiting is not None and new.status == old.status:
        new = new.replace(waiting=old.waiting)  # an event's snapshot carries no waiting reason: keep the known one
    if new.profile is None and new.origin is None and (old.profile is not None or old.origin is not None):
        # nor where the job came from, which never changes
        new = new.replace(profile=old.profile, origin=old.origin, chain_run=old.chain_run, after=old.after)
    return None if new == old else new


class JobCache(QObject):
    changed = Signal(list)
    removed = Signal(list)
    offline = Signal(object)  # the poll's error while the database cannot be read, None once it reads again
    logged = Signal(list)
    purged = Signal()
    _poke = Signal()
    _connected = Signal()

    def __init__(
        self,
        tracker: Tracker,
        background: Background,
        *,
        all_users: bool,
        interval_ms: int = 250,
        poll_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.error: BaseException | None = None  # set while the database cannot be read (offline)
        self.tracker, self.background, self.all_users = tracker, background, all_users
        self.user = tracker.user
        self.interval_ms = interval_ms
        self._snaps: dict[int, JobSnapshot] = {}
        self._pins: Counter[int] = Counter()
        self._inflight: set[int] = set()
        self._wanted: list[int] = []  # asked for during this event (a paint): read together once it returns
        self._fetch_timer = QTimer(self, singleShot=True, interval=0)
        self._fetch_timer.timeout.connect(self._fetch)
        self._gone: set[int] = set()
        self._lock = threading.Lock()
        self._pending = Pending()
        self._scheduled = False
        self._last_apply = 0.0
        self._apply_timer = QTimer(self, singleShot=True)
        self._apply_timer.timeout.connect(self._apply)
        self._poke.connect(self._on_poke)
        self._since = dt.datetime.now(dt.UTC) - POLL_OVERLAP
        self._polling = False
        self._poll_timer = QTimer(self, interval=poll_interval_ms)
        self._poll_timer.timeout.connect(self.poll)
        self._unsubscribe = tracker.bus.subscribe(self._listener)
        self._channel: Any = None
        self._connected.connect(self.poll)
        self.flushes = 0  # how many batches were applied (tests and the benchmark read it)

    def start(self) -> None:
        self._poll_timer.start()
        # the engine's events; after each (re)connection, re-read what changed meanwhile
        self._channel = self.tracker.subscribe(self._listener, on_connect=lambda _hello: self._connected.emit())

    @property
    def listening(self) -> bool:
        """Connected to the local engine's channel (else only the poll brings changes)."""
        return self._channel is not None and self._channel.connected.is_set()

    def close(self) -> None:
        self._unsubscribe()
        if self._channel is not None:
            self._channel.close()
        self._poll_timer.stop()
        self._apply_timer.stop()
        self._fetch_timer.stop()

    # -- reading ------------------------------------------------------------------------------------
    def get(self, job_id: int) -> JobSnapshot | None:
        return self._snaps.get(job_id)

    def __contains__(self, job_id: object) -> bool:
        return job_id in self._snaps

    def __len__(self) -> int:
        return len(self._snaps)

    def put(self, snaps: list[JobSnapshot]) -> list[int]:
        """Store snapshots read by a reader (newer ones win); emits ``changed`` for those that changed."""
        ids = [s.id for s in snaps if self._store(s)]
        if ids:
            self.changed.emit(ids)
        self._evict()
        return ids

    def request(self, ids: list[int]) -> None:
        """Read these jobs in the background (those not cached nor already asked for); ``changed`` follows.

        The read starts once the current event is handled: a paint asks for rows cell by cell, and a reading
        thread started in the middle of it would hold the interpreter lock the paint needs for each cell."""
        want = [j for j in ids if j not in self._snaps and j not in self._inflight]
        if not want:
            return
        self._inflight.update(want)
        self._wanted.extend(want)
        if not self._fetch_timer.isActive():
            self._fetch_timer.start()

    @Slot()
    def _fetch(self) -> None:
        want, self._wanted = self._wanted, []
        if not want:
            return

        def done(snaps: list[JobSnapshot]) -> None:
            self._inflight.difference_update(want)
            self.put(snaps)

        def failed(_exc: BaseException) -> None:
            self._inflight.difference_update(want)

        self.background.run(self.tracker.snapshots, want, on_success=done, on_failure=failed, owner=self)

    def requested(self, job_id: int) -> bool:
        """Whether this job is being read (asked for and not arrived yet)."""
        return job_id in self._inflight

    def pin(self, job_id: int) -> None:
        self._pins[job_id] += 1

    def unpin(self, job_id: int) -> None:
        self._pins[job_id] -= 1
        if self._pins[job_id] <= 0:
            del self._pins[job_id]

    def _store(self, snap: JobSnapshot) -> bool:
        kept = merge(self._snaps.get(snap.id), snap)
        if kept is None:
            return False
        self._snaps[snap.id] = kept
        self._gone.discard(snap.id)
        return True

    def _evict(self) -> None:
        """Drop the least recently stored half of what is neither running nor pinned."""
        if len(self._snaps) <= MAX_CACHE:
            return
        drop = len(self._snaps) - MAX_CACHE // 2
        for job_id, snap in list(self._snaps.items()):
            if drop <= 0:
                break
            if not snap.status.is_running and job_id not in self._pins:
                del self._snaps[job_id]
                drop -= 1

    # -- engine threads ---------------------------------------------------------------------------
    def _listener(self, event: Any) -> None:
        """An engine event (``core.events.JobEvent``; its kind is a string enum: created, changed, progress,
        removed). Only ``app`` may import core.events, so the kinds are compared as strings."""
        kind = str(event.kind)
        with self._lock:
            if kind == "removed":
                if event.job_id:
                    self._pending.add_removed(event.job_id)
                else:
                    self._pending.purged = True  # a purge: many at once, the poll names them
            elif kind == "progress":
                self._pending.add_progress(event.job_id, dict(event.changes))
                if event.log:
                    self._pending.logged.add(event.job_id)
            elif event.job is not None:
                self._pending.add_snapshot(event.job)
                if kind == "changed":
                    self._pending.logged.add(event.job_id)  # a state change usually logs a line
            poke = not self._scheduled
            self._scheduled = True
        if poke:
            self._poke.emit()  # queued to the GUI thread

    # -- GUI thread -------------------------------------------------------------------------------
    @Slot()
    def _on_poke(self) -> None:
        if self._apply_timer.isActive():
            return
        wait = self._last_apply + self.interval_ms / 1000 - time.monotonic()
        self._apply_timer.start(max(0, int(wait * 1000)))

    @Slot()
    def _apply(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, Pending()
            self._scheduled = False
        self._last_apply = time.monotonic()
        if not batch:
            return
        self.flushes += 1
        removed = sorted(batch.removed - self._gone)  # the poll names a removal again for a while
        for job_id in removed:
            self._snaps.pop(job_id, None)
        self._gone.update(removed)
        changed: list[int] = []
        for snap in batch.snapshots.values():
            if self._store(snap):
                changed.append(snap.id)
        for job_id, changes in batch.progress.items():
            old = self._snaps.get(job_id)
            if old is None:
                continue  # not shown anywhere: the poll brings it if it matters
            when = changes.get("updated_at")
            if when is not None and when < old.updated_at:
                continue
            new = old.replace(**{k: v for k, v in changes.items() if k in PROGRESS_FIELDS})
            if new != old:
                self._snaps[job_id] = new
                if job_id not in changed:
                    changed.append(job_id)
        if removed:
            self.removed.emit(removed)
        if changed:
            self.changed.emit(changed)
        logged = sorted(batch.logged - batch.removed)
        if logged:
            self.logged.emit(logged)
        if batch.purged:
            self.purged.emit()
            self.poll()
        self._evict()

    def apply_now(self) -> None:
        """Apply what is pending at once (tests, and when a view must be exact)."""
        self._apply_timer.stop()
        self._apply()

    @Slot()
    def poll(self) -> None:
        """Re-read the rows changed since the last poll (other processes' jobs), off the GUI thread."""
        if self._polling:
            return
        self._polling = True
        started = dt.datetime.now(dt.UTC)
        since = self._since

        def done(result: Changes) -> None:
            self._polling = False
            if self.error is not None:
                self.error = None
                self.offline.emit(None)
            self._since = started - POLL_OVERLAP
            if not result.changed and not result.removed:
                return
            with self._lock:
                for snap in result.changed:
                    self._pending.add_snapshot(snap)
                for job_id in result.removed:
                    self._pending.add_removed(job_id)
                poke = not self._scheduled
                self._scheduled = True
            if poke:
                self._on_poke()

        def failed(exc: BaseException) -> None:
            self._polling = False
            if self.error is None:  # said once; the poll goes on trying every second
                self.error = exc
                self.offline.emit(exc)

        self.background.run(
            self.tracker.changes_since, since, all_users=self.all_users, on_success=done, on_failure=failed, owner=self
        )
