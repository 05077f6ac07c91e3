"""Configuration saved in the database (so the CLI and the workers agree): queues, thresholds, purge.

Reads and writes go through the Tracker in the background; the core checks every value before anything is
written, and a refused value is shown under the field its error names (``exc.field``), else under the form.

Signals (every dialog):
    saved(): the configuration was written.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from core.api import PurgeConfig, QueueConfig, Tracker
from desktop import i18n
from desktop.config.base import DEFAULT_QUEUE, ConfigDialog, FieldErrors, error_label
from desktop.jobs import presentation as P
from desktop.services.background import Background


class QueuesDialog(ConfigDialog):
    saved = Signal()

    def __init__(self, *, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuesDialog")
        self.texts(self.setWindowTitle, lambda: self.tr("Queues"))
        self.tracker, self.background = tracker, background
        self.queues: dict[str, QueueConfig] = {}
        self.current: str | None = None  # name of the saved queue being edited; None for a new one
        self.resize(760, 520)

        self.list = QListWidget(self)
        self.list.setObjectName("queueList")
        self.list.currentItemChanged.connect(self._on_select)
        add = QPushButton(self)
        self.texts(add.setText, lambda: self.tr("Add"))
        add.setObjectName("addQueue")
        add.clicked.connect(self.add_queue)
        self.remove_button = QPushButton(self)
        self.texts(self.remove_button.setText, lambda: self.tr("Remove"))
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
        self.errors = FieldErrors()
        self.name = QLineEdit(editor)
        self.name.setObjectName("queueName")
        self.kind = QComboBox(editor)
        self.kind.setObjectName("queueKind")
        self.kind.addItem("", "parallel")
        self.kind.addItem("", "ordered")
        self.texts(
            partial(self.kind.setItemText, 0),
            lambda: self.tr("%1 (up to “max parallel” at once)").replace("%1", i18n.tr_core("parallel")),
        )
        self.texts(
            partial(self.kind.setItemText, 1),
            lambda: self.tr("%1 (one at a time, in order)").replace("%1", i18n.tr_core("ordered")),
        )
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
        self.texts(self.retry_delay.setSuffix, lambda: self.tr(" s"))
        self.priority = QSpinBox(editor)
        self.priority.setObjectName("queuePriority")
        self.priority.setRange(-1000, 1000)
        self.paused = QCheckBox(editor)
        self.texts(self.paused.setText, lambda: self.tr("Paused (jobs wait until it is resumed)"))
        self.paused.setObjectName("queuePaused")
        self.workers_only = QCheckBox(editor)
        self.workers_only.setObjectName("queueWorkersOnly")
        self.texts(
            self.workers_only.setText, lambda: self.tr("Run by workers only (asyncops worker), not by this window")
        )
        self.texts(
            self.workers_only.setToolTip,
            lambda: self.tr("For heavy operations: they run in a separate process and the window stays responsive"),
        )
        self.operations = QListWidget(editor)
        self.operations.setObjectName("queueOperations")
        self.operations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for op in tracker.operation_list():  # the registry, in memory
            item = QListWidgetItem(self.operations)
            item.setData(Qt.ItemDataRole.UserRole, op.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.texts(item.setText, partial(_op_text, op))
        self.operations.setMaximumHeight(150)
        self.errors.add(form, "name", self._title(lambda: self.tr("Name")), self.name, editor)
        self.errors.add(form, "kind", self._title(lambda: self.tr("Kind")), self.kind, editor)
        self.errors.add(form, "max_parallel", self._title(lambda: self.tr("Max parallel")), self.max_parallel, editor)
        self.errors.add(form, "retries", self._title(lambda: self.tr("Retries")), self.retries, editor)
        self.errors.add(form, "retry_delay", self._title(lambda: self.tr("Retry delay")), self.retry_delay, editor)
        self.errors.add(form, "priority", self._title(lambda: self.tr("Priority")), self.priority, editor)
        self.errors.add(form, "operations", self._title(lambda: self.tr("Operations")), self.operations, editor)
        form.addRow("", self.paused)
        form.addRow("", self.workers_only)
        general = error_label(editor, "general")
        self.errors.labels["general"] = general
        form.addRow(general)
        hint = QLabel(editor)
        self.texts(hint.setText, lambda: self.tr("Operations not listed by any queue go to the default queue."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(hint)
        self.apply_button = QPushButton(editor)
        self.texts(self.apply_button.setText, lambda: self.tr("Save queue"))
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
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.texts(close.setText, lambda: self.tr("Close"))
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.load()

    def _title(self, text: Any) -> QLabel:
        label = QLabel(self)
        self.texts(label.setText, text)
        return label

    def retranslateUi(self) -> None:
        super().retranslateUi()
        for i in range(self.list.count()):
            item = self.list.item(i)
            q = self.queues.get(item.data(Qt.ItemDataRole.UserRole))
            if q is not None:
                item.setText(self._queue_text(q))
        cfg = self.queues.get(self.current or "")
        if cfg is not None:
            self._remove_tooltip(cfg)

    def _queue_text(self, q: QueueConfig) -> str:
        return q.name + (self.tr(" (paused)") if q.paused else "")

    def _remove_tooltip(self, cfg: QueueConfig) -> None:
        self.remove_button.setToolTip(
            self.tr("The default queue cannot be removed") if cfg.name == DEFAULT_QUEUE else ""
        )

    def load(self, select: str | None = None) -> None:
        self.background.run(self.tracker.queues, on_success=lambda qs: self._on_loaded(qs, select), owner=self)

    def _on_loaded(self, queues: list[QueueConfig], select: str | None) -> None:
        self.queues = {q.name: q for q in queues}
        self.list.blockSignals(True)
        self.list.clear()
        for q in queues:
            item = QListWidgetItem(self._queue_text(q), self.list)
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
        self.remove_button.setEnabled(self.current is not None and cfg.name != DEFAULT_QUEUE)
        self._remove_tooltip(cfg)

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

        def work() -> QueueConfig:
            return self.tracker.save_queue(cfg)  # checked by the core; every field in one transaction

        def failed(exc: BaseException) -> None:
            self.errors.show_error(exc)

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
            self.tracker.delete_queue,
            name,
            on_success=done,
            on_failure=lambda exc: self.errors.show("general", P.error_text(exc)),
            owner=self,
        )


# -- thresholds ------------------------------------------------------------------------------------
def _op_text(op: Any) -> str:
    return f"{P.operation_title(op.name, op.title)} ({op.name})"


def _suffix(item: str) -> str:
    return " " + i18n.tr_core(item)


def item_title(item: str) -> str:
    """A counted item's name as people read it (the core declares it in English)."""
    text = i18n.tr_core(item)
    return "URLs" if text == "urls" else text[:1].upper() + text[1:]


