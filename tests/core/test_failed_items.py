"""Output files (exports, rejected rows, downloads) listed in a job's result and by `show`; `retry ID
--failed-items` submits a new job over only the items that failed (rows of a metadata-import, files of a delete
or a move, URLs of a fetch), and refuses with a reason when it cannot."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from core.api import Tracker
from core.cli import main
from core.engine import Engine, JobContext
from core.operations import OperationEnv, registry
from core.operations.outputs import REASON_HEADER
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database
from tests.core.helpers import wait_status
from tests.core.library_helpers import make_library

S = JobStatus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def read_csv(path: Path, sep: str) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter=sep))


def test_rejected_rows_are_an_output_and_retry_imports_only_them(
    db: Database, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_library(db, tmp_path / "lib")
    src = tmp_path / "in.csv"
    src.write_bytes(
        b"assetPath;xmp:Rating{{Long}};dc:title\r\n"
        b"/index.md;3;Home\r\n"
        b"nope.md;1;Nope\r\n"
        b"guide/intro.md;three;Intro\r\n"
        b"guide/setup.md;2\r\n"
        b"img/bg.png;2;Background\r\n"
    )
    params = {"library": "lib", "input": str(src), "separator": ";"}
    job = Tracker(db).submit("metadata-import", params)
    done = wait_status(db, job.id)
    assert done.status is S.SUCCEEDED and done.warnings == 3
    [out] = done.outputs
    assert out["kind"] == "rejected_rows" and out["rows"] == 3
    rejected = Path(out["path"])
    assert rejected.name == "in.rejected.csv" and str(tmp_path / "data") in str(rejected)  # the job's data folder
    assert b"\r\n" in rejected.read_bytes()  # the same dialect: separator and line ends
    rows = read_csv(rejected, ";")
    assert rows[0] == ["assetPath", "xmp:Rating{{Long}}", "dc:title", REASON_HEADER]
    assert [r[:-1] for r in rows[1:]] == [
        ["nope.md", "1", "Nope"],
        ["guide/intro.md", "three", "Intro"],
        ["guide/setup.md", "2"],
    ]
    assert "is not in the library" in rows[1][-1] and "is not a Long" in rows[2][-1] and "fields" in rows[3][-1]

    rc, text, _ = run(capsys, "show", str(job.id))
    assert rc == 0 and f"{rejected} (rejected_rows)" in text
    rc, text, _ = run(capsys, "show", str(job.id), "--json")
    assert json.loads(text)["outputs"] == [out]

    (tmp_path / "lib" / "nope.md").write_text("# now it exists\n")
    Tracker(db).submit("scan", {"library": "lib"})
    rc, text, err = run(capsys, "retry", str(job.id), "--failed-items")
    assert rc == 0, err
    retry = jobs.get(db, int(text.strip()))
    assert retry.parent_id == job.id and retry.operation == "metadata-import"
    retry_input = Path(retry.params["input"])
    assert read_csv(retry_input, ";") == [["assetPath", "xmp:Rating{{Long}}", "dc:title"], *[r[:-1] for r in rows[1:]]]
    again = wait_status(db, retry.id)
    assert again.result is not None and again.result["rows"] == 3  # only the rejected rows were read


def test_export_lists_its_file(db: Database, engine: Engine, tmp_path: Path) -> None:
    make_library(db, tmp_path / "lib")
    out = tmp_path / "meta.csv"
    job = Tracker(db).submit("metadata-export", {"library": "lib", "folder": "/guide", "output": str(out)})
    done = wait_status(db, job.id)
    assert done.outputs == [{"path": str(out), "kind": "export", "rows": 2}]
    assert done.to_json()["outputs"] == done.outputs


class StopsAfterFirst(JobContext):
    """A job context whose stop is asked as soon as the first item is done."""

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        self.stop_event.set()


def run_recorded(db: Database, name: str, params: dict[str, Any], ctx_type: type[JobContext] = JobContext) -> int:
    """Run ``name`` as its engine would and record its outcome: the job's id."""
    op = registry.get(name)
    params = op.validate(params, OperationEnv(db, "tester"))
    snap = jobs.submit(db, name, params, inline_worker="test-inline", validate=False)
    ctx = ctx_type(snap, db, flush_interval=0)
    result = op.run(ctx, params)
    ctx.flush()
    status = S.STOPPED if ctx.should_stop else S.SUCCEEDED
    assert jobs.transition(db, snap.id, status, result=result) is not None
    return snap.id


def test_retry_the_files_a_stopped_delete_left(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_library(db, tmp_path / "lib")
    job_id = run_recorded(
        db, "delete", {"library": "lib", "paths": ["guide/intro.md", "img/logo.png"]}, StopsAfterFirst
    )
    assert jobs.get(db, job_id).result["trashed"][0]["path"] == "guide/intro.md"  # type: ignore[index]
    rc, text, err = run(capsys, "retry", str(job_id), "--failed-items")
    assert rc == 0, err
    retry = jobs.get(db, int(text.strip()))
    assert retry.params["paths"] == ["img/logo.png"] and retry.parent_id == job_id
    # once everything is deleted, there is nothing left to retry
    done_id = run_recorded(db, "delete", {"library": "lib", "paths": ["img/logo.png"]})
    rc, _, err = run(capsys, "retry", str(done_id), "--failed-items")
    assert rc == 2 and "nothing to retry" in err


def test_retry_the_urls_a_fetch_did_not_get(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_library(db, tmp_path / "lib")
    urls = ["http://127.0.0.1:9/a.txt", "http://127.0.0.1:9/b.txt"]
    job = jobs.submit(db, "fetch", {"library": "lib", "folder": "dl", "urls": urls}, owner="tester")
    jobs.transition(db, job.id, S.ACTIVE)
    result = {"library": "lib", "folder": "dl", "downloaded": ["dl/a.txt"], "skipped": [], "failed": [urls[1]]}
    jobs.transition(db, job.id, S.FAILED, result=result)
    rc, text, err = run(capsys, "retry", str(job.id), "--failed-items")
    assert rc == 0, err
    assert jobs.get(db, int(text.strip())).params["urls"] == [urls[1]]


def test_retry_failed_items_is_refused_with_a_reason(
    db: Database, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = Tracker(db).submit("command", {"cmd": "false"})
    wait_status(db, job.id)
    rc, out, err = run(capsys, "retry", str(job.id), "--failed-items")
    assert rc == 2 and out == "" and "command has no items to retry one by one" in err
    waiting = Tracker(db).submit("command", {"cmd": "true"}, at="2099-01-01T00:00")
    rc, _, err = run(capsys, "retry", str(waiting.id), "--failed-items")
    assert rc == 2 and "only a finished job can be retried" in err
    rc, _, err = run(capsys, "retry", "--failed", "--failed-items")
    assert rc == 2
    assert len(jobs.list_jobs(db)) == 2  # nothing written
