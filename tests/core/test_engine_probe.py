"""Defects a QA probe found in the engine: a live engine's jobs taken for a stopped clock, and an outcome that a
full disk left unwritten forever."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from sqlalchemy import select

from core.engine import housekeeping
from core.operations import registry
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import EngineRow
from tests.core.helpers import wait_for, wait_status

ROOT = Path(__file__).resolve().parents[2]
S = JobStatus


@pytest.fixture
def worker() -> Iterator[list[subprocess.Popen[bytes]]]:
    """`asyncops worker` processes the test starts; each is continued and killed at the end, by its pid."""
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            os.kill(p.pid, signal.SIGCONT)
        if p.poll() is None:
            p.kill()
        p.wait(10)


def _kill(pid: int) -> None:
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(pid).kill()


def test_a_stopped_engine_holding_its_lock_keeps_its_jobs_whatever_its_heartbeats_age(
    db: Database, worker: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    # a foreground worker serving every queue: it holds the engine lock of this database on this host
    w = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "worker"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    worker.append(w)
    pidfile = tmp_path / "pid"
    snap = jobs.submit(db, "command", {"cmd": f"echo $$ > {pidfile}; exec sleep 321", "shell": True})
    active = wait_status(db, snap.id, "ACTIVE", timeout=60)
    wait_for(lambda: jobs.get(db, snap.id).runtime, 30)  # recovery would know which program to end
    sleeper = int(wait_for(lambda: pidfile.exists() and pidfile.read_text().strip(), 30))
    try:
        assert active.worker and active.worker.split(":")[1] == str(w.pid)
        os.kill(w.pid, signal.SIGSTOP)  # alive, holding its lock, but it beats no more
        wait_for(lambda: psutil.Process(w.pid).status() == psutil.STATUS_STOPPED, 10)
        with db.connect_read() as conn:
            beat = conn.execute(select(EngineRow.heartbeat_at).where(EngineRow.id == active.worker)).scalar_one()
        assert beat is not None

        # another engine's recovery pass, however short its patience: the clock proves nothing on this host
        ops = {op.name: op for op in registry.all()}
        assert jobs.dead_engines(db, 0.0, exclude="checker") == []
        assert housekeeping.recover_dead(db, "checker", 0.0, ops) == 0
        assert jobs.get(db, snap.id).status is S.ACTIVE
        assert psutil.pid_exists(sleeper) and psutil.Process(sleeper).status() != psutil.STATUS_ZOMBIE

        # it carries on when continued: its job is still its own, and stops as any job does
        os.kill(w.pid, signal.SIGCONT)
        assert jobs.request_stop(db, snap.id) is not None
        done = wait_status(db, snap.id, "STOPPED", timeout=60)
        assert done.worker == active.worker
    finally:
        _kill(sleeper)


def test_an_engine_of_another_host_is_still_judged_by_its_heartbeat_and_a_gone_local_one_by_its_process(
    db: Database,
) -> None:
    import datetime as dt
    import socket

    from core.store.schema import utcnow

    now = utcnow()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)  # its pid is gone: a local engine that died, with a fresh heartbeat
    with db.write() as s:
        s.add(
            EngineRow(
                id="far:1:x", host="far-away-host", pid=1, kind="worker", queues=[], started_at=now, heartbeat_at=now
            )
        )
        s.add(
            EngineRow(
                id=f"{socket.gethostname()}:{child.pid}:y",
                host=socket.gethostname(),
                pid=child.pid,
                kind="worker",
                queues=[],
                started_at=now - dt.timedelta(seconds=5),
                heartbeat_at=now,
            )
        )
    assert jobs.dead_engines(db, 60) == [f"{socket.gethostname()}:{child.pid}:y"]
    assert sorted(jobs.dead_engines(db, 0.0)) == sorted(["far:1:x", f"{socket.gethostname()}:{child.pid}:y"])
