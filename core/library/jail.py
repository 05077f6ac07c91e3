"""A library is a jail: every file action goes through directory descriptors opened from the root.

:class:`Jail` opens the library's root once, then reaches any path below it one component at a time with
``os.open(name, O_DIRECTORY | O_NOFOLLOW, dir_fd=parent)``; files are opened, renamed, created and removed
relative to the descriptor of their folder (``dir_fd``, ``src_dir_fd``/``dst_dir_fd``). No symbolic link is
ever followed, so a folder swapped for a link while a job runs makes that item fail (``JailError``) instead of
touching what the link points to — the pattern of CPython's ``shutil.rmtree`` (``avoids_symlink_attacks``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.messages import define, msg

O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | NOFOLLOW | O_CLOEXEC
READ_FLAGS = os.O_RDONLY | NOFOLLOW | O_CLOEXEC
TMP_SUFFIX = ".asyncops-tmp"
WORKERS = max(2, min(4, os.cpu_count() or 1))  # threads removing the subfolders of a folder being deleted

define("library.jail_link", "{path}: a symbolic link or a file stands where a folder is expected; not followed")


def is_utf8(name: str) -> bool:
    """``name`` (a file name or path as the OS gave it) is valid UTF-8 text, which the catalogue can hold."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(name: str) -> str:
    """A file name as text that can be stored and shown: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) written as ``\\xff``."""
    return name if is_utf8(name) else name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class JailError(OSError):
    """A component of a path is a symbolic link (or not a folder): the action would leave the library."""

    def __init__(self, rel: str) -> None:
        self.message = msg("library.jail_link", path=shown(rel))
        super().__init__(errno.ELOOP, self.message.text, rel)


def reason_of(exc: BaseException) -> str:
    """What went wrong with a file, for a line of a job's log: a :class:`JailError`'s own sentence, else the
    system's (``strerror``), else the exception's text."""
    message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc
    return str(message)


def split(rel: str) -> tuple[str, str]:
    """(parent folder, name) of a library-relative path."""
    head, _, name = rel.rpartition("/")
    return head, name


