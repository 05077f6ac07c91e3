"""The timeline: every job that lived in a time range, one lane per queue, with why it waited before it started.

Why a job waited is worked out from what the history holds, never guessed from the clock alone:

- until its start time, when it was scheduled for later ("scheduled for 14:00");
- until the last of its parents ended, when it was submitted ``--after`` ("waited for job #12");
- then, in its queue: if the queue's slots were all taken when it became due, "the queue was full (2 of 2
  running)"; if the queue was paused for a second or more of the wait (its pause history), "the queue was
  paused"; otherwise it waited for an engine to take it ("no engine took it; 0 of 2 running"). A wait shorter
  than a second is the normal pick-up delay and is not drawn.
- a job still waiting shows the reason it waits for now (the one the job list shows).

Reads only: the jobs come through the store's ``between`` (visibility included), the queues' capacities from
the settings.
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from core.messages import Message, define, msg
from core.records import JobSnapshot
from core.store import jobs, settings
from core.store.db import Database
from core.workflows import reasons

define("timeline.scheduled", "scheduled for {at:time}")
define("timeline.after", "waited for job #{id} to end")
define("timeline.queue_full", "the queue {queue} was full ({running} of {capacity} running)")
define(
    "timeline.no_engine",
    "a slot was free in the queue {queue} ({running} of {capacity} running) but no engine took it: "
    "no engine was running",
)
define("timeline.paused", "the queue {queue} was paused")
define("timeline.waiting", "waiting in the queue {queue}")

NOISE = dt.timedelta(seconds=1)
LOOKBACK = dt.timedelta(days=7)  # jobs drawn in the range may have started waiting before it
LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class Wait:
    start: dt.datetime
    end: dt.datetime
    reason: Message


@dataclass(frozen=True, slots=True)
class Bar:
    """One job: its waits (hatched) from creation to start, then its run from start to end (or now)."""

    job: JobSnapshot
    waits: tuple[Wait, ...]
    start: dt.datetime | None  # None: it never started
    end: dt.datetime  # when it ended, or now

    @property
    def queue(self) -> str:
        return self.job.queue


@dataclass(frozen=True, slots=True)
class QueueSummary:
    queue: str
    jobs: int
    per_hour: float  # jobs that ended in the range, per hour of the range
    median_wait: float | None  # seconds from due (created, or its start time) to start, of the jobs that started


@dataclass(frozen=True, slots=True)
class Timeline:
    since: dt.datetime
    until: dt.datetime
    bars: tuple[Bar, ...]
    queues: tuple[QueueSummary, ...]
    truncated: bool  # more jobs lived in the range than the LIMIT most recent shown

    @property
    def per_hour(self) -> float:
        return sum(q.per_hour for q in self.queues)


def _due(snap: JobSnapshot) -> dt.datetime:
    if snap.scheduled_for is not None and snap.scheduled_for > snap.created_at:
        return snap.scheduled_for
    return snap.created_at


def build(
    db: Database,
    snaps: Sequence[JobSnapshot],
    since: dt.datetime,
    until: dt.datetime,
    now: dt.datetime,
    truncated: bool = False,
) -> Timeline:
    capacity = {q.name: q.capacity for q in settings.get_queues(db)}
    pauses = settings.pauses_between(db, since - LOOKBACK, until)

    def paused(queue: str, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether the queue was paused for a second or more between ``start`` and ``end``."""
        return any(min(end, resumed or now) - max(start, at) >= NOISE for at, resumed in pauses.get(queue, ()))

    parents = dependencies_of(db, [s.id for s in snaps])
    ended = {s.id: s.finished_at for s in snaps}
    missing = sorted({p for ps in parents.values() for p in ps if p not in ended})
    if missing:
        ended.update({s.id: s.finished_at for s in jobs.get_many(db, missing)})
    # per queue, sorted starts and ends of the runs, to count what ran at any instant with two bisections
    starts: dict[str, list[dt.datetime]] = {}
    ends: dict[str, list[dt.datetime]] = {}
    for s in snaps:
        if s.started_at is not None:
            starts.setdefault(s.queue, []).append(s.started_at)
            ends.setdefault(s.queue, []).append(s.finished_at or now)
    for v in (*starts.values(), *ends.values()):
        v.sort()

    def running(queue: str, at: dt.datetime) -> int:
        return bisect.bisect_right(starts.get(queue, []), at) - bisect.bisect_right(ends.get(queue, []), at)

    bars = []
    for s in snaps:
        stop = s.started_at or s.finished_at or now
        waits: list[Wait] = []
        t = s.created_at
        if s.scheduled_for is not None and s.scheduled_for > t:
            waits.append(Wait(t, min(s.scheduled_for, stop), msg("timeline.scheduled", at=s.scheduled_for.isoformat())))
            t = min(s.scheduled_for, stop)
        done = [(ended.get(p), p) for p in parents.get(s.id, ())]
        last = max(((when, p) for when, p in done if when is not None), default=None)
        if last is not None and last[0] > t:
            waits.append(Wait(t, min(last[0], stop), msg("timeline.after", id=last[1])))
            t = min(last[0], stop)
        if stop - t >= NOISE:
            cap = capacity.get(s.queue, 1)
            if s.started_at is None and s.finished_at is None:
                reason = s.waiting or msg("timeline.waiting", queue=s.queue)
            else:
                n = running(s.queue, t)
                if n >= cap:
                    reason = msg("timeline.queue_full", queue=s.queue, running=n, capacity=cap)
                elif paused(s.queue, t, stop):
                    reason = msg("timeline.paused", queue=s.queue)
                else:
                    reason = msg("timeline.no_engine", queue=s.queue, running=n, capacity=cap)
            waits.append(Wait(t, stop, reason))
        end = s.finished_at or now
        bars.append(Bar(s, tuple(waits), s.started_at, end))
    return Timeline(since, until, tuple(bars), _summaries(snaps, since, until), truncated)


def dependencies_of(db: Database, ids: Sequence[int]) -> dict[int, list[int]]:
    return reasons.parents_of(db, ids) if ids else {}


def _summaries(snaps: Sequence[JobSnapshot], since: dt.datetime, until: dt.datetime) -> tuple[QueueSummary, ...]:
    hours = max((until - since).total_seconds() / 3600, 1 / 60)
    out = []
    for queue in sorted({s.queue for s in snaps}):
        mine = [s for s in snaps if s.queue == queue]
        finished = [s for s in mine if s.finished_at is not None and since <= s.finished_at <= until]
        waits = [
            max(0.0, (s.started_at - _due(s)).total_seconds())
            for s in mine
            if s.started_at is not None and since <= s.started_at <= until
        ]
        out.append(QueueSummary(queue, len(mine), len(finished) / hours, statistics.median(waits) if waits else None))
    return tuple(out)


def timeline(
    db: Database,
    *,
    user: str,
    all_users: bool,
    since: dt.datetime,
    until: dt.datetime,
    now: dt.datetime | None = None,
) -> Timeline:
    """The jobs this person may see that lived between ``since`` and ``until`` (created before ``until``, not
    ended before ``since``), the :data:`LIMIT` most recent of them, as a timeline."""
    now = now or dt.datetime.now(dt.UTC)
    snaps = jobs.between(db, since, until, user=user, all_users=all_users, limit=LIMIT + 1)
    truncated = len(snaps) > LIMIT
    return build(db, snaps[1:] if truncated else snaps, since, until, now, truncated)  # oldest first: drop one
