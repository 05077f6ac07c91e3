"""Plain, immutable views of jobs and log lines handed to callers (CLI, GUI, notifiers).

They are detached from any SQL session, so they can cross threads freely.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from core.errors import UsageError
from core.messages import Message, define, msg
from core.status import JobStatus, display_colour

define("job.bad_ref", "{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)")

# -- job references ---------------------------------------------------------------------------------
# ``12``, ``#12`` or ``asyncops://job/12``: the one parser of them, for the command line, the window and the
# launcher (which reads a clicked link before Qt or the database loads: this module imports neither).
LINK_PREFIXES = ("asyncops://job/", "#")
MAX_ID_DIGITS = 18  # every id of 18 digits fits the database's 64-bit integers (and the window's Qt ints)


def parse_job_ref(text: str) -> int:
    """The job id ``text`` names; UsageError (exit 2) when it names none. The id is ASCII digits only (no signs,
    spaces, ``_`` or other scripts' digits, which ``int()`` would accept), at most 18 of them."""
    t = text.strip()
    for prefix in LINK_PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :].strip("/")
    if not (t.isascii() and t.isdigit()) or len(t) > MAX_ID_DIGITS or int(t) <= 0:
        raise UsageError(msg("job.bad_ref", text=text))
    return int(t)


def job_link(job_id: int) -> str:
    return f"asyncops://job/{job_id}"


JOB_FIELDS = (
    "id",
    "operation",
    "label",
    "description",
    "params",
    "owner",
    "queue",
    "priority",
    "status",
    "inline",
    "progress_done",
    "progress_total",
    "warnings",
    "errors",
    "created_at",
    "scheduled_for",
    "started_at",
    "finished_at",
    "updated_at",
    "attempt",
    "max_attempts",
    "worker",
    "stop_requested",
    "message",
    "result",
    "parent_id",
    "runtime",
    "message_data",
    "pause_requested",
    "paused_at",
    "paused_seconds",
)
# Fields added after the first release, with the value a row (or a message of an older engine) lacking them has.
_LATER_FIELDS: dict[str, Any] = {"pause_requested": False, "paused_at": None, "paused_seconds": 0.0}


_HEAD = JOB_FIELDS.index("parent_id") + 1  # JobSnapshot's fields in JOB_FIELDS' order up to here
_STATUS, _PARAMS = JOB_FIELDS.index("status"), JOB_FIELDS.index("params")
_BOOLS = tuple(JOB_FIELDS.index(k) for k in ("inline", "stop_requested", "pause_requested"))
_STATUSES = {s.value: s for s in JobStatus}  # a dictionary lookup instead of the enum's call (the hot path's rows)
_POSITIONS: dict[tuple[str, ...], itemgetter[Any]] = {}  # JOB_FIELDS from a row of these columns
assert JOB_FIELDS[-1] == "paused_seconds"


def iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


