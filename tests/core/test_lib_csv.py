"""The DAM's metadata CSV as its users exchange it: header forms from public files, unreadable records,
empty cells, path prefixes, dates, dry-run diff, formula neutralising and no per-run state on the operation."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest

from core import library as L
from core.operations import OperationEnv, registry
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, meta, run_failing, run_op

FILES = {f"p{i:02d}.png": "PNG" for i in range(30)}


def rows_of(path: Path, sep: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with open(path, newline="", encoding=encoding) as fh:
        return list(csv.reader(fh, delimiter=sep))


@pytest.mark.parametrize(
    ("header", "name", "type_", "multi"),
    [
        ("price{{Number: multi}}", "price", "Double", True),  # Adobe's commerce sample
        ("count{{ Int }}", "count", "Long", False),  # ACS AEM Tools
        ("names{{ String : multi }}", "names", "String", True),  # ACS AEM Tools
        ("words{{string : MULTI }}", "words", "String", True),  # Adobe's tutorial
        ("n{{Integer}}", "n", "Long", False),
        ("d{{calendar}}", "d", "Date", False),
        ("x{{DECIMAL}}", "x", "Decimal", False),
        ("x{{Name}}", "x", "Name", False),
        ("x{{Path}}", "x", "Path", False),
        ("x{{URI}}", "x", "URI", False),
        ("x{{Reference: multi}}", "x", "Reference", True),
        ("x{{WeakReference}}", "x", "WeakReference", False),
    ],
)
def test_every_header_form_of_public_files(header: str, name: str, type_: str, multi: bool) -> None:
    col = L.Column.parse(header)
    assert (col.name, col.type, col.multi) == (name, type_, multi)


def test_real_world_headers_import_and_binary_costs_its_column(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", {"a.png": "PNG"})
    src = tmp_path / "in.csv"
    src.write_text(
        "assetPath,price{{Number: multi}},count{{ Int }},names{{ String : multi }},words{{string : MULTI }},"
        "thumb{{Binary}},x{{Blob}},dc:title{{String: multi}}\n"
        "/a.png,1.5|2,7,a|b,c,AAAA,zz,Title|with bar\n"
    )
    result, ctx = run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    warnings = [m for m, _ in log_lines(db, ctx, "WARNING")]
    assert any("column 6" in w and "Binary" in w and "ignored" in w for w in warnings)
    assert any("column 7" in w and "unknown type 'Blob'" in w for w in warnings)
    assert any("column 8" in w and "multiple values are joined" in w for w in warnings)
    m = meta(db, lib, "a.png")
    assert m.props == {
        "price": ["Double", [1.5, 2.0]],
        "count": ["Long", 7],
        "names": ["String", ["a", "b"]],
        "words": ["String", ["c"]],
    }
    assert m.title == "Title|with bar" and result["changed"] == 1


def unclosed(tmp_path: Path) -> Path:
    lines = ["assetPath,dc:title"] + [f"/p{i:02d}.png,T{i}" for i in range(2, 9)] + ['/p09.png,"broken']
    lines += [f"/p{i:02d}.png,T{i}" for i in range(10, 23)]
    src = tmp_path / "unclosed.csv"
    src.write_text("\n".join(lines) + "\n")
    return src


def test_an_unclosed_quote_fails_the_job_naming_its_lines(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    src = unclosed(tmp_path)
    op = registry.get("metadata-import")
    params = op.validate({"library": "lib", "input": str(src)}, OperationEnv(db, "tester"))
    estimate = op.estimate(OperationEnv(db, "tester"), params)["rows"]
    failed, ctx = run_failing(db, "metadata-import", params)
    assert failed.result["rows"] == estimate == 8
    assert ("a quote opened on line 9 is never closed: lines 9–22 not read", "line 9") in log_lines(db, ctx, "ERROR")
    assert "14 lines of unclosed.csv could not be read; 7 assets changed" in str(failed)
    assert failed.result["applied"] == [f"p{i:02d}.png" for i in range(2, 9)]
    assert meta(db, lib, "p08.png").title == "T8" and meta(db, lib, "p10.png").title is None


def test_carriage_return_files_and_broken_encoding(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    src = tmp_path / "mac.csv"
    src.write_bytes(b'assetPath,dc:title\r/p00.png,A\r/p01.png,\xff\xfe\r/p02.png,"two\rlines"\r')
    op = registry.get("metadata-import")
    params = op.validate({"library": "lib", "input": str(src)}, OperationEnv(db, "tester"))
    assert op.estimate(OperationEnv(db, "tester"), params)["rows"] == 3
    failed, ctx = run_failing(db, "metadata-import", params)
    assert failed.result["rows"] == 3 and failed.result["unreadable_lines"] == [[3, 3]]
    assert meta(db, lib, "p00.png").title == "A" and meta(db, lib, "p02.png").title == "two\rlines"
    assert any(m.startswith("line 3: not UTF-8 text") for m, _ in log_lines(db, ctx, "ERROR"))


def test_empty_cells_keep_unless_asked_and_path_prefix(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", FILES)
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:p0*.png", "set": '{"dc:title": "Set", "rating": 3}'})
    src = tmp_path / "in.csv"
    src.write_text(
        "ASSETPATH,dc:title,xmp:Rating\n/content/dam/lib/p00.png,,4\n/elsewhere/p01.png,X,1\n/content/dam/lib/p02.png,,\n"
    )
    _, ctx = run_op(db, "metadata-import", {"library": "lib", "input": str(src), "path_prefix": "/content/dam/lib"})
    assert (meta(db, lib, "p00.png").title, meta(db, lib, "p00.png").rating) == ("Set", 4)
    assert (meta(db, lib, "p02.png").title, meta(db, lib, "p02.png").rating) == ("Set", 3)
    assert (
        "line 3, column assetPath: '/elsewhere/p01.png' is not under /content/dam/lib; skipped",
        "line 3",
    ) in log_lines(db, ctx, "WARNING")
    run_op(
        db,
        "metadata-import",
        {"library": "lib", "input": str(src), "path_prefix": "/content/dam/lib", "empty": "clear"},
    )
    assert (meta(db, lib, "p02.png").title, meta(db, lib, "p02.png").rating) == (None, None)
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(out), "path_prefix": "/content/dam/lib"})
    assert rows_of(out)[1][0] == "/content/dam/lib/p00.png"


def test_dates_export_with_milliseconds(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.png": "PNG"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "set": "shot{{Date}}=2017-07-07T13:29:29Z"})
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(out), "properties": "shot,dam:modified"})
    rows = rows_of(out)
    assert rows[1][1] == "2017-07-07T13:29:29.000+00:00"
    assert rows[1][2][19:23].startswith(".") and rows[1][2].endswith("+00:00")


def test_dry_run_shows_each_change_and_how_columns_are_read(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", FILES)
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title,cq:tags\n" + "".join(f"/p{i:02d}.png,T{i},a|b\n" for i in range(30)))
    op = registry.get("metadata-import")
    env = OperationEnv(db, "tester")
    report = op.dry_run(env, op.validate({"library": "lib", "input": str(src)}, env))
    assert report.details[0] == "column dc:title: String, one value; an empty cell leaves the value unchanged"
    assert report.details[1] == (
        "column cq:tags: String, several values separated by '|'; an empty cell leaves the value unchanged"
    )
    assert report.details[2] == "p00.png: dc:title: ∅ → 'T0'"
    assert report.details[3] == "p00.png: cq:tags: ∅ → ['a', 'b']"
    assert report.details[2 + 50] == "… and 10 more changes (dc:title: 5, cq:tags: 5)"
    assert report.counts["changed"] == 30


def test_spreadsheet_formulas_neutralised_only_for_excel(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.png": "PNG"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "set": 'dc:title==HYPERLINK("http://x")'})
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(plain), "properties": "title"})
    run_op(db, "metadata-export", {"library": "lib", "output": str(excel), "properties": "title", "excel": True})
    assert rows_of(plain)[1] == ["/a.png", '=HYPERLINK("http://x")']
    assert rows_of(excel, ";", "utf-8-sig")[1] == ["/a.png", '\'=HYPERLINK("http://x")']
    assert L.join_multi(["a|b"], "|") == "a|b"


def test_values_holding_the_delimiter_are_warned_not_escaped(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.png": "PNG"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*", "set": '{"cq:tags": ["x|y", "z"]}'})
    out = tmp_path / "out.csv"
    _, ctx = run_op(db, "metadata-export", {"library": "lib", "output": str(out), "properties": "tags"})
    assert rows_of(out)[1] == ["/a.png", "x|y|z"]
    assert any(m.startswith("cq:tags: some values hold") for m, _ in log_lines(db, ctx, "WARNING"))


def test_two_exports_at_once_keep_their_own_state(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a/x.png": "PNG", "b/y.png": "PNG"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "folder:a", "set": "k{{Long}}=1"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "folder:b", "set": "k{{String}}=s"})
    op = registry.get("metadata-export")
    errors: list[BaseException] = []
    results: dict[str, list[str]] = {}

    def export(folder: str) -> None:
        try:
            out = tmp_path / f"{folder}.csv"
            _, ctx = run_op(db, "metadata-export", {"library": "lib", "folder": folder, "output": str(out)})
            results[folder] = [m for m, _ in log_lines(db, ctx, "WARNING")]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=export, args=(f,)) for f in ("a", "b", "/")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not hasattr(op, "_conflicts")
    assert results["a"] == [] and results["b"] == []
    assert results["/"] == []  # folder / without subfolders holds no asset


@pytest.mark.parametrize("chunk", [1, 2, 3, 1 << 20])
def test_progress_total_counts_lines_after_the_header_whatever_their_endings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from core.operations import csv_records

    monkeypatch.setattr(csv_records, "CHUNK", chunk)  # a CRLF split between two reads counts once
    for body, lines in (
        (b"h\na\nb\n", 2),
        (b"h\r\na\r\nb", 2),
        (b"h\ra\rb\r", 2),
        (b"h\na\r\nb\rc\n\n", 4),
        (b"h", 0),
        (b"", 0),
    ):
        path = tmp_path / "c.csv"
        path.write_bytes(body)
        assert csv_records.count_lines(path) == lines, body
