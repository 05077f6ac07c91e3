"""File system actions of operations: checksums and the library's own trash.

The trash is a recycle area inside each library, ``.asyncops-trash/`` at its root (never catalogued). Deleting
an item renames it — inside directory descriptors, on the same file system, so at once whatever its size —
into an entry folder of its own, ``.asyncops-trash/<entry>/item``, next to ``record.json``: which path it was,
which job put it there, when, and the catalogue edits of what it held. Restoring reads that record: only the
job that put an entry there can have it brought back, to the path it came from. Nothing is guessed from the
platform's trash folders or their modification times.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat
from typing import Any

from core.library.jail import DIR_FLAGS, NOFOLLOW, O_CLOEXEC, Jail, JailError
from core.messages import define, msg

TRASH_DIR = ".asyncops-trash"
ITEM = "item"
RECORD = "record.json"
ENTRY_RE = re.compile(r"^[0-9]+-[0-9]+-[0-9]+$")

define("library.trash_unknown", "{entry} is not an entry of this library's trash")
define("library.trash_other", "the trash entry {entry} holds {recorded}, put there by job #{job}; not restored here")
define("library.trash_gone", "{entry} is no longer in the trash")
define("library.exists_again", "{path} exists again; not overwritten")


class TrashError(OSError):
    """A trash entry that cannot be restored (carries a Message)."""

    def __init__(self, message: Any) -> None:
        self.message = message
        super().__init__(errno.ENOENT, message.text)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_new(name: str, dir_fd: int, data: bytes) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | O_CLOEXEC, 0o600, dir_fd=dir_fd)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


_counter = [0]


def send_to_trash(jail: Jail, rel: str, job: int | None, edits: dict[str, Any] | None = None) -> str:
    """Move ``rel`` into a new entry of the library's trash; its entry name (what :func:`restore` takes)."""
    with jail.folder(TRASH_DIR, create=True) as tfd, jail.parent(rel) as (pfd, name):
        os.stat(name, dir_fd=pfd, follow_symlinks=False)  # FileNotFoundError before an entry is made
        while True:
            _counter[0] += 1
            entry = f"{job or 0}-{os.getpid()}{dt.datetime.now(dt.UTC):%H%M%S%f}-{_counter[0]}"
            try:
                os.mkdir(entry, 0o700, dir_fd=tfd)
                break
            except FileExistsError:
                continue
        efd = os.open(entry, DIR_FLAGS, dir_fd=tfd)
        try:
            record = {
                "path": rel,
                "job": job,
                "deleted_at": dt.datetime.now(dt.UTC).isoformat(),
                "edits": edits or {},
            }
            _write_new(RECORD, efd, json.dumps(record, ensure_ascii=False).encode())
            try:
                os.rename(name, ITEM, src_dir_fd=pfd, dst_dir_fd=efd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(RECORD, dir_fd=efd)
                    os.rmdir(entry, dir_fd=tfd)
                raise
        finally:
            os.close(efd)
    return entry


def trash_copy(jail: Jail, rel: str, job: int | None, edits: dict[str, Any] | None = None) -> str:
    """Keep a copy of the file ``rel`` (as it is now) in a new trash entry, before it is rewritten."""
    data = jail.read_bytes(rel)
    with jail.folder(TRASH_DIR, create=True) as tfd:
        while True:
            _counter[0] += 1
            entry = f"{job or 0}-{os.getpid()}{dt.datetime.now(dt.UTC):%H%M%S%f}-{_counter[0]}"
            try:
                os.mkdir(entry, 0o700, dir_fd=tfd)
                break
            except FileExistsError:
                continue
        efd = os.open(entry, DIR_FLAGS, dir_fd=tfd)
        try:
            record = {
                "path": rel,
                "job": job,
                "deleted_at": dt.datetime.now(dt.UTC).isoformat(),
                "edits": edits or {},
                "copy": True,
            }
            _write_new(RECORD, efd, json.dumps(record, ensure_ascii=False).encode())
            _write_new(ITEM, efd, data)
        finally:
            os.close(efd)
    return entry


def read_record(jail: Jail, entry: str) -> dict[str, Any]:
    """The record of a trash entry; TrashError when ``entry`` is not one of this library's trash."""
    if not isinstance(entry, str) or not ENTRY_RE.match(entry):
        raise TrashError(msg("library.trash_unknown", entry=entry))
    try:
        data = jail.read_bytes(f"{TRASH_DIR}/{entry}/{RECORD}", limit=64 << 20)
        record = json.loads(data)
    except (OSError, ValueError):
        raise TrashError(msg("library.trash_gone", entry=entry)) from None
    if not isinstance(record, dict) or not isinstance(record.get("path"), str):
        raise TrashError(msg("library.trash_unknown", entry=entry))
    return record


def restore(jail: Jail, entry: str, rel: str, job: int | None, *, replace: bool = False) -> dict[str, Any]:
    """Move the item of ``entry`` back to ``rel``, when that entry holds ``rel`` and was put there by ``job``;
    returns its record. TrashError (or OSError) otherwise, and nothing moves. ``replace`` puts a kept copy
    back over the current file (the undo of a rewrite)."""
    record = read_record(jail, entry)
    if record["path"] != rel or record.get("job") != job:
        raise TrashError(msg("library.trash_other", entry=entry, recorded=record["path"], job=record.get("job")))
    with jail.folder(f"{TRASH_DIR}/{entry}") as efd, jail.parent(rel, create=True) as (pfd, name):
        try:
            st = os.stat(name, dir_fd=pfd, follow_symlinks=False)
        except FileNotFoundError:
            pass
        else:
            if not (replace and record.get("copy") and stat.S_ISREG(st.st_mode)):
                raise FileExistsError(errno.EEXIST, msg("library.exists_again", path=rel).text, rel)
        try:
            os.stat(ITEM, dir_fd=efd, follow_symlinks=False)
        except FileNotFoundError:
            raise TrashError(msg("library.trash_gone", entry=entry)) from None
        os.rename(ITEM, name, src_dir_fd=efd, dst_dir_fd=pfd)
        with contextlib.suppress(OSError):
            os.unlink(RECORD, dir_fd=efd)
    with contextlib.suppress(OSError), jail.folder(TRASH_DIR) as tfd:
        os.rmdir(entry, dir_fd=tfd)
    return record


def trash_exists(jail: Jail, entry: str) -> bool:
    try:
        read_record(jail, entry)
    except (TrashError, JailError):
        return False
    return True
