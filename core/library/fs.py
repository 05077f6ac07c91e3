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
from collections.abc import Callable
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


def _write_new(name: str, dir_fd: int, data: bytes, mode: int | None = None) -> None:
    """Create ``name`` (never through an existing file or link) with ``data``; private unless ``mode`` is given
    (the permissions of the file it copies, so that putting the copy back keeps them)."""
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | O_CLOEXEC, 0o600, dir_fd=dir_fd)
    try:
        if mode is not None:
            os.fchmod(fd, mode)  # fchmod, not the umask-filtered creation mode: the copy's mode is exact
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


_counter = [0]


def _new_entry(tfd: int, job: int | None) -> str:
    """A new, empty entry folder in the trash (``tfd``); its name."""
    while True:
        _counter[0] += 1
        entry = f"{job or 0}-{os.getpid()}{dt.datetime.now(dt.UTC):%H%M%S%f}-{_counter[0]}"
        try:
            os.mkdir(entry, 0o700, dir_fd=tfd)
            return entry
        except FileExistsError:
            continue


def _write_record(efd: int, rel: str, job: int | None, edits: dict[str, Any] | None, *, copy: bool = False) -> None:
    """The entry's record: which path it was, which job put it there, when, and the edits it held."""
    record: dict[str, Any] = {
        "path": rel,
        "job": job,
        "deleted_at": dt.datetime.now(dt.UTC).isoformat(),
        "edits": edits or {},
    }
    if copy:
        record["copy"] = True
    _write_new(RECORD, efd, json.dumps(record, ensure_ascii=False).encode())


def send_to_trash(jail: Jail, rel: str, job: int | None, edits: dict[str, Any] | None = None) -> str:
    """Move ``rel`` into a new entry of the library's trash; its entry name (what :func:`restore` takes)."""
    with jail.folder(TRASH_DIR, create=True) as tfd, jail.parent(rel) as (pfd, name):
        os.stat(name, dir_fd=pfd, follow_symlinks=False)  # FileNotFoundError before an entry is made
        entry = _new_entry(tfd, job)
        efd = os.open(entry, DIR_FLAGS, dir_fd=tfd)
        try:
            _write_record(efd, rel, job, edits)
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
    """Keep a copy of the file ``rel`` (as it is now, with its permissions) in a new trash entry, before it is
    rewritten."""
    data = jail.read_bytes(rel)
    mode = stat.S_IMODE(jail.lstat(rel).st_mode)
    with jail.folder(TRASH_DIR, create=True) as tfd:
        entry = _new_entry(tfd, job)
        efd = os.open(entry, DIR_FLAGS, dir_fd=tfd)
        try:
            _write_record(efd, rel, job, edits, copy=True)
            _write_new(ITEM, efd, data, mode)
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


def trash_entries(jail: Jail) -> list[tuple[str, int | None, dt.datetime | None]]:
    """The entries of the library's trash: (entry, job that put it there, when); unreadable records give
    (entry, None, None). Nothing is followed out of the library."""
    try:
        names = [e.name for e in jail.scandir(TRASH_DIR) if ENTRY_RE.match(e.name)]
    except FileNotFoundError:
        return []
    out: list[tuple[str, int | None, dt.datetime | None]] = []
    for name in sorted(names):
        try:
            record = read_record(jail, name)
        except (TrashError, JailError):
            out.append((name, None, None))
            continue
        job = record.get("job")
        try:
            when = dt.datetime.fromisoformat(record.get("deleted_at") or "")
        except (TypeError, ValueError):
            when = None
        out.append((name, job if isinstance(job, int) else None, when))
    return out


def empty_trash(
    jail: Jail,
    keep: Callable[[list[int]], set[int]],
    older_than: dt.datetime,
    on_error: Callable[[str, OSError], None],
) -> int:
    """Remove the trash entries nothing can bring back any more: those whose job is no longer in the history
    (``keep`` answers which of the given job ids still are), and those with no job, or no readable record,
    put there before ``older_than``. An entry whose job is still listed stays, so its undo keeps working.
    Returns the number of entries removed."""
    entries = trash_entries(jail)
    jobs = sorted({job for _, job, _ in entries if job})
    live = keep(jobs) if jobs else set()
    removed = 0
    for name, job, when in entries:
        if job:
            gone = job not in live
        else:
            gone = when < older_than if when is not None else _older_than(jail, name, older_than)
        if not gone:
            continue
        errors: list[tuple[str, OSError]] = []
        jail.remove_tree(f"{TRASH_DIR}/{name}", _collect(errors))
        if errors:
            on_error(*errors[0])
        else:
            removed += 1
    return removed


def _collect(errors: list[tuple[str, OSError]]) -> Callable[[str, OSError], None]:
    return lambda rel, exc: errors.append((rel, exc))


def _older_than(jail: Jail, entry: str, when: dt.datetime) -> bool:
    """An entry without a readable record is judged by its folder's age."""
    try:
        st = jail.lstat(f"{TRASH_DIR}/{entry}")
    except OSError:
        return False
    return dt.datetime.fromtimestamp(st.st_mtime, dt.UTC) < when


def trash_exists(jail: Jail, entry: str) -> bool:
    try:
        read_record(jail, entry)
    except (TrashError, JailError):
        return False
    return True
