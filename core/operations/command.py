"""``command``: run a program (argv, or a shell line), capturing stdout and stderr into the job log.

Its output is always drained: a reader thread per stream reads to the end whatever happens to the log (a
database that refuses writes, a line that cannot be stored), so the program never blocks on a full pipe and the
job ends with the program's own exit code. Lines that could not be logged are counted and the count is logged.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import psutil

from core.engine.processes import members, signal_group, wait_gone
from core.errors import OperationFailed, ParamError
from core.messages import Message, define, msg
from core.operations.base import Operation, OperationEnv, Param

if TYPE_CHECKING:
    from core.engine import JobContext

DEFAULT_WARNING = r"(?i)warning"
DEFAULT_PROGRESS = r"^PROGRESS\s+(?P<done>\d+)\s*/\s*(?P<total>\d+)\s*$"

define("command.started", "$ {command}")
define("command.exited", "exited with code {exit_code}")
define("command.exit_code", "exit code {exit_code}")
define("command.stopped_code", "stopped: the program ended with code {exit_code}")
define("command.stopped_signal", "stopped: the program ended by signal {signal}")
define("command.cannot_start", "cannot start {program}: {reason}")
define("command.lines_lost", "{n} output {n:plural:line|lines} could not be logged ({error})")
define("command.sigterm", "sending SIGTERM to {n} {n:plural:process|processes}")
define("command.sigkill", "{n} {n:plural:process|processes} ignored SIGTERM for {grace:g}s: sending SIGKILL")
define(
    "command.leftovers",
    "the program exited leaving {n} {n:plural:process|processes} of its process group running: "
    "ending {n:plural:it|them} (SIGTERM, then SIGKILL after {grace:g}s)",
)
define("command.leftovers_killed", "{n} of them ignored SIGTERM for {grace:g}s: sent SIGKILL to the process group")
define("command.one_of", "give exactly one of argv or cmd")
define("command.shell_needs_cmd", "shell=true needs cmd (a command line), not argv")
define("command.not_a_folder", "{path} is not a folder")
define("command.bad_pattern", "not a valid regular expression: {error}")
define("command.bad_env", "values must be text or numbers")
define("command.empty", "is empty")
define(
    "command.bad_env_name", "not an environment variable name: {names:list} (letters, digits and _, not first a digit)"
)

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
define("command.not_found", "program not found: {program}")
define("command.cannot_split", "cannot split the command line: {error}")


class Command(Operation):
    name = "command"
    title = "Command"
    pausable = True  # SIGSTOP to its process tree, SIGCONT on resume
    description = (
        "Run a program or a shell line in the background. Each line of stdout and stderr goes to the job log; "
        "lines matching the warning pattern count as warnings; exit code 0 succeeds, anything else fails. "
        "A line 'PROGRESS done/total' moves the progress bar."
    )
    params = (
        Param(
            "argv",
            "list",
            json_only=True,
            example='["sh","-c","echo hi"]',
            help='the program and its arguments, as a JSON array: ["sh","-c","echo hi"]',
        ),
        Param("cmd", "str", help="a command line (split like a shell does, or run by /bin/sh with shell=true)"),
        Param("shell", "bool", default=False, help="run cmd through /bin/sh"),
        Param("cwd", "folder", help="working folder (default: the engine's)"),
        Param("env", "dict", help='extra environment variables, as a JSON object: {"LANG":"C"}', advanced=True),
        Param(
            "warning_pattern", "str", default=DEFAULT_WARNING, help="regular expression of warning lines", advanced=True
        ),
        Param(
            "progress_pattern",
            "str",
            default=DEFAULT_PROGRESS,
            help="regular expression with groups done and total",
            advanced=True,
        ),
        Param(
            "grace",
            "float",
            default=10.0,
            minimum=0,
            maximum=3600,
            help="seconds between SIGTERM and SIGKILL when stopped",
            advanced=True,
        ),
    )

    def validate(self, raw: Mapping[str, Any], env: OperationEnv | None = None) -> dict[str, Any]:
        given = [k for k in ("cmd", "argv") if k in raw]
        if len(given) == 1 and str(raw[given[0]] if raw[given[0]] is not None else "").strip() in ("", "[]"):
            raise ParamError(given[0], msg("command.empty"))  # `-p cmd=`: what is wrong is what was given
        return super().validate(raw, env)

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        has_argv, has_cmd = bool(params.get("argv")), bool(params.get("cmd"))
        if has_argv == has_cmd:
            raise ParamError("argv" if not has_cmd else "cmd", msg("command.one_of"))
        if params.get("shell") and not has_cmd:
            raise ParamError("shell", msg("command.shell_needs_cmd"))
        cwd = params.get("cwd")
        if cwd and not Path(cwd).expanduser().is_dir():
            raise ParamError("cwd", msg("command.not_a_folder", path=cwd))
        for key in ("warning_pattern", "progress_pattern"):
            try:
                re.compile(params.get(key) or "")
            except re.error as exc:
                raise ParamError(key, msg("command.bad_pattern", error=str(exc))) from None
        env_vars = params.get("env") or {}
        if any(not isinstance(v, (str, int, float)) for v in env_vars.values()):
            raise ParamError("env", msg("command.bad_env"))
        bad_names = [k for k in env_vars if not ENV_NAME.match(str(k))]
        if bad_names:
            raise ParamError("env", msg("command.bad_env_name", names=bad_names))
        if not params.get("shell"):
            argv = self.argv(params)
            if not argv:
                raise ParamError("cmd" if has_cmd else "argv", msg("command.empty"))
            if not _findable(argv[0], cwd):
                raise ParamError("cmd" if has_cmd else "argv", msg("command.not_found", program=argv[0]))

    @staticmethod
    def argv(params: dict[str, Any]) -> list[str]:
        if params.get("argv"):
            return list(params["argv"])
        if params.get("shell"):
            return ["/bin/sh", "-c", params["cmd"]]
        try:
            return shlex.split(params["cmd"])
        except ValueError as exc:
            raise ParamError("cmd", msg("command.cannot_split", error=str(exc))) from None

    def label_message(self, params: dict[str, Any]) -> Message:
        text = params.get("cmd") or shlex.join(params.get("argv") or [])
        return Message.plain(text if len(text) <= 80 else text[:79] + "…")  # the command line is its own label

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        argv = self.argv(params)
        env = {**os.environ, **{k: str(v) for k, v in (params.get("env") or {}).items()}}
        warning = re.compile(params.get("warning_pattern") or DEFAULT_WARNING)
        progress = re.compile(params.get("progress_pattern") or DEFAULT_PROGRESS)
        cwd = str(Path(params["cwd"]).expanduser()) if params.get("cwd") else None
        ctx.info(msg("command.started", command=shlex.join(argv)))
        try:
            proc = subprocess.Popen(
                argv,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group, so a stop reaches the whole tree
            )
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise OperationFailed(msg("command.cannot_start", program=argv[0], reason=reason)) from exc
        try:
            started = psutil.Process(proc.pid).create_time()
        except psutil.NoSuchProcess:
            started = None
        ctx.set_runtime(host=socket.gethostname(), pid=proc.pid, pgid=proc.pid, started=started)
        counts = {"stdout": 0, "stderr": 0}
        lost: list[str] = []  # why each line that could not be logged was lost

        def report(line: str, name: str) -> None:
            m = progress.search(line)
            if m:
                ctx.progress(int(m.group("done")), int(m.group("total")))
            elif warning.search(line):
                ctx.warn(line, item=name)
            else:
                ctx.log(line, "INFO", item=name)

        def pump(stream: IO[bytes], name: str) -> None:
            """Read to the end, whatever becomes of each line: the program must never block on this pipe."""
            with stream:
                for raw in iter(stream.readline, b""):
                    counts[name] += 1
                    try:
                        report(raw.decode("utf-8", "replace").rstrip("\r\n"), name)
                    except Exception as exc:
                        lost.append(f"{type(exc).__name__}: {exc}")

        readers = [
            threading.Thread(target=pump, args=(s, n), daemon=True, name=f"job{ctx.job_id}-{n}")
            for s, n in ((proc.stdout, "stdout"), (proc.stderr, "stderr"))
        ]
        for t in readers:
            t.start()
        stopped = False
        while proc.poll() is None:
            if ctx.pause_wanted:  # its whole tree stops (SIGSTOP) until resumed or stopped (SIGCONT first)
                ctx.pause_point(lambda: signal_tree(proc, signal.SIGSTOP), lambda: signal_tree(proc, signal.SIGCONT))
            if ctx.wait(0.05):
                stopped = True
                terminate_tree(proc, float(params.get("grace", 10.0)), ctx)
                break
        rc = proc.wait()
        if not stopped:  # the job is its process group: what the program left running in it ends with it
            end_leftovers(proc.pid, float(params.get("grace", 10.0)), ctx)
        for t in readers:
            t.join(timeout=5)
        if lost:
            ctx.warn(msg("command.lines_lost", n=len(lost), error=lost[0].splitlines()[0][:300]))
        result: dict[str, Any] = {"exit_code": rc, "stdout_lines": counts["stdout"], "stderr_lines": counts["stderr"]}
        if rc < 0:
            result["signal"] = _signal_name(-rc)
        if stopped:
            ctx.info(ended(rc))
            return result
        if rc != 0:
            ctx.error(msg("command.exited", exit_code=rc))
            raise OperationFailed(msg("command.exit_code", exit_code=rc), result)
        ctx.info(msg("command.exited", exit_code=0))
        return result


def ended(rc: int) -> Message:
    """How a stopped program ended: by a signal (a negative return code) or with its own exit code."""
    if rc < 0:
        return msg("command.stopped_signal", signal=_signal_name(-rc))
    return msg("command.stopped_code", exit_code=rc)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def _findable(program: str, cwd: str | None) -> bool:
    if os.sep in program:
        path = Path(program).expanduser()
        if not path.is_absolute() and cwd:
            path = Path(cwd).expanduser() / path
        return path.exists()
    return shutil.which(program) is not None


def terminate_tree(proc: subprocess.Popen[bytes], grace: float, ctx: JobContext | None = None) -> None:
    """SIGTERM to the program's process group and every descendant, then SIGKILL to what is left after ``grace``.

    The group is signalled even when the program itself already ended: processes it left in the group (a
    background child, whose parent is no longer the program) are part of the job. The program itself is waited
    for through ``proc`` (never reaped behind its back, so ``proc.returncode`` stays its real status: a signal or
    its own exit code); the others are watched without being reaped."""
    pgid = proc.pid
    try:
        descendants = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        descendants = []
    others = _unique([*descendants, *members(pgid)], leader=proc.pid)
    if ctx:
        ctx.info(msg("command.sigterm", n=len(others) + (proc.poll() is None) or 1))
    _signal_all(pgid, others, signal.SIGTERM, leader=proc)
    deadline = time.monotonic() + grace
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)
    alive = wait_gone(others, max(0.0, deadline - time.monotonic()))
    alive = _unique([*alive, *members(pgid)], leader=proc.pid)  # and what was forked meanwhile
    if alive or proc.poll() is None:
        if ctx:
            ctx.warn(msg("command.sigkill", n=len(alive) + (proc.poll() is None), grace=grace))
        _signal_all(pgid, alive, signal.SIGKILL, leader=proc)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        wait_gone(alive, 5)


def end_leftovers(pgid: int, grace: float, ctx: JobContext) -> None:
    """After the program exited by itself: end the processes still running in its process group (what it started
    in the background and did not wait for), SIGTERM then SIGKILL after ``grace``, with a warning saying how
    many. A program's group is the job's (as a CI runner kills a job's process group, or systemd a unit's
    cgroup): nothing the job started outlives it unseen."""
    left = members(pgid)
    if not left:
        return
    ctx.warn(msg("command.leftovers", n=len(left), grace=grace))
    signal_group(pgid, signal.SIGTERM)
    signal_group(pgid, signal.SIGCONT)  # a paused one receives the SIGTERM only once continued
    wait_gone(left, grace)
    stubborn = members(pgid)  # the whole group again: one may have forked meanwhile
    if stubborn:
        ctx.info(msg("command.leftovers_killed", n=len(stubborn), grace=grace))
        signal_group(pgid, signal.SIGKILL)
        wait_gone(stubborn, 5)


def signal_tree(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """``sig`` to the program's process group and to each of its descendants (pause and resume)."""
    try:
        family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    _signal_all(proc.pid, family, sig)


def _unique(procs: list[psutil.Process], leader: int) -> list[psutil.Process]:
    """``procs`` without repeats and without the program itself (waited for through its Popen)."""
    seen: dict[int, psutil.Process] = {}
    for p in procs:
        if p.pid != leader:
            seen.setdefault(p.pid, p)
    return list(seen.values())


def _signal_all(
    pgid: int, procs: list[psutil.Process], sig: signal.Signals, leader: subprocess.Popen[bytes] | None = None
) -> None:
    """The process group, the program (while it runs) and each process by itself (a descendant may have left the
    group)."""
    signal_group(pgid, sig)
    if leader is not None and leader.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            leader.send_signal(sig)
    for p in procs:
        with contextlib.suppress(psutil.Error):
            p.send_signal(sig)


OPERATIONS = (Command,)
