"""asset library: libraries, assets, references, move journal

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('libraries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('root', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('scanned_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('assets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('library_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('parent', sa.Text(), nullable=False),
    sa.Column('is_dir', sa.Boolean(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('mtime', sa.Float(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('props', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['library_id'], ['libraries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.create_index('ix_assets_library_parent', ['library_id', 'parent'], unique=False)
        batch_op.create_index('ux_assets_library_path', ['library_id', 'path'], unique=True)

    op.create_table('move_plans',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('library_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['library_id'], ['libraries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('move_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_move_plans_job_id'), ['job_id'], unique=False)

    op.create_table('asset_refs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('library_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('col', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['library_id'], ['libraries.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['assets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('asset_refs', schema=None) as batch_op:
        batch_op.create_index('ix_asset_refs_library_target', ['library_id', 'target'], unique=False)
        batch_op.create_index(batch_op.f('ix_asset_refs_source_id'), ['source_id'], unique=False)

    op.create_table('move_steps',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['move_plans.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('move_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_move_steps_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('move_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_move_steps_plan_id'))
    op.drop_table('move_steps')
    with op.batch_alter_table('asset_refs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_asset_refs_source_id'))
        batch_op.drop_index('ix_asset_refs_library_target')
    op.drop_table('asset_refs')
    with op.batch_alter_table('move_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_move_plans_job_id'))
    op.drop_table('move_plans')
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.drop_index('ux_assets_library_path')
        batch_op.drop_index('ix_assets_library_parent')
    op.drop_table('assets')
    op.drop_table('libraries')
