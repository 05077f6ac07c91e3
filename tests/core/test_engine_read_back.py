"""A slot's outcome is read back only for someone who needs it (a listener of the bus); either way it is a
compare-and-set: an engine that lost its job (recovery moved it) never overwrites what recovery wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.engine import Engine
from core.events import EventKind, JobEvent
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status

S = JobStatus


pytestmark = pytest.mark.usefixtures("probe")  # tests/core/conftest.py


@pytest.mark.parametrize("listening", [False, True])
def test_a_job_taken_from_its_engine_keeps_what_recovery_wrote(
    db: Database, engine: Engine, tmp_path: Path, listening: bool
) -> None:
    events: list[JobEvent] = []
    if listening:
        engine.bus.subscribe(events.append)
    gate = tmp_path / "gate"
    snap = engine.submit("test-probe", {"items": 1, "hold": str(gate)})
    wait_status(db, snap.id, "ACTIVE")
    # another engine declared this one dead and interrupted the job while it ran
    assert jobs.transition(db, snap.id, S.INTERRUPTED, expect=(S.ACTIVE,), worker=None) is not None
    gate.touch()
    wait_for(lambda: snap.id not in engine.running_ids())
    after = engine.submit("test-probe", {"items": 1})  # the slot goes on with the next job
    done = wait_status(db, after.id, "SUCCEEDED")
    assert jobs.get_many(db, [snap.id])[0].status is S.INTERRUPTED  # the late outcome was dropped
    if listening:  # the listener was told the next job's outcome, as written
        final = wait_for(
            lambda: [
                e.job
                for e in events
                if e.kind is EventKind.CHANGED
                and e.job_id == after.id
                and e.job is not None
                and e.job.status is S.SUCCEEDED
            ]
        )
        assert final[-1] == done
        assert not [e for e in events if e.job_id == snap.id and e.job is not None and e.job.status is S.SUCCEEDED]
