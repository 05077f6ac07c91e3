"""claim function: on PostgreSQL an engine claims a queue's next jobs in one statement (a function of the server
that reserves free slots and takes one job for each), instead of one statement for the slots and one per job

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# the same as core.store.schema.PG_CLAIM at this revision
PG_DDL = (
    """CREATE OR REPLACE FUNCTION asyncops_queue_load(q text, OUT active bigint, OUT used integer[],
                                                      OUT ended timestamp)
       LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         SELECT count(*), COALESCE(array_agg(slot) FILTER (WHERE slot IS NOT NULL), '{}')
           INTO active, used
           FROM jobs WHERE queue = q AND status IN ('ACTIVE', 'STOPPING', 'PAUSED');
         -- the last end of a job (every owner's): a job taking a slot starts no sooner than its holder ended
         ended := GREATEST((SELECT max(finished_at) FROM jobs WHERE status = 'SUCCEEDED'),
                           (SELECT max(finished_at) FROM jobs WHERE status = 'FAILED'),
                           (SELECT max(finished_at) FROM jobs WHERE status = 'STOPPED'),
                           (SELECT max(finished_at) FROM jobs WHERE status = 'INTERRUPTED'));
       END $$""",
    """CREATE OR REPLACE FUNCTION asyncops_claim(q text, w text, ops text[], n integer, cap integer, lim integer,
                                                 at timestamp) RETURNS SETOF jobs
       LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT AS $$
       DECLARE
         stopped boolean;
         running bigint;
         held integer[];
         own bigint;
         room bigint;
         job jobs;
       BEGIN
         SELECT paused INTO stopped FROM queues WHERE name = q;
         IF stopped IS NOT FALSE THEN
           RETURN;
         END IF;
         SELECT l.active, l.used INTO running, held FROM asyncops_queue_load(q) AS l;
         SELECT count(*) INTO own FROM jobs
          WHERE queue = q AND worker = w AND status IN ('ACTIVE', 'STOPPING', 'PAUSED');
         room := LEAST(n, cap - running, lim - own);
         FOR s IN 0 .. cap - 1 LOOP
           EXIT WHEN room <= 0;
           CONTINUE WHEN s = ANY(held) OR NOT pg_try_advisory_xact_lock(hashtext('asyncops.queue.' || q), s);
           -- the slot is ours to fill; checked again in the UPDATE's own snapshot, taken after the lock (a claim
           -- that filled it meanwhile has committed, and released the lock)
           -- its start: the caller's clock, or the last end it saw if later (the times the jobs record never
           -- show more running than the cap, though the caller read its clock before its slot was free)
           UPDATE jobs SET status = 'ACTIVE', worker = w, started_at = GREATEST(at, l.ended),
                           updated_at = GREATEST(at, l.ended), finished_at = NULL,
                           attempt = jobs.attempt + 1, stop_requested = false, slot = s
             FROM asyncops_queue_load(q) AS l
            WHERE jobs.id = (SELECT j.id FROM jobs j
                              WHERE j.queue = q AND j.status = 'QUEUED' AND j.operation = ANY(ops)
                              ORDER BY j.priority DESC, j.id LIMIT 1 FOR UPDATE SKIP LOCKED)
              AND jobs.status = 'QUEUED'
              AND NOT s = ANY(l.used)
           RETURNING jobs.* INTO job;
           IF FOUND THEN
             RETURN NEXT job;
             room := room - 1;
           ELSIF NOT s = ANY((asyncops_queue_load(q)).used) THEN
             RETURN;  -- nothing left to take (not a slot filled meanwhile)
           END IF;
         END LOOP;
       END $$""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in PG_DDL:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS asyncops_claim(text, text, text[], integer, integer, integer, timestamp)")
        op.execute("DROP FUNCTION IF EXISTS asyncops_queue_load(text)")
