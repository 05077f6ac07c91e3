"""pause: a job's pause request, when it paused and how long it was paused; a paused job keeps its slot

Revision ID: 0009
Revises: 0007 (the lead re-chains it after 0008 when both land)
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None

HELD = "('ACTIVE', 'STOPPING', 'PAUSED')"
HELD_BEFORE = "('ACTIVE', 'STOPPING')"


def _pg_functions(statuses: str) -> tuple[str, ...]:
    return (
        f"""CREATE OR REPLACE FUNCTION asyncops_running(q text) RETURNS bigint
           LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
           $$ SELECT count(*) FROM jobs WHERE queue = q AND status IN {statuses} $$""",
        f"""CREATE OR REPLACE FUNCTION asyncops_used_slots(q text) RETURNS SETOF integer
           LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
           $$ SELECT slot FROM jobs WHERE queue = q AND slot IS NOT NULL AND status IN {statuses} $$""",
    )


def _slot_index(statuses: str) -> None:
    """The unique (queue, slot) index of the jobs that hold a slot, made again (plain DDL: on SQLite a batch
    would copy the jobs table, and dropping the old copy would cascade to the log)."""
    op.drop_index("ux_jobs_running_slot", table_name="jobs")
    where = sa.text(f"slot IS NOT NULL AND status IN {statuses}")
    op.create_index(
        "ux_jobs_running_slot", "jobs", ["queue", "slot"], unique=True, postgresql_where=where, sqlite_where=where
    )


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN with constant defaults: SQLite then keeps the table (a batch copy of jobs would
    # drop the old table, and with it, through ON DELETE CASCADE, every log line)
    op.add_column("jobs", sa.Column("pause_requested", sa.Boolean(), nullable=False, server_default="0"))
    op.add_column("jobs", sa.Column("paused_at", sa.DateTime(), nullable=True))
    op.add_column("jobs", sa.Column("paused_seconds", sa.Float(), nullable=False, server_default="0"))
    _slot_index(HELD)
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _pg_functions(HELD):
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _pg_functions(HELD_BEFORE):
            op.execute(ddl)
    op.execute("UPDATE jobs SET status = 'ACTIVE' WHERE status = 'PAUSED'")
    _slot_index(HELD_BEFORE)
    for column in ("paused_seconds", "paused_at", "pause_requested"):
        op.drop_column("jobs", column)  # ALTER TABLE DROP COLUMN (SQLite 3.35+), no copy of the table
