"""Background work has one door (Anki's ``CollectionOp``): the GUI never calls blocking core code directly.

``Background.run(fn, *args, on_success=..., on_failure=..., owner=...)`` runs ``fn`` on a small thread pool
and calls back on the GUI thread through a queued Qt signal. A callback whose ``owner`` QObject was deleted
meanwhile is dropped, so a closed dialog never receives a late answer.

Signals:
    busyChanged(bool): some work is (or no longer is) in flight; tests wait on ``idle()``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class Background(QObject):
    busyChanged = Signal(bool)
    _finished = Signal(object, object, object)  # token, result, exception

    def __init__(self, workers: int = 3, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="asyncops-gui-io")
        self._lock = threading.Lock()
        self._pending = 0
        self._callbacks: dict[int, tuple[Callback | None, Callback | None, QObject | None]] = {}
        self._next = 0
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_failure: Callback | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` off the GUI thread; callbacks run on the GUI thread."""
        if self._closed:
            future: Future[Any] = Future()
            future.set_exception(RuntimeError("the window is closing"))
            return future
        self._next += 1
        token = self._next
        self._callbacks[token] = (on_success, on_failure, owner)
        with self._lock:
            self._pending += 1
            first = self._pending == 1
        if first:
            self.busyChanged.emit(True)

        def work() -> Any:
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # handed to on_failure on the GUI thread
                self._emit_done(token, None, exc)
                raise
            self._emit_done(token, result, None)
            return result

        return self._pool.submit(work)

    def _emit_done(self, token: int, result: Any, exc: BaseException | None) -> None:
        if shiboken6.isValid(self):
            self._finished.emit(token, result, exc)

    @Slot(object, object, object)
    def _deliver(self, token: int, result: Any, exc: BaseException | None) -> None:
        on_success, on_failure, owner = self._callbacks.pop(token, (None, None, None))
        try:
            if owner is not None and not shiboken6.isValid(owner):
                return
            if exc is None:
                if on_success is not None:
                    on_success(result)
            elif on_failure is not None:
                on_failure(exc)
            else:
                log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
        finally:
            with self._lock:
                self._pending -= 1
                idle = self._pending == 0
            if idle:
                self.busyChanged.emit(False)

    def idle(self) -> bool:
        with self._lock:
            return self._pending == 0

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def join(self) -> None:
        """Wait for the work in flight to end (short database reads), so that the database it uses can be
        closed after it; callbacks are no longer delivered once shut down."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
