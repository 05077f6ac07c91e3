"""notify: on PostgreSQL, triggers that wake the engines listening on "asyncops" when jobs are queued or
scheduled, when a stop is asked and when the queues change (see core.store.liveness)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from alembic import op


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# the same as core.store.schema.PG_NOTIFY_JOBS and PG_NOTIFY_QUEUES at this revision
PG_DDL = (
    """CREATE OR REPLACE FUNCTION asyncops_notify_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.status IN ('QUEUED', 'SCHEDULED')
            AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
           PERFORM pg_notify('asyncops', lower(NEW.status) || ' ' || NEW.queue);
         END IF;
         IF TG_OP = 'UPDATE' AND NEW.stop_requested AND NOT OLD.stop_requested THEN
           PERFORM pg_notify('asyncops', 'stop ' || COALESCE(NEW.worker, ''));
         END IF;
         RETURN NULL;
       END $$""",
    """CREATE OR REPLACE TRIGGER asyncops_jobs_notify_insert AFTER INSERT ON jobs FOR EACH ROW
       WHEN (NEW.status IN ('QUEUED', 'SCHEDULED')) EXECUTE FUNCTION asyncops_notify_jobs()""",
    """CREATE OR REPLACE TRIGGER asyncops_jobs_notify_update AFTER UPDATE OF status, stop_requested ON jobs
       FOR EACH ROW WHEN ((NEW.status IN ('QUEUED', 'SCHEDULED') AND OLD.status IS DISTINCT FROM NEW.status)
                          OR (NEW.stop_requested AND NOT OLD.stop_requested))
       EXECUTE FUNCTION asyncops_notify_jobs()""",
    """CREATE OR REPLACE FUNCTION asyncops_notify_queues() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('asyncops', 'queues'); RETURN NULL; END $$""",
    """CREATE OR REPLACE TRIGGER asyncops_queues_notify AFTER INSERT OR UPDATE OR DELETE ON queues
       FOR EACH STATEMENT EXECUTE FUNCTION asyncops_notify_queues()""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in PG_DDL:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS asyncops_queues_notify ON queues")
        op.execute("DROP TRIGGER IF EXISTS asyncops_jobs_notify_update ON jobs")
        op.execute("DROP TRIGGER IF EXISTS asyncops_jobs_notify_insert ON jobs")
        op.execute("DROP FUNCTION IF EXISTS asyncops_notify_queues()")
        op.execute("DROP FUNCTION IF EXISTS asyncops_notify_jobs()")