def _open_sub(part: str, fd: int, where: str) -> int:
    """The folder ``part`` of the folder ``fd``, not through a link: JailError (naming ``where``) when it is a link
    or a file; other errors (FileNotFoundError…) as they are."""
    try:
        return os.open(part, DIR_FLAGS, dir_fd=fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise JailError(where) from None
        raise


def open_root(root: Path) -> int:
    """A descriptor of the folder ``root``, reached from ``/`` one component at a time without following any
    symbolic link (JailError when one of them is a link or a file): a library's folder is used where it was
    added, never through a link put in its place or above it."""
    parts = root.parts
    anchor, names = (parts[0], parts[1:]) if root.is_absolute() else (".", parts)
    fd = os.open(anchor, DIR_FLAGS)
    try:
        for i, part in enumerate(names):
            sub = _open_sub(part, fd, str(Path(anchor, *names[: i + 1])))
            os.close(fd)
            fd = sub
    except BaseException:
        os.close(fd)
        raise
    return fd


class Jail:
    """The root of one library, open as a directory descriptor (see :func:`open_root`). Use as a context manager
    (closes the root)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.fd = open_root(self.root)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> Jail:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- folders --------------------------------------------------------------------------------------
    def open_dir(self, rel: str, *, create: bool = False) -> int:
        """A new descriptor of the folder ``rel`` ('' = the root); JailError when a component is a link or a
        file; ``create`` makes missing folders (each inside its parent's descriptor)."""
        fd = os.dup(self.fd)
        if not rel:
            return fd
        done = []
        try:
            for part in rel.split("/"):
                if part in ("", ".", ".."):
                    raise JailError(rel)
                done.append(part)
                try:
                    sub = _open_sub(part, fd, "/".join(done))
                except FileNotFoundError:
                    if not create:
                        raise
                    with contextlib.suppress(FileExistsError):
                        os.mkdir(part, dir_fd=fd)
                    sub = _open_sub(part, fd, "/".join(done))
                os.close(fd)
                fd = sub
        except BaseException:
            os.close(fd)
            raise
        return fd

    @contextlib.contextmanager
    def folder(self, rel: str, *, create: bool = False) -> Iterator[int]:
        fd = self.open_dir(rel, create=create)
        try:
            yield fd
        finally:
            os.close(fd)

    @contextlib.contextmanager
    def parent(self, rel: str, *, create: bool = False) -> Iterator[tuple[int, str]]:
        """(descriptor of the folder holding ``rel``, its name)."""
        head, name = split(rel)
        if not name or name in (".", ".."):
            raise JailError(rel)
        with self.folder(head, create=create) as fd:
            yield fd, name

    # -- reading --------------------------------------------------------------------------------------
    def lstat(self, rel: str) -> os.stat_result:
        if not rel:
            return os.fstat(self.fd)
        with self.parent(rel) as (fd, name):
            return os.stat(name, dir_fd=fd, follow_symlinks=False)

    def exists(self, rel: str) -> bool:
        try:
            self.lstat(rel)
        except FileNotFoundError:
            return False
        except JailError:
            return False
        except NotADirectoryError:
            return False
        return True

    def missing(self, rel: str) -> bool:
        """``rel`` is certainly not there (not found), as opposed to unreachable through a link."""
        try:
            self.lstat(rel)
        except (FileNotFoundError, NotADirectoryError):
            return True
        except OSError:
            return False
        return False

    def is_dir(self, rel: str) -> bool:
        try:
            return stat.S_ISDIR(self.lstat(rel).st_mode)
        except OSError:
            return False

    def open(self, rel: str, flags: int = READ_FLAGS, mode: int = 0o666) -> int:
        """A descriptor of the file ``rel`` opened with ``flags`` | O_NOFOLLOW inside its folder's descriptor."""
        with self.parent(rel) as (fd, name):
            try:
                return os.open(name, flags | NOFOLLOW | O_CLOEXEC, mode, dir_fd=fd)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    raise JailError(rel) from None
                raise

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        fd = self.open(rel)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise IsADirectoryError(errno.EISDIR, "not a file", rel)
            with os.fdopen(fd, "rb", closefd=False) as fh:
                return fh.read() if limit is None else fh.read(limit)
        finally:
            os.close(fd)

    def scandir(self, rel: str) -> list[os.DirEntry[str]]:
        with self.folder(rel) as fd, os.scandir(fd) as it:
            return list(it)

    # -- writing --------------------------------------------------------------------------------------
    def write_atomic(self, rel: str, data: bytes) -> None:
        """Write a temporary file next to ``rel`` (created new: never through an existing file or link),
        fsync it and rename it over ``rel`` inside the folder's descriptor."""
        with self.parent(rel) as (fd, name):
            tmp = name + TMP_SUFFIX
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp, dir_fd=fd)  # a stale temporary of ours (or something planted): never written to
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | O_CLOEXEC, 0o666, dir_fd=fd)
            try:
                with os.fdopen(out, "wb", closefd=False) as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(out)
                with contextlib.suppress(OSError):
                    st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                    if stat.S_ISREG(st.st_mode):
                        os.fchmod(out, stat.S_IMODE(st.st_mode))
            finally:
                os.close(out)
            try:
                os.rename(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp, dir_fd=fd)
                raise

    def rename(self, src: str, dst: str, *, create: bool = True) -> None:
        """Move ``src`` to ``dst`` (both inside the library; ``dst`` must not exist), through descriptors."""
        with self.parent(src) as (sfd, sname), self.parent(dst, create=create) as (dfd, dname):
            if _lexists(dname, dfd):
                raise FileExistsError(errno.EEXIST, "exists", dst)
            os.rename(sname, dname, src_dir_fd=sfd, dst_dir_fd=dfd)

    def unlink(self, rel: str) -> None:
        with self.parent(rel) as (fd, name):
            os.unlink(name, dir_fd=fd)

    def remove_tree(
        self,
        rel: str,
        on_error: Callable[[str, OSError], None],
        on_folder: Callable[[str], None] | None = None,
        advance: Callable[[int], None] | None = None,
    ) -> tuple[int, int]:
        """Delete ``rel`` (a file, a link — never its target — or a folder and everything in it); (files,
        folders) removed. Errors go to ``on_error`` (library-relative path) and the rest goes on; ``on_folder``
        hears of each folder that is gone with everything in it (the item itself included)."""
        files = folders = 0
        try:
            pctx = self.parent(rel)
            pfd, name = pctx.__enter__()
        except OSError as exc:
            on_error(rel, exc)
            return 0, 0
        try:
            try:
                st = os.stat(name, dir_fd=pfd, follow_symlinks=False)
            except OSError as exc:
                on_error(rel, exc)
                return 0, 0
            if not stat.S_ISDIR(st.st_mode):
                try:
                    os.unlink(name, dir_fd=pfd)
                except OSError as exc:
                    on_error(rel, exc)
                    return 0, 0
                if advance:
                    advance(1)
                return 1, 0

            lock = threading.Lock()

            main = threading.get_ident()
            pending = [0]  # items removed by worker threads, reported by this thread as their folders finish

            def count(n_files: int, n_folders: int) -> None:
                nonlocal files, folders
                with lock:
                    files += n_files
                    folders += n_folders
                    if threading.get_ident() != main:
                        pending[0] += n_files + n_folders
                        return
                if advance and (n_files or n_folders):
                    advance(n_files + n_folders)

            def report() -> None:
                with lock:
                    n, pending[0] = pending[0], 0
                if advance and n:
                    advance(n)

            def remove_dir(fd: int, name: str, where: str) -> bool:
                """Empty the folder ``name`` of ``fd`` and remove it; True when it is gone."""
                try:
                    sub = os.open(name, DIR_FLAGS, dir_fd=fd)
                except OSError as exc:
                    on_error(f"{where}/{name}", exc)
                    return False
                try:
                    emptied = clear(sub, f"{where}/{name}", None)
                finally:
                    os.close(sub)
                try:
                    os.rmdir(name, dir_fd=fd)
                except OSError as exc:
                    on_error(f"{where}/{name}", exc)
                    return False
                count(0, 1)
                if emptied and on_folder is not None:
                    on_folder(f"{where}/{name}")
                return True

            def clear(fd: int, where: str, pool: ThreadPoolExecutor | None) -> bool:
                """Empty the folder open as ``fd``; its subfolders on ``pool`` when given (the kernel's work on
                different folders goes on in parallel); True when everything in it is gone."""
                with os.scandir(fd) as it:
                    entries = list(it)
                ok, n = True, 0
                subdirs = []
                for e in entries:
                    try:
                        is_dir = e.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False
                    if is_dir:
                        subdirs.append(e.name)
                        continue
                    try:
                        os.unlink(e.name, dir_fd=fd)
                        n += 1
                    except OSError as exc:
                        ok = False
                        on_error(f"{where}/{e.name}", exc)
                count(n, 0)
                if pool is not None and len(subdirs) > 1:
                    results = []
                    for done in pool.map(lambda d: remove_dir(fd, d, where), subdirs):
                        results.append(done)
                        report()  # progress goes through this thread only (the job's writes stay in one thread)
                else:
                    results = [remove_dir(fd, d, where) for d in subdirs]
                return ok and all(results)

            try:
                fd = os.open(name, DIR_FLAGS, dir_fd=pfd)
            except OSError as exc:
                on_error(rel, JailError(rel) if exc.errno in (errno.ELOOP, errno.ENOTDIR) else exc)
                return 0, 0
            try:
                with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="asyncops-rm") as pool:
                    clear(fd, rel, pool)
            finally:
                os.close(fd)
            try:
                os.rmdir(name, dir_fd=pfd)
                count(0, 1)
            except OSError as exc:
                on_error(rel, exc)
            return files, folders
        finally:
            pctx.__exit__(None, None, None)


def _lexists(name: str, dir_fd: int) -> bool:
    try:
        os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True
