"""The "Latest operations" panel: the person's last ten jobs with badges, progress and counts, relayed from the
job cache.

Signals of LatestPanel:
    openJob(int)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
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

from core.api import Tracker
from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.jobs.delegate import paint_badge
from desktop.jobs.model import JobRole
from desktop.services.background import Background
from desktop.services.job_cache import JobCache

Index = QModelIndex | QPersistentModelIndex
LATEST = 10


class LatestModel(QAbstractListModel):
    """The person's ten newest jobs: ids read with ``tracker.jobs``, snapshots from the job cache (pinned)."""

    def __init__(self, tracker: Tracker, background: Background, cache: JobCache, *, parent: Any = None) -> None:
        super().__init__(parent)
        self.tracker, self.background, self.cache = tracker, background, cache
        self.user = tracker.user
        self._ids: list[int] = []
        self._loading = False
        self._again = False
        cache.changed.connect(self.on_changed)
        cache.removed.connect(self.on_removed)
        cache.purged.connect(self.reload)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def snapshot(self, row: int) -> JobSnapshot | None:
        return self.cache.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        snap = self.snapshot(index.row())
        if snap is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{snap.id} {P.job_title(snap)} — {P.badge(snap).compact}"
        if role == JobRole:
            return snap
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{P.job_title(snap)}\n{P.badge(snap).text}\n{snap.link}"
        return None

    def retranslate(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.background.run(self.tracker.jobs, limit=LATEST, on_success=self._on_loaded, owner=self)

    def _on_loaded(self, snaps: list[JobSnapshot]) -> None:
        self._loading = False
        self.beginResetModel()
        for job_id in self._ids:
            self.cache.unpin(job_id)
        self._ids = [s.id for s in snaps]
        for job_id in self._ids:
            self.cache.pin(job_id)
        self.endResetModel()
        self.cache.put(snaps)
        if self._again:
            self._again = False
            self.reload()

    def on_changed(self, ids: list[int]) -> None:
        shown = {j: i for i, j in enumerate(self._ids)}
        newest = self._ids[-1] if len(self._ids) >= LATEST else 0
        rows = []
        for job_id in ids:
            if job_id in shown:
                rows.append(shown[job_id])
                continue
            snap = self.cache.get(job_id)
            if snap is not None and snap.owner == self.user and job_id > newest:
                self.reload()  # a new job of mine
                return
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def on_removed(self, ids: list[int]) -> None:
        if set(ids) & set(self._ids):
            self.reload()


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
        title = f"#{snap.id}  {P.job_title(snap)}"
        painter.drawText(
            QRect(r.left(), r.top(), r.width(), line),
            int(Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideMiddle, r.width()),
        )
        painter.setFont(option.font)
        badge_w = paint_badge(
            painter, QRect(r.left(), r.top() + line, int(r.width() * 0.62), line), P.badge(snap), compact=True
        )
        if snap.status.is_running:
            eta = snap.eta()
            info = (
                P.translate("Time", "%1 left").replace("%1", P.format_duration(eta))
                if eta is not None
                else P.format_rate(snap.rate()) or P.progress_text(snap)
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
        return QSize(120, 2 * (fm.height() + 6) + 12)  # a row spans the view's width (list mode)


class LatestPanel(QWidget):
    openJob = Signal(int)

    def __init__(self, model: LatestModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("latestOperations")
        self.model = model
        self.title = title = QLabel(self)
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
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.activated.connect(lambda idx: self.openJob.emit(idx.data(JobRole).id))
        self.empty = QLabel(self)
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
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Latest operations"))
        self.empty.setText(self.tr("Jobs you start appear here."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)
