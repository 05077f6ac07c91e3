"""desktop.app.main(): the qasync loop runs the window; closing it releases the window and leaves the engine
(and its jobs) running."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

from core.store import jobs


def test_main_runs_the_window_under_qasync_and_leaves_the_engine(
    qtbot: Any, db: Any, engine_proc: Any, monkeypatch: Any
) -> None:
    import desktop.app as app_module

    made: list[Any] = []
    original = app_module.create_window

    def create_window(*args: Any, **kw: Any) -> Any:
        kw.setdefault("use_tray", False)
        window = original(*args, **kw)
        window.confirm_quit = False
        made.append(window)
        engine_proc.submit("command", {"cmd": "true"})

        def close_when_done() -> None:
            snaps = jobs.list_jobs(window.ctx.tracker.db, with_reasons=False)
            if snaps and snaps[0].status.is_terminal and window.model.cached(snaps[0].id) is not None:
                window.close()
            else:
                QTimer.singleShot(50, close_when_done)

        QTimer.singleShot(50, close_when_done)
        return window

    monkeypatch.setattr(app_module, "create_window", create_window)
    monkeypatch.setattr(app_module.i18n, "install", lambda app, preference=None: "en")
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    assert app_module.main([]) == 0
    window = made[0]
    assert window.ctx.closed
    assert jobs.list_jobs(db)[0].status == "SUCCEEDED"
    assert engine_proc.proc.poll() is None  # the window's end is not the engine's
