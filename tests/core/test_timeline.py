"""The timeline: one bar per job with why it waited, worked out from the history (no clock of the test's own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import update

from core.api import Tracker
from core.errors import NotAllowed
from core.status import JobStatus
from core.store import settings
from core.store.schema import Job, QueuePause
from core.workflows import timeline

T = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
S = JobStatus


@pytest.fixture
def t() -> Iterator[Tracker]:
    tracker = Tracker()
    settings.save_queue(tracker.db, settings.QueueConfig(name="default", max_parallel=1))
    yield tracker
    tracker.close()


def job(t: Tracker, created: float, started: float | None, finished: float | None, **kw: Any) -> int:
    """A job whose history is set as an engine would have left it, seconds after T."""
    snap = t.submit("command", {"cmd": "true"}, **kw)
    at = lambda s: None if s is None else T + dt.timedelta(seconds=s)  # noqa: E731
    status = S.SUCCEEDED if finished is not None else S.ACTIVE if started is not None else snap.status
    with t.db.write() as s:
        s.execute(
            update(Job)
            .where(Job.id == snap.id)
            .values(created_at=at(created), started_at=at(started), finished_at=at(finished), status=str(status))
        )
    return snap.id


def test_each_wait_says_why_from_what_the_history_holds(t: Tracker) -> None:
    a = job(t, 0, 0.2, 60)  # ran first
    b = job(t, 1, 60, 70)  # waited while a held the only slot
    c = job(t, 2, 75, 80, after=[b])  # waited for b, then 5 s with a free slot
    d = job(t, 3, 100.5, 110)  # scheduled for T+100 (below), picked up at once
    now = T + dt.timedelta(seconds=200)
    with t.db.write() as s:  # d's start time, as its submit recorded it
        s.execute(update(Job).where(Job.id == d).values(scheduled_for=T + dt.timedelta(seconds=100)))
    e = job(t, 150, None, None)  # still waiting now
    line = t.workflows.timeline(T - dt.timedelta(hours=1), now, now=now)
    bars = {bar.job.id: bar for bar in line.bars}
    assert list(bars) == [a, b, c, d, e]

    def waits(i: int) -> list[tuple[float, float, str]]:
        return [((w.start - T).total_seconds(), (w.end - T).total_seconds(), w.reason.text) for w in bars[i].waits]

    assert waits(a) == []  # a 0.2 s pick-up is not a wait
    assert waits(b) == [(1, 60, "the queue default was full (1 of 1 running)")]
    assert waits(c) == [
        (2, 70, f"waited for job #{b} to end"),
        (
            70,
            75,
            "a slot was free in the queue default (0 of 1 running) but no engine took it: no engine was running",
        ),
    ]
    assert [w[:2] for w in waits(d)] == [(3, 100)] and waits(d)[0][2].startswith("scheduled for ")
    assert waits(e) == [(150, 200, bars[e].job.waiting_reason or "waiting in the queue default")]
    assert bars[e].start is None and bars[e].end == now and bars[a].end == T + dt.timedelta(seconds=60)
    (q,) = line.queues
    # median wait from due to start over a, b, c, d: 0.2, 59, 73, 0.5
    assert q.queue == "default" and q.jobs == 5 and q.median_wait == pytest.approx((0.5 + 59) / 2)
    assert q.per_hour == pytest.approx(4 / ((now - (T - dt.timedelta(hours=1))).total_seconds() / 3600))
    assert not line.truncated


def test_a_wait_in_a_paused_queue_says_so_from_the_pause_history(t: Tracker) -> None:
    settings.set_paused(t.db, "default", True)  # recorded as the queue's pause history…
    settings.set_paused(t.db, "default", True)  # (pausing a paused queue adds nothing)
    settings.set_paused(t.db, "default", False)
    with t.db.write() as s:  # …moved to the test's clock: paused from T+290 to T+329
        s.execute(
            update(QueuePause).values(paused_at=T + dt.timedelta(seconds=290), resumed_at=T + dt.timedelta(seconds=329))
        )
    f = job(t, 300, 330, 331)  # waited 30 s while the queue was paused
    g = job(t, 400, 420, 421)  # waited 20 s after the pause: no engine
    now = T + dt.timedelta(seconds=500)
    bars = {bar.job.id: bar for bar in t.workflows.timeline(T, now, now=now).bars}
    assert [w.reason.text for w in bars[f].waits] == ["the queue default was paused"]
    assert [w.reason.text for w in bars[g].waits] == [
        "a slot was free in the queue default (0 of 1 running) but no engine took it: no engine was running"
    ]
    assert len(settings.pauses_between(t.db, T, now)["default"]) == 1


def test_only_jobs_that_lived_in_the_range_and_only_ones_own(t: Tracker) -> None:
    old = job(t, 0, 1, 2)
    new = job(t, 7200, 7201, 7202)
    line = t.workflows.timeline(T + dt.timedelta(hours=1), T + dt.timedelta(hours=3))
    assert [b.job.id for b in line.bars] == [new] and old != new
    other = Tracker(t.db, user="somebody-else")
    assert other.workflows.timeline(T, T + dt.timedelta(hours=3)).bars == ()
    assert not other.admin
    with pytest.raises(NotAllowed):
        other.workflows.timeline(T, T + dt.timedelta(hours=3), all_users=True)


def test_the_limit_keeps_the_most_recent(t: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [job(t, i, i + 0.1, i + 0.2) for i in range(5)]
    monkeypatch.setattr(timeline, "LIMIT", 3)
    line = t.workflows.timeline(T, T + dt.timedelta(hours=1))
    assert [b.job.id for b in line.bars] == ids[2:] and line.truncated
