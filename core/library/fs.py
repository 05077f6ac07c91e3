"""File system actions: atomic writes, removing trees, the trash."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from core.library.catalogue import Reporter
from core.library.paths import TMP_SUFFIX

if TYPE_CHECKING:
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to ``path`` and rename over it: a reader sees the old or the new content, never half."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        st = path.stat()
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    except OSError:
        pass
    os.replace(tmp, path)


# =====================================================================================================
# Removing and the trash
# =====================================================================================================
def remove_tree(
    path: Path,
    report: Reporter | None = None,
    on_error: Callable[[str, OSError], None] | None = None,
    on_folder: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Delete a file, a symbolic link (never its target) or a folder and everything in it; (files, folders)
    removed. Works on folder descriptors (no symbolic link is ever followed, even one swapped in meanwhile).
    Errors go to ``on_error`` and the rest goes on. ``on_folder`` hears of each folder inside ``path`` that is
    gone with everything in it (its path: ``path``/relative), as soon as it is."""
    report = report or Reporter()
    files = folders = 0

    def fail(p: str, exc: OSError) -> None:
        if on_error is not None:
            on_error(p, exc)

    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        try:
            os.unlink(path)
            report.advance()
            return 1, 0
        except OSError as exc:
            fail(str(path), exc)
            return 0, 0
    flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0)
    unlink, rmdir, open_ = os.unlink, os.rmdir, os.open

    def clear(fd: int, where: str) -> bool:
        """Empty the folder open as ``fd``; True when everything in it is gone."""
        nonlocal files, folders
        with os.scandir(fd) as it:
            entries = list(it)
        n = 0
        ok = True
        for e in entries:
            name = e.name
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if not is_dir:
                try:
                    unlink(name, dir_fd=fd)
                    n += 1
                except OSError as exc:
                    ok = False
                    fail(f"{where}/{name}", exc)
                continue
            try:
                sub = open_(name, flags, dir_fd=fd)
            except OSError as exc:
                ok = False
                fail(f"{where}/{name}", exc)
                continue
            try:
                emptied = clear(sub, f"{where}/{name}")
            finally:
                os.close(sub)
            try:
                rmdir(name, dir_fd=fd)
                folders += 1
                n += 1
            except OSError as exc:
                ok = False
                fail(f"{where}/{name}", exc)
                continue
            if emptied and on_folder is not None:
                on_folder(f"{where}/{name}")
        files += n
        report.advance(n)
        return ok

    fd = os.open(path, flags)
    try:
        clear(fd, str(path))
    finally:
        os.close(fd)
    folders_inside = folders
    try:
        os.rmdir(path)
        folders += 1
        report.advance()
    except OSError as exc:
        fail(str(path), exc)
    files -= folders_inside  # folders were counted in n as well
    return files, folders


def _trash_dirs(path: Path) -> list[Path]:
    """Freedesktop trash folders that may have received ``path`` (home trash first)."""
    out = []
    try:
        from send2trash import plat_other

        out.append(Path(os.fsdecode(plat_other.HOMETRASH_B)))
        top = Path(os.fsdecode(plat_other.find_mount_point(os.fsencode(path.parent))))
        out += [top / ".Trash" / str(os.getuid()), top / f".Trash-{os.getuid()}"]
    except Exception:  # pragma: no cover - non-freedesktop platforms
        xdg = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
        out.append(Path(xdg) / "Trash")
    return out


def _info_path(info: Path, trash: Path) -> Path | None:
    try:
        for line in info.read_text("utf-8", "replace").splitlines():
            if line.startswith("Path="):
                p = unquote(line[5:].strip())
                if os.path.isabs(p):
                    return Path(p)
                # relative to the top folder of the volume (the trash is TOP/.Trash-uid or TOP/.Trash/uid)
                top = trash.parent if trash.name.startswith(".Trash-") else trash.parent.parent
                if trash.name == "Trash":  # home trash: relative to XDG_DATA_HOME
                    top = trash.parent
                return top / p
    except OSError:
        return None
    return None


def send_to_trash(path: Path) -> str | None:
    """Move ``path`` to the platform's trash (Send2Trash); the trash entry it became, when it can be found
    (freedesktop trash: the entry under ``files/``), so that it can be restored."""
    from send2trash import send2trash

    absolute = Path(os.path.abspath(path))
    before = time_ns()
    send2trash(os.fspath(absolute))
    if os.name == "nt" or os.uname().sysname == "Darwin":  # pragma: no cover - no restore support there
        return None
    best: tuple[int, Path] | None = None
    stem, ext = os.path.splitext(absolute.name)
    for trash in _trash_dirs(absolute):
        info_dir = trash / "info"
        if not info_dir.is_dir():
            continue
        for info in list(info_dir.glob(f"{glob_escape(stem)}*{glob_escape(ext)}.trashinfo")):
            try:
                m = info.stat().st_mtime_ns
            except OSError:
                continue
            if m < before - 2_000_000_000 or _info_path(info, trash) != absolute:
                continue
            entry = trash / "files" / info.name[: -len(".trashinfo")]
            if os.path.lexists(entry) and (best is None or m > best[0]):
                best = (m, entry)
    return str(best[1]) if best else None


def restore_from_trash(entry: Path, target: Path) -> None:
    """Move a freedesktop trash entry back to ``target`` and drop its .trashinfo; OSError when it cannot."""
    if not os.path.lexists(entry):
        raise FileNotFoundError(f"{entry} is no longer in the trash")
    if os.path.lexists(target):
        raise FileExistsError(f"{target} exists again")
    info = entry.parent.parent / "info" / (entry.name + ".trashinfo")
    if entry.parent.name != "files" or not info.is_file():
        raise FileNotFoundError(f"{entry} is not an entry of a trash folder")
    recorded = _info_path(info, entry.parent.parent)
    if recorded is not None and recorded != target:
        raise ValueError(f"the trash entry {entry.name} came from {recorded}, not {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(entry, target)
    except OSError as exc:
        import errno
        import shutil

        if exc.errno != errno.EXDEV:
            raise
        shutil.move(os.fspath(entry), os.fspath(target))
    info.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def time_ns() -> int:
    import time

    return time.time_ns()
