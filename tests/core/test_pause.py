"""Pause and resume one running job: a Python operation waits at its next item, ``command`` stops its processes
(SIGSTOP, SIGCONT), operations that cannot pause are refused with their reason, the paused time is left out of
the duration, and a paused job can be stopped."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api import Tracker
from core.cli import main
from core.engine import Engine
from core.operations import Operation, Param, registry
from core.status import RUNNING, JobStatus, display_colour
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status

S = JobStatus


class Stepper(Operation):
    """``items`` items; each waits until the test lets it through (``gate``), with a pause point between them."""

    name = "test-stepper"
    title = "Stepper"
    params = (Param("items", "int", default=3),)
    pausable = True
    gate = threading.Semaphore(0)
    done: list[int] = []

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        ctx.set_total(params["items"])
        for i in range(params["items"]):
            ctx.pause_point()
            if ctx.should_stop:
                break
            while not type(self).gate.acquire(timeout=0.05):
                if ctx.should_stop:
                    return {"done": ctx.done}
            type(self).done.append(i)
            ctx.advance()
        return {"done": ctx.done}


class Unpausable(Operation):
    name = "test-unpausable"
    title = "Unpausable"

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        while not ctx.wait(0.05):
            pass
        return {}


@pytest.fixture(autouse=True)
def ops() -> Iterator[None]:
    Stepper.gate = threading.Semaphore(0)
    Stepper.done = []
    registry.register(Stepper, replace=True)
    registry.register(Unpausable, replace=True)
    yield
    registry.unregister(Stepper.name)
    registry.unregister(Unpausable.name)


@pytest.fixture
def tracker(db: Database, engine: Engine) -> Iterator[Tracker]:
    """The engine's own Tracker (as the window's): a pause reaches the running job at once."""
    t = Tracker(db)
    t.attach(engine)
    yield t


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def process_state(pid: int) -> str:
    """The state letter of /proc/PID/stat: T when stopped (SIGSTOP), S or R when running."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2]


def pause(t: Tracker, engine: Engine, job_id: int) -> None:
    """Ask for a pause, and wait until the job's engine holds the request (the job may have been claimed
    before its engine had a context for it: then the engine reads the request at its next poll)."""
    t.pause(job_id)
    wait_for(lambda: (ctx := engine.context(job_id)) is not None and ctx.pause_event.is_set())


def group_states(pgid: int) -> list[str]:
    """The /proc/PID/stat state of every process of the process group ``pgid``."""
    states = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid:
            states.append(fields[0])
    return states


def group_stopped(pgid: int) -> bool:
    """Every process of the group is stopped (T), but for a shell blocked (D) on a child it started with vfork
    that SIGSTOP stopped before it ran its program: nothing of the group runs."""
    states = group_states(pgid)
    return "T" in states and all(s in "TDZ" for s in states)


def test_paused_is_held_and_grey() -> None:
    assert S.PAUSED in RUNNING  # keeps its slot: counted with the running jobs of its queue
    assert display_colour(S.PAUSED) == "grey"


