"""messages as data: job log lines and job outcomes keep their message code and arguments

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("args", sa.JSON(), nullable=True))
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_data", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("message_data")
    with op.batch_alter_table("job_log", schema=None) as batch_op:
        batch_op.drop_column("args")
        batch_op.drop_column("code")
