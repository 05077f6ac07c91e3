"""metadata-import records the same edits whichever way it merges them: on SQLite the UPDATE merges each asset's
edits with SQLite's JSON functions (the fast route); elsewhere (PostgreSQL, an old SQLite, a property name that
does not fit a JSON path) Python merges them. Both routes, run on two copies of one library, must leave the same
values, the same edits (with the value each replaced) and the same report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core import library as L
from core.operations import metadata_import as mi
from core.operations import metadata_rows as mr
from core.store.db import Database
from tests.core.library_helpers import DOCS, log_lines, make_library, run_op


@pytest.fixture(autouse=True, params=["joined", "row by row"])
def runs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test twice: SQLite running a batch's rows as one UPDATE … FROM (VALUES …) even when they are few,
    and row by row (the small batches here are otherwise run row by row)."""
    monkeypatch.setattr(mr, "_JOINED_MIN", 1 if request.param == "joined" else 1_000_000)


HEADER = (
    "assetPath,dc:title,dc:description,cq:tags{{String: multi}},xmp:Rating{{Long}},client,count{{Long}},"
    "flag{{Boolean}},when{{Date}},price{{Double}},notes{{ string : MULTI }}\n"
)
FIRST = HEADER + (
    "/index.md,Home page,,ä|b,5,,3,true,,,\n"
    "/guide/setup.md,,First description,,,Globex,,,2017-07-07T13:29:29.000+00:00,2.25,x|y\n"
)
SECOND = HEADER + (
    "/index.md,Home again,Déjà vu,ä|b|c,2,ACME,4,false,2020-01-02T03:04:05.000+00:00,1.5,a|b\n"
    "/guide/setup.md,Setup guide,First description,install|linux,4,Initech,,,2017-07-07T13:29:29.000+00:00,2.25,x|y\n"
    "/index.md,Home third,,,7,,,,,,\n"  # the same asset twice in one batch: applied in order
    '/guide/intro.md,"Intro ""quoted""",,,,,,,,,\n'
    "/missing.md,X,,,,,,,,,\n"
    "/img/logo.png,,,,not a number,,5,,,,\n"
    "/site/page.html,Page,,,,=1+2,,,,,\n"
)
THIRD = HEADER + (  # with empty=clear
    "/index.md,,,,,,,,,,\n/guide/setup.md,Setup guide,,,4,,,,,,\n/img/logo.png,Logo,,,,,,,,,\n"
)


def state(db: Database, lib: L.LibraryInfo) -> dict[str, tuple[Any, ...]]:
    a = L.assets_t
    with db.connect_read() as conn:
        rows = conn.execute(
            select(a.c.path, a.c.title, a.c.description, a.c.rating, a.c.tags, a.c.props, a.c.edits)
            .where(a.c.library_id == lib.id)
            .order_by(a.c.path)
        ).all()

    def decoded(v: Any) -> Any:
        return json.loads(v) if isinstance(v, str) else v

    return {r[0]: (r[1], r[2], r[3], *(decoded(x) for x in r[4:])) for r in rows}


def run_both(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, name: str, **params: Any
) -> list[tuple[Any, list[tuple[str, str | None]]]]:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    out = []
    for lib in ("sql", "py"):
        with monkeypatch.context() as m:
            if lib == "py":
                m.setattr(mi, "_merges_in_sqlite", lambda *_: False)
            result, ctx = run_op(db, "metadata-import", {"library": lib, "input": str(src), "batch_size": 3, **params})
        result.pop("library")
        for o in result.get("outputs", []):
            o.pop("path")  # in each job's own folder
        out.append((result, [(m.replace(f"'{lib}'", "'LIB'"), item) for m, item in log_lines(db, ctx)]))
    return out


