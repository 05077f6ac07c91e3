"""Libraries: folders a person adds, by name."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    delete,
    func,
    select,
)

from core.errors import NotFound, UsageError
from core.library import fs
from core.library.jail import Jail, shown
from core.library.tables import Library, MovePlan, assets_t, libraries_t, plans_t, refs_t
from core.messages import define, msg

if TYPE_CHECKING:
    from core.store.db import Database

log = logging.getLogger(__name__)


# =====================================================================================================
# Libraries
# =====================================================================================================
define("library.missing", "library add: {path} does not exist")
define("library.not_folder", "library add: {path} is not a folder")
define(
    "library.bad_name",
    "library add: {name!r} is not a valid name (letters, digits, space, . @ + - _; at most 200 characters)",
)
define("library.name_taken", "library add: a library named {name!r} already exists ({root})")
define("library.same_root", "library add: {root} is already the library {name!r}")
define(
    "library.overlaps",
    "library add: {root} overlaps the library {name!r} ({other}); libraries may not contain one another",
)
define("library.unknown", "parameter {param!r}: no library named {name!r} (libraries: {known})")
define("library.none_yet", "none; add one with: asyncops library add PATH")
NAME_RE = re.compile(r"^[\w][\w .@+-]{0,199}$")


@dataclass(frozen=True)
class LibraryInfo:
    id: int
    name: str
    root: Path
    scanned_at: dt.datetime | None = None
    files: int = 0
    folders: int = 0
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "root": str(self.root),
            "files": self.files,
            "folders": self.folders,
            "bytes": self.bytes,
            "scanned_at": self.scanned_at.isoformat() if self.scanned_at else None,
        }


def add_library(db: Database, path: str | os.PathLike[str], name: str | None = None) -> LibraryInfo:
    """Register a folder as a library (nothing is read or written in it). UsageError when it cannot be."""
    folder = Path(path).expanduser()
    if not folder.exists():
        raise NotFound(msg("library.missing", path=str(path)), field="path")
    if not folder.is_dir():
        raise UsageError(msg("library.not_folder", path=str(path)), field="path")
    root = folder.resolve()
    name = (name if name is not None else root.name).strip()
    if not NAME_RE.match(name):
        raise UsageError(msg("library.bad_name", name=name), field="name")
    with db.write() as s:
        for other in s.scalars(select(Library)):
            if other.name == name:
                raise UsageError(msg("library.name_taken", name=name, root=other.root), field="name")
            o = Path(other.root)
            if o == root:
                raise UsageError(msg("library.same_root", root=str(root), name=other.name), field="path")
            if o in root.parents or root in o.parents:
                raise UsageError(msg("library.overlaps", root=str(root), name=other.name, other=str(o)), field="path")
        lib = Library(name=name, root=str(root))
        s.add(lib)
        s.flush()
        return LibraryInfo(lib.id, lib.name, root)


def list_libraries(db: Database) -> list[LibraryInfo]:
    with db.connect_read() as conn:
        counts = {
            (r.library_id, bool(r.is_dir)): (r.n, r.bytes or 0)
            for r in conn.execute(
                select(
                    assets_t.c.library_id,
                    assets_t.c.is_dir,
                    func.count().label("n"),
                    func.sum(assets_t.c.size).label("bytes"),
                ).group_by(assets_t.c.library_id, assets_t.c.is_dir)
            )
        }
        rows = list(conn.execute(select(libraries_t).order_by(libraries_t.c.name)))
    return [
        LibraryInfo(
            r.id,
            r.name,
            Path(r.root),
            r.scanned_at,
            counts.get((r.id, False), (0, 0))[0],
            counts.get((r.id, True), (0, 0))[0],
            counts.get((r.id, False), (0, 0))[1],
        )
        for r in rows
    ]


def get_library(db: Database, name: str, *, param: str = "library") -> LibraryInfo:
    """The library called ``name``; NotFound (naming the known ones) otherwise."""
    with db.connect_read() as conn:
        row = conn.execute(select(libraries_t).where(libraries_t.c.name == name)).first()
        if row is None:
            known = ", ".join(conn.execute(select(libraries_t.c.name).order_by(libraries_t.c.name)).scalars())
            raise NotFound(
                msg(
                    "library.unknown",
                    param=param,
                    name=name,
                    known=known or msg("library.none_yet").text,
                ),
                field=param,
            )
    return LibraryInfo(row.id, row.name, Path(row.root))


def remove_library(db: Database, name: str) -> int:
    """Forget a library and its catalogue (its files are not touched). Returns the number of assets forgotten."""
    lib = get_library(db, name, param="name")
    with db.connect_write() as conn:
        n = conn.execute(select(func.count()).select_from(assets_t).where(assets_t.c.library_id == lib.id)).scalar()
        conn.execute(delete(refs_t).where(refs_t.c.library_id == lib.id))
        conn.execute(delete(assets_t).where(assets_t.c.library_id == lib.id))
        conn.execute(delete(plans_t).where(MovePlan.library_id == lib.id))
        conn.execute(delete(libraries_t).where(libraries_t.c.id == lib.id))
    return int(n or 0)


# =====================================================================================================
# The trash
# =====================================================================================================
def _trash_error(library: str, rel: str, exc: OSError) -> None:
    log.warning("library %s: cannot remove %s: %s", library, shown(rel), exc)


def empty_trashes(
    db: Database,
    keep: Callable[[list[int]], set[int]],
    older_than: dt.datetime,
) -> int:
    """Empty every library's trash of what nothing can bring back any more (see ``fs.empty_trash``): the
    entries of jobs no longer in the history, and orphans older than ``older_than``. Libraries whose folder is
    not on this machine are left alone. Returns the number of entries removed."""
    removed = 0
    for lib in list_libraries(db):
        if not lib.root.is_dir():
            continue
        try:
            jail = Jail(lib.root)
        except OSError as exc:
            log.warning("library %s: cannot open %s to empty its trash: %s", lib.name, lib.root, exc)
            continue
        with jail:
            removed += fs.empty_trash(
                jail,
                keep,
                older_than,
                functools.partial(_trash_error, lib.name),
            )
    return removed
