"""The engine's state changes on its hot path, as the store writes them (:func:`core.store.claims.transition`),
with SQLite's statements run prepared (:class:`core.store.db.Prepared`): the same compare-and-set statement,
without SQLAlchemy's execution overhead, which costs more than SQLite's own work for a short job."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Connection

from core.engine.claims import JOB_COLUMNS
from core.records import JobSnapshot
from core.status import TERMINAL, JobStatus, check_transition, sources_of
from core.store import claims as store_claims
from core.store.db import Database, Prepared
from core.store.schema import utcnow


def transition(
    conn: Connection,
    db: Database,
    job_id: int,
    new: JobStatus,
    *,
    by: str,
    expect: Iterable[JobStatus] | None = None,
    **fields: Any,
) -> JobSnapshot | None:
    """Compare-and-set job ``job_id`` of engine ``by`` to ``new`` inside the caller's transaction on ``conn``; None
    if it lost (another engine or recovery moved it). See :func:`core.store.claims.transition`."""
    if not db.is_sqlite:
        return store_claims.transition(conn, job_id, new, by=by, expect=expect, **fields)
    sources = frozenset(expect) if expect is not None else sources_of(new)
    values = {"updated_at": utcnow(), **fields}
    if new in TERMINAL:
        values.setdefault("finished_at", values["updated_at"])
    names = tuple(sorted(values))

    def make() -> Prepared:  # once per database and shape of transition
        for src in sources:
            check_transition(src, new)
        return Prepared(store_claims._transition_statement(new, sources, True, names), db.engine.dialect)

    prepared = db.sqlite_cached(("transition", new, sources, names), make)
    params = {f"v_{n}": values[n] for n in names}
    params["w_id"] = job_id
    params["w_by"] = by
    rows = prepared.rows(conn, params)
    return JobSnapshot.from_values(JOB_COLUMNS, rows[0]) if rows else None
