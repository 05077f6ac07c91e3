"""Finding or starting the local background engine: :func:`ensure_engine`, the one call every client makes.

Starting is serialised by a second lock, the *start lock*: a starter takes it, checks again that no engine
holds the engine lock, and spawns ``asyncops engine serve`` with the start lock's descriptor inherited. The
child lets go of it only once it holds the engine lock, so a second starter waits on the start lock and then
finds the first engine, and the first starter returns at once without waiting for the child to boot.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from core.records import JobSnapshot
from core.service.channel import notify
from core.service.lock import LockInfo, holder, is_alive, lock_path, socket_path, start_lock_path
from core.store.db import data_dir, resolve_url

log = logging.getLogger(__name__)

NO_AUTOSTART_ENV = "ASYNCOPS_NO_AUTOSTART"
LOG_NAME = "engine.log"


class EngineState(StrEnum):
    RUNNING = "running"  # an engine already serves this database on this host
    STARTED = "started"  # none did: the background engine was just spawned
    DISABLED = "disabled"  # auto-start is off and none serves it
    FAILED = "failed"  # none did, and starting one failed (see ``detail``)


@dataclass(frozen=True)
class EngineStatus:
    state: EngineState
    pid: int | None = None
    kind: str | None = None  # "service" (background) or "worker" (a foreground `asyncops worker`)
    detail: str = ""
    socket: str = ""  # its event channel (see core.service.channel)

    @property
    def log(self) -> str:
        """Where the background engine writes what it says."""
        return str(log_file())

    @property
    def serving(self) -> bool:
        """An engine serves the database now, or will in a moment."""
        return self.state in (EngineState.RUNNING, EngineState.STARTED)


def autostart_disabled() -> bool:
    return os.environ.get(NO_AUTOSTART_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def local_engine(db_url: str | None) -> LockInfo | None:
    """The engine that holds this database's lock on this host for this user, or None."""
    return holder(lock_path(db_url))


def log_file() -> Path:
    return data_dir() / LOG_NAME


def _project_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def spawn_command() -> list[str]:
    return [sys.executable, "-m", "core.cli", "engine", "serve"]


def ensure_engine(db_url: str | None = None, *, autostart: bool | None = None, wait: float = 0.0) -> EngineStatus:
    """Make sure an engine serves ``db_url`` on this host: find the one that holds its lock, or start the
    background one. Returns at once after starting unless ``wait`` > 0 (seconds to wait for it to hold its
    lock). ``autostart`` None: on unless ``ASYNCOPS_NO_AUTOSTART`` is set."""
    url = resolve_url(db_url)
    try:
        path = lock_path(url)  # in the private runtime folder, made if missing
    except OSError as exc:  # no runtime folder can be made (the data folder is a file, a read-only disk…)
        log.warning("cannot start the background engine: %s", exc)
        return EngineStatus(EngineState.FAILED, detail=str(exc))
    info = holder(path)
    if info is not None:
        return _found(EngineState.RUNNING, info, url)
    if autostart is None:
        autostart = not autostart_disabled()
    if not autostart:
        return EngineStatus(EngineState.DISABLED, detail="auto-start is off")
    try:
        status, proc = _start(url, path)
    except OSError as exc:
        log.warning("cannot start the background engine: %s", exc)
        return EngineStatus(EngineState.FAILED, detail=str(exc))
    if wait > 0 and proc is not None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            info = holder(path)
            if info is not None:
                return _found(EngineState.STARTED, info, url)
            if proc.poll() is not None:
                return EngineStatus(EngineState.FAILED, detail=f"the engine exited at once (see {log_file()})")
            time.sleep(0.01)  # the child's boot: nothing to block on before it holds the lock
    return status


def _found(state: EngineState, info: LockInfo, url: str) -> EngineStatus:
    return EngineStatus(state, info.pid or None, info.kind, socket=info.socket or str(socket_path(url)))


def _start(url: str, path: Path) -> tuple[EngineStatus, subprocess.Popen[bytes] | None]:
    fd = os.open(start_lock_path(url), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
    try:
        if not _lock_within(fd, timeout=15.0):
            detail = "another client is starting the engine and takes too long"
            return EngineStatus(EngineState.FAILED, detail=detail), None
        info = holder(path)  # the starter before us may have won
        if info is not None:
            return _found(EngineState.RUNNING, info, url), None
        proc = spawn(url, start_fd=fd)
        # reap it when it ends (a long-lived client such as the window would otherwise keep a zombie)
        threading.Thread(target=proc.wait, name="asyncops-engine-reaper", daemon=True).start()
        return EngineStatus(EngineState.STARTED, proc.pid, "service", socket=str(socket_path(url))), proc
    finally:
        os.close(fd)  # the child keeps its copy (and so the start lock) until it holds the engine lock


def _lock_within(fd: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)  # flock has no timed wait; the holder lets go once its child holds the engine lock


LOG_MAX_BYTES = 5 << 20
LOG_KEEP = 3


def rotate(path: Path, max_bytes: int = LOG_MAX_BYTES, keep: int = LOG_KEEP) -> bool:
    """Before an engine starts, a log grown past ``max_bytes`` becomes ``engine.log.1`` (the older ones shift
    up to ``.{keep}``, the oldest is dropped), so the engine log never grows without bound. Whether it rotated."""
    try:
        if not path.exists() or path.stat().st_size <= max_bytes:  # the first start has no log yet
            return False
        for i in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{i}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{i + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError as exc:
        log.warning("cannot rotate %s: %s", path, exc)
        return False
    return True


def spawn(url: str, *, start_fd: int | None = None, extra: list[str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``asyncops engine serve`` detached: its own session, no terminal, output to the engine log."""
    env = dict(os.environ)
    env["ASYNCOPS_DB"] = url  # not on the command line, where other users could read a password
    env.pop(NO_AUTOSTART_ENV, None)
    root = _project_root()
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    args = spawn_command() + (extra or [])
    if start_fd is not None:
        args += ["--start-lock-fd", str(start_fd)]
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    rotate(log_file())
    with open(log_file(), "ab") as out:
        with contextlib.suppress(OSError):
            os.chmod(log_file(), 0o600)
        return subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            start_new_session=True,
            close_fds=True,
            pass_fds=(start_fd,) if start_fd is not None else (),
            cwd=folder,
            env=env,
        )


def after_submit(db_url: str | None, jobs: Sequence[JobSnapshot], *, autostart: bool | None = None) -> EngineStatus:
    """What a client does once it has written jobs: make sure a local engine serves them (starting the
    background one unless auto-start is off), and wake it at once over its channel, which also announces the
    jobs to the engine's other clients. A freshly started engine needs no wake: it looks at its queues first."""
    status = ensure_engine(db_url, autostart=autostart)
    if status.state is EngineState.RUNNING and status.socket:
        notify(status.socket, jobs)
    return status


def is_serving(db_url: str | None) -> bool:
    """Whether a local engine holds this database's lock."""
    return is_alive(lock_path(db_url))
