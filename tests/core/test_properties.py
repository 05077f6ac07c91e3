"""Property tests: CSV export round trips, and the job life cycle against a model of the transition table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from core import export
from core.errors import ConflictError
from core.records import JobSnapshot
from core.status import TRANSITIONS, JobStatus
from core.store import jobs
from core.store.db import Database
from core.store.settings import QueueConfig, save_queue

S = JobStatus
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=40)


def snapshot(i: int, label: str, message: str) -> JobSnapshot:
    return JobSnapshot(
        id=i,
        operation="command",
        label=label,
        description="",
        params={"cmd": label},
        owner="u",
        queue="default",
        priority=0,
        status=S.FAILED,
        inline=False,
        progress_done=1,
        progress_total=2,
        warnings=0,
        errors=1,
        created_at=T0,
        scheduled_for=None,
        started_at=T0,
        finished_at=T0,
        updated_at=T0,
        attempt=1,
        max_attempts=1,
        worker=None,
        stop_requested=False,
        message=message,
        result=None,
        parent_id=None,
    )


@given(st.lists(st.tuples(text, text), max_size=5))
def test_job_list_csv_round_trips_any_text(rows: list[tuple[str, str]]) -> None:
    out = io.StringIO()
    snaps = [snapshot(i + 1, label, msg) for i, (label, msg) in enumerate(rows)]
    assert export.write_jobs(out, snaps) == len(rows)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    # every text comes back, cells that a spreadsheet would run as a formula with the leading ' that stops it
    assert [(r["label"], r["message"]) for r in back] == [(export.safe(a), export.safe(b)) for a, b in rows]
    assert all(not c.startswith(export.FORMULA_START) for r in back for c in (r["label"], r["message"]))
    assert all(r["status"] == "FAILED" and r["errors"] == "1" for r in back)


@given(st.integers(min_value=1, max_value=10**9))
def test_job_refs(n: int) -> None:
    for ref in (str(n), f"#{n}", f"asyncops://job/{n}", f" asyncops://job/{n}/ "):
        assert jobs.parse_job_ref(ref) == n


class JobLifeCycle(RuleBasedStateMachine):
    """Random submits, claims, stops, finishes, removes and retries never break the transition table."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.db = Database(str(Path(self.tmp.name) / "p.db"))
        save_queue(self.db, QueueConfig("default", max_parallel=2))
        self.cfg = QueueConfig("default", max_parallel=2)
        self.model: dict[int, JobStatus] = {}

    def teardown(self) -> None:
        self.db.dispose()
        self.tmp.cleanup()

    def _check(self, job_id: int, new: JobStatus) -> None:
        old = self.model[job_id]
        assert new in TRANSITIONS[old] or new == old, f"{old} -> {new}"
        self.model[job_id] = new

    @rule()
    def submit(self) -> None:
        snap = jobs.submit(self.db, "command", {"cmd": "true"}, owner="u")
        self.model[snap.id] = snap.status

    @rule()
    def claim(self) -> None:
        got = jobs.claim(self.db, self.cfg, "engine")
        running = [i for i, s in self.model.items() if s in (S.ACTIVE, S.STOPPING)]
        if got is None:
            assert len(running) >= 2 or S.QUEUED not in self.model.values()
        else:
            assert len(running) < 2
            assert got.id == min(i for i, s in self.model.items() if s is S.QUEUED)
            self._check(got.id, S.ACTIVE)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def stop(self, data: st.DataObject) -> None:
        job_id = data.draw(st.sampled_from(sorted(self.model)))
        try:
            snap = jobs.request_stop(self.db, job_id, user="u", admin=False)
        except ConflictError:
            assert self.model[job_id].is_terminal
            return
        if self.model[job_id].is_waiting:
            self._check(job_id, snap.status)
            assert snap.status is S.STOPPED
        else:
            assert snap.stop_requested and snap.status is self.model[job_id]

    @precondition(lambda self: any(s is S.ACTIVE for s in self.model.values()))
    @rule(data=st.data(), outcome=st.sampled_from([S.SUCCEEDED, S.FAILED, S.STOPPED]))
    def finish(self, data: st.DataObject, outcome: JobStatus) -> None:
        job_id = data.draw(st.sampled_from(sorted(i for i, s in self.model.items() if s is S.ACTIVE)))
        assert jobs.transition(self.db, job_id, outcome, by="someone-else") is None  # not its engine
        snap = jobs.transition(self.db, job_id, outcome, by="engine")
        assert snap is not None and snap.finished_at is not None
        self._check(job_id, outcome)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        job_id = data.draw(st.sampled_from(sorted(self.model)))
        try:
            jobs.remove(self.db, job_id, user="u", admin=False)
        except ConflictError:
            assert self.model[job_id] in (S.QUEUED, S.ACTIVE, S.STOPPING)
            return
        assert self.model.pop(job_id) not in (S.QUEUED, S.ACTIVE, S.STOPPING)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def retry(self, data: st.DataObject) -> None:
        job_id = data.draw(st.sampled_from(sorted(self.model)))
        try:
            snap = jobs.retry(self.db, job_id, user="u", admin=False)
        except ConflictError:
            assert not self.model[job_id].is_terminal
            return
        assert snap.parent_id == job_id
        self.model[snap.id] = snap.status

    @invariant()
    def database_matches_model(self) -> None:
        got = {j.id: j.status for j in jobs.list_jobs(self.db, user="u", with_reasons=False)}
        assert got == self.model


TestJobLifeCycle = JobLifeCycle.TestCase
TestJobLifeCycle.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
