"""Files asyncops writes for a person (a metadata export, a CSV of the job list): written under a temporary
name beside their final one and renamed over it when complete, so that nobody ever reads half a file.

The temporary file gets the permissions of any file the person creates: it is made with mode 0o666, which the
kernel reduces by the umask (and a default ACL), not 0o600 as ``tempfile.mkstemp`` makes it. When it replaces
an existing file, that file's permissions are kept, as editors do. No umask is read: ``os.umask`` can only be
read by setting it, which would race with the other threads of the process.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def create_beside(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file in the folder of ``target``, open for writing: (descriptor, its path).
    Rename it over ``target`` when complete (``os.replace``), or remove it."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, _FLAGS, 0o666)
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))
    with contextlib.suppress(OSError):
        st = os.stat(target)
        if stat.S_ISREG(st.st_mode):
            os.fchmod(fd, stat.S_IMODE(st.st_mode) & 0o777)
    return fd, tmp


@contextlib.contextmanager
def replacing(target: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file (``newline=""``, for the csv module) that replaces ``target`` once the block ends without an
    error; with an error, ``target`` is left as it was and the temporary file removed."""
    fd, tmp = create_beside(target)
    try:
        with os.fdopen(fd, "w", newline="", encoding=encoding) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