def test_sqlite_and_python_routes_record_the_same_edits(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sql_lib = make_library(db, tmp_path / "sql", name="sql")
    py_lib = make_library(db, tmp_path / "py", name="py")
    head = registry_header(tmp_path, SECOND)
    # on SQLite the fast route is the one these runs compare (on PostgreSQL both are the Python route)
    assert mi._merges_in_sqlite(db.engine.dialect.name, head) == db.is_sqlite
    for text, name, params in ((FIRST, "1.csv", {}), (SECOND, "2.csv", {}), (THIRD, "3.csv", {"empty": "clear"})):
        (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, text, name, **params)
        assert sql_result == py_result
        assert sql_log == py_log
        assert state(db, sql_lib) == state(db, py_lib)
        if name == "2.csv":
            assert (sql_result["changed"], sql_result["unchanged"], sql_result["skipped"]) == (6, 0, 1)
            got = state(db, sql_lib)["index.md"]
            assert got[0] == "Home third" and got[2] == 7 and got[3] == ["ä", "b", "c"]
            assert got[5]["title"] == {"f": None}  # the file has no title
            assert got[5]["rating"] == {"f": None}
            assert got[5]["p:flag"] == {"f": None}
            assert got[4]["flag"] == ["Boolean", False] and got[4]["client"] == ["String", "ACME"]
            setup = state(db, sql_lib)["guide/setup.md"]
            # the first edit's former value (what the file said) is kept through later edits
            assert setup[5]["p:client"] == {"f": ["String", "ACME"]}
            assert "p:client" not in state(db, sql_lib)["guide/intro.md"][5]
    cleared = state(db, sql_lib)["index.md"]
    assert cleared[:3] == (None, None, None) and cleared[3] == [] and cleared[4] == {}
    assert cleared[5]["title"] == {"f": None} and cleared[5]["tags"] == {"f": []}


def registry_header(tmp_path: Path, text: str) -> mi.Header:
    src = tmp_path / "header.csv"
    src.write_text(text, encoding="utf-8")
    return mi.MetadataImport().header(
        {"input": str(src), "separator": ",", "path_column": "assetPath", "multi_delimiter": "|"}
    )


def test_a_property_name_that_no_json_path_can_hold_is_merged_in_python(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library(db, tmp_path / "lib", {"a.md": "# A\n", **{k: v for k, v in DOCS.items() if k == "index.md"}})
    text = 'assetPath,"say ""hi""{{String}}",dc:title\n/a.md,hello,T\n'
    assert not mi._merges_in_sqlite("sqlite", registry_header(tmp_path, text))
    src = tmp_path / "q.csv"
    src.write_text(text, encoding="utf-8")
    result, _ = run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    assert result["changed"] == 1
    got = state(db, lib)["a.md"]
    assert got[4] == {'say "hi"': ["String", "hello"]} and got[5]['p:say "hi"'] == {"f": None}


def test_paths_far_apart_in_the_catalogue_are_looked_up_one_by_one(db: Database, tmp_path: Path) -> None:
    """A batch's stored rows are read as one range of paths when they are close together; a range holding many
    other assets is not read whole: those rows are looked up by path (every row still applies)."""
    lib = make_library(db, tmp_path / "lib", {f"f{i:03d}.txt": "x" for i in range(120)})
    order = [i for k in range(30) for i in (k, 119 - k)]  # pairs from both ends: each batch spans the library
    src = tmp_path / "far.csv"
    src.write_text("assetPath,dc:title\n" + "".join(f"/f{i:03d}.txt,T{i}\n" for i in order), encoding="utf-8")
    result, _ = run_op(db, "metadata-import", {"library": "lib", "input": str(src), "batch_size": 2})
    assert (result["rows"], result["changed"], result["skipped"]) == (60, 60, 0)
    got = state(db, lib)
    assert all(got[f"f{i:03d}.txt"][0] == f"T{i}" for i in order)
    assert all(got[f"f{i:03d}.txt"][0] is None for i in range(30, 90))
    # sorted, the same kind of file is read by ranges
    src.write_text("assetPath,dc:title\n" + "".join(f"/f{i:03d}.txt,U{i}\n" for i in range(120)), encoding="utf-8")
    result, _ = run_op(db, "metadata-import", {"library": "lib", "input": str(src), "batch_size": 7})
    assert (result["rows"], result["changed"]) == (120, 120)
    assert state(db, lib)["f119.txt"][5]["title"] == {"f": None}  # f: what the file said


FRONT = {"café.md": "---\ntitle: Café\ntags: [thé, ünïcode, 😀]\nclient: Crème\n---\n# Café\n"}


def test_values_the_scanner_stored_compare_equal_however_their_json_was_spelled(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scanner's JSON column writes ASCII escapes and spaces (``["th\\u00e9", "…"]``), the import compact
    UTF-8: the same tags and property read back from a CSV are unchanged on both routes (no edit recorded), and
    a file with a single property column sets, then clears, it the same way on both."""
    libs = {n: make_library(db, tmp_path / n, FRONT, name=n) for n in ("sql", "py")}
    with db.connect_read() as conn:
        stored = conn.exec_driver_sql("SELECT CAST(tags AS TEXT) FROM assets WHERE path = 'café.md'").scalar()
    assert db.is_sqlite is False or "\\u00e9" in stored  # the scanner's spelling, not the import's
    same = "assetPath,dc:title,cq:tags{{String: multi}},client\n/café.md,Café,thé|ünïcode|😀,Crème\n"
    (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, same, "same.csv")
    assert sql_result == py_result and sql_log == py_log
    assert (sql_result["changed"], sql_result["unchanged"]) == (0, 1)
    assert state(db, libs["sql"]) == state(db, libs["py"])
    assert state(db, libs["sql"])["café.md"][5] in (None, {})  # no edit
    for text, name, params in (
        ("assetPath,client\n/café.md,Thé\n", "set.csv", {}),
        ("assetPath,client\n/café.md,\n", "keep.csv", {}),
        ("assetPath,client\n/café.md,\n", "clear.csv", {"empty": "clear"}),
    ):
        (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, text, name, **params)
        assert sql_result == py_result and sql_log == py_log
        assert state(db, libs["sql"]) == state(db, libs["py"])
        got = state(db, libs["sql"])["café.md"]
        if name == "set.csv":
            assert got[4]["client"] == ["String", "Thé"]
            assert got[5]["p:client"] == {"f": ["String", "Crème"]}
        if name == "keep.csv":
            assert sql_result["unchanged"] == 1
    assert "client" not in got[4] and got[5]["p:client"] == {"f": ["String", "Crème"]}


def test_counts_and_warnings_once_the_applied_list_is_full(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the result lists its assets, SQLite counts a batch's changed rows by the UPDATE's row count and looks
    up its paths only when some row did not change: unchanged and unknown rows are told apart the same way."""
    for n in ("sql", "py"):
        make_library(db, tmp_path / n, name=n)
    monkeypatch.setattr(mi, "_MAX_LISTED", 1)
    text = "assetPath,dc:title\n/index.md,A\n/guide/intro.md,B\n/nope.md,C\n/guide/intro.md,B\n/img/logo.png,D\n"
    (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, text, "full.csv")
    assert sql_result == py_result and sql_log == py_log
    assert (sql_result["changed"], sql_result["unchanged"], sql_result["skipped"]) == (3, 1, 1)
    assert sql_result["applied"] == ["index.md"]
    assert any("nope.md" in m for m, _ in sql_log)


def test_the_default_export_writes_what_csv_writer_writes(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default export builds its lines itself (metadata_export.line_chunks); they are byte for byte what
    csv.writer writes from the same rows, quoting included, with a path prefix and another separator too."""
    from core.operations import metadata_export as me

    make_library(db, tmp_path / "lib", {"a,b.md": "x", 'q"t.md': "x", "plain.md": "x", "nl.md": "x", "e.md": "x"})
    src = tmp_path / "in.csv"
    src.write_text(
        "assetPath,dc:title,dc:description,cq:tags{{String: multi}},xmp:Rating{{Long}},client,n{{Long}}\n"
        '"/a,b.md","Hello, world","say ""hi""",x|y;z,3,"A,CME",7\n'
        '"/q""t.md",,"two\nlines",,,Globex;1,\n'
        "/plain.md,Plain,,solo,,,12\n"
        "/e.md,=1+2,;semi,,5,,\n",
        encoding="utf-8",
    )
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    for params in ({}, {"path_prefix": "/content/dam,x"}, {"separator": ";"}):
        got = {}
        for fast in (True, False):
            with monkeypatch.context() as m:
                m.setattr(me.MetadataExport, "writes_lines", staticmethod(lambda *_, fast=fast: fast))
                out = tmp_path / f"out-{fast}.csv"
                run_op(
                    db,
                    "metadata-export",
                    {"library": "lib", "folder": "", "subfolders": True, "output": str(out), **params},
                )
            got[fast] = out.read_bytes()
        assert got[True] == got[False]
        assert b'"Hello, world"' in got[True] or params.get("separator") == ";"


def test_a_stop_ends_the_import_between_whole_batches(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the default batch, a stop requested while the first batch applies ends the job after it: that batch
    is applied whole, nothing after it, and the log says from which line on nothing was applied."""
    from core.engine import JobContext

    n = mi.BATCH + 500
    lib = make_library(db, tmp_path / "lib", {f"f{i:04d}.txt": "x" for i in range(n)})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n" + "".join(f"/f{i:04d}.txt,T{i}\n" for i in range(n)), encoding="utf-8")
    real = JobContext.progress

    def progress(self: JobContext, done: int, total: int | None = None) -> None:
        real(self, done, total)
        if done:  # as a stop request arriving during the first batch would be seen after it
            self.stop_event.set()

    monkeypatch.setattr(JobContext, "progress", progress)
    result, ctx = run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    got = state(db, lib)
    titled = sorted(p for p, v in got.items() if v[0] is not None and v[0].startswith("T"))
    assert titled == [f"f{i:04d}.txt" for i in range(mi.BATCH)]
    assert result["changed"] == mi.BATCH
    assert any(f"stopped after line {mi.BATCH + 1}" in m for m, _ in log_lines(db, ctx))


def test_batches_whose_typed_cells_change_nothing_set_the_text_cells_alone(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a batch whose typed cells (tags, rating, properties) change none of its assets is updated by a
    statement that compares and sets its text cells only; assets read with the batch that it does not name (a
    folder, a file the CSV leaves out) may hold anything. Whichever way each batch goes, the values, edits and
    report are the Python route's, and both ways are taken."""
    files = {"a.md": "# A\n", **{f"b/f{i}.md": f"# B{i}\n" for i in range(6)}, "c.md": "# C\n", "d/e.md": "# E\n"}
    for n in ("sql", "py"):
        make_library(db, tmp_path / n, files, name=n)
    decided: list[bool] = []
    real = mi._Plan.parsed_unchanged

    def spy(self: Any, *args: Any) -> bool:
        decided.append(real(self, *args))
        return decided[-1]

    monkeypatch.setattr(mi._Plan, "parsed_unchanged", spy)
    head = "assetPath,dc:title,dc:description,cq:tags{{String: multi}},xmp:Rating{{Long}},client\n"
    first = head + "".join(f"/{p},T {p},,x|y,3,ACME\n" for p in sorted(files) if p != "b/f4.md")
    again = head + (
        "/a.md,T2 a,,x|y,3,ACME\n/b/f0.md,T2 f0,,x|y,3,ACME\n/b/f1.md,T2 f1,,x|y,3,ACME\n"  # range holds folder b
        "/b/f2.md,,D2,x|y,3,ACME\n/b/f3.md,,D3,x|y,3,ACME\n/b/f5.md,,D5,x|y,3,ACME\n"  # descriptions alone
        "/c.md,T2 c,,x|y,3,ACME\n/d,Folder,,x|y,3,ACME\n/d/e.md,T2 e,,x|y,3,ACME\n"  # a folder named
        "/a.md,T3 a,,x|y,3,ACME\n/b/f0.md,,,x|y,3,ACME\n/b/f1.md,T3 f1,D1,,4,\n"  # a rating changes
    )
    for text, name, params in (
        (first, "first.csv", {}),
        (again, "again.csv", {}),
        (head + "/b/f2.md,,D2 again,x|y,3,ACME\n", "desc.csv", {}),  # its edit, not the first, keeps its f
        (again.replace("T2", "T4").replace("T3", "T5"), "clear.csv", {"empty": "clear"}),
    ):
        decided.clear()
        (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, text, name, **params)
        assert sql_result == py_result and sql_log == py_log
        assert state(db, db_lib(db, "sql")) == state(db, db_lib(db, "py"))
        if db.is_sqlite and name == "again.csv":
            assert True in decided and False in decided  # both statements ran
    got = state(db, db_lib(db, "sql"))
    assert got["b/f4.md"][2:5] == (None, [], {})  # never named: as the scan left it
    assert got["b"][2:5] == (None, [], {}) and got["d"][2:4] == (3, ["x", "y"])
    assert got["a.md"][5]["title"] == {"f": None} and got["b/f1.md"][2] == 4
    assert got["b/f5.md"][5]["description"] == {"f": None}  # the edits did not start with it
    assert got["b/f2.md"][5]["description"] == {"f": None}  # set again twice since: f kept
    assert got["b/f5.md"][5]["title"] == {"f": None}  # cleared by the last file


def db_lib(db: Database, name: str) -> L.LibraryInfo:
    return L.get_library(db, name)


def test_rows_joined_apply_in_file_order_within_sqlite_limits() -> None:
    """A batch run as UPDATE … FROM (VALUES …) leaves what running its rows one by one leaves: an asset named
    twice gets its later value, a run never binds more values than SQLite allows, and the count is the number
    of changes."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE assets (library_id INTEGER, path TEXT, title TEXT)")
    conn.execute("CREATE UNIQUE INDEX ux ON assets (library_id, path)")
    conn.executemany("INSERT INTO assets VALUES (?, ?, ?)", [(lib, f"p{i}", "old") for lib in (1, 2) for i in range(9)])
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 9)  # four rows of two values at most
    stmt = mr._SQLiteStatement("UPDATE assets SET title = ?3 WHERE library_id = ?1 AND path = ?2 AND title IS NOT ?3")
    rows = [("p0", "a"), ("p1", "b"), ("p0", "c"), ("p2", "old"), ("p3", "d"), ("p4", "e"), ("p5", "f"), ("p6", "g")]
    rows += [("p7", "h"), ("p8", "i"), ("nope", "x"), ("p0", "j")]
    cur = conn.cursor()
    assert stmt.run_rows(cur, 1, rows) == 10  # p2 unchanged, nope not there
    got = dict(conn.execute("SELECT path, title FROM assets WHERE library_id = 1"))
    assert got == {"p0": "j", "p1": "b", "p2": "old", **{f"p{i}": "defghi"[i - 3] for i in range(3, 9)}}
    assert set(conn.execute("SELECT title FROM assets WHERE library_id = 2")) == {("old",)}


def test_a_big_batch_runs_in_statements_of_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """However big the batch (batch_size goes to 100,000), each UPDATE … FROM (VALUES …) holds at most
    _JOINED_MAX rows: the statements SQLite compiles stay small."""
    import sqlite3

    monkeypatch.setattr(mr, "_JOINED_MIN", 16)

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE assets (library_id INTEGER, path TEXT, title TEXT)")
    conn.execute("CREATE UNIQUE INDEX ux ON assets (library_id, path)")
    conn.executemany("INSERT INTO assets VALUES (3, ?, 'old')", [(f"p{i}",) for i in range(2500)])
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    stmt = mr._SQLiteStatement("UPDATE assets SET title = ?3 WHERE library_id = ?1 AND path = ?2 AND title IS NOT ?3")
    assert stmt.run_rows(conn.cursor(), 3, [(f"p{i}", "new") for i in range(2500)]) == 2500
    updates = [s for s in seen if s.startswith("UPDATE")]  # (as run: the values written in)
    assert [s.count("), (") + 1 for s in updates] == [1000, 1000, 500]
    assert "library_id = 3" in updates[0]
    assert set(conn.execute("SELECT title FROM assets")) == {("new",)}


def test_batches_guarded_by_the_usual_stored_values_leave_the_others_to_the_full_statement(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once SQLite knows the stored values most assets hold, a batch whose typed cells leave them unchanged runs
    the text-cells statement guarded by them (no read before it); an asset holding other values (a rating the
    cells change), an unchanged row and an unknown path make the full statement run after it. Values, edits
    and report stay the Python route's."""
    files = {f"f{i:02d}.md": f"# {i}\n" for i in range(12)}
    for n in ("sql", "py"):
        make_library(db, tmp_path / n, files, name=n)
    monkeypatch.setattr(mi, "_MAX_LISTED", 1)
    guarded: list[bool] = []
    real = mi._Plan.usual_for

    def spy(self: Any, batch: Any, unique: bool) -> str | None:
        got = real(self, batch, unique)
        guarded.append(got is not None)
        return got

    monkeypatch.setattr(mi._Plan, "usual_for", spy)
    head = "assetPath,dc:title,cq:tags{{String: multi}},xmp:Rating{{Long}},client\n"
    first = head + "".join(f"/{p},T {p},x|y,{5 if p == 'f07.md' else 3},ACME\n" for p in sorted(files))
    # in batches of 3: f00-f02 (the usual values learnt), f03-f05 (guarded, all changed), f06-f08 (guarded: f07
    # left out, then changed by the full statement), f09-f11 (f10 unchanged), nope.md (unknown)
    second = head + "".join(f"/{p},{'T' if p == 'f10.md' else 'U'} {p},x|y,3,ACME\n" for p in sorted(files))
    second += "/nope.md,U nope,x|y,3,ACME\n"
    for text, name in ((first, "first.csv"), (second, "second.csv")):
        guarded.clear()
        (sql_result, sql_log), (py_result, py_log) = run_both(db, tmp_path, monkeypatch, text, name)
        assert sql_result == py_result and sql_log == py_log
        assert state(db, db_lib(db, "sql")) == state(db, db_lib(db, "py"))
    assert (sql_result["changed"], sql_result["unchanged"], sql_result["skipped"]) == (11, 1, 1)
    if db.is_sqlite:
        assert True in guarded  # the guarded statement ran (then the full one for f07's batch)
    got = state(db, db_lib(db, "sql"))
    assert got["f07.md"][:3] == ("U f07.md", None, 3) and got["f10.md"][0] == "T f10.md"
    assert all(v[0] == f"U {p}" for p, v in got.items() if p.endswith(".md") and p != "f10.md")
