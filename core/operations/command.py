"""``command``: run a program (argv, or a shell line), capturing stdout and stderr into the job log."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import psutil

from core.errors import OperationFailed, ParamError
from core.operations.base import Operation, OperationEnv, Param

if TYPE_CHECKING:
    from core.engine import JobContext

DEFAULT_WARNING = r"(?i)warning"
DEFAULT_PROGRESS = r"^PROGRESS\s+(?P<done>\d+)\s*/\s*(?P<total>\d+)\s*$"


class Command(Operation):
    name = "command"
    title = "Command"
    description = (
        "Run a program or a shell line in the background. Each line of stdout and stderr goes to the job log; "
        "lines matching the warning pattern count as warnings; exit code 0 succeeds, anything else fails. "
        "A line 'PROGRESS done/total' moves the progress bar."
    )
    params = (
        Param("argv", "list", help='the program and its arguments, as a JSON array: ["sh","-c","echo hi"]'),
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

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        has_argv, has_cmd = bool(params.get("argv")), bool(params.get("cmd"))
        if has_argv == has_cmd:
            raise ParamError("argv" if not has_cmd else "cmd", "give exactly one of argv or cmd")
        if params.get("shell") and not has_cmd:
            raise ParamError("shell", "shell=true needs cmd (a command line), not argv")
        cwd = params.get("cwd")
        if cwd and not Path(cwd).expanduser().is_dir():
            raise ParamError("cwd", f"{cwd} is not a folder")
        for key in ("warning_pattern", "progress_pattern"):
            try:
                re.compile(params.get(key) or "")
            except re.error as exc:
                raise ParamError(key, f"not a valid regular expression: {exc}") from None
        env_vars = params.get("env") or {}
        if any(not isinstance(v, (str, int, float)) for v in env_vars.values()):
            raise ParamError("env", "values must be text or numbers")
        if not params.get("shell"):
            argv = self.argv(params)
            if not argv:
                raise ParamError("cmd" if has_cmd else "argv", "is empty")
            if not _findable(argv[0], cwd):
                raise ParamError("cmd" if has_cmd else "argv", f"program not found: {argv[0]}")

    @staticmethod
    def argv(params: dict[str, Any]) -> list[str]:
        if params.get("argv"):
            return list(params["argv"])
        if params.get("shell"):
            return ["/bin/sh", "-c", params["cmd"]]
        try:
            return shlex.split(params["cmd"])
        except ValueError as exc:
            raise ParamError("cmd", f"cannot split the command line: {exc}") from None

    def label_for(self, params: dict[str, Any]) -> str:
        text = params.get("cmd") or shlex.join(params.get("argv") or [])
        return text if len(text) <= 80 else text[:79] + "…"

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        argv = self.argv(params)
        env = {**os.environ, **{k: str(v) for k, v in (params.get("env") or {}).items()}}
        warning = re.compile(params.get("warning_pattern") or DEFAULT_WARNING)
        progress = re.compile(params.get("progress_pattern") or DEFAULT_PROGRESS)
        cwd = str(Path(params["cwd"]).expanduser()) if params.get("cwd") else None
        ctx.info(f"$ {shlex.join(argv)}")
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
            raise OperationFailed(f"cannot start {argv[0]}: {exc.strerror or exc}") from exc
        try:
            started = psutil.Process(proc.pid).create_time()
        except psutil.NoSuchProcess:
            started = None
        ctx.set_runtime(host=socket.gethostname(), pid=proc.pid, pgid=proc.pid, started=started)
        counts = {"stdout": 0, "stderr": 0}

        def pump(stream: IO[bytes], name: str) -> None:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                counts[name] += 1
                m = progress.search(line)
                if m:
                    ctx.progress(int(m.group("done")), int(m.group("total")))
                    continue
                if warning.search(line):
                    ctx.warn(line, item=name)
                else:
                    ctx.log(line, "INFO", item=name)
            stream.close()

        readers = [
            threading.Thread(target=pump, args=(s, n), daemon=True, name=f"job{ctx.job_id}-{n}")
            for s, n in ((proc.stdout, "stdout"), (proc.stderr, "stderr"))
        ]
        for t in readers:
            t.start()
        stopped = False
        while proc.poll() is None:
            if ctx.wait(0.05):
                stopped = True
                terminate_tree(proc, float(params.get("grace", 10.0)), ctx)
                break
        rc = proc.wait()
        for t in readers:
            t.join(timeout=5)
        result = {"exit_code": rc, "stdout_lines": counts["stdout"], "stderr_lines": counts["stderr"]}
        if stopped:
            ctx.warn(f"stopped; the process ended with code {rc}")
            return result
        if rc != 0:
            ctx.error(f"exited with code {rc}")
            raise OperationFailed(f"exit code {rc}", result)
        ctx.info("exited with code 0")
        return result


def _findable(program: str, cwd: str | None) -> bool:
    if os.sep in program:
        path = Path(program).expanduser()
        if not path.is_absolute() and cwd:
            path = Path(cwd).expanduser() / path
        return path.exists()
    return shutil.which(program) is not None


def terminate_tree(proc: subprocess.Popen[bytes], grace: float, ctx: JobContext | None = None) -> None:
    """SIGTERM to the process group and every descendant, then SIGKILL to what is left after ``grace``."""
    try:
        parent = psutil.Process(proc.pid)
        family = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    if ctx:
        ctx.info(f"sending SIGTERM to {len(family) or 1} process(es)")
    _signal_all(proc.pid, family, signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=grace)
    if alive or proc.poll() is None:
        if ctx:
            ctx.warn(f"{len(alive) or 1} process(es) ignored SIGTERM for {grace:g}s: sending SIGKILL")
        _signal_all(proc.pid, alive, signal.SIGKILL)
        psutil.wait_procs(alive, timeout=5)


def _signal_all(pgid: int, procs: list[psutil.Process], sig: signal.Signals) -> None:
    """The process group, and each process by itself (a descendant may have left the group)."""
    _signal_group(pgid, sig)
    for p in procs:
        try:
            p.send_signal(sig)
        except psutil.NoSuchProcess:
            pass


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


OPERATIONS = (Command,)
