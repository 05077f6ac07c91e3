"""The QA probe of stops and shutdowns: nothing a job started outlives its engine or its job, and no job is left
ACTIVE or STOPPING by an engine that left.

Every program a test starts writes its pids to a file; the test ends each of them by pid afterwards."""

from __future__ import annotations

import contextlib
import functools
import logging
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from core.engine import Engine
from core.operations import Operation, registry
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status

S = JobStatus
ROOT = Path(__file__).resolve().parents[2]


def running(pid: int) -> bool:
    """The process runs (a zombie has ended: it only waits to be reaped)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def pids_in(path: Path) -> list[int]:
    """The pids a test's program wrote to ``path`` (one or more, space-separated), once it wrote them."""
    text = wait_for(lambda: path.exists() and path.read_text().strip().endswith("!") and path.read_text())
    return [int(p) for p in text.replace("!", " ").split()]


def start(
    submit: Callable[..., JobSnapshot], tmp_path: Path, pids: list[int], script: str, **params: Any
) -> tuple[JobSnapshot, list[int]]:
    """Submit ``script`` as a shell command run in ``tmp_path``; the job and the pids it writes to ``pids`` there
    (added to the test's ``pids``, ended after it)."""
    snap = submit("command", {"cmd": script, "shell": True, "cwd": str(tmp_path), **params})
    started = pids_in(tmp_path / "pids")
    pids.extend(started)
    return snap, started


@pytest.fixture
def pids() -> Iterator[list[int]]:
    """Pids of the programs a test started: ended by SIGKILL after it, whatever happened."""
    started: list[int] = []
    yield started
    for pid in started:
        with contextlib.suppress(psutil.Error):
            psutil.Process(pid).kill()
    for pid in started:
        wait_for(lambda pid=pid: not running(pid), 10)


@pytest.fixture
def own_engine(db: Database) -> Iterator[Engine]:
    """An engine the test shuts down itself (shut down again, harmlessly, after it)."""
    eng = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    yield eng
    eng.shutdown(grace=5)


def codes(db: Database, job_id: int) -> list[str | None]:
    return [e.code for e in jobs.log_of(db, job_id)]


# -- 1. the end of an engine's grace -----------------------------------------------------------------
@pytest.mark.parametrize("job_grace", [60.0, 1.0], ids=["job-grace-longer", "same-grace"])
def test_a_program_ignoring_sigterm_is_killed_and_its_job_interrupted_when_the_engines_grace_runs_out(
    db: Database, own_engine: Engine, tmp_path: Path, pids: list[int], job_grace: float
) -> None:
    script = "trap '' TERM; sleep 303 & echo $$ $! ! > pids; wait"
    snap, (shell, sleeper) = start(own_engine.submit, tmp_path, pids, script, grace=job_grace)
    own_engine.shutdown(grace=1)
    # when shutdown returns (the engine process exits right after), nothing runs and nothing is left ACTIVE
    assert not running(sleeper) and not running(shell)
    done = jobs.get(db, snap.id)
    assert done.status is S.INTERRUPTED and done.message == "interrupted: its engine shut down"
    assert done.runtime is None and done.finished_at is not None
    if job_grace > 1:  # the engine's grace ran out first: its log says so, and that the engine ended its group
        said = codes(db, snap.id)
        assert "engine.grace_over" in said and "engine.group_killed" in said


def test_a_stopping_job_becomes_stopped_not_left_stopping_when_the_grace_runs_out(
    db: Database, own_engine: Engine, tmp_path: Path, pids: list[int]
) -> None:
    script = "trap '' TERM; sleep 303 & echo $$ $! ! > pids; wait"
    snap, (shell, sleeper) = start(own_engine.submit, tmp_path, pids, script, grace=60)
    own_engine.stop_job(snap.id)
    wait_for(lambda: "command.sigterm" in codes(db, snap.id) or None)  # it waits its 60 s for SIGKILL
    assert jobs.get(db, snap.id).status is S.STOPPING
    own_engine.shutdown(grace=1)
    assert not running(sleeper) and not running(shell)
    done = jobs.get(db, snap.id)
    assert done.status is S.STOPPED and done.message == "stopped by request"


class Stuck(Operation):
    """Ignores every stop until the test lets it go."""

    name = "test-stuck"
    title = "Stuck"
    release = threading.Event()
    threads: list[threading.Thread] = []

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        type(self).threads.append(threading.current_thread())
        ctx.info("stuck")
        type(self).release.wait(60)
        return {"late": True}


