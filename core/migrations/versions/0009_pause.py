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


def _slot_index(batch_op: object, statuses: str) -> None:
    where = sa.text(f"slot IS NOT NULL AND status IN {statuses}")
    batch_op.create_index(  # type: ignore[attr-defined]
        "ux_jobs_running_slot", ["queue", "slot"], unique=True, postgresql_where=where, sqlite_where=where
    )


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pause_requested", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("paused_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("paused_seconds", sa.Float(), nullable=False, server_default=sa.text("0")))
        batch_op.drop_index("ux_jobs_running_slot")
        _slot_index(batch_op, HELD)
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _pg_functions(HELD):
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _pg_functions(HELD_BEFORE):
            op.execute(ddl)
    op.execute("UPDATE jobs SET status = 'ACTIVE' WHERE status = 'PAUSED'")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("ux_jobs_running_slot")
        _slot_index(batch_op, HELD_BEFORE)
        batch_op.drop_column("paused_seconds")
        batch_op.drop_column("paused_at")
        batch_op.drop_column("pause_requested")
