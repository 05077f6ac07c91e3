"""Saved profiles: each with its operation, schedule, next due time and the statuses of its last runs; Run now,
Remove, and editing with the same parameter form as New operation (``desktop.launch.param_form``).

Every read and write goes through ``Tracker.workflows`` in the background; an error that names a field is
shown under it, else under the form.

Signals of ProfilesDialog:
    ran(object): a job was started from a profile (its JobSnapshot).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import Tracker
from core.records import JobSnapshot
from desktop.config.base import ConfigDialog, error_label
from desktop.jobs import presentation as P
from desktop.launch.param_form import ParamForm, field_error
from desktop.profiles.chains import ChainsPanel, record_table
from desktop.services.background import Background

LAST_RUNS = 5
COLUMNS = ("name", "operation", "schedule", "next_due", "last_runs")


@dataclass(frozen=True)
class ProfileView:
    """A saved profile as the page shows it: the record and its last runs (newest first)."""

    record: Any  # core.workflows.profiles.ProfileRecord
    runs: tuple[JobSnapshot, ...] = field(default_factory=tuple)


def load_profiles(tracker: Tracker, last: int = LAST_RUNS) -> list[ProfileView]:
    """Every profile of the person, with its ``last`` runs (background thread)."""
    out = []
    for record in tracker.workflows.profiles():
        ids = sorted(tracker.workflows.profile_job_ids(record.name), reverse=True)[:last]
        runs = sorted(tracker.snapshots(ids), key=lambda s: s.id, reverse=True)
        out.append(ProfileView(record, tuple(runs)))
    return out


def runs_text(runs: Sequence[JobSnapshot]) -> str:
    """``#14 Succeeded · #12 Failed``: the last runs and how they ended (or where they are)."""
    return " · ".join(f"#{s.id} {P.status_name(s.status)}" for s in runs)


