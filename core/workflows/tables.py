"""The tables of dependencies, saved profiles, chains and schedules, on the job store's metadata.

They are declared on the store's ``Base`` so that ``Base.metadata.create_all`` (a fresh database) makes them
with the rest; migration 0007 makes them on an older database. Importing ``core.workflows`` (which imports this
module) is what registers them.

A job's link to where it came from (``job_origins``) and to what it waits for (``job_dependencies``) is kept
beside the ``jobs`` table, keyed by job id, so that no job column changes; removing a job removes its rows
(``ON DELETE CASCADE``). A parent is not a foreign key: a purged parent still tells its child how it ended
(it was removed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.store.schema import Base, utcnow


class JobDependency(Base):
    """Job ``job_id`` waits until job ``parent_id`` has ended; with ``run_anyway`` it runs however it ended."""

    __tablename__ = "job_dependencies"

    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    parent_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    run_anyway: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_job_dependencies_parent", "parent_id"),)


class JobOrigin(Base):
    """Where a job came from: the saved profile, ``manual`` or ``schedule``, and the chain run it belongs to."""

    __tablename__ = "job_origins"

    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    profile: Mapped[str | None] = mapped_column(String(200), nullable=True)
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    chain_run: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chain_step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)

    __table_args__ = (
        Index("ix_job_origins_profile", "profile"),
        Index("ix_job_origins_chain_run", "chain_run"),
    )


class JobRetried(Base):
    """A job ``retry --failed`` took (once): a second bulk retry, even a concurrent one, skips it."""

    __tablename__ = "job_retried"

    job_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    retry_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    retried_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Profile(Base):
    """A saved operation with its parameters, and optionally a cron schedule."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(100))
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    label: Mapped[str | None] = mapped_column(String(500), nullable=True)
    queue: Mapped[str | None] = mapped_column(String(100), nullable=True)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    schedule: Mapped[str | None] = mapped_column(String(200), nullable=True)
    catch_up: Mapped[str] = mapped_column(String(10), default="one")
    next_due: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("owner", "name", name="uq_profiles_owner_name"),
        Index("ix_profiles_next_due", "next_due"),
    )


class Chain(Base):
    """Profiles run one after the other (each step after the previous), and a step that runs anyway."""

    __tablename__ = "chains"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    steps: Mapped[list[Any]] = mapped_column(default=list)
    finally_profile: Mapped[str | None] = mapped_column(String(200), nullable=True)
    schedule: Mapped[str | None] = mapped_column(String(200), nullable=True)
    catch_up: Mapped[str] = mapped_column(String(10), default="one")
    next_due: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("owner", "name", name="uq_chains_owner_name"),
        Index("ix_chains_next_due", "next_due"),
    )


class ChainRun(Base):
    """One run of a chain: its jobs share this id (the window groups them by it)."""

    __tablename__ = "chain_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ScheduleRun(Base):
    """One fired due time of a profile's or chain's schedule: the unique key makes it happen once."""

    __tablename__ = "schedule_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # "profile" or "chain"
    target_id: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[dt.datetime] = mapped_column()
    fired_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chain_run: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (UniqueConstraint("kind", "target_id", "due_at", name="uq_schedule_runs_due"),)
