"""Opening the database: URL resolution, engine and sessions, SQLite pragmas, migrations on open."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

import core.library  # noqa: F401  (registers the catalogue tables)
from core import dialect
from core.models import Base

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(RuntimeError):
    """The database cannot be opened as asked; the message says why and what to do."""


def data_dir() -> Path:
    """The user's asyncops data folder (``ASYNCOPS_DATA_DIR`` overrides the platform's default)."""
    override = os.environ.get("ASYNCOPS_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir("asyncops", appauthor=False))
    return path


def resolve_url(url: str | None = None) -> str:
    """``--db`` / ``ASYNCOPS_DB`` (an SQLAlchemy URL or a plain file path), else the default SQLite file."""
    url = url or os.environ.get("ASYNCOPS_DB") or None
    if url is None:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'asyncops.db'}"
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        return f"sqlite:///{path}"
    return url


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """One database: an engine, read sessions and write sessions (``BEGIN IMMEDIATE`` on SQLite)."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = resolve_url(url)
        if self.url.startswith("sqlite:///"):
            db_path = Path(self.url.removeprefix("sqlite:///"))
            if db_path.name and str(db_path) != ":memory:":
                try:
                    db_path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(f"cannot create the database folder {db_path.parent}: {exc}") from exc
        self.engine: Engine = create_engine(self.url, **dialect.engine_options(self.url))
        dialect.install(self.engine)
        self._write_engine = self.engine.execution_options(**dialect.WRITE)
        # SQLite has one writer at a time. Writers of this process queue on a Python lock, which hands over
        # at once, instead of polling SQLite's busy handler (which sleeps in steps of milliseconds).
        self._write_lock: threading.RLock | None = threading.RLock() if self.is_sqlite else None
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        name = self.engine.url.database
        return Path(name) if name and name != ":memory:" else None

    # -- sessions ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session (rolled back at the end)."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def _writer(self) -> contextlib.AbstractContextManager[object]:
        return self._write_lock if self._write_lock is not None else contextlib.nullcontext()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on success, rolled back on any error."""
        with self._writer(), self._write_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def connect_write(self) -> Iterator[Connection]:
        """A Core connection in a write transaction (hot paths that need no ORM)."""
        with self._writer(), self._write_engine.begin() as conn:
            yield conn

    def write_batches(self) -> WriteBatches:
        """One connection held for many short write transactions (imports apply thousands of batches)."""
        return WriteBatches(self)

    def connect_read(self) -> contextlib.AbstractContextManager[Connection]:
        return self.engine.connect()

    def dispose(self) -> None:
        self.engine.dispose()

    # -- migrations -------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create a new database, or upgrade an older one (after a backup); refuse a newer one."""
        head = head_revision()
        script = ScriptDirectory.from_config(alembic_config())
        try:
            with self._write_engine.connect() as conn:
                with conn.begin():
                    current = MigrationContext.configure(conn).get_current_revision()
                    if current == head:
                        return
                    tables = set(inspect(conn).get_table_names())
                    if current is None and "jobs" not in tables:
                        Base.metadata.create_all(conn)
                        command.stamp(alembic_config(conn), "head")
                        return
                    if current is not None:
                        try:
                            script.get_revision(current)
                        except Exception:
                            raise DatabaseError(
                                f"the database {self.url} was written by a newer asyncops "
                                f"(schema revision {current}); this version knows up to {head}. "
                                "Upgrade asyncops, or point --db/ASYNCOPS_DB at another database."
                            ) from None
                if current is None:
                    raise DatabaseError(
                        f"the database {self.url} has asyncops tables but no schema revision; "
                        "it was not made by asyncops or is damaged"
                    )
            self._backup(current)
            with self._write_engine.connect() as conn, conn.begin():
                command.upgrade(alembic_config(conn), "head")
        except OperationalError as exc:
            raise DatabaseError(f"cannot open the database {self.url}: {exc.orig}") from exc

    def _backup(self, revision: str) -> Path | None:
        path = self.sqlite_path
        if path is None or not path.exists():
            return None
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
        src = sqlite3.connect(path)
        try:
            dst = sqlite3.connect(target)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        return target


class WriteBatches:
    """Many short write transactions on one connection held throughout: each ``transaction()`` takes the
    writer lock and BEGINs IMMEDIATE like ``Database.connect_write()``, without a pool checkout each time.

        with db.write_batches() as batches:
            for batch in ...:
                with batches.transaction() as conn:
                    ...
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Connection | None = None

    def __enter__(self) -> WriteBatches:
        self._conn = self.db._write_engine.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        if self._conn is None:
            raise RuntimeError("WriteBatches.transaction() outside its with block")
        with self.db._writer(), self._conn.begin():
            yield self._conn
