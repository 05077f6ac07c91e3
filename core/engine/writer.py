"""One writer per engine: the outcomes, claims and progress of all its slots committed together.

A slot hands its write (a function of the connection) to the writer. Whoever finds the writer free commits, in
one transaction, every write waiting at that moment, its own and the others' (flat combining): with no contention
a write costs one lock, not a hand-over to another thread; when several slots write together (short jobs), one
commit serves them all. The writer keeps one connection for its transactions (no pool check-out each time; on
SQLite, BEGIN IMMEDIATE and COMMIT go straight to the DB-API connection).

No savepoints: when a write fails for a reason of its own (a value that cannot be stored, a bug), the group's
transaction is rolled back and committed again without it, so that it fails alone while the others commit (writes
are functions of the connection: running one again after a rollback is safe). When the database
refuses (locked, disk full, connection lost), every write of the group sees that error, and its slot writes it
again.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy.engine import Connection

from core.engine.context import refused_by_database
from core.store.db import Database, WriteBatches

log = logging.getLogger(__name__)
T = TypeVar("T")

_Item = tuple[Callable[[Connection], Any], "Future[Any]", Callable[[Any], object] | None]


def refused(exc: BaseException) -> bool:
    """Whether ``exc`` is (or was raised while handling) a write the database refused for now: a connection lost
    in the middle of a transaction surfaces as whatever the clean-up met next, with the refusal as its cause."""
    return refusal(exc) is not None


def refusal(exc: BaseException) -> BaseException | None:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if refused_by_database(cur):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


class Writer:
    """Commits the writes handed to :meth:`write` in groups. Thread-safe."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._pending: list[_Item] = []
        self._pending_lock = threading.Lock()
        self._committing = threading.Lock()  # one group at a time
        self.groups = 0  # transactions committed (a measure for tests and benchmarks)
        self.writes = 0  # writes committed in them
        # one connection kept for the writer's transactions (a PostgreSQL connection lost with the server is replaced
        # at its next use)
        self._held: WriteBatches | None = db.write_batches().__enter__()

    def close(self) -> None:
        with self._committing:
            if self._held is not None:
                self._held.__exit__(None, None, None)
                self._held = None

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._held.transaction() if self._held is not None else self.db.connect_write()

    def write(self, work: Callable[[Connection], T], then: Callable[[T], object] | None = None) -> T:
        """Run ``work(conn)`` in the next group's transaction; returns its result once committed, or raises its
        error (or the commit's). ``then(result)`` runs once it is committed, before any write of the group returns
        (an event that must come before what the group's other writes will publish: a job created, then claimed)."""
        future: Future[T] = Future()
        with self._pending_lock:
            self._pending.append((work, future, then))
        with self._committing:
            if not future.done():  # not committed by the group before: commit what waits now, this one included
                with self._pending_lock:
                    group, self._pending = self._pending, []
                self._commit(group)
        return future.result()

    def _commit(self, group: list[_Item]) -> None:
        while group:
            failed: list[int] = []  # the index of a write that failed for a reason of its own
            try:
                with self._transaction() as conn:
                    results = []
                    for index, (work, _, _) in enumerate(group):
                        try:
                            results.append(work(conn))
                        except Exception:
                            failed.append(index)
                            raise
            except Exception as exc:
                cause = refusal(exc)
                if cause is None and failed:
                    # rolled back: that write fails alone, the others are committed without it (what they read
                    # and wrote before it is written again the same way)
                    index = failed[0]
                    group[index][1].set_exception(exc)
                    group = group[:index] + group[index + 1 :]
                    continue
                for _, future, _ in group:  # the transaction or its commit was refused: every write of the group failed
                    future.set_exception(cause or exc)  # the refusal, not what a lost connection's clean-up met
                return
            self.groups += 1
            self.writes += len(group)
            for (_, _, then), result in zip(group, results, strict=True):
                if then is not None:
                    try:
                        then(result)
                    except Exception:
                        log.exception("after a committed write")
            for (_, future, _), result in zip(group, results, strict=True):
                future.set_result(result)
            return
