"""New chain: saved profiles run one after the other (each step waits for the one before), and optionally a
``finally`` profile that runs whatever happened, on a cron schedule or by hand — what ``asyncops chain save``
makes. The person picks the steps among their profiles (Add, Remove, Up, Down); the save goes through
``Tracker.workflows`` in the background, and an error that names a field is shown under it.

Signals of ChainDialog:
    saved(object): the chain was saved (its ChainRecord).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import Tracker
from desktop.config.base import ConfigDialog, error_label
from desktop.launch.param_form import field_error
from desktop.services.background import Background


class ChainDialog(ConfigDialog):
    saved = Signal(object)

    def __init__(
        self, *, tracker: Tracker, background: Background, profiles: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chainDialog")
        self.tracker, self.background = tracker, background
        self.texts(self.setWindowTitle, lambda: self.tr("New chain"))

        self.name = QLineEdit(self)
        self.name.setObjectName("chainName")
        self.texts(self.name.setPlaceholderText, lambda: self.tr("e.g. nightly"))
        self.available = QListWidget(self)
        self.available.setObjectName("chainProfiles")
        self.available.addItems(list(profiles))
        self.steps = QListWidget(self)
        self.steps.setObjectName("chainSteps")
        for view in (self.available, self.steps):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.available.itemDoubleClicked.connect(lambda _item: self.add_step())
        self.steps.itemDoubleClicked.connect(lambda _item: self.remove_step())
        self.buttons_for_steps: dict[str, QPushButton] = {}
        for key, action, text in (
            ("add", self.add_step, lambda: self.tr("Add →")),
            ("remove", self.remove_step, lambda: self.tr("← Remove")),
            ("up", lambda: self.move_step(-1), lambda: self.tr("Up")),
            ("down", lambda: self.move_step(1), lambda: self.tr("Down")),
        ):
            button = QPushButton(self)
            button.setObjectName(f"chainStep_{key}")
            self.texts(button.setText, text)
            button.clicked.connect(action)
            self.buttons_for_steps[key] = button
        self.finally_profile = QComboBox(self)
        self.finally_profile.setObjectName("chainFinally")
        self.finally_profile.addItem("", None)
        for p in profiles:
            self.finally_profile.addItem(p, p)
        self.texts(lambda text: self.finally_profile.setItemText(0, text), lambda: self.tr("none"))
        self.schedule = QLineEdit(self)
        self.schedule.setObjectName("chainSchedule")
        self.texts(self.schedule.setPlaceholderText, lambda: self.tr("cron, e.g. 0 2 * * 1-5 (empty: no schedule)"))
        self.errors = {key: error_label(self, f"chain_{key}") for key in ("name", "steps", "schedule", "general")}
        for label in self.errors.values():
            label.hide()

        picker = QGridLayout()
        titles = (lambda: self.tr("Your profiles"), lambda: self.tr("Steps, in order"))
        for col, text in zip((0, 2), titles, strict=True):
            title = QLabel(self)
            self.texts(title.setText, text)
            picker.addWidget(title, 0, col)
        picker.addWidget(self.available, 1, 0, 4, 1)
        for row, key in enumerate(("add", "remove", "up", "down"), start=1):
            picker.addWidget(self.buttons_for_steps[key], row, 1)
        picker.addWidget(self.steps, 1, 2, 4, 1)
        picker.addWidget(self.errors["steps"], 5, 0, 1, 3)

        top, form = QFormLayout(), QFormLayout()
        for key, field, text in (
            ("name", self.name, lambda: self.tr("Name")),
            ("finally", self.finally_profile, lambda: self.tr("Finally")),
            ("schedule", self.schedule, lambda: self.tr("Schedule")),
        ):
            cell = QWidget(self)
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(field)
            if key in self.errors:
                v.addWidget(self.errors[key])
            label = QLabel(self)
            self.texts(label.setText, text)
            (top if key == "name" else form).addRow(label, cell)
        self.texts(
            self.finally_profile.setToolTip,
            lambda: self.tr("A profile that runs after the steps whatever happened (a report, a clean-up)"),
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._standard_texts(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(picker)
        lay.addLayout(form)
        lay.addWidget(self.errors["general"])
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # -- the steps ----------------------------------------------------------------------------------
    def step_names(self) -> list[str]:
        return [self.steps.item(i).text() for i in range(self.steps.count())]

    def add_step(self) -> None:
        item = self.available.currentItem()
        if item is not None:  # a profile may be a step more than once
            self.steps.addItem(item.text())
            self.steps.setCurrentRow(self.steps.count() - 1)

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.takeItem(row)

    def move_step(self, by: int) -> None:
        row = self.steps.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < self.steps.count():
            return
        item = self.steps.takeItem(row)
        self.steps.insertItem(to, item)
        self.steps.setCurrentRow(to)

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        if not self.name.text().strip():
            self._error("name", self.tr("Give the chain a name"))
            return
        if not self.step_names():
            self._error("steps", self.tr("Add at least one profile to the steps"))
            return
        self.buttons.setEnabled(False)
        self.background.run(
            self.tracker.workflows.save_chain,
            self.name.text().strip(),
            self.step_names(),
            finally_profile=self.finally_profile.currentData(),
            schedule=self.schedule.text().strip() or None,
            on_success=self._saved,
            on_failure=self._failed,
            owner=self,
        )

    def _saved(self, record: Any) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        name, text = field_error(exc)
        self._error(name if name in ("name", "schedule") else "general", text)

    def _error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()
