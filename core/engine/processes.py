"""Ending the process groups that jobs left behind when their engine died.

A job that starts programs (``command``) records where they run (``runtime``: host, pid, pgid, start time);
recovery calls :func:`end_group` on the same host so that a retry never runs next to an orphan. Only the
operating system is asked here: the caller records what happened in the job's log.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from collections.abc import Mapping
from typing import Any

import psutil

from core.messages import Message, define, msg

define("process.none", "no process to end")
define(
    "process.elsewhere",
    "its process group {pgid} on {host} may still be running: recovery can only end processes of its own host",
)
define("process.reused", "process {pid} is gone (its number now belongs to another program)")
define("process.already_ended", "process group {pgid} had already ended")
define("process.ended", "ended the orphaned process group {pgid} left by the dead engine ({signal})")
define(
    "process.killed",
    "ended the orphaned process group {pgid} left by the dead engine (SIGKILL after {grace:g}s)",
)


def end_group(runtime: Mapping[str, Any], grace: float = 3.0) -> tuple[str, Message]:
    """End the process group a job recorded in ``runtime``, when it runs on this host.

    Returns the level and message of the log line that says what was done."""
    host, pgid, pid = runtime.get("host"), runtime.get("pgid"), runtime.get("pid")
    if host != socket.gethostname():
        return "WARNING", msg("process.elsewhere", pgid=pgid, host=host)
    return "INFO", kill_group(pgid, pid, runtime.get("started"), grace)


def kill_group(pgid: int | None, pid: int | None, started: float | None, grace: float) -> Message:
    """SIGTERM to the group, SIGKILL after ``grace`` seconds to what is left; a pid reused by another program
    since (its start time differs from ``started``) is left alone."""
    if not pgid or not pid:
        return msg("process.none")
    leader: psutil.Process | None
    try:
        leader = psutil.Process(pid)
        if started is not None and abs(leader.create_time() - started) > 1:
            return msg("process.reused", pid=pid)
    except psutil.NoSuchProcess:
        leader = None
    members = [p for p in psutil.process_iter(["pid"]) if group_of(p) == pgid]
    if leader is None and not members:
        return msg("process.already_ended", pgid=pgid)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGTERM)
        os.killpg(pgid, signal.SIGCONT)  # a group its job paused (SIGSTOP) receives the SIGTERM only once continued
    _, alive = psutil.wait_procs(members, timeout=grace)
    if alive:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)
        return msg("process.killed", pgid=pgid, grace=grace)
    return msg("process.ended", pgid=pgid, signal="SIGTERM")


def group_of(p: psutil.Process) -> int | None:
    """The process group of ``p``; None when it is gone or not ours to see."""
    try:
        return os.getpgid(p.pid)
    except (ProcessLookupError, PermissionError):
        return None
