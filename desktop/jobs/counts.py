"""The status bar's counts: how many jobs the table shows, how many of them run and wait, live.

"N jobs" is the table's row count (the rows the filters show). Running and waiting jobs are few: their ids and
statuses under the current filter are read once per load of the table (``tracker.jobs`` with the unfinished
statuses, off the GUI thread), then followed from the job cache's ``changed`` and ``removed`` signals, so a job
that starts, stops or ends changes the counts in the same quarter of a second as its row — never "0 running"
beside an active row, nor "1 running" after its stop.

Signals:
    changed(): the counts changed (the window re-renders its label).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.records import JobSnapshot
from core.status import RUNNING, WAITING, JobStatus
from desktop.jobs.model import JobsModel

translate = QCoreApplication.translate
UNFINISHED = frozenset(str(s) for s in RUNNING | WAITING)


def counts_text(total: int, running: int, waiting: int) -> str:
    jobs = translate("WindowCommands", "%n job(s)", None, total)
    active = translate("WindowCommands", "%n running", None, running)
    queued = translate("WindowCommands", "%n waiting", None, waiting)
    return f"{jobs}  ·  {active}  ·  {queued}"


class StatusCounts(QObject):
    changed = Signal()

    def __init__(self, model: JobsModel, *, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tracker, self.background, self.cache = model.tracker, model.background, model.cache
        self._live: dict[int, JobStatus] = {}  # unfinished jobs the filter shows -> their status
        self._generation = 0
        model.loaded.connect(self.reload)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.changed)
        self.cache.changed.connect(self._on_changed)
        self.cache.removed.connect(self._on_removed)

    # -- figures ------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.model.rowCount()

    @property
    def running(self) -> int:
        return sum(1 for s in self._live.values() if s in RUNNING)

    @property
    def waiting(self) -> int:
        return sum(1 for s in self._live.values() if s in WAITING)

    def text(self) -> str:
        return counts_text(self.total, self.running, self.waiting) if self.model.ever_loaded else ""

    # -- following ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the unfinished jobs under the table's filter (after each load of the table)."""
        flt = self.model.filter
        statuses = UNFINISHED & flt.statuses if flt.statuses else UNFINISHED
        self._generation += 1
        gen = self._generation
        if not statuses:
            self._live = {}
            self.changed.emit()
            return
        core_flt = dataclasses.replace(flt.to_core(), statuses=tuple(sorted(statuses)))
        self.background.run(
            self.tracker.jobs, core_flt, on_success=lambda snaps: self._on_loaded(gen, snaps), owner=self
        )

    def _on_loaded(self, generation: int, snaps: list[JobSnapshot]) -> None:
        if generation != self._generation:
            return
        self.cache.put(snaps)  # newer snapshots in the cache win over this answer
        ids = {s.id for s in snaps} | set(self._live)  # a job that started while the query ran stays counted
        self._live = {}
        for job_id in ids:
            self._follow(job_id)
        self.changed.emit()

    def _follow(self, job_id: int) -> None:
        snap = self.cache.get(job_id)
        if snap is not None and not snap.status.is_terminal and self.model.filter.matches(snap, self.model.user):
            self._live[job_id] = snap.status
        else:
            self._live.pop(job_id, None)

    def _on_changed(self, ids: list[int]) -> None:
        before = dict(self._live)
        for job_id in ids:
            self._follow(job_id)
        if self._live != before:
            self.changed.emit()

    def _on_removed(self, ids: list[int]) -> None:
        gone = [self._live.pop(job_id, None) for job_id in ids]
        if any(g is not None for g in gone):
            self.changed.emit()
