"""A library is a jail: each attack of issue 9, with a sentinel folder outside the library that must not change."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core import library as L
from core.engine import JobContext
from core.errors import OperationFailed
from core.operations import OperationEnv, registry
from core.store import jobs
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, run_op


def sentinel(tmp_path: Path) -> Path:
    out = tmp_path / "outside"
    (out / "sub").mkdir(parents=True)
    (out / "secret.txt").write_text("secret")
    (out / "sub" / "f.txt").write_text("f")
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def start_job(db: Database, name: str, params: dict[str, Any]) -> tuple[dict[str, Any], JobContext]:
    op = registry.get(name)
    params = op.validate(params, OperationEnv(db, "tester"))
    snap = jobs.submit(db, name, params, inline_worker="test-inline", validate=False)
    return params, JobContext(snap, db, flush_interval=0)


# -- delete --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("permanent", [False, True])
def test_folder_swapped_for_a_link_mid_delete_touches_nothing_outside(
    db: Database, tmp_path: Path, permanent: bool
) -> None:
    out = sentinel(tmp_path)
    before = snapshot(out)
    root = tmp_path / "lib"
    make_library(db, root, {"a.txt": "a", "docs/sub/f.txt": "mine", "docs/secret.txt": "mine"})
    params, ctx = start_job(db, "delete", {"library": "lib", "paths": ["a.txt", "docs/sub"], "permanent": permanent})
    real_advance = ctx.advance
    swapped = []

    def advance(n: int = 1) -> None:  # after the first item: the folder becomes a link to the sentinel
        real_advance(n)
        if not swapped:
            swapped.append(True)
            shutil.rmtree(root / "docs")
            os.symlink(out, root / "docs")

    ctx.advance = advance  # type: ignore[method-assign]
    result = registry.get("delete").run(ctx, params)
    ctx.flush()
    assert swapped and snapshot(out) == before
    assert result["deleted"] == ["a.txt"] and result["failed"] == ["docs/sub"]
    assert any("symbolic link" in m for m, _ in log_lines(db, ctx, "WARNING"))
    assert os.path.islink(root / "docs")


# -- restore -------------------------------------------------------------------------------------------
def test_restore_only_brings_back_what_its_job_put_in_the_trash(db: Database, tmp_path: Path) -> None:
    out = sentinel(tmp_path)
    before = snapshot(out)
    root = tmp_path / "lib"
    make_library(db, root, {"a.txt": "a", "b.txt": "b"})
    result, ctx = run_op(db, "delete", {"library": "lib", "paths": ["a.txt"]})
    entry = result["trashed"][0]["trash"]
    op = registry.get("restore")
    # a trash path from anywhere: refused, nothing pulled into the library
    for crafted in (str(out / "secret.txt"), "../../outside/secret.txt", f"{entry}/../../..", "0-0-0"):
        with pytest.raises(OperationFailed):
            run_op(db, "restore", {"library": "lib", "items": [{"path": "stolen.txt", "trash": crafted}], "job": 1})
        assert not (root / "stolen.txt").exists()
    # the entry of the delete, but claimed for another path, or by another job: refused
    with pytest.raises(OperationFailed):
        run_op(db, "restore", {"library": "lib", "items": [{"path": "b2.txt", "trash": entry}], "job": ctx.job_id})
    with pytest.raises(OperationFailed):
        run_op(db, "restore", {"library": "lib", "items": [{"path": "a.txt", "trash": entry}], "job": 999})
    # an entry planted in the trash area whose item is a link to the sentinel: restored as a link at most
    planted = root / L.TRASH_DIR / "5-5-5"
    planted.mkdir()
    (planted / L.RECORD).write_text(json.dumps({"path": "evil", "job": 5}))
    os.symlink(out, planted / L.ITEM)
    run_op(db, "restore", {"library": "lib", "items": [{"path": "evil", "trash": "5-5-5"}], "job": 5})
    assert os.path.islink(root / "evil") and snapshot(out) == before
    # the real undo works
    name, params = registry.get("delete").undo(result, {"library": "lib", "paths": ["a.txt"]})
    run_op(db, name, params)
    assert (root / "a.txt").read_text() == "a" and snapshot(out) == before
    assert op.undo({"restored": ["a.txt"]}, params) == ("delete", {"library": "lib", "paths": ["a.txt"]})


def test_trash_area_swapped_for_a_link_is_refused(db: Database, tmp_path: Path) -> None:
    out = sentinel(tmp_path)
    before = snapshot(out)
    root = tmp_path / "lib"
    make_library(db, root, {"a.txt": "a"})
    os.symlink(out, root / L.TRASH_DIR)
    with pytest.raises(OperationFailed):
        run_op(db, "delete", {"library": "lib", "paths": ["a.txt"]})
    assert (root / "a.txt").exists() and snapshot(out) == before


# -- move ----------------------------------------------------------------------------------------------
def test_move_refused_at_run_time_is_forgotten(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"a/w.md": "w", "a/x.md": "x", "b/keep.md": "k", "c/y.md": "y"})
    move = registry.get("move")
    real_step = type(move)._step_move

    def step(self: Any, ctx: Any, lib: Any, jail: Any, plan_id: int, step_id: int, data: Any, delay: float) -> None:
        if data["src"] == "a/x.md":  # the disk changes after the plan was written
            (root / "b" / "x.md").write_text("appeared meanwhile")
        return real_step(self, ctx, lib, jail, plan_id, step_id, data, delay)

    monkeypatch.setattr(type(move), "_step_move", step)
    params, ctx = start_job(db, "move", {"library": "lib", "paths": ["a/w.md", "a/x.md"], "destination": "b"})
    with pytest.raises(OperationFailed, match="appeared"):
        move.run(ctx, params)
    monkeypatch.undo()
    # an unrelated move later does its own work only: the refused one is not carried out
    result, _ = run_op(db, "move", {"library": "lib", "paths": ["c/y.md"], "destination": "d"})
    assert result["moved"] == [["c/y.md", "d/y.md"]]
    assert (root / "a" / "x.md").read_text() == "x" and (root / "b" / "x.md").read_text() == "appeared meanwhile"
    with db.connect_read() as conn:
        from sqlalchemy import select

        states = sorted(conn.execute(select(L.MovePlan.state)).scalars())
    assert states == ["done", "refused"]


def test_move_into_a_folder_swapped_for_a_link_fails_without_touching_it(db: Database, tmp_path: Path) -> None:
    out = sentinel(tmp_path)
    before = snapshot(out)
    root = tmp_path / "lib"
    make_library(db, root, {"a/x.md": "x", "dest/keep.md": "k"})
    params, ctx = start_job(db, "move", {"library": "lib", "paths": ["a/x.md"], "destination": "dest"})
    shutil.rmtree(root / "dest")
    os.symlink(out, root / "dest")
    with pytest.raises(OperationFailed, match="symbolic link"):
        registry.get("move").run(ctx, params)
    assert snapshot(out) == before and (root / "a" / "x.md").exists()


# -- scan ----------------------------------------------------------------------------------------------
def test_scan_never_reads_through_a_link(db: Database, tmp_path: Path) -> None:
    out = sentinel(tmp_path)
    (out / "note.md").write_text("---\ntitle: outside\n---\n")
    root = tmp_path / "lib"
    lib = make_library(db, root, {"docs/note.md": "---\ntitle: inside\n---\n"})
    shutil.rmtree(root / "docs")
    os.symlink(out, root / "docs")
    L.scan(db, lib, force=True)
    with db.connect_read() as conn:
        from sqlalchemy import select

        rows = conn.execute(select(L.assets_t.c.path, L.assets_t.c.title)).all()
    assert rows == []  # the link is not indexed, nothing behind it is read


# -- fetch ---------------------------------------------------------------------------------------------
class Slow(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/trickle"):
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(2)
            except OSError:
                return
            return
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"fresh content" * (100 if self.path.startswith("/big") else 1)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def slow_server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_never_writes_through_a_link_at_its_part_name(db: Database, tmp_path: Path, slow_server: str) -> None:
    out = sentinel(tmp_path)
    before = snapshot(out)
    root = tmp_path / "lib"
    make_library(db, root, {"d/keep.txt": "k"})
    os.symlink(out / "secret.txt", root / "d" / ("a.bin" + L.PART_SUFFIX))
    os.link(out / "sub" / "f.txt", root / "d" / ("b.bin" + L.PART_SUFFIX))  # a hard link: not ours either
    result, ctx = run_op(
        db, "fetch", {"library": "lib", "folder": "d", "urls": [f"{slow_server}/a.bin", f"{slow_server}/b.bin"]}
    )
    assert snapshot(out) == before
    assert (root / "d" / "a.bin").read_bytes() == b"fresh content" == (root / "d" / "b.bin").read_bytes()
    assert sorted(result["downloaded"]) == ["d/a.bin", "d/b.bin"]
    assert sum("not a partial download of ours" in m for m, _ in log_lines(db, ctx, "WARNING")) == 2


def test_fetch_stop_ends_the_job_within_a_second_against_a_trickling_server(
    db: Database, tmp_path: Path, slow_server: str
) -> None:
    make_library(db, tmp_path / "lib", {"d/keep.txt": "k"})
    params, ctx = start_job(db, "fetch", {"library": "lib", "folder": "d", "urls": [f"{slow_server}/trickle"]})
    stop = threading.Event()
    ctx_stop = type(ctx).should_stop
    type_name = type(ctx)

    class Stoppable(type_name):  # type: ignore[misc, valid-type]
        @property
        def should_stop(self) -> bool:
            return stop.is_set() or ctx_stop.fget(self)  # type: ignore[attr-defined]

    ctx.__class__ = Stoppable
    done: list[float] = []

    def run() -> None:
        try:
            registry.get("fetch").run(ctx, params)
        finally:
            done.append(time.monotonic())

    t = threading.Thread(target=run)
    t.start()
    time.sleep(2.5)  # the download is under way (a byte every 2 s)
    asked = time.monotonic()
    stop.set()
    t.join(5)
    assert done and done[0] - asked < 1.0
    assert not (tmp_path / "lib" / "d" / "trickle").exists()


def test_fetch_max_bytes_and_redirects_to_other_schemes(db: Database, tmp_path: Path, slow_server: str) -> None:
    make_library(db, tmp_path / "lib", {"d/keep.txt": "k"})
    result, ctx = run_op(
        db,
        "fetch",
        {
            "library": "lib",
            "folder": "d",
            "urls": [f"{slow_server}/big.bin", f"{slow_server}/redirect.bin", f"{slow_server}/small.bin"],
            "max_bytes": 100,
        },
    )
    assert result["downloaded"] == ["d/small.bin"] and len(result["failed"]) == 2
    errors = [m for m, _ in log_lines(db, ctx, "ERROR")]
    assert any("larger than max_bytes (100 bytes)" in m for m in errors)
    assert any("only http and https are followed" in m for m in errors)
    assert not list((tmp_path / "lib" / "d").glob("*" + L.PART_SUFFIX))
