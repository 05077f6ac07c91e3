"""Defects a QA probe found in the command line: each test fails on the code before its fix."""

from __future__ import annotations

import csv
import io
import json
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


# -- 2. every command that queues work goes through the auto-start of `submit` -----------------------
class Starts(list[tuple[list[int], bool | None]]):
    """The calls of the auto-start path: (job ids, autostart); ``urls``: the database URL each was given."""

    urls: list[str]


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> Starts:
    """The auto-start path, recorded instead of spawning an engine (auto-start on, as for a user)."""
    from core.cli import engine_cmd
    from core.service import EngineState, EngineStatus

    calls = Starts()
    calls.urls = []

    def after_submit(db_url, snaps, *, autostart=None):  # type: ignore[no-untyped-def]
        calls.append(([s.id for s in snaps], autostart))
        calls.urls.append(db_url)
        return EngineStatus(EngineState.STARTED, pid=1, kind="service")

    monkeypatch.delenv("ASYNCOPS_NO_AUTOSTART", raising=False)
    monkeypatch.setattr(engine_cmd, "after_submit", after_submit)
    return calls


def _queue_by(capsys: pytest.CaptureFixture[str], how: str) -> tuple[int, str, str]:
    if how == "retry --failed":
        assert run(capsys, "run", "command", "-p", "cmd=false")[0] == 1
        return run(capsys, "retry", "--failed")
    if how == "submit --after":
        assert run(capsys, "run", "command", "-p", "cmd=true")[0] == 0
        done = json_ids(run(capsys, "jobs", "--json")[1])[0]  # the finished job: the newest
        return run(capsys, "submit", "command", "-p", "cmd=true", "--after", str(done))
    assert run(capsys, "profile", "save", "p1", "command", "-p", "cmd=true")[0] == 0
    if how == "profile run":
        return run(capsys, "profile", "run", "p1")
    assert run(capsys, "chain", "save", "c1", "p1", "p1")[0] == 0
    return run(capsys, "chain", "run", "c1")


def json_ids(out: str) -> list[int]:
    return [r["id"] for r in json.loads(out)]


@pytest.mark.parametrize("how", ["retry --failed", "profile run", "chain run", "submit --after"])
def test_commands_that_queue_start_the_engine(db: Database, capsys, starts: Starts, how: str) -> None:
    rc, out, err = _queue_by(capsys, how)
    assert rc == 0, err
    printed = [int(line) for line in out.split()]
    assert printed and starts == [(printed, True)]


@pytest.mark.parametrize("how", ["retry --failed", "profile run", "chain run", "submit --after"])
def test_commands_that_queue_say_no_engine_serves_them_without_autostart(db: Database, capsys, how: str) -> None:
    rc, _, err = _queue_by(capsys, how)
    assert rc == 0, err
    assert "no engine serves the queue" in err


# -- 3. numbers and times beyond what the database, the clock or the calendar take: exit 2, a sentence ---
HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["jobs", "--limit", HUGE], "--limit: '99999999999999999999999' is out of range"),
        (["priority", "1", HUGE], "is out of range: give a number from -1000000000 to 1000000000"),
        (["purge", "--keep", HUGE], "--keep: '99999999999999999999999' is out of range"),
        (["submit", "command", "-p", "cmd=true", "--priority", HUGE], "--priority: '99999999999999999999999' is out"),
        (["profile", "save", "p", "command", "-p", "cmd=true", "--priority", HUGE], "is out of range"),
        (["purge", "--older-than", "1e308"], "--older-than: '1e308' is out of range: give a number from 0 to"),
        (["submit", "command", "-p", "cmd=true", "--at", "0001-01-01T00:00"], "is beyond the dates asyncops can keep"),
        (["submit", "command", "-p", "cmd=true", "--at", "9999-12-31T23:59:59-12:00"], "is beyond the dates"),
        (["worker", "--grace", "-1"], "--grace: '-1' is out of range: give a number from 0 to"),
        (["engine", "stop", "--timeout", "-1"], "--timeout: '-1' is out of range"),
        (["stop", "1", "--timeout", "1e300"], "--timeout: '1e300' is out of range"),
    ],
)
def test_out_of_range_input_is_refused_with_a_sentence(db: Database, capsys, argv: list[str], words: str) -> None:
    rc, _, err = run(capsys, *argv)
    assert rc == 2, err
    assert words in err and "unexpected" not in err
    assert jobs.list_jobs(db, all_users=True, with_reasons=False) == []


