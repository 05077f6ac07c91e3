"""A team's shared PostgreSQL database: roles, grants and row-level security.

``asyncops team init`` (run once by the database's owner, and again after an upgrade adds tables) creates the
schema, three group roles and what each may do; ``team add-user``, ``team list`` and ``team remove`` manage the
people. Each person connects as their own role; the server, not the client, decides what they see:

- ``asyncops_user``: every person. Sees and acts on their own jobs only (``owner = current_user``), in every
  path (the CLI, the window, ``psql``); reads the configuration but not the SMTP password.
- ``asyncops_admin``: sees and acts on everybody's jobs; changes the configuration and the queues, adds and
  removes libraries and people (admins are made with CREATEROLE).
- ``asyncops_worker``: runs anyone's jobs (``asyncops worker`` on a shared machine); reads the SMTP settings
  to send the e-mail of the jobs it ran.

The database's owner (who ran ``team init``) keeps every right: it owns the tables.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from core.errors import NotAllowed, NotFound, UsageError
from core.store import settings
from core.store.db import Database
from core.store.schema import Base

USER, ADMIN, WORKER = "asyncops_user", "asyncops_admin", "asyncops_worker"
GROUPS = (USER, ADMIN, WORKER)
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
SECRET_SETTINGS = ("smtp.password",)
# Settings an engine writes for its own bookkeeping, whoever runs it.
BOOKKEEPING_SETTINGS = ("purge.last_run",)

# Tables whose rows are a person's: who may see a row is decided by its ``owner`` column.
OWNED = ("jobs", "notify_prefs", "mail_outbox")
# Tables only admins change (everyone reads them).
ADMIN_ONLY = ("queues", "queue_pauses")


def _q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    """A quoted SQL string literal (for utility statements that take no parameters)."""
    return "'" + value.replace("'", "''") + "'"


def _require_postgres(db: Database) -> None:
    if db.is_sqlite:
        raise UsageError(
            "asyncops team is for a shared PostgreSQL database (--db postgresql+psycopg://…); a SQLite file belongs "
            "to one person"
        )


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """A SCRAM-SHA-256 verifier, so that the password itself never reaches the server (nor its statement log)."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


# -- init -------------------------------------------------------------------------------------------
def _ensure_groups(conn: Connection) -> None:
    for group in GROUPS:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group}).first()
        if exists is None:
            conn.execute(text(f"CREATE ROLE {_q(group)} NOLOGIN"))


def _policy(conn: Connection, table: str, name: str, body: str) -> None:
    conn.execute(text(f"DROP POLICY IF EXISTS {_q(name)} ON {_q(table)}"))
    conn.execute(text(f"CREATE POLICY {_q(name)} ON {_q(table)} {body}"))


def init(db: Database) -> list[str]:
    """Roles, grants and row-level security on ``db`` (its schema is already created: opening it migrates).

    Idempotent: run it again after an upgrade added tables. Returns the tables it secured."""
    _require_postgres(db)
    settings.ensure_defaults(db)  # the default queue, while the owner may still write it
    everyone = ", ".join(_q(g) for g in GROUPS)
    with db.refusals(), db.engine.begin() as conn:
        owner = conn.execute(
            text(
                "SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = 'jobs'::regclass"
            )
        ).scalar()
        if not owner:
            raise NotAllowed("team init must be run by the owner of the asyncops tables (or a superuser)")
        _ensure_groups(conn)
        dbname = conn.execute(text("SELECT current_database()")).scalar_one()
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(dbname)} TO {everyone}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {_q(schema)} TO {everyone}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_q(schema)} TO {everyone}"))
        existing = set(
            conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"),
            ).scalars()
        )
        tables = sorted(t for t in [*Base.metadata.tables, "alembic_version"] if t in existing)
        for t in tables:
            conn.execute(text(f"REVOKE ALL ON {_q(t)} FROM PUBLIC"))
            conn.execute(text(f"REVOKE ALL ON {_q(t)} FROM {everyone}"))
            if t == "alembic_version":
                conn.execute(text(f"GRANT SELECT ON {_q(t)} TO {everyone}"))
            elif t in ADMIN_ONLY:
                conn.execute(text(f"GRANT SELECT ON {_q(t)} TO {everyone}"))
                conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {_q(t)} TO {_q(ADMIN)}"))
            elif t == "libraries":  # adding and removing a library is an admin's; a scan updates it
                conn.execute(text(f"GRANT SELECT, UPDATE ON {_q(t)} TO {everyone}"))
                conn.execute(text(f"GRANT INSERT, DELETE ON {_q(t)} TO {_q(ADMIN)}"))
            else:
                conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_q(t)} TO {everyone}"))

        # a person's rows: jobs and their notification address
        for t in OWNED:
            if t not in existing:
                continue
            conn.execute(text(f"ALTER TABLE {_q(t)} ENABLE ROW LEVEL SECURITY"))
            _policy(
                conn,
                t,
                "asyncops_own",
                f"FOR ALL TO {_q(USER)} USING (owner = current_user) WITH CHECK (owner = current_user)",
            )
            _policy(conn, t, "asyncops_all", f"FOR ALL TO {_q(ADMIN)}, {_q(WORKER)} USING (true) WITH CHECK (true)")
        # a job's log: visible with its job (the subquery is itself under the jobs policies)
        conn.execute(text("ALTER TABLE job_log ENABLE ROW LEVEL SECURITY"))
        own_job = "EXISTS (SELECT 1 FROM jobs j WHERE j.id = job_log.job_id)"
        _policy(conn, "job_log", "asyncops_own", f"FOR ALL TO {_q(USER)} USING ({own_job}) WITH CHECK ({own_job})")
        _policy(conn, "job_log", "asyncops_all", f"FOR ALL TO {_q(ADMIN)}, {_q(WORKER)} USING (true) WITH CHECK (true)")
        # settings: everyone reads (but the SMTP password: admins and workers only); admins write; workers' engines
        # write their bookkeeping (the day of the purge: a person's engine purges only their own, marking nothing)
        secrets = ", ".join(_lit(k) for k in SECRET_SETTINGS)
        books = ", ".join(_lit(k) for k in BOOKKEEPING_SETTINGS)
        conn.execute(text("ALTER TABLE settings ENABLE ROW LEVEL SECURITY"))
        _policy(conn, "settings", "asyncops_read", f"FOR SELECT TO {_q(USER)} USING (key NOT IN ({secrets}))")
        _policy(conn, "settings", "asyncops_read_all", f"FOR SELECT TO {_q(ADMIN)}, {_q(WORKER)} USING (true)")
        _policy(conn, "settings", "asyncops_admin", f"FOR ALL TO {_q(ADMIN)} USING (true) WITH CHECK (true)")
        workers = _q(WORKER)
        _policy(conn, "settings", "asyncops_books_insert", f"FOR INSERT TO {workers} WITH CHECK (key IN ({books}))")
        _policy(
            conn,
            "settings",
            "asyncops_books_update",
            f"FOR UPDATE TO {workers} USING (key IN ({books})) WITH CHECK (key IN ({books}))",
        )
    return tables