class ThresholdsDialog(ConfigDialog):
    """Per operation and counted item: above how many items a run goes to the background."""

    saved = Signal()

    def __init__(self, *, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.texts(self.setWindowTitle, lambda: self.tr("Thresholds"))
        self.tracker, self.background = tracker, background
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        self.errors = FieldErrors()
        self.resize(520, 480)
        intro = QLabel(self)
        self.texts(
            intro.setText,
            lambda: self.tr(
                "A run that counts more items than its threshold goes to the background queue; "
                "below, it runs at once and is still recorded in the history."
            ),
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
        self._standard_texts(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.background.run(self.tracker.thresholds, on_success=self._on_loaded, owner=self)

    def _on_loaded(self, values: dict[str, dict[str, int]]) -> None:
        ops = [op for op in self.tracker.operation_list() if op.counted_items]
        if not ops:
            empty = QLabel(self)
            self.texts(
                empty.setText, lambda: self.tr("No registered operation counts items, so every run goes to its queue.")
            )
            empty.setWordWrap(True)
            self.body_layout.addWidget(empty)
        for op in ops:
            box = QGroupBox(self.body)
            self.texts(box.setTitle, partial(_op_text, op))
            form = QFormLayout(box)
            for item in op.counted_items:
                spin = QSpinBox(box)
                spin.setObjectName(f"threshold_{op.name}_{item}")
                spin.setRange(-1, 100_000_000)  # a negative value is refused at the field by the core's rule
                spin.setValue(values.get(op.name, {}).get(item, op.default_thresholds.get(item, 0)))
                self.texts(spin.setSuffix, partial(_suffix, item))
                spin.setGroupSeparatorShown(True)
                self.spins[(op.name, item)] = spin
                title = QLabel(box)
                self.texts(title.setText, partial(item_title, item))
                self.errors.add(form, f"{op.name}.{item}", title, spin, box)
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

        def done(_: Any) -> None:
            self.saved.emit()
            self.accept()

        self.background.run(
            self.tracker.save_thresholds, values, on_success=done, on_failure=self.errors.show_error, owner=self
        )


# -- purge -----------------------------------------------------------------------------------------
class PurgeDialog(ConfigDialog):
    """When the daily purge runs, how long finished jobs are kept, how many at most; and "Purge now"."""

    saved = Signal()
    purged = Signal(int)

    def __init__(self, *, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purgeDialog")
        self.texts(self.setWindowTitle, lambda: self.tr("Purge"))
        self.tracker, self.background = tracker, background
        self.errors = FieldErrors()
        self._purged: int | None = None
        intro = QLabel(self)
        self.texts(
            intro.setText,
            lambda: self.tr(
                "Finished jobs are removed from the history once a day. Active and queued jobs are never purged."
            ),
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.time = QTimeEdit(self)
        self.time.setObjectName("purgeTime")
        self.time.setDisplayFormat("HH:mm")
        self.days = QSpinBox(self)
        self.days.setObjectName("purgeDays")
        self.days.setRange(-1, 100_000)
        self.texts(self.days.setSuffix, lambda: self.tr(" days"))
        self.failed_days = QSpinBox(self)
        self.failed_days.setObjectName("purgeFailedDays")
        self.failed_days.setRange(-1, 100_000)
        self.texts(self.failed_days.setSuffix, lambda: self.tr(" days"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("purgeKeep")
        self.keep.setRange(-1, 100_000_000)
        self.keep.setGroupSeparatorShown(True)
        self.texts(self.keep.setSuffix, lambda: self.tr(" jobs"))
        titles = {k: QLabel(self) for k in ("time", "days", "failed_days", "keep")}
        self.texts(titles["time"].setText, lambda: self.tr("Daily at"))
        self.texts(titles["days"].setText, lambda: self.tr("Keep succeeded jobs"))
        self.texts(titles["failed_days"].setText, lambda: self.tr("Keep failed, stopped and interrupted jobs"))
        self.texts(titles["keep"].setText, lambda: self.tr("Keep at most"))
        self.errors.add(form, "time", titles["time"], self.time, self)
        self.errors.add(form, "days", titles["days"], self.days, self)
        self.errors.add(form, "failed_days", titles["failed_days"], self.failed_days, self)
        self.errors.add(form, "keep", titles["keep"], self.keep, self)
        general = error_label(self, "general")
        self.errors.labels["general"] = general
        self.purge_now_button = QPushButton(self)
        self.purge_now_button.setObjectName("purgeNow")
        self.texts(self.purge_now_button.setText, lambda: self.tr("Purge now"))
        self.texts(
            self.purge_now_button.setToolTip, lambda: self.tr("Remove the finished jobs these rules select, now")
        )
        self.purge_now_button.clicked.connect(self.purge_now)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("purgeResult")
        row = QHBoxLayout()
        row.addWidget(self.purge_now_button)
        row.addWidget(self.result_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._standard_texts(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(general)
        lay.addLayout(row)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.background.run(self.tracker.purge_config, on_success=self.show_config, owner=self)

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

    def retranslateUi(self) -> None:
        super().retranslateUi()
        if self._purged is not None:
            self.result_label.setText(self.tr("%n finished job(s) removed", None, self._purged))

    def save(self) -> None:
        self.errors.clear()
        cfg = self.edited_config()

        def done(_: Any) -> None:
            self.saved.emit()
            self.accept()

        self.background.run(
            self.tracker.save_purge, cfg, on_success=done, on_failure=self.errors.show_error, owner=self
        )

    def purge_now(self) -> None:
        """Purge with the values shown (saved or not). The Tracker's purge takes one retention for every
        finished job: the longer of the two shown is used, so nothing the rules keep is removed."""
        self.errors.clear()
        cfg = self.edited_config()
        bad = [name for name in ("days", "failed_days", "keep") if getattr(cfg, name) < 0]
        for name in bad:
            self.errors.show(name, self.tr("Must be 0 or more"))
        if bad:
            return
        self.purge_now_button.setEnabled(False)
        self.result_label.setText(self.tr("Purging…"))

        def done(n: int) -> None:
            self.purge_now_button.setEnabled(True)
            self._purged = n
            self.result_label.setText(self.tr("%n finished job(s) removed", None, n))
            self.purged.emit(n)

        def failed(exc: BaseException) -> None:
            self.purge_now_button.setEnabled(True)
            self.result_label.setText("")
            self.errors.show("general", P.error_text(exc))

        self.background.run(
            self.tracker.purge,
            days=cfg.days,
            failed_days=cfg.failed_days,
            keep=cfg.keep,
            on_success=done,
            on_failure=failed,
            owner=self,
        )


__all__ = ["PurgeDialog", "QueuesDialog", "ThresholdsDialog"]
