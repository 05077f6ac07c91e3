"""The local engine service: auto-start, one engine per database/user/host, stop, idle exit, liveness by an OS
lock, and the event channel — with real processes, each ended by its pid."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from core.events import EventKind, JobEvent
from core.service import EngineState, ensure_engine, is_alive, local_engine, lock_path, subscribe
from core.service.channel import decode, encode
from core.service.idle import IDLE_EXIT_KEY
from core.service.lock import EngineLock, LockInfo, find_lock, read_info
from core.store import jobs, settings
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env if env is not None else dict(os.environ),
    )


def _ours(db_url: str) -> list[int]:
    """The pids of the engine processes this test started: they carry this test's own database."""
    found = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            cmd = p.info["cmdline"] or []
            if "serve" in cmd and "engine" in cmd and p.environ().get("ASYNCOPS_DB") in (db_url, str(db_url)):
                found.append(p.pid)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def service(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """Auto-start on; afterwards every engine process this test started is ended by its pid."""
    monkeypatch.delenv("ASYNCOPS_NO_AUTOSTART", raising=False)
    started: list[int] = []
    try:
        yield db
    finally:
        info = read_info(lock_path(db.url))
        started = ([info.pid] if info is not None and is_alive(lock_path(db.url)) else []) + _ours(db.url)
        for pid in set(started):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in set(started):
            wait_for(lambda pid=pid: _gone(pid), 10)
        # commands a killed engine left behind are ended by the recovery a test did, or here
        jobs_left = jobs.list_jobs(db, all_users=True, statuses=["ACTIVE", "STOPPING"], with_reasons=False)
        for j in jobs_left:
            rt = j.runtime or {}
            if rt.get("pgid"):
                try:
                    os.killpg(int(rt["pgid"]), signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass


def engine_pid(db: Database, timeout: float = 30) -> int:
    info = wait_for(lambda: local_engine(db.url), timeout)
    return int(info.pid)


# -- the lock ---------------------------------------------------------------------------------------
def test_the_lock_is_exclusive_and_tested_without_taking_it(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    assert not is_alive(path)  # no file: nobody
    lock = EngineLock.acquire(path)
    assert lock is not None
    lock.write(LockInfo(pid=os.getpid(), engine_id="h:1:abc", kind="service", url="u", socket="", started=0.0))
    assert is_alive(path) and is_alive(path)  # testing it twice takes nothing
    assert EngineLock.acquire(path, timeout=0.05) is None  # a second holder is refused
    assert read_info(path).engine_id == "h:1:abc"  # type: ignore[union-attr]
    lock.release()
    assert not is_alive(path)
    again = EngineLock.acquire(path, timeout=0.05)
    assert again is not None
    again.release()


def test_is_alive_by_engine_id(db: Database) -> None:
    lock = EngineLock.acquire(lock_path(db.url))
    assert lock is not None
    try:
        lock.write(LockInfo(pid=os.getpid(), engine_id="vm:42:feed", kind="service", url="u", socket="", started=0))
        assert find_lock("vm:42:feed") == lock_path(db.url)
        assert is_alive("vm:42:feed")
        assert not is_alive("vm:43:other")  # no lock file names it
    finally:
        lock.release()
    assert not is_alive("vm:42:feed")


def test_events_cross_the_wire_unchanged(db: Database) -> None:
    snap = jobs.submit(db, "command", {"cmd": "true"})
    for event in (
        JobEvent(EventKind.CREATED, snap.id, job=snap),
        JobEvent(EventKind.PROGRESS, snap.id, changes={"progress_done": 3, "updated_at": snap.updated_at}),
        JobEvent(EventKind.REMOVED, snap.id),
    ):
        back = decode(encode(event))
        assert back is not None
        assert back.kind is event.kind and back.job_id == event.job_id and back.changes == event.changes
        if event.job is not None:
            assert back.job is not None
            assert back.job.to_json() == event.job.to_json()
    assert decode(b'{"hello": {}}') is None and decode(b"garbage") is None


# -- auto-start -------------------------------------------------------------------------------------
def test_submit_with_no_engine_starts_one_and_the_job_succeeds(service: Database) -> None:
    db = service
    assert local_engine(db.url) is None
    r = cli("submit", "command", "-p", "cmd=true")
    assert r.returncode == 0, r.stderr
    job_id = int(r.stdout.strip())
    assert wait_status(db, job_id, "SUCCEEDED", timeout=60).worker
    info = local_engine(db.url)
    assert info is not None and info.kind == "service"
    assert jobs.get(db, job_id).worker == info.engine_id  # run by the background engine, not by the CLI
    r = cli("engine", "status", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(e["pid"], e["kind"], e["background"], e["alive"]) for e in rows] == [(info.pid, "service", True, True)]


def test_a_second_starter_finds_the_first(service: Database) -> None:
    db = service
    first = ensure_engine(db.url)
    second = ensure_engine(db.url)  # at once: it waits on the start lock until the first engine holds its lock
    assert first.state is EngineState.STARTED
    assert second.state is EngineState.RUNNING and second.pid == first.pid
    # two clients at the same time: still one engine process
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "core.cli", "submit", "command", "-p", "cmd=true"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    ids = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        ids.append(int(out))
    for job_id in ids:
        wait_status(db, job_id, "SUCCEEDED", timeout=60)
    assert _ours(db.url) == [first.pid]
    assert {jobs.get(db, i).worker for i in ids} == {local_engine(db.url).engine_id}  # type: ignore[union-attr]


def test_no_autostart_prints_the_hint_and_starts_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASYNCOPS_NO_AUTOSTART", "1")
    r = cli("submit", "command", "-p", "cmd=true")
    assert r.returncode == 0, r.stderr
    assert "no engine serves the queue" in r.stderr and "asyncops worker" in r.stderr
    monkeypatch.delenv("ASYNCOPS_NO_AUTOSTART")
    r = cli("--no-autostart", "submit", "command", "-p", "cmd=true")
    assert r.returncode == 0 and "asyncops worker" in r.stderr
    r = cli("submit", "--no-autostart", "command", "-p", "cmd=true")
    assert r.returncode == 0 and "asyncops worker" in r.stderr
    stopped = jobs.request_stop(db, jobs.submit(db, "command", {"cmd": "true"}).id)  # a finished job
    assert stopped.status.value == "STOPPED"
    r = cli("--no-autostart", "retry", str(stopped.id))
    assert r.returncode == 0 and "asyncops worker" in r.stderr, r.stderr
    assert not is_alive(lock_path(db.url)) and _ours(db.url) == []
    assert {j.status.value for j in jobs.list_jobs(db, with_reasons=False)} == {"QUEUED", "STOPPED"}


# -- stop, idle exit --------------------------------------------------------------------------------
def test_engine_stop_ends_it(service: Database) -> None:
    db = service
    assert ensure_engine(db.url).state is EngineState.STARTED
    pid = engine_pid(db)
    r = cli("engine", "stop", "--timeout", "30")
    assert r.returncode == 0, r.stderr
    assert f"background engine (pid {pid}) stopped" in r.stdout
    assert not is_alive(lock_path(db.url))
    wait_for(lambda: _gone(pid), 10)
    r = cli("engine", "stop")
    assert r.returncode == 0 and "no background engine" in r.stdout


def test_idle_exit_after_the_configured_time_but_never_while_working(service: Database) -> None:
    db = service
    settings.put_value(db, IDLE_EXIT_KEY, 0.5)
    snap = jobs.submit(db, "command", {"argv": ["sleep", "1.5"]})
    assert ensure_engine(db.url).state is EngineState.STARTED
    pid = engine_pid(db)
    done = wait_status(db, snap.id, "SUCCEEDED", "FAILED", "INTERRUPTED", timeout=60)
    assert done.status.value == "SUCCEEDED"  # a job longer than the idle time was not cut short
    wait_for(lambda: _gone(pid), 30)  # then it left by itself
    assert not is_alive(lock_path(db.url))
    log = (Path(os.environ["ASYNCOPS_DATA_DIR"]) / "engine.log").read_text()
    assert "idle: leaving" in log


# -- liveness ---------------------------------------------------------------------------------------
def test_kill_9_of_the_background_engine_shows_interrupted_at_the_next_jobs(service: Database, tmp_path: Path) -> None:
    db = service
    marker = tmp_path / "pid"
    r = cli("submit", "command", "-p", f"cmd=echo $$ > {marker}; exec sleep 60", "-p", "shell=true")
    assert r.returncode == 0, r.stderr
    job_id = int(r.stdout)
    wait_status(db, job_id, "ACTIVE", timeout=60)
    wait_for(lambda: marker.exists() and marker.read_text().strip(), 30)
    # the engine records where the command runs right after starting it: recovery ends only what it knows
    wait_for(lambda: jobs.get(db, job_id).runtime, 30)
    pid = engine_pid(db)
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: _gone(pid), 10)
    r = cli("jobs", "--json")
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["id"] == job_id and row["status"] == "INTERRUPTED"
    orphan = int(marker.read_text())
    wait_for(lambda: _gone(orphan), 10)  # its command was ended too


# -- the channel ------------------------------------------------------------------------------------
def test_channel_delivers_created_and_terminal_events_to_another_process(service: Database) -> None:
    db = service
    status = ensure_engine(db.url, wait=30)
    assert status.state is EngineState.STARTED and status.socket
    seen: list[JobEvent] = []
    cond = threading.Condition()

    def got(event: JobEvent) -> None:
        with cond:
            seen.append(event)
            cond.notify_all()

    client = subscribe(status.socket, got)
    try:
        assert client.connected.wait(30)
        r = cli("submit", "command", "-p", "cmd=true")  # a third process
        assert r.returncode == 0, r.stderr
        job_id = int(r.stdout)

        def terminal() -> bool:
            return any(e.job_id == job_id and e.job is not None and e.job.status.is_terminal for e in seen)

        with cond:
            ended = cond.wait_for(terminal, 60)
            mine = [e for e in seen if e.job_id == job_id]
    finally:
        client.close()
    said = [(e.kind.value, e.job.status.value if e.job else None) for e in mine]
    assert ended, (said, jobs.get(db, job_id).status, r.stderr)
    # the engine's own poll may start the job before the submitter's wake arrives: the order of CREATED and
    # the first change is not promised (clients key on the job's updated_at); both are delivered
    created = [e for e in mine if e.kind is EventKind.CREATED]
    assert created and created[0].job is not None and created[0].job.status.value == "QUEUED", (said, r.stderr)
    assert any(e.job is not None and e.job.status.value == "SUCCEEDED" for e in mine)


def test_a_foreground_worker_holds_the_lock_so_nothing_is_started(service: Database) -> None:
    db = service
    w = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "worker"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        info = wait_for(lambda: local_engine(db.url), 30)
        assert info.kind == "worker" and info.pid == w.pid
        r = cli("submit", "command", "-p", "cmd=true")
        assert r.returncode == 0, r.stderr
        wait_status(db, int(r.stdout), "SUCCEEDED", timeout=60)
        assert _ours(db.url) == []  # no background engine
        r = cli("engine", "stop")
        assert r.returncode == 2 and "foreground" in r.stderr
    finally:
        w.send_signal(signal.SIGTERM)
        try:
            w.wait(30)
        except subprocess.TimeoutExpired:
            w.kill()
            w.wait(10)


def test_stop_waits_on_the_engines_events(service: Database) -> None:
    db = service
    r = cli("submit", "command", "-p", 'argv=["sleep","60"]')
    assert r.returncode == 0, r.stderr
    job_id = int(r.stdout)
    wait_status(db, job_id, "ACTIVE", timeout=60)
    r = cli("stop", str(job_id), "--timeout", "30")
    assert r.returncode == 0, r.stderr
    assert f"job {job_id}: STOPPED" in r.stdout


def test_idle_exit_is_a_setting(db: Database) -> None:
    from core.cli import main
    from core.service.idle import idle_exit_seconds

    assert idle_exit_seconds(db) == 600
    assert main(["config", "set", "engine.idle_exit", "30"]) == 0
    assert idle_exit_seconds(db) == 30
    assert main(["config", "set", "engine.idle_exit", "-1"]) == 2
    assert main(["config", "set", "engine.idle_exit", "nan"]) == 2
    assert idle_exit_seconds(db) == 30


def test_a_client_reconnects_when_its_engine_comes_back(db: Database) -> None:
    """The engine idled out and a new one started: the client gets its events again, and its on_connect
    (where a window re-reads what changed meanwhile) runs at each connection."""
    import shutil
    import tempfile

    from core.events import EventBus
    from core.service.channel import ChannelServer

    folder = Path(tempfile.mkdtemp(prefix="ao-"))  # socket paths are limited to ~100 bytes
    path = folder / "e.sock"
    snap = jobs.submit(db, "command", {"cmd": "true"})
    seen: list[JobEvent] = []
    hellos: list[dict[str, object]] = []
    cond = threading.Condition()

    def got(event: JobEvent) -> None:
        with cond:
            seen.append(event)
            cond.notify_all()

    def hello(info: dict[str, object]) -> None:
        with cond:
            hellos.append(info)
            cond.notify_all()

    client = subscribe(path, got, on_connect=hello, retry=0.05)
    try:
        for n in (1, 2):
            bus = EventBus()
            server = ChannelServer(path, bus, hello={"n": n}).start()
            try:
                with cond:
                    assert cond.wait_for(lambda n=n: len(hellos) == n, 30)
                bus.publish(JobEvent(EventKind.CHANGED, snap.id, job=snap))
                with cond:
                    assert cond.wait_for(lambda n=n: len(seen) == n, 30)
            finally:
                server.close()
        assert [h["n"] for h in hellos] == [1, 2]
        assert all(e.job is not None and e.job.id == snap.id for e in seen)
    finally:
        client.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_engine_log_is_rotated_before_it_grows_without_bound(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from core.service import spawn as S

    (tmp_path / "logs").mkdir()
    log_path = tmp_path / "logs" / "engine.log"
    assert not S.rotate(log_path, max_bytes=100, keep=2)  # none yet (the first start): nothing to do, no warning
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    log_path.write_bytes(b"x" * 10)
    assert not S.rotate(log_path, max_bytes=100, keep=2)  # small: left as it is
    for n in range(4):  # four engines started over a long log
        log_path.write_bytes(str(n).encode() * 200)
        assert S.rotate(log_path, max_bytes=100, keep=2)
    assert not log_path.exists()
    assert log_path.with_name("engine.log.1").read_bytes() == b"3" * 200  # the newest first
    assert log_path.with_name("engine.log.2").read_bytes() == b"2" * 200
    assert sorted(p.name for p in log_path.parent.iterdir()) == ["engine.log.1", "engine.log.2"]  # the oldest dropped
