import pytest

from core.records import JobSnapshot
from core.status import TERMINAL, TRANSITIONS, JobStatus, TransitionError, check_transition, display_colour, sources_of


def test_terminal_states_are_final() -> None:
    for s in TERMINAL:
        assert TRANSITIONS[s] == frozenset()
        with pytest.raises(TransitionError):
            check_transition(s, JobStatus.QUEUED)


def test_every_state_has_a_row_and_only_known_targets() -> None:
    assert set(TRANSITIONS) == set(JobStatus)
    for targets in TRANSITIONS.values():
        assert targets <= set(JobStatus)


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        ("QUEUED", "ACTIVE", True),
        ("SCHEDULED", "QUEUED", True),
        ("ACTIVE", "STOPPING", True),
        ("STOPPING", "STOPPED", True),
        ("ACTIVE", "SUCCEEDED", True),
        ("QUEUED", "SUCCEEDED", False),
        ("STOPPING", "ACTIVE", False),
        ("SCHEDULED", "FAILED", False),
        ("ACTIVE", "SCHEDULED", True),
    ],
)
def test_transition_table(old: str, new: str, ok: bool) -> None:
    if ok:
        check_transition(old, new)
    else:
        with pytest.raises(TransitionError, match=f"from {old} to {new}"):
            check_transition(old, new)


def test_sources_of_interrupted() -> None:
    assert sources_of(JobStatus.INTERRUPTED) == {JobStatus.ACTIVE, JobStatus.STOPPING, JobStatus.PAUSED}


@pytest.mark.parametrize(
    ("status", "warnings", "errors", "colour"),
    [
        ("SUCCEEDED", 0, 0, "green"),
        ("SUCCEEDED", 3, 0, "yellow"),
        ("FAILED", 0, 2, "red"),
        ("INTERRUPTED", 0, 0, "red"),
        ("ACTIVE", 0, 0, "blue"),
        ("STOPPING", 0, 0, "blue"),
        ("QUEUED", 0, 0, "grey"),
        ("SCHEDULED", 0, 0, "grey"),
        ("STOPPED", 1, 0, "grey"),
    ],
)
def test_display_colour(status: str, warnings: int, errors: int, colour: str) -> None:
    assert display_colour(status, warnings, errors) == colour


def test_snapshot_rate_and_eta() -> None:
    import datetime as dt

    t0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    snap = JobSnapshot(
        id=1,
        operation="x",
        label="",
        description="",
        params={},
        owner="u",
        queue="default",
        priority=0,
        status=JobStatus.ACTIVE,
        inline=False,
        progress_done=50,
        progress_total=200,
        warnings=0,
        errors=0,
        created_at=t0,
        scheduled_for=None,
        started_at=t0,
        finished_at=None,
        updated_at=t0,
        attempt=1,
        max_attempts=1,
        worker=None,
        stop_requested=False,
        message="",
        result=None,
        parent_id=None,
    )
    now = t0 + dt.timedelta(seconds=10)
    assert snap.rate(now) == 5.0
    assert snap.eta(now) == dt.timedelta(seconds=30)
    assert snap.fraction == 0.25
    assert snap.link == "asyncops://job/1"
    assert snap.to_json()["started_at"] == "2026-01-01T00:00:00Z"
