"""Where the database is: ``--db`` / ``ASYNCOPS_DB`` resolved to one URL every process reads alike (a SQLite
file by its absolute path, never in memory), and the checks made before SQLite opens a file (which would switch
it to WAL or add tables to another application's database). ``core.store.db`` re-exports all of it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from core.messages import define, msg


class DatabaseError(RuntimeError):
    """The database cannot be opened as asked; the message says why and what to do (exit 2)."""


class DatabaseUnreachable(DatabaseError):
    """The database server cannot be reached now (down, restarting, network): try again later (exit 4)."""


define(
    "db.in_memory",
    "{url} is an in-memory database: the jobs written there vanish when the command ends; a job store must be "
    "a file: give a file path, e.g. --db ~/asyncops.db",
)
define("db.not_a_file", "{path} is not a regular file (a pipe, device or socket): name a database file")

SQLITE_MAGIC = b"SQLite format 3\x00"
ASYNCOPS_TABLES = {"jobs", "job_log", "queues", "settings"}


def display_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<an invalid database URL>"


def check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before SQLite opens it (which would switch it to WAL or add tables), a path that is not an
    asyncops database, a read-only one, or one in a folder that does not exist (unless ``create``)."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file: name a file, e.g. {path / 'asyncops.db'}")
    if path.exists() and not path.is_file():  # a FIFO would block the read below (and SQLite) for ever
        raise DatabaseError(msg("db.not_a_file", path=str(path)).text)
    if not path.exists():
        if path.parent.exists() and not path.parent.is_dir():
            raise DatabaseError(f"{path.parent} is a file, not a folder: the database path is wrong")
        if not path.parent.is_dir():
            if not create:
                raise DatabaseError(
                    f"the folder {path.parent} does not exist: check the path, or add --create to make a new "
                    "database there"
                )
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder {path.parent}: {exc.strerror}") from exc
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError(f"cannot create a database in {path.parent}: the folder is read-only")
        _create_private(path)
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"cannot read the database file {path}: {exc.strerror}") from exc
    if not head:
        return  # an empty file: SQLite makes it a new database
    if head != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a SQLite database (it was left unchanged)")
    try:
        ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            # the header and the schema are read; a whole-file check (PRAGMA quick_check) is not made here: it reads
            # every page, 0.1–0.35 s at each start of the window and of each command with a big history. Damage
            # deeper in the file is reported when a read meets it.
            tables = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            ro.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is damaged or truncated and cannot be read ({exc}); it was left unchanged"
        ) from exc
    if tables and not (ASYNCOPS_TABLES & tables and "alembic_version" in tables):
        raise DatabaseError(
            f"{path} is a SQLite database of another application, not an asyncops database; it was left "
            "unchanged (point --db or ASYNCOPS_DB at another file)"
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            f"the database {path} is read-only (asyncops writes to it and to {path.name}-wal beside it): "
            "check its permissions"
        )


def _create_private(path: Path) -> None:
    """A new database file readable by its owner only (SQLite gives its -wal and -shm files the same mode)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseError(f"cannot create the database {path}: {exc.strerror}") from exc
    os.close(fd)


def data_dir() -> Path:
    """The user's asyncops data folder (``ASYNCOPS_DATA_DIR`` overrides the platform's default)."""
    override = os.environ.get("ASYNCOPS_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir("asyncops", appauthor=False))
    return path


def resolve_url(url: str | None = None, *, memory: bool = False) -> str:
    """``--db`` / ``ASYNCOPS_DB`` (an SQLAlchemy URL or a plain file path), else the default SQLite file.

    A SQLite file is named by its absolute path, resolved here against the current folder once, so that every
    process given the URL (the background engine runs in the data folder) opens the same file. An in-memory
    SQLite database is refused (DatabaseError) unless ``memory``: jobs written there would vanish."""
    url = url or os.environ.get("ASYNCOPS_DB") or None
    if url is None:
        folder = data_dir()
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)  # whatever the umask: the data folder is its owner's only
        return f"sqlite:///{folder / 'asyncops.db'}"
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        return f"sqlite:///{path}"
    return _absolute_sqlite(url, memory=memory)


def _absolute_sqlite(url: str, *, memory: bool) -> str:
    """A SQLite URL with its file's absolute path; other URLs (and URLs SQLAlchemy cannot read) unchanged."""
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError):
        return url  # the engine's creation says what is wrong with it
    if backend != "sqlite":
        return url
    name = parsed.database or ""
    if name in ("", ":memory:") or "mode=memory" in name or parsed.query.get("mode") == "memory":
        if memory:
            return url
        raise DatabaseError(msg("db.in_memory", url=url).text)
    if name.startswith("file:") or os.path.isabs(name):
        return url  # a SQLite URI filename is taken as given
    return parsed.set(database=os.path.abspath(os.path.expanduser(name))).render_as_string(hide_password=False)
