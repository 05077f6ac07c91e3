"""workflows: job dependencies, saved profiles, chains and their schedules

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_dependencies",
        sa.Column("job_id", sa.Integer(), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("parent_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("run_anyway", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_job_dependencies_parent", "job_dependencies", ["parent_id"])
    op.create_table(
        "job_origins",
        sa.Column("job_id", sa.Integer(), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("profile", sa.String(length=200), nullable=True),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("chain_run", sa.Integer(), nullable=True),
        sa.Column("chain_step", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_job_origins_profile", "job_origins", ["profile"])
    op.create_index("ix_job_origins_chain_run", "job_origins", ["chain_run"])
    op.create_table(
        "job_retried",
        sa.Column("job_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("retry_id", sa.Integer(), nullable=True),
        sa.Column("retried_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("operation", sa.String(length=100), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("label", sa.String(length=500), nullable=True),
        sa.Column("queue", sa.String(length=100), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=True),
        sa.Column("catch_up", sa.String(length=10), nullable=False),
        sa.Column("next_due", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("owner", "name", name="uq_profiles_owner_name"),
    )
    op.create_index("ix_profiles_next_due", "profiles", ["next_due"])
    op.create_table(
        "chains",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("finally_profile", sa.String(length=200), nullable=True),
        sa.Column("schedule", sa.String(length=200), nullable=True),
        sa.Column("catch_up", sa.String(length=10), nullable=False),
        sa.Column("next_due", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("owner", "name", name="uq_chains_owner_name"),
    )
    op.create_index("ix_chains_next_due", "chains", ["next_due"])
    op.create_table(
        "chain_runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("chain", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "schedule_runs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("fired_at", sa.DateTime(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("chain_run", sa.Integer(), nullable=True),
        sa.UniqueConstraint("kind", "target_id", "due_at", name="uq_schedule_runs_due"),
    )


def downgrade() -> None:
    op.drop_table("schedule_runs")
    op.drop_table("chain_runs")
    op.drop_index("ix_chains_next_due", table_name="chains")
    op.drop_table("chains")
    op.drop_index("ix_profiles_next_due", table_name="profiles")
    op.drop_table("profiles")
    op.drop_table("job_retried")
    op.drop_index("ix_job_origins_chain_run", table_name="job_origins")
    op.drop_index("ix_job_origins_profile", table_name="job_origins")
    op.drop_table("job_origins")
    op.drop_index("ix_job_dependencies_parent", table_name="job_dependencies")
    op.drop_table("job_dependencies")
