"""Snapshot factory for view tests that need no database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.records import JobSnapshot
from core.status import JobStatus

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def snap(status: str = "SUCCEEDED", **kw: Any) -> JobSnapshot:
    st = JobStatus(status)
    values: dict[str, Any] = {
        "id": 1,
        "operation": "command",
        "label": "echo hi",
        "description": "",
        "params": {},
        "owner": "tester",
        "queue": "default",
        "priority": 0,
        "status": st,
        "inline": False,
        "progress_done": 0,
        "progress_total": None,
        "warnings": 0,
        "errors": 0,
        "created_at": NOW - dt.timedelta(minutes=5),
        "scheduled_for": None,
        "started_at": None if st.is_waiting else NOW - dt.timedelta(minutes=4),
        "finished_at": NOW - dt.timedelta(minutes=1) if st.is_terminal else None,
        "updated_at": NOW,
        "attempt": 1,
        "max_attempts": 1,
        "worker": None,
        "stop_requested": False,
        "message": "",
        "result": None,
        "parent_id": None,
    }
    values.update(kw)
    return JobSnapshot(**values)
