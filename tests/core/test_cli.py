"""The command line contract: output shapes, exit codes, users, and bad input that changes nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.engine import Engine
from core.store import jobs, settings
from core.store.db import Database
from tests.core.helpers import wait_status

JSON_KEYS = {
    "id",
    "operation",
    "label",
    "owner",
    "status",
    "queue",
    "priority",
    "attempt",
    "progress_done",
    "progress_total",
    "warnings",
    "errors",
    "created_at",
    "scheduled_for",
    "started_at",
    "finished_at",
    "result",
    "waiting_reason",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def count_jobs(db: Database) -> int:
    return len(jobs.list_jobs(db, all_users=True, with_reasons=False))


def test_no_arguments_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys)
    assert rc == 0 and "usage: asyncops" in out and "submit" in out


def test_submit_prints_the_id_and_jobs_json_has_the_contract_fields(db: Database, capsys) -> None:
    rc, out, _ = run(capsys, "submit", "command", "-p", "cmd=echo hi", "--label", "Say hi", "--priority", "3")
    assert rc == 0
    job_id = int(out.strip())
    rc, out, _ = run(capsys, "jobs", "--json")
    assert rc == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [job_id]
    assert set(rows[0]) >= JSON_KEYS
    assert rows[0]["label"] == "Say hi" and rows[0]["priority"] == 3 and rows[0]["status"] == "QUEUED"
    assert rows[0]["owner"] == "tester"
    assert rows[0]["created_at"].endswith("Z")
    assert rows[0]["waiting_reason"].startswith("no engine is running")


def test_run_inline_succeeds_and_show_json_log(db: Database, capsys) -> None:
    rc, out, err = run(capsys, "run", "command", "-p", 'argv=["sh","-c","echo hello; echo WARNING: careful"]')
    assert rc == 0, err
    assert "running inline as job" in err
    assert "SUCCEEDED: 1 warning(s), 0 error(s)" in out
    job_id = jobs.list_jobs(db)[0].id
    rc, out, _ = run(capsys, "show", f"asyncops://job/{job_id}", "--json", "--log")
    assert rc == 0
    obj = json.loads(out)
    assert set(obj) >= JSON_KEYS and obj["status"] == "SUCCEEDED" and obj["warnings"] == 1
    assert obj["result"]["exit_code"] == 0
    assert {"time", "level", "message", "item", "code", "args"} == set(obj["log"][0])
    assert ("WARNING", "WARNING: careful") in [(e["level"], e["message"]) for e in obj["log"]]


def test_run_failing_exits_1(db: Database, capsys) -> None:
    rc, out, _ = run(capsys, "run", "command", "-p", "cmd=exit 3", "-p", "shell=true")
    assert rc == 1
    assert "FAILED" in out and "exit code 3" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["submit", "nope"], "unknown operation 'nope'"),
        (["submit", "command"], "give exactly one of argv or cmd"),
        (["submit", "command", "-p", "cmd"], "expected KEY=VALUE"),
        (["submit", "command", "-p", "cmd=true", "-p", "colour=red"], "'colour': command has no such parameter"),
        (["submit", "command", "-p", "cmd=true", "--at", "tomorrow"], "not an ISO-8601 time"),
        (["submit", "command", "-p", "cmd=true", "--queue", "nowhere"], "no queue named 'nowhere'"),
        (["submit", "command", "-p", "cmd=definitely-not-a-program-xyz"], "program not found"),
        (["submit", "command", "-p", "cmd=true", "-p", "cwd=/no/such/folder"], "is not a folder"),
        (["submit", "command", "-p", "argv=[1,", "-p", "shell=false"], "parameter 'argv'"),
        (["run", "command", "-p", "cmd=true", "-p", "grace=-1"], "must be at least 0"),
        (["config", "set", "queue.default.kind", "sideways"], "kind must be one of ordered, parallel"),
        (["config", "set", "queue.default.max_parallel", "0"], "max_parallel must be between 1 and 256"),
        (["config", "set", "purge.days", "many"], "purge.days must be a whole number"),
        (["config", "set", "nonsense", "1"], "unknown key 'nonsense'"),
        (["config", "set", "threshold.command.files", "5"], "command counts no 'files'"),
        (["show", "abc"], "not a job id"),
        (["jobs", "--status", "done"], "not a status"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(db: Database, capsys, argv: list[str], message: str) -> None:
    before_jobs, before_cfg = count_jobs(db), json.dumps(settings.show(db))
    rc, out, err = run(capsys, *argv)
    assert rc == 2, (out, err)
    assert message in err
    assert err.startswith("asyncops: error: ")
    assert count_jobs(db) == before_jobs
    assert json.dumps(settings.show(db)) == before_cfg


def test_argparse_usage_errors_exit_2(capsys) -> None:
    assert main(["jobs", "--limit", "x"]) == 2
    assert "argument --limit: invalid int value: 'x'" in capsys.readouterr().err


def test_not_found_exits_3(db: Database, capsys) -> None:
    for cmd in ("show", "stop", "remove", "retry", "undo", "export-csv"):
        rc, _, err = run(capsys, cmd, "424242")
        assert rc == 3, cmd
        assert "no job #424242" in err
    rc, _, err = run(capsys, "queue", "pause", "ghost")
    assert rc == 3 and "no queue named 'ghost'" in err


def test_another_users_job_is_not_allowed(db: Database, capsys, monkeypatch) -> None:
    theirs = jobs.submit(db, "command", {"cmd": "true"}, owner="alice")
    mine = jobs.submit(db, "command", {"cmd": "true"}, owner="tester")
    for argv in (
        ["show", str(theirs.id)],
        ["stop", str(theirs.id)],
        ["remove", str(theirs.id)],
        ["export-csv", str(theirs.id)],
        ["jobs", "--all"],
    ):
        rc, _, err = run(capsys, *argv)
        assert rc == 3, argv
        assert "not allowed" in err
    rc, out, _ = run(capsys, "jobs", "--json")
    assert [r["id"] for r in json.loads(out)] == [mine.id]
    assert jobs.get(db, theirs.id, user="alice").status.value == "QUEUED"  # untouched

    monkeypatch.setenv("ASYNCOPS_ADMIN", "1")
    rc, out, _ = run(capsys, "jobs", "--all", "--json")
    assert {r["owner"] for r in json.loads(out)} == {"alice", "tester"}
    rc, out, _ = run(capsys, "show", str(theirs.id), "--json")
    assert rc == 0 and json.loads(out)["owner"] == "alice"


def test_admins_setting_makes_an_admin(db: Database, capsys, monkeypatch) -> None:
    jobs.submit(db, "command", {"cmd": "true"}, owner="alice")
    assert run(capsys, "config", "set", "admins", "tester,bob")[0] == 0
    rc, out, _ = run(capsys, "jobs", "--all", "--json")
    assert rc == 0 and [r["owner"] for r in json.loads(out)] == ["alice"]


def test_remove_refuses_queued_and_active_jobs(db: Database, capsys) -> None:
    queued = jobs.submit(db, "command", {"cmd": "true"})
    active = jobs.submit(db, "command", {"cmd": "true"}, inline_worker="someone")
    for j in (queued, active):
        rc, _, err = run(capsys, "remove", str(j.id))
        assert rc == 2 and "stop it first" in err
    assert count_jobs(db) == 2
    rc, _, _ = run(capsys, "stop", str(queued.id))
    assert rc == 0
    rc, out, _ = run(capsys, "remove", str(queued.id))
    assert rc == 0 and "removed" in out
    assert jobs.removed_since(db, queued.created_at) == [queued.id]
    rc, _, err = run(capsys, "show", str(queued.id))
    assert rc == 3


def test_stop_remove_and_retry_take_several_ids_and_say_per_job_what_they_did(db: Database, capsys) -> None:
    a, b = (jobs.submit(db, "command", {"cmd": "true"}) for _ in range(2))
    rc, out, err = run(capsys, "stop", str(a.id), "9999", f"asyncops://job/{b.id}")
    assert rc == 3 and "9999" in err  # the unknown one says so; the others are still stopped
    assert f"job {a.id}: STOPPED" in out and f"job {b.id}: STOPPED" in out
    running = jobs.submit(db, "command", {"cmd": "true"}, inline_worker="someone")
    rc, out, err = run(capsys, "retry", str(a.id), str(running.id), str(b.id))
    assert rc == 2 and "only a finished job" in err
    new = [jobs.get(db, int(line)) for line in out.split()]
    assert [j.parent_id for j in new] == [a.id, b.id]
    rc, out, err = run(capsys, "remove", str(a.id), str(running.id), str(b.id))
    assert rc == 2 and "stop it first" in err
    assert out.split("\n")[:2] == [f"job {a.id} removed", f"job {b.id} removed"]
    assert {j.id for j in jobs.list_jobs(db)} == {running.id, *(j.id for j in new)}


def test_stop_a_job_run_by_an_engine(db: Database, engine: Engine, capsys) -> None:
    snap = engine.submit("command", {"argv": ["sleep", "30"]})
    wait_status(db, snap.id, "ACTIVE")
    rc, out, _ = run(capsys, "stop", str(snap.id))
    assert rc == 0 and f"job {snap.id}: STOPPED" in out
    rc, _, err = run(capsys, "stop", str(snap.id))
    assert rc == 2 and "already finished" in err


def test_retry_and_purge(db: Database, capsys) -> None:
    rc, _, _ = run(capsys, "run", "command", "-p", "cmd=false")
    assert rc == 1
    first = jobs.list_jobs(db)[0]
    rc, out, _ = run(capsys, "retry", str(first.id))
    assert rc == 0
    again = jobs.get(db, int(out))
    assert again.parent_id == first.id and again.status.value == "QUEUED"
    rc, _, err = run(capsys, "retry", str(again.id))
    assert rc == 2 and "only a finished job" in err
    rc, out, _ = run(capsys, "purge", "--older-than", "0")
    assert rc == 0 and out.strip() == "purged 1 finished job(s)"
    assert [j.id for j in jobs.list_jobs(db)] == [again.id]


def test_purge_keep(db: Database, capsys) -> None:
    for _ in range(4):
        assert run(capsys, "run", "command", "-p", "cmd=true")[0] == 0
    _rc, out, _ = run(capsys, "purge", "--keep", "1")
    assert out.strip() == "purged 3 finished job(s)"
    assert len(jobs.list_jobs(db)) == 1


def test_export_csv_list_and_job(db: Database, capsys, tmp_path: Path) -> None:
    assert run(capsys, "run", "command", "-p", "cmd=echo a; echo warning b", "-p", "shell=true")[0] == 0
    jobs.submit(db, "command", {"cmd": "true"}, label="later, with a comma")
    target = tmp_path / "jobs.csv"
    rc, _, err = run(capsys, "export-csv", "-o", str(target))
    assert rc == 0 and "2 job(s) written" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["label"] for r in rows] == ["later, with a comma", "echo a; echo warning b"]
    assert rows[1]["status"] == "SUCCEEDED" and rows[1]["warnings"] == "1"
    assert not list(tmp_path.glob("*.part"))
    job_id = rows[1]["id"]
    rc, out, _ = run(capsys, "export-csv", job_id)
    lines = list(csv.reader(io.StringIO(out)))
    assert lines[0] == ["field", "value"]
    start = lines.index(["time", "level", "message", "item"])
    assert [r[1:3] for r in lines[start + 1 :]][1:3] == [["INFO", "a"], ["WARNING", "warning b"]]
    rc, _, err = run(capsys, "export-csv", "-o", str(tmp_path / "missing" / "x.csv"))
    assert rc == 2 and "does not exist" in err


def test_config_show_set_and_queue_pause(db: Database, capsys) -> None:
    assert run(capsys, "config", "set", "queue.imports.max_parallel", "3")[0] == 0
    assert run(capsys, "config", "set", "queue.imports.operations", '["command"]')[0] == 0
    assert run(capsys, "config", "set", "queue.imports.retries", "2")[0] == 0
    assert run(capsys, "config", "set", "purge.time", "02:30")[0] == 0
    _rc, out, _ = run(capsys, "config", "show", "--json")
    cfg: dict[str, Any] = json.loads(out)
    assert cfg["queue.imports.max_parallel"] == 3 and cfg["queue.imports.operations"] == ["command"]
    assert cfg["purge.time"] == "02:30"
    _rc, out, _ = run(capsys, "submit", "command", "-p", "cmd=true")
    snap = jobs.get(db, int(out))
    assert snap.queue == "imports" and snap.max_attempts == 3
    assert run(capsys, "queue", "pause", "imports")[1].strip() == "queue imports paused"
    assert jobs.get(db, snap.id).waiting_reason == "queue imports paused"
    assert run(capsys, "queue", "resume", "imports")[0] == 0


def test_operations_lists_schema(capsys) -> None:
    _rc, out, _ = run(capsys, "operations", "--json")
    ops = {o["name"]: o for o in json.loads(out)}
    assert {"argv", "cmd", "shell", "cwd", "env"} <= {p["name"] for p in ops["command"]["params"]}
