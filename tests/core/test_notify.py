"""E-mail when a job ends, against a real SMTP server on 127.0.0.1 (aiosmtpd) started by the test."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.engine import Engine
from core.notify import EmailNotifier
from core.service import local_engine
from core.store import jobs, settings
from core.store.db import Database
from tests.core.helpers import wait_for, wait_status
from tests.core.test_service import cli, service  # noqa: F401  (the fixture: auto-start on, engines ended by pid)

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
PASSWORD = "hunter2-very-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """An aiosmtpd handler keeping what it received."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.logins: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"


class Smtp:
    def __init__(self, port: int, *, auth: bool = False) -> None:
        self.port = port
        self.inbox = Inbox()
        kw: dict[str, Any] = {}
        if auth:
            from aiosmtpd.smtp import AuthResult

            def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
                ok = data.login == b"mailer" and data.password == PASSWORD.encode()
                self.inbox.logins.append((data.login.decode(), "ok" if ok else "bad"))
                return AuthResult(success=ok)

            kw = {"authenticator": authenticator, "auth_require_tls": False}
        self.controller = aiosmtpd_controller.Controller(self.inbox, hostname="127.0.0.1", port=port, **kw)

    def start(self) -> Smtp:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def smtp() -> Iterator[Smtp]:
    server = Smtp(free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def mailing_engine(db: Database, probe: Any) -> Iterator[tuple[Engine, EmailNotifier]]:
    eng = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0)
    notifier = EmailNotifier(db, backoff=0.2)
    eng.bus.subscribe(notifier)
    eng.start()
    yield eng, notifier
    eng.shutdown(grace=5)
    notifier.close(5)


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def configure(capsys: Any, port: int, **extra: str) -> None:
    for key, value in {
        "smtp.host": "127.0.0.1",
        "smtp.port": str(port),
        "smtp.from": "tracker@example.org",
        **extra,
    }.items():
        rc, _, err = run(capsys, "config", "set", *secret_args(key, value))
        assert rc == 0, err


def secret_args(key: str, value: str) -> list[str]:
    """``config set`` arguments: smtp.password goes through a file (never the command line)."""
    if key != "smtp.password":
        return [key, value]
    path = Path(os.environ["ASYNCOPS_DATA_DIR"]) / "smtp-password"
    path.write_text(value + "\n")
    return [key, "--password-file", str(path)]


def body(m: Message) -> str:
    payload = m.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def test_a_failed_job_mails_its_owner(db: Database, smtp: Smtp, mailing_engine: Any, capsys: Any) -> None:
    eng, notifier = mailing_engine
    configure(capsys, smtp.port)
    rc, out, _ = run(capsys, "notify", "--email", "me@example.org")
    assert rc == 0 and "me@example.org" in out
    rc, out, _ = run(capsys, "notify")
    assert "me@example.org" in out and "(all)" in out
    snap = eng.submit("test-probe", {"items": 3, "warn": 2, "fail": True}, label="Resize photos")
    done = wait_status(db, snap.id)
    assert notifier.join(10)
    wait_for(lambda: smtp.inbox.messages)
    assert len(smtp.inbox.messages) == 1
    m = smtp.inbox.messages[0]
    assert m["To"] == "me@example.org" and m["From"] == "tracker@example.org"
    assert f"#{snap.id}" in m["Subject"] and "Resize photos" in m["Subject"] and "FAILED" in m["Subject"]
    text = body(m)
    assert "Items:     3 of 3" in text and "Warnings:  2" in text and f"Errors:    {done.errors}" in text
    assert "Duration:" in text and f"asyncops://job/{snap.id}" in text
    assert "probe asked to fail" in text  # the first errors from the log
    assert jobs.get(db, snap.id).status == done.status  # mail never changes the job


def test_when_failed_skips_successes_and_off_stops_mail(
    db: Database, smtp: Smtp, mailing_engine: Any, capsys: Any
) -> None:
    eng, notifier = mailing_engine
    configure(capsys, smtp.port)
    assert run(capsys, "notify", "--email", "me@example.org", "--when", "failed")[0] == 0
    ok = eng.submit("test-probe", {"items": 1})
    wait_status(db, ok.id)
    bad = eng.submit("test-probe", {"items": 1, "fail": True})
    wait_status(db, bad.id)
    assert notifier.join(10)
    wait_for(lambda: smtp.inbox.messages)
    time.sleep(0.2)
    assert [f"#{bad.id}" in m["Subject"] for m in smtp.inbox.messages] == [True]
    assert run(capsys, "notify", "--off")[0] == 0
    again = eng.submit("test-probe", {"items": 1, "fail": True})
    wait_status(db, again.id)
    assert notifier.join(10)
    time.sleep(0.2)
    assert len(smtp.inbox.messages) == 1
    rc, out, _ = run(capsys, "notify")
    assert rc == 0 and "no e-mail notifications" in out


