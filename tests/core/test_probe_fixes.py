"""What a user probing the catalogue found: each test reproduces one report and checks what a user expects."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from core import library as L
from core.api import Tracker
from core.cli import main
from core.engine import Engine
from core.errors import ConflictError, ParamError
from core.operations import OperationEnv, registry
from core.status import JobStatus
from core.store.db import Database
from tests.core.helpers import wait_status
from tests.core.library_helpers import log_lines, make_library, meta, run_failing, run_op


def test_non_finite_numbers_cost_their_cell_only(db: Database, tmp_path: Path) -> None:
    """NaN, infinities and numbers beyond a Double's range are not numbers JSON or the DAM hold: the cell is
    warned about, the rest of its row and the other rows apply (it used to fail the whole import)."""
    lib = make_library(db, tmp_path / "lib", {"a.jpg": "A", "b.jpg": "B", "c.jpg": "C", "d.jpg": "D"})
    src = tmp_path / "in.csv"
    src.write_text(
        "assetPath,dc:title{{String}},w{{Double}},p{{Decimal}}\n"
        "/a.jpg,Title A,nan,1.50\n/b.jpg,Title B,1e400,Infinity\n/c.jpg,Title C,-inf,NaN\n/d.jpg,Title D,1.5,2\n",
        encoding="utf-8",
    )
    result, ctx = run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    assert result["changed"] == 4
    assert [meta(db, lib, p).title for p in ("a.jpg", "b.jpg", "c.jpg", "d.jpg")] == [
        "Title A",
        "Title B",
        "Title C",
        "Title D",
    ]
    assert meta(db, lib, "d.jpg").props == {"w": ["Double", 1.5], "p": ["Decimal", "2"]}
    assert meta(db, lib, "a.jpg").props == {"p": ["Decimal", "1.50"]}
    warnings = [m for m, _ in log_lines(db, ctx, "WARNING")]
    assert "line 2, column w{{Double}}: 'nan' is not a finite Double" in " ".join(warnings)
    assert any(w.startswith("line 3, column w{{Double}}: '1e400' is not a finite Double") for w in warnings)
    assert any(w.startswith("line 3, column p{{Decimal}}: 'Infinity' is not a Decimal") for w in warnings)
    assert any(w.startswith("line 4, column p{{Decimal}}: 'NaN' is not a Decimal") for w in warnings)
    # an export of what was stored imports again unchanged (NaN stored by mass-edit used to break that)
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(out)})
    again, _ = run_op(db, "metadata-import", {"library": "lib", "input": str(out)})
    assert again["changed"] == 0


def test_mass_edit_refuses_a_non_finite_number(db: Database, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib", {"a.jpg": "A"})
    op = registry.get("mass-edit")
    env = OperationEnv(db, "tester")
    for text in ("nan", "inf", "-Infinity", "1e999"):
        with pytest.raises(ParamError, match="not a finite Double"):
            op.validate({"library": "lib", "filter": "glob:*", "set": f"n{{{{Double}}}}={text}"}, env)
    with pytest.raises(ParamError, match="not a Long"):
        op.validate({"library": "lib", "filter": "glob:*", "set": "n{{Long}}=1_000"}, env)


def test_excel_export_neutralises_the_header_row_too(db: Database, tmp_path: Path) -> None:
    """A property's name comes from whoever wrote the imported file: in a spreadsheet it is a cell like the others."""
    make_library(db, tmp_path / "lib", {"a.jpg": "A"})
    src = tmp_path / "in.csv"
    src.write_text('assetPath,"=HYPERLINK(""http://evil""){{String}}",@cmd{{String}},+x{{Long}}\n/a.jpg,v,w,1\n')
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(out), "excel": "true"})
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert all(not cell.lstrip('"').startswith(("=", "@", "+", "-")) for cell in header), header
    assert "'@cmd{{String}}" in header and "'+x{{Long}}" in header


