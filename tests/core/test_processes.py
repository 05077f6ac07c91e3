"""Real processes: two workers on one database, kill -9 recovery, stop from another process, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from core.engine import Engine, housekeeping
from core.store import jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig
from tests.core.helpers import wait_for, wait_status

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait(10)
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()


def start_worker(procs: list[subprocess.Popen[str]], *args: str) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "worker", *args],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    procs.append(p)
    return p


def live_engines(db: Database) -> int:
    from sqlalchemy import func, select

    from core.store.schema import EngineRow

    with db.read() as s:
        return s.scalar(select(func.count()).select_from(EngineRow)) or 0


def test_two_workers_never_run_a_job_twice(db: Database, workers, tmp_path: Path) -> None:
    settings.save_queue(db, QueueConfig("default", max_parallel=2, paused=True))
    out = tmp_path / "runs.txt"
    ids = [jobs.submit(db, "command", {"cmd": f"echo {i} >> {out}", "shell": True}).id for i in range(60)]
    start_worker(workers)
    start_worker(workers)
    wait_for(lambda: live_engines(db) == 2, 30)
    settings.set_paused(db, "default", False)
    for job_id in ids:
        wait_status(db, job_id, "SUCCEEDED", timeout=60)
    lines = out.read_text().split()
    assert sorted(lines, key=int) == [str(i) for i in range(60)]  # each job ran exactly once
    pids = {int(jobs.get(db, i).worker.split(":")[1]) for i in ids}
    assert pids <= {w.pid for w in workers}  # run by the two worker processes, nobody else


def test_concurrent_claims_of_one_job_have_one_winner(db: Database) -> None:
    import threading

    settings.save_queue(db, QueueConfig("default", max_parallel=50))
    cfg = settings.get_queue(db, "default")
    snap = jobs.submit(db, "command", {"cmd": "true"})
    barrier = threading.Barrier(8)
    won: list[int] = []

    def contender(n: int) -> None:
        other = Database()  # its own connections, like another engine
        barrier.wait()
        got = jobs.claim(other, cfg, f"engine-{n}")
        if got is not None:
            won.append(n)
        other.dispose()

    threads = [threading.Thread(target=contender, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1
    assert jobs.get(db, snap.id).worker == f"engine-{won[0]}"


def test_kill_9_of_a_worker_is_recovered(db: Database, workers, tmp_path: Path) -> None:
    w = start_worker(workers)
    wait_for(lambda: live_engines(db) == 1, 30)
    snap = jobs.submit(db, "command", {"cmd": f"echo $$ > {tmp_path / 'pid'}; exec sleep 60", "shell": True})
    wait_status(db, snap.id, "ACTIVE", timeout=30)
    # killed only once the worker recorded where its command runs (before that, nobody could end it)
    active = wait_for(lambda: (s := jobs.get(db, snap.id)).runtime and s, 30)
    wait_for(lambda: (tmp_path / "pid").exists() and (tmp_path / "pid").read_text().strip(), 30)
    os.kill(w.pid, signal.SIGKILL)
    w.wait(10)
    orphan = int((tmp_path / "pid").read_text())
    assert psutil.pid_exists(orphan)  # the command outlived its engine
    eng = Engine(db, tick=0.05, heartbeat_interval=0.2, dead_after=30).start()
    try:
        done = wait_status(db, snap.id, "INTERRUPTED", timeout=30)
        # recovery ends the orphaned command, so a retry can never run next to it
        wait_for(lambda: not psutil.pid_exists(orphan) or psutil.Process(orphan).status() == psutil.STATUS_ZOMBIE, 30)
        wait_for(lambda: any("orphaned process group" in e.message for e in jobs.log_of(db, snap.id)), 30)
    finally:
        eng.shutdown()
        try:
            psutil.Process(orphan).kill()
        except psutil.NoSuchProcess:
            pass
    assert active.worker and done.worker == active.worker
    assert "stopped unexpectedly" in done.message
    assert jobs.get(db, snap.id).runtime is None
    assert live_engines(db) == 0


def test_silent_engine_on_another_host_is_declared_dead(db: Database) -> None:
    import datetime as dt

    from core.store.schema import EngineRow, utcnow

    with db.write() as s:
        s.add(
            EngineRow(
                id="far:1:x",
                host="far-away-host",
                pid=1,
                kind="worker",
                queues=[],
                started_at=utcnow(),
                heartbeat_at=utcnow() - dt.timedelta(seconds=31),
            )
        )
    snap = jobs.submit(db, "command", {"cmd": "true"}, inline_worker="far:1:x")
    assert jobs.dead_engines(db, dead_after=60) == []
    assert jobs.dead_engines(db, dead_after=30) == ["far:1:x"]
    housekeeping.recover(db, "far:1:x", {})
    assert jobs.get(db, snap.id).status.value == "INTERRUPTED"


def test_stop_from_another_process_within_a_second(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"argv": ["sleep", "60"]})
    wait_status(db, snap.id, "ACTIVE")
    r = cli("stop", str(snap.id), "--no-wait")
    assert r.returncode == 0, r.stderr
    requested = jobs.get(db, snap.id)
    done = wait_status(db, snap.id, "STOPPED")
    assert done.finished_at - requested.updated_at < __import__("datetime").timedelta(seconds=1)


def test_worker_handles_sigterm_gracefully(db: Database, workers) -> None:
    w = start_worker(workers, "--grace", "5")
    snap = jobs.submit(db, "command", {"argv": ["sleep", "60"]})
    wait_status(db, snap.id, "ACTIVE", timeout=30)
    w.send_signal(signal.SIGTERM)
    assert w.wait(20) == 0
    assert "worker stopped" in w.stderr.read()
    done = jobs.get(db, snap.id)
    assert done.status.value == "INTERRUPTED" and "shut down" in done.message
    assert live_engines(db) == 0


def test_worker_serves_only_its_queues(db: Database, workers) -> None:
    settings.save_queue(db, QueueConfig("media"))
    w = start_worker(workers, "--queue", "media")
    wait_for(lambda: live_engines(db) == 1, 30)
    other = jobs.submit(db, "command", {"cmd": "true"})
    mine = jobs.submit(db, "command", {"cmd": "true"}, queue="media")
    wait_status(db, mine.id, "SUCCEEDED", timeout=30)
    assert jobs.get(db, other.id).status.value == "QUEUED"
    assert "no engine is running" in jobs.get(db, other.id).waiting_reason
    r = cli("worker", "--queue", "nope")
    assert r.returncode == 2 and "no queue named nope" in r.stderr
    w.terminate()
    assert w.wait(20) == 0


def test_ctrl_c_stops_an_inline_run(db: Database) -> None:
    p = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "run", "command", "-p", 'argv=["sleep","30"]'],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        job = wait_for(lambda: jobs.list_jobs(db, statuses=["ACTIVE"]), 30)[0]
        assert job.inline
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
    assert p.returncode == 1, err
    assert f"job {job.id} STOPPED" in out
    assert jobs.get(db, job.id).status.value == "STOPPED"


def test_a_workers_only_queue_is_left_to_worker_processes(db: Database, workers) -> None:
    assert cli("config", "set", "queue.heavy.workers_only", "true").returncode == 0
    assert cli("config", "set", "queue.heavy.workers_only", "maybe").returncode == 2
    gui = Engine(db, tick=0.05, kind="gui").start()  # the window's engine
    try:
        heavy = jobs.submit(db, "command", {"cmd": "true"}, queue="heavy")
        light = jobs.submit(db, "command", {"cmd": "true"})
        wait_status(db, light.id, "SUCCEEDED")
        assert jobs.get(db, heavy.id).status.value == "QUEUED"
        assert jobs.get(db, heavy.id).waiting_reason == "no worker is running for this queue (start `asyncops worker`)"
        start_worker(workers)
        done = wait_status(db, heavy.id, "SUCCEEDED", timeout=30)
        assert int(done.worker.split(":")[1]) == workers[0].pid
    finally:
        gui.shutdown()