def test_a_python_operation_pauses_at_its_next_item_and_resumes(db: Database, engine: Engine, tracker: Tracker) -> None:
    snap = tracker.submit("test-stepper", {"items": 3})
    wait_status(db, snap.id, "ACTIVE")
    pause(tracker, engine, snap.id)
    assert jobs.get(db, snap.id).status is S.ACTIVE  # in the middle of its first item: not paused yet
    Stepper.gate.release()  # the first item ends; the job pauses before the second
    paused = wait_status(db, snap.id, "PAUSED")
    assert Stepper.done == [0] and paused.progress_done == 1 and paused.paused_at is not None
    Stepper.gate.release()  # a paused job takes no item
    frozen = paused.duration(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    assert frozen == paused.duration()  # the clock is stopped while paused
    assert not wait_for_nothing(lambda: len(Stepper.done) > 1)
    tracker.resume(snap.id)
    wait_for(lambda: len(Stepper.done) == 2)
    Stepper.gate.release()
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and done.result == {"done": 3}
    assert done.paused_at is None and done.paused_seconds > 0


def wait_for_nothing(predicate: Any, seconds: float = 0.3) -> bool:
    """True if ``predicate`` became true within ``seconds`` (used to show that something does NOT happen)."""
    event = threading.Event()
    deadline = dt.datetime.now() + dt.timedelta(seconds=seconds)
    while dt.datetime.now() < deadline:
        if predicate():
            return True
        event.wait(0.02)
    return bool(predicate())


def test_duration_leaves_the_paused_time_out(db: Database, engine: Engine, tracker: Tracker) -> None:
    snap = tracker.submit("test-stepper", {"items": 2})
    wait_status(db, snap.id, "ACTIVE")
    pause(tracker, engine, snap.id)
    Stepper.gate.release()
    wait_status(db, snap.id, "PAUSED")
    wait_for_nothing(lambda: False, 1.0)  # paused for at least a second
    tracker.resume(snap.id)
    Stepper.gate.release()
    done = wait_status(db, snap.id)
    assert done.status is S.SUCCEEDED and done.paused_seconds >= 1.0
    wall = done.finished_at - done.started_at  # type: ignore[operator]
    assert done.duration() == wall - dt.timedelta(seconds=done.paused_seconds)
    assert done.duration() < wall - dt.timedelta(seconds=1)


def test_stop_a_paused_job(db: Database, engine: Engine, tracker: Tracker) -> None:
    snap = tracker.submit("test-stepper", {"items": 3})
    wait_status(db, snap.id, "ACTIVE")
    pause(tracker, engine, snap.id)
    Stepper.gate.release()
    wait_status(db, snap.id, "PAUSED")
    Tracker(db).stop(snap.id)  # as another process would: a request its engine reads
    done = wait_status(db, snap.id)
    assert done.status is S.STOPPED and Stepper.done == [0]
    assert done.paused_at is None and done.paused_seconds > 0


def test_command_is_stopped_and_continued(db: Database, engine: Engine, tracker: Tracker, tmp_path: Path) -> None:
    script = "i=0; while true; do i=$((i+1)); echo $i > count; sleep 0.02; done"
    snap = tracker.submit("command", {"cmd": script, "shell": True, "cwd": str(tmp_path)})
    runtime = wait_for(lambda: jobs.get(db, snap.id).runtime)
    pid = runtime["pid"]
    wait_for(lambda: (tmp_path / "count").exists())
    Tracker(db).pause(snap.id)  # another process's request: the engine reads it
    wait_status(db, snap.id, "PAUSED")
    wait_for(lambda: group_stopped(pid))
    count = (tmp_path / "count").read_text()
    assert not wait_for_nothing(lambda: (tmp_path / "count").read_text() != count)  # nothing runs
    Tracker(db).resume(snap.id)
    wait_status(db, snap.id, "ACTIVE")
    wait_for(lambda: "T" not in group_states(pid))
    wait_for(lambda: (tmp_path / "count").read_text() != count)  # counting again
    Tracker(db).pause(snap.id)
    wait_status(db, snap.id, "PAUSED")
    wait_for(lambda: group_stopped(pid))
    tracker.stop(snap.id)  # stopped while stopped: SIGCONT, then SIGTERM
    done = wait_status(db, snap.id)
    assert done.status is S.STOPPED and done.result is not None and done.result["signal"] == "SIGTERM"
    assert not Path(f"/proc/{pid}").exists() or process_state(pid) == "Z"


def test_pause_refused_with_its_reason(db: Database, engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    t = Tracker(db)
    snap = t.submit("test-unpausable", {})
    wait_status(db, snap.id, "ACTIVE")
    rc, out, err = run(capsys, "pause", str(snap.id))
    assert rc == 2 and out == ""
    assert "test-unpausable cannot pause" in err and "stop it instead" in err
    assert jobs.get(db, snap.id).status is S.ACTIVE and not jobs.get(db, snap.id).pause_requested
    rc, _, err = run(capsys, "resume", str(snap.id))
    assert rc == 2 and "nothing to resume" in err
    t.stop(snap.id)
    wait_status(db, snap.id)
    rc, _, err = run(capsys, "pause", str(snap.id))
    assert rc == 2 and "only a running job can be paused" in err
    rc, _, err = run(capsys, "pause", "999")
    assert rc == 3


def test_cli_pause_and_resume(db: Database, engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    snap = Tracker(db).submit("test-stepper", {"items": 2})
    wait_status(db, snap.id, "ACTIVE")
    rc, out, _ = run(capsys, "pause", str(snap.id), "--no-wait")
    assert rc == 0 and out.strip() == f"job {snap.id}: pause requested, still ACTIVE (it pauses at its next item)"
    wait_for(lambda: (ctx := engine.context(snap.id)) is not None and ctx.pause_event.is_set())  # the engine read it
    Stepper.gate.release()
    rc, out, _ = run(capsys, "pause", str(snap.id))  # already paused, or pauses within the wait
    assert rc == 0 and out.strip() == f"job {snap.id}: PAUSED"
    rc, out, _ = run(capsys, "show", str(snap.id), "--json")
    assert '"status": "PAUSED"' in out and '"paused_at": "' in out
    rc, out, _ = run(capsys, "resume", str(snap.id))
    assert rc == 0 and out.strip() == f"job {snap.id}: ACTIVE"
    Stepper.gate.release()
    assert wait_status(db, snap.id).status is S.SUCCEEDED


class ResumableStepper(Stepper):
    name = "test-resumable-stepper"
    resumable = True


def test_a_paused_job_requeued_at_shutdown_runs_again_with_no_paused_time(db: Database) -> None:
    registry.register(ResumableStepper, replace=True)
    try:
        first = Engine(db, tick=0.05).start()
        t = Tracker(db)
        t.attach(first)
        snap = t.submit("test-resumable-stepper", {"items": 2})
        wait_status(db, snap.id, "ACTIVE")
        pause(t, first, snap.id)
        Stepper.gate.release()
        wait_status(db, snap.id, "PAUSED")
        first.shutdown(grace=5)  # the paused job wakes, is cut short and queued again (its operation resumes)
        requeued = jobs.get(db, snap.id)
        assert requeued.status is S.QUEUED and requeued.paused_seconds > 0 and not requeued.pause_requested
        second = Engine(db, tick=0.05).start()
        try:
            wait_status(db, snap.id, "ACTIVE")
            Stepper.gate.release()
            Stepper.gate.release()
            done = wait_status(db, snap.id)
        finally:
            second.shutdown(grace=5)
        assert done.status is S.SUCCEEDED and done.attempt == 2
        assert done.paused_seconds == 0.0 and done.paused_at is None  # this run was never paused
    finally:
        registry.unregister(ResumableStepper.name)


def test_a_pause_asked_in_the_engines_process_survives_a_poll_that_read_before_it(
    db: Database, engine: Engine, tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The housekeeping's poll of requests reads the database, then applies what it read. A pause the window's
    Tracker asks meanwhile reaches the job at once and is committed after that read: the poll's stale "no pause"
    must not take it back (the job would run past its next pause point)."""
    from core.engine import engine as engine_module

    snap = tracker.submit("test-stepper", {"items": 3})
    wait_status(db, snap.id, "ACTIVE")
    wait_for(lambda: engine.context(snap.id) is not None)
    real = engine_module.pauses.requests

    def read_then_pause(database: Database, worker: str) -> list[tuple[int, bool, bool]]:
        rows = real(database, worker)  # read first: no pause requested yet
        if threading.current_thread() is not threading.main_thread():
            return rows  # the engine's own housekeeping: as usual
        assert rows == [(snap.id, False, False)]
        tracker.pause(snap.id)  # then the window asks, before the poll applies its read
        return rows

    monkeypatch.setattr(engine_module.pauses, "requests", read_then_pause)
    engine._poll_stops()
    monkeypatch.setattr(engine_module.pauses, "requests", real)
    ctx = engine.context(snap.id)
    assert ctx is not None and ctx.pause_wanted
    Stepper.gate.release()  # the first item ends: the job pauses before the second
    assert wait_status(db, snap.id, "PAUSED").progress_done == 1
    engine._poll_stops()  # a read made after the request keeps it
    assert ctx.pause_wanted
    tracker.resume(snap.id)
    Stepper.gate.release()
    Stepper.gate.release()
    assert wait_status(db, snap.id).status is S.SUCCEEDED
