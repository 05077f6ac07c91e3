"""One writer per engine: the outcomes and claims of all its slots committed together.

A slot hands its write (a function of the connection) to the writer and waits for the commit. The writer takes
every write waiting at that moment and runs them in one transaction, each in a savepoint of its own, so a write
that fails (a value that cannot be stored) fails alone while the others commit. When the commit itself is refused
(locked, disk full), every write of the group sees that error, and its slot writes it again.

With one slot, or slots that finish at different moments, a group is one write: nothing waits for a group to
fill. When several slots finish together (short jobs), one commit serves them all.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from sqlalchemy.engine import Connection

from core.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_GROUP = 64

_Item = tuple[Callable[[Connection], Any], "Future[Any]"]


class Writer:
    """A thread that commits the writes handed to :meth:`write` in groups. Thread-safe."""

    def __init__(self, db: Database, name: str = "asyncops-writer") -> None:
        self.db = db
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._closed = threading.Event()
        self.groups = 0  # transactions committed (a measure for tests and benchmarks)
        self.writes = 0  # writes committed in them

    def start(self) -> Writer:
        self._thread.start()
        return self

    def close(self) -> None:
        """Commit what was handed over, then stop; later writes run in their caller's thread."""
        if not self._closed.is_set():
            self._closed.set()
            self._queue.put(None)
            if self._thread.is_alive():  # an engine shut down without being started never started its writer
                self._thread.join(10)

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work(conn)`` in the next group's transaction; returns its result once committed, or raises its
        error (or the commit's)."""
        if self._closed.is_set() or not self._thread.is_alive():
            with self.db.connect_write() as conn:
                return work(conn)
        future: Future[T] = Future()
        self._queue.put((work, future))
        while True:
            try:
                return future.result(timeout=1.0)
            except FutureTimeout:
                if self._thread.is_alive() or future.done():
                    continue
            # handed over just as the writer ended: nobody will run it but this thread
            with self.db.connect_write() as conn:
                return work(conn)

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                break
            group = [first]
            stop = False
            while len(group) < MAX_GROUP:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                group.append(item)
            self._commit(group)
            if stop:
                break
        while True:  # handed over while closing: run them alone
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                self._commit([item])

    def _commit(self, group: list[_Item]) -> None:
        outcomes: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            with self.db.connect_write() as conn:
                for work, future in group:
                    savepoint = conn.begin_nested()
                    try:
                        result = work(conn)
                    except Exception as exc:
                        savepoint.rollback()
                        outcomes.append((future, None, exc))
                    else:
                        savepoint.commit()
                        outcomes.append((future, result, None))
        except Exception as exc:  # the transaction or its commit was refused: every write of the group failed
            for _, future in group:
                future.set_exception(exc)
            return
        self.groups += 1
        self.writes += sum(1 for _, _, error in outcomes if error is None)
        for future, result, error in outcomes:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)
