"""The catalogue: libraries, safe paths, scanning, metadata extraction and reference parsing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from core import library as L
from core.errors import NotAllowed, NotFound, UsageError
from core.store.db import Database
from tests.core.library_helpers import make_library


def refs_of(db: Database, lib: L.LibraryInfo, source: str) -> list[tuple[int, str, str | None, str]]:
    a, r = L.assets_t, L.refs_t
    with db.connect_read() as conn:
        return [
            (x.line, x.raw, x.target, x.kind)
            for x in conn.execute(
                select(r.c.line, r.c.raw, r.c.target, r.c.kind)
                .join(a, a.c.id == r.c.source_id)
                .where(a.c.library_id == lib.id, a.c.path == source)
                .order_by(r.c.line, r.c.col)
            )
        ]


def asset(db: Database, lib: L.LibraryInfo, path: str):  # type: ignore[no-untyped-def]
    with db.connect_read() as conn:
        return conn.execute(
            select(L.assets_t).where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == path)
        ).first()


def test_add_list_remove_library(db: Database, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    info = L.add_library(db, tmp_path / "photos")
    assert info.name == "photos"
    with pytest.raises(UsageError, match="already exists"):
        L.add_library(db, tmp_path / "photos", "photos")
    with pytest.raises(UsageError, match="already the library"):
        L.add_library(db, tmp_path / "photos", "other")
    (tmp_path / "photos" / "sub").mkdir()
    with pytest.raises(UsageError, match="overlaps"):
        L.add_library(db, tmp_path / "photos" / "sub", "sub")
    with pytest.raises(NotFound, match="does not exist"):
        L.add_library(db, tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a folder"):
        L.add_library(db, tmp_path / "file")
    assert [lib.name for lib in L.list_libraries(db)] == ["photos"]
    with pytest.raises(NotFound, match="no library named 'nope'.*photos"):
        L.get_library(db, "nope")
    L.remove_library(db, "photos")
    assert L.list_libraries(db) == []
    assert (tmp_path / "photos" / "sub").is_dir()  # files are never touched


def test_scan_indexes_files_folders_metadata_and_references(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    libs = L.list_libraries(db)
    assert (libs[0].files, libs[0].folders) == (8, 4)
    setup = asset(db, lib, "guide/setup.md")
    assert setup.media_type == "text/markdown" and setup.parent == "guide" and setup.size > 0
    assert setup.title == "Setup guide" and setup.tags == ["install", "linux"] and setup.rating == 4
    assert setup.props == {"client": ["String", "ACME"]}
    assert asset(db, lib, "guide").is_dir
    assert asset(db, lib, "site/page.html").title == "Page"
    # Markdown: inline links and images, reference definitions; fenced code is not a reference
    assert refs_of(db, lib, "guide/setup.md") == [
        (9, "../index.md", "index.md", "md-link"),
        (9, "../img/diagram.png", "img/diagram.png", "md-image"),
        (15, "intro.md", "guide/intro.md", "md-def"),
    ]
    # external links are not references
    assert refs_of(db, lib, "guide/intro.md") == [(3, "setup.md", "guide/setup.md", "md-link")]
    assert refs_of(db, lib, "site/page.html") == [
        (1, "css/site.css", "site/css/site.css", "html-href"),
        (2, "../index.md", "index.md", "html-href"),
        (3, "../img/logo.png", "img/logo.png", "html-src"),
    ]
    assert refs_of(db, lib, "site/css/site.css") == [(1, "../../img/bg.png", "img/bg.png", "css-url")]


def test_rescan_updates_only_what_changed(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    again = L.scan(db, lib)
    assert (again.added, again.updated, again.removed, again.documents) == (0, 0, 0, 0)
    root = tmp_path / "lib"
    before = asset(db, lib, "index.md").id
    (root / "guide" / "intro.md").unlink()
    (root / "new.md").write_text("[x](img/logo.png)\n")
    p = root / "index.md"
    p.write_text("# Home\n\n[only](img/bg.png)\n")
    os.utime(p, (time.time() + 5, time.time() + 5))
    st = L.scan(db, lib)
    assert (st.added, st.updated, st.removed, st.documents) == (1, 2, 1, 2)  # index.md and the folder guide
    assert asset(db, lib, "index.md").id == before
    assert refs_of(db, lib, "index.md") == [(3, "img/bg.png", "img/bg.png", "md-link")]
    assert asset(db, lib, "guide/intro.md") is None


def test_markdown_references_kinds_and_positions() -> None:
    text = (
        "Intro <https://example.com> and [a](<my file.md>)\n"
        '> quoted [b](b.md "t")\n'
        "\n"
        "[ref]:\n"
        "   <defs/ref.md>\n"
        "\n"
        "    [indented code](code.md)\n"
        "\n"
        'Text `[span](span.md)` and <img src="pic.png"> and [usage][ref].\n'
        "~~~\n[fenced](fenced.md)\n~~~\n"
    )
    links = L.find_links(text, "md")
    assert [(lk.line, lk.kind, lk.raw) for lk in links] == [
        (1, "md-autolink", "https://example.com"),
        (1, "md-link", "my file.md"),
        (2, "md-link", "b.md"),
        (5, "md-def", "defs/ref.md"),
        (9, "md-html", "pic.png"),
    ]
    lines = text.split("\n")
    for lk in links:  # each link is located exactly where it stands
        assert lk.col is not None and lines[lk.line - 1][lk.col : lk.col + len(lk.raw)] == lk.raw
    assert L.link_target("docs/x.md", links[1]) == "docs/my file.md"
    assert L.link_target("docs/x.md", links[0]) is None


def test_relink_keeps_style_and_encoding() -> None:
    def mapping(p: str) -> str:
        return L.remap(p, "a", "b/c") if L.is_under(p, "a") else p

    link = L.Link(1, 0, "md-link", "a/my%20file.md#frag")
    assert L.relink(link, "x.md", "x.md", mapping) == "b/c/my%20file.md#frag"
    assert L.relink(L.Link(1, 0, "md-link", "/a/f.png"), "z/x.md", "z/x.md", mapping) == "/b/c/f.png"
    assert L.relink(L.Link(1, 0, "md-link", "../y.md"), "a/x.md", "b/c/x.md", mapping) == "../../y.md"
    assert L.relink(L.Link(1, 0, "md-link", "y.md"), "a/x.md", "b/c/x.md", mapping) is None  # a/y.md moved along
    assert L.relink(L.Link(1, 0, "md-link", "https://e.com/a"), "x.md", "q/x.md", mapping) is None


def test_paths_never_leave_the_library(db: Database, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("s")
    lib = make_library(db, tmp_path / "lib", {"a.txt": "a"})
    os.symlink(outside, tmp_path / "lib" / "escape")
    os.symlink(outside / "secret.txt", tmp_path / "lib" / "link.txt")
    with pytest.raises(NotAllowed, match="leaves the library root"):
        L.resolve(lib, "../outside/secret.txt")
    with pytest.raises(NotAllowed, match="leaves the library root"):
        L.resolve(lib, "sub/../../outside")
    with pytest.raises(NotAllowed, match="symbolic link"):
        L.resolve(lib, "escape/secret.txt")
    with pytest.raises(NotAllowed, match="library root itself"):
        L.resolve(lib, "/")
    # an absolute path is relative to the library root, unless it lies under the root itself
    with pytest.raises(NotFound, match="does not exist"):
        L.resolve(lib, str(outside / "secret.txt"))
    assert L.resolve(lib, str(tmp_path / "lib" / "a.txt")).rel == "a.txt"
    assert L.resolve(lib, "/a.txt").rel == "a.txt"
    # the link itself is inside: it is handled as a link, never followed
    r = L.resolve(lib, "link.txt")
    assert r.path == (tmp_path / "lib").resolve() / "link.txt" and r.path.is_symlink()


def test_front_matter_and_xmp() -> None:
    fm = L.parse_front_matter(
        '---\ntitle: "A: b"\ntags:\n  - one\n  - two\nscore: 2.5\ndate: 2024-05-01\ndraft: false\n---\nbody'
    )
    assert fm["title"] == "A: b" and fm["tags"] == ["one", "two"] and fm["score"] == 2.5 and fm["draft"] is False
    meta = L.meta_from_mapping(fm)
    assert meta.props["date"] == ["Date", "2024-05-01T00:00:00.000+00:00"] and meta.props["draft"] == ["Boolean", False]
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        b' xmp:Rating="5"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sunset</rdf:li></rdf:Alt></dc:title>'
        b"<dc:subject><rdf:Bag><rdf:li>sea</rdf:li><rdf:li>sky</rdf:li></rdf:Bag></dc:subject>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    xmp = L.parse_xmp(L.find_xmp(b"\xff\xd8junk" + packet + b"more") or b"")
    assert (xmp.title, xmp.tags, xmp.rating) == ("Sunset", ["sea", "sky"], 5)


def test_typed_columns_and_multi_values() -> None:
    assert L.Column.parse("dc:title{{String}}") == L.Column("dc:title", "String")
    assert L.Column.parse("commerce:skus{{String: multi}}").multi
    assert L.Column.parse("rating").header == "xmp:Rating{{Long}}"
    with pytest.raises(ValueError, match="unknown type"):
        L.Column.parse("x{{Blob}}")
    with pytest.raises(ValueError, match="xmp:Rating is"):
        L.Column.parse("xmp:Rating{{String}}")
    col = L.Column("k", "Long", True)
    assert col.parse_cell("1|2", "|") == [1, 2]
    with pytest.raises(ValueError, match="'x' is not a Long"):
        col.parse_cell("1|x", "|")
    s = L.Column("k", "String", True)
    # the DAM's format has no escape: values are written as they are (the export warns about the delimiter)
    assert s.format_cell(["a|b", "c\\d"], "|") == "a|b|c\\d"
    assert s.parse_cell("a|b|c\\d", "|") == ["a", "b", "c\\d"]