def test_a_job_whose_operation_ignores_the_stop_is_written_interrupted_before_the_engine_leaves(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    registry.register(Stuck, replace=True)
    Stuck.release.clear()
    Stuck.threads.clear()
    eng = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    try:
        snap = eng.submit("test-stuck", {})
        wait_status(db, snap.id, "ACTIVE")
        wait_for(lambda: eng.context(snap.id))
        eng.shutdown(grace=0.5)
        done = jobs.get(db, snap.id)
        assert done.status is S.INTERRUPTED and done.message == "interrupted: its engine shut down"
        log = jobs.log_of(db, snap.id)
        assert [e.message for e in log] == ["stuck", "still running when its engine's shutdown grace of 0.5s ran out"]
        assert done.warnings == 1
        with caplog.at_level(logging.WARNING, logger="core.engine"):
            Stuck.release.set()  # its thread returns at last: the outcome it brings is dropped without a word
            Stuck.threads[0].join(30)  # the slot's thread, once it tried to write its outcome
            assert not Stuck.threads[0].is_alive()
        assert jobs.get(db, snap.id).status is S.INTERRUPTED
        assert [r.getMessage() for r in caplog.records if "taken from engine" in r.getMessage()] == []
    finally:
        Stuck.release.set()
        eng.shutdown(grace=5)
        registry.unregister(Stuck.name)


@pytest.mark.slow
def test_sigterm_to_a_worker_ends_its_jobs_programs_and_interrupts_them(
    db: Database, tmp_path: Path, pids: list[int]
) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "worker", "--grace", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    pids.append(worker.pid)
    script = "trap '' TERM; sleep 303 & echo $$ $! ! > pids; wait"
    snap, (shell, sleeper) = start(functools.partial(jobs.submit, db), tmp_path, pids, script, grace=60)
    worker.send_signal(signal.SIGTERM)
    _, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    assert not running(sleeper) and not running(shell)
    done = jobs.get(db, snap.id)
    assert done.status is S.INTERRUPTED and done.message == "interrupted: its engine shut down"


# -- 2. the job's process group ends with the job ---------------------------------------------------
def _leftovers(db: Database, snap: JobSnapshot) -> list[Any]:
    return [e for e in jobs.log_of(db, snap.id) if e.code == "command.leftovers"]


def test_what_a_program_leaves_running_in_its_group_is_ended_when_it_exits(
    db: Database, engine: Engine, tmp_path: Path, pids: list[int]
) -> None:
    # the probe's `(sleep 25 &); echo parent-done`: the background sleep is no longer the program's child
    script = "(sleep 300 & echo $! ! > pids); echo parent-done"
    snap, (sleeper,) = start(engine.submit, tmp_path, pids, script)
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and done.result is not None and done.result["exit_code"] == 0
    assert not running(sleeper)
    (warning,) = _leftovers(db, done)
    assert warning.level == "WARNING" and warning.args == {"n": 1, "grace": 10.0} and done.warnings == 1
    assert "command.leftovers_killed" not in codes(db, snap.id)  # it went at SIGTERM


def test_a_leftover_that_ignores_sigterm_gets_sigkill_after_the_jobs_grace(
    db: Database, engine: Engine, tmp_path: Path, pids: list[int]
) -> None:
    script = "(trap '' TERM; sleep 300 & echo $! > a); (sleep 301 & echo $(cat a) $! ! > pids); echo parent-done"
    snap, (stubborn, meek) = start(engine.submit, tmp_path, pids, script, grace=0.5)
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and not running(stubborn) and not running(meek)
    (warning,) = _leftovers(db, done)
    assert warning.args == {"n": 2, "grace": 0.5}
    killed = [e for e in jobs.log_of(db, snap.id) if e.code == "command.leftovers_killed"]
    assert [e.args for e in killed] == [{"n": 1, "grace": 0.5}]


def test_a_stop_reaches_a_process_of_the_group_that_left_the_programs_tree(
    db: Database, engine: Engine, tmp_path: Path, pids: list[int]
) -> None:
    # the ignoring sleep's parent (a subshell) is gone: it is in the job's group, not among the program's children
    script = "(trap '' TERM; sleep 300 & echo $$ $! ! > pids); exec sleep 302"
    snap, (program, orphan) = start(engine.submit, tmp_path, pids, script, grace=0.5)
    # the subshell that started it has exited: it is no longer among the program's descendants
    wait_for(lambda: orphan not in {p.pid for p in psutil.Process(program).children(recursive=True)})
    engine.stop_job(snap.id)
    done = wait_status(db, snap.id)
    assert done.status is S.STOPPED and not running(orphan)
    assert "command.sigkill" in codes(db, snap.id)


def test_a_program_that_leaves_nothing_behind_gets_no_warning(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"cmd": "echo hi", "shell": True})
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and done.warnings == 0 and _leftovers(db, done) == []
