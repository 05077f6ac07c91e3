"""Claims across engines keep the queue's cap and run each job once (slots reserved without waiting and SKIP LOCKED on PostgreSQL; one
writer at a time on SQLite). Each engine has a Database of its own, as separate processes would."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from core.engine import Engine
from core.store import jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig
from tests.conftest import SERVER
from tests.core.helpers import Probe, wait_for


def test_three_engines_never_exceed_the_cap_and_run_each_job_once(db: Database, probe: Any) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2, paused=True))
    n = 30
    jobs.submit_many(db, "test-probe", [{"items": 2, "step": 0.01}] * n)
    dbs = [Database(db.url) for _ in range(3)]
    engines = [Engine(d, kind="worker", tick=0.02, idle_poll=0.02, heartbeat_interval=0.5, purge=False) for d in dbs]
    for e in engines:
        e.start()
    try:
        settings.set_paused(db, "default", False)
        wait_for(lambda: all(s.status.is_terminal for s in jobs.list_jobs(db, all_users=True, with_reasons=False)), 60)
    finally:
        for e in engines:
            e.shutdown(grace=5)
        for d in dbs:
            d.dispose()
    done = jobs.list_jobs(db, all_users=True, with_reasons=False)
    assert sorted(Probe.runs) == sorted(s.id for s in done)  # each once
    assert {str(s.status) for s in done} == {"SUCCEEDED"} and {s.attempt for s in done} == {1}
    assert 1 <= Probe.peak <= 2


@pytest.mark.skipif(not SERVER, reason="PostgreSQL: slots of running jobs")
def test_a_running_slot_is_unique_per_queue(db: Database, probe: Any) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    a = jobs.submit(db, "test-probe", {})
    b = jobs.submit(db, "test-probe", {})
    cfg = settings.get_queue(db, "default")
    first = jobs.claim(db, cfg, "w1")
    second = jobs.claim(db, cfg, "w2")
    assert first is not None and second is not None and {first.id, second.id} == {a.id, b.id}
    assert jobs.claim(db, cfg, "w3") is None  # the cap
    with db.engine.connect() as conn:
        slots = sorted(conn.execute(text("SELECT slot FROM jobs WHERE status = 'ACTIVE'")).scalars())
        assert slots == [0, 1]
        assert conn.execute(text("SELECT asyncops_running('default')")).scalar() == 2
        with pytest.raises(Exception, match="ux_jobs_running_slot"):
            conn.execute(text("UPDATE jobs SET slot = 0 WHERE id = :i"), {"i": max(a.id, b.id)})
