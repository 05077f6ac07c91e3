"""A submit chooses its job's queue from the queues it read last and checks, in the statement that inserts the job,
that they are still the table's: whatever changed the queues since (this process or another) is seen by the next
submit, through the engine's writer or alone."""

from __future__ import annotations

import pytest

from core.engine import Engine
from core.errors import UsageError
from core.store import jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig

CMD = {"argv": ["true"]}


def _stored(db: Database, job_id: int) -> tuple[str, int]:
    got = jobs.get_many(db, [job_id])[0]
    return got.queue, got.max_attempts


@pytest.mark.parametrize("through_engine", [False, True])
def test_each_submit_sees_the_queues_as_they_are_now(db: Database, through_engine: bool) -> None:
    other = Database(db.url)  # another process's connection changes the queues
    engine = Engine(db, queues=["nothing-runs-here"]).start() if through_engine else None

    ids: list[int] = []

    def submit(**kw: str) -> tuple[str, int]:
        snap = engine.submit("command", CMD, **kw) if engine else jobs.submit(db, "command", CMD, **kw)
        assert _stored(db, snap.id) == (snap.queue, snap.max_attempts)  # the snapshot is what was stored
        ids.append(snap.id)
        return snap.queue, snap.max_attempts

    try:
        settings.ensure_defaults(db)
        assert submit() == ("default", 1)
        settings.save_queue(other, QueueConfig("default", retries=2))
        assert submit() == ("default", 3)  # the new retries
        settings.save_queue(other, QueueConfig("io", operations=["command"]))
        assert submit() == ("io", 1)  # the queue that now lists the operation
        assert submit(queue="default") == ("default", 3)
        jobs.request_stop(db, ids[2])  # its job stopped, the queue can go
        settings.delete_queue(other, "io")
        assert submit() == ("default", 3)
        count = jobs.count_jobs(db)
        with pytest.raises(UsageError):
            submit(queue="io")  # gone since the last submit read it
        assert jobs.count_jobs(db) == count  # nothing written
    finally:
        if engine is not None:
            engine.shutdown()
        other.dispose()