class ProfilesDialog(ConfigDialog):
    ran = Signal(object)

    def __init__(self, *, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilesDialog")
        self.texts(self.setWindowTitle, lambda: self.tr("Saved profiles"))
        self.tracker, self.background = tracker, background
        self.views: list[ProfileView] = []
        self.form: ParamForm | None = None
        self.resize(980, 560)

        self.table = record_table(self, "profilesTable", len(COLUMNS), stretch=len(COLUMNS) - 1)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.empty = QLabel(self)
        self.empty.setObjectName("profilesEmpty")
        self.empty.setWordWrap(True)
        self.texts(
            self.empty.setText,
            lambda: self.tr(
                "No saved profiles yet: fill in an operation in New operation and choose Save as profile… "
                "(or asyncops profile save NAME OP -p KEY=VALUE)."
            ),
        )
        self.run_button = self.texts.button(self, "profileRun", lambda: self.tr("Run now"), self.run_selected)
        self.remove_button = self.texts.button(self, "profileRemove", lambda: self.tr("Remove…"), self.remove_selected)
        self.refresh_button = self.texts.button(self, "profilesRefresh", lambda: self.tr("Refresh"), self.refresh)
        row = QHBoxLayout()
        for b in (self.run_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.empty)
        lv.addLayout(row)

        # the editor: the profile's own settings, then its operation's form
        self.schedule = QLineEdit(self)
        self.schedule.setObjectName("profileSchedule")
        self.texts(self.schedule.setPlaceholderText, lambda: self.tr("cron, e.g. 0 2 * * 1-5 (empty: no schedule)"))
        self.catch_up = QComboBox(self)
        self.catch_up.setObjectName("profileCatchUp")
        for key in ("one", "none"):
            self.catch_up.addItem("", key)
        self.label = QLineEdit(self)
        self.label.setObjectName("profileLabel")
        self.schedule_error = error_label(self, "schedule")
        settings = QFormLayout()
        self.settings_titles = [QLabel(self) for _ in range(3)]
        for title, text in zip(
            self.settings_titles,
            (lambda: self.tr("Schedule:"), lambda: self.tr("Missed times:"), lambda: self.tr("Label:")),
            strict=True,
        ):
            self.texts(title.setText, text)
        schedule_cell = QWidget(self)
        sv = QVBoxLayout(schedule_cell)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.schedule)
        sv.addWidget(self.schedule_error)
        settings.addRow(self.settings_titles[0], schedule_cell)
        settings.addRow(self.settings_titles[1], self.catch_up)
        settings.addRow(self.settings_titles[2], self.label)
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_error = error_label(self, "form")
        self.save_button = self.texts.button(self, "profileSave", lambda: self.tr("Save"), self.save_selected)
        self.status = QLabel(self)
        self.status.setObjectName("profilesStatus")
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(settings)
        rv.addWidget(self.form_area, 1)
        rv.addWidget(self.form_error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        rv.addLayout(save_row)

        # below the profiles, the chains that run them one after the other
        self.chains = ChainsPanel(tracker=tracker, background=background, parent=self)
        self.chains.ran.connect(self._chain_ran)
        self.chains.failed.connect(self._fail)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.addWidget(left)
        lists.addWidget(self.chains)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(lists)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter)
        self.retranslateUi()
        self._update_buttons()
        self.refresh()

    def retranslateUi(self) -> None:
        super().retranslateUi()
        headers = {
            "name": self.tr("Name"),
            "operation": self.tr("Operation"),
            "schedule": self.tr("Schedule"),
            "next_due": self.tr("Next run"),
            "last_runs": self.tr("Last runs"),
        }
        self.table.setHorizontalHeaderLabels([headers[c] for c in COLUMNS])
        self.catch_up.setItemText(0, self.tr("run once at the next start"))
        self.catch_up.setItemText(1, self.tr("skip them"))
        if self.views:
            self._fill(self.views)

    # -- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.background.run(load_profiles, self.tracker, on_success=self._fill, on_failure=self._fail, owner=self)
        self.chains.refresh()

    def _chain_ran(self, snaps: list[JobSnapshot]) -> None:
        ids = " → ".join(f"#{s.id}" for s in snaps)
        self.status.setText(self.tr("Chain started: jobs %1").replace("%1", ids))
        self.refresh()

    def _fail(self, exc: BaseException) -> None:
        self.form_error.setText(P.error_text(exc))
        self.form_error.show()

    def _fill(self, views: list[ProfileView]) -> None:
        chosen = self.selected()
        name = chosen.record.name if chosen is not None else None
        self.views = views
        titles = {op.name: op.title for op in self.tracker.operation_list()}
        self.table.blockSignals(True)
        self.table.setRowCount(len(views))
        for r, v in enumerate(views):
            rec = v.record
            cells = (
                rec.name,
                P.operation_title(rec.operation, titles.get(rec.operation, "")),
                rec.schedule or "—",
                P.format_time(rec.next_due) or "—",
                runs_text(v.runs) or self.tr("never run"),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if COLUMNS[c] == "last_runs" and v.runs:  # coloured as the latest run's badge
                    pal = P.PALETTES[v.runs[0].colour]
                    item.setForeground(QColor(pal.fg))
                    item.setBackground(QColor(pal.bg))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.empty.setVisible(not views)
        self.table.setVisible(bool(views))
        rows = [r for r, v in enumerate(views) if v.record.name == name]
        if rows or views:
            self.table.selectRow(rows[0] if rows else 0)
        self._update_buttons()

    def selected(self) -> ProfileView | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.views[min(rows)] if rows and min(rows) < len(self.views) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for b in (self.run_button, self.remove_button, self.save_button):
            b.setEnabled(chosen)

    def _on_select(self) -> None:
        self._update_buttons()
        v = self.selected()
        self.schedule_error.hide()
        self.form_error.hide()
        if v is None:
            return
        rec = v.record
        self.schedule.setText(rec.schedule or "")
        self.catch_up.setCurrentIndex(max(0, self.catch_up.findData(rec.catch_up)))
        self.label.setText(rec.label or "")
        try:
            op = self.tracker.operation(rec.operation)
        except Exception as exc:  # the operation is no longer installed
            self.form_area.takeWidget()
            self.form = None
            self._fail(exc)
            return
        self.form = ParamForm(op, self.form_area)
        self.form.set_values(rec.params)
        self.form_area.setWidget(self.form)

    # -- actions ------------------------------------------------------------------------------------
    def run_selected(self) -> None:
        v = self.selected()
        if v is None:
            return

        def done(snap: JobSnapshot) -> None:
            self.status.setText(self.tr("Job #%1 started").replace("%1", str(snap.id)))
            self.ran.emit(snap)
            self.refresh()

        self.background.run(
            self.tracker.workflows.run_profile, v.record.name, on_success=done, on_failure=self._fail, owner=self
        )

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        v = self.selected()
        if v is None:
            return
        text = self.tr("Remove the profile %1? Its jobs stay in the history.").replace("%1", v.record.name)
        if not self.confirm(self.tr("Remove profile"), text):
            return
        self.background.run(
            self.tracker.workflows.remove_profile,
            v.record.name,
            on_success=self._removed,
            on_failure=self._fail,
            owner=self,
        )

    def _removed(self, _result: object = None) -> None:
        self.refresh()

    def save_selected(self) -> None:
        v = self.selected()
        if v is None or self.form is None:
            return
        rec, form = v.record, self.form
        form.clear_errors()
        self.schedule_error.hide()
        self.form_error.hide()

        def failed(exc: BaseException) -> None:
            name, text = field_error(exc)
            if name == "schedule":
                self.schedule_error.setText(text)
                self.schedule_error.show()
            elif not form.show_error(name, text):
                self._fail(exc)

        def saved(_record: Any) -> None:
            self.status.setText(self.tr("Profile %1 saved").replace("%1", rec.name))
            self.refresh()

        self.background.run(
            self.tracker.workflows.save_profile,
            rec.name,
            rec.operation,
            form.raw_values(),
            label=self.label.text().strip() or None,
            queue=rec.queue,
            priority=rec.priority,
            schedule=self.schedule.text().strip() or None,
            catch_up=self.catch_up.currentData(),
            on_success=saved,
            on_failure=failed,
            owner=self,
        )
