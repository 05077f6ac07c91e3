"""The desktop application: QApplication, the qasync loop, the in-process engine, the window and the tray.

``create_window(db_url)`` builds the main window with its engine and bridge without entering the event loop
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

from core.engine import Engine
from core.events import EventBus
from core.store.db import Database, DatabaseError
from core.users import current_user, is_admin
from desktop import i18n, icons, prefs
from desktop.background import Background
from desktop.bridge import EventBridge
from desktop.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What the window's parts share: the database, the engine and its bus, the background door, the bridge."""

    db: Database
    bus: EventBus
    engine: Engine
    background: Background
    bridge: EventBridge
    user: str
    admin: bool
    closed: bool = False

    def close_gui(self) -> None:
        """Stop listening and polling (GUI thread: it stops Qt timers)."""
        if not self.closed:
            self.closed = True
            self.bridge.close()
            self.background.shutdown()

    def stop_engine(self, grace: float = 10.0) -> None:
        """Stop the engine (running jobs get ``grace`` seconds); blocking, any thread; safe twice."""
        self.engine.shutdown(grace)
        self.db.dispose()

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
    """The main window with its engine and bridge, loading its job list in the background; not shown.

    Call ``window.ctx.shutdown()`` (or close the window under ``main``) to stop the engine."""
    ensure_app()
    db = Database(db_url)
    bus = EventBus()  # the engine publishes on it, the bridge listens
    engine = Engine(db, bus=bus, **(engine_options or {}))
    if start_engine:
        engine.start()
    background = Background()
    user = current_user()
    admin = is_admin(db, user)
    bridge = EventBridge(db, bus, background, user=user, all_users=admin)
    ctx = AppContext(db, bus, engine, background, bridge, user, admin)
    window = MainWindow(ctx, use_tray=use_tray)
    background.setParent(window)
    bridge.setParent(window)
    window.start()
    bridge.start()
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
    if QApplication.instance() is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = ensure_app(argv)
    i18n.install(app)
    sys.excepthook = _excepthook
    try:
        return qasync.run(run_window(app, open_job=open_job))
    except DatabaseError as exc:
        QMessageBox.critical(None, "asyncops", str(exc))
        return 2
    except asyncio.CancelledError:
        return 0
