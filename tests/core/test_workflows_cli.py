"""Issue 11 through the command line: the forms are the contract (output, exit codes, nothing half-written)."""

from __future__ import annotations

import json

import pytest

from core.api import Tracker
from core.cli import main
from core.status import JobStatus
from core.store.db import Database
from core.workflows import dependencies
from tests.core.test_workflows import finish, fresh_schema  # noqa: F401  (the fixture, used by every test)

S = JobStatus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def submit(capsys: pytest.CaptureFixture[str], *extra: str) -> int:
    rc, out, err = run(capsys, "submit", "command", "-p", "cmd=echo hi", *extra)
    assert rc == 0, err
    return int(out.strip())


def job_json(capsys: pytest.CaptureFixture[str], job_id: int) -> dict:
    rc, out, _ = run(capsys, "show", str(job_id), "--json")
    assert rc == 0
    return json.loads(out)


def count(db: Database) -> int:
    return len(Tracker(db, user="tester").jobs())


def test_submit_after_waits_with_its_reason_and_runs_when_the_parent_succeeds(db: Database, capsys) -> None:
    parent = submit(capsys)
    child = submit(capsys, "--after", str(parent))
    shown = job_json(capsys, child)
    assert shown["status"] == "SCHEDULED" and shown["scheduled_for"] is None
    assert shown["waiting_reason"] == f"waits for job #{parent}" and shown["after"] == [parent]
    assert shown["profile"] is None and shown["origin"] is None
    rc, out, _ = run(capsys, "jobs")
    assert rc == 0 and f"waits for job #{parent}" in out
    finish(db, parent, S.SUCCEEDED)
    dependencies.release(db)
    assert job_json(capsys, child)["status"] == "QUEUED"


def test_submit_after_a_failed_parent_is_stopped_unless_run_anyway(db: Database, capsys) -> None:
    parent = submit(capsys)
    child = submit(capsys, "--after", f"asyncops://job/{parent}")
    anyway = submit(capsys, "--after", str(parent), "--run-anyway")
    finish(db, parent, S.FAILED)
    dependencies.release(db)
    stopped = job_json(capsys, child)
    assert stopped["status"] == "STOPPED" and f"job #{parent}" in stopped["message"] and "FAILED" in stopped["message"]
    assert job_json(capsys, anyway)["status"] == "QUEUED"


@pytest.mark.parametrize(
    ("extra", "code", "text"),
    [
        (["--after", "999"], 3, "no job #999"),
        (["--after", "abc"], 2, "not a job id"),
        (["--run-anyway"], 2, "--run-anyway needs --after"),
        (["--after", "1", "--at", "2999-01-01T00:00"], 2, "cannot be combined"),
    ],
)
def test_submit_after_bad_input_writes_nothing(db: Database, capsys, extra: list[str], code: int, text: str) -> None:
    submit(capsys)
    rc, _, err = run(capsys, "submit", "command", "-p", "cmd=echo", *extra)
    assert rc == code and text in err
    assert count(db) == 1


def test_submit_after_another_users_job_is_not_allowed(db: Database, capsys, monkeypatch) -> None:
    parent = submit(capsys)
    monkeypatch.setenv("ASYNCOPS_USER", "someone-else")
    rc, _, err = run(capsys, "submit", "command", "-p", "cmd=echo", "--after", str(parent))
    assert rc == 3 and "another user" in err
    assert count(db) == 1


def test_profiles_save_list_show_run_remove(db: Database, capsys) -> None:
    rc, out, _ = run(capsys, "profile", "save", "greet", "command", "-p", "cmd=echo hello", "--label", "Greet")
    assert rc == 0 and out.strip() == "profile greet saved"
    rc, out, _ = run(capsys, "profile", "save", "tick", "command", "-p", "cmd=echo tick", "--schedule", "*/5 * * * *")
    assert rc == 0 and "next run at" in out
    rc, out, _ = run(capsys, "profile", "list", "--json")
    listed = {p["name"]: p for p in json.loads(out)}
    assert listed["greet"]["next_due"] is None and listed["greet"]["params"] == {"cmd": "echo hello"}
    assert listed["tick"]["next_due"].endswith("Z") and listed["tick"]["catch_up"] == "one"
    rc, out, _ = run(capsys, "profile", "list")
    assert rc == 0 and "greet" in out and "*/5 * * * *" in out
    rc, out, _ = run(capsys, "profile", "show", "greet")
    assert rc == 0 and "operation: command" in out and "label: Greet" in out
    rc, out, _ = run(capsys, "profile", "run", "greet", "-p", "cmd=echo overridden")
    assert rc == 0
    job = job_json(capsys, int(out))
    assert job["params"]["cmd"] == "echo overridden" and job["label"] == "Greet"
    assert (job["profile"], job["origin"]) == ("greet", "manual")
    submit(capsys)  # not from the profile
    rc, out, _ = run(capsys, "jobs", "--profile", "greet", "--json")
    assert [r["id"] for r in json.loads(out)] == [job["id"]] and json.loads(out)[0]["profile"] == "greet"
    rc, out, _ = run(capsys, "jobs", "--profile", "greet")
    assert rc == 0 and str(job["id"]) in out and "echo hi" not in out
    rc, out, _ = run(capsys, "jobs", "--json")
    assert len(json.loads(out)) == 2 and {r["profile"] for r in json.loads(out)} == {"greet", None}
    rc, out, _ = run(capsys, "profile", "remove", "greet")
    assert rc == 0 and out.strip() == "profile greet removed"
    rc, _, err = run(capsys, "profile", "show", "greet")
    assert rc == 3 and "no profile named 'greet'" in err


