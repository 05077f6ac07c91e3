"""mail outbox: the e-mail of a job whose engine cannot send it (on PostgreSQL a person's engine cannot read the SMTP
password) waits there for an engine that can

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("job_id", sa.Integer(), sa.ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_mail_outbox_job_id", "mail_outbox", ["job_id"])


def downgrade() -> None:
    op.drop_index("ix_mail_outbox_job_id", table_name="mail_outbox")
    op.drop_table("mail_outbox")
