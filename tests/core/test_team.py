"""A team's PostgreSQL database: identity is the session's role, row-level security decides what each person
sees, and admin-only actions are refused by the server itself (run with ASYNCOPS_TEST_SERVER; skipped without).

Also the SQLite side: the file and the data folder are their owner's only, and `team` is refused there."""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

from core import team
from core.api import JobFilter, Tracker
from core.cli import main
from core.engine import Engine
from core.errors import NotAllowed, NotFound
from core.store import jobs, settings
from core.store.db import Database
from tests.conftest import SERVER, TEST_ROLE, server_url

needs_server = pytest.mark.skipif(not SERVER, reason="needs ASYNCOPS_TEST_SERVER (a PostgreSQL server)")


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@dataclass
class Person:
    name: str
    url: str

    def db(self) -> Database:
        return Database(self.url)


@dataclass
class Team:
    owner_url: str
    alice: Person
    bob: Person
    carol: Person  # an admin
    walt: Person  # a worker


def _url_as(url: str, role: str, password: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).set(username=role, password=password).render_as_string(hide_password=False)


@pytest.fixture
def team_db(db: Database) -> Iterator[Team]:
    """The test's database after `team init` by its owner, with two people, an admin and a worker."""
    assert not db.is_sqlite
    team.init(db)
    tag = uuid.uuid4().hex[:6]
    people = {}
    for who, kw in (("alice", {}), ("bob", {}), ("carol", {"admin": True}), ("walt", {"worker": True})):
        name = f"{who}_{tag}"
        team.add_user(db, name, f"pw-{name}", **kw)
        people[who] = Person(name, _url_as(db.url, name, f"pw-{name}"))
    try:
        yield Team(db.url, **people)
    finally:
        _drop_roles([p.name for p in people.values()])


def _drop_roles(names: list[str]) -> None:
    """As the server's superuser: end the roles' sessions left open, then drop the roles."""
    su = create_engine(server_url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with su.connect() as conn:
            for name in names:
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"), {"n": name}
                )
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
    finally:
        su.dispose()


def _submit(capsys: Any, person: Person, label: str) -> int:
    rc, out, err = run(capsys, "submit", "command", "-p", "cmd=true", "--label", label, "--db", person.url)
    assert rc == 0, err
    return int(out.strip())


# -- identity and visibility ------------------------------------------------------------------------
@needs_server
def test_two_users_see_their_own_jobs(team_db: Team, capsys: Any) -> None:
    a1 = _submit(capsys, team_db.alice, "alice 1")
    b1 = _submit(capsys, team_db.bob, "bob 1")
    ta = Tracker(team_db.alice.url)
    a2 = ta.submit("command", {"cmd": "true"}, label="alice 2").id
    try:
        assert ta.user == team_db.alice.name and not ta.admin
        assert sorted(j.id for j in ta.jobs()) == sorted([a1, a2])
        assert {j.owner for j in ta.jobs()} == {team_db.alice.name}
        assert ta.count() == 2 and ta.counts() == {"QUEUED": 2}
        with pytest.raises((NotFound, NotAllowed)):
            ta.job(b1)
        assert ta.snapshots([a1, b1]) and {s.id for s in ta.snapshots([a1, b1])} == {a1}
        with pytest.raises(NotAllowed):
            ta.jobs(JobFilter(all_users=True))
    finally:
        ta.close()

    rc, out, _ = run(capsys, "jobs", "--json", "--db", team_db.bob.url)
    assert rc == 0 and [r["id"] for r in json.loads(out)] == [b1]
    assert json.loads(out)[0]["owner"] == team_db.bob.name
    for argv in (["show", str(b1)], ["stop", str(b1)], ["remove", str(b1)], ["retry", str(b1)], ["jobs", "--all"]):
        rc, _, err = run(capsys, *argv, "--db", team_db.alice.url)
        assert rc == 3, (argv, err)
    owner = Database(team_db.owner_url)
    try:
        assert jobs.get(owner, b1, admin=True).status.value == "QUEUED"  # untouched
    finally:
        owner.dispose()


