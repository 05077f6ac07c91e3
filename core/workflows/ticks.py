"""What an engine's housekeeping calls: one function per moment, each publishing what it changed.

    tick(db, bus)            each housekeeping tick (not in inline engines): fire due schedules, then release
    release_ended(db, bus)   after a job of this engine ended: its dependents move on at once

Both return True when a job became runnable (the engine then wakes its slots).
"""

from __future__ import annotations

import datetime as dt

from core.events import EventBus, EventKind, JobEvent
from core.records import JobSnapshot
from core.status import JobStatus
from core.store.db import Database
from core.workflows import dependencies, schedules


def _publish(bus: EventBus | None, kind: EventKind, snaps: list[JobSnapshot]) -> None:
    if bus is not None:
        for s in snaps:
            bus.publish(JobEvent(kind, s.id, job=s))


def release_ended(db: Database, bus: EventBus | None = None, now: dt.datetime | None = None) -> bool:
    moved = dependencies.release(db, now)
    _publish(bus, EventKind.CHANGED, moved)
    return any(s.status is JobStatus.QUEUED for s in moved)


def tick(db: Database, bus: EventBus | None = None, now: dt.datetime | None = None) -> bool:
    created = schedules.fire_due(db, now)
    _publish(bus, EventKind.CREATED, created)
    queued = release_ended(db, bus, now)
    return queued or any(s.status is JobStatus.QUEUED for s in created)
