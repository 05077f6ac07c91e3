"""Several engines on one database share a queue's work fairly; one engine claims several jobs at once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from core.engine import Engine, claims
from core.operations import Operation, registry
from core.store import jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig
from tests.core.helpers import wait_for


class Tiny(Operation):
    """A job that does nothing but count its run."""

    name = "test-tiny"
    title = "Tiny"
    lock = threading.Lock()
    runs: Counter[str] = Counter()

    def run(self, ctx: Any, params: dict[str, Any]) -> None:
        with type(self).lock:
            type(self).runs[ctx.worker] += 1


@pytest.fixture
def tiny() -> Iterator[type[Tiny]]:
    registry.register(Tiny, replace=True)
    Tiny.runs = Counter()
    yield Tiny
    registry.unregister(Tiny.name)


@pytest.mark.parametrize("own_database", [False, True], ids=["one Database", "a Database each"])
def test_four_engines_share_two_thousand_jobs(db: Database, tiny: type[Tiny], own_database: bool) -> None:
    settings.ensure_defaults(db)
    settings.save_queue(db, QueueConfig("default", max_parallel=4, paused=True))
    jobs.submit_many(db, "test-tiny", [{} for _ in range(2000)])
    # one Database: engines queue on its write lock; a Database each: on SQLite's, as engines in other processes
    databases = [Database(db.url) for _ in range(4)] if own_database else [db] * 4
    engines = [Engine(d, tick=0.05, purge=False).start() for d in databases]
    try:
        wait_for(lambda: all(e.fair_share("default") == 1 for e in engines))  # each has seen the three others
        settings.set_paused(db, "default", False)
        wait_for(lambda: jobs.count_by_status(db, all_users=True).get("SUCCEEDED", 0) == 2000, timeout=120)
    finally:
        for e in engines:
            e.shutdown()
        for d in databases:
            if d is not db:
                d.dispose()
    by_engine = Counter(j.worker for j in jobs.list_jobs(db, all_users=True, with_reasons=False))
    assert sum(by_engine.values()) == 2000 and set(by_engine) <= {e.id for e in engines}
    assert max(by_engine.values()) <= 0.4 * 2000, by_engine


def test_one_claim_takes_several_jobs_within_capacity_and_share(db: Database, tiny: type[Tiny]) -> None:
    settings.ensure_defaults(db)
    settings.save_queue(db, QueueConfig("default", max_parallel=4))
    cfg = settings.get_queue(db, "default")
    jobs.submit_many(db, "test-tiny", [{} for _ in range(10)])
    with db.connect_write() as conn:
        first = claims.claim(conn, cfg, "alone", ["test-tiny"], want=3)
    assert [j.worker for j in first.jobs] == ["alone"] * 3 and not first.crowded
    for engine_id in ("e1", "e2"):
        jobs.register_engine(db, engine_id, "worker", [])
    with db.connect_write() as conn:  # two engines serve the queue now: a share is 2 of its 4
        e1 = claims.claim(conn, cfg, "e1", ["test-tiny"], want=10, share=claims.fair_share(conn, cfg))
    assert len(e1.jobs) == 1 and e1.crowded  # capacity 4, 3 taken: one left
    with db.connect_write() as conn:
        e2 = claims.claim(conn, cfg, "e2", ["test-tiny"], want=10, share=2)
        other_ops = claims.claim(conn, cfg, "e2", ["test-other"], want=10, borrow=True)
    assert e2.jobs == [] and other_ops.jobs == []  # the queue is full; and no job of an operation it lacks
    assert jobs.count_by_status(db, all_users=True) == {"ACTIVE": 4, "QUEUED": 6}
    settings.save_queue(db, QueueConfig("wide", max_parallel=4))
    wide = settings.get_queue(db, "wide")
    for _ in range(5):
        jobs.submit(db, "test-tiny", {}, queue="wide")
    with db.connect_write() as conn:
        assert claims.fair_share(conn, wide) == 2
        fair = claims.claim(conn, wide, "e1", ["test-tiny"], want=4, share=2)
        borrowed = claims.claim(conn, wide, "e1", ["test-tiny"], want=4, share=2, borrow=True)
    assert len(fair.jobs) == 2 and fair.at_share  # its share of 4 among two engines, with room left
    assert len(borrowed.jobs) == 2  # the rest of the capacity, when borrowing
