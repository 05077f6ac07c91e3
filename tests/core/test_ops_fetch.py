"""fetch: parallel downloads from a local HTTP server (127.0.0.1 only), Range resume, checksums, errors."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import library as L
from core.errors import ParamError
from core.operations import OperationEnv, registry
from core.store import jobs
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, meta, run_op

BODY = bytes(range(256)) * 400  # 100 KiB


class Handler(http.server.BaseHTTPRequestHandler):
    ranges: list[str] = []
    no_range = False
    pages: dict[str, bytes] = {}  # path -> body, where a test sets one

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/missing"):
            self.send_error(404, "Not Found")
            return
        body = BODY if self.path.startswith("/data") else self.pages.get(self.path, self.path.encode() * 10)
        rng = self.headers.get("Range")
        if rng and not type(self).no_range:
            type(self).ranges.append(rng)
            start = int(rng.split("=")[1].split("-")[0])
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            body = body[start:]
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    Handler.ranges = []
    Handler.no_range = False
    Handler.pages = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    t.join(5)


def test_fetch_downloads_in_parallel_and_indexes(db: Database, tmp_path: Path, server: str) -> None:
    make_library(db, tmp_path / "lib", {"readme.md": "x"})
    urls = [f"{server}/files/a{i}.txt" for i in range(5)] + [f"{server}/missing/x.bin", f"{server}/data/blob.bin"]
    sha = "sha256:" + hashlib.sha256(BODY).hexdigest()
    result, ctx = run_op(
        db,
        "fetch",
        {
            "library": "lib",
            "folder": "downloads",
            "urls": urls,
            "parallel": "3",
            "checksums": {f"{server}/data/blob.bin": sha},
        },
    )
    root = tmp_path / "lib" / "downloads"
    assert (root / "a3.txt").read_bytes() == b"/files/a3.txt" * 10
    assert (root / "blob.bin").read_bytes() == BODY
    assert sorted(result["downloaded"]) == sorted([f"downloads/a{i}.txt" for i in range(5)] + ["downloads/blob.bin"])
    assert result["failed"] == [f"{server}/missing/x.bin"]
    assert ("HTTP 404 Not Found", f"{server}/missing/x.bin") in log_lines(db, ctx, "ERROR")
    assert L.list_libraries(db)[0].files == 7 and not list(root.glob(f"*{L.PART_SUFFIX}"))
    # again: the files exist, so they are skipped with a warning
    again, ctx2 = run_op(db, "fetch", {"library": "lib", "folder": "downloads", "urls": urls[:2]})
    assert sorted(again["skipped"]) == ["downloads/a0.txt", "downloads/a1.txt"] and ctx2.warnings == 2


def test_fetch_over_an_edited_file_warns_and_keeps_the_edit(db: Database, tmp_path: Path, server: str) -> None:
    """A download that replaces a file is read as any re-scan reads it: its new value under an edit is told."""
    lib = make_library(db, tmp_path / "lib", {"readme.md": "x"})
    Handler.pages = {"/remote/r.md": b"---\ntitle: Remote v1\n---\nText\n"}
    params = {"library": "lib", "folder": "/", "urls": [f"{server}/remote/r.md"]}
    run_op(db, "fetch", params)
    src = tmp_path / "in.csv"
    src.write_text("assetPath,dc:title\n/r.md,My edit\n")
    run_op(db, "metadata-import", {"library": "lib", "input": str(src)})
    Handler.pages = {"/remote/r.md": b"---\ntitle: Remote v2\n---\nText\n"}
    _, ctx = run_op(db, "fetch", {**params, "overwrite": "true"})
    told = [m for m, item in log_lines(db, ctx, "WARNING") if item == "r.md"]
    assert any("the file now says 'Remote v2', the catalogue keeps the edit 'My edit'" in m for m in told), told
    assert meta(db, lib, "r.md").title == "My edit"


def test_fetch_resumes_a_partial_download_with_range(db: Database, tmp_path: Path, server: str) -> None:
    make_library(db, tmp_path / "lib", {"d/keep.txt": "x"})
    part = tmp_path / "lib" / "d" / ("blob.bin" + L.PART_SUFFIX)
    part.write_bytes(BODY[:30_000])
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# list\n{server}/data/blob.bin sha256:{hashlib.sha256(BODY).hexdigest()}\n\n")
    result, _ctx = run_op(db, "fetch", {"library": "lib", "folder": "d", "url_file": str(url_file)})
    assert Handler.ranges == ["bytes=30000-"]
    assert (tmp_path / "lib" / "d" / "blob.bin").read_bytes() == BODY and not part.exists()
    assert result["bytes"] == len(BODY) - 30_000
    # a server that ignores Range: the download starts again, with a warning
    Handler.no_range = True
    part2 = tmp_path / "lib" / "d" / ("other.bin" + L.PART_SUFFIX)
    part2.write_bytes(b"garbage")
    run_op(db, "fetch", {"library": "lib", "folder": "d", "urls": [f"{server}/data/other.bin"]})
    assert (tmp_path / "lib" / "d" / "other.bin").read_bytes() == BODY


def test_fetch_checksum_mismatch_is_an_error(db: Database, tmp_path: Path, server: str) -> None:
    make_library(db, tmp_path / "lib", {"a.txt": "x"})
    result, ctx = run_op(
        db,
        "fetch",
        {
            "library": "lib",
            "folder": "/",
            "urls": [f"{server}/data/x.bin"],
            "checksums": {f"{server}/data/x.bin": "sha256:" + "0" * 64},
        },
    )
    assert result["failed"] and not (tmp_path / "lib" / "x.bin").exists()
    assert any("checksum mismatch" in m for m, _ in log_lines(db, ctx, "ERROR"))


def test_fetch_parameters_threshold_and_dry_run(db: Database, tmp_path: Path, server: str) -> None:
    make_library(db, tmp_path / "lib", {"a.txt": "x"})
    op = registry.get("fetch")
    env = OperationEnv(db, "tester")
    with pytest.raises(ParamError, match="not an http"):
        op.validate({"library": "lib", "folder": "x", "urls": "file:///etc/passwd"}, env)
    with pytest.raises(ParamError, match="exactly one"):
        op.validate({"library": "lib", "folder": "x"}, env)
    with pytest.raises(ParamError, match="is a file"):
        op.validate({"library": "lib", "folder": "a.txt", "urls": f"{server}/a"}, env)
    urls = [f"{server}/f/{i}.txt" for i in range(21)]
    assert not jobs.plan(db, "fetch", {"library": "lib", "folder": "x", "urls": urls}).inline
    assert jobs.plan(db, "fetch", {"library": "lib", "folder": "x", "urls": urls[:20]}).inline
    params = op.validate({"library": "lib", "folder": "x", "urls": [f"{server}/a.txt", f"{server}/b/a.txt"]}, env)
    report = op.dry_run(env, params)
    assert report.counts == {"urls": 2, "existing": 0}
    assert report.details == [f"{server}/a.txt → x/a.txt", f"{server}/b/a.txt → x/a (1).txt"]
    assert not (tmp_path / "lib" / "x").exists()
