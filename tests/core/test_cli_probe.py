"""Defects a QA probe found in the command line: each test fails on the code before its fix."""

from __future__ import annotations

import csv
import io
import socket
import time

import pytest
from sqlalchemy import update

from core.cli import main
from core.store import jobs
from core.store.db import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def _orphaned_active_job(db: Database, capsys: pytest.CaptureFixture[str]) -> int:
    """A job left ACTIVE by an engine of this host that is gone (as after `kill -9`): no engine row, no lock."""
    rc, out, _ = run(capsys, "submit", "command", "-p", "cmd=sleep 600")
    assert rc == 0
    job_id = int(out.split()[0])
    with db.connect_write() as conn:
        conn.execute(
            update(jobs.jobs_t)
            .where(jobs.jobs_t.c.id == job_id)
            .values(status="ACTIVE", worker=f"{socket.gethostname()}:gone-engine", started_at=jobs.utcnow())
        )
    return job_id


# -- 1. commands that act on jobs recover the jobs of a gone engine first ---------------------------
def test_stop_of_a_gone_engines_job_answers_at_once(db: Database, capsys) -> None:
    job_id = _orphaned_active_job(db, capsys)
    started = time.monotonic()
    rc, out, _ = run(capsys, "stop", str(job_id), "--timeout", "20")
    assert rc == 0
    assert time.monotonic() - started < 10
    assert out.strip() == f"job {job_id}: INTERRUPTED"


def test_remove_and_retry_of_a_gone_engines_job_work_without_jobs_first(db: Database, capsys) -> None:
    job_id = _orphaned_active_job(db, capsys)
    rc, out, err = run(capsys, "retry", str(job_id))
    assert rc == 0, err
    assert int(out.strip()) > job_id
    rc, out, err = run(capsys, "remove", str(job_id))
    assert rc == 0, err
    assert out.strip() == f"job {job_id} removed"


def test_export_csv_shows_a_gone_engines_job_interrupted(db: Database, capsys) -> None:
    job_id = _orphaned_active_job(db, capsys)
    rc, out, _ = run(capsys, "export-csv")
    assert rc == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows[str(job_id)]["status"] == "INTERRUPTED"
