"""What the main window's actions do: open details, stop, remove, retry, undo, export, open a link, open the
dialogs; the status bar's counts and messages; the notification inbox (a part of ``MainWindow``).

Every call into the core goes through ``JobActions`` or the background door.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from core.api import Launch
from core.errors import NotFound
from core.messages import Message
from core.records import JobSnapshot
from core.status import JobStatus
from desktop import i18n
from desktop.config.dialogs import PurgeDialog, QueuesDialog, ThresholdsDialog
from desktop.details import window as details_window
from desktop.details.window import JobDetailsWindow
from desktop.jobs import presentation as P
from desktop.launch.dialog import NewOperationDialog
from desktop.profiles.dialog import ProfilesDialog
from desktop.services.links import parse_job_ref
from desktop.timeline.window import TimelineWindow
from desktop.window_parts import WindowParts

S = JobStatus
# PySide's self.tr() in a mixin finds plural forms under the class of the object (MainWindow), not under this
# one: messages with a count name their context explicitly.
translate = QCoreApplication.translate


class WindowCommands(WindowParts):
    """Mixin of MainWindow: the commands behind its actions."""

    # -- selection ----------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        sel = self.table.selectionModel()
        return sorted(i.row() for i in sel.selectedRows()) if sel is not None else []

    def selected_ids(self) -> list[int]:
        return [self.proxy.job_id(r) for r in self.selected_rows()]

    def selected_snapshots(self) -> list[JobSnapshot]:
        snaps = [self.proxy.snapshot(r) for r in self.selected_rows()]
        return [s for s in snaps if s is not None]

    # -- jobs ---------------------------------------------------------------------------------------
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_job(self.proxy.job_id(index.row()))

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_job(ids[0])

    def open_job(self, job_id: int) -> JobDetailsWindow:
        win = self.details.get(job_id)
        if win is None:
            win = JobDetailsWindow(
                job_id,
                tracker=self.ctx.tracker,
                background=self.ctx.background,
                cache=self.ctx.cache,
                actions=self.job_actions,
                parent=self,
            )
            win.closed.connect(lambda jid: self.details.pop(jid, None))
            win.openJob.connect(self.open_job)
            self.details[job_id] = win
        win.show()
        win.raise_()
        win.activateWindow()
        self.jobOpened.emit(job_id)
        return win

    def stop_selected(self) -> None:
        snaps = [s for s in self.selected_snapshots() if s.status in (S.ACTIVE, S.PAUSED, S.QUEUED, S.SCHEDULED)]
        if snaps:
            self.job_actions.stop([s.id for s in snaps])

    def pause_selected(self) -> None:
        ids = P.pausable(self.selected_snapshots(), self.ctx.tracker.can_pause)
        if ids:
            self.job_actions.pause(ids)

    def move_selected(self, where: str) -> None:
        """Move the selected queued jobs (of one queue) to the top, up or down, keeping their own order."""
        snaps = self.selected_snapshots()
        if snaps and P.move_states(snaps)["move_up"].enabled:
            self.job_actions.move(P.move_order(snaps, where), where)

    def resume_selected(self) -> None:
        ids = P.resumable(self.selected_snapshots())
        if ids:
            self.job_actions.resume(ids)

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        snaps = self.selected_snapshots()
        if not snaps or not P.action_states(snaps)["remove"].enabled:
            return
        n = len(snaps)
        text = translate(
            "WindowCommands", "Remove %n job(s) and their logs from the history? This cannot be undone.", None, n
        )
        if self.confirm(self.tr("Remove jobs"), text):
            self.job_actions.remove([s.id for s in snaps])

    def retry_selected(self) -> None:
        snaps = [s for s in self.selected_snapshots() if s.status.is_terminal]
        if snaps:
            self.job_actions.retry([s.id for s in snaps])

    def undo_selected(self) -> None:
        """Ask the Tracker what undoing would launch, confirm it with that, then queue the undo."""
        snaps = self.selected_snapshots()
        if len(snaps) == 1 and P.action_states(snaps, self.ctx.tracker.can_undo)["undo"].enabled:
            self.job_actions.undo_launch(snaps[0].id, self._confirm_undo, owner=self)

    def _confirm_undo(self, snap: JobSnapshot, launch: Launch) -> None:
        titles = {op.name: op.title for op in self.ctx.tracker.operation_list()}
        if details_window.confirm_undo(self, snap, launch, titles):
            self.job_actions.undo(snap.id)

    # -- CSV ----------------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Download CSV"), suggested, self.tr("CSV files (*.csv)"))
        return path

    def export_csv(self) -> None:
        """The jobs the table lists, with its filters and in its order (what the action says); one job's
        details and log are downloaded from its details window."""
        path = self.ask_save_path("asyncops-jobs.csv")
        if path:
            self._list_exports.add(path)
            self.job_actions.export_list(path, self.model.ids())

    @property
    def _list_exports(self) -> set[str]:
        if not hasattr(self, "_list_exports_set"):
            self._list_exports_set: set[str] = set()
        return self._list_exports_set

    def _on_exported(self, path: str, rows: int) -> None:
        """Say what the file holds: jobs for the list; log lines for one job's details (from its window)."""
        if path in self._list_exports:
            self._list_exports.discard(path)
            text = translate("WindowCommands", "%n job(s) written to %1", None, rows)
        else:
            text = translate("WindowCommands", "Job details and %n log line(s) written to %1", None, rows)
        self.statusBar().showMessage(text.replace("%1", path), 8000)

    # -- links --------------------------------------------------------------------------------------
    def ask_job_link(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Open job by link"), self.tr("Job link or number (asyncops://job/ID):")
        )
        return text if ok else None

    def open_link(self, text: str | None = None) -> None:
        if not text:
            text = self.ask_job_link()
            if not text:
                return
        job_id = parse_job_ref(text)
        if job_id is None:
            self.show_error(
                self.tr("Not a job link"),
                self.tr("“%1” is not a job number or link (asyncops://job/ID).").replace("%1", text),
            )
            return
        # ask first: a number nobody can see says so here, instead of opening an empty details window
        self.ctx.background.run(
            self.ctx.tracker.job,
            job_id,
            on_success=lambda snap: self.open_job(snap.id),
            on_failure=lambda exc: self._link_failed(job_id, exc),
            owner=self,
        )

    def _link_failed(self, job_id: int, exc: BaseException) -> None:
        if isinstance(exc, NotFound):
            text = self.tr("There is no job #%1 that you can see.").replace("%1", str(job_id))
        else:
            text = P.error_text(exc)
        self.show_error(self.tr("Open job by link"), text)

    # -- dialogs ------------------------------------------------------------------------------------
    def new_operation(self, operation: str | None = None) -> NewOperationDialog:
        dlg = NewOperationDialog(
            tracker=self.ctx.tracker,
            background=self.ctx.background,
            actions=self.job_actions,
            operation=operation,
            parent=self,
        )
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def _on_submitted(self, snap: JobSnapshot, inline: bool, reason: Message) -> None:
        if inline:
            text = self.tr("Job #%1: %2").replace("%1", str(snap.id))
            self.statusBar().showMessage(text.replace("%2", i18n.tr_message(reason)), 8000)
        else:
            self.notifier.tell_in_window(P.background_message(snap, reason))

    def show_error(self, title: str, text: str) -> None:
        self.notifier.tell_in_window(P.Notice(title, text, "error"))

    def show_profiles(self) -> ProfilesDialog:
        dlg = ProfilesDialog(tracker=self.ctx.tracker, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def show_queues(self) -> QueuesDialog:
        dlg = QueuesDialog(tracker=self.ctx.tracker, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def show_thresholds(self) -> ThresholdsDialog:
        dlg = ThresholdsDialog(tracker=self.ctx.tracker, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def show_purge(self) -> PurgeDialog:
        dlg = PurgeDialog(tracker=self.ctx.tracker, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.purged.connect(
            lambda n: self.statusBar().showMessage(translate("WindowCommands", "%n job(s) purged", None, n), 8000)
        )
        dlg.open()
        return dlg

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About asyncops"),
            self.tr(
                "<b>asyncops</b> — Process Tracker<br>Queues, runs and watches long bulk operations.<br>Database: %1"
            ).replace("%1", self.ctx.tracker.db.display_url),
        )

    # -- status bar ---------------------------------------------------------------------------------
    def _refresh_counts(self) -> None:
        """Re-read the unfinished jobs the filters show (the counts then follow the job cache)."""
        self.status_counts.reload()

    def _show_counts(self, *_: object) -> None:
        self.counts_label.setText(self.status_counts.text())

    # -- inbox --------------------------------------------------------------------------------------
    def _update_inbox_button(self, unread: int) -> None:
        self._unread = unread
        self.inbox_button.setText(
            self.tr("Notifications (%1)").replace("%1", str(unread)) if unread else self.tr("Notifications")
        )
        self.inbox_button.setToolTip(translate("WindowCommands", "%n unread message(s)", None, unread))

    def show_inbox(self, visible: bool = True) -> None:
        if visible:
            self.inbox_dock.popup_under(self.inbox_button)
        else:
            self.inbox_dock.hide()
        self._on_inbox_visible(visible)

    def _on_inbox_visible(self, visible: bool) -> None:
        for w in (self.inbox_button, self.action_show_inbox):
            w.blockSignals(True)
            w.setChecked(visible)
            w.blockSignals(False)
        if visible:
            self.inbox.mark_all_read()

    def _on_inbox_activated(self, index: QModelIndex) -> None:
        n = self.inbox.notification(index.row())
        if n.message.job_id is not None:
            self.inbox_dock.hide()
            self.open_job(n.message.job_id)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_timeline(self) -> TimelineWindow:
        """The Timeline window (one per main window): bars per queue, why each job waited; a click opens it."""
        win = getattr(self, "timeline_window", None)
        if win is None:
            win = TimelineWindow(self.ctx.tracker, self.ctx.background, parent=self)
            win.openJob.connect(self.open_job)
            self.timeline_window = win
        win.show()
        win.raise_()
        win.activateWindow()
        return win
