"""move: catalogue and links follow, clashes, dry run, thresholds, undo, and a kill -9 mid-move completed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from core import library as L
from core.engine import Engine
from core.errors import NotAllowed, ParamError
from core.operations import OperationEnv, registry
from core.store import jobs, settings
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status
from tests.core.library_helpers import all_links_resolve, make_library, run_op, trashed

ROOT = Path(__file__).resolve().parents[2]


def paths(db: Database, lib: L.LibraryInfo) -> set[str]:
    with db.connect_read() as conn:
        return set(conn.execute(select(L.assets_t.c.path).where(L.assets_t.c.library_id == lib.id)).scalars())


def disk(root: Path) -> set[str]:
    return {e.rel for e in L.walk(root)}


def test_move_folder_rewrites_every_link_and_the_catalogue(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    root = tmp_path / "lib"
    result, ctx = run_op(db, "move", {"library": "lib", "paths": ["guide", "img/logo.png"], "destination": "manual"})
    assert result["moved"] == [["guide", "manual/guide"], ["img/logo.png", "manual/logo.png"]]
    assert (root / "manual" / "guide" / "setup.md").is_file() and not (root / "guide").exists()
    assert "[setup](manual/guide/setup.md)" in (root / "index.md").read_text()
    assert "![logo](manual/logo.png)" in (root / "index.md").read_text()
    setup = (root / "manual" / "guide" / "setup.md").read_text()
    assert "[home](../../index.md)" in setup and '../../img/diagram.png "D"' in setup
    assert "[example](not/a/ref.md)" in setup  # fenced code is left alone
    assert '<img src="../manual/logo.png">' in (root / "site" / "page.html").read_text()
    assert all_links_resolve(db, lib) == []
    assert paths(db, lib) == disk(root)
    # the catalogue's references follow too
    again = L.scan(db, lib)
    assert (again.added, again.removed) == (0, 0)
    assert ctx.warnings == 0 and result["links_rewritten"] == 6


def test_move_undo_moves_back_with_links_fixed(db: Database, tmp_path: Path) -> None:
    lib = make_library(db, tmp_path / "lib")
    root = tmp_path / "lib"
    before = {p: (root / p).read_bytes() for p in disk(root) if (root / p).is_file()}
    params = {"library": "lib", "paths": ["guide/setup.md", "site"], "destination": "/archive/2024"}
    result, _ = run_op(db, "move", params)
    assert (root / "archive" / "2024" / "site" / "css" / "site.css").is_file()
    name, inverse = registry.get("move").undo(result, params)
    assert name == "move" and inverse["pairs"] == [
        ["archive/2024/setup.md", "guide/setup.md"],
        ["archive/2024/site", "site"],
    ]
    run_op(db, name, inverse)
    after = {p: (root / p).read_bytes() for p in disk(root) if (root / p).is_file()}
    assert after == before  # every file back, every link as it was
    assert all_links_resolve(db, lib) == []
    assert "archive/2024" in paths(db, lib)  # the created folder stays (empty)


def test_move_clash_refused_before_anything_moves_or_renamed_or_overwritten(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library(
        db, tmp_path / "lib", {"a/x.md": "[y](y.md)", "a/y.md": "y", "b/x.md": "old", "c.md": "[ax](a/x.md)"}
    )
    root = tmp_path / "lib"
    op = registry.get("move")
    env = OperationEnv(db, "tester")
    with pytest.raises(ParamError, match="'b/x.md' already exists: nothing was moved"):
        op.validate({"library": "lib", "paths": ["a/y.md", "a/x.md"], "destination": "b"}, env)
    assert (root / "a" / "y.md").exists()
    with pytest.raises(ParamError, match="into itself"):
        op.validate({"library": "lib", "paths": ["a"], "destination": "a/sub"}, env)
    with pytest.raises(NotAllowed):
        op.validate({"library": "lib", "paths": ["a"], "destination": "../out"}, env)
    result, _ = run_op(db, "move", {"library": "lib", "paths": ["a/x.md"], "destination": "b", "on_clash": "rename"})
    assert result["moved"] == [["a/x.md", "b/x (1).md"]]
    assert (root / "c.md").read_text() == "[ax](b/x%20%281%29.md)" and all_links_resolve(db, lib) == []
    result, _ctx = run_op(
        db, "move", {"library": "lib", "paths": ["b/x (1).md"], "destination": "/", "on_clash": "overwrite"}
    )
    assert (root / "x (1).md").exists()
    run_op(db, "move", {"library": "lib", "paths": ["x (1).md"], "destination": "b", "on_clash": "refuse"})
    (root / "d").mkdir()
    (root / "d" / "x (1).md").write_text("other")
    L.scan(db, lib)
    result, _ctx = run_op(
        db, "move", {"library": "lib", "paths": ["d/x (1).md"], "destination": "b", "on_clash": "overwrite"}
    )
    assert (root / "b" / "x (1).md").read_text() == "other" and result["overwritten"] == ["b/x (1).md"]
    assert trashed(root)["b/x (1).md"].read_text() == "[y](../a/y.md)"
    assert paths(db, lib) == disk(root)


def test_move_dry_run_and_thresholds(db: Database, tmp_path: Path) -> None:
    files = {f"pics/p{i:03d}.png": "p" for i in range(120)}
    files["gallery.md"] = "\n".join(f"![p](pics/p{i:03d}.png)" for i in range(60)) + "\n"
    lib = make_library(db, tmp_path / "lib", files)
    op = registry.get("move")
    env = OperationEnv(db, "tester")
    params = op.validate({"library": "lib", "paths": "pics", "destination": "media"}, env)
    report = op.dry_run(env, params)
    assert report.summary == "would move 120 files and 1 folder in 1 item and rewrite 60 links in 1 document"
    assert "gallery.md line 1: pics/p000.png → media/pics/p000.png" in report.details
    assert "… and 50 more" in report.details  # ten links shown, the count of the others said
    assert (tmp_path / "lib" / "pics").is_dir() and paths(db, lib) >= {"pics/p000.png"}
    plan = jobs.plan(db, "move", params)
    assert not plan.inline and plan.counts == {"assets": 120, "references": 60}  # as many as the dry run rewrites
    assert "assets 120 > 100" in plan.reason and "references 60 > 50" in plan.reason
    assert jobs.plan(db, "move", {"library": "lib", "paths": ["pics/p001.png"], "destination": "x"}).inline
    settings.set_threshold(db, "move", "references", 0)
    assert not jobs.plan(db, "move", {"library": "lib", "paths": ["pics/p001.png"], "destination": "x"}).inline


def _library_for_kill(db: Database, root: Path) -> L.LibraryInfo:
    files = {}
    for i in range(12):
        files[f"src/d{i:02d}/page.md"] = f"# {i}\n[home](../../index.md) [next](../d{(i + 1) % 12:02d}/page.md)\n"
        files[f"src/d{i:02d}/pic.png"] = "png"
    files["index.md"] = "\n".join(f"- [{i}](src/d{i:02d}/page.md) ![p](src/d{i:02d}/pic.png)" for i in range(12))
    settings.set_threshold(db, "move", "references", 1000)  # `asyncops run` runs it inline, in its own process
    return make_library(db, root, files)


def _start_move(tmp_path: Path, delay: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ASYNCOPS_TEST_MOVE_STEP_DELAY": str(delay), "PYTHONPATH": str(ROOT)}
    paths_ = ",".join(f"src/d{i:02d}" for i in range(12))
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "core.cli",
            "run",
            "move",
            "-p",
            "library=lib",
            "-p",
            f"paths={paths_}",
            "-p",
            "destination=dst/moved",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _steps_done(db: Database) -> int:
    with db.connect_read() as conn:
        return len(conn.execute(select(L.MoveStep.id).where(L.MoveStep.done.is_(True))).all())


def _check_complete(db: Database, lib: L.LibraryInfo, root: Path) -> None:
    assert not (root / "src").exists() or not any((root / "src").iterdir())
    for i in range(12):
        assert (root / "dst" / "moved" / f"d{i:02d}" / "pic.png").read_text() == "png"
    assert all_links_resolve(db, lib) == []
    assert "[0](dst/moved/d00/page.md)" in (root / "index.md").read_text()
    assert paths(db, lib) == disk(root)
    assert not list(root.rglob(f"*{L.TMP_SUFFIX}"))


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [3, 14])  # in the middle of the renames / of the document rewrites
def test_move_killed_with_sigkill_is_resumed_by_the_engine(db: Database, tmp_path: Path, kill_after: int) -> None:
    lib = _library_for_kill(db, tmp_path / "lib")
    proc = _start_move(tmp_path, 0.15)
    try:
        wait_for(lambda: _steps_done(db) >= kill_after or proc.poll() is not None, timeout=60)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    job = jobs.list_jobs(db, operation="move")[0]
    assert job.status.is_running and 0 < _steps_done(db) < 26
    # the links are broken now; an engine notices the dead one, re-queues the resumable job and completes it
    engine = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    try:
        done = wait_status(db, job.id, "SUCCEEDED", timeout=60)
    finally:
        engine.shutdown(grace=5)
    assert done.result["complete"] and len(done.result["moved"]) == 12
    _check_complete(db, lib, tmp_path / "lib")


@pytest.mark.slow
def test_move_killed_with_sigkill_is_completed_by_running_it_again(db: Database, tmp_path: Path) -> None:
    lib = _library_for_kill(db, tmp_path / "lib")
    proc = _start_move(tmp_path, 0.15)
    try:
        wait_for(lambda: _steps_done(db) >= 6 or proc.poll() is not None, timeout=60)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    first = jobs.list_jobs(db, operation="move")[0]
    again = _start_move(tmp_path, 0)
    # the first job still owns its plan (running or waiting to run again): the second is refused, and the
    # first is left as it is (an operation never changes another job's state)
    assert again.wait(60) != 0
    second = next(j for j in jobs.list_jobs(db, operation="move") if j.id != first.id)
    assert str(second.status) == "FAILED" and "still running or waiting to run" in (second.message or "")
    engine = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    try:
        done = wait_status(db, first.id, "SUCCEEDED", timeout=60)
    finally:
        engine.shutdown(grace=5)
    assert done.result["complete"]
    _check_complete(db, lib, tmp_path / "lib")
