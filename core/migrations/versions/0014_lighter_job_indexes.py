"""lighter job indexes: every state change of a job updated five indexes of the jobs table; now three or fewer

* ``ix_jobs_claim`` (queue, status, priority DESC, id) becomes ``ix_jobs_queued`` (queue, priority DESC, id) of the
  QUEUED jobs only: the claims read it as before, and a job leaves it when it is claimed instead of moving inside it
  at each change (a finish no longer touches it). The queue's running jobs are counted by the (status, finished_at)
  index (a few rows per status).
* ``ix_jobs_worker_status`` (worker, status) is dropped: every query of an engine's jobs also names their statuses
  (the running ones), which the (status, finished_at) index finds; the worker is checked on those few rows.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

QUEUED = sa.text("status = 'QUEUED'")


def upgrade() -> None:
    # plain DDL (no batch: on SQLite a batch would copy the jobs table, and dropping the old copy would cascade to
    # the log)
    op.create_index(
        "ix_jobs_queued",
        "jobs",
        ["queue", sa.text("priority DESC"), "id"],
        sqlite_where=QUEUED,
        postgresql_where=QUEUED,
    )
    op.drop_index("ix_jobs_claim", table_name="jobs")
    op.drop_index("ix_jobs_worker_status", table_name="jobs")


def downgrade() -> None:
    op.create_index("ix_jobs_worker_status", "jobs", ["worker", "status"])
    op.create_index("ix_jobs_claim", "jobs", ["queue", "status", sa.text("priority DESC"), "id"])
    op.drop_index("ix_jobs_queued", table_name="jobs")
