"""SQLAlchemy 2 typed models of the job store.

Times are stored as naive UTC and come back timezone-aware (UTC); the GUI shows them in local time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    DDL,
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.status import JobStatus


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, naive UTC in the column."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: asyncops stores aware UTC datetimes only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    owner: Mapped[str] = mapped_column(String(200))
    queue: Mapped[str] = mapped_column(String(100), default="default")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default=JobStatus.QUEUED)
    inline: Mapped[bool] = mapped_column(Boolean, default=False)
    progress_done: Mapped[int] = mapped_column(BigInteger, default=0)
    progress_total: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    scheduled_for: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=1)
    worker: Mapped[str | None] = mapped_column(String(100), nullable=True)
    stop_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    message: Mapped[str] = mapped_column(Text, default="")
    message_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Where a running job's external processes are ({"host", "pid", "pgid", "started"}), so that recovery can
    # end them when the engine that ran the job died; cleared when the job ends.
    runtime: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # PostgreSQL: which of its queue's max_parallel slots a claimed job holds (unique among running jobs of the
    # queue), so that engines claiming at once never exceed the cap without waiting on one lock. NULL on SQLite
    # (one writer at a time) and for inline runs.
    slot: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Pause (migration 0009): a person asked the job to pause at its next item; when it paused; how long it
    # was paused before (its duration leaves paused time out).
    pause_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    paused_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    paused_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default=text("0"))

    log: Mapped[list[JobLog]] = relationship(
        back_populates="job", cascade="all, delete-orphan", passive_deletes=True, order_by="JobLog.id"
    )

    __table_args__ = (
        # The QUEUED jobs only (migration 0014): a job enters it when queued and leaves it when claimed, so the other
        # changes of its state do not touch it. priority DESC matches the claim's ORDER BY priority DESC, id: no sort
        # of the queued rows per claim. A query reads it when it says status = 'QUEUED' (SQLite: in its text, or as
        # a parameter, which makes SQLite prepare the statement again at each run: the hot paths write it in full).
        Index(
            "ix_jobs_queued",
            "queue",
            priority.desc(),
            "id",
            postgresql_where=text("status = 'QUEUED'"),
            sqlite_where=text("status = 'QUEUED'"),
        ),
        Index("ix_jobs_owner_id", "owner", "id"),
        Index("ix_jobs_updated_at", "updated_at"),
        # the jobs of some statuses (an engine's running jobs: their worker is checked on these few rows); the
        # finished ones by when they finished (the purge)
        Index("ix_jobs_status_finished", "status", "finished_at"),
        Index(
            "ux_jobs_running_slot",
            "queue",
            "slot",
            unique=True,
            postgresql_where=text("slot IS NOT NULL AND status IN ('ACTIVE', 'STOPPING', 'PAUSED')"),
            sqlite_where=text("slot IS NOT NULL AND status IN ('ACTIVE', 'STOPPING', 'PAUSED')"),
        ),
        # SQLite: an id is never given again, even when the newest jobs were removed (migration 0016): a link, a
        # notification or a tombstone naming a removed job never names another (PostgreSQL's sequence never
        # gives a number twice)
        {"sqlite_autoincrement": True},
    )


class JobLog(Base):
    __tablename__ = "job_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    time: Mapped[dt.datetime] = mapped_column()
    level: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(Text, nullable=True)
    code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    args: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    job: Mapped[Job] = relationship(back_populates="log")


class RemovedJob(Base):
    """Tombstones of removed or purged jobs, so that other processes' views drop them too."""

    __tablename__ = "removed_jobs"

    job_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    removed_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class QueueRow(Base):
    __tablename__ = "queues"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="parallel")
    max_parallel: Mapped[int] = mapped_column(Integer)
    retries: Mapped[int] = mapped_column(Integer, default=0)
    retry_delay: Mapped[float] = mapped_column(default=2.0)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    operations: Mapped[list[Any]] = mapped_column(default=list)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # Only `asyncops worker` engines take its jobs, not the window's own engine (CPU-heavy operations there
    # would compete with the GUI thread for Python's interpreter lock).
    workers_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class EngineRow(Base):
    """A running engine (GUI, worker or inline CLI run) and its heartbeat."""

    __tablename__ = "engines"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    queues: Mapped[list[Any]] = mapped_column(default=list)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class NotifyPref(Base):
    """A person's e-mail notifications: where, and for which outcomes (all, failed, warnings)."""

    __tablename__ = "notify_prefs"

    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    when: Mapped[str] = mapped_column(String(20), default="all")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QueuePause(Base):
    """When a queue was paused and resumed (``resumed_at`` None: paused now). The timeline tells from it a job that
    waited in a paused queue from one that waited for an engine."""

    __tablename__ = "queue_pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    queue: Mapped[str] = mapped_column(String(100), index=True)
    paused_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resumed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class MailOutbox(Base):
    """The e-mail of a job that ended, handed on by an engine that cannot send it (on PostgreSQL a person's own
    engine cannot read the SMTP password): an engine that can (a worker's, an admin's) takes it, sends it and
    deletes it. ``claimed_at`` is the sender's lease: a row claimed by a sender that died is taken again later."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


# PostgreSQL only: a job's owner defaults to the session's role, and two functions count a queue's running jobs
# and their slots across every owner (row-level security hides other people's jobs from a person's engine; the
# functions run as the tables' owner and return counts and slot numbers only). Migration 0006 runs the same.
PG_DDL = (
    "ALTER TABLE jobs ALTER COLUMN owner SET DEFAULT CURRENT_USER",
    """CREATE OR REPLACE FUNCTION asyncops_running(q text) RETURNS bigint
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
       $$ SELECT count(*) FROM jobs WHERE queue = q AND status IN ('ACTIVE', 'STOPPING', 'PAUSED') $$""",
    """CREATE OR REPLACE FUNCTION asyncops_used_slots(q text) RETURNS SETOF integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
       $$ SELECT slot FROM jobs WHERE queue = q AND slot IS NOT NULL AND status IN ('ACTIVE', 'STOPPING', 'PAUSED') $$""",
)
for _ddl in PG_DDL:
    event.listen(Job.__table__, "after_create", DDL(_ddl).execute_if(dialect="postgresql"))

# PostgreSQL only: an engine's claim in one statement (core.store.claims): the queue's load across every owner (a
# function of the tables' owner: counts and slot numbers only), then for each free slot it reserves without waiting
# (a transaction advisory lock tried), the next QUEUED job no other engine is taking (FOR UPDATE SKIP LOCKED), taken
# under the caller's own rights (row-level security applies). Migration 0013 runs the same.
PG_CLAIM = (
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
for _ddl in PG_CLAIM:
    event.listen(Job.__table__, "after_create", DDL(_ddl).execute_if(dialect="postgresql"))

# PostgreSQL only: the database wakes the engines that LISTEN on "asyncops" (see core.store.liveness) when a job
# becomes QUEUED or SCHEDULED ("queued <queue>", "scheduled <queue>"), when a stop is asked ("stop <engine>"),
# and when the queues change ("queues"): whoever writes it, through whatever path. Migration 0008 runs the same.
PG_NOTIFY_JOBS = (
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
)
PG_NOTIFY_QUEUES = (
    """CREATE OR REPLACE FUNCTION asyncops_notify_queues() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('asyncops', 'queues'); RETURN NULL; END $$""",
    """CREATE OR REPLACE TRIGGER asyncops_queues_notify AFTER INSERT OR UPDATE OR DELETE ON queues
       FOR EACH STATEMENT EXECUTE FUNCTION asyncops_notify_queues()""",
)
for _ddl in PG_NOTIFY_JOBS:
    event.listen(Job.__table__, "after_create", DDL(_ddl).execute_if(dialect="postgresql"))
for _ddl in PG_NOTIFY_QUEUES:
    event.listen(QueueRow.__table__, "after_create", DDL(_ddl).execute_if(dialect="postgresql"))


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as a Table (``Model.__table__`` is typed as any FromClause)."""
    return cast(Table, model.__table__)
