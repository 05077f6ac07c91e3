"""Save as profile: the operation and parameters of the New operation dialog, kept under a name to run again (now,
or on a cron schedule), as ``asyncops profile save`` does. The save goes through ``Tracker.workflows`` in the
background; an error that names a field (the name, the schedule, a parameter, the queue) is shown under the
field it is about.

Signals of SaveProfileDialog:
    saved(object): the profile was saved (its ProfileRecord).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.api import Tracker
from desktop.config.base import ConfigDialog, error_label
from desktop.launch.param_form import field_error
from desktop.services.background import Background


class SaveProfileDialog(ConfigDialog):
    saved = Signal(object)

    def __init__(
        self,
        *,  # operation_title: the operation's name as the window shows it
        tracker: Tracker,
        background: Background,
        operation: str,
        operation_title: str,
        params: dict[str, Any],
        options: dict[str, Any],
        on_param_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveProfileDialog")
        self.tracker, self.background = tracker, background
        self.operation, self.params, self.options = operation, params, options
        self.on_param_error = on_param_error  # a parameter's error goes under its field in the form behind
        self.texts(self.setWindowTitle, lambda: self.tr("Save as profile"))

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.texts(
            self.intro.setText,
            lambda: self.tr("Keeps “%1” and these parameters under a name, to run again or on a schedule.").replace(
                "%1", operation_title
            ),
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("profileName")
        self.texts(self.name.setPlaceholderText, lambda: self.tr("e.g. nightly-export"))
        self.schedule = QLineEdit(self)
        self.schedule.setObjectName("profileSchedule")
        self.texts(self.schedule.setPlaceholderText, lambda: self.tr("cron, e.g. 0 2 * * 1-5 (empty: no schedule)"))
        self.errors = {key: error_label(self, key) for key in ("name", "schedule", "general")}
        for label in self.errors.values():
            label.hide()

        form = QFormLayout()
        for key, field, title in (
            ("name", self.name, lambda: self.tr("Name")),
            ("schedule", self.schedule, lambda: self.tr("Schedule")),
        ):
            cell = QWidget(self)
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(field)
            v.addWidget(self.errors[key])
            label = QLabel(self)
            self.texts(label.setText, title)
            form.addRow(label, cell)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._standard_texts(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.errors["general"])
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        if not self.name.text().strip():
            self._error("name", self.tr("Give the profile a name"))
            return
        self.buttons.setEnabled(False)
        opts = self.options
        self.background.run(
            self.tracker.workflows.save_profile,
            self.name.text().strip(),
            self.operation,
            self.params,
            label=opts.get("label"),
            queue=opts.get("queue"),
            priority=int(opts.get("priority") or 0),
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
        if name in ("name", "schedule"):
            self._error(name, text)
            return
        if name is not None and name not in ("queue", "catch_up"):  # a parameter: under its field, behind
            self.on_param_error(exc)
        self._error("general", text)

    def _error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()
