"""Save as profile: the operation and parameters of the New operation dialog, kept under a name to run again (now,
or on a cron schedule), as ``asyncops profile save`` does. The save goes through ``Tracker.workflows`` in the
background; an error that names a field (the name, the schedule) is shown under it, a parameter's under its
field in the form behind, any other under this form.

Signals of SaveProfileDialog: saved(object), the profile saved (its ProfileRecord) — see ``SaveDialog``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.api import Tracker
from desktop.config.base import SaveDialog
from desktop.launch.param_form import field_error
from desktop.services.background import Background


class SaveProfileDialog(SaveDialog):
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
        super().__init__(background, parent)
        self.setObjectName("saveProfileDialog")
        self.tracker = tracker
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
        form = QFormLayout()
        self.field(form, "name", lambda: self.tr("Name"), self.name)
        self.field(form, "schedule", lambda: self.tr("Schedule"), self.schedule)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.errors.labels["general"])
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        self.errors.clear()
        if not self.name.text().strip():
            self.errors.show("name", self.tr("Give the profile a name"))
            return
        opts = self.options
        self.run_save(
            self.tracker.workflows.save_profile,
            self.name.text().strip(),
            self.operation,
            self.params,
            label=opts.get("label"),
            queue=opts.get("queue"),
            priority=int(opts.get("priority") or 0),
            schedule=self.schedule.text().strip() or None,
        )

    def refused(self, exc: BaseException) -> None:
        name, _ = field_error(exc)
        if name is not None and name not in ("name", "schedule", "queue", "catch_up"):  # a parameter
            self.on_param_error(exc)
        super().refused(exc)
