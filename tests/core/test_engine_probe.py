"""Defects a QA probe found in the engine: a live engine's jobs taken for a stopped clock, and an outcome that a
full disk left unwritten forever."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from core.engine import Engine, housekeeping
from core.engine.writer import Writer
from core.operations import registry
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.schema import EngineRow
from tests.conftest import SERVER
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


# -- a full disk: SQLite writes the WAL at COMMIT, so that is where a full disk refuses a transaction -------------
class FullDisk:
    """While ``on`` is set, every COMMIT of the database's connections is refused as SQLite refuses it on a full
    disk (``SQLITE_FULL``, the transaction left to the caller to roll back). The statements before it pass: a full
    disk is met when the WAL is written, at COMMIT (``PRAGMA max_page_count`` would refuse the statements instead,
    which the writer always handled)."""

    def __init__(self, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
        self.on = threading.Event()
        self.refused = 0
        real = db.engine.dialect.do_commit

        def do_commit(dbapi_connection: Any) -> None:
            if self.on.is_set():
                self.refused += 1
                raise sqlite3.OperationalError("database or disk is full")
            real(dbapi_connection)

        monkeypatch.setattr(db.engine.dialect, "do_commit", do_commit)


@pytest.fixture
def full_disk(db: Database, monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    if not db.is_sqlite:
        pytest.skip("SQLite: a full disk refuses the COMMIT")
    return FullDisk(db, monkeypatch)


def test_a_commit_refused_by_a_full_disk_leaves_the_writer_able_to_write_once_there_is_room(
    db: Database, full_disk: FullDisk
) -> None:
    with db.connect_write() as conn:
        conn.execute(text("CREATE TABLE probe (x INTEGER PRIMARY KEY)"))
    writer = Writer(db, checkpoints=False)  # the engine's: one connection held for all its transactions
    try:

        def insert(x: int) -> Any:
            return writer.write(lambda conn: conn.execute(text("INSERT INTO probe VALUES (:x)"), {"x": x}).rowcount)

        full_disk.on.set()
        for x in (1, 2):
            with pytest.raises(OperationalError, match="disk is full"):  # a refusal, which its slot writes again
                insert(x)
        assert full_disk.refused == 2
        full_disk.on.clear()  # room again: the same writer's next transactions are accepted
        assert insert(1) == 1 and insert(2) == 1
    finally:
        writer.close()
    with db.connect_read() as conn:
        assert conn.execute(text("SELECT x FROM probe ORDER BY x")).scalars().all() == [1, 2]


def test_a_flooding_command_whose_log_hits_a_full_disk_ends_with_its_exit_code_once_there_is_room(
    db: Database, full_disk: FullDisk, tmp_path: Path
) -> None:
    eng = Engine(db, tick=0.05, heartbeat_interval=0.5).start()
    try:
        script = (
            "while [ ! -f start ]; do sleep 0.02; done; seq 1 30000; touch printed; "
            "while [ ! -f go ]; do sleep 0.02; done; echo after; exit 3"
        )
        snap = eng.submit("command", {"cmd": script, "shell": True, "cwd": str(tmp_path)})
        wait_for(lambda: jobs.get(db, snap.id).runtime)  # claimed and started: its program waits for `start`
        ctx = eng.context(snap.id)
        assert ctx is not None
        full_disk.on.set()
        (tmp_path / "start").touch()
        wait_for(lambda: (tmp_path / "printed").exists())  # its output is drained although nothing is written
        wait_for(lambda: ctx.lines_dropped > 0 and full_disk.refused > 0)
        assert jobs.get(db, snap.id).status is S.ACTIVE
        full_disk.on.clear()  # room again
        (tmp_path / "go").touch()
        done = wait_status(db, snap.id, timeout=60)
        # and the engine carries on: its next job runs
        assert wait_status(db, eng.submit("command", {"cmd": "true"}).id, timeout=60).status is S.SUCCEEDED
    finally:
        full_disk.on.clear()
        eng.shutdown(grace=5)
    assert done.status is S.FAILED and done.result is not None and done.result["exit_code"] == 3
    assert done.result["stdout_lines"] == 30001
    log = jobs.log_of(db, snap.id)
    notes = [e for e in log if e.code == "job.lines_dropped"]
    assert notes and all(e.args and "disk is full" in e.args["error"] for e in notes)
    dropped = sum(e.args["n"] for e in notes if e.args)
    # "$ …", 30,001 lines and "exited with code 3": each one written or counted, none lost
    assert len(log) - len(notes) + dropped == 30003
    assert log[-1].message == "exited with code 3"


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0 or bool(SERVER), reason="a real full disk: a small tmpfs, which only root mounts")
def test_a_real_full_disk_during_a_flooding_command_ends_the_job_once_there_is_room(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(small)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    db: Database | None = None
    eng: Engine | None = None
    try:
        db = Database(f"sqlite:///{small / 'full.db'}")
        eng = Engine(db, tick=0.05, heartbeat_interval=0.5).start()
        snap = eng.submit("command", {"cmd": "seq 1 100000"})
        ctx = wait_for(lambda: eng.context(snap.id), 30)
        wait_for(lambda: ctx.lines_dropped > 0, 60)  # the disk is full: lines are dropped and counted
        assert jobs.get(db, snap.id).status is S.ACTIVE
        subprocess.run(["mount", "-o", "remount,size=50m", str(small)], check=True)  # room again
        done = wait_status(db, snap.id, timeout=60)
        assert done.status is S.SUCCEEDED and done.result is not None and done.result["exit_code"] == 0
        assert done.result["stdout_lines"] == 100000
        log = jobs.log_of(db, snap.id)
        notes = [e for e in log if e.code == "job.lines_dropped"]
        assert notes and sum(e.args["n"] for e in notes if e.args) + len(log) - len(notes) == 100002
        assert wait_status(db, eng.submit("command", {"cmd": "true"}).id, timeout=60).status is S.SUCCEEDED
    finally:
        if eng is not None:
            eng.shutdown(grace=5)
        if db is not None:
            db.dispose()
        subprocess.run(["umount", str(small)], check=True)
