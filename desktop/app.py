"""The desktop application: QApplication, the qasync loop, the Tracker, the window and the tray.

This is the one module that creates core objects: a ``Tracker``, the window's only door into the core. The
window runs no job: jobs run in the local engine service (``asyncops engine serve``, or a foreground
``asyncops worker``), which the window finds or starts at launch (off the GUI thread; not under
``ASYNCOPS_NO_AUTOSTART=1``) and whose events it hears through the engine's local channel, with a database poll
as the fallback (see ``JobCache``). Closing the window leaves the jobs running in the engine.

``create_window(db_url)`` builds the main window with its job cache without entering the event loop (tests,
screenshots and the benchmark use it); ``main()`` is what ``asyncops`` without arguments runs::

    qasync.run(run_window(app))        # asyncio.run(..., loop_factory=QEventLoop) on Python 3.12+

One window per user and database: ``run_window`` first listens on the single-instance name; when another
window has it, the request (open job N, or only raise) is handed to that window and this process exits 0.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox

from core.api import Tracker, registry
from core.errors import AsyncopsError
from core.store.db import DatabaseError
from desktop import i18n, icons, prefs
from desktop.jobs import presentation as P
from desktop.services.background import Background
from desktop.services.handoff import window_socket
from desktop.services.job_cache import JobCache
from desktop.services.single import InstanceServer

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)
GUI_SWITCH_INTERVAL = 0.001  # seconds (sys.setswitchinterval)


@dataclass
class AppContext:
    """What the window's parts share: the Tracker, the background door and the job cache. There is no engine
    here: the jobs run in the local engine service, which outlives the window."""

    tracker: Tracker
    background: Background
    cache: JobCache
    admin: bool
    closed: bool = False
    engine_state: str = ""  # what the start found: running, started, disabled or failed ("" until known)

    @property
    def user(self) -> str:
        return self.tracker.user

    @property
    def bridge(self) -> JobCache:
        """The former name of the job cache (bench/gui.py reads ``flushes`` through it)."""
        return self.cache

    def close_gui(self) -> None:
        """Stop listening and polling (GUI thread: it stops Qt timers and the engine channel)."""
        if not self.closed:
            self.closed = True
            _StartupObjects.freeze()  # closed before its first list came
            self.cache.close()
            self.background.shutdown()

    def release(self) -> None:
        """Close the database once no background read still uses it (blocking, any thread; safe twice). The
        engine and its jobs are not touched: they go on."""
        self.background.join()
        self.tracker.close()

    def shutdown(self, grace: float = 10.0) -> None:
        """Both, from the GUI thread (tests, screenshots, the benchmark); idempotent. ``grace`` is unused (the
        window stops no engine); kept for callers of the former signature."""
        self.close_gui()
        self.release()


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    # The window's reading threads (the job cache's reads, the engine's channel) run Python too: the GUI thread
    # waits for the interpreter lock at most 1 ms behind them, not Python's default 5 ms.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    QCoreApplication.setOrganizationName(prefs.ORGANIZATION)
    QCoreApplication.setApplicationName("asyncops")
    app.setApplicationDisplayName("asyncops")
    app.setDesktopFileName("asyncops")
    app.setWindowIcon(icons.app_icon())
    return app


def create_window(db_url: str | None = None, *, use_tray: bool | None = None, start_engine: bool = True) -> MainWindow:
    """The main window with its Tracker and job cache, loading its job list in the background; not shown.

    With ``start_engine`` it finds the local engine, or starts it unless ``ASYNCOPS_NO_AUTOSTART`` is set (in the
    background); it always listens to whichever engine serves the database. ``window.ctx.shutdown()`` releases
    the database (the engine and its jobs go on)."""
    ensure_app()
    _StartupObjects.pause()
    # The database is opened (and checked, which SQLite does without the interpreter lock) on a thread, while this
    # one imports the window and the operations (the window lists them, and a job's label is its operation's)
    # and loads the fonts.
    opening = ThreadPoolExecutor(1, thread_name_prefix="asyncops-gui-open")
    try:
        future = opening.submit(Tracker, db_url)
        from desktop.main_window import MainWindow

        registry.all()
        QFontMetrics(QApplication.font()).horizontalAdvance("0")
        tracker = future.result()
    except BaseException:
        _StartupObjects.freeze()  # no window: the collector resumes
        raise
    finally:
        opening.shutdown(wait=False)
    tracker.service_client = True  # what the window queues wakes the local engine (it runs nothing itself)
    P.set_labeler(tracker.display_label)  # generated labels read in the window's language
    background = Background()
    cache = JobCache(tracker, background, all_users=False)
    ctx = AppContext(tracker, background, cache, admin=False)  # until the database says otherwise
    window = MainWindow(ctx, use_tray=use_tray)
    background.setParent(window)
    cache.setParent(window)
    window.model.loaded.connect(_StartupObjects.freeze)
    window.model.loadFailed.connect(_StartupObjects.freeze)

    def rest() -> None:
        """After the first list: its read went alone (the interpreter is shared by the reading threads)."""
        background.run(lambda: tracker.admin, on_success=window.set_admin, owner=window)  # it reads the database
        if start_engine:
            background.run(tracker.ensure_engine, on_success=lambda st: _engine_found(window, st), owner=window)

    window.after_first_list(rest)
    window.start()
    cache.start()
    return window


class _StartupObjects:
    """The garbage collector during start-up. Start-up makes many objects that live as long as the window (modules,
    classes, widgets, the list of ids): each full collection walks all of them, which took 40 ms during start-up
    and froze the window as long at each later one. So the first window of a process starts with the collector
    paused, and once its first list is shown, what exists then moves out of its sight (``gc.freeze``) and it
    resumes: what is made later is collected as usual."""

    state = "new"  # new -> paused -> done

    @classmethod
    def pause(cls) -> None:
        if cls.state == "new" and gc.isenabled():
            cls.state = "paused"
            gc.disable()

    @classmethod
    def freeze(cls, *_: Any) -> None:
        if cls.state == "paused":
            cls.state = "done"
            gc.freeze()
            gc.enable()


def _engine_found(window: MainWindow, status: Any) -> None:
    """What the start found: an engine serving the database, one just started, auto-start off, or a failure
    (then the window says so: jobs would wait)."""
    window.ctx.engine_state = str(status.state)
    log.info("local engine: %s %s", status.state, status.detail or status.pid or "")
    if window.ctx.engine_state == "failed":
        text = QCoreApplication.translate(
            "AppContext", "Queued jobs wait until an engine runs (asyncops worker). Details: %1 (see %2)"
        )
        title = QCoreApplication.translate("AppContext", "The background engine could not start")
        window.show_error(title, text.replace("%1", status.detail).replace("%2", status.log))


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
    try:
        server: InstanceServer | None = InstanceServer(window_socket(db_url))
    except OSError as exc:  # no private folder for the name: a window all the same, without the single instance
        log.warning("no single-instance name (%s)", exc)
        server = None
    if server is not None and not server.listen():  # another window has this user and database: it takes over
        return 0 if server.hand_off(open_job) else 2
    window = create_window(db_url)
    if server is not None:
        server.setParent(window)
        server.requested.connect(window.handle_request)
    window.show()
    if open_job is not None:  # started from a clicked asyncops://job/ID link
        window.open_job(open_job)
    closing = asyncio.Event()
    window.closed.connect(closing.set)
    app.aboutToQuit.connect(closing.set)
    app.setQuitOnLastWindowClosed(False)  # a window hidden in the tray keeps the application
    await closing.wait()
    if server is not None:
        server.close()
    window.ctx.close_gui()
    await asyncio.get_running_loop().run_in_executor(None, window.ctx.release)  # the jobs go on in the engine
    window.deleteLater()  # with its tray icon and single-instance server
    return 0


def main(argv: list[str] | None = None, open_job: int | None = None) -> int:
    import qasync

    # quiet by default: warnings and errors only; `asyncops -v` shows the INFO lines (migrations, the engine…)
    verbose = bool(os.environ.get("ASYNCOPS_VERBOSE"))
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
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
