"""A job's parameters or result as a readable two-column table (name, value), with "Copy as JSON" for the exact
data. Nested values are flattened (``options.size``); lists are one item per line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """``{"a": {"b": 1}, "c": [1, 2]}`` → ``[("a.b", 1), ("c", [1, 2])]`` (lists of scalars stay whole)."""
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for key in sorted(value, key=str):
            out += flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
        return out
    return [(prefix, value)]


def value_text(value: Any) -> str:
    """A value as people read it: text as is, yes/no, one list item per line, other data as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "\n".join(value_text(v) for v in value) if value else "—"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class KeyValueView(QWidget):
    """Name/value rows for a dict; ``title_of`` names a key (a parameter's label); the raw data in Copy as JSON."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: Any = None
        self.table = QTableWidget(0, 2, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_json)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty, 1)
        lay.addLayout(bar)
        self.retranslateUi()
        self.set_data(None, "")

    def retranslateUi(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value")])
        self.copy_button.setText(self.tr("Copy as JSON"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_data(self, data: Any, empty_text: str, title_of: Callable[[str], str] | None = None) -> None:
        self._data = data
        rows = flatten(data) if isinstance(data, dict) else ([] if data is None else [("", data)])
        self.table.setRowCount(len(rows))
        for r, (key, value) in enumerate(rows):
            name = QTableWidgetItem(title_of(key) if title_of is not None else key)
            name.setToolTip(key)
            text = value_text(value)
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, cell)
        self.empty.setText(empty_text)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.copy_button.setEnabled(data is not None)

    def value(self, key: str) -> str | None:
        """The shown value of ``key`` (tests, and what a person reads)."""
        for r in range(self.table.rowCount()):
            name = self.table.item(r, 0)
            if name is not None and name.toolTip() == key:
                item = self.table.item(r, 1)
                return item.text() if item is not None else None
        return None

    def as_json(self) -> str:
        return json.dumps(self._data, indent=2, ensure_ascii=False, sort_keys=True)

    def copy_json(self) -> None:
        QGuiApplication.clipboard().setText(self.as_json())
