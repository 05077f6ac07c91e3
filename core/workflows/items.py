"""Retry only what failed: ``asyncops retry ID --failed-items`` submits a new job (``parent_id`` = ID) over the
items of ID that failed or were not reached: files of a delete or a move, URLs of a fetch, rows of a
metadata-import (its rejected-rows file). Each operation declares which items it can retry
(``Operation.retry_items``) and says what they are (``Operation.failed_items``)."""

from __future__ import annotations

from core.errors import ConflictError
from core.messages import define, msg
from core.operations import OperationEnv, Registry
from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database

define(
    "retry.items_unsupported",
    "{operation} has no items to retry one by one: `asyncops retry {id}` runs the whole job again",
)
define("retry.none_failed", "job #{id}: no item failed or was left undone, so there is nothing to retry")


def retry_failed_items(db: Database, job_id: int, *, user: str, admin: bool, operations: Registry) -> JobSnapshot:
    """A new job over the failed items of finished job ``job_id``. Refused (exit 2, nothing written) for a job
    that has not finished, an operation without items to retry, and a job where none failed."""
    job = jobs.get(db, job_id, user=user, admin=admin)
    if not job.status.is_terminal:
        raise ConflictError(msg("job.retry_unfinished", id=job_id, status=str(job.status)))
    op = operations.get(job.operation)
    if not op.retry_items:
        raise ConflictError(msg("retry.items_unsupported", operation=op.name, id=job_id))
    params = op.failed_items(OperationEnv(db, job.owner), job)
    if params is None:
        raise ConflictError(msg("retry.none_failed", id=job_id))
    return jobs.submit(
        db,
        job.operation,
        params,
        owner=job.owner,
        queue=job.queue,
        priority=job.priority,
        description=job.description,
        parent_id=job.id,
    )
