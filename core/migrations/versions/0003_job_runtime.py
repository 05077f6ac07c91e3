"""job runtime (where a running job's external processes are, for recovery); queues run by workers only

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('runtime', sa.JSON(), nullable=True))
    with op.batch_alter_table('queues', schema=None) as batch_op:
        batch_op.add_column(sa.Column('workers_only', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('queues', schema=None) as batch_op:
        batch_op.drop_column('workers_only')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('runtime')
