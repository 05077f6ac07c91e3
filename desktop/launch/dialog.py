"""New operation: pick any registered operation; its form is built from the declared parameter schema.

Every ``Param.type`` has an editor (paths with a file picker, numbers with their bounds, choices in a list);
an error that names a field (``exc.field``; ``ParamError.param`` with its ``detail_message``) is shown under
that field. ``tracker.check`` validates and estimates once for what is entered (in the background, after a
short pause in typing) and gives a ``Launch`` whose plan says whether the run happens now or in its queue, and
why; Start records that very launch with ``tracker.launch``. Texts the core declares (titles, descriptions,
labels, help, choices) are shown through ``tr_core``, its messages through ``tr_message``.

Signals of NewOperationDialog:
    launched(object, bool, object): the JobSnapshot, whether it runs now, and why (the plan's reason, a Message).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import Launch, Operation, QueueConfig, Tracker
from core.errors import AsyncopsError
from core.messages import Message, msg
from desktop import i18n
from desktop.jobs import presentation as P
from desktop.launch import confirm
from desktop.launch.param_form import ParamForm, error_label, field_error, sentence
from desktop.launch.save_profile import SaveProfileDialog
from desktop.services.actions import JobActions
from desktop.services.background import Background

translate = QCoreApplication.translate


@dataclass
class _Check:
    generation: int
    operation: str
    raw: dict[str, Any]
    launch: Launch | None
    error: BaseException | None


class NewOperationDialog(QDialog):
    launched = Signal(object, bool, object)

    def __init__(
        self,
        *,
        tracker: Tracker,
        background: Background,
        actions: JobActions,
        operation: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newOperationDialog")
        self.tracker, self.background, self.job_actions = tracker, background, actions
        self.form: ParamForm | None = None
        self._generation = 0
        self.last_check: _Check | None = None
        self._submitting = False
        self._touched = False  # nothing is marked red before the user has edited the form or pressed Start
        self._plan_state: tuple[str, Message | None] = ("fill", None)
        self.resize(640, 640)

        self.operation = QComboBox(self)
        self.operation.setObjectName("operationCombo")
        # the registry, in memory; internal operations (restore: Undo launches it) are not offered
        self._operations = {op.name: op for op in tracker.operation_list(public=True)}
        self._libraries: list[tuple[str, str]] | None = None
        for name in self._operations:
            self.operation.addItem("", name)
        self.description = QLabel(self)
        self.description.setObjectName("operationDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)  # as written: "<title> and <meta> for HTML"
        self.description.setStyleSheet("color: palette(placeholder-text);")

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget(self.scroll_area)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 6, 0)

        self.job_box = job_box = QGroupBox(self.content)
        self.label = QLineEdit(job_box)
        self.label.setObjectName("jobLabel")
        self.queue = QComboBox(job_box)
        self.queue.setObjectName("queueCombo")
        self.queue.addItem("", None)
        self._queues: list[QueueConfig] = []
        self.priority = QSpinBox(job_box)
        self.priority.setObjectName("prioritySpin")
        self.priority.setRange(-100, 100)
        self.start_now = QRadioButton(job_box)
        self.start_now.setChecked(True)
        self.start_at = QRadioButton(job_box)
        self.start_at.setObjectName("startAtRadio")
        self.at = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600), job_box)
        self.at.setObjectName("startAt")
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setEnabled(False)
        self.start_at.toggled.connect(self.at.setEnabled)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_now)
        start_row.addWidget(self.start_at)
        start_row.addWidget(self.at, 1)
        # what the job waits for (`--after`): job numbers, typed or picked among the recent ones
        self.after = QLineEdit(job_box)
        self.after.setObjectName("afterJobs")
        self.after.setClearButtonEnabled(True)
        self.after_pick = QToolButton(job_box)
        self.after_pick.setObjectName("pickAfterJobs")
        self.after_pick.setText("…")
        self.after_pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.after_pick.setMenu(QMenu(self.after_pick))
        self.after_pick.menu().aboutToShow.connect(self._fill_after_menu)
        self.run_anyway = QCheckBox(job_box)
        self.run_anyway.setObjectName("runAnyway")
        self.run_anyway.setEnabled(False)
        self.after.textChanged.connect(lambda text: self.run_anyway.setEnabled(bool(text.strip())))
        self.after.textChanged.connect(self._schedule_check)
        self.after_error = error_label(job_box)
        after_row = QHBoxLayout()
        after_row.addWidget(self.after, 1)
        after_row.addWidget(self.after_pick)
        after_box = QVBoxLayout()
        after_box.setSpacing(2)
        after_box.addLayout(after_row)
        after_box.addWidget(self.run_anyway)
        after_box.addWidget(self.after_error)
        self.job_labels = {k: QLabel(job_box) for k in ("label", "queue", "priority", "start", "after")}
        jf = QFormLayout(job_box)
        jf.addRow(self.job_labels["label"], self.label)
        jf.addRow(self.job_labels["queue"], self.queue)
        jf.addRow(self.job_labels["priority"], self.priority)
        jf.addRow(self.job_labels["start"], start_row)
        jf.addRow(self.job_labels["after"], after_box)

        self.plan_label = QLabel(self)
        self.plan_label.setObjectName("planLabel")
        self.plan_label.setWordWrap(True)
        self.general_error = error_label(self)
        self.general_error.setObjectName("generalError")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.launch = QPushButton(self)
        self.launch.setObjectName("launchButton")
        self.launch.setDefault(True)
        self.buttons.addButton(self.launch, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_profile = QPushButton(self)
        self.save_profile.setObjectName("saveProfileButton")
        self.buttons.addButton(self.save_profile, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_profile.clicked.connect(self.ask_save_profile)
        self.buttons.rejected.connect(self.reject)
        self.launch.clicked.connect(self.submit)

        self.operation_label = QLabel(self)
        top = QFormLayout()
        top.addRow(self.operation_label, self.operation)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.description)
        self.content_layout.addWidget(job_box)
        self.content_layout.addStretch(1)
        self.scroll_area.setWidget(self.content)
        lay.addWidget(self.scroll_area, 1)
        lay.addWidget(self.plan_label)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.check)
        for sig in (self.queue.currentIndexChanged, self.start_at.toggled, self.at.dateTimeChanged):
            sig.connect(self._schedule_check)
        self._retranslate_fixed()
        self.operation.currentIndexChanged.connect(self._on_operation)
        if operation is not None and self.operation.findData(operation) >= 0:
            self.operation.setCurrentIndex(self.operation.findData(operation))
        self._on_operation()
        self.background.run(self.tracker.queues, on_success=self._on_queues, owner=self)
        self.background.run(self.tracker.library_names, on_success=self._on_libraries, owner=self)

    # -- language -----------------------------------------------------------------------------------
    def _retranslate_fixed(self) -> None:
        self.setWindowTitle(self.tr("New operation"))
        for i in range(self.operation.count()):
            op = self._operations[self.operation.itemData(i)]
            self.operation.setItemText(i, f"{P.operation_title(op.name, op.title)}  ({op.name})")
        self.job_box.setTitle(self.tr("Job"))
        self.label.setPlaceholderText(self.tr("Shown in the job list (default: from the parameters)"))
        self.queue.setItemText(0, self.tr("Automatic (the queue that takes this operation)"))
        for i, q in enumerate(self._queues, start=1):
            self.queue.setItemText(i, q.name + (self.tr(" (paused)") if q.paused else ""))
        self.priority.setToolTip(self.tr("Higher runs first within its queue"))
        self.start_now.setText(self.tr("As soon as possible"))
        self.start_at.setText(self.tr("At"))
        self.after.setPlaceholderText(self.tr("none; or job numbers to wait for, e.g. 12, 15"))
        self.after_pick.setToolTip(self.tr("Choose among the recent jobs"))
        self.run_anyway.setText(self.tr("Run even if one of them does not succeed"))
        for key, text in (
            ("label", self.tr("Label")),
            ("queue", self.tr("Queue")),
            ("priority", self.tr("Priority")),
            ("start", self.tr("Start")),
            ("after", self.tr("After jobs")),
        ):
            self.job_labels[key].setText(text)
        self.operation_label.setText(self.tr("Operation"))
        self.launch.setText(self.tr("Start"))
        self.save_profile.setText(self.tr("Save as profile…"))
        self.save_profile.setToolTip(
            self.tr("Keep this operation and its parameters to run again, now or on a schedule")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def retranslateUi(self) -> None:
        """Every text again; the parameter form is rebuilt with what was entered."""
        self._retranslate_fixed()
        op = self.op
        self.description.setText(i18n.tr_core(op.description or ""))
        if self.form is not None:
            values = self.form.values_for_restore()
            touched = self._touched
            self._replace_form(op)
            self.form.set_values(values)
            self._touched = touched
        self._show_plan()
        if self.last_check is not None and self.last_check.error is not None and self._touched:
            self._show_error(self.last_check.error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "launch"):
            self.retranslateUi()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------------
    def _on_queues(self, queues: list[QueueConfig]) -> None:
        self._queues = list(queues)
        for q in queues:
            self.queue.addItem(q.name + (self.tr(" (paused)") if q.paused else ""), q.name)

    def _on_libraries(self, libraries: list[tuple[str, str]]) -> None:
        self._libraries = libraries
        if self.form is not None:
            self.form.set_libraries(libraries)
            self._schedule_check()

    @property
    def op(self) -> Operation:
        return self._operations[self.operation.currentData()]

    def _replace_form(self, op: Operation) -> None:
        if self.form is not None:
            self.content_layout.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
        self.form = ParamForm(op, self.content)
        self.form.setObjectName("paramForm")
        if self._libraries is not None:
            self.form.set_libraries(self._libraries)
        self.form.changed.connect(self._on_edited)
        self.content_layout.insertWidget(0, self.form)

    def _on_operation(self) -> None:
        op = self.op
        self.description.setText(i18n.tr_core(op.description or ""))
        self._replace_form(op)
        self._touched = False
        self.general_error.hide()
        self.check()

    def _on_edited(self) -> None:
        self._touched = True
        self._schedule_check()

    def _schedule_check(self) -> None:
        self._debounce.start()

    def after_ids(self) -> list[int] | None:
        """The job numbers typed in "After jobs" (12, #15, asyncops://job/16), or None when one is not a job
        number (the row then says so)."""
        ids: list[int] = []
        for part in self.after.text().replace(";", ",").replace(" ", ",").split(","):
            part = part.strip().removeprefix("asyncops://job/").removeprefix("#")
            if not part:
                continue
            if not part.isascii() or not part.isdigit():
                return None
            if int(part) not in ids:
                ids.append(int(part))
        return ids

    def _fill_after_menu(self) -> None:
        """The jobs one would wait for: the most recent unfinished ones and the last finished, as a menu."""
        menu = self.after_pick.menu()
        menu.clear()
        loading = menu.addAction(self.tr("Reading the jobs…"))
        loading.setEnabled(False)

        def show(snaps: list[Any]) -> None:
            menu.clear()
            if not snaps:
                menu.addAction(self.tr("No jobs yet")).setEnabled(False)
            chosen = set(self.after_ids() or [])
            for snap in snaps:
                a = menu.addAction(f"#{snap.id}  {P.job_title(snap)} — {P.status_name(snap.status)}")
                a.setCheckable(True)
                a.setChecked(snap.id in chosen)
                a.toggled.connect(lambda on, i=snap.id: self._toggle_after(i, on))

        self.background.run(lambda: self.tracker.jobs(limit=20), on_success=show, owner=self)

    def _toggle_after(self, job_id: int, on: bool) -> None:
        ids = [i for i in (self.after_ids() or []) if i != job_id] + ([job_id] if on else [])
        self.after.setText(", ".join(str(i) for i in ids))

    def job_options(self) -> dict[str, Any]:
        at = None
        if self.start_at.isChecked():
            at = self.at.dateTime().toPython().astimezone()  # type: ignore[attr-defined]
        after = self.after_ids() or []
        return {
            "queue": self.queue.currentData(),
            "priority": self.priority.value(),
            "at": at,
            "label": self.label.text().strip() or None,
            "after": after,
            "run_anyway": bool(after) and self.run_anyway.isChecked(),
        }

    def check(self) -> None:
        """Check in the background (``tracker.check``: validate and estimate once); show errors at their
        fields and where the run will go."""
        assert self.form is not None
        self._debounce.stop()
        self._generation += 1
        gen, name, raw = self._generation, self.op.name, self.form.raw_values()
        self.background.run(self._check, gen, name, raw, on_success=self._on_check, owner=self)

    def _check(self, gen: int, name: str, raw: dict[str, Any]) -> _Check:
        """Background: one check of what was entered."""
        try:
            return _Check(gen, name, raw, self.tracker.check(name, raw, foreground=False), None)
        except AsyncopsError as exc:
            return _Check(gen, name, raw, None, exc)

    def _on_check(self, result: _Check) -> None:
        if result.generation != self._generation:
            return
        self.last_check = result
        assert self.form is not None
        self.form.clear_errors()
        self.general_error.hide()
        if result.error is not None:
            if not self._touched:
                self._plan_state = ("fill", None)
            else:
                self._show_error(result.error)
                self._plan_state = ("fix", None)
            self.launch.setEnabled(True)  # pressing it re-checks and points at the problem
            self._show_plan()
            return
        assert result.launch is not None
        self._plan_state = ("plan", result.launch.plan.reason)
        self._show_plan()

    def _show_plan(self) -> None:
        """The plan line and the Start button's text, in the window's language."""
        state = self._plan_state[0]
        if state == "fill":
            self.plan_label.setText(self.tr("Fill in the parameters to start this operation."))
            return
        if state == "fix":
            self.plan_label.setText(self.tr("Fix the parameters marked in red to start this operation."))
            return
        check = self.last_check
        if check is None or check.launch is None:
            return
        plan = check.launch.plan
        opts = self.job_options()
        if opts["after"]:
            text = self.tr("Will wait for jobs %1 to end, then run in the background.").replace(
                "%1", ", ".join(f"#{i}" for i in opts["after"])
            )
            button = self.tr("Queue")
        elif opts["at"] is not None:
            text = self.tr("Will be scheduled and run in the background at the chosen time.")
            button = self.tr("Schedule")
        elif plan.inline and opts["queue"] is None:
            text = sentence(i18n.tr_message(plan.reason))
            button = self.tr("Run now")
        else:
            why = plan.reason if not plan.inline else msg("plan.chosen_queue")
            text = sentence(i18n.tr_message(why)) + " " + self.tr("You will be told when it ends.")
            button = self.tr("Queue")
        self.plan_label.setText(text)
        self.launch.setText(button)

    def _show_error(self, exc: BaseException) -> None:
        assert self.form is not None
        name, text = field_error(exc)
        if name is not None and self.form.show_error(name, text):
            return
        self.general_error.setText(P.error_text(exc))
        self.general_error.show()

    def submit(self) -> None:
        """Launch what was checked; when the form changed since (or was never checked), check it first."""
        if self._submitting:
            return
        assert self.form is not None
        self._submitting = True
        self._touched = True
        self.launch.setEnabled(False)
        name, raw, opts = self.op.name, self.form.raw_values(), self.job_options()
        self.form.clear_errors()
        self.general_error.hide()
        self.after_error.hide()
        if self.after_ids() is None:
            self.after_error.setText(self.tr("Job numbers separated by commas, e.g. 12, 15"))
            self.after_error.show()
            self._submitting = False
            self.launch.setEnabled(True)
            return
        last = self.last_check
        if last is not None and last.launch is not None and last.operation == name and last.raw == raw:
            self._launch(last.launch, opts)
            return

        def checked(result: _Check) -> None:
            if result.error is not None or result.launch is None:
                failed(result.error or RuntimeError("no launch"))
                return
            self.last_check = result
            self._launch(result.launch, opts)

        def failed(exc: BaseException) -> None:
            self._submitting = False
            self.launch.setEnabled(True)
            self._show_error(exc)
            self._plan_state = ("fix", None)
            self._show_plan()

        self.background.run(self._check, -1, name, raw, on_success=checked, on_failure=failed, owner=self)

    def ask_save_profile(self) -> SaveProfileDialog:
        """Save the operation and what the form holds as a profile (a small dialog asks for its name)."""
        assert self.form is not None
        self.form.clear_errors()
        self.general_error.hide()
        dialog = SaveProfileDialog(
            tracker=self.tracker,
            background=self.background,
            operation=self.op.name,
            operation_title=P.operation_title(self.op.name, self.op.title),
            params=self.form.raw_values(),
            options=self.job_options(),
            on_param_error=self._show_error,
            parent=self,
        )
        dialog.saved.connect(self._profile_saved)
        dialog.open()
        return dialog

    def _profile_saved(self, record: Any) -> None:
        self.plan_label.setText(
            self.tr("Saved as profile “%1”: File ▸ Saved profiles runs it or edits it.").replace("%1", record.name)
        )

    def _launch(self, launch: Launch, opts: dict[str, Any]) -> None:
        def failed(exc: BaseException) -> None:
            self._submitting = False
            self.launch.setEnabled(True)
            self._show_error(exc)

        question = confirm.confirmation(launch)
        if question is not None and not confirm.ask(self, question):
            self._submitting = False  # the form stays as it was, to change or cancel
            self.launch.setEnabled(True)
            return

        self.job_actions.launch(launch, on_error=failed, on_done=self._on_submitted, owner=self, **opts)

    def _on_submitted(self, snap: Any, inline: bool, reason: Message) -> None:
        self._submitting = False
        self.launched.emit(snap, inline, reason)
        self.accept()