# -- people -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    name: str
    admin: bool
    worker: bool
    can_login: bool

    @property
    def kinds(self) -> str:
        return ", ".join(k for k, on in (("admin", self.admin), ("worker", self.worker)) if on) or "user"


def _check_name(name: str) -> str:
    if not ROLE_NAME.match(name):
        raise UsageError(f"user name {name!r}: use 1-63 lower-case letters, digits or '_', not starting with a digit")
    if name in GROUPS or name.startswith("pg_"):
        raise UsageError(f"user name {name!r} is reserved")
    return name


def require_admin(db: Database) -> None:
    """Managing people needs an admin (the server refuses others too: they have no CREATEROLE)."""
    ident = db.session_identity()
    if not ident.admin:
        raise NotAllowed(f"{ident.user} is not an admin: not allowed")


def add_user(db: Database, name: str, password: str, *, admin: bool = False, worker: bool = False) -> Member:
    """A person's login role, a member of asyncops_user (and asyncops_admin / asyncops_worker)."""
    _require_postgres(db)
    _check_name(name)
    if not password:
        raise UsageError("the password is empty")
    require_admin(db)
    groups = [USER] + ([ADMIN] if admin else []) + ([WORKER] if worker else [])
    with db.refusals(), db.engine.begin() as conn:
        missing = [
            g
            for g in GROUPS
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": g}).first() is None
        ]
        if missing:
            raise UsageError("the team has no roles yet: the database owner runs `asyncops team init` first")
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first() is not None:
            raise UsageError(f"a role named {name!r} already exists")
        attrs = "LOGIN NOSUPERUSER NOCREATEDB NOREPLICATION" + (" CREATEROLE" if admin else " NOCREATEROLE")
        verifier = scram_verifier(password)
        conn.exec_driver_sql(f"CREATE ROLE {_q(name)} {attrs} PASSWORD {_lit(verifier)}")
        conn.execute(text(f"GRANT {', '.join(_q(g) for g in groups)} TO {_q(name)}"))
    return Member(name, admin, worker, True)


_MEMBERS = text(
    """
    SELECT r.rolname AS name, r.rolcanlogin AS can_login,
           bool_or(g.rolname = 'asyncops_admin') AS admin, bool_or(g.rolname = 'asyncops_worker') AS worker
    FROM pg_roles r
    JOIN pg_auth_members m ON m.member = r.oid
    JOIN pg_roles g ON g.oid = m.roleid AND g.rolname IN ('asyncops_user', 'asyncops_admin', 'asyncops_worker')
    GROUP BY r.rolname, r.rolcanlogin
    ORDER BY r.rolname
    """
)


def members(db: Database) -> list[Member]:
    _require_postgres(db)
    with db.connect_read() as conn:
        return [Member(r.name, bool(r.admin), bool(r.worker), bool(r.can_login)) for r in conn.execute(_MEMBERS)]


def remove_user(db: Database, name: str) -> None:
    """Drop a person's role (their jobs stay, under their name, for admins to see and purge)."""
    _require_postgres(db)
    _check_name(name)
    require_admin(db)
    if name == db.session_identity().user:
        raise UsageError("you cannot remove yourself")
    if name not in {m.name for m in members(db)}:
        raise NotFound(f"no asyncops user named {name!r}")
    with db.refusals(), db.engine.begin() as conn:
        conn.execute(text(f"DROP ROLE {_q(name)}"))