@pytest.mark.parametrize(
    ("argv", "code", "text"),
    [
        (["profile", "save", "p", "command", "-p", "cmd="], 2, "cmd"),
        (["profile", "save", "p", "no-such-op"], 2, "no-such-op"),
        (["profile", "save", "p", "command", "-p", "cmd=echo", "--schedule", "every day"], 2, "cron"),
        (["profile", "save", "p", "command", "-p", "cmd=echo", "--catch-up", "all"], 2, "catch-up"),
        (["profile", "save", "p", "command", "-p", "cmd=echo", "--queue", "nope"], 2, "no queue named"),
        (["profile", "save", "bad name", "command", "-p", "cmd=echo"], 2, "name"),
        (["profile", "run", "missing"], 3, "no profile named"),
        (["profile", "remove", "missing"], 3, "no profile named"),
        (["chain", "save", "c", "missing"], 3, "no profile named 'missing'"),
        (["chain", "run", "missing"], 3, "no chain named"),
    ],
)
def test_profile_and_chain_bad_input(db: Database, capsys, argv: list[str], code: int, text: str) -> None:
    rc, _, err = run(capsys, *argv)
    assert rc == code and text in err, err
    assert Tracker(db).workflows.profiles() == [] and Tracker(db).workflows.chains() == []
    assert count(db) == 0


def test_profile_run_with_a_bad_override_writes_nothing(db: Database, capsys) -> None:
    assert run(capsys, "profile", "save", "p", "command", "-p", "cmd=echo")[0] == 0
    rc, _, err = run(capsys, "profile", "run", "p", "-p", "cmd=")
    assert rc == 2 and "cmd" in err and count(db) == 0


def test_chains_save_run_list_remove(db: Database, capsys) -> None:
    for name in ("a", "b", "tidy"):
        assert run(capsys, "profile", "save", name, "command", "-p", f"cmd=echo {name}")[0] == 0
    rc, out, _ = run(capsys, "chain", "save", "ab", "a", "b", "--finally", "tidy")
    assert rc == 0 and out.strip() == "chain ab saved (a, b, finally tidy)"
    rc, out, _ = run(capsys, "chain", "list")
    assert rc == 0 and "a → b" in out and "tidy" in out
    rc, out, _ = run(capsys, "chain", "list", "--json")
    assert json.loads(out) == [
        {
            "name": "ab",
            "owner": "tester",
            "steps": ["a", "b"],
            "finally": "tidy",
            "schedule": None,
            "catch_up": "one",
            "next_due": None,
            "last_error": None,
        }
    ]
    rc, out, err = run(capsys, "chain", "run", "ab")
    assert rc == 0
    ids = [int(x) for x in out.split()]
    shown = [job_json(capsys, i) for i in ids]
    assert [j["profile"] for j in shown] == ["a", "b", "tidy"]
    assert len({j["chain_run"] for j in shown}) == 1 and f"run #{shown[0]['chain_run']}" in err
    assert [j["status"] for j in shown] == ["QUEUED", "SCHEDULED", "SCHEDULED"]
    rc, out, _ = run(capsys, "show", str(ids[1]), "--log")
    assert rc == 0 and f"waits for job #{ids[0]}" in out and f"After       #{ids[0]}" in out
    assert "Profile     b (manual)" in out and f"Chain run   #{shown[0]['chain_run']}" in out and "Log:" in out
    rc, _, err = run(capsys, "profile", "remove", "a")
    assert rc == 2 and "chain 'ab'" in err
    rc, out, _ = run(capsys, "chain", "remove", "ab")
    assert rc == 0 and out.strip() == "chain ab removed"
    assert run(capsys, "chain", "remove", "ab")[0] == 3


def test_priority(db: Database, capsys) -> None:
    job = submit(capsys)
    rc, out, _ = run(capsys, "priority", str(job), "9")
    assert rc == 0 and out.strip() == f"job {job}: priority 9"
    assert job_json(capsys, job)["priority"] == 9
    finish(db, job, S.SUCCEEDED)
    rc, _, err = run(capsys, "priority", str(job), "1")
    assert rc == 2 and "only a queued or scheduled job" in err
    assert run(capsys, "priority", "999", "1")[0] == 3
    assert run(capsys, "priority", str(job), "high")[0] == 2


def test_retry_failed(db: Database, capsys) -> None:
    ids = [submit(capsys) for _ in range(3)]
    other = int(run(capsys, "submit", "command", "-p", "cmd=echo", "--label", "x")[1])
    finish(db, ids[0], S.FAILED)
    finish(db, ids[1], S.FAILED)
    finish(db, ids[2], S.SUCCEEDED)
    finish(db, other, S.FAILED)
    rc, out, err = run(capsys, "retry", "--failed", "--operation", "command", "--since", "1h")
    assert rc == 0 and "retried 3 failed jobs" in err
    new = [int(x) for x in out.split()]
    assert [job_json(capsys, n)["parent_id"] for n in new] == [ids[0], ids[1], other]
    rc, out, err = run(capsys, "retry", "--failed")
    assert rc == 0 and out == "" and "no failed job to retry" in err
    rc, out, _ = run(capsys, "retry", str(ids[2]))  # one job, as before
    assert rc == 0 and job_json(capsys, int(out))["parent_id"] == ids[2]


@pytest.mark.parametrize(
    ("argv", "text"),
    [
        (["retry"], "give a job ID"),
        (["retry", "1", "--failed"], "not both"),
        (["retry", "--since", "1h"], "go with --failed"),
        (["retry", "--failed", "--since", "yesterday"], "--since"),
        (["retry", "--failed", "--operation", "nope"], "no such operation"),
    ],
)
def test_retry_bad_input(db: Database, capsys, argv: list[str], text: str) -> None:
    rc, _, err = run(capsys, *argv)
    assert rc == 2 and text in err
    assert count(db) == 0