@needs_server
def test_owner_is_the_session_role_and_env_is_ignored(
    team_db: Team, capsys: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import core.users

    monkeypatch.setattr(core.users, "_warned", False)
    monkeypatch.setenv("ASYNCOPS_USER", team_db.bob.name)
    monkeypatch.setenv("ASYNCOPS_ADMIN", "1")
    with caplog.at_level(logging.WARNING, logger="asyncops.users"):
        job_id = _submit(capsys, team_db.alice, "mine")
        rc, out, _ = run(capsys, "jobs", "--all", "--json", "--db", team_db.alice.url)
    assert rc == 3  # ASYNCOPS_ADMIN makes no admin on PostgreSQL
    assert "ASYNCOPS_USER and ASYNCOPS_ADMIN ignored" in caplog.text
    rc, out, _ = run(capsys, "show", str(job_id), "--json", "--db", team_db.alice.url)
    assert json.loads(out)["owner"] == team_db.alice.name
    # a person cannot write a job in someone else's name, even below the Tracker
    alice = team_db.alice.db()
    try:
        with pytest.raises(NotAllowed):
            jobs.submit(alice, "command", {"cmd": "true"}, owner=team_db.bob.name)
    finally:
        alice.dispose()


@needs_server
def test_a_plain_select_as_the_role_returns_only_their_rows(team_db: Team, capsys: Any) -> None:
    """What psql would show: row-level security applies to every client, not only to asyncops."""
    a = _submit(capsys, team_db.alice, "alice")
    b = _submit(capsys, team_db.bob, "bob")
    owner = create_engine(team_db.owner_url)
    with owner.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO job_log (job_id, time, level, message) VALUES (:a, now(), 'INFO', 'a'), (:b, now(), 'INFO', 'b')"
            ),
            {"a": a, "b": b},
        )
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('smtp.password', '\"s3cret\"')"))
    owner.dispose()
    raw = create_engine(team_db.alice.url.replace("postgresql+psycopg", "postgresql+psycopg", 1))
    try:
        with raw.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == team_db.alice.name
            assert conn.execute(text("SELECT id, owner FROM jobs")).all() == [(a, team_db.alice.name)]
            assert conn.execute(text("SELECT message FROM job_log")).scalars().all() == ["a"]
            assert conn.execute(text("SELECT value FROM settings WHERE key LIKE 'smtp.%'")).all() == []
            assert conn.execute(text("UPDATE jobs SET label = 'x' WHERE id = :b"), {"b": b}).rowcount == 0
            assert conn.execute(text("DELETE FROM jobs WHERE id = :b"), {"b": b}).rowcount == 0
            conn.commit()
        for stmt in (
            "UPDATE queues SET paused = true",
            "INSERT INTO settings (key, value) VALUES ('purge.days', '1')",
            "DELETE FROM libraries",
        ):
            with raw.connect() as conn, pytest.raises(Exception, match="permission denied|row-level security"):
                conn.execute(text(stmt))
    finally:
        raw.dispose()
    psql = shutil.which("psql") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None)
    if psql:  # the real psql, when installed: the same rows
        u = make_url(team_db.alice.url)
        out = subprocess.run(
            [
                str(psql),
                "-X",
                "-At",
                "-h",
                str(u.host),
                "-p",
                str(u.port or 5432),
                "-U",
                str(u.username),
                "-d",
                str(u.database),
                "-c",
                "SELECT id, owner FROM jobs ORDER BY id",
            ],
            env={**os.environ, "PGPASSWORD": str(u.password)},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == [f"{a}|{team_db.alice.name}"]
    walt = create_engine(team_db.walt.url)
    try:
        with walt.connect() as conn:  # a worker sees every job, and the SMTP password to send mail
            assert sorted(conn.execute(text("SELECT id FROM jobs")).scalars()) == sorted([a, b])
            assert conn.execute(text("SELECT value FROM settings WHERE key = 'smtp.password'")).scalar() == "s3cret"
    finally:
        walt.dispose()


# -- admin-only actions -----------------------------------------------------------------------------
@needs_server
def test_non_admin_cannot_configure_pause_or_purge_others(team_db: Team, capsys: Any) -> None:
    b = _submit(capsys, team_db.bob, "bob")
    owner = Database(team_db.owner_url)
    try:
        jobs.transition(owner, b, jobs.S.STOPPED, expect=(jobs.S.QUEUED,))  # finished: purgeable
        before = settings.show(owner)
        for argv in (
            ["config", "set", "purge.days", "3"],
            ["config", "set", "queue.default.max_parallel", "7"],
            ["config", "set", "smtp.host", "mail.example.org"],
            ["queue", "pause", "default"],
            ["remove", str(b)],
            ["team", "add-user", "mallory_x", "--password-file", "-"],
            ["team", "remove", team_db.bob.name],
        ):
            rc, _, err = run(capsys, *argv, "--db", team_db.alice.url)
            assert rc == 3, (argv, err)
            assert "not allowed" in err or "no job" in err
        rc, out, _ = run(capsys, "purge", "--older-than", "0", "--db", team_db.alice.url)
        assert rc == 0 and out.strip() == "purged 0 finished job(s)"  # her own: none of bob's
        ta = Tracker(team_db.alice.url)
        try:
            with pytest.raises(NotAllowed):
                ta.purge(days=0, keep=0, all_users=True)
        finally:
            ta.close()
        # below the Tracker, the server refuses too
        alice = team_db.alice.db()
        try:
            for call in (
                lambda: settings.set_key(alice, "purge.days", "3"),
                lambda: settings.set_paused(alice, "default", True),
                lambda: settings.save_queue(alice, settings.QueueConfig("extra")),
            ):
                with pytest.raises(NotAllowed):
                    call()
            assert jobs.purge(alice, days=0, keep=0) == 0  # everybody's purge, as alice: none of bob's
        finally:
            alice.dispose()
        assert settings.show(owner) == before
        assert jobs.get(owner, b, admin=True).status.value == "STOPPED"
        assert {m.name for m in team.members(owner)} >= {team_db.alice.name, team_db.bob.name}
    finally:
        owner.dispose()


@needs_server
def test_admin_sees_and_acts_on_all(team_db: Team, capsys: Any) -> None:
    a = _submit(capsys, team_db.alice, "alice")
    b = _submit(capsys, team_db.bob, "bob")
    carol = team_db.carol.url
    rc, out, _ = run(capsys, "jobs", "--all", "--json", "--db", carol)
    assert rc == 0 and {r["id"] for r in json.loads(out)} == {a, b}
    assert run(capsys, "show", str(a), "--db", carol)[0] == 0
    assert run(capsys, "config", "set", "purge.days", "3", "--db", carol)[0] == 0
    assert run(capsys, "queue", "pause", "default", "--db", carol)[0] == 0
    assert run(capsys, "queue", "resume", "default", "--db", carol)[0] == 0
    rc, out, _ = run(capsys, "jobs", "--json", "--db", team_db.bob.url)
    assert "no engine is running" in json.loads(out)[0]["waiting_reason"]
    assert run(capsys, "stop", str(b), "--db", carol)[0] == 0
    assert run(capsys, "remove", str(b), "--db", carol)[0] == 0
    rc, out, err = run(capsys, "config", "set", "admins", "x", "--db", carol)
    assert rc == 2 and "asyncops_admin" in err
    assert json.loads(run(capsys, "config", "show", "--json", "--db", carol)[1])["purge.days"] == 3


@needs_server
def test_a_worker_runs_everyones_jobs_and_a_persons_engine_only_theirs(team_db: Team, capsys: Any) -> None:
    carol = Tracker(team_db.carol.url)
    carol.set_config("queue.default.max_parallel", "2")
    carol.close()
    a = _submit(capsys, team_db.alice, "alice")
    b = _submit(capsys, team_db.bob, "bob")
    alice_db = team_db.alice.db()
    eng = Engine(alice_db, kind="gui", tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    try:
        _wait(lambda: jobs.get(alice_db, a, admin=False).status.is_terminal)
    finally:
        eng.shutdown(grace=5)
        alice_db.dispose()
    owner = Database(team_db.owner_url)
    try:
        assert jobs.get(owner, b, admin=True).status.value == "QUEUED"  # alice's engine never saw it
        walt_db = team_db.walt.db()
        eng = Engine(walt_db, kind="worker", tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
        try:
            _wait(lambda: jobs.get(owner, b, admin=True).status.is_terminal)
        finally:
            eng.shutdown(grace=5)
            walt_db.dispose()
        assert jobs.get(owner, a, admin=True).status.value == "SUCCEEDED"
        assert jobs.get(owner, b, admin=True).status.value == "SUCCEEDED"
    finally:
        owner.dispose()


def _wait(cond: Any, timeout: float = 20.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@needs_server
def test_team_commands(db: Database, capsys: Any, tmp_path: Path) -> None:
    url = db.url
    rc, out, err = run(capsys, "team", "init", "--db", url)
    assert rc == 0 and "asyncops_user" in out, err
    assert run(capsys, "team", "init", "--db", url)[0] == 0  # idempotent
    name = f"dora_{uuid.uuid4().hex[:6]}"
    pw = tmp_path / "pw"
    pw.write_text("correct horse\n")
    try:
        rc, _, err = run(capsys, "team", "add-user", name, "--password", "x", "--db", url)
        assert rc == 2  # never on the command line
        rc, out, err = run(capsys, "team", "add-user", name, "--worker", "--password-file", str(pw), "--db", url)
        assert rc == 0, err
        assert "correct horse" not in out + err
        rc, out, _ = run(capsys, "team", "list", "--json", "--db", url)
        assert {"name": name, "admin": False, "worker": True, "login": True} in json.loads(out)
        rc, _, err = run(capsys, "team", "add-user", name, "--password-file", str(pw), "--db", url)
        assert rc == 2 and "already exists" in err
        dora = _url_as(url, name, "correct horse")
        rc, out, err = run(capsys, "jobs", "--db", dora)
        assert rc == 0, err
        rc, _, err = run(capsys, "team", "remove", name, "--db", url)
        assert rc == 0, err
        rc, _, err = run(capsys, "team", "remove", name, "--db", url)
        assert rc == 3
    finally:
        _drop_roles([name])
    assert TEST_ROLE in url


# -- SQLite -----------------------------------------------------------------------------------------
@pytest.mark.skipif(bool(SERVER), reason="the SQLite file's permissions")
def test_sqlite_file_and_data_folder_are_the_owners_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    data = tmp_path / "fresh-data"
    monkeypatch.setenv("ASYNCOPS_DATA_DIR", str(data))
    monkeypatch.delenv("ASYNCOPS_DB")
    old = os.umask(0o022)
    try:
        assert run(capsys, "jobs")[0] == 0
        other = tmp_path / "newdir" / "x.db"
        assert run(capsys, "jobs", "--db", str(other), "--create")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "asyncops.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(other.stat().st_mode) == 0o600
    assert stat.S_IMODE(other.parent.stat().st_mode) == 0o700
    for wal in (data / "asyncops.db-wal", other.with_name("x.db-wal")):
        if wal.exists():
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    rc, _, err = run(capsys, "team", "init")
    assert rc == 2 and "PostgreSQL" in err


@pytest.mark.skipif(bool(SERVER), reason="SQLite admins")
def test_sqlite_admin_only_actions_need_an_admin(db: Database, capsys: Any) -> None:
    assert run(capsys, "config", "set", "admins", "boss")[0] == 0
    before = settings.show(db)
    for argv in (
        ["config", "set", "purge.days", "3"],
        ["config", "set", "smtp.host", "mail.example.org"],
        ["queue", "pause", "default"],
    ):
        rc, _, err = run(capsys, *argv)
        assert rc == 3 and "not allowed" in err, argv
    assert settings.show(db) == before


@needs_server
def test_her_engine_leaves_her_mail_to_a_worker_that_can_read_the_password(
    team_db: Team, capsys: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from core.notify import EmailNotifier
    from core.store import outbox
    from tests.core.test_notify import PASSWORD, Smtp, free_port, secret_args

    server = Smtp(free_port(), auth=True).start()
    try:
        carol = team_db.carol.url
        for key, value in (
            ("smtp.host", "127.0.0.1"),
            ("smtp.port", str(server.port)),
            ("smtp.user", "mailer"),
            ("smtp.password", PASSWORD),
            ("smtp.from", "tracker@example.org"),
        ):
            assert run(capsys, "config", "set", *secret_args(key, value), "--db", carol)[0] == 0
        _rc, out, _ = run(capsys, "config", "show", "--json", "--db", team_db.alice.url)
        assert json.loads(out)["smtp.password"] == "" and PASSWORD not in out  # hidden from a person
        assert run(capsys, "notify", "--email", "alice@example.org", "--db", team_db.alice.url)[0] == 0
        _rc, out, _ = run(capsys, "notify", "--db", team_db.bob.url)
        assert "no e-mail notifications" in out  # her setting is hers
        first = _submit(capsys, team_db.alice, "by her engine")
        alice_db = team_db.alice.db()
        notifier = EmailNotifier(alice_db, backoff=0.05, drain=0.1)  # it polls the outbox too: it cannot send
        eng = Engine(alice_db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0)
        eng.bus.subscribe(notifier)
        eng.start()
        notifier.start()
        with caplog.at_level(logging.INFO, logger="asyncops.notify"):
            try:
                _wait(lambda: jobs.get(alice_db, first, admin=False).status.is_terminal)
                _wait(lambda: outbox.waiting(alice_db, team_db.alice.name) == 1)  # left for a worker
            finally:
                eng.shutdown(grace=5)
                notifier.close(5)
        assert "left in the outbox" in caplog.text and not server.inbox.messages
        assert outbox.waiting(alice_db, team_db.alice.name) == 1  # her own poll did not take it
        _rc, out, _ = run(capsys, "notify", "--db", team_db.alice.url)
        assert "1 e-mail(s) wait for a worker" in out
        _rc, out, _ = run(capsys, "notify", "--db", team_db.bob.url)
        assert "wait for a worker" not in out  # hers, not his
        alice_db.dispose()

        second = _submit(capsys, team_db.alice, "by the worker")
        walt_db = team_db.walt.db()
        notifier = EmailNotifier(walt_db, backoff=0.05, drain=0.1)
        eng = Engine(walt_db, kind="worker", tick=0.05, heartbeat_interval=0.5, dead_after=3.0)
        eng.bus.subscribe(notifier)
        eng.start()
        notifier.start()
        try:
            _wait(lambda: jobs.get(walt_db, second, admin=True).status.is_terminal)
            _wait(lambda: len(server.inbox.messages) == 2)  # hers from the outbox, and the one it ran
            _wait(lambda: outbox.waiting(walt_db, team_db.alice.name) == 0)
        finally:
            eng.shutdown(grace=5)
            notifier.close(5)
            walt_db.dispose()
        assert [m["To"] for m in server.inbox.messages] == ["alice@example.org"] * 2
        subjects = sorted(m["Subject"] for m in server.inbox.messages)
        assert any(f"#{first} " in s for s in subjects) and any(f"#{second} " in s for s in subjects)
        assert server.inbox.logins == [("mailer", "ok")] * 2
    finally:
        server.stop()
