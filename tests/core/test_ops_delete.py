"""delete and restore: trash or permanent, reference warnings, thresholds, dry run, path safety, undo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core import library as L
from core.engine import Engine
from core.errors import NotAllowed, NotFound
from core.operations import OperationEnv, registry
from core.store import jobs, settings
from core.store.db import Database
from tests.core.helpers import wait_status
from tests.core.library_helpers import log_lines, make_library, run_op, trashed


@pytest.fixture
def trash(tmp_path: Path) -> Path:
    """The library's own trash (never the user's)."""
    return tmp_path / "lib" / L.TRASH_DIR


def test_delete_to_trash_warns_about_references_and_undo_restores(db: Database, tmp_path: Path, trash: Path) -> None:
    make_library(db, tmp_path / "lib")
    result, ctx = run_op(db, "delete", {"library": "lib", "paths": '["guide", "img/logo.png"]'})
    root = tmp_path / "lib"
    assert not (root / "guide").exists() and not (root / "img" / "logo.png").exists()
    assert trashed(root)["guide"].joinpath("setup.md").is_file()
    assert result["deleted"] == ["guide", "img/logo.png"] and result["files"] == 3 and result["folders"] == 1
    warnings = log_lines(db, ctx, "WARNING")
    # the referring file and the line; references from inside what is deleted are not reported
    assert ("index.md line 3 refers to guide/setup.md ('guide/setup.md'), which is deleted", "index.md:3") in warnings
    assert ("index.md line 5 refers to img/logo.png ('img/logo.png'), which is deleted", "index.md:5") in warnings
    assert (
        "site/page.html line 3 refers to img/logo.png ('../img/logo.png'), which is deleted",
        "site/page.html:3",
    ) in warnings
    assert not any(item.startswith("guide/") for _, item in warnings)
    assert len(warnings) == 4 and ctx.warnings == 4
    assert {x.rel for x in L.walk(root)} == {
        "index.md",
        "site",
        "site/page.html",
        "site/css",
        "site/css/site.css",
        "img",
        "img/diagram.png",
        "img/bg.png",
    }
    assert L.list_libraries(db)[0].files == 5
    # undo: restore from the trash, indexed again
    name, params = registry.get("delete").undo(result, {"library": "lib", "paths": ["guide", "img/logo.png"]})
    assert name == "restore"
    restored, _ = run_op(db, name, params)
    assert restored["restored"] == ["guide", "img/logo.png"]
    assert (root / "guide" / "setup.md").read_text().startswith("---") and (root / "img" / "logo.png").is_file()
    assert trashed(root) == {}
    assert L.list_libraries(db)[0].files == 8
    assert registry.get("restore").undo(restored, params) == (
        "delete",
        {"library": "lib", "paths": ["guide", "img/logo.png"]},
    )


def test_delete_permanent_and_dry_run(db: Database, tmp_path: Path, trash: Path) -> None:
    make_library(db, tmp_path / "lib")
    op = registry.get("delete")
    env = OperationEnv(db, "tester")
    params = op.validate({"library": "lib", "paths": "guide,/site", "permanent": "true"}, env)
    report = op.dry_run(env, params)
    assert report.counts == {"assets": 4, "folders": 3, "references": 2}
    assert report.summary.startswith("would delete 4 files and 3 folders permanently")
    assert "index.md line 3 refers to guide/setup.md ('guide/setup.md'), which is deleted" in report.details
    assert (tmp_path / "lib" / "guide").is_dir()  # a dry run changes nothing
    result, _ = run_op(db, "delete", params)
    assert not (tmp_path / "lib" / "guide").exists() and not (tmp_path / "lib" / "site").exists()
    assert trashed(tmp_path / "lib") == {} and result["permanent"] and op.undo(result, params) is None


def test_delete_never_leaves_the_library(db: Database, tmp_path: Path, trash: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    make_library(db, tmp_path / "lib", {"a.txt": "a", "dir/b.txt": "b"})
    os.symlink(outside, tmp_path / "lib" / "dir" / "out")
    os.symlink(outside / "keep.txt", tmp_path / "lib" / "keep-link.txt")
    op = registry.get("delete")
    env = OperationEnv(db, "tester")
    for bad, exc in [
        ("../outside/keep.txt", NotAllowed),
        ("dir/../../outside", NotAllowed),
        ("dir/out/keep.txt", NotAllowed),
        (str(outside / "keep.txt"), NotFound),
        ("/", NotAllowed),
    ]:
        with pytest.raises(exc):
            op.validate({"library": "lib", "paths": [bad], "permanent": True}, env)
    # a symbolic link inside the library is deleted as a link; its target is untouched
    run_op(db, "delete", {"library": "lib", "paths": ["keep-link.txt", "dir"], "permanent": True})
    assert not os.path.lexists(tmp_path / "lib" / "keep-link.txt") and not (tmp_path / "lib" / "dir").exists()
    assert (outside / "keep.txt").read_text() == "keep"


def test_delete_threshold_plans_inline_or_queued(db: Database, tmp_path: Path) -> None:
    files = {f"f{i:02d}/x{j}.txt": "x" for i in range(3) for j in range(4)}
    make_library(db, tmp_path / "lib", files)
    small = jobs.plan(db, "delete", {"library": "lib", "paths": ["f00"]})
    assert small.inline and small.counts == {"assets": 4, "folders": 1}
    settings.set_threshold(db, "delete", "assets", 5)
    big = jobs.plan(db, "delete", {"library": "lib", "paths": ["f00", "f01"]})
    assert not big.inline and "assets 8 > 5" in big.reason
    settings.set_threshold(db, "delete", "folders", 1)
    assert not jobs.plan(db, "delete", {"library": "lib", "paths": ["f00/x0.txt", "f01/x1.txt", "f02"]}).inline
    assert registry.get("delete").default_thresholds == {"assets": 100, "folders": 20}


def test_delete_through_the_engine(db: Database, engine: Engine, tmp_path: Path, trash: Path) -> None:
    make_library(db, tmp_path / "lib")
    snap = engine.submit("delete", {"library": "lib", "paths": ["img"]})
    done = wait_status(db, snap.id, "SUCCEEDED")
    assert done.warnings == 4 and done.result["deleted"] == ["img"]
    assert (done.progress_done, done.progress_total) == (4, 4)


def test_delete_permanent_forgets_only_what_is_gone(
    db: Database, tmp_path: Path, trash: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"top/d{i}/{'keep' if i == 1 else 'f'}{j}.txt": "x" for i in range(3) for j in range(3)}
    files["top/d0/sub/g.txt"] = "x"
    lib = make_library(db, tmp_path / "lib", files)
    real_unlink = os.unlink

    def unlink(path: object, *args: object, **kwargs: object) -> None:
        if str(path).startswith("keep"):
            raise PermissionError(13, "Permission denied")
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", unlink)
    result, ctx = run_op(db, "delete", {"library": "lib", "paths": ["top"], "permanent": True})
    monkeypatch.undo()
    assert ctx.errors == 5 and result["deleted"] == []  # 3 files, then their folder and top not empty
    from sqlalchemy import select

    with db.connect_read() as conn:
        left = set(conn.execute(select(L.assets_t.c.path).where(L.assets_t.c.library_id == lib.id)).scalars())
    assert left == {"top", "top/d1", "top/d1/keep0.txt", "top/d1/keep1.txt", "top/d1/keep2.txt"}
    assert left == {e.rel for e in L.walk(tmp_path / "lib")}


def test_purging_a_delete_empties_its_trash_entries_and_nothing_else(db: Database, tmp_path: Path) -> None:
    """The trash keeps what a job deleted while that job is in the history (its undo works); once the job is
    purged, nothing can bring the entry back, and the purge empties it. The other job's entry, the library's
    files and a sentinel outside the library (behind a link planted in the trash) are untouched."""
    from sqlalchemy import update

    from core.api import Tracker
    from core.store.schema import Job, utcnow

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("sentinel")
    make_library(db, tmp_path / "lib")
    root = tmp_path / "lib"
    _, ctx1 = run_op(db, "delete", {"library": "lib", "paths": '["guide"]'})
    _, ctx2 = run_op(db, "delete", {"library": "lib", "paths": '["img/logo.png"]'})
    (root / L.TRASH_DIR / "9-9-9").symlink_to(outside)  # shaped like an entry: never followed
    tracker = Tracker(db.url)
    try:
        with db.write() as s:  # the first job ended a while ago, the second still runs
            s.execute(update(Job).where(Job.id == ctx1.job_id).values(status="SUCCEEDED", finished_at=utcnow()))
            s.execute(update(Job).where(Job.id == ctx2.job_id).values(status="ACTIVE"))
        assert tracker.purge(days=1, keep=10) == 0  # kept by its retention: its undo still works
        assert set(trashed(root)) == {"guide", "img/logo.png"}
        assert (root / L.TRASH_DIR / "9-9-9").is_symlink()  # an orphan younger than a day stays
        assert tracker.purge(days=0, keep=0) == 1
        assert set(trashed(root)) == {"img/logo.png"}  # the second job can still undo its delete
        assert (outside / "keep.txt").read_text() == "sentinel"
        # days=0: an orphan of any age goes; the link is removed, never what it points to
        assert not (root / L.TRASH_DIR / "9-9-9").is_symlink()
        assert (outside / "keep.txt").read_text() == "sentinel"
        assert (root / "index.md").is_file()
    finally:
        tracker.close()
