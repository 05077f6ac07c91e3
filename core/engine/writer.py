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
from typing import Any, TypeVar, cast

from sqlalchemy.engine import Connection

from core.engine.context import refused_by_database
from core.store.db import Database, WriteBatches

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_GROUP = 64  # writes in one transaction at most


class _Done:
    """A write's outcome, set by whichever thread committed its group (under the writer's lock, which its own
    thread takes next: no other hand-over is needed)."""

    __slots__ = ("done", "error", "result")

    def __init__(self) -> None:
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def set_result(self, result: Any) -> None:
        self.result, self.done = result, True

    def set_exception(self, error: BaseException) -> None:
        self.error, self.done = error, True


_Item = tuple[Callable[[Connection], Any], _Done, Callable[[Any], object] | None]


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

    def __init__(self, db: Database, *, checkpoints: bool = True) -> None:
        self.db = db
        self._pending: list[_Item] = []
        self._pending_lock = threading.Lock()
        self._committing = threading.Lock()  # one group at a time
        self.groups = 0  # transactions committed (a measure for tests and benchmarks)
        self.writes = 0  # writes committed in them
        # one connection kept for the writer's transactions (a PostgreSQL connection lost with the server is replaced
        # at its next use); on SQLite its commits leave the WAL's checkpoints to the engine's housekeeping (copying
        # the WAL back and syncing the files cost a commit that triggered them as much as a hundred commits)
        self._held: WriteBatches | None = db.write_batches(checkpoints=checkpoints).__enter__()

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
        done = _Done()
        with self._pending_lock:
            self._pending.append((work, done, then))
        with self._committing:
            while not done.done:  # not committed by a group before: commit what waits now, up to this one
                if not self._pending:  # pragma: no cover - the group that took it ended by a BaseException
                    raise RuntimeError("a write was lost by the writer")
                self._commit()
        if done.error is not None:
            raise done.error
        return cast(T, done.result)

    def _take(self, room: int) -> list[_Item]:
        with self._pending_lock:
            batch, self._pending = self._pending[:room], self._pending[room:]
        return batch

    def _put_back(self, items: list[_Item]) -> None:
        """Writes taken for this group but not run when one of them failed: first in line for the next group
        (dropped, their threads would wait for a commit that never comes)."""
        if items:
            with self._pending_lock:
                self._pending[:0] = items

    def _commit(self) -> None:
        """One group: the writes waiting once the transaction has begun, and those handed over while it runs them
        (up to MAX_GROUP): slots that finish together share one commit instead of taking turns."""
        group: list[_Item] = []
        results: list[Any] = []
        failed = False
        try:
            with self._transaction() as conn:
                while len(group) < MAX_GROUP and (batch := self._take(MAX_GROUP - len(group))):
                    for index, item in enumerate(batch):
                        group.append(item)
                        try:
                            results.append(item[0](conn))
                        except Exception:
                            failed = True
                            self._put_back(batch[index + 1 :])
                            raise
        except Exception as exc:
            if not group:  # refused before it took any write (BEGIN): the writes waiting now see it
                group = self._take(len(self._pending))
            if failed and refusal(exc) is None:
                # rolled back: that write fails alone, the others are committed without it (what they read and
                # wrote before it is written again the same way)
                group[-1][1].set_exception(exc)
                self._commit_again(group[:-1])
            else:
                self._fail(group, exc)
            return
        self._committed(group, results)

    def _commit_again(self, group: list[_Item]) -> None:
        while group:
            failed: list[int] = []
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
                if failed and refusal(exc) is None:
                    index = failed[0]
                    group[index][1].set_exception(exc)
                    group = group[:index] + group[index + 1 :]
                    continue
                self._fail(group, exc)
                return
            self._committed(group, results)
            return

    def _fail(self, group: list[_Item], exc: BaseException) -> None:
        """The transaction or its commit was refused: every write of the group failed (with the refusal, not what
        a lost connection's clean-up met)."""
        cause = refusal(exc) or exc
        for _, done, _ in group:
            done.set_exception(cause)

    def _committed(self, group: list[_Item], results: list[Any]) -> None:
        self.groups += 1
        self.writes += len(group)
        for (_, _, then), result in zip(group, results, strict=True):
            if then is not None:
                try:
                    then(result)
                except Exception:
                    log.exception("after a committed write")
        for (_, done, _), result in zip(group, results, strict=True):
            done.set_result(result)
