"""New chain: saved profiles run one after the other (each step waits for the one before), and optionally a
``finally`` profile that runs whatever happened, on a cron schedule or by hand — what ``asyncops chain save``
makes. The person picks the steps among their profiles (Add, Remove, Up, Down); the save goes through
``Tracker.workflows`` in the background, and an error that names a field is shown under it.

Signals of ChainDialog: saved(object), the chain saved (its ChainRecord) — see ``SaveDialog``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from desktop.config.base import SaveDialog, error_label
from desktop.services.background import Background


class ChainDialog(SaveDialog):
    def __init__(
        self, *, tracker: Tracker, background: Background, profiles: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(background, parent)
        self.setObjectName("chainDialog")
        self.tracker = tracker
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
        self.errors.labels["steps"] = error_label(self, "steps")

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
        picker.addWidget(self.errors.labels["steps"], 5, 0, 1, 3)

        top, form = QFormLayout(), QFormLayout()
        self.field(top, "name", lambda: self.tr("Name"), self.name)
        self.field(form, "finally", lambda: self.tr("Finally"), self.finally_profile)
        self.field(form, "schedule", lambda: self.tr("Schedule"), self.schedule)
        self.texts(
            self.finally_profile.setToolTip,
            lambda: self.tr("A profile that runs after the steps whatever happened (a report, a clean-up)"),
        )
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(picker)
        lay.addLayout(form)
        lay.addWidget(self.errors.labels["general"])
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
        self.errors.clear()
        if not self.name.text().strip():
            self.errors.show("name", self.tr("Give the chain a name"))
            return
        if not self.step_names():
            self.errors.show("steps", self.tr("Add at least one profile to the steps"))
            return
        self.run_save(
            self.tracker.workflows.save_chain,
            self.name.text().strip(),
            self.step_names(),
            finally_profile=self.finally_profile.currentData(),
            schedule=self.schedule.text().strip() or None,
        )
