"""A thread-safe registry of listeners for job events.

Events only make clients faster: the database stays the truth, and a client that missed an event converges
by re-reading changed rows. Listeners run on the thread that publishes (an engine thread), so they must be
quick and must not touch widgets: the desktop bridge re-emits them as queued Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from core.records import JobSnapshot, LogEntry

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    CREATED = "created"  # a job was submitted (job is set)
    CHANGED = "changed"  # a state change (job is set)
    PROGRESS = "progress"  # counters/progress moved, maybe with new log lines (changes is set)
    REMOVED = "removed"  # removed or purged (job_id only)


@dataclass(frozen=True, slots=True)
class JobEvent:
    kind: EventKind
    job_id: int
    job: JobSnapshot | None = None
    # For PROGRESS: progress_done, progress_total, warnings, errors, updated_at
    changes: dict[str, Any] = field(default_factory=dict)
    log: tuple[LogEntry, ...] = ()


Listener = Callable[[JobEvent], None]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: tuple[Listener, ...] = ()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it."""
        with self._lock:
            self._listeners = (*self._listeners, listener)

        def unsubscribe() -> None:
            with self._lock:
                self._listeners = tuple(x for x in self._listeners if x is not listener)

        return unsubscribe

    def publish(self, event: JobEvent) -> None:
        for listener in self._listeners:  # a tuple: safe to iterate while others subscribe
            try:
                listener(event)
            except Exception:  # one broken listener must not break the engine or the others
                log.exception("job event listener %r failed on %s", listener, event.kind)

    def __len__(self) -> int:
        return len(self._listeners)
