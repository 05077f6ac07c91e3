"""The core calls behind the job actions (stop, remove, retry, submit, CSV), shared by the main window and the
details window. Every call runs in the background; outcomes come back as signals on the GUI thread.

Signals:
    notice(object): a presentation.Message for the window (job queued, CSV written...).
    failed(str, str): title and text of an error to show.
    submitted(object, bool, str): a JobSnapshot, whether it runs inline (now), and the plan's reason.
    exported(str, int): path and number of rows of a CSV written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from core import export
from core.engine import Engine
from core.errors import AsyncopsError
from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database
from desktop import presentation as P
from desktop.background import Background


class JobActions(QObject):
    notice = Signal(object)
    failed = Signal(str, str)
    submitted = Signal(object, bool, str)
    exported = Signal(str, int)

    def __init__(
        self,
        db: Database,
        engine: Engine,
        background: Background,
        *,
        user: str,
        admin: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.engine, self.background = db, engine, background
        self.user, self.admin = user, admin

    def _fail(self, title: str) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            text = str(exc) if isinstance(exc, AsyncopsError) else f"{type(exc).__name__}: {exc}"
            self.failed.emit(title, text)

        return report

    def stop(self, ids: Sequence[int]) -> None:
        def work() -> list[str]:
            problems = []
            for job_id in ids:
                try:
                    self.engine.stop_job(job_id, user=self.user, admin=self.admin)
                except AsyncopsError as exc:
                    problems.append(str(exc))
            return problems

        self.background.run(
            work,
            on_success=self._report_problems(self.tr("Some jobs could not be stopped")),
            on_failure=self._fail(self.tr("Cannot stop")),
        )

    def remove(self, ids: Sequence[int]) -> None:
        def work() -> list[str]:
            problems = []
            for job_id in ids:
                try:
                    jobs.remove(self.db, job_id, user=self.user, admin=self.admin, bus=self.engine.bus)
                except AsyncopsError as exc:
                    problems.append(str(exc))
            return problems

        self.background.run(
            work,
            on_success=self._report_problems(self.tr("Some jobs could not be removed")),
            on_failure=self._fail(self.tr("Cannot remove")),
        )

    def retry(self, ids: Sequence[int]) -> None:
        def work() -> list[JobSnapshot]:
            out = [jobs.retry(self.db, job_id, user=self.user, admin=self.admin, bus=self.engine.bus) for job_id in ids]
            self.engine.wake()
            return out

        def done(snaps: list[JobSnapshot]) -> None:
            for snap in snaps:
                self.notice.emit(P.background_message(snap))

        self.background.run(work, on_success=done, on_failure=self._fail(self.tr("Cannot retry")))

    def _report_problems(self, title: str) -> Callable[[list[str]], None]:
        def report(problems: list[str]) -> None:
            if problems:
                self.failed.emit(title, "\n".join(problems))

        return report

    # -- new jobs -----------------------------------------------------------------------------------
    def submit(
        self,
        operation: str,
        params: dict[str, Any],
        *,
        queue: str | None = None,
        priority: int = 0,
        at: Any = None,
        label: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_done: Callable[[JobSnapshot, bool, str], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run now (under the threshold: ``engine.start_inline`` on a worker thread) or queue in the background.

        A chosen queue or start time always means the background."""

        def work() -> tuple[JobSnapshot, bool, str]:
            plan = jobs.plan(self.db, operation, params, user=self.user, inline_when_uncounted=False)
            if plan.inline and queue is None and at is None:
                snap, _future = self.engine.start_inline(
                    operation, params, priority=priority, label=label, owner=self.user
                )
                return snap, True, plan.reason
            snap = self.engine.submit(
                operation, params, owner=self.user, queue=queue, priority=priority, at=at, label=label
            )
            return snap, False, plan.reason

        def done(result: tuple[JobSnapshot, bool, str]) -> None:
            snap, inline, reason = result
            if on_done is not None:
                on_done(snap, inline, reason)
            self.submitted.emit(snap, inline, reason)

        self.background.run(
            work, on_success=done, on_failure=on_error or self._fail(self.tr("Cannot start")), owner=owner
        )

    # -- CSV ----------------------------------------------------------------------------------------
    def export_list(self, path: str, ids: Sequence[int]) -> None:
        """The jobs listed, in the order shown."""
        ids = list(ids)

        def work() -> int:
            by_id: dict[int, JobSnapshot] = {}
            for i in range(0, len(ids), 2000):
                by_id.update((s.id, s) for s in jobs.get_many(self.db, ids[i : i + 2000]))
            rows = [by_id[j] for j in ids if j in by_id]
            return _write(path, lambda out: export.write_jobs(out, rows))

        self.background.run(
            work,
            on_success=lambda n: self.exported.emit(path, n),
            on_failure=self._fail(self.tr("Cannot write the CSV file")),
        )

    def export_job(self, path: str, job_id: int) -> None:
        """One job's details and its whole log."""

        def work() -> int:
            job = jobs.get(self.db, job_id, user=self.user, admin=self.admin)
            entries = jobs.log_of(self.db, job_id)
            return _write(path, lambda out: export.write_job(out, job, entries))

        self.background.run(
            work,
            on_success=lambda n: self.exported.emit(path, n),
            on_failure=self._fail(self.tr("Cannot write the CSV file")),
        )


def _write(path: str, writer: Callable[[io.TextIOBase], int]) -> int:
    """Write to a temporary file and rename, so a failed export never leaves half a file."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    with tmp.open("w", newline="", encoding="utf-8") as out:
        n = writer(out)  # type: ignore[arg-type]
    tmp.replace(target)
    return n
