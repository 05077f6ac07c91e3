"""The "Latest operations" panel: the user's last ten jobs with badges, progress and counts.

Signals of LatestPanel:
    openJob(int)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database
from desktop import presentation as P
from desktop.background import Background
from desktop.bridge import Batch
from desktop.delegates import paint_badge
from desktop.jobs_model import SNAPSHOT_FIELDS, JobRole

Index = QModelIndex | QPersistentModelIndex
LATEST = 10


class LatestModel(QAbstractListModel):
    def __init__(self, db: Database, background: Background, *, user: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.background, self.user = db, background, user
        self._items: list[JobSnapshot] = []
        self._loading = False
        self._again = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        snap = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{snap.id} {snap.title} — {P.badge(snap).text}"
        if role == JobRole:
            return snap
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{snap.title}\n{P.badge(snap).text}\n{snap.link}"
        return None

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.background.run(
            jobs.list_jobs,
            self.db,
            user=self.user,
            limit=LATEST,
            with_reasons=False,
            on_success=self._on_loaded,
            owner=self,
        )

    def _on_loaded(self, snaps: list[JobSnapshot]) -> None:
        self._loading = False
        self.beginResetModel()
        self._items = snaps
        self.endResetModel()
        if self._again:
            self._again = False
            self.reload()

    def apply_batch(self, batch: Batch) -> None:
        shown = {s.id: i for i, s in enumerate(self._items)}
        newest = self._items[-1].id if len(self._items) >= LATEST else 0
        mine = [s for s in batch.changed.values() if s.owner == self.user]
        if (shown.keys() & batch.removed) or any(s.id not in shown and s.id > newest for s in mine):
            self.reload()
            return
        rows = []
        for snap in mine:
            if snap.id in shown and snap.updated_at >= self._items[shown[snap.id]].updated_at:
                self._items[shown[snap.id]] = snap
                rows.append(shown[snap.id])
        for job_id, changes in batch.progress.items():
            if job_id in shown:
                i = shown[job_id]
                self._items[i] = self._items[i].replace(**{k: v for k, v in changes.items() if k in SNAPSHOT_FIELDS})
                rows.append(i)
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))


class LatestDelegate(QStyledItemDelegate):
    """Two lines: badge and title; progress or counts and when."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        snap: JobSnapshot | None = index.data(JobRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if snap is None:
            return
        r = option.rect.adjusted(8, 5, -8, -5)
        fm = QFontMetrics(option.font)
        line = fm.height() + 6
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = f"#{snap.id}  {snap.title}"
        painter.drawText(
            QRect(r.left(), r.top(), r.width(), line),
            int(Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, r.width()),
        )
        painter.setFont(option.font)
        badge_w = paint_badge(painter, QRect(r.left(), r.top() + line, int(r.width() * 0.62), line), P.badge(snap))
        if snap.status.is_running:
            eta = snap.eta()
            info = (
                P.translate("Time", "%1 left").replace("%1", P.format_duration(eta))
                if eta is not None
                else P.format_rate(snap.rate())
            )
        else:
            info = P.format_short_time(snap.finished_at or snap.created_at)
        painter.setPen(option.palette.color(option.palette.ColorRole.PlaceholderText) if not selected else text_colour)
        info_rect = QRect(r.left() + badge_w + 8, r.top() + line, r.width() - badge_w - 8, line)
        painter.drawText(
            info_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            fm.elidedText(info, Qt.TextElideMode.ElideLeft, info_rect.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(260, 2 * (fm.height() + 6) + 12)


class LatestPanel(QWidget):
    openJob = Signal(int)

    def __init__(self, model: LatestModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("latestOperations")
        self.model = model
        title = QLabel(self.tr("Latest operations"), self)
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        title.setFont(f)
        self.view = QListView(self)
        self.view.setObjectName("latestList")
        self.view.setModel(model)
        self.view.setItemDelegate(LatestDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(lambda idx: self.openJob.emit(idx.data(JobRole).id))
        self.empty = QLabel(self.tr("Jobs you start appear here."), self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(title)
        lay.addWidget(self.empty)
        lay.addWidget(self.view, 1)
        lay.addStretch(0)  # takes the room only while the list is hidden (no jobs yet)
        model.modelReset.connect(self._update_empty)
        self._update_empty()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)
