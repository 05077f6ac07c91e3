"""The engine lock: an OS file lock that proves a local engine alive, and names it.

One lock file per (database, OS user) in the runtime folder; the host is implied because the folder is local.
The engine that serves the database holds an exclusive ``flock`` on it for as long as its process lives and
writes what it is into the file (pid, engine id, channel socket). The OS releases the lock when the process
dies, however it dies, so a free lock is proof that no engine of this database and user runs on this host —
unlike a pid file, which a crash leaves behind and a reused pid makes lie.

Anyone may test the lock (:func:`is_alive`) with a non-blocking *shared* lock: it succeeds only when nobody
holds it exclusively. The file is never deleted (deleting a locked file would let two engines lock two
different files of the same name).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import stat
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from core.store.db import data_dir, display_url, resolve_url

# Unix-domain socket paths are limited to 108 bytes (sun_path); keep a margin.
_MAX_SOCKET_PATH = 100


@dataclass(frozen=True)
class LockInfo:
    """What the holder of an engine lock wrote into it."""

    pid: int
    engine_id: str
    kind: str  # "service" (background, idles out) or "worker" (foreground `asyncops worker`)
    url: str  # the database, password hidden
    socket: str  # its event channel ("" when it has none)
    started: float  # the process's start time (psutil create_time), to tell a reused pid
    queues: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Any) -> LockInfo | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                pid=int(data["pid"]),
                engine_id=str(data["engine_id"]),
                kind=str(data.get("kind", "service")),
                url=str(data.get("url", "")),
                socket=str(data.get("socket", "")),
                started=float(data.get("started", 0.0)),
                queues=[str(q) for q in data.get("queues") or []],
            )
        except (KeyError, TypeError, ValueError):
            return None


def _private_dir(path: Path) -> Path | None:
    """``path`` created with mode 0700 if missing; None unless it is a real folder of ours, closed to others."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        return None
    if st.st_mode & 0o077:
        try:
            os.chmod(path, 0o700)
        except OSError:
            return None
    return path


def runtime_dir() -> Path:
    """``$XDG_RUNTIME_DIR/asyncops`` (private, cleared at logout), else ``run/`` in the data folder.

    Without the variable (cron, some ssh sessions) ``/run/user/<uid>`` is used when it exists: it is what the
    variable names in a desktop session, so a job queued from cron finds the window's engine."""
    xdg = os.environ.get("XDG_RUNTIME_DIR") or ""
    if not xdg and os.path.isdir(f"/run/user/{os.getuid()}"):
        xdg = f"/run/user/{os.getuid()}"
    if xdg and os.path.isabs(xdg):
        found = _private_dir(Path(xdg) / "asyncops")
        if found is not None:
            return found
    found = _private_dir(data_dir() / "run")
    if found is None:
        raise OSError(f"cannot create a private runtime folder in {data_dir()}")
    return found


def database_identity(db_url: str | None) -> str:
    """What names a database: a SQLite file by its real path (so ``/tmp/x.db``, ``sqlite:////tmp//x.db`` and a
    symbolic link to it are one database, served by one engine), a server's database by its URL (password
    hidden)."""
    url = resolve_url(db_url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database and not parsed.database.startswith("file:"):
            return f"sqlite:{os.path.realpath(parsed.database)}"
    except (ArgumentError, ValueError):
        pass
    return display_url(url)


def key_of(db_url: str | None) -> str:
    """A short name for (database, OS user): the hash of the database's identity and the uid."""
    url = database_identity(db_url)
    return hashlib.sha256(f"{url}\0{os.getuid()}".encode()).hexdigest()[:20]


def lock_path(db_url: str | None) -> Path:
    return runtime_dir() / f"engine-{key_of(db_url)}.lock"


def start_lock_path(db_url: str | None) -> Path:
    """Held by a starter from before it spawns an engine until that engine holds its lock (see spawn)."""
    return runtime_dir() / f"engine-{key_of(db_url)}.start"


def socket_path(db_url: str | None) -> Path:
    """The engine's event channel. A long data folder would exceed the socket path limit: then a private
    folder under the system's temporary folder is used instead."""
    name = f"engine-{key_of(db_url)}.sock"
    path = runtime_dir() / name
    if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
        return path
    short = _private_dir(Path(tempfile.gettempdir()) / f"asyncops-{os.getuid()}")
    if short is None:
        raise OSError("no private folder with a short enough path for the engine's socket")
    return short / name


def _open(path: Path, flags: int) -> int:
    return os.open(path, flags | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)


def is_alive(target: str | os.PathLike[str]) -> bool:
    """Whether an engine holds the lock ``target`` (a lock file path, or an engine id, looked up among the
    lock files of this user on this host). A missing file, or an engine id no lock file names, is False."""
    path = Path(target)
    if not (isinstance(target, os.PathLike) or os.sep in str(target)):
        found = find_lock(str(target))
        if found is None:
            return False
        path = found
    try:
        fd = _open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return True
        raise
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def read_info(path: Path) -> LockInfo | None:
    """What the lock file says (it may name a holder that is gone: check :func:`is_alive`)."""
    try:
        fd = _open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(65536)
    finally:
        os.close(fd)
    try:
        return LockInfo.from_json(json.loads(data or b"null"))
    except (ValueError, UnicodeDecodeError):
        return None


def holder(path: Path, *, settle: float = 0.5) -> LockInfo | None:
    """The live holder of the lock at ``path``, or None when the lock is free. A holder that has only just
    taken the lock is given ``settle`` seconds to write who it is (its pid must be alive)."""
    deadline = time.monotonic() + settle
    while is_alive(path):
        info = read_info(path)
        if info is not None and _pid_alive(info):
            return info
        if time.monotonic() >= deadline:
            # held, but the file does not name a live holder yet: say what is known
            return LockInfo(pid=0, engine_id="", kind="service", url="", socket="", started=0.0)
        time.sleep(0.01)  # the holder writes the file right after taking the lock
    return None


def _pid_alive(info: LockInfo) -> bool:
    try:
        os.kill(info.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return info.pid > 0


def find_lock(engine_id: str) -> Path | None:
    """The lock file of this user on this host whose last holder was ``engine_id``."""
    try:
        candidates = sorted(runtime_dir().glob("engine-*.lock"))
    except OSError:
        return None
    for path in candidates:
        info = read_info(path)
        if info is not None and info.engine_id == engine_id:
            return path
    return None


class EngineLock:
    """The exclusive lock an engine holds for its whole life. ``acquire`` returns None when it is taken."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path, *, timeout: float = 1.0) -> EngineLock | None:
        """Take the lock. A client testing it holds a shared lock for a moment: try again until ``timeout``
        before concluding that another engine holds it."""
        fd = _open(path, os.O_RDWR | os.O_CREAT)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return cls(path, fd)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.01)  # a prober's shared lock lasts microseconds; nothing to wait on but the lock itself

    def write(self, info: LockInfo) -> None:
        """Record who holds the lock (in place: the file stays the one that is locked)."""
        assert self._fd is not None
        data = json.dumps(asdict(info)).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)
        os.fsync(self._fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # nobody holds it: say nothing about a holder
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> EngineLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