@dataclass(frozen=True, slots=True)
class JobSnapshot:
    id: int
    operation: str
    label: str
    description: str
    params: dict[str, Any]
    owner: str
    queue: str
    priority: int
    status: JobStatus
    inline: bool
    progress_done: int
    progress_total: int | None
    warnings: int
    errors: int
    created_at: dt.datetime
    scheduled_for: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    updated_at: dt.datetime
    attempt: int
    max_attempts: int
    worker: str | None
    stop_requested: bool
    message: str
    result: dict[str, Any] | None
    parent_id: int | None
    waiting: Message | None = None
    runtime: dict[str, Any] | None = None
    message_data: dict[str, Any] | None = None
    # where the job came from and what it waits for (core.workflows): filled by the store's annotate
    profile: str | None = None
    origin: str | None = None
    chain_run: int | None = None
    after: tuple[int, ...] = ()
    # pause: asked to pause at its next item; since when it is PAUSED; seconds paused before (left out of duration)
    pause_requested: bool = False
    paused_at: dt.datetime | None = None
    paused_seconds: float = 0.0

    @classmethod
    def from_row(cls, row: Any, waiting: Message | None = None) -> JobSnapshot:
        m = row._mapping if hasattr(row, "_mapping") else None
        if m is not None:
            values = {k: m[k] if k in m or k not in _LATER_FIELDS else _LATER_FIELDS[k] for k in JOB_FIELDS}
        else:
            values = {k: getattr(row, k, _LATER_FIELDS.get(k)) for k in JOB_FIELDS}
        values["status"] = JobStatus(values["status"])
        values["params"] = values["params"] or {}
        values["inline"] = bool(values["inline"])
        values["stop_requested"] = bool(values["stop_requested"])
        values["pause_requested"] = bool(values["pause_requested"])
        values["paused_seconds"] = float(values["paused_seconds"] or 0.0)
        return cls(**values, waiting=waiting)

    @classmethod
    def from_values(cls, names: tuple[str, ...], values: tuple[Any, ...]) -> JobSnapshot:
        """From the values of a row of the jobs table, in the order of ``names`` (its columns)."""
        take = _POSITIONS.get(names)
        if take is None:
            take = _POSITIONS[names] = itemgetter(*(names.index(k) for k in JOB_FIELDS))
        v = list(take(values))
        status = v[_STATUS]
        v[_STATUS] = _STATUSES.get(status) or JobStatus(status)
        v[_PARAMS] = v[_PARAMS] or {}
        for i in _BOOLS:
            v[i] = bool(v[i])
        h = _HEAD
        # every field by position (the hot path builds two a job): up to parent_id, waiting, runtime, message_data,
        # the annotations (profile, origin, chain_run, after), the pause's three
        return cls(*v[:h], *[None, v[h], v[h + 1], None, None, None, (), v[h + 2], v[h + 3], float(v[h + 4] or 0.0)])

    def replace(self, **changes: Any) -> JobSnapshot:
        return dataclasses.replace(self, **changes)

    @property
    def waiting_reason(self) -> str | None:
        """Why a waiting job waits, in English (the window renders ``waiting`` in its language)."""
        return self.waiting.text if self.waiting is not None else None

    @property
    def outcome(self) -> Message:
        """The job's message (how it ended, or what it is doing) as data; ``message`` is its English text."""
        return Message.from_json(self.message_data, self.message)

    @property
    def outputs(self) -> list[dict[str, Any]]:
        """The files the job wrote (``result["outputs"]``: path, kind and details), see core.operations.outputs."""
        listed = (self.result or {}).get("outputs") if isinstance(self.result, dict) else None
        return [o for o in listed or [] if isinstance(o, dict) and isinstance(o.get("path"), str)]

    @property
    def link(self) -> str:
        return job_link(self.id)

    @property
    def title(self) -> str:
        return self.label or self.operation

    @property
    def colour(self) -> str:
        return display_colour(self.status, self.warnings, self.errors)

    @property
    def fraction(self) -> float | None:
        if not self.progress_total:
            return None
        return max(0.0, min(1.0, self.progress_done / self.progress_total))

    def duration(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        """Time it ran: from its start to its end (or now), less the time it was paused (frozen while PAUSED)."""
        if self.started_at is None:
            return None
        end = self.finished_at or now or dt.datetime.now(dt.UTC)
        if self.paused_at is not None:
            end = min(end, self.paused_at)  # paused (or ended while paused): the clock stopped when it paused
        return max(dt.timedelta(0), end - self.started_at - dt.timedelta(seconds=self.paused_seconds))

    def rate(self, now: dt.datetime | None = None) -> float | None:
        """Items per second since the job started."""
        elapsed = self.duration(now)
        if elapsed is None or not self.progress_done:
            return None
        seconds = elapsed.total_seconds()
        return self.progress_done / seconds if seconds > 0 else None

    def eta(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        """Time left at the average rate so far (None when unknown or finished)."""
        if self.status.is_terminal or not self.progress_total:
            return None
        rate = self.rate(now)
        if not rate:
            return None
        return dt.timedelta(seconds=max(0, self.progress_total - self.progress_done) / rate)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k in JOB_FIELDS:
            v = getattr(self, k)
            out[k] = iso(v) if isinstance(v, dt.datetime) else (str(v) if isinstance(v, JobStatus) else v)
        out["waiting_reason"] = self.waiting_reason
        out["link"] = self.link
        out["outputs"] = self.outputs
        out.update(profile=self.profile, origin=self.origin, chain_run=self.chain_run, after=list(self.after))
        return out


# JobSnapshot.from_values builds every field by position: its fields after parent_id must stay in this order
assert [f.name for f in dataclasses.fields(JobSnapshot)][_HEAD - 1 :] == [
    *("parent_id", "waiting", "runtime", "message_data", "profile", "origin", "chain_run", "after"),
    *("pause_requested", "paused_at", "paused_seconds"),
]
assert JOB_FIELDS[_HEAD:] == ("runtime", "message_data", "pause_requested", "paused_at", "paused_seconds")


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: int | None
    job_id: int
    time: dt.datetime
    level: str
    message: str
    item: str | None = None
    code: str | None = None
    args: dict[str, Any] | None = None

    @classmethod
    def of(
        cls, job_id: int, time: dt.datetime, level: str, message: Message | str, item: str | None = None
    ) -> LogEntry:
        m = Message.of(message)
        return cls(None, job_id, time, level, m.text, item, m.code, dict(m.args) if m.code else None)

    @property
    def msg(self) -> Message:
        """The line as data: its code and arguments, or its plain text."""
        return Message(self.code, self.args or {}) if self.code else Message.plain(self.message)

    def to_json(self) -> dict[str, Any]:
        return {
            "time": iso(self.time),
            "level": self.level,
            "message": self.message,
            "item": self.item,
            "code": self.code,
            "args": self.args,
        }
