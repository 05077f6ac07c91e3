"""One window per user and database: the name it listens on, and handing a request to it (no Qt, no core).

The launcher calls :func:`hand_off` before it loads Qt or the core, so a second ``asyncops`` (or ``asyncops
asyncops://job/N``) reaches the running window and exits within a fraction of a second. The window listens
with a ``QLocalServer`` on the same path (``desktop.services.single``).

The name is derived from the OS user and the database the window would open, as the environment chooses it
(``ASYNCOPS_DB``, else the default database of ``ASYNCOPS_DATA_DIR``): a hash, in a folder only the user can
enter. The protocol is one JSON line each way: ``{"open": N}`` (or ``{"open": null}``: only raise) and
``{"ok": true}``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import tempfile
import time
from pathlib import Path


def _database_choice(db_url: str | None) -> str:
    value = db_url or os.environ.get("ASYNCOPS_DB") or ""
    if value and "://" not in value:
        return "file:" + os.path.abspath(os.path.expanduser(value))
    if value:
        return value
    return "default:" + os.path.abspath(os.environ.get("ASYNCOPS_DATA_DIR") or "")


def _user() -> str:
    try:
        return os.environ.get("ASYNCOPS_USER") or getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes


def _private_folder() -> Path:
    """``$XDG_RUNTIME_DIR``, else the data folder's ``run/`` when ``ASYNCOPS_DATA_DIR`` names one (tests,
    scripts) and the path stays short enough for a socket, else the system's temporary folder."""
    xdg = os.environ.get("XDG_RUNTIME_DIR") or ""
    data = os.environ.get("ASYNCOPS_DATA_DIR") or ""
    if xdg and os.path.isabs(xdg):
        base = Path(xdg)
    elif (
        data
        and len(os.fsencode(f"{os.path.abspath(data)}/run/asyncops-windows-{os.getuid()}/window-{'0' * 20}.sock"))
        <= _MAX_SOCKET_PATH
    ):
        base = Path(os.path.abspath(data)) / "run"
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
    else:
        base = Path(tempfile.gettempdir())
    folder = base / f"asyncops-windows-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    st = folder.lstat()
    if st.st_uid != os.getuid() or not folder.is_dir() or folder.is_symlink():
        raise OSError(f"{folder} is not a private folder of this user")
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def window_socket(db_url: str | None = None) -> str:
    """The path the window of (this user, this database) listens on."""
    digest = hashlib.sha256(f"{os.getuid()}\0{_user()}\0{_database_choice(db_url)}".encode()).hexdigest()[:20]
    return str(_private_folder() / f"window-{digest}.sock")


def hand_off(job_id: int | None, *, path: str | None = None, timeout: float = 0.8) -> bool:
    """Give the running window the request (open ``job_id``, or only come to the front). False when no window
    listens (then the caller opens one); True once the window has said it took the request."""
    try:
        target = path or window_socket()
    except OSError:
        return False
    deadline = time.monotonic() + timeout
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(target)
            sock.sendall(json.dumps({"open": job_id}).encode() + b"\n")
            buf = b""
            while b"\n" not in buf:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                data = sock.recv(4096)
                if not data:
                    return False
                buf += data
    except OSError:
        return False
    try:
        return bool(json.loads(buf.split(b"\n", 1)[0]).get("ok"))
    except (ValueError, AttributeError):
        return False
