"""CSV of the job list and of one job's details and log (the CLI's export-csv and the GUI's Download CSV).

Cells that a spreadsheet would run as a formula (beginning with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) are written with a leading ``'`` (OWASP's advice for CSV injection)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from core.records import JobSnapshot, LogEntry, iso

LIST_COLUMNS = (
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
    "duration_s",
    "waiting_reason",
    "message",
)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: Any) -> Any:
    """A cell a spreadsheet shows as text instead of running it as a formula: a leading ``'`` before ``=``,
    ``+``, ``-``, ``@``, tab or carriage return (labels, log lines and titles come from people and files)."""
    if isinstance(cell, str) and cell and cell[0] in FORMULA_START:
        return "'" + cell
    return cell


def _cell(job: JobSnapshot, column: str) -> Any:
    if column == "duration_s":
        d = job.duration()
        return f"{d.total_seconds():.3f}" if d is not None else ""
    value = getattr(job, column)
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return iso(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def write_jobs(out: TextIO, jobs: Iterable[JobSnapshot], columns: Sequence[str] = LIST_COLUMNS) -> int:
    """One row per job, in the given order (what the list shows); returns the number of rows."""
    w = csv.writer(out)
    w.writerow(columns)
    n = 0
    for job in jobs:
        w.writerow([safe(_cell(job, c)) for c in columns])
        n += 1
    return n


def write_job(out: TextIO, job: JobSnapshot, log: Iterable[LogEntry]) -> int:
    """A job's details (field, value) then its log (time, level, message, item); returns log rows written."""
    w = csv.writer(out)
    w.writerow(["field", "value"])
    for field in (*LIST_COLUMNS, "description", "inline", "max_attempts", "worker", "parent_id", "updated_at"):
        w.writerow([field, safe(_cell(job, field))])
    w.writerow(["params", safe(json.dumps(job.params, ensure_ascii=False, sort_keys=True))])
    w.writerow(["result", safe(json.dumps(job.result, ensure_ascii=False, sort_keys=True)) if job.result else ""])
    w.writerow(["link", job.link])
    w.writerow([])
    w.writerow(["time", "level", "message", "item"])
    n = 0
    for e in log:
        w.writerow([iso(e.time), e.level, safe(e.message), safe(e.item or "")])
        n += 1
    return n
