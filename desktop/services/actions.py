"""The job actions (stop, remove, retry, undo, launch, CSV) as calls into the Tracker, shared by the main
window and the details windows. Every call runs through the background door; outcomes come back as signals on
the GUI thread. The Tracker publishes its own events, so the job cache hears of every change it makes.

Signals:
    notice(object): a presentation.Notice for the window (job queued, undo queued...).
    failed(str, str): title and text of an error to show (already in the window's language).
    submitted(object, bool, object): a JobSnapshot, whether it runs now, and the plan's reason (a Message).
    exported(str, int): path and number of rows of a CSV written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QObject, Signal

from core.api import JobFilter, Launch, Tracker, replacing
from core.errors import AsyncopsError
from core.messages import Message
from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.services.background import Background


class JobActions(QObject):
    notice = Signal(object)
    failed = Signal(str, str)
    submitted = Signal(object, bool, object)
    exported = Signal(str, int)

    def __init__(self, tracker: Tracker, background: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker, self.background = tracker, background

    def _fail(self, title: str) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            self.failed.emit(title, P.error_text(exc))

        return report

    def _each(self, call: Callable[[int], Any], ids: Sequence[int]) -> Callable[[], list[str]]:
        """Call ``call`` for every id; the errors come back rendered, one per line."""
        ids = list(ids)

        def work() -> list[str]:
            problems = []
            for job_id in ids:
                try:
                    call(job_id)
                except AsyncopsError as exc:
                    problems.append(P.error_text(exc))
            return problems

        return work

    def _report_problems(self, title: str) -> Callable[[list[str]], None]:
        def report(problems: list[str]) -> None:
            if problems:
                self.failed.emit(title, "\n".join(problems))

        return report

    def stop(self, ids: Sequence[int]) -> None:
        self.background.run(
            self._each(self.tracker.stop, ids),
            on_success=self._report_problems(self.tr("Some jobs could not be stopped")),
            on_failure=self._fail(self.tr("Cannot stop")),
        )

    def stop_mine(self, on_done: Callable[[], None]) -> None:
        """Ask the engine to stop every running or waiting job of this person (File ▸ Quit and stop jobs), then
        ``on_done``; a failure is shown and ``on_done`` is not called."""
        flt = JobFilter(statuses=("ACTIVE", "QUEUED", "SCHEDULED"))

        def work() -> list[str]:
            return self._each(self.tracker.stop, [s.id for s in self.tracker.jobs(flt)])()

        def done(problems: list[str]) -> None:
            self._report_problems(self.tr("Some jobs could not be stopped"))(problems)
            on_done()

        self.background.run(work, on_success=done, on_failure=self._fail(self.tr("Cannot stop")))

    def pause(self, ids: Sequence[int]) -> None:
        self.background.run(
            self._each(self.tracker.pause, ids),
            on_success=self._report_problems(self.tr("Some jobs could not be paused")),
            on_failure=self._fail(self.tr("Cannot pause")),
        )

    def move(self, ids: Sequence[int], where: str) -> None:
        """Move queued jobs in their queue (top, up, down), one after the other."""
        self.background.run(
            self._each(lambda job_id: self.tracker.workflows.move(job_id, where), ids),
            on_success=self._report_problems(self.tr("Some jobs could not be moved")),
            on_failure=self._fail(self.tr("Cannot move")),
        )

    def resume(self, ids: Sequence[int]) -> None:
        self.background.run(
            self._each(self.tracker.resume, ids),
            on_success=self._report_problems(self.tr("Some jobs could not be resumed")),
            on_failure=self._fail(self.tr("Cannot resume")),
        )

    def remove(self, ids: Sequence[int]) -> None:
        self.background.run(
            self._each(self.tracker.remove, ids),
            on_success=self._report_problems(self.tr("Some jobs could not be removed")),
            on_failure=self._fail(self.tr("Cannot remove")),
        )

    def retry(self, ids: Sequence[int]) -> None:
        ids = list(ids)

        def done(snaps: list[JobSnapshot]) -> None:
            for snap in snaps:
                self.notice.emit(P.background_message(snap))

        self.background.run(
            lambda: [self.tracker.retry(i) for i in ids],
            on_success=done,
            on_failure=self._fail(self.tr("Cannot retry")),
        )

    # -- undo ---------------------------------------------------------------------------------------
    def undo_launch(
        self, job_id: int, on_done: Callable[[JobSnapshot, Launch], None], owner: QObject | None = None
    ) -> None:
        """What undoing ``job_id`` would launch (for the confirmation), or why it cannot be undone."""
        self.background.run(
            self.tracker.undo_launch,
            job_id,
            on_success=lambda pair: on_done(*pair),
            on_failure=self._fail(self.tr("Cannot undo")),
            owner=owner,
        )

    def undo(self, job_id: int) -> None:
        self.background.run(
            self.tracker.undo,
            job_id,
            on_success=lambda snap: self.notice.emit(P.background_message(snap)),
            on_failure=self._fail(self.tr("Cannot undo")),
        )

    # -- new jobs -----------------------------------------------------------------------------------
    def launch(
        self,
        launch: Launch,
        *,
        queue: str | None = None,
        priority: int = 0,
        at: Any = None,
        label: str | None = None,
        after: Sequence[int] = (),
        run_anyway: bool = False,
        on_error: Callable[[BaseException], None] | None = None,
        on_done: Callable[[JobSnapshot, bool, Message], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Record a checked launch: when its plan says "now" and no queue or start time was chosen, the local
        engine starts it at once, past its queue's wait (never this process); else it goes to its queue."""

        def work() -> tuple[JobSnapshot, bool]:
            if launch.plan.inline and queue is None and at is None and not after:
                return self.tracker.run_in_engine(launch, priority=priority, label=label)
            snap, future = self.tracker.launch(
                launch, queue=queue, priority=priority, at=at, label=label, after=after, run_anyway=run_anyway
            )
            return snap, future is not None

        def done(result: tuple[JobSnapshot, bool]) -> None:
            snap, now = result
            if on_done is not None:
                on_done(snap, now, launch.plan.reason)
            self.submitted.emit(snap, now, launch.plan.reason)

        self.background.run(
            work, on_success=done, on_failure=on_error or self._fail(self.tr("Cannot start")), owner=owner
        )

    # -- CSV ----------------------------------------------------------------------------------------
    def export_list(self, path: str, ids: Sequence[int]) -> None:
        """The jobs listed, in the order shown."""
        ids = list(ids)
        self.background.run(
            _write,
            path,
            lambda out: self.tracker.export_jobs(out, ids=ids),
            on_success=lambda n: self.exported.emit(path, n),
            on_failure=self._fail(self.tr("Cannot write the CSV file")),
        )

    def export_job(self, path: str, job_id: int) -> None:
        """One job's details and its whole log."""
        self.background.run(
            _write,
            path,
            lambda out: self.tracker.export_job(out, job_id),
            on_success=lambda n: self.exported.emit(path, n),
            on_failure=self._fail(self.tr("Cannot write the CSV file")),
        )


def _write(path: str, writer: Callable[[TextIO], int]) -> int:
    """Write to a temporary file and rename, so a failed export never leaves half a file (with the mode of a file
    the person creates, or of the file it replaces)."""
    with replacing(Path(path)) as out:
        return writer(out)
