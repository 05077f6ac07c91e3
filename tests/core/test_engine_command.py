"""``command`` under the engine: output drained while the log cannot be written, and how a stopped program ended."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from core.engine import Engine, JobContext, context
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status

S = JobStatus


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """While the event is set, every progress and log write of a job context is refused as on a full disk."""
    refusing = threading.Event()
    refusing.set()
    real = JobContext._write

    def write(self: JobContext, values: dict[str, Any], entries: list[Any]) -> bool:
        if refusing.is_set():
            raise OperationalError("INSERT INTO job_log", {}, Exception("database or disk is full"))
        return real(self, values, entries)

    monkeypatch.setattr(JobContext, "_write", write)
    monkeypatch.setattr(context, "MAX_PENDING", 50)
    yield refusing
    refusing.clear()


def test_output_is_drained_while_the_log_cannot_be_written(
    db: Database, engine: Engine, tmp_path: Path, full_disk: threading.Event
) -> None:
    # 50,000 lines are far more than a pipe holds: the program only gets to `touch printed` if they are read
    script = "seq 1 50000; touch printed; while [ ! -f go ]; do sleep 0.02; done; echo after; exit 3"
    snap = engine.submit("command", {"cmd": script, "shell": True, "cwd": str(tmp_path)})
    wait_for(lambda: (tmp_path / "printed").exists())
    ctx = engine.context(snap.id)
    assert ctx is not None
    wait_for(lambda: ctx.lines_dropped == 50001 - 50)  # "$ …" and 50,000 lines, of which 50 are kept
    assert jobs.get(db, snap.id).status is S.ACTIVE and jobs.log_of(db, snap.id) == []
    full_disk.clear()  # the disk has room again: the kept lines and the count of the dropped ones are written
    dropped = wait_for(lambda: [e for e in jobs.log_of(db, snap.id) if e.code == "job.lines_dropped"])
    assert dropped[0].level == "WARNING" and dropped[0].args is not None
    assert dropped[0].args["n"] == 50001 - 50  # the first 25 and the latest 25 are kept
    assert "disk is full" in dropped[0].args["error"]
    (tmp_path / "go").touch()
    done = wait_status(db, snap.id)
    assert done.status is S.FAILED and done.message == "exit code 3" and done.outcome.args == {"exit_code": 3}
    assert done.result == {"exit_code": 3, "stdout_lines": 50001, "stderr_lines": 0}
    lines = [e.message for e in jobs.log_of(db, snap.id)]
    gap = lines.index(dropped[0].message)
    assert lines[:gap] == ["$ /bin/sh -c '" + script + "'"] + [str(i) for i in range(1, 25)]
    assert lines[gap + 1 : gap + 26] == [str(i) for i in range(49976, 50001)]
    assert lines[gap + 26 :] == ["after", "exited with code 3"]
    assert lines[-1] == "exited with code 3"
    assert done.warnings == 1 and done.errors == 1


def test_a_program_that_ends_while_the_log_is_refused_ends_its_job(
    db: Database, engine: Engine, full_disk: threading.Event
) -> None:
    snap = engine.submit("command", {"cmd": "seq 1 50000; exit 4", "shell": True})
    done = wait_status(db, snap.id)  # the outcome carries the kept lines and the count; no job left ACTIVE
    assert done.status is S.FAILED and done.result is not None and done.result["exit_code"] == 4
    log = jobs.log_of(db, snap.id)
    notes = [e for e in log if e.code == "job.lines_dropped"]
    dropped = sum(e.args["n"] for e in notes if e.args)
    assert len(log) - len(notes) + dropped == 50002  # "$ …", 50,000 lines, "exited …": each written or counted
    assert log[-1].message == "exited with code 4"  # the latest lines are kept, the middle ones counted


def test_a_stopped_program_says_how_it_ended_without_a_warning(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"argv": ["sleep", "30"]})
    wait_for(lambda: jobs.get(db, snap.id).runtime)
    engine.stop_job(snap.id)
    done = wait_status(db, snap.id)
    assert done.status is S.STOPPED and done.message == "stopped by request"
    assert done.warnings == 0 and done.errors == 0
    assert done.result is not None and done.result["signal"] == "SIGTERM" and done.result["exit_code"] == -15
    ends = [e for e in jobs.log_of(db, snap.id) if e.code == "command.stopped_signal"]
    assert [(e.level, e.message) for e in ends] == [("INFO", "stopped: the program ended by signal SIGTERM")]


def test_a_stopped_program_that_exits_by_itself_reports_its_code(db: Database, engine: Engine) -> None:
    snap = engine.submit("command", {"cmd": "trap 'exit 5' TERM; sleep 30 & wait", "shell": True})
    wait_for(lambda: jobs.get(db, snap.id).runtime)
    engine.stop_job(snap.id)
    done = wait_status(db, snap.id)
    assert done.status is S.STOPPED and done.warnings == 0
    assert done.result is not None and done.result["exit_code"] == 5 and "signal" not in done.result
    assert "stopped: the program ended with code 5" in [e.message for e in jobs.log_of(db, snap.id)]