def test_a_job_is_undone_once(db: Database, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second undo of a move moved whatever had come to the move's destination since (an unrelated file)."""
    root = tmp_path / "lib"
    lib = make_library(db, root, {"f/n.txt": "mine", "g/keep.txt": "k"})
    tracker = Tracker(db)
    move = tracker.submit("move", {"library": "lib", "paths": ["f/n.txt"], "destination": "g"})
    assert wait_status(db, move.id).status is JobStatus.SUCCEEDED
    undo = tracker.undo(move.id)
    assert wait_status(db, undo.id).status is JobStatus.SUCCEEDED
    assert (root / "f" / "n.txt").read_text() == "mine" and not (root / "g" / "n.txt").exists()
    (root / "g" / "n.txt").write_text("unrelated")
    L.scan(db, lib)
    with pytest.raises(ConflictError, match=f"job #{move.id} is already undone by job #{undo.id} \\(SUCCEEDED\\)"):
        tracker.undo(move.id)
    assert main(["undo", str(move.id)]) == 2
    assert f"already undone by job #{undo.id}" in capsys.readouterr().err
    assert (root / "g" / "n.txt").read_text() == "unrelated" and (root / "f" / "n.txt").read_text() == "mine"


def test_prefer_file_takes_the_files_value_after_the_conflict_was_told(db: Database, tmp_path: Path) -> None:
    """The conflict warning advises `scan -p prefer=file`; it changed nothing, since the warning's scan had noted
    the file's new value (and a file unchanged since is not read again)."""
    root = tmp_path / "lib"
    lib = make_library(db, root, {"b.md": "---\ntitle: File B\n---\nB\n", "c.md": "---\ntitle: File C\n---\nC\n"})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n/b.md,Edited B\n/c.md,Edited C\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    (root / "b.md").write_text("---\ntitle: File B v2\n---\nB\n")
    _, ctx = run_op(db, "scan", {"library": "lib"})
    assert any("the catalogue keeps the edit 'Edited B'" in m for m, _ in log_lines(db, ctx, "WARNING"))
    assert meta(db, lib, "b.md").title == "Edited B"
    _, ctx = run_op(db, "scan", {"library": "lib", "prefer": "file"})
    dropped = sorted(m for m, _ in log_lines(db, ctx, "WARNING"))
    assert len(dropped) == 2 and "replaces the edit 'Edited B'" in dropped[0] and "'Edited C'" in dropped[1]
    assert (meta(db, lib, "b.md").title, meta(db, lib, "c.md").title) == ("File B v2", "File C")
    with db.connect_read() as conn:
        edits = conn.execute(select(L.assets_t.c.edits).where(L.assets_t.c.library_id == lib.id)).scalars().all()
    assert all(not e for e in edits)
    _, ctx = run_op(db, "scan", {"library": "lib", "force": "true"})  # the files' values stay, with no warning
    assert log_lines(db, ctx, "WARNING") == [] and meta(db, lib, "b.md").title == "File B v2"


def test_a_bad_byte_inside_a_quoted_cell_costs_the_whole_record(db: Database, tmp_path: Path) -> None:
    """The line that did not decode was left out of the cell, which was applied without it (and counted twice)."""
    lib = make_library(db, tmp_path / "lib", {"a.jpg": "A", "b.jpg": "B"})
    src = tmp_path / "in.csv"
    src.write_bytes(
        b'assetPath,dc:description\n/a.jpg,"first line\nsecond caf\xe9 line\nthird line"\n/b.jpg,one line\n'
    )
    op = registry.get("metadata-import")
    params = op.validate({"library": "lib", "input": str(src)}, OperationEnv(db, "tester"))
    assert op.estimate(OperationEnv(db, "tester"), params)["rows"] == 2
    failed, ctx = run_failing(db, "metadata-import", params)
    assert failed.result["rows"] == 2 and failed.result["unreadable_lines"] == [[2, 4]]
    assert failed.result["applied"] == ["b.jpg"]
    assert meta(db, lib, "a.jpg").description is None and meta(db, lib, "b.jpg").description == "one line"
    errors = [m for m, _ in log_lines(db, ctx, "ERROR")]
    assert any(m.startswith("lines 2–4: line 3 of this record is not UTF-8 text; not read") for m in errors)


def test_a_multi_value_cell_of_separators_or_spaces_is_empty(db: Database, tmp_path: Path) -> None:
    """With empty cells kept, '|' cleared the tags and ' ' became a tag named ' '."""
    lib = make_library(db, tmp_path / "lib", {"a.jpg": "A", "b.jpg": "B", "c.jpg": "C"})
    run_op(db, "mass-edit", {"library": "lib", "filter": "glob:*.jpg", "add_tags": "keep1"})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,cq:tags{{String: multi}}\n/a.jpg,|\n/b.jpg, \n/c.jpg,x| |y\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    assert [meta(db, lib, p).tags for p in ("a.jpg", "b.jpg", "c.jpg")] == [["keep1"], ["keep1"], ["x", "y"]]
    run_op(db, "metadata-import", {"library": "lib", "input": str(src), "empty": "clear"})
    assert [meta(db, lib, p).tags for p in ("a.jpg", "b.jpg")] == [[], []]


def test_rejected_rows_of_a_carriage_return_file_keep_its_line_ends(
    db: Database, engine: Engine, tmp_path: Path
) -> None:
    make_library(db, tmp_path / "lib", {"a.jpg": "A"})
    src = tmp_path / "mac.csv"
    src.write_bytes(b"assetPath,xmp:Rating{{Long}}\r/a.jpg,3\r/nope.jpg,1\r/a.jpg,three\r")
    job = Tracker(db).submit("metadata-import", {"library": "lib", "input": str(src)})
    done = wait_status(db, job.id)
    assert done.status is JobStatus.SUCCEEDED and done.warnings == 2
    [out] = done.outputs
    data = Path(out["path"]).read_bytes()
    assert b"\n" not in data and data.count(b"\r") == 3 and data.startswith(b"assetPath,xmp:Rating{{Long}},")


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
    "{title}</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_a_new_or_changed_sidecar_is_read_by_a_plain_scan(db: Database, tmp_path: Path) -> None:
    """The image did not change, so only `force=true` read the sidecar added or changed beside it; an edit under
    the sidecar's new value was not warned about either."""
    root = tmp_path / "lib"
    lib = make_library(db, root, {"p.jpg": "JPEG", "q.png": "PNG", "q.xmp": XMP.format(title="Q1")})
    assert meta(db, lib, "q.png").title == "Q1"
    (root / "p.xmp").write_text(XMP.format(title="Sidecar title"))
    run_op(db, "scan", {"library": "lib"})
    assert meta(db, lib, "p.jpg").title == "Sidecar title"
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n/q.png,My edit\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    (root / "q.xmp").write_text(XMP.format(title="Q2 from the photographer"))
    os.utime(root / "q.xmp", (1e9, 1e9))  # another size and time than the last scan saw
    _, ctx = run_op(db, "scan", {"library": "lib"})
    assert any("'Q2 from the photographer'" in m and "'My edit'" in m for m, _ in log_lines(db, ctx, "WARNING"))
    assert meta(db, lib, "q.png").title == "My edit"


def test_a_field_the_file_no_longer_gives_leaves_the_catalogue_unless_edited(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "lib"
    text = "---\ntitle: T\ndescription: Old desc\ntags: [a, b]\nrating: 3\nclient: ACME\n---\nBody\n"
    lib = make_library(db, root, {"a.md": text, "b.md": text})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:description\n/b.md,My description\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    for name in ("a.md", "b.md"):
        (root / name).write_text("---\ntitle: T\n---\nBody again\n")
    run_op(db, "scan", {"library": "lib"})
    a, b = meta(db, lib, "a.md"), meta(db, lib, "b.md")
    assert (a.title, a.description, a.tags, a.rating, a.props) == ("T", None, [], None, {})
    assert (b.title, b.description, b.tags, b.rating, b.props) == ("T", "My description", [], None, {})


def test_dates_are_stored_as_exported_so_a_round_trip_changes_nothing(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib", {"a.jpg": "A", "b.jpg": "B", "c.jpg": "C"})
    src = tmp_path / "in.csv"
    src.write_text(
        "assetPath,shot{{Date}}\n/a.jpg,2017-07-07\n/b.jpg,2017-07-07T13:29:29\n/c.jpg,2017-07-07T13:29:29.123456Z\n"
    )
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    assert [meta(db, lib, p).props["shot"][1] for p in ("a.jpg", "b.jpg", "c.jpg")] == [
        "2017-07-07T00:00:00.000+00:00",
        "2017-07-07T13:29:29.000+00:00",
        "2017-07-07T13:29:29.123+00:00",
    ]
    out = tmp_path / "out.csv"
    run_op(db, "metadata-export", {"library": "lib", "output": str(out)})
    again, _ = run_op(db, "metadata-import", {"library": "lib", "input": str(out)})
    assert again["changed"] == 0


def test_undoing_an_overwriting_move_brings_the_overwritten_file_back_with_its_edits(
    db: Database, engine: Engine, tmp_path: Path
) -> None:
    root = tmp_path / "lib"
    lib = make_library(db, root, {"a/x.md": "---\ntitle: A x\n---\nA\n", "b/x.md": "---\ntitle: B x\n---\nB\n"})
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n/b/x.md,Edited B x\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    tracker = Tracker(db)
    move = tracker.submit("move", {"library": "lib", "paths": ["a/x.md"], "destination": "b", "on_clash": "overwrite"})
    done = wait_status(db, move.id)
    assert done.status is JobStatus.SUCCEEDED and done.result["overwritten"] == ["b/x.md"]
    assert (root / "b" / "x.md").read_text().startswith("---\ntitle: A x")
    undo = tracker.undo(move.id)
    assert wait_status(db, undo.id).status is JobStatus.SUCCEEDED
    assert (root / "a" / "x.md").read_text().startswith("---\ntitle: A x")
    assert (root / "b" / "x.md").read_text() == "---\ntitle: B x\n---\nB\n"
    assert meta(db, lib, "b/x.md").title == "Edited B x" and meta(db, lib, "a/x.md").title == "A x"
    assert list((root / L.TRASH_DIR).iterdir()) == []  # the entry was taken back
