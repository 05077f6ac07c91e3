"""Ending the process groups of jobs: those a dead engine left behind, and those still running when a job or its
engine ends.

A job that starts programs (``command``) records where they run (``runtime``: host, pid, pgid, start time);
recovery calls :func:`end_group` on the same host so that a retry never runs next to an orphan; an engine whose
shutdown grace runs out ends the groups of the jobs it still holds (:func:`end_groups`), and ``command`` ends what
its program left running in its group (:func:`members`, :func:`wait_gone`). Only the operating system is asked
here: the caller records what happened in the job's log.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from collections.abc import Callable, Iterable, Mapping
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


def members(pgid: int) -> list[psutil.Process]:
    """The live processes of process group ``pgid`` (a zombie has ended: it only waits to be reaped)."""
    try:
        os.killpg(pgid, 0)  # one system call answers the usual case, an empty group, without listing processes
    except ProcessLookupError:
        return []
    except PermissionError:
        pass
    found = []
    for p in psutil.process_iter(["status"]):
        if p.info["status"] != psutil.STATUS_ZOMBIE and group_of(p) == pgid:
            found.append(p)
    return found


def alive(procs: Iterable[psutil.Process]) -> list[psutil.Process]:
    """Those of ``procs`` still running: not ended, not a zombie, their pid not given to another program since."""
    left = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                left.append(p)
        except psutil.Error:
            pass
    return left


def wait_gone(procs: Iterable[psutil.Process], timeout: float, interval: float = 0.02) -> list[psutil.Process]:
    """Wait up to ``timeout`` seconds for ``procs`` to end; those still running then. Reaps nothing, so a child's
    ``subprocess.Popen`` still gets its real status (psutil's wait_procs would reap it, and waits out the whole
    timeout on a zombie that nobody reaps)."""
    deadline = time.monotonic() + timeout
    left = alive(procs)
    while left and time.monotonic() < deadline:
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
        left = alive(left)
    return left


def signal_group(pgid: int, sig: signal.Signals) -> None:
    """``sig`` to every process of group ``pgid`` (nothing when the group is gone or not ours)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def end_groups(
    pgids: Iterable[int], grace: float, before_kill: Callable[[int, int], object] | None = None
) -> dict[int, tuple[int, int]]:
    """End whole process groups at once: SIGTERM (and SIGCONT, for a group that was paused) to each, then SIGKILL
    to each group with a process left after ``grace`` seconds (``before_kill(pgid, processes left)`` first). For
    each group that had processes: how many it had, and how many were still running at the SIGKILL."""
    found = {pgid: members(pgid) for pgid in set(pgids)}
    found = {pgid: procs for pgid, procs in found.items() if procs}
    for pgid in found:
        signal_group(pgid, signal.SIGTERM)
        signal_group(pgid, signal.SIGCONT)
    wait_gone([p for procs in found.values() for p in procs], grace)
    killed: dict[int, int] = {}
    for pgid in found:  # the whole group again, not only the processes seen: one may have forked since
        left = members(pgid)
        if left:
            if before_kill is not None:
                before_kill(pgid, len(left))
            signal_group(pgid, signal.SIGKILL)
            killed[pgid] = len(left)
            wait_gone(left, 5.0)
    return {pgid: (len(procs), killed.get(pgid, 0)) for pgid, procs in found.items()}


def group_of(p: psutil.Process) -> int | None:
    """The process group of ``p``; None when it is gone or not ours to see."""
    try:
        return os.getpgid(p.pid)
    except (ProcessLookupError, PermissionError):
        return None