def test_the_largest_numbers_in_range_still_work(db: Database, capsys) -> None:
    rc, out, err = run(capsys, "submit", "command", "-p", "cmd=true", "--priority", "1000000000")
    assert rc == 0, err
    job_id = int(out)
    assert run(capsys, "priority", str(job_id), "-1000000000")[0] == 0
    rc, out, err = run(capsys, "jobs", "--limit", str(2**63 - 1), "--json")
    assert rc == 0, err
    assert [(r["id"], r["priority"]) for r in json.loads(out)] == [(job_id, -1000000000)]
    assert run(capsys, "purge", "--keep", str(2**63 - 1), "--older-than", "100000")[0] == 0


# -- 6. --db: one absolute file for every process, never in memory, never a pipe; one engine per file ---
def test_a_relative_sqlite_url_names_the_same_file_for_every_process(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys, starts
) -> None:
    monkeypatch.chdir(tmp_path)
    rc, out, err = run(capsys, "--db", "sqlite:///rel.db", "submit", "command", "-p", "cmd=true")
    assert rc == 0, err
    assert (tmp_path / "rel.db").is_file()
    # the engine started for it is given the absolute file (it runs in the data folder, not here)
    assert starts == [([int(out)], True)] and starts.urls == [f"sqlite:///{tmp_path / 'rel.db'}"]
    rc, out, err = run(capsys, "--db", "sqlite:///rel.db", "engine", "status")
    assert rc == 0 and "no engine serves" in out, err  # it failed: "relative path can't be expressed as a file URI"
    assert run(capsys, "--db", "sqlite:///rel.db", "jobs")[0] == 0
    monkeypatch.chdir(tmp_path.parent)  # the background engine runs elsewhere (in the data folder)
    rc, out, _ = run(capsys, "--db", starts.urls[0], "jobs", "--json")
    assert rc == 0 and len(json.loads(out)) == 1


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"]
)
def test_an_in_memory_database_is_refused(tmp_path, monkeypatch: pytest.MonkeyPatch, capsys, url: str) -> None:
    monkeypatch.chdir(tmp_path)  # where a file would land if the URI were taken as a file name
    rc, out, err = run(capsys, "--db", url, "submit", "command", "-p", "cmd=true")
    assert rc == 2 and out == ""
    assert "is an in-memory database" in err and "must be a file" in err


def test_operations_still_needs_no_database(capsys) -> None:
    rc, out, _ = run(capsys, "operations")
    assert rc == 0 and "command:" in out


def test_a_fifo_as_database_is_refused_before_it_is_opened(tmp_path, capsys) -> None:
    import os

    fifo = tmp_path / "jobs.db"
    os.mkfifo(fifo)
    for db in (str(fifo), f"sqlite:///{fifo}"):
        rc, _, err = run(capsys, "--db", db, "jobs")  # it hung for ever (the open of a FIFO waits for a writer)
        assert rc == 2
        assert "is not a regular file" in err


def test_one_sqlite_file_has_one_engine_lock_whatever_its_spelling(tmp_path) -> None:
    from core.service.lock import lock_path

    target = tmp_path / "x.db"
    target.touch()
    (tmp_path / "link.db").symlink_to(target)
    spellings = [str(target), f"sqlite:///{target}", f"sqlite:///{tmp_path}//x.db", str(tmp_path / "link.db")]
    assert len({lock_path(s) for s in spellings}) == 1
    assert lock_path(str(tmp_path / "other.db")) != lock_path(str(target))


