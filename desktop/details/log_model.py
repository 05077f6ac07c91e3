"""A job's log lines as a table model, rendered in the window's language from their code and arguments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from core.records import LogEntry
from desktop import i18n
from desktop.jobs import presentation as P

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex

LEVEL_FILTERS = (
    ("all", None),
    ("info", ("INFO", "WARNING", "ERROR")),
    ("warnings", ("WARNING", "ERROR")),
    ("errors", ("ERROR",)),
)


LEVEL_ICONS = {
    "INFO": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "WARNING": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "ERROR": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def level_icon(level: str) -> QIcon | None:
    """The level as an icon beside its name (never the colour alone)."""
    pixmap = LEVEL_ICONS.get(level)
    app = QApplication.instance()
    if pixmap is None or not isinstance(app, QApplication):
        return None
    return app.style().standardIcon(pixmap)


class LogModel(QAbstractTableModel):
    """A job's log lines in order; appended to as they arrive."""

    COLUMNS = ("time", "level", "message", "item")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LogEntry] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return (self.tr("Time"), self.tr("Level"), self.tr("Message"), self.tr("Item"))[section]
        return None

    def level_name(self, level: str) -> str:
        names = {
            "DEBUG": self.tr("Debug"),
            "INFO": self.tr("Info"),
            "WARNING": self.tr("Warning"),
            "ERROR": self.tr("Error"),
        }
        return names.get(level, level)

    def text(self, e: LogEntry) -> str:
        """The line in the window's language (from its code and arguments; plain text stays as written)."""
        return i18n.tr_message(e.msg)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "time":
                return P.format_time(e.time, seconds=True)
            if col == "message":
                text = self.text(e)
                return (text.splitlines() or [""])[0] if role == Qt.ItemDataRole.DisplayRole else text
            if col == "level":
                return self.level_name(e.level)
            item = e.item or ""
            if role == Qt.ItemDataRole.DisplayRole and item and item in self.text(e):
                return ""  # the message names it already: not twice on one line (the tooltip and Copy keep it)
            return item
        if role == Qt.ItemDataRole.DecorationRole and col == "level":
            return level_icon(e.level)
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.level == "ERROR":
                return QColor(P.PALETTES["red"].fg)
            if e.level == "WARNING":
                return QColor(P.PALETTES["yellow"].fg)
            if e.level == "DEBUG":
                return QColor(P.PALETTES["grey"].fg)
        return None

    def append(self, entries: list[LogEntry]) -> None:
        if not entries:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._rows.extend(entries)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    @property
    def last_id(self) -> int:
        return self._rows[-1].id or 0 if self._rows else 0

    def entries(self) -> list[LogEntry]:
        return list(self._rows)

    def as_text(self, rows: list[int] | None = None) -> str:
        """The lines (all, or those of ``rows``) as tab-separated text, messages and items whole."""
        entries = self._rows if rows is None else [self._rows[r] for r in rows]
        return "\n".join(
            f"{P.format_time(e.time, seconds=True)}\t{self.level_name(e.level)}\t{self.text(e)}"
            + (f"\t{e.item}" if e.item else "")
            for e in entries
        )
