"""Opening the database: engine and sessions, SQLite pragmas, migrations on open (where the database is, and
the checks of a SQLite file before it is opened: ``core.store.location``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ColumnElement, create_engine, inspect, make_url
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session, sessionmaker

import core.library
import core.workflows.tables  # noqa: F401  (registers the workflow tables)
from core.errors import NotAllowed
from core.store import dialect
from core.store.location import (  # noqa: F401  (re-exported: where the database is, and its checks)
    ASYNCOPS_TABLES,
    SQLITE_MAGIC,
    DatabaseError,
    DatabaseUnreachable,
    check_sqlite_file,
    data_dir,
    display_url,
    resolve_url,
)
from core.store.schema import Base, UTCDateTime

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for our migrations (alembic is imported when a database is created or upgraded, not
    at every start: it and the dialects it loads cost a window's start a tenth of a second)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest migration's revision, read from the file names: each ``versions/NNNN_*.py`` declares revision
    ``NNNN`` and revises the one before (tests/core/test_db.py checks this against alembic's reading of the
    scripts)."""
    return max(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def _stored_revision(conn: Connection) -> str | None:
    """The database's schema revision, or None where there is none to read (a new or foreign database: the
    migration path then looks with alembic)."""
    try:
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError:
        return None


def _create_engine(url: str) -> Engine:
    """An engine for ``url``, or a DatabaseError saying what is wrong with the URL or what to install."""
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a malformed host or port raises here, not at connect time
    except (ArgumentError, ValueError):
        raise DatabaseError(
            "the database URL is not valid: use a SQLite file path or an SQLAlchemy URL such as "
            "postgresql+psycopg://user@host/asyncops"
        ) from None
    try:
        return create_engine(url, **dialect.engine_options(url))
    except NoSuchModuleError:
        raise DatabaseError(
            f"unknown database kind {parsed.drivername!r}: use a SQLite file path or postgresql+psycopg://…"
        ) from None
    except ImportError as exc:
        hint = (
            " (install it with: pip install 'asyncops[postgres]')" if parsed.get_backend_name() == "postgresql" else ""
        )
        raise DatabaseError(f"the database driver for {parsed.drivername} is not installed{hint}: {exc.name}") from None


# SQLite files that a live Database of this process has open. check_sqlite_file() reads a file's header with an
# open()/close() of its own only when none has: closing any descriptor of a file drops every POSIX lock the process
# holds on it, those of its SQLite connections included (SQLite's documented trap), and another process could then
# delete the WAL and shared-memory files under them — those connections would read a stale database from then on.
_LIVE: dict[str, int] = {}
_LIVE_LOCK = threading.Lock()


def _forget(key: str) -> None:
    with _LIVE_LOCK:
        _LIVE[key] -= 1
        if not _LIVE[key]:
            del _LIVE[key]


class Database:
    """One database: an engine, read sessions and write sessions (``BEGIN IMMEDIATE`` on SQLite)."""

    def __init__(
        self, url: str | None = None, *, migrate: bool = True, create: bool = False, memory: bool = False
    ) -> None:
        self.url = resolve_url(url, memory=memory)
        self.display_url = display_url(self.url)
        if self.url.startswith("sqlite:///"):
            db_path = Path(self.url.removeprefix("sqlite:///"))
            if db_path.name and str(db_path) != ":memory:":
                key = str(db_path.resolve())
                with _LIVE_LOCK:
                    open_here = _LIVE.get(key, 0) > 0
                if not open_here:  # else checked when it was opened, and reading it now would harm (see _LIVE)
                    check_sqlite_file(db_path, create=create)
                with _LIVE_LOCK:
                    _LIVE[key] = _LIVE.get(key, 0) + 1
                weakref.finalize(self, _forget, key)
        self.engine: Engine = _create_engine(self.url)
        dialect.install(self.engine)
        self._write_engine = self.engine.execution_options(**dialect.WRITE)
        # SQLite has one writer at a time. Writers of this process queue on a Python lock, which hands over
        # at once, instead of polling SQLite's busy handler (which sleeps in steps of milliseconds).
        self._write_lock: threading.RLock | None = threading.RLock() if self.is_sqlite else None
        self._bulk = 0  # SQLite: bulk writes under way in this process (see write_batches)
        self._bulk_lock = threading.Lock()
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._identity: dialect.SessionIdentity | None = None
        self._prepared: dict[Any, Prepared] = {}
        if migrate:
            self.migrate()
        if not self.is_sqlite and migrate:
            self.session_identity()  # who this process is, from now on (core.users.current_user())

    def session_identity(self) -> dialect.SessionIdentity:
        """PostgreSQL: the session's role, whether it is an admin or a worker, and whether the database has
        row-level security (``asyncops team init``). Read once per Database."""
        if self._identity is None:
            try:
                with self.engine.connect() as conn:
                    self._identity = dialect.session_identity(conn)
            except OperationalError as exc:
                raise DatabaseUnreachable(
                    f"cannot reach the database {self.display_url}: {_first_line(exc.orig)}"
                ) from exc
            from core import users

            users.remember_role(self._identity.user)
        return self._identity

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
    def refusals(self) -> Iterator[None]:
        """What the server refuses to this role (a grant or a row-level security policy: SQLSTATE 42501)
        becomes NotAllowed (exit 3) naming the role; nothing was changed."""
        try:
            yield
        except SQLAlchemyDatabaseError as exc:
            if getattr(exc.orig, "sqlstate", None) != "42501":
                raise
            role = self._identity.user if self._identity is not None else "this role"
            raise NotAllowed(
                f"not allowed: the database refused it to {role} ({_first_line(exc.orig)}); ask an asyncops admin"
            ) from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session (rolled back at the end)."""
        with self.refusals(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def _writer(self) -> contextlib.AbstractContextManager[object]:
        return self._write_lock if self._write_lock is not None else contextlib.nullcontext()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on success, rolled back on any error."""
        with self.refusals(), self._writer(), self._write_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def connect_write(self) -> Iterator[Connection]:
        """A Core connection in a write transaction (hot paths that need no ORM)."""
        with self.refusals(), self._writer(), self._write_engine.begin() as conn:
            yield conn

    def sqlite_prepared(self, stmt: Any, keys: Sequence[str] | None = None, **expanded: Any) -> Prepared:
        """SQLite: ``stmt`` compiled once for this database (see :class:`Prepared`)."""
        key = (stmt, keys, *((k, tuple(v) if isinstance(v, list) else v) for k, v in expanded.items()))
        found = self._prepared.get(key)
        if found is None:
            found = self._prepared[key] = Prepared(stmt, self.engine.dialect, keys, **expanded)
        return found

    def sqlite_cached(self, key: Any, make: Callable[[], Prepared]) -> Prepared:
        """SQLite: the statement prepared for ``key`` in this database, made by ``make()`` the first time."""
        found = self._prepared.get(key)
        if found is None:
            found = self._prepared[key] = make()
        return found

    def write_batches(self, *, checkpoints: bool = True, bulk: bool = False) -> WriteBatches:
        """One connection held for many short write transactions (imports apply thousands of batches). SQLite:
        without ``checkpoints`` its commits leave the WAL to :meth:`checkpoint` (called by someone else, often).

        ``bulk`` (SQLite): a bulk write, as SQLite advises for one: the WAL grows up to ``BULK_WAL_PAGES`` before
        its own commits copy it into the database file, and :meth:`checkpoint` leaves it alone meanwhile, so that
        its pages are copied once it ends (by the engine's housekeeping) instead of while it runs, competing with
        it for the disk and the processor."""
        return WriteBatches(self, checkpoints=checkpoints, bulk=bulk)

    def _count_bulk(self, n: int) -> None:
        """A bulk write begins (1), ends or waits (-1): see :meth:`write_batches`."""
        with self._bulk_lock:
            self._bulk += n

    def checkpoint(self) -> None:
        """SQLite: copy what the WAL holds into the database file, as far as readers allow, without waiting for
        them or for other processes' writers (a passive checkpoint; it syncs the files, away from the writers'
        commits).

        The bulk is copied while this process's writers go on; what they committed meanwhile is copied then with
        their lock held (a few frames), so that the WAL is copied whole and the next commit writes it again from its
        beginning. Otherwise, under a steady stream of commits, a checkpoint never catches up and every commit
        appends to a WAL that grows without end (hundreds of MB for a few thousand jobs), each commit extending the
        file.

        Nothing while a bulk write of this process runs (see :meth:`write_batches`)."""
        if self.is_sqlite and not self._bulk:
            with self.engine.connect() as conn:
                dbapi = conn.connection.dbapi_connection
                assert dbapi is not None
                with contextlib.suppress(sqlite3.OperationalError):  # busy now: the next one copies it
                    busy, frames, copied = dbapi.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    if not busy and frames > 0 and copied == frames:  # copied up to where the WAL ended then
                        with self._writer():
                            dbapi.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @contextlib.contextmanager
    def connect_read(self) -> Iterator[Connection]:
        with self.refusals(), self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()

    # -- migrations -------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create a new database, or upgrade an older one (after a backup); refuse a newer one."""
        head = head_revision()
        try:
            # the usual case, read without the write lock (which waits behind a busy engine's commits) nor alembic
            with self.engine.connect() as conn:
                if _stored_revision(conn) == head:
                    return
            from alembic import command
            from alembic.runtime.migration import MigrationContext
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config())
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
                                f"the database {self.display_url} was written by a newer asyncops "
                                f"(schema revision {current}); this version knows up to {head}. "
                                "Upgrade asyncops, or point --db/ASYNCOPS_DB at another database."
                            ) from None
                if current is None:
                    raise DatabaseError(
                        f"the database {self.display_url} has asyncops tables but no schema revision; "
                        "it was not made by asyncops or is damaged"
                    )
            self._backup(current)
            # (foreign keys off outside the transaction, as the upgrade's rebuilt tables need)
            with self._write_engine.connect() as conn, _foreign_keys_off(conn), conn.begin():
                command.upgrade(alembic_config(conn), "head")
        except OperationalError as exc:
            if self.is_sqlite:
                raise DatabaseError(f"cannot open the database {self.display_url}: {exc.orig}") from exc
            raise DatabaseUnreachable(f"cannot reach the database {self.display_url}: {_first_line(exc.orig)}") from exc
        except SQLAlchemyDatabaseError as exc:
            raise DatabaseError(f"cannot use the database {self.display_url}: {_first_line(exc.orig)}") from exc

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


