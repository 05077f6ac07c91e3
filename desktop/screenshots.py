"""Render the main window, the details window and each dialog to PNG files, offscreen.

    python -m desktop.screenshots OUTDIR [--lang fr] [--size 1280x720 --size 1920x1080]

A throw-away database (in a temporary folder) is filled with a realistic mix of jobs (``desktop.demo``); the
engine is not started, so the picture shows exactly that mix. Rendered: the empty state, the main window with
jobs of every status, the inbox, a job's details with its log, the New operation dialog for every operation,
the Queues, Thresholds and Purge dialogs, and what closing says (the close notice, with and without a tray)
with the tray menu. ``main-window.png`` is also what README shows (copies of the English and French pictures
are kept in resources/screenshots/). Each ``--size`` also renders the main window and the details window at
that screen size (``main-window-1280x720.png``, ``job-details-1280x720.png``).
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


def _quiet_platform() -> None:
    """The offscreen platform warns that it has no window manager (size hints, raising): not our code talking."""
    from PySide6.QtCore import qInstallMessageHandler

    previous: list[Any] = []

    def handler(mode: Any, context: Any, message: str) -> None:
        if "This plugin does not support" in message or "systemTrayWindowChanged" in message:
            return
        sys.stderr.write(message + "\n")

    previous.append(qInstallMessageHandler(handler))


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    if not (w.isdigit() and h.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT (1280x720)")
    return int(w), int(h)


def render(outdir: Path, lang: str = "en", sizes: tuple[tuple[int, int], ...] = ()) -> list[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="asyncops-shots-"))
    os.environ["ASYNCOPS_DB"] = str(tmp / "demo.db")
    os.environ["ASYNCOPS_DATA_DIR"] = str(tmp / "data")
    os.environ.setdefault("ASYNCOPS_USER", "marie")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # a picture of the demo: no engine may run its jobs, nor outlive this process (queueing would start one)
    os.environ["ASYNCOPS_NO_AUTOSTART"] = "1"
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))

    from desktop import i18n
    from desktop.app import create_window, ensure_app
    from desktop.demo import seed_demo
    from desktop.jobs.presentation import finished_message

    _quiet_platform()
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
    ask = dlg.ask_save_profile()
    ask.name.setText("archive-campaigns")
    ask.schedule.setText("0 3 * * 6")
    _settle(app, window, 0.4)
    save(ask, "dialog-save-profile")
    ask.reject()
    dlg.reject()
    offered = [op.name for op in window.ctx.tracker.operation_list(public=True)]
    for name in offered:
        dlg = window.new_operation(name)
        dlg.resize(680, 720)  # the demo's only library is chosen by itself
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

    # workflows: saved profiles (one on a schedule), a chain's run seen from one of its steps, the timeline
    wf = window.ctx.tracker.workflows
    for name, cmd, schedule in (
        ("supplier-fetch", "echo fetch", "0 2 * * *"),
        ("catalogue-scan", "echo scan", None),
        ("nightly-report", "echo report", None),
    ):
        wf.save_profile(name, "command", {"cmd": cmd}, label=name.replace("-", " ").capitalize(), schedule=schedule)
    wf.save_chain("nightly", ["supplier-fetch", "catalogue-scan"], finally_profile="nightly-report")
    steps = wf.run_chain("nightly")
    _settle(app, window, 0.8)
    profiles = window.show_profiles()
    profiles.resize(1100, 600)
    _settle(app, window, 0.8)
    save(profiles, "profiles")
    from desktop.profiles.chain_dialog import ChainDialog

    chain = ChainDialog(
        tracker=window.ctx.tracker,
        background=window.ctx.background,
        profiles=["catalogue-scan", "nightly-report", "supplier-fetch"],
        parent=profiles,
    )
    chain.name.setText("weekly")
    for row in (2, 0):
        chain.available.setCurrentRow(row)
        chain.add_step()
    chain.finally_profile.setCurrentIndex(2)
    chain.schedule.setText("0 4 * * 0")
    chain.show()
    _settle(app, window, 0.4)
    save(chain, "dialog-new-chain")
    chain.reject()
    profiles.reject()
    details = window.open_job(steps[1].id)
    details.resize(980, 720)
    _settle(app, window, 1.0)
    save(details, "job-details-chain")
    details.close()
    timeline = window.show_timeline()
    timeline.resize(1280, 520)
    _settle(app, window, 1.2)
    save(timeline, "timeline")
    timeline.close()

    for width, height in sizes:
        window.resize(width, height)
        _settle(app, window, 0.5)
        save(window, f"main-window-{width}x{height}")
        details = window.open_job(ids[7])
        details.resize(width, height)
        _settle(app, window, 0.8)
        save(details, f"job-details-{width}x{height}")
        details.close()
        timeline = window.show_timeline()
        timeline.resize(width, height)
        _settle(app, window, 1.0)
        save(timeline, f"timeline-{width}x{height}")
        timeline.close()

    window.show_inbox(True)
    _settle(app, window, 0.3)
    save(window.inbox_dock, "inbox")  # a popup: a window of its own
    window.show_inbox(False)
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
    parser.add_argument("--size", type=parse_size, action="append", default=[], help="also render at WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    for path in render(args.outdir, args.lang, tuple(args.size)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
