"""metadata-export, metadata-import (round trip, warnings with line and column, batches, dry run) and mass-edit."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core import library as L
from core.errors import ParamError
from core.operations import OperationEnv, registry
from core.operations import metadata_rows as mr
from core.store import jobs
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, meta, run_failing, run_op


def read_csv(path: Path, sep: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with open(path, newline="", encoding=encoding) as fh:
        return list(csv.reader(fh, delimiter=sep))


def test_export_edit_import_round_trip(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    run_op(
        db, "mass-edit", {"library": "lib", "filter": "folder:guide", "set": "commerce:skus{{String: multi}}=A1|B|2"}
    )
    out = tmp_path / "meta.csv"
    result, _ = run_op(db, "metadata-export", {"library": "lib", "folder": "/guide", "output": str(out)})
    rows = read_csv(out)
    assert rows[0] == [
        "assetPath",
        "dc:title{{String}}",
        "dc:description{{String}}",
        "cq:tags{{String: multi}}",
        "xmp:Rating{{Long}}",
        "client{{String}}",
        "commerce:skus{{String: multi}}",
    ]
    assert rows[1:] == [
        ["/guide/intro.md", "", "", "", "", "", "A1|B|2"],
        ["/guide/setup.md", "Setup guide", "", "install|linux", "4", "ACME", "A1|B|2"],
    ]
    assert result["assets"] == 2 and not list(tmp_path.glob(".meta.csv.*"))
    # edit in a spreadsheet-like way, then import back
    rows[1][1], rows[1][3], rows[1][4] = "Introduction", "intro|basics", "5"
    rows[2][5], rows[2][6] = "", "Z9"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    op = registry.get("metadata-import")
    params = op.validate({"library": "lib", "input": str(out), "empty": "clear"}, OperationEnv(db, "tester"))
    report = op.dry_run(OperationEnv(db, "tester"), params)
    assert report.counts == {"rows": 2, "changed": 2, "unchanged": 0, "skipped": 0, "unreadable": 0}
    assert meta(db, lib, "guide/intro.md").title is None  # the dry run changed nothing
    result, ctx = run_op(db, "metadata-import", params)
    assert result["changed"] == 2 and ctx.warnings == 0
    intro, setup = meta(db, lib, "guide/intro.md"), meta(db, lib, "guide/setup.md")
    assert (intro.title, intro.tags, intro.rating) == ("Introduction", ["intro", "basics"], 5)
    assert setup.props == {"commerce:skus": ["String", ["Z9"]]}  # client cleared by its empty cell (empty=clear)
    again, _ = run_op(db, "metadata-import", params)
    assert (again["changed"], again["unchanged"]) == (0, 2)


def test_import_warnings_name_line_and_column(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    src = tmp_path / "in.csv"
    src.write_text(
        "assetPath;xmp:Rating{{Long}};dc:title;size{{Double}}\n"
        "/index.md;3;Home;1.5\n"
        "nope.md;1;x;2\n"
        "guide/intro.md;three;Intro;2\n"
        "guide/setup.md;2\n"
        '"img/logo.png;1;"multi\nline";x\n'
        "../escape.md;1;x;1\n"
        "img/bg.png;;Background;2.25\n"
        "img/diagram.png;99999999999999999999;Diagram;1\n",
        encoding="utf-8",
    )
    # one record could not be read: the job fails, having applied (and listed) every other row
    failed, ctx = run_failing(
        db, "metadata-import", {"library": "lib", "input": str(src), "separator": ";", "batch_size": "2"}
    )
    result = failed.result
    assert result["unreadable_lines"] == [[6, 6]] and sorted(result["applied"]) == [
        "guide/intro.md",
        "img/bg.png",
        "img/diagram.png",
        "index.md",
    ]
    warnings = [m for m, _ in log_lines(db, ctx, "WARNING")]
    assert "line 3, column assetPath: 'nope.md' is not in the library 'lib'; skipped" in warnings
    # a bad cell costs that cell only: the title of the row applies
    assert (
        "line 4, column xmp:Rating{{Long}}: 'three' is not a Long (a whole number); this cell is not applied"
        in warnings
    )
    assert "line 5: 2 fields where the header has 4; skipped" in warnings
    assert any(w.startswith("line 6: malformed CSV") for w in [m for m, _ in log_lines(db, ctx, "ERROR")])
    assert "line 7: 2 fields where the header has 4; skipped" in warnings
    assert any(w.startswith("line 8, column assetPath:") and "leaves the library" in w for w in warnings)
    assert any(w.startswith("line 10, column xmp:Rating{{Long}}:") and "64 bits" in w for w in warnings)
    assert result["changed"] == 4
    assert (meta(db, lib, "index.md").title, meta(db, lib, "index.md").rating) == ("Home", 3)
    assert meta(db, lib, "index.md").props["size"] == ["Double", 1.5]
    assert meta(db, lib, "img/bg.png").title == "Background" and meta(db, lib, "guide/intro.md").rating is None
    assert meta(db, lib, "guide/intro.md").title == "Intro"


def test_import_refuses_bad_headers_before_anything(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.txt": "a"})
    op = registry.get("metadata-import")
    env = OperationEnv(db, "tester")
    bad = tmp_path / "bad.csv"
    bad.write_text("path;dc:title\na.txt;x\n")
    with pytest.raises(ParamError, match=r"'assetPath' is not a column.*is the separator ';'"):
        op.validate({"library": "lib", "input": str(bad)}, env)
    bad.write_text("AssetPath,x{{Blob}}\n")  # an unknown type costs its column only (and the path column's case)
    assert op.header(op.validate({"library": "lib", "input": str(bad)}, env)).cols == []
    bad.write_text("assetPath,dc:title,assetPath\n")
    with pytest.raises(ParamError, match=r"the path column 'assetPath' appears more than once \(columns 1, 3\)"):
        op.validate({"library": "lib", "input": str(bad)}, env)
    bad.write_text("assetPath,x\n")
    with pytest.raises(ParamError, match="multi_delimiter"):
        op.validate({"library": "lib", "input": str(bad), "multi_delimiter": ","}, env)


def test_import_threshold_counts_rows(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.txt": "a"})
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_text("assetPath,dc:title\n" + "a.txt,x\n" * 10)
    big.write_text("assetPath,dc:title\n" + "a.txt,x\n" * 501)
    assert jobs.plan(db, "metadata-import", {"library": "lib", "input": str(small)}).inline
    plan = jobs.plan(db, "metadata-import", {"library": "lib", "input": str(big)})
    assert not plan.inline and plan.counts == {"rows": 501}


def test_export_options_excel_subfolders_and_chosen_properties(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib")
    out = tmp_path / "x.csv"
    run_op(
        db,
        "metadata-export",
        {
            "library": "lib",
            "output": str(out),
            "subfolders": "true",
            "excel": "true",
            "properties": "title,rating,client{{String}},dc:format",
        },
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfassetPath;dc:title{{String}};xmp:Rating{{Long}};")
    rows = read_csv(out, ";", "utf-8-sig")
    assert rows[0][3:] == ["client{{String}}", "dc:format{{String}}"]
    assert len(rows) == 9 and ["/guide/setup.md", "Setup guide", "4", "ACME", "text/markdown"] in rows
    with pytest.raises(ParamError, match="folder"):
        registry.get("metadata-export").validate(
            {"library": "lib", "output": str(out), "folder": "index.md"}, OperationEnv(db, "tester")
        )


def test_mass_edit_filters_dry_run_and_tags(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    op = registry.get("mass-edit")
    env = OperationEnv(db, "tester")
    params = op.validate({"library": "lib", "filter": "folder:img glob:*.png", "add_tags": "pictures,png"}, env)
    report = op.dry_run(env, params)
    assert report.counts == {"assets": 3, "changed": 3} and report.details[0] == "img/bg.png"
    assert meta(db, lib, "img/bg.png").tags == []
    run_op(db, "mass-edit", params)
    assert meta(db, lib, "img/bg.png").tags == ["pictures", "png"]
    run_op(
        db,
        "mass-edit",
        {"library": "lib", "filter": "tag:pictures glob:img/logo.*", "remove_tags": "png", "set": "xmp:Rating=5"},
    )
    assert (meta(db, lib, "img/logo.png").tags, meta(db, lib, "img/logo.png").rating) == (["pictures"], 5)
    result, _ = run_op(db, "mass-edit", {"library": "lib", "filter": "client=ACME", "clear": "client,rating"})
    assert result == {"library": "lib", "matched": 1, "changed": 1}
    assert meta(db, lib, "guide/setup.md").props == {} and meta(db, lib, "guide/setup.md").rating is None
    with pytest.raises(ParamError, match="not a Long"):
        op.validate({"library": "lib", "filter": "glob:*", "set": "rating=high"}, env)
    with pytest.raises(ParamError, match="unknown filter"):
        op.validate({"library": "lib", "filter": "color:red", "set": "a=b"}, env)
    with pytest.raises(ParamError, match="nothing to do"):
        op.validate({"library": "lib", "filter": "glob:*"}, env)


def test_import_batch_applies_whole_or_not_at_all(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library(db, tmp_path / "lib", {f"a{i}.txt": "a" for i in range(4)})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title,xmp:Rating\n" + "".join(f"a{i}.txt,T{i},{i}\n" for i in range(4)))
    calls = []
    real = L.Prepared.run_many  # the Python route's UPDATE (PostgreSQL)
    real_rows = mr._SQLiteStatement.run_rows  # SQLite's

    def run_many(self: L.Prepared, cursor: object, dialect: object, rows: list) -> object:
        calls.append(len(rows))
        if len(calls) == 2:  # the second batch fails after its UPDATE ran
            real(self, cursor, dialect, rows)
            raise RuntimeError("disk full")
        return real(self, cursor, dialect, rows)

    def run_rows(self: mr._SQLiteStatement, cursor: object, lid: object, rows: list, unique: bool = False) -> int:
        calls.append(len(rows))
        changed = real_rows(self, cursor, lid, rows, unique)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return changed

    monkeypatch.setattr(L.Prepared, "run_many", run_many)
    monkeypatch.setattr(mr._SQLiteStatement, "run_rows", run_rows)
    with pytest.raises(RuntimeError, match="disk full"):
        run_op(db, "metadata-import", {"library": "lib", "input": str(src), "batch_size": 2})
    got = [(meta(db, lib, f"a{i}.txt").title, meta(db, lib, f"a{i}.txt").rating) for i in range(4)]
    assert got == [("T0", 0), ("T1", 1), (None, None), (None, None)]
