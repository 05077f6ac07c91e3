"""queue pauses: when each queue was paused and resumed, so the timeline can tell a paused queue from no engine

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_pauses",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("queue", sa.String(100), nullable=False),
        sa.Column("paused_at", sa.DateTime(), nullable=False),
        sa.Column("resumed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_queue_pauses_queue", "queue_pauses", ["queue"])
    # a queue paused before this revision: paused since now, as far as the history can tell
    op.execute(
        sa.text("INSERT INTO queue_pauses (queue, paused_at) SELECT name, CURRENT_TIMESTAMP FROM queues WHERE paused")
    )


def downgrade() -> None:
    op.drop_index("ix_queue_pauses_queue", table_name="queue_pauses")
    op.drop_table("queue_pauses")
