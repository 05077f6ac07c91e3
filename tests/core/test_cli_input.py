"""Bad input gets a sentence and a documented exit code, never a traceback; bad databases are left unchanged."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from core.store import jobs
from core.store.db import Database

COMMANDS = [
    "submit",
    "jobs",
    "show",
    "stop",
    "remove",
    "retry",
    "undo",
    "export-csv",
    "purge",
    "config",
    "queue",
    "operations",
    "library",
]
OPTIONS = [
    "--status",
    "--operation",
    "--all",
    "--limit",
    "--json",
    "--log",
    "--no-wait",
    "--timeout",
    "--older-than",
    "--keep",
    "-p",
    "--queue",
    "--priority",
    "--label",
    "--at",
    "--dry-run",
    "-o",
    "--name",
    "--create",
]
WORDS = [
    "command",
    "delete",
    "move",
    "set",
    "show",
    "pause",
    "list",
    "add",
    "remove",
    "default",
    "12",
    "0",
    "-1",
    "１２",
    "1_0",
    "asyncops://job/3",
    "#4",
    "cmd=true",
    "argv=[1",
    "x=",
    "=y",
    "nan",
    "inf",
    "1e999",
    "2026-13-45",
    "queue.default.max_parallel",
    "admins",
    "purge.time",
    "25:99",
    "\x00",
    "é",
]
token = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(WORDS), st.text(max_size=12))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), rest=st.lists(token, max_size=6))
def test_generated_arguments_never_end_in_a_traceback(
    command: str, rest: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `-o FILE` lands here
    monkeypatch.setenv("ASYNCOPS_NO_AUTOSTART", "1")
    if "--timeout" in rest or command == "stop":
        rest = [*rest, "--no-wait"]
    try:
        rc = main([command, *rest])
    except SystemExit as exc:  # --help and --version only
        assert exc.code == 0, (command, rest)
        rc = 0
    err = capsys.readouterr().err
    assert rc in (0, 1, 2, 3, 4), (command, rest, rc, err)
    assert "Traceback" not in err and "unexpected" not in err, (command, rest, err)
    if rc:
        assert err.startswith("asyncops: error: ") or "usage:" in err, (command, rest, err)


@pytest.mark.parametrize("ref", ["１２", "1_0", "+3", " -4", "0", "12abc", "99999999999999999999999"])
def test_job_ids_are_ascii_digits_only(ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", ref]) == 2
    assert "is not a job id or link" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "NaN"])
@pytest.mark.parametrize(
    "args",
    [["purge", "--older-than"], ["stop", "1", "--timeout"], ["worker", "--grace"], ["engine", "stop", "--timeout"]],
)
def test_a_number_option_refuses_nan_and_infinity(
    args: list[str], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, value]) == 2
    err = capsys.readouterr().err
    assert f"{value!r} is not a number" in err and "Traceback" not in err and "unexpected" not in err


def _write(path: Path, data: bytes) -> bytes:
    path.write_bytes(data)
    return data


def _sqlite_with_table(path: Path) -> bytes:
    with sqlite3.connect(path) as c:
        c.execute("create table notes (x text)")
        c.execute("insert into notes values ('keep me')")
    c.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_sqlite_with_table, "SQLite database of another application"),
        (lambda p: _write(p, b"garbage, not a database at all" * 40), "not a SQLite database"),
        (lambda p: _write(p, b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 50), "damaged"),
    ],
    ids=["foreign", "garbage", "truncated"],
)
def test_a_file_that_is_not_ours_is_refused_and_left_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, expected: str
) -> None:
    path = tmp_path / "their.db"
    before = make(path)
    assert main(["--db", str(path), "jobs"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("their")) == ["their.db"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ro.db"
    Database(str(path)).dispose()
    path.chmod(stat.S_IRUSR)
    assert main(["--db", str(path), "jobs"]) == 2
    assert "read-only" in capsys.readouterr().err


def test_a_read_only_folder_is_refused_even_as_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # as root os.access says writable; a folder that is not a folder is refused the same way for everyone
    (tmp_path / "plain").write_text("x")
    assert main(["--db", str(tmp_path / "plain" / "a.db"), "jobs"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_a_mistyped_folder_is_refused_unless_create(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "jobs.db"
    assert main(["--db", str(target), "jobs"]) == 2
    assert "does not exist" in capsys.readouterr().err and not target.parent.exists()
    assert main(["--db", str(target), "--create", "jobs"]) == 0
    assert target.exists()


def test_a_folder_as_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path), "jobs"]) == 2
    assert "is a folder, not a database file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mongodb://localhost/x", "unknown database kind 'mongodb'"),
        ("postgresql+nosuchdriver://u@127.0.0.1/x", "unknown database kind"),
        ("postgresql+pg8000://u:secret@127.0.0.1/x", "asyncops[postgres]"),
        ("http://[::1", "not valid"),
    ],
)
def test_bad_urls_get_a_sentence(url: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "jobs"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "secret" not in err and "Traceback" not in err


def test_an_unreachable_server_exits_4_without_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg")
    # a port nothing listens on: the connection is refused at once
    assert main(["--db", "postgresql+psycopg://someone:hunter2@127.0.0.1:9/asyncops", "jobs"]) == 4
    err = capsys.readouterr().err
    assert "cannot reach the database" in err and "hunter2" not in err and "***" in err


def test_jobs_fit_the_terminal_with_an_ellipsis_and_say_how_many_more(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    long_label = "Back up the photo library of the whole team to the archive disk " + "x" * 40 + " END"
    for _ in range(4):
        assert main(["submit", "command", "-p", "cmd=true", "--label", long_label]) == 0
    capsys.readouterr()
    monkeypatch.setenv("COLUMNS", "140")
    assert main(["jobs", "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 4 and all(len(line) <= 140 for line in lines)
    assert "Back u" in lines[1] and "…" in lines[1] and "END" in lines[1]  # both ends stay
    assert "start `asyncops worker`)" in lines[1]  # the actionable end of the waiting reason
    assert err.strip() == "1 more: use --limit N, or --limit 0 for all of them"
    monkeypatch.delenv("COLUMNS")
    assert main(["jobs"]) == 0  # to a pipe, nothing is cut and nothing is missing
    out, err = capsys.readouterr()
    assert out.count(long_label) == 4 and err == ""


def test_run_streams_the_programs_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "command", "-p", 'argv=["sh","-c","echo first line; echo second line"]']) == 0
    out = capsys.readouterr().out
    assert out.index("first line") < out.index("second line") < out.index("SUCCEEDED")
    assert main(["run", "--quiet", "command", "-p", 'argv=["sh","-c","echo hidden"]']) == 0
    assert "hidden" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--at", "2020-01-01T10:00"], "is in the past"),
        (["-p", "argv=not json"], "parameter 'argv': expected a JSON array such as"),
        (["-p", 'argv=["echo", null]'], "parameter 'argv': item 2 is null"),
        (["-p", "cmd=true", "-p", "grace=nan"], "parameter 'grace': expected a finite number"),
        (["-p", "cmd="], "parameter 'cmd': is empty"),
        (["-p", "cmd=true", "-p", 'env={"1BAD NAME": "x"}'], "parameter 'env': not an environment variable name: 1BAD"),
    ],
)
def test_bad_values_are_named_at_submit(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not any(a.startswith(("argv", "cmd")) for a in args):
        args = [*args, "-p", "cmd=true"]
    assert main(["submit", "command", *args]) == 2
    assert expected in capsys.readouterr().err
    assert main(["jobs", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"  # nothing written


def test_desktop_install_writes_the_entry_and_icon_under_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop-install"]) == 0
    entry = tmp_path / "share" / "applications" / "asyncops.desktop"
    text = entry.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").removesuffix(" %u").split()[0]
    assert Path(program).is_absolute() and Path(program).exists()
    assert "MimeType=x-scheme-handler/asyncops;" in text
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "asyncops.png").stat().st_size > 0
    assert main(["desktop-install", "--uninstall"]) == 0
    assert not entry.exists()


def test_adding_a_library_that_does_not_exist_is_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "add", str(tmp_path / "nowhere")]) == 3
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.slow
def test_quiet_by_default_and_v_shows_the_info_lines(tmp_path: Path) -> None:
    """A first start (the database is created and migrated) prints nothing but its answer; `-v` also shows the
    INFO lines of asyncops and its libraries (here Alembic's migration lines)."""
    import subprocess
    import sys

    out = {}
    for flag in ("", "-v"):
        env = {
            **os.environ,
            "ASYNCOPS_DB": str(tmp_path / f"first{flag}.db"),
            "ASYNCOPS_NO_AUTOSTART": "1",
        }
        env.pop("ASYNCOPS_VERBOSE", None)
        argv = [sys.executable, "-m", "desktop.launcher", *([flag] if flag else []), "jobs"]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        out[flag] = done.stderr
    assert out[""] == ""
    assert "INFO alembic" in out["-v"]


def test_a_file_damaged_inside_is_said_in_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The open reads the header and the schema only (a whole-file check would cost every start); damage deeper in
    the file is met by a read, and said as such: exit 2, no traceback, the file left as it was."""
    path = tmp_path / "mine.db"
    db = Database(f"sqlite:///{path}", create=True)
    for i in range(300):
        jobs.submit(db, "command", {"cmd": f"echo {i} " + "x" * 200})
    db.dispose()
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for at in range(len(data) // page * 2 // 3 * page, len(data), page):  # the last third: the jobs' own pages
        data[at : at + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    rc = main(["--db", str(path), "jobs"])
    err = capsys.readouterr().err
    assert rc == 2 and "database file is damaged" in err and "Traceback" not in err, err
    assert path.read_bytes() == before
