"""job ids never given twice on SQLite: ``jobs.id`` becomes INTEGER PRIMARY KEY AUTOINCREMENT

Without AUTOINCREMENT, SQLite gives a new row the largest id + 1: after the newest jobs were removed or purged,
the next job took the id of a removed one, so that a link, a notification, a log read by id or the tombstone
that tells other windows the old job is gone named the new one (the window then hid it). AUTOINCREMENT keeps the
largest id ever given in ``sqlite_sequence``; it starts here above every id a job still has or another table
still names (a tombstone, a retry, a dependency, a schedule's run, a move's journal). PostgreSQL's sequence never gives a number twice: nothing to do there.

SQLite cannot add AUTOINCREMENT to a table: the table is rebuilt as its documentation says
(https://sqlite.org/lang_altertable.html#otheralter), with foreign keys off (``Database.migrate`` turns them off
around the migrations): a new table from the stored definition, its rows copied, the old table dropped, the new
one renamed, and the indexes made again from their stored definitions (two are partial: a reflected copy would
lose their WHERE).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import re

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# the columns that name a job, which may outlive it
ID_COLUMNS = (
    ("jobs", "id"),
    ("jobs", "parent_id"),
    ("removed_jobs", "job_id"),
    ("job_retried", "job_id"),
    ("job_retried", "retry_id"),
    ("job_dependencies", "parent_id"),
    ("schedule_runs", "job_id"),
    ("move_plans", "job_id"),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    table = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'jobs'").scalar()
    if table is None or "AUTOINCREMENT" in table.upper():
        return  # made so (a database created at this revision or later)
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("0016 rebuilds the jobs table: run it with foreign keys off (see Database.migrate)")
    new, n_id = re.subn(r"\bid INTEGER NOT NULL,", "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,", table, count=1)
    new, n_pk = re.subn(r",\s*PRIMARY KEY \(id\)\s*\)\s*$", "\n)", new)
    new, n_name = re.subn(r"^CREATE TABLE \"?jobs\"? \(", "CREATE TABLE jobs_0016 (", new)
    if (n_id, n_pk, n_name) != (1, 1, 1):
        raise RuntimeError(f"0016: the jobs table is not as asyncops made it: {table}")
    indexes = [
        sql
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND sql IS NOT NULL"
        )
    ]
    bind.exec_driver_sql(new)
    bind.exec_driver_sql("INSERT INTO jobs_0016 SELECT * FROM jobs")
    bind.exec_driver_sql("DROP TABLE jobs")
    bind.exec_driver_sql("ALTER TABLE jobs_0016 RENAME TO jobs")
    for sql in indexes:
        bind.exec_driver_sql(sql)
    # the largest id ever given: a job's, or a removed job's that a tombstone, a retry, a dependency, a schedule's
    # run or a move's journal still names
    tables = {name for (name,) in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    named = [f"(SELECT max({column}) FROM {table})" for table, column in ID_COLUMNS if table in tables]
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'jobs'")
    bind.exec_driver_sql(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'jobs', max(0, "
        + ", ".join(f"coalesce({q}, 0)" for q in named)
        + ")"
    )


def downgrade() -> None:
    """Nothing to undo that matters: an AUTOINCREMENT table works as the plain one did."""
