"""The SMTP password never passes through a command line: `config set smtp.password` asks for it or reads it
from a file, and refuses it as an argument (the process list and the shell's history would show it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.store import settings
from core.store.db import Database
from tests.core.test_notify import run


def test_smtp_password_on_the_command_line_is_refused(db: Database, capsys: Any) -> None:
    rc, _out, err = run(capsys, "config", "set", "smtp.password", "hunter2")
    assert rc == 2 and "not given on the command line" in err and "--password-file" in err
    assert "hunter2" not in err
    assert not settings.get_smtp(db).password


def test_smtp_password_from_a_file_is_stored_and_never_printed(db: Database, capsys: Any, tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret-mail\nignored second line\n")
    rc, out, err = run(capsys, "config", "set", "smtp.password", "--password-file", str(secret))
    assert rc == 0, err
    assert "s3cret-mail" not in out + err
    assert settings.get_smtp(db).password == "s3cret-mail"
    rc, out, _ = run(capsys, "config", "show")
    assert rc == 0 and "s3cret-mail" not in out


def test_password_file_is_for_the_password_only(db: Database, capsys: Any, tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("x\n")
    rc, _out, err = run(capsys, "config", "set", "smtp.host", "mail.example.org", "--password-file", str(secret))
    assert rc == 2 and "smtp.password only" in err
    rc, _out, err = run(capsys, "config", "set", "smtp.host")
    assert rc == 2 and "give the value" in err
