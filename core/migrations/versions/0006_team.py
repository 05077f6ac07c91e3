"""team: a person's e-mail notifications, claim slots, and on PostgreSQL the owner default and the functions
that count a queue's running jobs across every owner (row-level security hides other people's jobs)

Revision ID: 0006
Revises: 0005 (0004 on a branch without 0005_catalogue_edits)
Create Date: 2026-12-01
"""


import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

RUNNING = "slot IS NOT NULL AND status IN ('ACTIVE', 'STOPPING')"
PG_DDL = (
    "ALTER TABLE jobs ALTER COLUMN owner SET DEFAULT CURRENT_USER",
    """CREATE OR REPLACE FUNCTION asyncops_running(q text) RETURNS bigint
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
       $$ SELECT count(*) FROM jobs WHERE queue = q AND status IN ('ACTIVE', 'STOPPING') $$""",
    """CREATE OR REPLACE FUNCTION asyncops_used_slots(q text) RETURNS SETOF integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
       $$ SELECT slot FROM jobs WHERE queue = q AND slot IS NOT NULL AND status IN ('ACTIVE', 'STOPPING') $$""",
)


def upgrade() -> None:
    op.create_table(
        "notify_prefs",
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("when", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("owner"),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("slot", sa.Integer(), nullable=True))
        batch_op.create_index(
            "ux_jobs_running_slot",
            ["queue", "slot"],
            unique=True,
            postgresql_where=sa.text(RUNNING),
            sqlite_where=sa.text(RUNNING),
        )
    if op.get_bind().dialect.name == "postgresql":
        for ddl in PG_DDL:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS asyncops_used_slots(text)")
        op.execute("DROP FUNCTION IF EXISTS asyncops_running(text)")
        op.execute("ALTER TABLE jobs ALTER COLUMN owner DROP DEFAULT")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("ux_jobs_running_slot")
        batch_op.drop_column("slot")
    op.drop_table("notify_prefs")