@contextlib.contextmanager
def _foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite: foreign keys not enforced while the migrations run, as SQLite's procedure for changing a table
    asks (https://sqlite.org/lang_altertable.html#otheralter): a table rebuilt is dropped, and with them on, its
    drop would first delete its rows and, through ON DELETE CASCADE, the rows of every table that refers to it
    (the jobs' logs). The pragma is set outside a transaction (inside one it does nothing)."""
    dbapi = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
    if dbapi is None:
        yield
        return
    dbapi.execute("PRAGMA foreign_keys=OFF").fetchall()
    try:
        yield
    finally:
        dbapi.execute("PRAGMA foreign_keys=ON").fetchall()


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


# The WAL a bulk write lets grow before its own commits copy it into the database file: 64 MiB of 4 KiB pages
# (SQLite's automatic checkpoint is at 1,000 pages), a few hundred thousand rows of a metadata import
BULK_WAL_PAGES = 16384


class WriteBatches:
    """Many short write transactions on one connection held throughout: each ``transaction()`` takes the
    writer lock and BEGINs IMMEDIATE like ``Database.connect_write()``, without a pool checkout each time.

        with db.write_batches() as batches:
            for batch in ...:
                with batches.transaction() as conn:
                    ...
    """

    def __init__(self, db: Database, *, checkpoints: bool = True, bulk: bool = False) -> None:
        self.db = db
        self._conn: Connection | None = None
        self._checkpoints = checkpoints or not db.is_sqlite
        self._bulk = bulk and db.is_sqlite
        self._autocheckpoint: int | None = None

    def __enter__(self) -> WriteBatches:
        self._conn = self.db._write_engine.connect()
        if not self._checkpoints or self._bulk:
            # SQLite: a commit that fills the WAL does not copy it back and sync the files (a bulk write's does,
            # past BULK_WAL_PAGES)
            dbapi = self._conn.connection.dbapi_connection
            assert dbapi is not None
            self._autocheckpoint = dbapi.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            pages = BULK_WAL_PAGES if self._checkpoints else 0
            dbapi.execute(f"PRAGMA wal_autocheckpoint={pages}").fetchall()
        if self._bulk:
            self.db._count_bulk(1)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bulk:
            self.db._count_bulk(-1)
            self._bulk = False
        if self._conn is not None:
            if self._autocheckpoint is not None:  # as it was, for the pool's next user
                with contextlib.suppress(Exception):
                    dbapi = self._conn.connection.dbapi_connection
                    assert dbapi is not None
                    dbapi.execute(f"PRAGMA wal_autocheckpoint={int(self._autocheckpoint)}").fetchall()
            self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """A bulk write waiting (its job paused): :meth:`Database.checkpoint` copies the WAL meanwhile, as for any
        other writer, however long the pause lasts."""
        if not self._bulk:
            yield
            return
        self.db._count_bulk(-1)
        try:
            yield
        finally:
            self.db._count_bulk(1)

    def transaction(self) -> contextlib.AbstractContextManager[Connection]:
        if self._conn is None:
            raise RuntimeError("WriteBatches.transaction() outside its with block")
        if self.db._write_lock is not None:  # SQLite: BEGIN IMMEDIATE and COMMIT straight on the DB-API connection
            return _SQLiteTransaction(self._conn, self.db._write_lock)
        return self._transaction(self._conn)

    @contextlib.contextmanager
    def _transaction(self, conn: Connection) -> Iterator[Connection]:
        with self.db.refusals(), self.db._writer(), conn.begin():
            yield conn


class _SQLiteTransaction:
    """A transaction of :class:`WriteBatches` on SQLite: the process's write lock, then BEGIN IMMEDIATE; COMMIT at the
    end (ROLLBACK after an error or a refused COMMIT). A plain context manager: the engine's writer opens two for every
    job, and a generator's costs more than the BEGIN. (SQLite's errors carry no SQLSTATE: nothing for
    ``Database.refusals()`` to translate.)"""

    __slots__ = ("_conn", "_lock")

    def __init__(self, conn: Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def __enter__(self) -> Connection:
        self._lock.acquire()
        try:
            sqlite_transaction_begin(self._conn)
        except BaseException:
            self._lock.release()
            raise
        return self._conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                try:
                    sqlite_transaction_end(self._conn, commit=True)
                    return
                except BaseException:
                    with contextlib.suppress(Exception):
                        sqlite_transaction_end(self._conn, commit=False)
                    raise
            with contextlib.suppress(Exception):
                sqlite_transaction_end(self._conn, commit=False)
        finally:
            self._lock.release()


class Prepared:
    """A Core statement compiled once for SQLite and run straight on the DB-API connection: the hot paths of the
    engine (claim, finish, submit), where SQLAlchemy's execution machinery costs more than SQLite's work.

    The SQL, the order of its parameters and their bind processors are SQLAlchemy's own for the dialect (from
    the compiled statement), so the values stored are those a ``Connection.execute`` of the same statement
    stores; ``keys`` are the columns an INSERT is given (every column it sets: column defaults are not applied); ``expanded`` fixes the values of expanding parameters (an IN list) at compile time. Errors are
    SQLAlchemy's exceptions, as from ``Connection.execute``. Used inside a transaction the caller began."""

    def __init__(self, stmt: Any, dialect: Dialect, keys: Sequence[str] | None = None, **expanded: Any):
        returning: Sequence[ColumnElement[Any]] = list(getattr(stmt, "exported_columns", ()))
        compiled = stmt.compile(dialect=dialect, column_keys=list(keys) if keys is not None else None)
        required = {name: None for name, bind in compiled.binds.items() if bind.required}
        state = compiled.construct_expanded_state({**required, **expanded})
        self.sql: str = state.statement
        processors: dict[str, Callable[[Any], Any]] = dict(state.processors)
        for name, bind in compiled.binds.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors.setdefault(name, processor)
        fixed = {k: v for k, v in state.parameters.items() if k not in required}
        names = tuple(state.positiontup or ())
        # the parameters in order: fixed ones processed once here; the others (given at each call) processed then,
        # None included, as SQLAlchemy does
        self._template = [None] * len(names)
        given: dict[str, list[int]] = {}  # name -> its positions (a parameter may appear more than once)
        for i, name in enumerate(names):
            proc = processors.get(name)
            if name in fixed:
                self._template[i] = proc(fixed[name]) if proc is not None else fixed[name]
            else:
                given.setdefault(name, []).append(i)
        types = {name: bind.type for name, bind in compiled.binds.items()}
        self._given = [
            (name, _fast_bind(types.get(name), processors.get(name)), tuple(at)) for name, at in given.items()
        ]
        self._results = [
            (i, _fast_result(col.type, proc))
            for i, col in enumerate(returning)
            if (proc := col.type.dialect_impl(dialect).result_processor(dialect, None)) is not None
        ]

    def parameters(self, values: Mapping[str, Any]) -> list[Any]:
        out = self._template.copy()
        for name, proc, at in self._given:
            value = proc(values[name]) if proc is not None else values[name]
            for i in at:
                out[i] = value
        return out

    def execute(self, conn: Connection, values: Mapping[str, Any]) -> Any:
        """Run on ``conn``'s DB-API connection; returns the DB-API cursor (rowcount, lastrowid, fetch*)."""
        return self.execute_bound(conn, self.parameters(values))

    def fetch_bound(self, conn: Connection, params: list[Any]) -> list[tuple[Any, ...]]:
        """The raw rows it returns, run with ``params`` from :meth:`parameters` (made before the transaction began);
        :meth:`decoded` gives their values (after it ended: the engine's writer keeps its transactions short)."""
        cursor = self.execute_bound(conn, params)
        try:
            return cursor.fetchall()
        except sqlite3.Error as exc:
            raise _wrapped(self.sql, None, exc) from exc

    def execute_bound(self, conn: Connection, params: list[Any]) -> Any:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        try:
            return dbapi.execute(self.sql, params)
        except sqlite3.Error as exc:
            raise _wrapped(self.sql, params, exc) from exc

    def rows(self, conn: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows it returns (RETURNING), each value through the returned columns' result processors."""
        cursor = self.execute(conn, values)
        try:
            raw = cursor.fetchall()
        except sqlite3.Error as exc:
            raise _wrapped(self.sql, None, exc) from exc
        return self.decoded(raw)

    def decoded(self, raw: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """``raw`` rows of this statement's DB-API cursor, each value through its column's result processor."""
        out = []
        for row in raw:
            values = list(row)
            for i, proc in self._results:
                values[i] = proc(values[i])
            out.append(tuple(values))
        return out


# Faster processors for the columns of the engine's hot path (times, JSON), for the values it writes and reads most:
# the same results as SQLAlchemy's processors for those values (checked on samples when a statement is prepared), and
# SQLAlchemy's own processors for every other value.
_UTC = dt.UTC
_TIME_TEXT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"  # SQLAlchemy's storage format of SQLite times
_SAMPLES = (dt.datetime(2026, 1, 2, 3, 4, 5, 60007, tzinfo=_UTC), dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=_UTC))


def _fast_bind(type_: Any, proc: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if proc is None:
        return None
    if isinstance(type_, UTCDateTime):

        def utc_text(value: Any) -> Any:
            if type(value) is dt.datetime and value.tzinfo is _UTC:  # what utcnow() and the database give
                v = value
                return _TIME_TEXT % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
            return None if value is None else proc(value)

        return utc_text if all(utc_text(v) == proc(v) for v in (*_SAMPLES, None)) else proc
    if isinstance(type_, JSON):
        null = proc(None)

        def json_text(value: Any) -> Any:
            return null if value is None else proc(value)

        return json_text
    return proc


def _fast_result(type_: Any, proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    if isinstance(type_, UTCDateTime):
        parse = dt.datetime.fromisoformat

        def utc_time(value: Any) -> Any:
            if type(value) is str and len(value) == 26 and value[10] == " ":  # YYYY-MM-DD HH:MM:SS.ffffff
                return parse(value).replace(tzinfo=_UTC)
            return None if value is None else proc(value)

        stored = [None, *(v.replace(tzinfo=None).isoformat(" ", "microseconds") for v in _SAMPLES)]
        return utc_time if all(utc_time(v) == proc(v) for v in stored) else proc
    if isinstance(type_, JSON):

        def json_value(value: Any) -> Any:
            if value is None or value == "null":
                return None
            if value == "{}":
                return {}
            return proc(value)

        return json_value
    return proc


def _wrapped(sql: str, params: Any, exc: sqlite3.Error) -> BaseException:
    """The SQLAlchemy exception ``Connection.execute`` raises for ``exc`` (OperationalError, IntegrityError …)."""
    return DBAPIError.instance(sql, params, exc, sqlite3.Error)


def sqlite_transaction_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE on ``conn``'s DB-API connection, without SQLAlchemy's transaction (see Prepared)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    try:
        dbapi.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _wrapped("BEGIN IMMEDIATE", None, exc) from exc


def sqlite_transaction_end(conn: Connection, commit: bool) -> None:
    """COMMIT (or ROLLBACK) what :func:`sqlite_transaction_begin` began, and SQLAlchemy's transaction if a statement
    run through ``conn`` joined it.

    A COMMIT the database refused (disk full: SQLite writes the WAL at COMMIT) leaves SQLAlchemy's transaction
    inactive but still the connection's, and every later statement on the connection would raise
    PendingRollbackError: the ROLLBACK lets go of it, then rolls back on the DB-API connection what is left."""
    if conn.in_transaction():
        if commit:
            conn.commit()
        else:
            conn.rollback()
        return
    if not commit and conn.get_transaction() is not None:
        conn.rollback()  # inactive: SQLAlchemy sends nothing, it only lets go of it
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    if not dbapi.in_transaction:
        return
    sql = "COMMIT" if commit else "ROLLBACK"
    try:
        dbapi.execute(sql)
    except sqlite3.Error as exc:
        raise _wrapped(sql, None, exc) from exc
