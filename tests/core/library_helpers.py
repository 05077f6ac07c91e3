"""Helpers for the library tests: a sample library on disk, a JobContext for direct runs, the trash's content."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core import library as L
from core.engine import JobContext
from core.operations import registry
from core.store import jobs
from core.store.db import Database

DOCS = {
    "index.md": "# Home\n\nSee [setup](guide/setup.md) and [intro](guide/intro.md#top).\n\n![logo](img/logo.png)\n",
    "guide/setup.md": (
        "---\ntitle: Setup guide\ntags: [install, linux]\nrating: 4\nclient: ACME\n---\n"
        '# Setup\n\nBack [home](../index.md), see ![diagram](../img/diagram.png "D").\n\n'
        "```\n[example](not/a/ref.md)\n```\n\n[def]: intro.md\n"
    ),
    "guide/intro.md": "# Intro\n\nGo to [setup](setup.md) or [outside](https://example.com/x.md).\n",
    "site/page.html": (
        '<html><head><title>Page</title><link rel="stylesheet" href="css/site.css"></head>\n'
        '<body><a href="../index.md">home</a>\n<img src="../img/logo.png"></body></html>\n'
    ),
    "site/css/site.css": "body { background: url('../../img/bg.png'); }\n",
    "img/logo.png": "PNG",
    "img/diagram.png": "PNG",
    "img/bg.png": "PNG",
}


def make_library(
    db: Database, root: Path, files: dict[str, str] | None = None, name: str = "lib", scan: bool = True
) -> L.LibraryInfo:
    for rel, text in (DOCS if files is None else files).items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    info = L.add_library(db, root, name)
    if scan:
        L.scan(db, info)
    return info


def meta(db: Database, lib: L.LibraryInfo, path: str) -> L.Meta:
    """The catalogue's row of ``path`` in ``lib``."""
    with db.connect_read() as conn:
        return L.Meta.of(
            conn.execute(select(L.assets_t).where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == path)).one()
        )


def run_op(db: Database, name: str, params: dict[str, Any]) -> tuple[Any, JobContext]:
    """Run an operation directly (validated like a submission) with a real JobContext of a recorded job."""
    op = registry.get(name)
    from core.operations import OperationEnv

    params = op.validate(params, OperationEnv(db, "tester"))
    snap = jobs.submit(db, name, params, inline_worker="test-inline", validate=False)
    ctx = JobContext(snap, db, flush_interval=0)
    result = op.run(ctx, params)
    ctx.flush()
    return result, ctx


def run_failing(db: Database, name: str, params: dict[str, Any]) -> tuple[Any, JobContext]:
    """Run an operation that must fail (OperationFailed): (the error, with its result, and the context)."""
    from core.errors import OperationFailed
    from core.operations import OperationEnv

    op = registry.get(name)
    params = op.validate(params, OperationEnv(db, "tester"))
    snap = jobs.submit(db, name, params, inline_worker="test-inline", validate=False)
    ctx = JobContext(snap, db, flush_interval=0)
    try:
        op.run(ctx, params)
    except OperationFailed as exc:
        ctx.flush()
        return exc, ctx
    raise AssertionError(f"{name} did not fail")


def log_lines(db: Database, ctx: JobContext, level: str | None = None) -> list[tuple[str, str | None]]:
    return [(e.message, e.item) for e in jobs.log_of(db, ctx.job_id) if level is None or e.level == level]


def all_links_resolve(db: Database, lib: L.LibraryInfo) -> list[str]:
    """Every relative link of every document of the library, re-read from disk, that does not resolve."""
    broken = []
    root = L.real_root(lib)
    for e in L.walk(root):
        kind = L.document_kind(L.media_type(e.rel))
        if e.is_dir or kind is None:
            continue
        for link in L.find_links((root / e.rel).read_text(encoding="utf-8"), kind):
            target = L.link_target(e.rel, link)
            if target is not None and not os.path.lexists(root / target):
                broken.append(f"{e.rel}:{link.line} {link.raw}")
    return broken


def trashed(root: Path) -> dict[str, Path]:
    """What the library's own trash holds: {original path: the item in the trash}."""
    import json

    out = {}
    area = root / L.TRASH_DIR
    for entry in sorted(area.iterdir()) if area.is_dir() else []:
        if entry.is_symlink():
            continue
        record = json.loads((entry / L.RECORD).read_text())
        out[record["path"]] = entry / L.ITEM
    return out
