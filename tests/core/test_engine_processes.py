"""Ending the process groups jobs left behind, and telling a refused write from a bug."""

from __future__ import annotations

import socket
import subprocess
import time

import psutil
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from core.engine.context import refused_by_database
from core.engine.processes import end_group, kill_group


def test_a_group_on_this_host_is_ended_and_one_elsewhere_is_reported() -> None:
    proc = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        runtime = {
            "host": socket.gethostname(),
            "pid": proc.pid,
            "pgid": proc.pid,
            "started": psutil.Process(proc.pid).create_time(),
        }
        level, note = end_group({**runtime, "host": "far-away-host"})
        assert level == "WARNING" and note.code == "process.elsewhere" and proc.poll() is None
        level, note = end_group(runtime, grace=5)
        assert (level, note.code, note.args["signal"]) == ("INFO", "process.ended", "SIGTERM")
        proc.wait(5)  # ended (psutil reaped it: here it is our child, unlike a real orphan)
        assert end_group(runtime)[1].code == "process.already_ended"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_reused_pid_is_left_alone() -> None:
    proc = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        note = kill_group(proc.pid, proc.pid, time.time() - 3600, grace=1)  # started an hour "earlier"
        assert note.code == "process.reused" and proc.poll() is None
        assert kill_group(None, None, None, 1).code == "process.none"
    finally:
        proc.kill()
        proc.wait()


def test_refusals_are_told_from_bugs() -> None:
    assert refused_by_database(OperationalError("UPDATE", {}, Exception("database is locked")))
    assert refused_by_database(OSError(28, "No space left on device"))
    assert not refused_by_database(IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed")))
    assert not refused_by_database(StatementError("bad value", "UPDATE", {}, TypeError("not JSON")))
    assert not refused_by_database(ValueError("a bug"))
