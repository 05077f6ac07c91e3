"""Catalogue queries and prepared statements used by operations."""

from __future__ import annotations

import json
import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    func,
    insert,
    select,
)

from core.library.paths import FOLDER_TYPE, is_under, parent_of, subtree
from core.library.tables import assets_t, refs_t
from core.library.values import media_type
from core.messages import Message

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def _bp(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


class Prepared:
    """A Core statement compiled once per dialect and run with plain parameter tuples, in the order of
    ``names``: no per-row parameter processing (hot loops of 100,000 rows).

    ``execute``/``executemany`` go through ``Connection.exec_driver_sql``; ``run``/``run_many`` straight to a
    DBAPI cursor of the connection (inside the connection's transaction), for batches where even that matters.
    Values must be what the driver takes as they are (str, int, float, None; JSON already serialized)."""

    def __init__(self, stmt: Any, names: Sequence[str]) -> None:
        self.stmt = stmt
        self.names = tuple(names)
        self._compiled: dict[str, tuple[str, Any]] = {}
        self._fixed: dict[str, Any] = {}

    def sql(self, dialect: Any) -> tuple[str, Any]:
        """(SQL text, parameter order): None = the tuples as given, () = named (a dict), else a tuple of
        positions in ``names`` or ``(value,)`` constants (parameters the statement binds itself, e.g. LIMIT)."""
        got = self._compiled.get(dialect.name)
        if got is None:
            compiled = self.stmt.compile(dialect=dialect)
            fixed = {name: bp.effective_value for bp, name in compiled.bind_names.items()}
            if compiled.positional:
                order = tuple(self.names.index(n) if n in self.names else (fixed[n],) for n in compiled.positiontup)
                got = (str(compiled), None if order == tuple(range(len(self.names))) else order)
            else:
                self._fixed = {k: v for k, v in fixed.items() if k not in self.names}
                got = (str(compiled), ())
            self._compiled[dialect.name] = got
        return got

    def _params(self, order: Any, row: Sequence[Any]) -> Any:
        if order is None:
            return tuple(row)
        if order == ():
            return {**self._fixed, **dict(zip(self.names, row, strict=True))}
        return tuple(row[i] if i.__class__ is int else i[0] for i in order)

    def execute(self, conn: Connection, row: Sequence[Any]) -> Any:
        sql, order = self.sql(conn.dialect)
        return conn.exec_driver_sql(sql, self._params(order, row))

    def executemany(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> Any:
        if not rows:
            return None
        sql, order = self.sql(conn.dialect)
        params = rows if order is None else [self._params(order, r) for r in rows]
        return conn.exec_driver_sql(sql, params)

    def run(self, cursor: Any, dialect: Any, row: Sequence[Any]) -> Any:
        sql, order = self.sql(dialect)
        cursor.execute(sql, self._params(order, row))
        return cursor

    def run_many(self, cursor: Any, dialect: Any, rows: Sequence[Sequence[Any]]) -> Any:
        if rows:
            sql, order = self.sql(dialect)
            cursor.executemany(sql, rows if order is None else [self._params(order, r) for r in rows])
        return cursor


# =====================================================================================================
# Catalogue queries used by operations
# =====================================================================================================
@dataclass(frozen=True)
class Counts:
    files: int
    folders: int


def count_under(conn: Connection, library_id: int, paths: Iterable[str]) -> Counts:
    """Files and folders at or below ``paths`` (catalogue only: cheap)."""
    files = folders = 0
    for p in paths:
        rows = conn.execute(
            select(assets_t.c.is_dir, func.count())
            .where(assets_t.c.library_id == library_id, subtree(assets_t.c.path, p))
            .group_by(assets_t.c.is_dir)
        ).all()
        for is_dir, n in rows:
            if is_dir:
                folders += n
            else:
                files += n
    return Counts(files, folders)


def references_into(
    conn: Connection, library_id: int, prefix: str, *, exclude_sources_under: Sequence[str] = ()
) -> list[tuple[str, int, str, str]]:
    """(referring file, line, raw link, target) of references to ``prefix`` or below, from files outside
    ``exclude_sources_under``."""
    src = assets_t.alias("src")
    stmt = (
        select(src.c.path, refs_t.c.line, refs_t.c.raw, refs_t.c.target)
        .join(src, src.c.id == refs_t.c.source_id)
        .where(refs_t.c.library_id == library_id, subtree(refs_t.c.target, prefix))
        .order_by(src.c.path, refs_t.c.line)
    )
    out = []
    for r in conn.execute(stmt):
        if any(is_under(r.path, x) for x in exclude_sources_under):
            continue
        out.append((r.path, r.line, r.raw, r.target))
    return out


def ensure_folders(conn: Connection, library_id: int, root: Path, rel: str) -> None:
    """Catalogue rows for ``rel`` and its ancestors (folders that exist on disk) when missing."""
    parts = []
    p = rel
    while p:
        parts.append(p)
        p = parent_of(p)
    if not parts:
        return
    have = set(
        conn.execute(
            select(assets_t.c.path).where(assets_t.c.library_id == library_id, assets_t.c.path.in_(parts))
        ).scalars()
    )
    rows = []
    for p in reversed(parts):
        if p in have:
            continue
        try:
            st = os.lstat(root / p)
        except OSError:
            continue
        rows.append(_row(library_id, Entry(p, True, 0, st.st_mtime)))
    if rows:
        conn.execute(insert(assets_t), rows)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_dumps(value: Any) -> str:
    """Compact JSON (one encoder for every call: no per-call set-up in hot loops)."""
    return _ENCODER.encode(value)


@dataclass
class Entry:
    rel: str
    is_dir: bool
    size: int
    mtime: float


class Reporter:
    """What scanning reports through (a JobContext fits; the default prints nothing)."""

    def info(self, message: Message | str, item: str | None = None) -> None: ...
    def warn(self, message: Message | str, item: str | None = None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def set_total(self, total: int | None) -> None: ...

    should_stop = False


def _row(library_id: int, e: Entry) -> dict[str, Any]:
    name = posixpath.basename(e.rel)
    return {
        "library_id": library_id,
        "path": e.rel,
        "parent": posixpath.dirname(e.rel),
        "is_dir": e.is_dir,
        "size": e.size,
        "mtime": e.mtime,
        "media_type": FOLDER_TYPE if e.is_dir else media_type(name),
        "title": None,
        "description": None,
        "rating": None,
        "tags": [],
        "props": {},
        "edits": None,
    }
