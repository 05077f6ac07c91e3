"""Job statuses and the one table of allowed transitions."""

from __future__ import annotations

from enum import StrEnum


class JobStatus(StrEnum):
    SCHEDULED = "SCHEDULED"
    QUEUED = "QUEUED"
    ACTIVE = "ACTIVE"
    STOPPING = "STOPPING"
    PAUSED = "PAUSED"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    STOPPED = "STOPPED"
    INTERRUPTED = "INTERRUPTED"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL

    @property
    def is_running(self) -> bool:
        return self in RUNNING

    @property
    def is_waiting(self) -> bool:
        return self in WAITING


TERMINAL = frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.INTERRUPTED})
# Held by an engine: its operation's thread is alive (a PAUSED job waits at a pause point and keeps its slot).
RUNNING = frozenset({JobStatus.ACTIVE, JobStatus.STOPPING, JobStatus.PAUSED})
WAITING = frozenset({JobStatus.SCHEDULED, JobStatus.QUEUED})
# Jobs that may not be removed: they are still going somewhere.
NOT_REMOVABLE = RUNNING | {JobStatus.QUEUED}

S = JobStatus
TRANSITIONS: dict[JobStatus, frozenset[JobStatus]] = {
    # A scheduled job becomes due (or is run at once), or is stopped before it starts.
    S.SCHEDULED: frozenset({S.QUEUED, S.ACTIVE, S.STOPPED}),
    S.QUEUED: frozenset({S.ACTIVE, S.STOPPED, S.SCHEDULED}),
    # ACTIVE -> SCHEDULED/QUEUED is a retry (or a resumable job of a dead engine).
    S.ACTIVE: frozenset({S.STOPPING, S.PAUSED, S.SUCCEEDED, S.FAILED, S.STOPPED, S.INTERRUPTED, S.SCHEDULED, S.QUEUED}),
    # A paused job resumes, is stopped, or ends as an active one does (its engine shut down or died meanwhile).
    S.PAUSED: frozenset({S.ACTIVE, S.STOPPING, S.SUCCEEDED, S.FAILED, S.STOPPED, S.INTERRUPTED, S.SCHEDULED, S.QUEUED}),
    S.STOPPING: frozenset({S.STOPPED, S.SUCCEEDED, S.FAILED, S.INTERRUPTED}),
    # Terminal states are final: "retry" submits a new job with the same parameters (parent_id links them),
    # so the history of the failed run is kept.
    S.SUCCEEDED: frozenset(),
    S.FAILED: frozenset(),
    S.STOPPED: frozenset(),
    S.INTERRUPTED: frozenset(),
}


class TransitionError(ValueError):
    """A state change the transition table does not allow."""


def sources_of(target: JobStatus) -> frozenset[JobStatus]:
    """Every status from which ``target`` may be reached (used in compare-and-set WHERE clauses)."""
    return frozenset(src for src, targets in TRANSITIONS.items() if target in targets)


def check_transition(old: JobStatus | str, new: JobStatus | str) -> None:
    old, new = JobStatus(old), JobStatus(new)
    if new not in TRANSITIONS[old]:
        raise TransitionError(f"a job cannot go from {old} to {new}")


def display_colour(status: JobStatus | str, warnings: int = 0, errors: int = 0) -> str:
    """The colour family shown everywhere (table, dashboard, tray): green, yellow, red, blue or grey."""
    status = JobStatus(status)
    if status is S.SUCCEEDED:
        return "yellow" if warnings else "green"
    if status in (S.FAILED, S.INTERRUPTED):
        return "red"
    if status is S.PAUSED:
        return "grey"
    if status in RUNNING:
        return "blue"
    return "grey"
