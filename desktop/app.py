"""The desktop application: QApplication, the qasync loop, the Tracker with its local engine, the window and
the tray.

This is the one module that creates core objects: a ``Tracker`` (the window's only door into the core) and
the local ``Engine`` attached to it, which runs the launches whose plan says "now".

``create_window(db_url)`` builds the main window with its engine and job cache without entering the event loop
(tests, screenshots and the benchmark use it); ``main()`` is what ``asyncops`` without arguments runs::

    qasync.run(run_window(app))        # asyncio.run(..., loop_factory=QEventLoop) on Python 3.12+

The engine runs jobs on its own threads in this process; ``shutdown`` is safe to call twice and stops the
engine gracefully off the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core.api import Tracker
from core.engine import Engine
from core.errors import AsyncopsError
from core.store.db import DatabaseError
from desktop import i18n, icons, prefs
from desktop.jobs import presentation as P
from desktop.main_window import MainWindow
from desktop.services.background import Background
from desktop.services.job_cache import JobCache

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What the window's parts share: the Tracker, the background door and the job cache. The engine is
    here only to be stopped when the window closes (and to say which jobs it still runs)."""

    tracker: Tracker
    engine: Engine
    background: Background
    cache: JobCache
    admin: bool
    closed: bool = False

    @property
    def user(self) -> str:
        return self.tracker.user

    @property
    def bridge(self) -> JobCache:
        """The former name of the job cache (bench/gui.py reads ``flushes`` through it)."""
        return self.cache

    def running_ids(self) -> list[int]:
        return list(self.engine.running_ids())

    def close_gui(self) -> None:
        """Stop listening and polling (GUI thread: it stops Qt timers)."""
        if not self.closed:
            self.closed = True
            self.cache.close()
            self.background.shutdown()

    def stop_engine(self, grace: float = 10.0) -> None:
        """Stop the engine (running jobs get ``grace`` seconds); blocking, any thread; safe twice. The
        database is closed once no background read still uses it."""
        self.engine.shutdown(grace)
        self.background.join()
        self.tracker.close()

    def shutdown(self, grace: float = 10.0) -> None:
        """Both, from the GUI thread (tests, screenshots, the benchmark); idempotent."""
        self.close_gui()
        self.stop_engine(grace)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(prefs.ORGANIZATION)
    QCoreApplication.setApplicationName("asyncops")
    app.setApplicationDisplayName("asyncops")
    app.setDesktopFileName("asyncops")
    app.setWindowIcon(icons.app_icon())
    return app


def create_window(
    db_url: str | None = None,
    *,
    use_tray: bool | None = None,
    start_engine: bool = True,
    engine_options: dict[str, Any] | None = None,
) -> MainWindow:
    """The main window with its Tracker, engine and job cache, loading its job list in the background; not shown.

    Call ``window.ctx.shutdown()`` (or close the window under ``main``) to stop the engine."""
    ensure_app()
    tracker = Tracker(db_url)
    P.set_labeler(tracker.display_label)  # generated labels read in the window's language
    engine = Engine(tracker.db, bus=tracker.bus, **(engine_options or {}))  # it publishes on the Tracker's bus
    tracker.attach(engine)
    if start_engine:
        engine.start()
    background = Background()
    cache = JobCache(tracker, background, all_users=False)
    ctx = AppContext(tracker, engine, background, cache, admin=False)  # until the database says otherwise
    window = MainWindow(ctx, use_tray=use_tray)
    background.setParent(window)
    cache.setParent(window)
    window.start()
    cache.start()
    background.run(lambda: tracker.admin, on_success=window.set_admin, owner=window)  # it reads the database
    return window


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Errors in slots and tasks are logged and shown, never silently lost."""
    log.error("unhandled error", exc_info=(kind, exc, tb))
    text = "".join(traceback.format_exception(kind, exc, tb))
    sys.__stderr__.write(text) if sys.__stderr__ else None
    app = QApplication.instance()
    if app is not None and not getattr(_excepthook, "showing", False):
        _excepthook.showing = True  # type: ignore[attr-defined]
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, "asyncops", f"{kind.__name__}: {exc}")
            box.setDetailedText(text)
            box.exec()
        finally:
            _excepthook.showing = False  # type: ignore[attr-defined]


async def run_window(app: QApplication, db_url: str | None = None, open_job: int | None = None) -> int:
    window = create_window(db_url)
    window.show()
    if open_job is not None:  # started from a clicked asyncops://job/ID link
        window.open_job(open_job)
    closing = asyncio.Event()
    window.closed.connect(closing.set)
    app.aboutToQuit.connect(closing.set)
    app.setQuitOnLastWindowClosed(False)  # we quit once the engine has stopped
    await closing.wait()
    loop = asyncio.get_running_loop()
    window.ctx.close_gui()
    await loop.run_in_executor(None, window.ctx.stop_engine, 10.0)  # the engine stops off the GUI thread
    return 0


def main(argv: list[str] | None = None, open_job: int | None = None) -> int:
    import qasync

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its migration INFO lines are not news at every start
    if QApplication.instance() is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = ensure_app(argv)
    i18n.install(app)
    sys.excepthook = _excepthook
    try:
        return qasync.run(run_window(app, open_job=open_job))
    except AsyncopsError as exc:  # the database is unreachable…
        QMessageBox.critical(None, "asyncops", i18n.tr_message(exc.message))
        return exc.exit_code
    except DatabaseError as exc:  # the database cannot be opened as asked (its text is English only)
        QMessageBox.critical(None, "asyncops", str(exc))
        return 2
    except asyncio.CancelledError:
        return 0
