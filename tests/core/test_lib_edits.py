"""A person's edits last: re-scans (forced), a move's link rewrite, delete + undo; conflicts are warned about;
prefer=file takes the file's value; export writes the effective value."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from core import library as L
from core.operations import registry
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, run_op

FILES = {
    "docs/page.md": "---\ntitle: File title\ntags: [a, b]\n---\nSee [img](../img/x.png).\n",
    "img/x.png": "PNG",
}


def meta(db: Database, lib: L.LibraryInfo, path: str) -> tuple[L.Meta, dict]:
    with db.connect_read() as conn:
        row = conn.execute(select(L.assets_t).where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == path)).one()
    return L.Meta.of(row), dict(row.edits or {})


def import_title(db: Database, tmp_path: Path, path: str, title: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text(f"assetPath,dc:title{{{{String}}}}\n/{path},{title}\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})


def test_an_imported_title_survives_rescan_rewrite_and_undo(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    assert meta(db, lib, "docs/page.md")[0].title == "File title"
    import_title(db, tmp_path, "docs/page.md", "My title")
    m, edits = meta(db, lib, "docs/page.md")
    assert m.title == "My title" and edits == {"title": {"f": "File title"}}
    # a forced re-scan reads the file again: the edit stays, the file's tags are still read
    run_op(db, "scan", {"library": "lib", "force": True})
    assert meta(db, lib, "docs/page.md")[0].title == "My title"
    # a move rewrites the link in the page (the page is read again): the edit stays
    result, _ = run_op(db, "move", {"library": "lib", "paths": ["img/x.png"], "destination": "pics"})
    assert result["links_rewritten"] == 1 and "../pics/x.png" in (tmp_path / "lib/docs/page.md").read_text()
    assert meta(db, lib, "docs/page.md")[0].title == "My title"
    # undo of the move, then a delete and its undo: the edit is still there
    name, params = registry.get("move").undo(result, {"library": "lib"})
    run_op(db, name, params)
    assert meta(db, lib, "docs/page.md")[0].title == "My title"
    deleted, _ = run_op(db, "delete", {"library": "lib", "paths": ["docs"]})
    name, params = registry.get("delete").undo(deleted, {"library": "lib", "paths": ["docs"]})
    run_op(db, name, params)
    m, edits = meta(db, lib, "docs/page.md")
    assert m.title == "My title" and m.tags == ["a", "b"] and edits["title"] == {"f": "File title"}
    # export writes the effective value
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "folder": "docs", "output": str(out)})
    with out.open(newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:2] == ["/docs/page.md", "My title"]


def test_a_file_changed_under_an_edit_is_warned_and_prefer_file_takes_it(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*.md", "set": "dc:title=Edited"})
    page = tmp_path / "lib/docs/page.md"
    page.write_text(page.read_text().replace("File title", "New file title"))
    _, ctx = run_op(db, "scan", {"library": "lib", "force": True})
    warnings = log_lines(db, ctx, "WARNING")
    assert (
        "title: the file now says 'New file title', the catalogue keeps the edit 'Edited' "
        "(scan -p prefer=file takes the file's value)",
        "docs/page.md",
    ) in warnings
    assert meta(db, lib, "docs/page.md")[0].title == "Edited"
    # warned once: the next scan finds the same file value
    _, ctx = run_op(db, "scan", {"library": "lib", "force": True})
    assert log_lines(db, ctx, "WARNING") == []
    page.write_text(page.read_text().replace("New file title", "Newest"))
    run_op(db, "scan", {"library": "lib", "force": True, "prefer": "file"})
    m, edits = meta(db, lib, "docs/page.md")
    assert m.title == "Newest" and "title" not in edits


def test_a_cleared_field_stays_cleared(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*.md", "clear": "dc:title"})
    run_op(db, "scan", {"library": "lib", "force": True})
    assert meta(db, lib, "docs/page.md")[0].title is None


def test_the_window_sets_edits_through_edit_asset(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    with db.connect_write() as conn:
        assert L.edit_asset(conn, lib.id, "docs/page.md", [(L.Column.parse("dc:title"), "From the window")])
        assert not L.edit_asset(conn, lib.id, "docs/page.md", [(L.Column.parse("dc:title"), "From the window")])
    run_op(db, "scan", {"library": "lib", "force": True})
    m, edits = meta(db, lib, "docs/page.md")
    assert m.title == "From the window" and edits["title"] == {"f": "File title"}


def test_migration_0015_keeps_each_edit_file_value_and_its_value_in_the_column(db: Database, tmp_path: Path) -> None:
    """Edits written before 0015 carried their value (``"v"``) beside the column: the upgrade keeps what the file
    said, the column keeps the value, and a downgrade writes the values back from the columns."""
    from alembic import command

    from core.store.db import alembic_config

    lib = make_library(db, tmp_path / "lib", FILES)
    import_title(db, tmp_path, "docs/page.md", "My title")
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0014")
    m, edits = meta(db, lib, "docs/page.md")
    assert edits == {"title": {"v": "My title", "f": "File title"}} and m.title == "My title"
    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    m, edits = meta(db, lib, "docs/page.md")
    assert edits == {"title": {"f": "File title"}} and m.title == "My title"
    run_op(db, "scan", {"library": "lib", "force": True})  # the file is read again: the edit stays
    assert meta(db, lib, "docs/page.md")[0].title == "My title"
