"""Opening databases: a new file, an older file (migrated after a backup), a newer file (refused)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from core.store import jobs
from core.store.db import Database, DatabaseError, head_revision, resolve_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def revision(path: Path) -> str:
    with sqlite3.connect(path) as c:
        return c.execute("select version_num from alembic_version").fetchone()[0]


def test_new_file_is_created_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "sub" / "new.db"), create=True)
    assert revision(tmp_path / "sub" / "new.db") == head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert {"jobs", "job_log", "queues", "settings", "engines"} <= set(inspect(conn).get_table_names())
    db.dispose()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("asyncops-*.db")), ids=lambda p: p.stem)
def test_every_released_revision_is_migrated_with_a_backup(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    old_rev = revision(path)
    db = Database(str(path))
    assert revision(path) == head_revision()
    got = {j.label: j for j in jobs.list_jobs(db, all_users=True)}
    assert set(got) == {"queued job", "finished job"}
    assert got["finished job"].warnings == 1 and got["finished job"].result == {"exit_code": 0}
    assert [e.message for e in jobs.log_of(db, got["finished job"].id)] == ["a warning"]
    if old_rev != head_revision():
        backups = list(tmp_path.glob(f"old.db.{old_rev}.*.bak"))
        assert len(backups) == 1 and revision(backups[0]) == old_rev
    db.dispose()
    Database(str(path)).dispose()  # opening again changes nothing


def test_the_head_read_from_file_names_is_alembics() -> None:
    """Opening a database compares its revision with the newest migration's, read from the file names (alembic
    is loaded only to create or upgrade): the same head alembic finds by reading every script."""
    from alembic.script import ScriptDirectory

    from core.store.db import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Database(str(path)).dispose()
    with sqlite3.connect(path) as c:
        c.execute("update alembic_version set version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="written by a newer asyncops"):
        Database(str(path))
    assert path.read_bytes() == before


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("create table jobs (x int)")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="another application, not an asyncops database; it was left unchanged"):
        Database(str(path))
    assert path.read_bytes() == before and not path.with_name("other.db-wal").exists()


def test_urls_and_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASYNCOPS_DB")
    monkeypatch.setenv("ASYNCOPS_DATA_DIR", str(tmp_path / "appdata"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'appdata' / 'asyncops.db'}"
    assert resolve_url("postgresql+psycopg://u@localhost/db") == "postgresql+psycopg://u@localhost/db"
    assert resolve_url("rel.db").startswith("sqlite:////")


def test_cli_reports_an_unusable_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.cli import main

    (tmp_path / "afile").write_text("x")
    rc = main(["--db", str(tmp_path / "afile" / "x.db"), "jobs"])
    assert rc == 2
    assert f"{tmp_path / 'afile'} is a file, not a folder" in capsys.readouterr().err


def test_the_default_queue_is_made_once_however_many_clients_start_together(db: Database) -> None:
    """Clients starting at the same moment each make sure the default queue exists; on PostgreSQL their write
    transactions run side by side, so all but one find it made meanwhile: none of them may fail for it."""
    import threading

    from sqlalchemy import delete

    from core.store import settings
    from core.store.schema import QueueRow

    with db.write() as s:
        s.execute(delete(QueueRow))
    clients = [Database(db.url) for _ in range(6)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(clients))

    def client(one: Database) -> None:
        start.wait()
        try:
            settings.ensure_defaults(one)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(one,)) for one in clients]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    try:
        assert errors == [] and [q.name for q in settings.get_queues(clients[0])] == ["default"]
    finally:
        for one in clients:
            one.dispose()


_WRITER = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("INSERT INTO settings (key, value) VALUES (?, '1')", (sys.argv[2],))
if sys.argv[3] == "stay":
    print("written", flush=True)
    sys.stdin.readline()  # keeps the database open (as an engine does) until told to go
c.close()
"""


def test_a_second_database_of_the_same_file_never_leaves_the_first_reading_a_stale_file(tmp_path: Path) -> None:
    """A process with the file open opens it again (the window and a demo, a test and the CLI in-process): the
    second open must not drop the first's locks, or another process, finding itself the last one, deletes the WAL
    under it, and the first reads an old database from then on (a job seen QUEUED forever)."""
    import subprocess
    import sys

    path = tmp_path / "asyncops.db"
    first = Database(f"sqlite:///{path}", create=True)
    with first.connect_read() as conn:  # a connection of this process with the file open
        conn.execute(text("SELECT count(*) FROM settings")).one()
    second = Database(f"sqlite:///{path}")
    subprocess.run([sys.executable, "-c", _WRITER, str(path), "a", "go"], check=True, timeout=60)
    stay = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), "b", "stay"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert stay.stdout is not None and stay.stdout.readline().strip() == "written"
        for db in (first, second):
            with db.connect_read() as conn:
                keys = set(conn.execute(text("SELECT key FROM settings WHERE key IN ('a', 'b')")).scalars())
            assert keys == {"a", "b"}
    finally:
        stay.communicate("\n", timeout=30)  # it leaves; its pipes are closed
        second.dispose()
        first.dispose()


def test_checkpoints_keep_the_wal_small_under_a_steady_stream_of_commits(tmp_path: Path) -> None:
    """An engine commits without pause while its housekeeping checkpoints: each checkpoint copies the WAL whole, so
    the commits write it again from its beginning instead of appending to a file that grows without end."""
    import threading

    path = tmp_path / "busy.db"
    db = Database(str(path))
    done = threading.Event()
    started = threading.Event()  # a checkpoint began: the writer goes on committing while it runs
    commits, pace = 3000, 100

    def write() -> None:
        try:
            with db.write_batches(checkpoints=False) as batches:
                for i in range(commits):
                    if i % pace == 0:  # a loaded machine may starve the checkpoints: one begins every 100 commits
                        assert started.wait(30)
                        started.clear()
                    with batches.transaction() as conn:
                        conn.exec_driver_sql(
                            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (f"k{i % 50}", f'"{i}"')
                        )
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()
    largest = 0
    while not done.is_set():
        started.set()
        db.checkpoint()
        largest = max(largest, path.with_name("busy.db-wal").stat().st_size)
        done.wait(0.01)
    writer.join()
    written = commits * 4096  # at least a page a commit
    assert largest < written / 2, (largest, written)
    db.dispose()
