"""The mail outbox: e-mails an engine could not send itself, waiting for one that can (see :mod:`core.notify`).

A person's engine on PostgreSQL cannot read the SMTP password (row-level security keeps it for admins and workers),
so it hands the mail of the jobs it ran on here; an engine that can send claims rows with a lease (a sender that
dies leaves them to be claimed again after ``lease`` seconds), sends them and deletes them. Two senders never
claim the same row (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's writers are serialised).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update

from core.store.db import Database
from core.store.schema import MailOutbox, table, utcnow

outbox_t = table(MailOutbox)


def hand_on(db: Database, job_id: int, owner: str) -> None:
    """Leave the mail of job ``job_id`` (owned by ``owner``) to an engine that can send it."""
    with db.connect_write() as conn:
        conn.execute(insert(outbox_t).values(job_id=job_id, owner=owner, created_at=utcnow()))


def _claimable(lease: float) -> ColumnElement[bool]:
    stale = utcnow() - dt.timedelta(seconds=lease)
    return or_(outbox_t.c.claimed_at.is_(None), outbox_t.c.claimed_at < stale)


def due(db: Database, lease: float) -> bool:
    """Whether any row waits for a sender (a read: the idle poll takes no write lock)."""
    with db.connect_read() as conn:
        return conn.execute(select(outbox_t.c.id).where(_claimable(lease)).limit(1)).first() is not None


def claim(db: Database, lease: float, limit: int = 10) -> list[tuple[int, int]]:
    """Take up to ``limit`` rows for this sender for ``lease`` seconds: their (row id, job id), oldest first."""
    with db.connect_write() as conn:
        rows = conn.execute(
            select(outbox_t.c.id, outbox_t.c.job_id)
            .where(_claimable(lease))
            .order_by(outbox_t.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        if rows:
            ids = [r.id for r in rows]
            conn.execute(update(outbox_t).where(outbox_t.c.id.in_(ids)).values(claimed_at=utcnow()))
        return [(int(r.id), int(r.job_id)) for r in rows]


def done(db: Database, row_id: int) -> None:
    """The row's mail was sent (or given up, which is logged): it leaves the outbox."""
    with db.connect_write() as conn:
        conn.execute(delete(outbox_t).where(outbox_t.c.id == row_id))


def waiting(db: Database, owner: str) -> int:
    """How many of ``owner``'s e-mails wait for a sender."""
    with db.connect_read() as conn:
        return int(conn.execute(select(func.count()).where(outbox_t.c.owner == owner)).scalar_one())
