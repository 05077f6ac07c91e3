"""The files a job wrote (its result's ``outputs``: exports, rejected rows, downloads), in the job's details:
each with its kind, and Open, Open folder and Save a copy… (the "download" of a rejected-rows file).

Opening goes through the desktop (``QDesktopServices``, which starts the person's application without waiting);
a copy is written by the background door, never on the GUI thread.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.services.background import Background


def _copy(source: str, target: str) -> str:
    shutil.copyfile(source, target)
    return target


class OutputsPanel(QWidget):
    """The list of a job's output files and what can be done with the selected one.

    Signals:
        saved(str): a copy was written at this path.
        failed(str): a copy could not be written (the reason, in the window's language).
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsOutputs")
        self.background = background
        self.outputs: list[dict[str, Any]] = []
        self.list = QListWidget(self)
        self.list.setObjectName("outputsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_file())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("outputsOpen")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("outputsOpenFolder")
        self.folder_button.clicked.connect(self.open_folder)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("outputsSave")
        self.save_button.clicked.connect(self.save_copy)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.folder_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.open_button.setText(self.tr("Open"))
        self.folder_button.setText(self.tr("Open folder"))
        self.save_button.setText(self.tr("Save a copy…"))
        self._fill()

    def kind_text(self, kind: str) -> str:
        return {
            "export": self.tr("export"),
            "rejected_rows": self.tr("rejected rows"),
            "download": self.tr("downloaded file"),
        }.get(kind, kind)

    def set_job(self, snap: JobSnapshot) -> None:
        outputs = snap.outputs
        if outputs != self.outputs:
            self.outputs = outputs
            self._fill()

    def _fill(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for o in self.outputs:
            item = QListWidgetItem(f"{o['path']}  ({self.kind_text(str(o.get('kind', '')))})", self.list)
            item.setToolTip(o["path"])
        if self.outputs:
            self.list.setCurrentRow(min(max(row, 0), len(self.outputs) - 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for b in (self.open_button, self.folder_button, self.save_button):
            b.setEnabled(chosen)

    def current(self) -> str | None:
        row = self.list.currentRow()
        return self.outputs[row]["path"] if 0 <= row < len(self.outputs) else None

    def open_file(self) -> None:
        path = self.current()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def open_folder(self) -> None:
        path = self.current()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), suggested)
        return path

    def save_copy(self) -> None:
        path = self.current()
        if path is None:
            return
        target = self.ask_save_path(Path(path).name)
        if target:
            self.background.run(
                _copy,
                path,
                target,
                on_success=self.saved.emit,
                on_failure=lambda exc: self.failed.emit(P.error_text(exc)),
                owner=self,
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
