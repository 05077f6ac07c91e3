"""Every piece of SQL that differs between database engines lives here.

SQLite (the default, one file per user) and PostgreSQL (a team's shared database) are supported. The engine
and the job store call these helpers and never test the dialect themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event, func, make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

# Execution option that asks for a write transaction (BEGIN IMMEDIATE on SQLite).
WRITE = {"asyncops_write": True}


def is_sqlite(bind: Engine | Connection | Session) -> bool:
    if isinstance(bind, Session):
        bind = bind.get_bind()
    return bind.dialect.name == "sqlite"


def engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        # One connection per thread; pysqlite's own transaction handling is switched off below.
        return {"connect_args": {"timeout": 30, "check_same_thread": False}}
    options = make_url(url).query.get("options")
    return {
        "pool_pre_ping": True,
        "pool_size": 10,
        "max_overflow": 20,
        "connect_args": pg_connect_args(options if isinstance(options, str) else None),
    }


# PostgreSQL: TCP keepalives on the client's side (a silent server is dropped after about 2 + 3 × 1 s) and, set for
# the session, on the server's (it drops a vanished client as soon, freeing its locks); a connect timeout.
PG_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 2, "keepalives_interval": 1, "keepalives_count": 3}
PG_SERVER_KEEPALIVES = (
    "-c tcp_keepalives_idle=2 -c tcp_keepalives_interval=1 -c tcp_keepalives_count=3 -c tcp_user_timeout=5000"
)


def pg_connect_args(options: str | None = None) -> dict[str, Any]:
    """What every PostgreSQL connection of asyncops is opened with (``options``: the URL's own, kept)."""
    return {
        **PG_KEEPALIVES,
        "connect_timeout": 5,
        "options": f"{options} {PG_SERVER_KEEPALIVES}" if options else PG_SERVER_KEEPALIVES,
    }


def install(engine: Engine) -> None:
    """Per-dialect connection set-up: SQLite pragmas and explicit BEGIN [IMMEDIATE]."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so that write transactions can be BEGIN IMMEDIATE:
        # a deferred transaction that reads and then writes fails at once with "database is locked"
        # when another writer got in between, instead of waiting for the busy timeout.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        memory = _is_memory(engine)
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            return  # begun on the DB-API connection (the engine's writer): SQLAlchemy's transaction joins it
        if conn.get_execution_options().get("asyncops_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _is_memory(engine: Engine) -> bool:
    db = engine.url.database
    return not db or db == ":memory:" or "mode=memory" in str(engine.url)


@dataclass(frozen=True)
class SessionIdentity:
    """Who a PostgreSQL session is: its role, and what the database says that role may do."""

    user: str
    admin: bool  # a superuser, a member of asyncops_admin, or (a member of) the owner of the jobs table
    worker: bool  # a member of asyncops_worker (runs anyone's jobs)
    team: bool  # the jobs table has row-level security: `asyncops team init` ran on this database


_IDENTITY = text(
    """
    SELECT current_user AS "user",
           r.rolsuper
             OR EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'asyncops_admin'
                        AND pg_has_role(current_user, g.oid, 'MEMBER'))
             OR COALESCE((SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
                          WHERE c.oid = to_regclass('jobs')), false) AS admin,
           EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'asyncops_worker'
                   AND pg_has_role(current_user, g.oid, 'MEMBER')) AS worker,
           COALESCE((SELECT c.relrowsecurity FROM pg_class c WHERE c.oid = to_regclass('jobs')), false) AS team
    FROM pg_roles r WHERE r.rolname = current_user
    """
)


def session_identity(conn: Connection) -> SessionIdentity:
    row = conn.execute(_IDENTITY).one()
    return SessionIdentity(str(row.user), bool(row.admin), bool(row.worker), bool(row.team))


def seconds_between(engine: Engine, start: Any, end: Any) -> Any:
    """SQL for the seconds from ``start`` to ``end`` (two timestamp expressions)."""
    if engine.dialect.name == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    return func.extract("epoch", end - start)


class json_from_text(FunctionElement[Any]):
    """A parameter holding JSON already serialized to text, stored into a JSON column: PostgreSQL needs a cast,
    SQLite stores the text as it is (a cast there would give it numeric affinity)."""

    inherit_cache = True
    name = "json_from_text"


@compiles(json_from_text)
def _json_from_text_default(element: json_from_text, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(json_from_text, "postgresql")
def _json_from_text_pg(element: json_from_text, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS JSON)"


class not_indexed(FunctionElement[Any]):
    """A column compared without its indexes on SQLite (``+column``, the SQLite planner's documented way to rule an
    index out), as it is elsewhere: where SQLite, lacking statistics, would pick the worse index."""

    inherit_cache = True
    name = "not_indexed"


@compiles(not_indexed)
def _not_indexed_default(element: not_indexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(not_indexed, "sqlite")
def _not_indexed_sqlite(element: not_indexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)
