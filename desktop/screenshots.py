"""Render the main window, the details window and each dialog to PNG files, offscreen.

    python -m desktop.screenshots OUTDIR [--lang fr]

A throw-away database (in a temporary folder) is filled with a realistic mix of jobs (``desktop.demo``); the
engine is not started, so the picture shows exactly that mix. Rendered: the empty state, the main window with
jobs of every status, the inbox, a job's details with its log, the New operation dialog for every operation,
the Queues, Thresholds and Purge dialogs, and what closing says (the close notice, with and without a tray)
with the tray menu. ``main-window.png`` is also what README shows (copies of the
English and French pictures are kept in resources/screenshots/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _settle(app: Any, window: Any, seconds: float = 1.5) -> None:
    """Let background reads land and the event loop paint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    while not window.ctx.background.idle():
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def render(outdir: Path, lang: str = "en") -> list[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="asyncops-shots-"))
    os.environ["ASYNCOPS_DB"] = str(tmp / "demo.db")
    os.environ["ASYNCOPS_DATA_DIR"] = str(tmp / "data")
    os.environ.setdefault("ASYNCOPS_USER", "marie")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))

    from desktop import i18n
    from desktop.app import create_window, ensure_app
    from desktop.demo import seed_demo
    from desktop.jobs.presentation import finished_message

    app = ensure_app()
    i18n.install(app, lang)
    outdir.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def save(widget: Any, name: str) -> None:
        path = outdir / f"{name}.png"
        widget.grab().save(str(path))
        out.append(path)

    # an empty history first
    empty = create_window(start_engine=False, use_tray=False)
    empty.resize(1100, 600)
    empty.show()
    _settle(app, empty, 0.8)
    save(empty, "empty-state")
    empty.confirm_quit = False
    empty.close()
    empty.ctx.shutdown(1)
    Path(os.environ["ASYNCOPS_DB"]).unlink()

    ids = seed_demo()
    window = create_window(start_engine=False, use_tray=False)
    window.resize(1600, 760)
    window.show()
    _settle(app, window)
    failed = window.model.cached(ids[7])
    if failed is not None:
        window.notifier.notify(finished_message(failed))
    window.table.selectRow(1)
    _settle(app, window, 0.5)
    save(window, "main-window")

    details = window.open_job(ids[7])
    details.resize(980, 720)
    _settle(app, window)
    save(details, "job-details")
    details.close()

    dlg = window.new_operation("move")
    dlg.resize(680, 720)
    assert dlg.form is not None
    dlg.form.fields["library"].set("brand-assets")
    dlg.form.fields["paths"].set("/campaigns/2025")
    dlg.form.fields["destination"].set("/archive")
    dlg.check()
    _settle(app, window)
    save(dlg, "new-operation")
    dlg.reject()
    for name in [op.name for op in window.ctx.tracker.operation_list()]:
        dlg = window.new_operation(name)
        dlg.resize(680, 720)
        if dlg.form is not None and "library" in dlg.form.fields:
            dlg.form.fields["library"].set("brand-assets")
        _settle(app, window, 0.4)
        save(dlg, f"new-operation-{name}")
        dlg.reject()

    for name, opener in (
        ("queues", window.show_queues),
        ("thresholds", window.show_thresholds),
        ("purge", window.show_purge),
    ):
        d = opener()
        _settle(app, window, 0.6)
        save(d, f"dialog-{name}")
        d.reject()

    window.show_inbox(True)
    _settle(app, window, 0.3)
    save(window, "main-window-inbox")
    box = window.close_notice(3)  # no tray: the window closes, the jobs go on
    box.show()
    _settle(app, window, 0.3)
    save(box, "close-notice-no-tray")
    box.close()
    window.confirm_quit = False
    window.quit()
    window.ctx.shutdown(1)

    tray_window = create_window(start_engine=False, use_tray=True)  # with a tray: closing goes to the tray
    _settle(app, tray_window, 0.5)
    box = tray_window.close_notice(3)
    box.show()
    _settle(app, tray_window, 0.3)
    save(box, "close-notice")
    box.close()
    assert tray_window.notifier.tray is not None
    menu = tray_window.notifier.tray.contextMenu()
    menu.adjustSize()
    menu.show()
    _settle(app, tray_window, 0.3)
    save(menu, "tray-menu")
    menu.hide()
    tray_window.confirm_quit = False
    tray_window.quit()
    tray_window.ctx.shutdown(1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    args = parser.parse_args(argv)
    for path in render(args.outdir, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
