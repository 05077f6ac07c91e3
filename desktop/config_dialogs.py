"""Configuration saved in the database (so the CLI and the workers agree): queues, thresholds, purge.

Values are checked with the core's own rules before anything is written; a refused value is shown at its
field and nothing is saved. Reads and writes run in the background.

Signals (every dialog):
    saved(): the configuration was written.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import AsyncopsError, UsageError
from core.operations import registry
from core.store import jobs, settings
from core.store.settings import PurgeConfig, QueueConfig
from desktop import presentation as P
from desktop.background import Background


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {P.PALETTES['red'].fg};")
    label.hide()
    return label


class _FieldErrors:
    """Error labels under named fields; ``route`` maps a core message to the field it is about."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def add(self, form: QFormLayout, name: str, title: str, widget: QWidget, parent: QWidget) -> None:
        cell = QWidget(parent)
        v = QVBoxLayout(cell)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        label = error_label(cell, name)
        v.addWidget(label)
        self.labels[name] = label
        form.addRow(title, cell)

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, name: str, message: str) -> None:
        label = self.labels.get(name) or self.labels["general"]
        label.setText(message)
        label.show()

    def shown(self) -> dict[str, str]:
        return {n: lb.text() for n, lb in self.labels.items() if not lb.isHidden() and lb.text()}


# -- queues ----------------------------------------------------------------------------------------
QUEUE_FIELD_WORDS = (
    ("queue name", "name"),
    ("kind", "kind"),
    ("max_parallel", "max_parallel"),
    ("retry_delay", "retry_delay"),
    ("retries", "retries"),
    ("operation", "operations"),
)


def queue_error_field(message: str) -> str:
    """Which field of the queue editor a core UsageError message is about (pure; tests call it)."""
    for word, name in QUEUE_FIELD_WORDS:
        if word in message:
            return name
    return "general"