def test_retries_with_backoff_until_the_server_is_back(
    db: Database, mailing_engine: Any, capsys: Any, caplog: pytest.LogCaptureFixture
) -> None:
    eng, notifier = mailing_engine
    port = free_port()  # nothing listens there yet
    configure(capsys, port, **{"smtp.user": "mailer", "smtp.password": PASSWORD})
    assert run(capsys, "notify", "--email", "me@example.org")[0] == 0
    server = Smtp(port, auth=True)
    with caplog.at_level(logging.INFO, logger="asyncops.notify"):
        snap = eng.submit("test-probe", {"items": 1}, label="Nightly export")
        final = wait_status(db, snap.id)
        wait_for(lambda: "retrying in" in caplog.text, timeout=10)
        server.start()
        try:
            wait_for(lambda: server.inbox.messages, timeout=20)
            assert notifier.join(10)
        finally:
            server.stop()
    assert server.inbox.logins and server.inbox.logins[-1] == ("mailer", "ok")
    assert "SUCCEEDED" in server.inbox.messages[0]["Subject"]
    assert jobs.get(db, snap.id).status == final.status == jobs.S.SUCCEEDED
    assert PASSWORD not in caplog.text
    # the password is never shown, nor in any job
    _rc, out, _ = run(capsys, "config", "show", "--json")
    shown = json.loads(out)
    assert shown["smtp.password"] == "(set)" and PASSWORD not in out
    assert all(PASSWORD not in json.dumps(j.params) for j in jobs.list_jobs(db, all_users=True))


def test_gives_up_after_its_attempts_and_logs_it(
    db: Database, probe: Any, capsys: Any, caplog: pytest.LogCaptureFixture
) -> None:
    configure(capsys, free_port(), **{"smtp.password": PASSWORD, "smtp.user": "mailer"})
    assert run(capsys, "notify", "--email", "me@example.org")[0] == 0
    eng = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0)
    notifier = EmailNotifier(db, attempts=3, backoff=0.05)
    eng.bus.subscribe(notifier)
    eng.start()
    try:
        with caplog.at_level(logging.INFO, logger="asyncops.notify"):
            snap = eng.submit("test-probe", {"items": 1})
            wait_status(db, snap.id)
            assert notifier.join(10)
    finally:
        eng.shutdown(grace=5)
        notifier.close(5)
    assert notifier.failed == 1 and notifier.sent == 0
    assert "not sent after 3 attempts" in caplog.text and PASSWORD not in caplog.text
    assert jobs.get(db, snap.id).status == jobs.S.SUCCEEDED


def test_notify_and_smtp_input_is_checked(db: Database, capsys: Any) -> None:
    for argv, text in (
        (["notify", "--email", "not-an-address"], "not an e-mail address"),
        (["notify", "--when", "failed"], "needs --email"),
        (["notify", "--off", "--email", "a@b.c"], "--off takes no"),
        (["config", "set", "smtp.security", "tls"], "none, starttls, ssl"),
        (["config", "set", "smtp.port", "99999"], "1 to 65535"),
        (["config", "set", "smtp.colour", "x"], "unknown key"),
    ):
        rc, _, err = run(capsys, *argv)
        assert rc == 2 and text in err, (argv, err)
    assert settings.get_notify(db, "tester") is None
    assert settings.get_smtp(db).security == "none"


@pytest.mark.slow
def test_the_background_engine_mails_the_jobs_it_runs(service: Database, smtp: Smtp) -> None:  # noqa: F811
    # every step in its own process, as a person's terminal would run them
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(smtp.port)), ("smtp.from", "t@example.org")):
        assert cli("config", "set", key, value).returncode == 0
    assert cli("notify", "--email", "me@example.org").returncode == 0
    r = cli("submit", "command", "-p", "cmd=true", "--label", "Nightly sync")  # starts the background engine
    assert r.returncode == 0, r.stderr
    job_id = int(r.stdout.strip())
    info = wait_for(lambda: local_engine(service.url), 30)
    assert info.kind == "service"
    assert wait_status(service, job_id, "SUCCEEDED", timeout=60).worker == info.engine_id
    wait_for(lambda: smtp.inbox.messages, 30)
    assert [m["To"] for m in smtp.inbox.messages] == ["me@example.org"]
    assert f"#{job_id} Nightly sync: SUCCEEDED" in smtp.inbox.messages[0]["Subject"]


def test_an_inline_run_mails_its_job(db: Database, smtp: Smtp, capsys: Any) -> None:
    configure(capsys, smtp.port)
    assert run(capsys, "notify", "--email", "me@example.org", "--when", "failed")[0] == 0
    rc, _, _ = run(capsys, "run", "command", "-p", "cmd=false", "--label", "Quick check")
    assert rc == 1
    wait_for(lambda: smtp.inbox.messages)  # sent before `run` returned, or by its closing notifier
    assert "Quick check: FAILED" in smtp.inbox.messages[0]["Subject"]
    rc, _, _ = run(capsys, "run", "command", "-p", "cmd=true", "--label", "Fine")
    assert rc == 0 and len(smtp.inbox.messages) == 1  # --when failed: no mail for a success


def test_a_database_gone_when_a_job_ends_is_one_line_not_a_traceback(
    db: Database, probe: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from sqlalchemy.exc import OperationalError

    from core.events import EventKind, JobEvent
    from core.status import JobStatus

    snap = jobs.submit(db, "test-probe", {"items": 1})
    done = jobs.get(db, snap.id)

    def gone(*_a: Any, **_k: Any) -> None:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(settings, "get_notify", gone)
    notifier = EmailNotifier(db)
    ended = JobEvent(EventKind.CHANGED, snap.id, job=dataclasses.replace(done, status=JobStatus.FAILED))
    with caplog.at_level(logging.WARNING, logger="asyncops.notify"):
        notifier(ended)
        assert notifier.join(10)
    notifier.close(5)
    assert "e-mail not sent: the database cannot be read (OperationalError)" in caplog.text
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