# -- 4. the default queue, which `queue list` shows, can be paused on a new database ----------------
def test_the_default_queue_of_a_new_database_can_be_paused_and_resumed(tmp_path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'new.db'}"  # nothing has been written there yet
    rc, out, err = run(capsys, "--db", db, "queue", "pause", "default")
    assert rc == 0, err
    assert out.strip() == "queue default paused"
    rc, out, _ = run(capsys, "--db", db, "queue", "list", "--json")
    assert [(q["name"], q["paused"]) for q in json.loads(out)] == [("default", True)]
    rc, out, err = run(capsys, "--db", db, "queue", "resume", "default")
    assert rc == 0 and out.strip() == "queue default resumed", err


# -- 7. a job link to an id no job can have is refused like asyncops://job/abc, in every door ------------
@pytest.mark.parametrize("link", ["asyncops://job/99999999999999999999", "asyncops://job/abc", "asyncops://job/１２"])
def test_the_window_refuses_a_link_to_no_possible_job(link: str, capsys) -> None:
    from desktop.launcher import main as launcher_main
    from desktop.launcher import route
    from desktop.services.links import parse_job_ref

    assert parse_job_ref(link) is None  # the window's Open job by link, its notices and its single-window server
    assert route([link]) is None  # the launcher does not open the window on it…
    assert launcher_main([link]) == 2  # …and says why
    assert "is not a job id or link" in capsys.readouterr().err


def test_the_window_and_the_command_line_read_job_links_alike() -> None:
    from desktop.services.links import parse_job_ref

    for ref in ("12", "#12", "asyncops://job/12", " asyncops://job/12/ ", "999999999999999999"):
        assert parse_job_ref(ref) == jobs.parse_job_ref(ref)
    for ref in ("0", "-3", "+3", "1_0", "1e3", "9" * 19):
        assert parse_job_ref(ref) is None


# -- 5. `engine status` tells a foreground worker from the background engine -------------------------
def test_engine_status_shows_a_foreground_worker_as_a_worker(db: Database, capsys) -> None:
    from core.service.serve import EngineService

    worker = EngineService(db, kind="worker")  # what `asyncops worker` runs; it holds the engine lock
    worker.start()
    try:
        rc, out, err = run(capsys, "engine", "status", "--json")
        assert rc == 0, err
        [engine] = json.loads(out)
        assert (engine["kind"], engine["background"], engine["alive"]) == ("worker", False, True)
        rc, out, _ = run(capsys, "engine", "status")
        assert rc == 0
        header, row = out.splitlines()
        assert row.split()[header.split().index("KIND")] == "worker"
        rc, _, err = run(capsys, "engine", "stop")  # which says so as well
        assert rc == 2 and "foreground" in err
    finally:
        worker.close()


@pytest.mark.parametrize("since", ["99999999999999w", "5000000d", "100001d"])
def test_retry_failed_since_further_back_than_the_calendar_is_refused(db: Database, capsys, since: str) -> None:
    rc, _, err = run(capsys, "retry", "--failed", "--since", since)
    assert rc == 2, err
    assert f"--since {since!r}: at most 100000 days back" in err
    assert run(capsys, "retry", "--failed", "--since", "100000d")[0] == 0


def test_a_runtime_folder_that_cannot_be_made_is_told_and_the_job_stays_queued(
    db: Database, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """With the data folder a file (and the runtime variable too), no engine can be started: one sentence says so
    and where to look, the job is recorded, exit 0 (it was "unexpected OSError", exit 1)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ASYNCOPS_DATA_DIR", str(blocker))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(blocker))
    monkeypatch.delenv("ASYNCOPS_NO_AUTOSTART", raising=False)
    assert main(["submit", "command", "-p", "cmd=true"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().isdigit()
    assert "cannot start the background engine (cannot create a private runtime folder" in err
    assert "unexpected" not in err
