"""Demo data for the screenshots: a realistic mix of jobs in every status, with a log, written straight into
the store (the engine is not running, so the picture shows exactly this mix).

This module writes rows the Tracker would never write (finished jobs without running them): it is a fixture,
not part of the window, and the only desktop module besides ``app`` allowed past the Tracker (see
tests/desktop/test_layers.py).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

# declare the job outcome and fetch messages the demo writes, as the engine and the operation would
import core.engine
import core.operations.command
import core.operations.fetch  # noqa: F401
from core.messages import Message, msg

DEMO: list[tuple[str, str, str, int, int | None, int, int, int, float | None, Message | str]] = [
    # operation, label, status, done, total, warnings, errors, minutes ago (created), duration min, message
    ("metadata-import", "Import metadata — spring catalogue.csv", "ACTIVE", 1_830, 4_200, 0, 0, 6, None, ""),
    ("move", "Move /campaigns/2025 → /archive/2025", "ACTIVE", 612, 1_000, 2, 0, 3, None, ""),
    ("fetch", "Fetch 240 product images from the supplier", "ACTIVE", 37, 240, 0, 0, 1, None, ""),
    ("delete", "Delete /tmp-uploads (1 240 assets)", "QUEUED", 0, None, 0, 0, 1, None, ""),
    ("metadata-export", "Export metadata of /products", "SCHEDULED", 0, None, 0, 0, 2, None, ""),
    ("scan", "Scan library “Brand assets”", "SUCCEEDED", 18_452, 18_452, 0, 0, 35, 4.2, ""),
    ("mass-edit", "Set licence = CC-BY on 320 assets", "SUCCEEDED", 320, 320, 7, 0, 58, 0.6, ""),
    ("fetch", "Fetch press kit (52 URLs)", "FAILED", 44, 52, 1, 8, 80, 1.9, msg("job.finished_with_errors", n=8)),
    ("command", "rsync -a /exports/ backup:/exports/", "SUCCEEDED", 0, None, 0, 0, 95, 12.5, ""),
    ("move", "Move /drafts → /published", "STOPPED", 140, 900, 0, 0, 130, 2.2, msg("job.stopped")),
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
        msg("job.interrupted_dead_engine"),
    ),
    ("delete", "Delete duplicates found by scan", "SUCCEEDED", 86, 86, 0, 0, 260, 0.2, ""),
    ("metadata-export", "Export metadata of /campaigns", "SUCCEEDED", 5_400, 5_400, 12, 0, 300, 1.4, ""),
    ("scan", "Scan library “Photo studio”", "SUCCEEDED", 96_210, 96_210, 0, 0, 1_440, 22.0, ""),
    ("command", "make thumbnails", "FAILED", 0, None, 0, 1, 1_500, 0.1, msg("command.exit_code", exit_code=2)),
    ("metadata-import", "Import metadata — autumn.csv", "STOPPING", 900, 3_000, 0, 0, 9, None, ""),
]


def seed_demo(db_url: str | None = None) -> list[int]:
    """Write the demo jobs (and a log for the first failed one) straight into the store."""
    from sqlalchemy import insert, update

    from core.store import jobs, settings
    from core.store.db import Database
    from core.store.schema import Job, JobLog
    from core.users import current_user

    db = Database(db_url)
    user = current_user()

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
            "message": Message.of(message).text,
            "message_data": Message.of(message).to_json(),
            "attempt": 0 if started is None else 1,
            "scheduled_for": now + dt.timedelta(hours=2) if status == "SCHEDULED" else None,
            "result": {"exit_code": 0} if status == "SUCCEEDED" else None,
        }
        with db.connect_write() as conn:
            table = Job.__table__
            conn.execute(update(table).where(table.c.id == snap.id).values(**values))  # type: ignore[arg-type]
        ids.append(snap.id)
    ids.reverse()
    failed = ids[7]
    # the log the real fetch writes: message codes with their arguments, so it reads in the window's language
    lines: list[tuple[str, Message, str | None]] = []
    for i in range(44):
        url = f"https://example.com/press/press-{i:02d}.jpg"
        lines.append(("INFO", msg("fetch.downloaded", name=f"press-{i:02d}.jpg", bytes=2_000_000 + 91_000 * i), url))
        if i % 6 == 5:
            lines.append(
                ("ERROR", msg("fetch.http", status=404, reason="Not Found"), url.replace(f"{i:02d}", f"{i + 1:02d}"))
            )
    lines.insert(10, ("WARNING", msg("fetch.range_ignored"), "https://example.com/press/press-08.jpg"))
    t0 = now - dt.timedelta(minutes=80)
    with db.connect_write() as conn:
        conn.execute(
            insert(JobLog.__table__),  # type: ignore[arg-type]
            [
                {
                    "job_id": failed,
                    "time": t0 + dt.timedelta(seconds=2 * i),
                    "level": lv,
                    "message": m.text,
                    "code": m.code,
                    "args": dict(m.args),
                    "item": item,
                }
                for i, (lv, m, item) in enumerate(lines)
            ],
        )
    db.dispose()
    return ids
