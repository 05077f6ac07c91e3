"""metadata-writeback and its undo against what a QA probe found: front matter or a sidecar that cannot be read
is never replaced; the undo never undoes work done after the writeback; a free property never overwrites a
standard field; nothing to write makes no file; typed properties keep their type through the file."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core import library as L
from core.operations import OperationEnv, registry
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, run_op


def row(db: Database, path: str) -> Any:
    with db.connect_read() as conn:
        return conn.execute(select(L.assets_t).where(L.assets_t.c.path == path)).one()


def trash_count(root: Path) -> int:
    trash = root / L.TRASH_DIR
    return len(list(trash.iterdir())) if trash.exists() else 0


def undo(db: Database, result: dict, params: dict) -> tuple[Any, Any]:
    name, undo_params = registry.get("metadata-writeback").undo(result, params)
    return run_op(db, name, undo_params)


def import_csv(db: Database, tmp_path: Path, text: str) -> None:
    csv = tmp_path / f"in{len(list(tmp_path.glob('in*.csv')))}.csv"
    csv.write_text(text)
    run_op(db, "metadata-import", {"library": "lib", "input": str(csv)})


UNREADABLE = {
    "hugo.md": "---\ntitle: Hugo: the post\ndate: 2020-01-01\ndraft: false\nweight: 10\n---\nBody\n",
    "list.md": "---\n- one\n- two\n---\nBody\n",
    "scalar.md": "---\njust some words\n---\nBody\n",
    "photo.jpg": "JPEG",
    "photo.xmp": '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF',
    "ok.md": "---\ntitle: Fine\nweight: 3\n---\nBody\n",
}


@pytest.mark.parametrize("name", ["hugo.md", "list.md", "scalar.md"])
def test_markdown_writer_refuses_front_matter_it_cannot_read(name: str) -> None:
    with pytest.raises(L.Unreadable):
        L.write_markdown(UNREADABLE[name].encode(), {"tags": ["blog"]})
    with pytest.raises(L.Unreadable):
        L.write_xmp(UNREADABLE["photo.xmp"].encode(), {"title": "T"})
    out, done = L.write_markdown(b"---\n\n---\nBody\n", {"tags": ["blog"]})  # empty front matter is a mapping
    assert out == b"---\ntags:\n- blog\n---\nBody\n" and done == ["tags"]


def test_writeback_leaves_unreadable_front_matter_and_sidecars_untouched(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(db, root, UNREADABLE)
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "add_tags": "blog"})
    result, ctx = run_op(db, "metadata-writeback", {"library": "lib"})
    for name in ("hugo.md", "list.md", "scalar.md", "photo.xmp"):
        assert (root / name).read_text() == UNREADABLE[name], name
    assert [w["path"] for w in result["written"]] == ["ok.md"]
    assert (root / "ok.md").read_text() == "---\ntitle: Fine\nweight: 3\ntags:\n- blog\n---\nBody\n"
    warned = {item for _, item in log_lines(db, ctx, "WARNING")}
    assert {"hugo.md", "list.md", "scalar.md", "photo.jpg"} <= warned
    texts = " ".join(m for m, _ in log_lines(db, ctx, "WARNING"))
    assert "hugo.md: its front matter cannot be read" in texts and "photo.xmp: this XMP sidecar cannot be read" in texts
    # their edits stay in the catalogue, only ok.md's left the edit list
    assert row(db, "hugo.md").edits == {"tags": {"f": []}} and row(db, "photo.jpg").edits
    assert not row(db, "ok.md").edits


def test_the_dry_run_tells_what_the_run_would_refuse_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {**UNREADABLE, "notes.txt": "text"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "add_tags": "blog"})
    op = registry.get("metadata-writeback")
    params = op.validate({"library": "lib"}, OperationEnv(db, "tester"))
    before = {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}
    report = op.dry_run(OperationEnv(db, "tester"), params)
    assert {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()} == before and trash_count(root) == 0
    assert report.counts == {"assets": 1}  # ok.md only, as the run writes
    text = "\n".join(report.details)
    assert "ok.md: tags → ok.md" in text
    assert "hugo.md: its front matter cannot be read" in text and "photo.xmp: this XMP sidecar cannot be read" in text
    assert "notes.txt: its type keeps no metadata in the file" in text
    result, _ = run_op(db, "metadata-writeback", params)
    assert [w["path"] for w in result["written"]] == ["ok.md"]


def test_undo_keeps_work_done_after_the_writeback(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    files = {"a.md": "---\ntitle: Orig\n---\nbody\n", "b.md": "---\ntitle: Orig2\n---\nbody2\n", "p.jpg": "jpg"}
    make_library(db, root, files)
    os.chmod(root / "a.md", 0o640)
    import_csv(
        db, tmp_path, "assetPath,dc:title{{String}},xmp:Rating{{Long}}\n/a.md,WB-X,\n/b.md,WB-B,\n/p.jpg,Photo,4\n"
    )
    params = {"library": "lib"}
    result, _ = run_op(db, "metadata-writeback", params)
    assert (root / "p.xmp").exists() and not row(db, "p.jpg").edits
    with (root / "b.md").open("a") as fh:  # the user goes on working: a paragraph, a newer title
        fh.write("PARAGRAPH ADDED AFTER WRITEBACK\n")
    b_now = (root / "b.md").read_text()
    import_csv(db, tmp_path, "assetPath,dc:title{{String}}\n/a.md,LATER-Y\n")
    _, ctx = undo(db, result, params)
    assert (root / "b.md").read_text() == b_now  # not restored over the paragraph
    assert ("b.md changed since the writeback; not restored (the file is kept as it is)", "b.md") in log_lines(
        db, ctx, "WARNING"
    )
    assert (root / "a.md").read_text() == files["a.md"]
    assert stat.S_IMODE((root / "a.md").stat().st_mode) == 0o640  # the mode it had, not the trash's 0600
    a = row(db, "a.md")
    assert a.title == "LATER-Y" and a.edits == {"title": {"f": "Orig"}}  # the later edit is kept
    # the sidecar the writeback created is gone and the edits it carried are edits again
    assert not (root / "p.xmp").exists()
    p = row(db, "p.jpg")
    assert (p.title, p.rating) == ("Photo", 4) and set(p.edits) == {"title", "rating"}


def test_undo_does_not_recreate_a_file_moved_since(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"f/n.md": "---\ntitle: Orig\n---\nbody\n"})
    import_csv(db, tmp_path, "assetPath,dc:title{{String}}\n/f/n.md,Edited\n")
    params = {"library": "lib"}
    result, _ = run_op(db, "metadata-writeback", params)
    run_op(db, "move", {"library": "lib", "paths": ["f/n.md"], "destination": "h"})
    moved = (root / "h/n.md").read_text()
    _, ctx = undo(db, result, params)
    assert not (root / "f/n.md").exists()
    assert (root / "h/n.md").read_text() == moved and "title: Edited" in moved
    assert (
        "f/n.md is no longer there (moved or deleted since the writeback); not restored",
        "f/n.md",
    ) in log_lines(db, ctx, "WARNING")


def test_free_property_never_overwrites_a_standard_field(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    page = '<html><head><title>P</title><meta name="keywords" content="x, y"></head><body></body></html>\n'
    make_library(db, root, {"a.md": "---\ntitle: Post\nrating: 5\n---\nbody\n", "p.html": page})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:a.md", "set": "rating{{Long}}=2"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:p.html", "set": "keywords{{String}}=z"})
    result, ctx = run_op(db, "metadata-writeback", {"library": "lib"})
    assert (root / "a.md").read_text() == "---\ntitle: Post\nrating: 5\n---\nbody\n"
    assert (root / "p.html").read_text() == page
    assert result["written"] == []
    warnings = log_lines(db, ctx, "WARNING")
    assert (
        "a.md: the property rating would be read from a.md as the rating field; not written, it stays an edit of "
        "the catalogue",
        "a.md",
    ) in warnings
    assert len([w for w in warnings if w[1] == "a.md"]) == 1
    a = row(db, "a.md")
    assert a.rating == 5 and a.props["rating"] == ["Long", 2] and "p:rating" in a.edits
    assert "p:keywords" in row(db, "p.html").edits


def test_a_free_property_of_a_page_stays_an_edit_and_survives_a_new_reading(db: Database, tmp_path: Path) -> None:
    """The page's reader takes no free <meta>: written there, the property would leave the edit list and the next
    reading of the page would drop it from the catalogue."""
    root = tmp_path / "lib"
    make_library(db, root, {"p.html": "<html><head><title>P</title></head><body></body></html>\n"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:p.html", "set": "client{{String}}=ACME"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:p.html", "set": '{"dc:title": "Page"}'})
    result, ctx = run_op(db, "metadata-writeback", {"library": "lib"})
    page = (root / "p.html").read_text()
    assert "<title>Page</title>" in page and "client" not in page and len(result["written"]) == 1
    assert ("p.html: client have no place in p.html; they stay edits of the catalogue", "p.html") in log_lines(
        db, ctx, "WARNING"
    )
    run_op(db, "scan", {"library": "lib", "force": True})
    p = row(db, "p.html")
    assert p.props["client"] == ["String", "ACME"] and set(p.edits) == {"p:client"} and p.title == "Page"


def test_nothing_to_write_makes_no_sidecar(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"img/p.jpg": "JPEG"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:**", "set": "price{{Long}}=3"})
    for _ in range(2):
        result, ctx = run_op(db, "metadata-writeback", {"library": "lib"})
        assert result["written"] == []
        assert not (root / "img/p.xmp").exists() and trash_count(root) == 0
        assert not [m for m, item in log_lines(db, ctx, "INFO") if item == "img/p.jpg"]  # no "wrote  into"
    assert "p:price" in row(db, "img/p.jpg").edits


def test_property_types_survive_the_file(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"a.md": "---\ntitle: T\n---\nbody\n"})
    header = (
        "price{{Decimal}},ref{{Reference}},p{{Path}},n{{Name}},u{{URI}},w{{WeakReference}},when{{Date}},"
        "sizes{{Decimal: multi}},c{{Long}},s{{String}}"
    )
    values = "19.90,abc-123,/x/y,cq:page,https://e.org/a,w-1,2017-07-07T13:29:29.000+00:00,1.5|2.25,7,12"
    import_csv(db, tmp_path, f"assetPath,{header}\n/a.md,{values}\n")
    before = row(db, "a.md").props
    run_op(db, "metadata-writeback", {"library": "lib"})
    assert "price: '19.90'" in (root / "a.md").read_text()
    run_op(db, "scan", {"library": "lib", "force": True})
    after = row(db, "a.md")
    assert after.props == before and not after.edits
    # someone changes the values in the file: the new values keep the catalogue's type when they fit it
    text = (root / "a.md").read_text().replace("'19.90'", "'21.5'").replace("/x/y", "/x/z")
    (root / "a.md").write_text(text)
    run_op(db, "scan", {"library": "lib"})
    props = row(db, "a.md").props
    assert props["price"] == ["Decimal", "21.5"] and props["p"] == ["Path", "/x/z"]
    (root / "a.md").write_text(text.replace("'21.5'", "cheap"))
    run_op(db, "scan", {"library": "lib"})
    assert row(db, "a.md").props["price"] == ["String", "cheap"]  # no longer a number: the file's text
