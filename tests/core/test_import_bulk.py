"""metadata-import's reading of a large file: the common case (a file as metadata-export writes it) is checked a
chunk of records at once; any record that needs the row by row reading sends its chunk there. Whichever way a
chunk goes, the result, the warnings (their lines too) and the catalogue are the same. And its writing: a bulk
write leaves the copy of its WAL into the database file until it ends."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from core import library as L
from core.operations import metadata_import as mi
from core.operations import metadata_rows as mr
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, meta, run_op

N = 700  # files: three chunks of mi.CHUNK and more


def _csv(tmp_path: Path) -> Path:
    """A file of N rows, mostly plain, with a record of every kind the row by row reading handles, in several
    chunks (the line of row i is i + 2, i + 3 after the two-line title of row 100, i + 4 after row 120's)."""
    rows = []
    for i in range(N):
        path, title, rating = f"/f{i:03d}.md", f"Title {i}", str(i % 5)
        if i == 100:
            title = '"Two\nlines"'
        elif i == 120:
            path, title = "/gone.md", '"Not\nthere"'  # a warning names the first line of its record
        elif i == 150:
            path = path[1:]  # the first of its chunk
        elif i == 249:
            path += "/"  # the last of its chunk
        elif i == 260:
            path += " "  # white space around a path is not part of it
        elif i == 310:
            path = path[1:]  # not /-rooted: read as relative to the library
        elif i == 350:
            path = "/" + path
        elif i == 420:
            path += "/"
        elif i == 450:
            path = "/nope.md"
        elif i == 500:
            rating = "x"
        elif i == 550:
            path = f"/./f{i:03d}.md"
        elif i == 600:
            path = "/../outside.md"
        elif i == 620:
            rows.append(f"{path},{title}")
            continue
        elif i == 650:
            path = "/f400.md"  # named again: applies after row 400
        rows.append(f"{path},{title},{rating}")
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title,xmp:Rating{{Long}}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return src


def test_a_large_file_reads_the_same_whichever_way_its_chunks_go(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"f{i:03d}.md": f"# {i}\n" for i in range(N)}
    fast_lib = make_library(db, tmp_path / "fast", files, name="fast")
    slow_lib = make_library(db, tmp_path / "slow", files, name="slow")
    src = _csv(tmp_path)
    taken: list[bool] = []
    real = mr._Plan.plain_batch

    def spy(self: mr._Plan, *args: object) -> object:
        got = real(self, *args)  # type: ignore[arg-type]
        taken.append(got is not None)
        return got

    monkeypatch.setattr(mr._Plan, "plain_batch", spy)
    # batches of 50 rows, so that each kind of record has a chunk of its own
    fast, fast_ctx = run_op(db, "metadata-import", {"library": "fast", "input": str(src), "batch_size": 50})
    assert True in taken and False in taken  # both ways were taken
    monkeypatch.setattr(mr._Plan, "plain_batch", lambda *_: None)  # every record read row by row
    slow, slow_ctx = run_op(db, "metadata-import", {"library": "slow", "input": str(src), "batch_size": 50})

    def same(result: dict) -> dict:
        return {k: sorted(v) if k == "applied" else v for k, v in result.items() if k not in ("library", "outputs")}

    assert same(fast) == same(slow)
    rejected = [Path(r["outputs"][0]["path"]).read_text(encoding="utf-8") for r in (fast, slow)]
    assert rejected[0].replace("'fast'", "LIB") == rejected[1].replace("'slow'", "LIB") and "/nope.md" in rejected[0]
    assert (fast["rows"], fast["changed"], fast["skipped"]) == (N, N - 4, 4)
    fast_warnings = [m.replace("'fast'", "LIB") for m, _ in log_lines(db, fast_ctx, "WARNING")]
    assert fast_warnings == [m.replace("'slow'", "LIB") for m, _ in log_lines(db, slow_ctx, "WARNING")]
    assert "line 123, column assetPath: 'gone.md' is not in the library LIB; skipped" in fast_warnings
    assert "line 454, column assetPath: 'nope.md' is not in the library LIB; skipped" in fast_warnings
    assert any(w.startswith("line 504, column xmp:Rating{{Long}}: 'x'") for w in fast_warnings)
    assert any(w.startswith("line 604, column assetPath:") and "leaves the library" in w for w in fast_warnings)
    assert "line 624: 2 fields where the header has 3; skipped" in fast_warnings
    for lib in (fast_lib, slow_lib):
        got = {
            rel: meta(db, lib, rel)
            for rel in ("f100.md", "f150.md", "f249.md", "f260.md", "f310.md", "f350.md", "f420.md", "f400.md")
        }
        assert {rel: m.title for rel, m in got.items()} == {
            "f100.md": "Two\nlines",
            "f150.md": "Title 150",
            "f249.md": "Title 249",
            "f260.md": "Title 260",
            "f310.md": "Title 310",
            "f350.md": "Title 350",
            "f420.md": "Title 420",
            "f400.md": "Title 650",
        }
        assert (meta(db, lib, "f500.md").title, meta(db, lib, "f550.md").title) == ("Title 500", "Title 550")
        assert (meta(db, lib, "f500.md").rating, meta(db, lib, "f600.md").title, meta(db, lib, "f620.md").title) == (
            None,
            None,
            None,
        )
        assert meta(db, lib, "f699.md").title == "Title 699" and meta(db, lib, "f699.md").rating == 4


def _wal_state(db: Database) -> tuple[int, int]:
    """(frames in the WAL, frames of them copied into the database file), from the wal-index header that
    SQLite documents (https://sqlite.org/walformat.html: mxFrame at byte 16, nBackfill at byte 96)."""
    path = db.sqlite_path
    assert path is not None
    head = path.with_name(path.name + "-shm").read_bytes()[:100]
    return int.from_bytes(head[16:20], sys.byteorder), int.from_bytes(head[96:100], sys.byteorder)


def test_a_bulk_write_leaves_its_wal_to_be_copied_once_it_ends(db: Database, tmp_path: Path) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite's WAL")
    lib = make_library(db, tmp_path / "lib", {f"f{i}.md": "x\n" for i in range(200)})
    with db.write_batches(bulk=True) as batches:
        for i in range(20):
            with batches.transaction() as conn:
                conn.execute(
                    text("UPDATE assets SET title = :t WHERE library_id = :lib"), {"t": f"pass {i}", "lib": lib.id}
                )
        db.checkpoint()  # as the engine's housekeeping does at every tick: nothing while the bulk write runs
        frames, copied = _wal_state(db)
        assert frames > 0 and copied < frames
        with batches.paused():  # its job paused: the WAL is copied as for any other writer
            db.checkpoint()
            frames, copied = _wal_state(db)
            assert frames > 0 and copied == frames
        with batches.transaction() as conn:
            conn.execute(text("UPDATE assets SET title = 'resumed' WHERE library_id = :lib"), {"lib": lib.id})
        db.checkpoint()  # going on: left alone again
        frames, copied = _wal_state(db)
        assert copied < frames
    db.checkpoint()
    frames, copied = _wal_state(db)
    assert frames > 0 and copied == frames
    with db.engine.connect() as conn:  # the connection went back to the pool as it was
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    assert meta(db, lib, "f0.md").title == "resumed"


def test_an_import_is_a_bulk_write(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = make_library(db, tmp_path / "lib", {"a.md": "x\n"})
    bulk: list[bool] = []
    real = Database.write_batches

    def spy(self: Database, **kw: bool) -> object:
        bulk.append(kw.get("bulk", False))
        return real(self, **kw)

    monkeypatch.setattr(Database, "write_batches", spy)
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n/a.md,A\n", encoding="utf-8")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    assert bulk == [True] and meta(db, lib, "a.md").title == "A"
    assert mi.CHUNK < N and isinstance(L.real_root(lib), Path)
