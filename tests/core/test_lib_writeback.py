"""metadata-writeback: edits written into front matter, <meta> and XMP sidecars; dry run, threshold, undo."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from core import library as L
from core.operations import OperationEnv, registry
from core.store import jobs
from core.store.db import Database
from tests.core.library_helpers import make_library, run_op

FILES = {
    "doc.md": "---\ntitle: Old\nauthor: me\n---\n# Body\n",
    "page.html": "<html><head><title>Old page</title></head><body>x</body></html>\n",
    "photo.jpg": "JPEG",
    "data.bin": "BIN",
}


def edits_of(db: Database, lib: L.LibraryInfo, path: str) -> dict:
    with db.connect_read() as conn:
        return dict(
            conn.execute(
                select(L.assets_t.c.edits).where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == path)
            ).scalar()
            or {}
        )


def test_writeback_writes_each_format_and_undo_puts_everything_back(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    lib = make_library(db, root, FILES)
    run_op(
        db,
        "mass-edit",
        {"library": "lib", "filter": "glob:*", "set": '{"dc:title": "New title", "rating": 4}', "add_tags": "a,b"},
    )
    op = registry.get("metadata-writeback")
    env = OperationEnv(db, "tester")
    params = op.validate({"library": "lib"}, env)
    report = op.dry_run(env, params)
    assert report.counts == {"assets": 3}
    assert "photo.jpg: title, rating, tags → photo.xmp" in report.details
    assert "data.bin: its type keeps no metadata in the file; the edits stay in the catalogue" in report.details
    assert (root / "doc.md").read_text().startswith("---\ntitle: Old")  # a dry run writes nothing
    assert op.estimate(env, params) == {"assets": 4}
    result, _ = run_op(db, "metadata-writeback", params)
    doc = (root / "doc.md").read_text()
    assert doc.startswith("---\ntitle: New title\nauthor: me\n") and "rating: 4" in doc and doc.endswith("# Body\n")
    page = (root / "page.html").read_text()
    assert "<title>New title</title>" in page and '<meta name="keywords" content="a, b">' in page
    xmp = L.parse_xmp((root / "photo.xmp").read_bytes())
    assert (xmp.title, xmp.tags, xmp.rating) == ("New title", ["a", "b"], 4)
    # the file now carries the values: no edit left for them, and reading the files again changes nothing
    assert edits_of(db, lib, "doc.md") == {} and edits_of(db, lib, "photo.jpg") == {}
    run_op(db, "scan", {"library": "lib", "force": True})
    with db.connect_read() as conn:
        title = conn.execute(select(L.assets_t.c.title).where(L.assets_t.c.path == "photo.jpg")).scalar()
    assert title == "New title"
    # undo: the files as they were, the sidecar it created removed, the edits back in the catalogue
    name, undo = op.undo(result, params)
    run_op(db, name, undo)
    assert (root / "doc.md").read_text() == FILES["doc.md"]
    assert (root / "page.html").read_text() == FILES["page.html"]
    assert not (root / "photo.xmp").exists()
    assert edits_of(db, lib, "doc.md")["title"] == {"f": "Old"}  # what the file said; the value is the column
    with db.connect_read() as conn:
        title = conn.execute(select(L.assets_t.c.title).where(L.assets_t.c.path == "doc.md")).scalar()
    assert title == "New title"


def test_writeback_threshold(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {f"d{i}.md": "x" for i in range(101)})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "set": "dc:title=T"})
    assert not jobs.plan(db, "metadata-writeback", {"library": "lib"}).inline
