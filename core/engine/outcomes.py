"""What becomes of a job whose operation returned: the engine decides its outcome once, then writes it until the
database accepts it (:meth:`core.engine.engine.Engine._record`)."""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass, field
from typing import Any

from core.engine.context import JobContext, StopRequested
from core.errors import OperationFailed
from core.messages import Message, define, msg
from core.operations import Operation
from core.records import JobSnapshot
from core.status import JobStatus
from core.store.schema import utcnow

S = JobStatus

define("job.finished_with_errors", "finished with {n} {n:plural:error|errors}")
define("job.stopped", "stopped by request")
define("job.interrupted_shutdown", "interrupted: its engine shut down")
define("job.requeued_shutdown", "queued again: its engine shut down")
define("job.attempt_failed", "attempt {attempt}/{attempts} failed: {reason}")
define("engine.retrying", "attempt {attempt} failed ({reason}); retrying in {delay:g}s")
define("job.raised", "{type}: {error}")
define("job.unknown_operation", "this engine does not have the operation {operation}")
define("engine.op_failed", "failed: {reason}")
define("engine.traceback", "{traceback}")


def run_operation(
    ctx: JobContext, job: JobSnapshot, op: Operation | None
) -> tuple[dict[str, Any] | None, Message | None]:
    """Run ``job``'s operation (None: this engine does not have it): its result, and why it failed (None when it
    did not; a stop is not a failure)."""
    if job.stop_requested:
        ctx.stop_event.set()
    if op is None:
        return None, msg("job.unknown_operation", operation=job.operation)
    try:
        return op.run(ctx, dict(job.params)), None
    except StopRequested:
        return None, None
    except OperationFailed as exc:
        return exc.result, exc.message
    except Exception as exc:
        failure = msg("job.raised", type=type(exc).__name__, error=str(exc))
        ctx.error(msg("engine.op_failed", reason=failure.text))
        ctx.log(msg("engine.traceback", traceback="".join(traceback.format_exception(exc))), "DEBUG")
        return None, failure


@dataclass(frozen=True)
class Outcome:
    """What becomes of a job whose operation returned: its new status, message and other columns."""

    status: JobStatus
    message: Message | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> dict[str, Any]:
        m = self.message
        return {**self.fields, "message": m.text if m else "", "message_data": m.to_json() if m else None}


def decide(
    ctx: JobContext,
    job: JobSnapshot,
    result: dict[str, Any] | None,
    failure: Message | None,
    *,
    shutdown: bool,
    operation: Operation | None,
    retry_delay: float,
) -> Outcome:
    """The job's outcome from what its operation did (logs the retry warning when it will run again). ``shutdown``:
    its engine is stopping; ``operation``: the engine's operation of that name; ``retry_delay``: its queue's."""
    counters = ctx.counters()
    stopped = ctx.should_stop
    complete = counters["progress_total"] is not None and counters["progress_done"] >= counters["progress_total"]
    fields: dict[str, Any] = {"result": result, "runtime": None, "pause_requested": False}
    if failure is None and counters["errors"] and not stopped:
        failure = msg("job.finished_with_errors", n=counters["errors"])
    if stopped and not (failure is None and complete and not shutdown):
        if not shutdown:
            return Outcome(S.STOPPED, msg("job.stopped"), fields)
        if operation is not None and operation.resumable and not job.inline:
            return Outcome(S.QUEUED, msg("job.requeued_shutdown"), {**fields, "worker": None})
        return Outcome(S.INTERRUPTED, msg("job.interrupted_shutdown"), fields)
    if failure is None:
        return Outcome(S.SUCCEEDED, None, fields)
    if job.attempt < job.max_attempts and not job.inline:
        ctx.warn(msg("engine.retrying", attempt=job.attempt, reason=failure.text, delay=retry_delay))
        return Outcome(
            S.SCHEDULED,
            msg("job.attempt_failed", attempt=job.attempt, attempts=job.max_attempts, reason=failure.text),
            {**fields, "scheduled_for": utcnow() + dt.timedelta(seconds=retry_delay), "worker": None},
        )
    return Outcome(S.FAILED, failure, fields)
