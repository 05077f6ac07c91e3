"""Render the main window, the details window and each dialog to PNG files, offscreen.

    python -m desktop.screenshots OUTDIR [--lang fr]

A throw-away database (in a temporary folder) is filled with a realistic mix of jobs; the engine is not
started, so the picture shows exactly that mix. ``main-window.png`` is also what README shows
(copy it to resources/screenshots/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEMO = [
    # operation, label, status, done, total, warnings, errors, minutes ago (created), duration min, message
    ("metadata-import", "Import metadata — spring catalogue.csv", "ACTIVE", 1_830, 4_200, 0, 0, 6, None, ""),
    ("move", "Move /campaigns/2025 → /archive/2025", "ACTIVE", 612, 1_000, 2, 0, 3, None, ""),
    ("fetch", "Fetch 240 product images from the supplier", "ACTIVE", 37, 240, 0, 0, 1, None, ""),
    ("delete", "Delete /tmp-uploads (1 240 assets)", "QUEUED", 0, None, 0, 0, 1, None, ""),
    ("metadata-export", "Export metadata of /products", "SCHEDULED", 0, None, 0, 0, 2, None, ""),
    ("scan", "Scan library “Brand assets”", "SUCCEEDED", 18_452, 18_452, 0, 0, 35, 4.2, ""),
    ("mass-edit", "Set licence = CC-BY on 320 assets", "SUCCEEDED", 320, 320, 7, 0, 58, 0.6, ""),
    ("fetch", "Fetch press kit (52 URLs)", "FAILED", 44, 52, 1, 8, 80, 1.9, "finished with 8 error(s)"),
    ("command", "rsync -a /exports/ backup:/exports/", "SUCCEEDED", 0, None, 0, 0, 95, 12.5, ""),
    ("move", "Move /drafts → /published", "STOPPED", 140, 900, 0, 0, 130, 2.2, "stopped by request"),
    (
        "metadata-import",
        "Import metadata — winter.csv",
        "INTERRUPTED",
        2_000,
        6_100,
        0,
        1,
        200,
        8.0,
        "interrupted: the engine running it stopped unexpectedly",
    ),
    ("delete", "Delete duplicates found by scan", "SUCCEEDED", 86, 86, 0, 0, 260, 0.2, ""),
    ("metadata-export", "Export metadata of /campaigns", "SUCCEEDED", 5_400, 5_400, 12, 0, 300, 1.4, ""),
    ("scan", "Scan library “Photo studio”", "SUCCEEDED", 96_210, 96_210, 0, 0, 1_440, 22.0, ""),
    ("command", "make thumbnails", "FAILED", 0, None, 0, 1, 1_500, 0.1, "exit code 2"),
]


def seed_demo(db: Any, user: str) -> list[int]:
    """Write the demo jobs (and a log for the first failed one) straight into the store."""
    from sqlalchemy import insert, update

    from core.store import jobs, settings
    from core.store.schema import Job, JobLog

    settings.ensure_defaults(db)
    try:  # a library for the asset operations' forms, when the library module is there
        from core.library import add_library

        root = Path(os.environ["ASYNCOPS_DATA_DIR"]) / "brand-assets"
        for sub in ("campaigns/2025", "archive", "products"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        add_library(db, root, "brand-assets")
    except ImportError:
        pass
    now = dt.datetime.now(dt.UTC)
    ids = []
    for op, label, status, done, total, warns, errs, ago, minutes, message in reversed(DEMO):
        snap = jobs.submit(
            db,
            op,
            {"library": "brand-assets"},
            owner=user,
            label=label,
            validate=False,
            description=f"{label}, started from the desktop",
        )
        created = now - dt.timedelta(minutes=ago)
        started = None if status in ("QUEUED", "SCHEDULED") else created + dt.timedelta(seconds=3)
        finished = started + dt.timedelta(minutes=minutes) if started and minutes is not None else None
        values = {
            "status": status,
            "progress_done": done,
            "progress_total": total,
            "warnings": warns,
            "errors": errs,
            "created_at": created,
            "started_at": started,
            "finished_at": finished,
            "updated_at": now,
            "message": message,
            "attempt": 0 if started is None else 1,
            "scheduled_for": now + dt.timedelta(hours=2) if status == "SCHEDULED" else None,
            "result": {"exit_code": 0} if status == "SUCCEEDED" else None,
        }
        with db.connect_write() as conn:
            conn.execute(update(Job.__table__).where(Job.__table__.c.id == snap.id).values(**values))
        ids.append(snap.id)
    ids.reverse()
    failed = ids[7]
    lines = [("INFO", "fetching 52 URLs with 4 connections", None)]
    for i in range(44):
        lines.append(("INFO", f"downloaded press-{i:02d}.jpg (2.{i % 9} MB)", f"https://example.com/press-{i:02d}.jpg"))
        if i % 6 == 5 and i < 48:
            lines.append(("ERROR", f"HTTP 404 for press-{i + 1:02d}.jpg", f"https://example.com/press-{i + 1:02d}.jpg"))
    lines.insert(10, ("WARNING", "checksum differs for press-08.jpg: kept the remote file", "press-08.jpg"))
    t0 = now - dt.timedelta(minutes=80)
    with db.connect_write() as conn:
        conn.execute(
            insert(JobLog.__table__),
            [
                {"job_id": failed, "time": t0 + dt.timedelta(seconds=2 * i), "level": lv, "message": msg, "item": item}
                for i, (lv, msg, item) in enumerate(lines)
            ],
        )
    return ids


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

    from core.store.db import Database
    from core.users import current_user
    from desktop import i18n
    from desktop.app import create_window, ensure_app
    from desktop.presentation import finished_message

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

    db = Database()
    ids = seed_demo(db, current_user())
    db.dispose()
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
    dlg.form.fields["library"].set("brand-assets")
    dlg.form.fields["paths"].set("/campaigns/2025")
    dlg.form.fields["destination"].set("/archive")
    dlg.check()
    _settle(app, window)
    save(dlg, "new-operation")
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
    window.confirm_quit = False
    window.close()
    window.ctx.shutdown(1)
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