class QueuesDialog(QDialog):
    saved = Signal()

    def __init__(self, *, db: Any, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuesDialog")
        self.setWindowTitle(self.tr("Queues"))
        self.db, self.background = db, background
        self.queues: dict[str, QueueConfig] = {}
        self.current: str | None = None  # name of the saved queue being edited; None for a new one
        self.resize(760, 520)

        self.list = QListWidget(self)
        self.list.setObjectName("queueList")
        self.list.currentItemChanged.connect(self._on_select)
        add = QPushButton(self.tr("Add"), self)
        add.setObjectName("addQueue")
        add.clicked.connect(self.add_queue)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeQueue")
        self.remove_button.clicked.connect(self.remove_queue)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        lv.addLayout(row)

        editor = QWidget(self)
        form = QFormLayout(editor)
        self.errors = _FieldErrors()
        self.name = QLineEdit(editor)
        self.name.setObjectName("queueName")
        self.kind = QComboBox(editor)
        self.kind.setObjectName("queueKind")
        self.kind.addItem(self.tr("Parallel (up to “max parallel” at once)"), "parallel")
        self.kind.addItem(self.tr("Ordered (one at a time, in order)"), "ordered")
        self.max_parallel = QSpinBox(editor)
        self.max_parallel.setObjectName("queueMaxParallel")
        self.max_parallel.setRange(0, 1000)  # the core's rule (1-256) is checked and shown at the field
        self.retries = QSpinBox(editor)
        self.retries.setObjectName("queueRetries")
        self.retries.setRange(0, 1000)
        self.retry_delay = QDoubleSpinBox(editor)
        self.retry_delay.setObjectName("queueRetryDelay")
        self.retry_delay.setRange(0, 10_000_000)
        self.retry_delay.setDecimals(1)
        self.retry_delay.setSuffix(self.tr(" s"))
        self.priority = QSpinBox(editor)
        self.priority.setObjectName("queuePriority")
        self.priority.setRange(-1000, 1000)
        self.paused = QCheckBox(self.tr("Paused (jobs wait until it is resumed)"), editor)
        self.paused.setObjectName("queuePaused")
        self.workers_only = QCheckBox(self.tr("Run by workers only (asyncops worker), not by this window"), editor)
        self.workers_only.setObjectName("queueWorkersOnly")
        self.workers_only.setToolTip(
            self.tr("For heavy operations: they run in a separate process and the window stays responsive")
        )
        self.operations = QListWidget(editor)
        self.operations.setObjectName("queueOperations")
        self.operations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for op in registry.all():
            item = QListWidgetItem(f"{op.title or op.name} ({op.name})", self.operations)
            item.setData(Qt.ItemDataRole.UserRole, op.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.operations.setMaximumHeight(150)
        self.errors.add(form, "name", self.tr("Name"), self.name, editor)
        self.errors.add(form, "kind", self.tr("Kind"), self.kind, editor)
        self.errors.add(form, "max_parallel", self.tr("Max parallel"), self.max_parallel, editor)
        self.errors.add(form, "retries", self.tr("Retries"), self.retries, editor)
        self.errors.add(form, "retry_delay", self.tr("Retry delay"), self.retry_delay, editor)
        self.errors.add(form, "priority", self.tr("Priority"), self.priority, editor)
        self.errors.add(form, "operations", self.tr("Operations"), self.operations, editor)
        form.addRow("", self.paused)
        form.addRow("", self.workers_only)
        general = error_label(editor, "general")
        self.errors.labels["general"] = general
        form.addRow(general)
        hint = QLabel(self.tr("Operations not listed by any queue go to the default queue."), editor)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(hint)
        self.apply_button = QPushButton(self.tr("Save queue"), editor)
        self.apply_button.setObjectName("saveQueue")
        self.apply_button.clicked.connect(self.save_current)
        form.addRow("", self.apply_button)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(editor)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.load()

    def load(self, select: str | None = None) -> None:
        self.background.run(settings.get_queues, self.db, on_success=lambda qs: self._on_loaded(qs, select), owner=self)

    def _on_loaded(self, queues: list[QueueConfig], select: str | None) -> None:
        self.queues = {q.name: q for q in queues}
        self.list.blockSignals(True)
        self.list.clear()
        for q in queues:
            item = QListWidgetItem(q.name + (self.tr(" (paused)") if q.paused else ""), self.list)
            item.setData(Qt.ItemDataRole.UserRole, q.name)
        self.list.blockSignals(False)
        names = [q.name for q in queues]
        row = names.index(select) if select in names else (names.index(self.current) if self.current in names else 0)
        if names:
            self.list.setCurrentRow(row)
            self._on_select(self.list.currentItem(), None)

    def _on_select(self, item: QListWidgetItem | None, _prev: Any) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if name is None:
            return
        cfg = self.queues.get(name)
        if cfg is not None:
            self.current = name
            self.show_config(cfg)

    def show_config(self, cfg: QueueConfig) -> None:
        self.errors.clear()
        self.name.setText(cfg.name)
        self.name.setReadOnly(self.current is not None)
        self.kind.setCurrentIndex(max(0, self.kind.findData(cfg.kind)))
        self.max_parallel.setValue(cfg.max_parallel)
        self.retries.setValue(cfg.retries)
        self.retry_delay.setValue(cfg.retry_delay)
        self.priority.setValue(cfg.priority)
        self.paused.setChecked(cfg.paused)
        self.workers_only.setChecked(cfg.workers_only)
        for i in range(self.operations.count()):
            it = self.operations.item(i)
            on = it.data(Qt.ItemDataRole.UserRole) in cfg.operations
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.remove_button.setEnabled(self.current is not None and cfg.name != settings.DEFAULT_QUEUE)
        self.remove_button.setToolTip(
            self.tr("The default queue cannot be removed") if cfg.name == settings.DEFAULT_QUEUE else ""
        )

    def edited_config(self) -> QueueConfig:
        ops = tuple(
            self.operations.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.operations.count())
            if self.operations.item(i).checkState() == Qt.CheckState.Checked
        )
        return QueueConfig(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            max_parallel=self.max_parallel.value(),
            retries=self.retries.value(),
            retry_delay=self.retry_delay.value(),
            priority=self.priority.value(),
            operations=ops,
            paused=self.paused.isChecked(),
            workers_only=self.workers_only.isChecked(),
        )

    def add_queue(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.show_config(QueueConfig(name=""))
        self.name.setReadOnly(False)
        self.name.setFocus()

    def save_current(self) -> None:
        self.errors.clear()
        cfg = self.edited_config()
        if self.current is None and cfg.name in self.queues:
            self.errors.show("name", self.tr("A queue named %1 already exists").replace("%1", cfg.name))
            return
        try:
            cfg.validated()  # the core's rules, before anything is written
        except UsageError as exc:
            self.errors.show(queue_error_field(str(exc)), str(exc))
            return

        def work() -> QueueConfig:
            return settings.save_queue(self.db, cfg)  # every field, paused included, in one transaction

        def failed(exc: BaseException) -> None:
            self.errors.show(queue_error_field(str(exc)), str(exc))

        def done(saved: QueueConfig) -> None:
            self.current = saved.name
            self.saved.emit()
            self.load(select=saved.name)

        self.background.run(work, on_success=done, on_failure=failed, owner=self)

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Remove queue"), text) == QMessageBox.StandardButton.Yes

    def remove_queue(self) -> None:
        name = self.current
        if name is None or not self.confirm(self.tr("Remove the queue %1?").replace("%1", name)):
            return
        self.errors.clear()

        def done(_: Any) -> None:
            self.current = None
            self.saved.emit()
            self.load()

        self.background.run(
            settings.delete_queue,
            self.db,
            name,
            on_success=done,
            on_failure=lambda exc: self.errors.show("general", str(exc)),
            owner=self,
        )


# -- thresholds ------------------------------------------------------------------------------------
def item_title(item: str) -> str:
    return {"urls": "URLs"}.get(item, item.capitalize())


class ThresholdsDialog(QDialog):
    """Per operation and counted item: above how many items a run goes to the background."""

    saved = Signal()

    def __init__(self, *, db: Any, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(self.tr("Thresholds"))
        self.db, self.background = db, background
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        self.errors = _FieldErrors()
        self.resize(520, 480)
        intro = QLabel(
            self.tr(
                "A run that counts more items than its threshold goes to the background queue; "
                "below, it runs at once and is still recorded in the history."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        general = error_label(self, "general")
        self.errors.labels["general"] = general
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.background.run(settings.get_thresholds, self.db, on_success=self._on_loaded, owner=self)

    def _on_loaded(self, values: dict[str, dict[str, int]]) -> None:
        ops = [op for op in registry.all() if op.counted_items]
        if not ops:
            empty = QLabel(self.tr("No registered operation counts items, so every run goes to its queue."), self)
            empty.setWordWrap(True)
            self.body_layout.addWidget(empty)
        for op in ops:
            box = QGroupBox(f"{op.title or op.name} ({op.name})", self.body)
            form = QFormLayout(box)
            for item in op.counted_items:
                spin = QSpinBox(box)
                spin.setObjectName(f"threshold_{op.name}_{item}")
                spin.setRange(-1, 100_000_000)  # a negative value is refused at the field by the core's rule
                spin.setValue(values.get(op.name, {}).get(item, op.default_thresholds.get(item, 0)))
                spin.setSuffix(" " + item)
                spin.setGroupSeparatorShown(True)
                self.spins[(op.name, item)] = spin
                self.errors.add(form, f"{op.name}.{item}", item_title(item), spin, box)
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)

    def values(self) -> dict[tuple[str, str], int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def save(self) -> None:
        self.errors.clear()
        values = self.values()
        bad = False
        for (op, item), v in values.items():
            if v < 0:
                self.errors.show(f"{op}.{item}", self.tr("Must be 0 or more"))
                bad = True
        if bad:
            return

        def failed(exc: BaseException) -> None:
            m = re.search(r"threshold[.: ]+(\S+?)\.(\S+?) ", str(exc))
            self.errors.show(f"{m.group(1)}.{m.group(2)}" if m else "general", str(exc))

        def done(_: Any) -> None:
            self.saved.emit()
            self.accept()

        self.background.run(settings.save_thresholds, self.db, values, on_success=done, on_failure=failed, owner=self)


# -- purge -----------------------------------------------------------------------------------------
PURGE_FIELDS = ("time", "failed_days", "days", "keep")


def purge_error_field(message: str) -> str:
    for name in PURGE_FIELDS:
        if f"purge.{name}" in message:
            return name
    return "general"


class PurgeDialog(QDialog):
    """When the daily purge runs, how long finished jobs are kept, how many at most; and "Purge now"."""

    saved = Signal()
    purged = Signal(int)

    def __init__(self, *, db: Any, background: Background, bus: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("Purge"))
        self.db, self.background, self.bus = db, background, bus
        self.errors = _FieldErrors()
        intro = QLabel(
            self.tr("Finished jobs are removed from the history once a day. Active and queued jobs are never purged."),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.time = QTimeEdit(self)
        self.time.setObjectName("purgeTime")
        self.time.setDisplayFormat("HH:mm")
        self.days = QSpinBox(self)
        self.days.setObjectName("purgeDays")
        self.days.setRange(-1, 100_000)
        self.days.setSuffix(self.tr(" days"))
        self.failed_days = QSpinBox(self)
        self.failed_days.setObjectName("purgeFailedDays")
        self.failed_days.setRange(-1, 100_000)
        self.failed_days.setSuffix(self.tr(" days"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("purgeKeep")
        self.keep.setRange(-1, 100_000_000)
        self.keep.setGroupSeparatorShown(True)
        self.keep.setSuffix(self.tr(" jobs"))
        self.errors.add(form, "time", self.tr("Daily at"), self.time, self)
        self.errors.add(form, "days", self.tr("Keep succeeded jobs"), self.days, self)
        self.errors.add(
            form, "failed_days", self.tr("Keep failed, stopped and interrupted jobs"), self.failed_days, self
        )
        self.errors.add(form, "keep", self.tr("Keep at most"), self.keep, self)
        general = error_label(self, "general")
        self.errors.labels["general"] = general
        self.purge_now_button = QPushButton(self.tr("Purge now"), self)
        self.purge_now_button.setObjectName("purgeNow")
        self.purge_now_button.setToolTip(self.tr("Remove the finished jobs these rules select, now"))
        self.purge_now_button.clicked.connect(self.purge_now)
        self.result = QLabel(self)
        self.result.setObjectName("purgeResult")
        row = QHBoxLayout()
        row.addWidget(self.purge_now_button)
        row.addWidget(self.result, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(general)
        lay.addLayout(row)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.background.run(settings.get_purge, self.db, on_success=self.show_config, owner=self)

    def show_config(self, cfg: PurgeConfig) -> None:
        h, m = cfg.hour_minute
        self.time.setTime(QTime(h, m))
        self.days.setValue(cfg.days)
        self.failed_days.setValue(cfg.failed_days)
        self.keep.setValue(cfg.keep)

    def edited_config(self) -> PurgeConfig:
        return PurgeConfig(
            time=self.time.time().toString("HH:mm"),
            days=self.days.value(),
            failed_days=self.failed_days.value(),
            keep=self.keep.value(),
        )

    def _check(self) -> PurgeConfig | None:
        self.errors.clear()
        cfg = self.edited_config()
        try:
            settings.validate_purge(cfg)
        except UsageError as exc:
            self.errors.show(purge_error_field(str(exc)), str(exc))
            return None
        return cfg

    def save(self) -> None:
        cfg = self._check()
        if cfg is None:
            return

        def done(_: Any) -> None:
            self.saved.emit()
            self.accept()

        self.background.run(
            settings.save_purge,
            self.db,
            cfg,
            on_success=done,
            on_failure=lambda exc: self.errors.show(purge_error_field(str(exc)), str(exc)),
            owner=self,
        )

    def purge_now(self) -> None:
        """Purge with the values shown (saved or not): what you see is what is removed."""
        cfg = self._check()
        if cfg is None:
            return
        self.purge_now_button.setEnabled(False)
        self.result.setText(self.tr("Purging…"))

        def done(n: int) -> None:
            self.purge_now_button.setEnabled(True)
            self.result.setText(self.tr("%n finished job(s) removed", None, n))
            self.purged.emit(n)

        def failed(exc: BaseException) -> None:
            self.purge_now_button.setEnabled(True)
            self.result.setText("")
            self.errors.show("general", str(exc) if isinstance(exc, AsyncopsError) else repr(exc))

        self.background.run(
            jobs.purge,
            self.db,
            days=cfg.days,
            failed_days=cfg.failed_days,
            keep=cfg.keep,
            bus=self.bus,
            on_success=done,
            on_failure=failed,
            owner=self,
        )


__all__ = ["PurgeDialog", "QueuesDialog", "ThresholdsDialog", "purge_error_field", "queue_error_field"]
