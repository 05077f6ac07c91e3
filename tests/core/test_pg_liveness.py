"""PostgreSQL: engines' liveness locks, wake-ups by LISTEN/NOTIFY, and outages of the server.

The tests that restart or stop the server do it on a small cluster of their own (``own_cluster``: initdb'd in a
temporary folder when PostgreSQL's server binaries are installed, skipped otherwise), never on the shared
``ASYNCOPS_TEST_SERVER``."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from core.engine import Engine
from core.engine import engine as engine_module
from core.status import JobStatus
from core.store import jobs, liveness, settings
from core.store.db import Database
from core.store.settings import QueueConfig
from tests.conftest import SERVER
from tests.core.helpers import Probe, wait_for

S = JobStatus


# -- a cluster of the test's own ---------------------------------------------------------------------------
def _server_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parent.parent.name)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class Cluster:
    url: str
    bindir: Path
    folder: Path
    port: int
    user: str | None  # the OS user the server runs as (root cannot run it)

    def ctl(self, *args: str) -> None:
        cmd = [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-t", "60", *args]
        # the server's output goes to its log file: a pipe would stay open as long as the server runs
        subprocess.run(self._as(cmd), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)

    def _as(self, cmd: list[str]) -> list[str]:
        return ["runuser", "-u", self.user, "--", *cmd] if self.user else cmd

    def start(self) -> None:
        opts = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self.ctl("-l", str(self.folder / "server.log"), "start", "-o", opts)

    def stop(self) -> None:
        self.ctl("-m", "fast", "stop")

    def restart(self) -> None:
        self.ctl("-l", str(self.folder / "server.log"), "-m", "fast", "restart")


@pytest.fixture
def own_cluster(monkeypatch: pytest.MonkeyPatch) -> Iterator[Cluster]:
    from core import users

    # opening the cluster's database makes its role this process's identity: the next tests get theirs back
    monkeypatch.setattr(users, "_process_role", users._process_role)
    bindir = _server_bin()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
    user: str | None = None
    if os.getuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a postgres user to run the server as")
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="asyncops-pg-own-"))
    password = os.urandom(12).hex()
    (folder / "pw").write_text(password + "\n")
    if user:
        shutil.chown(folder, user)
        shutil.chown(folder / "pw", user)
    os.chmod(folder, 0o700)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cluster = Cluster(f"postgresql+psycopg://asyncops:{password}@127.0.0.1:{port}/postgres", bindir, folder, port, user)
    initdb = [str(bindir / "initdb"), "-D", str(folder / "data"), "-U", "asyncops", "--auth=scram-sha-256"]
    subprocess.run(
        cluster._as([*initdb, f"--pwfile={folder / 'pw'}", "-E", "UTF8"]), check=True, capture_output=True, timeout=120
    )
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.ctl("-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass  # already stopped by the test
        shutil.rmtree(folder, ignore_errors=True)


def _engines(url: str, n: int) -> tuple[list[Database], list[Engine]]:
    dbs = [Database(url) for _ in range(n)]
    engines = [Engine(d, kind="worker", tick=0.05, purge=False).start() for d in dbs]
    return dbs, engines


def _close(dbs: list[Database], engines: list[Engine]) -> None:
    for e in engines:
        e.shutdown(grace=5)
    for d in dbs:
        d.dispose()


def _all_jobs(db: Database) -> list[Any]:
    return jobs.list_jobs(db, all_users=True, with_reasons=False)


def _no_tracebacks_nor_password(records: list[logging.LogRecord], password: str) -> None:
    for r in records:
        assert r.exc_info is None, f"a traceback was logged: {r.getMessage()}"
        assert password not in r.getMessage()


@pytest.mark.slow
def test_server_restart_under_load_records_every_outcome_and_interrupts_nothing(
    own_cluster: Cluster, probe: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    db = Database(own_cluster.url)
    settings.save_queue(db, QueueConfig("default", max_parallel=8, paused=True))
    long = [jobs.submit(db, "test-probe", {"items": 40, "step": 0.1}).id for _ in range(4)]
    jobs.submit_many(db, "test-probe", [{"items": 2, "step": 0.05}] * 60)
    short = [s.id for s in _all_jobs(db) if s.id not in long]
    dbs, engines = _engines(own_cluster.url, 2)
    try:
        settings.set_paused(db, "default", False)
        wait_for(lambda: all(i in Probe.runs for i in long) and len(Probe.runs) > 10, 60)
        own_cluster.restart()  # every connection is cut, the server is back within a second or two
        wait_for(lambda: all(s.status.is_terminal for s in _all_jobs(db)), 120)
        # the engines carry on: they took their locks back, and a job submitted now runs
        wait_for(lambda: all(e._presence is not None and e._presence.listening for e in engines), 30)
        after = jobs.submit(db, "test-probe", {})
        wait_for(lambda: jobs.get(db, after.id).status is S.SUCCEEDED, 30)
    finally:
        _close(dbs, engines)
    done = _all_jobs(db)
    db.dispose()
    assert {str(s.status) for s in done} == {"SUCCEEDED"}, [(s.id, str(s.status), s.message) for s in done]
    assert {s.attempt for s in done} == {1}
    assert sorted(Probe.runs) == sorted([*long, *short, after.id])  # each ran once
    _no_tracebacks_nor_password(caplog.records, own_cluster.url.split(":")[2].split("@")[0])


@pytest.mark.slow
def test_an_outage_interrupts_no_job_and_logs_one_line_per_retry(
    own_cluster: Cluster, probe: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    db = Database(own_cluster.url)
    settings.save_queue(db, QueueConfig("default", max_parallel=4))
    dbs, engines = _engines(own_cluster.url, 2)
    try:
        ids = [jobs.submit(db, "test-probe", {"items": 100, "step": 0.1}).id for _ in range(4)]
        wait_for(lambda: all(i in Probe.runs for i in ids), 60)
        own_cluster.stop()
        # down until each engine has retried three times (1 + 2 + 4 s of backoff), then back
        wait_for(lambda: sum("retry 3 " in r.getMessage() for r in caplog.records) >= 2, 60)
        retries_logged = sum("still unavailable" in r.getMessage() for r in caplog.records)
        own_cluster.start()
        wait_for(lambda: all(s.status.is_terminal for s in _all_jobs(db)), 120)
        wait_for(lambda: all(e._presence is not None and e._presence.listening for e in engines), 30)
        alive = {str(r) for r in db.engine.connect().execute(text("SELECT id FROM engines")).scalars()}
    finally:
        _close(dbs, engines)
    done = _all_jobs(db)
    db.dispose()
    assert {str(s.status) for s in done} == {"SUCCEEDED"}, [(s.id, str(s.status), s.message) for s in done]
    assert alive >= {e.id for e in engines}  # nobody was declared dead
    # one line when it began and one per retry (1, 2, 4 … s apart) for each engine: not a line per failed statement
    assert 2 <= retries_logged <= 2 * 5
    _no_tracebacks_nor_password(caplog.records, own_cluster.url.split(":")[2].split("@")[0])


# -- on the shared test server ------------------------------------------------------------------------------
needs_server = pytest.mark.skipif(not SERVER, reason="PostgreSQL: liveness locks and LISTEN/NOTIFY")


@needs_server
def test_a_live_engine_is_never_gone_and_a_gone_one_only_after_the_grace(db: Database) -> None:
    other = Database(db.url)
    alive = Engine(other, kind="worker", tick=0.05, purge=False).start()
    checker = liveness.Liveness(db, "checker", grace=0.3)
    try:
        # its heartbeat may be as old as it likes: the lock it holds is what says it lives
        with db.connect_write() as conn:
            conn.execute(text("UPDATE engines SET heartbeat_at = heartbeat_at - interval '1 hour'"))
        for _ in range(3):
            assert alive.id not in checker.gone()
        alive.shutdown()  # its connection closes: the lock is free
        with db.connect_write() as conn:  # a row left behind, as by an engine killed with -9
            conn.execute(
                text(
                    "INSERT INTO engines (id, host, pid, kind, queues, started_at, heartbeat_at) "
                    "VALUES (:i, 'h', 1, 'worker', '[]', now(), now())"
                ),
                {"i": alive.id},
            )
        assert alive.id not in checker.gone()  # seen free once: not yet
        wait_for(lambda: alive.id in checker.gone(), 30, interval=0.1)  # free across two checks the grace apart
    finally:
        alive.shutdown()
        other.dispose()


@needs_server
def test_recovery_leaves_the_jobs_of_an_engine_that_holds_its_lock(db: Database, probe: Any) -> None:
    from core.engine import housekeeping

    other = Database(db.url)
    alive = Engine(other, kind="worker", tick=0.05, purge=False).start()
    try:
        snap = alive.submit("test-probe", {"items": 100, "step": 0.05})
        wait_for(lambda: jobs.get(db, snap.id).status is S.ACTIVE, 30)
        assert housekeeping.recover(db, alive.id, {}) == []  # it is back (or never left): its lock is held
        assert jobs.get(db, snap.id).status is S.ACTIVE
    finally:
        alive.shutdown()
        other.dispose()


@needs_server
def test_a_job_submitted_elsewhere_wakes_an_idle_engine(
    db: Database, probe: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the polls that back up LISTEN/NOTIFY made far too slow to be what starts the job
    monkeypatch.setattr(engine_module, "FALLBACK", 600.0)
    settings.ensure_defaults(db)
    other = Database(db.url)
    idle = Engine(other, kind="worker", tick=0.05, purge=False).start()
    try:
        wait_for(lambda: idle._presence is not None and idle._presence.listening, 30)
        wait_for(lambda: idle._idle.get("default", 0) >= 1, 30)  # its slots sleep
        snap = jobs.submit(db, "test-probe", {})  # another process's submit: only the database can tell it
        wait_for(lambda: jobs.get(db, snap.id).status is S.SUCCEEDED, 30)
    finally:
        idle.shutdown()
        other.dispose()


@needs_server
def test_notifications_say_what_changed(db: Database) -> None:
    got: list[str] = []
    listener = create_engine(db.engine.url, isolation_level="AUTOCOMMIT")
    with listener.connect() as conn:
        conn.execute(text("LISTEN asyncops"))
        settings.save_queue(db, QueueConfig("media"))
        jobs.submit(db, "command", {"cmd": "true"}, queue="media")
        raw = conn.connection.driver_connection
        assert raw is not None
        for note in raw.notifies(timeout=2.0):
            got.append(note.payload)
            if "queued media" in got:
                break
    listener.dispose()
    assert "queues" in got and "queued media" in got
