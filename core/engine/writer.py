"""One writer per engine: the outcomes, claims and progress of all its slots committed together.

A slot hands its write (a function of the connection) to the writer. Whoever finds the writer free commits, in
one transaction, every write waiting at that moment, its own and the others' (flat combining): with no contention
a write costs one lock, not a hand-over to another thread; when several slots write together (short jobs), one
commit serves them all. Each write runs in a savepoint of its own, so one that fails (a value that cannot be
stored) fails alone while the others commit. When the commit itself is refused (locked, disk full), every write
of the group sees that error, and its slot writes it again.
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

_Item = tuple[Callable[[Connection], Any], "Future[Any]"]


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
        # PostgreSQL: one connection kept for the writer's transactions (no pool check-out and ping each time; a
        # connection lost with the server is replaced at its next use)
        self._held: WriteBatches | None = None if db.is_sqlite else db.write_batches().__enter__()

    def close(self) -> None:
        with self._committing:
            if self._held is not None:
                self._held.__exit__(None, None, None)
                self._held = None

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._held.transaction() if self._held is not None else self.db.connect_write()

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work(conn)`` in the next group's transaction; returns its result once committed, or raises its
        error (or the commit's)."""
        future: Future[T] = Future()
        with self._pending_lock:
            self._pending.append((work, future))
        with self._committing:
            if not future.done():  # not committed by the group before: commit what waits now, this one included
                with self._pending_lock:
                    group, self._pending = self._pending, []
                self._commit(group)
        return future.result()

    def _commit(self, group: list[_Item]) -> None:
        if len(group) == 1:  # alone: its own transaction is its savepoint
            work, future = group[0]
            try:
                with self._transaction() as conn:
                    result = work(conn)
            except Exception as exc:
                future.set_exception(refusal(exc) or exc)
                return
            self.groups += 1
            self.writes += 1
            future.set_result(result)
            return
        outcomes: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            with self._transaction() as conn:
                for work, future in group:
                    savepoint = conn.begin_nested()
                    try:
                        result = work(conn)
                    except Exception as exc:
                        if refused(exc):  # the connection or the server is gone: the whole group is refused
                            raise
                        savepoint.rollback()
                        outcomes.append((future, None, exc))
                    else:
                        savepoint.commit()
                        outcomes.append((future, result, None))
        except Exception as exc:  # the transaction or its commit was refused: every write of the group failed
            refused_by = refusal(exc) or exc  # the refusal, not what a lost connection's clean-up met
            for _, future in group:
                future.set_exception(refused_by)
            return
        self.groups += 1
        self.writes += sum(1 for _, _, error in outcomes if error is None)
        for future, result, error in outcomes:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)
