"""The engine's state changes on its hot path, as the store writes them (:func:`core.store.claims.transition`),
with SQLite's statements run prepared (:class:`core.store.db.Prepared`): the same compare-and-set statement,
without SQLAlchemy's execution overhead, which costs more than SQLite's own work for a short job."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.engine import Connection

from core.engine import claims
from core.engine.claims import JOB_COLUMNS
from core.records import JobSnapshot, LogEntry
from core.status import TERMINAL, JobStatus, check_transition, sources_of
from core.store import claims as store_claims
from core.store.db import Database, Prepared
from core.store.jobs import append_log
from core.store.schema import Job, utcnow
from core.store.settings import QueueConfig

_jobs = cast(Table, Job.__table__)


class Bound:
    """A statement of the jobs table that returns jobs, prepared and given its values before the writer's transaction:
    :meth:`rows` runs it in the transaction, :meth:`jobs` decodes what it returned once the transaction is over (the
    engine's writer holds the database meanwhile: the less Python in it, the sooner the other slots write)."""

    __slots__ = ("_params", "_prepared")

    def __init__(self, prepared: Prepared, values: Mapping[str, Any]) -> None:
        self._prepared = prepared
        self._params = prepared.parameters(values)

    def rows(self, conn: Connection) -> list[tuple[Any, ...]]:
        return self._prepared.fetch_bound(conn, self._params)

    def count(self, conn: Connection) -> int:
        """For a statement that returns nothing: run it in the transaction; the rows it changed."""
        return int(self._prepared.execute_bound(conn, self._params).rowcount)

    def jobs(self, rows: list[tuple[Any, ...]]) -> list[JobSnapshot]:
        return [JobSnapshot.from_values(JOB_COLUMNS, r) for r in self._prepared.decoded(rows)]


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
    bound = bound_transition(db, job_id, new, by=by, expect=expect, **fields)
    return next(iter(bound.jobs(bound.rows(conn))), None)


def bound_transition(
    db: Database,
    job_id: int,
    new: JobStatus,
    *,
    by: str,
    expect: Iterable[JobStatus] | None = None,
    read_back: bool = True,
    **fields: Any,
) -> Bound:
    """SQLite: :func:`transition`'s statement with its values, to run in a transaction begun later. Without
    ``read_back`` it returns nothing: :meth:`Bound.count` says whether it won (one SQLite step, no row)."""
    sources = frozenset(expect) if expect is not None else sources_of(new)
    values = {"updated_at": utcnow(), **fields}
    if new in TERMINAL:
        values.setdefault("finished_at", values["updated_at"])
    names = tuple(sorted(values))

    def make() -> Prepared:  # once per database and shape of transition
        for src in sources:
            check_transition(src, new)
        stmt = store_claims._transition_statement(new, sources, True, names)
        if not read_back:  # the same compare-and-set, returning nothing
            binds: dict[str, Any] = {n: bindparam(f"v_{n}") for n in names}
            stmt = update(_jobs).where(stmt.whereclause).values(status=str(new), **binds)
        return Prepared(stmt, db.engine.dialect)

    prepared = db.sqlite_cached(("transition", new, sources, names, read_back), make)
    params = {f"v_{n}": values[n] for n in names}
    params["w_id"] = job_id
    params["w_by"] = by
    return Bound(prepared, params)


def bound_claim(db: Database, queue: QueueConfig, worker: str, operations: Sequence[str], share: int | None) -> Bound:
    """SQLite: the claim of one job of ``queue`` by ``worker`` (:func:`core.engine.claims.claim` with ``want=1``:
    the queue's capacity and pause, at most ``share`` jobs of this worker), to run in a transaction begun later."""
    ops = list(operations)
    limit = queue.capacity if share is None else share
    values = {"q": queue.name, "ops": ops, "cap": queue.capacity, "share": limit, "w_worker": worker, "w_now": utcnow()}
    return Bound(db.sqlite_prepared(claims.take_one_sqlite(queue, limit), ops=ops), values)


def write_outcome(
    writer: Callable[[Callable[[Connection], Any]], Any],
    db: Database,
    job_id: int,
    new: JobStatus,
    *,
    by: str,
    expect: Iterable[JobStatus],
    columns: Mapping[str, Any],
    entries: list[LogEntry],
    claim: tuple[QueueConfig, int | None, Sequence[str]] | None,
    may_chain: Callable[[QueueConfig], bool],
    read_back: bool = True,
) -> tuple[bool, JobSnapshot | None, JobSnapshot | None]:
    """SQLite: a job's outcome (its log lines, then :func:`transition`) and, when ``claim`` (the queue, this engine's
    share of it, its operations) is given and ``may_chain(queue)`` says so when the transaction runs, the claim of the
    queue's next job, in one transaction of ``writer`` (the engine's). Returns whether the outcome was written (False:
    the engine lost the job), the job as written (None without ``read_back``: nobody needs it, so the statement
    returns nothing) and the next job claimed (None: none). The statements are given their values before the
    transaction and decoded after it."""
    finish = bound_transition(db, job_id, new, by=by, expect=expect, read_back=read_back, **columns)
    take = bound_claim(db, claim[0], by, claim[2], claim[1]) if claim is not None else None

    def write(conn: Connection) -> tuple[list[Any] | int, list[Any]]:
        append_log(conn, entries)
        done = finish.rows(conn) if read_back else finish.count(conn)  # the row as written, or how many won
        if take is not None and claim is not None and may_chain(claim[0]):
            return done, take.rows(conn)
        return done, []

    done, taken = writer(write)
    snap = next(iter(finish.jobs(done)), None) if isinstance(done, list) else None
    return bool(done), snap, next(iter(take.jobs(taken)), None) if take is not None else None
