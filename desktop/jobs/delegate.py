"""Painting of the status badge and the progress bar, shared by the table, the latest panel and the details.

A badge is a rounded pill in the status's colour family *with its text* (never colour alone); a running job's
progress is a bar with percent, rate and time left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.jobs.model import COLUMNS, ZERO_COLOUR

Index = QModelIndex | QPersistentModelIndex


def paint_badge(painter: QPainter, rect: QRect, badge: P.Badge, *, font: Any = None) -> int:
    """Paint a badge left-aligned and vertically centred in ``rect``; returns its width."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if font is not None:
        painter.setFont(font)
    fm = QFontMetrics(painter.font())
    dot = max(6, fm.height() // 2 - 1)
    pad = 7
    text = fm.elidedText(badge.text, Qt.TextElideMode.ElideRight, max(10, rect.width() - 2 * pad - dot - 6))
    width = min(rect.width() - 2, fm.horizontalAdvance(text) + 2 * pad + dot + 5)
    height = min(rect.height() - 4, fm.height() + 4)
    box = QRectF(rect.left() + 1, rect.top() + (rect.height() - height) / 2, width, height)
    painter.setPen(QPen(QColor(badge.fg).lighter(150), 1))
    painter.setBrush(QColor(badge.bg))
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(P.PALETTES[badge.colour].bar))
    painter.drawEllipse(QRectF(box.left() + pad - 1, box.center().y() - dot / 2, dot, dot))
    painter.setPen(QColor(badge.fg))
    text_rect = box.adjusted(pad + dot + 3, 0, -pad + 2, 0)
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
    painter.restore()
    return int(width)


def paint_progress(painter: QPainter, rect: QRect, snap: JobSnapshot, palette: Any, *, selected: bool = False) -> None:
    """A slim bar under the text for running jobs; plain text (done / total) otherwise."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = P.progress_text(snap)
    fm = QFontMetrics(painter.font())
    text_colour = palette.color(palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text)
    if snap.status.is_running:
        colour = QColor(P.PALETTES[snap.colour].bar)  # blue; grey while PAUSED
        bar_h = 6
        inner = rect.adjusted(4, 3, -6, -3)
        bar = QRectF(inner.left(), inner.bottom() - bar_h, inner.width(), bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dfe3e8"))
        painter.drawRoundedRect(bar, 3, 3)
        fraction = snap.fraction
        if fraction is not None and fraction > 0:
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), max(bar_h, bar.width() * fraction), bar_h), 3, 3)
        elif fraction is None:  # unknown total: a short block shows it is alive
            painter.setBrush(colour.lighter(140))
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() / 4, bar_h), 3, 3)
        text_rect = QRect(inner.left(), inner.top() - 1, inner.width(), int(bar.top() - inner.top()))
        painter.setPen(text_colour)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
    else:
        painter.setPen(text_colour)
        painter.drawText(
            rect.adjusted(4, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 8),
        )
    painter.restore()


class JobTableDelegate(QStyledItemDelegate):
    """Every cell of the job table, painted straight from the row's snapshot.

    One Python call per painted cell: the snapshot comes from the Python model directly instead of a dozen
    ``data()`` round trips through the proxy (``initStyleOption``). Under load each entry into Python may wait for
    the GIL behind the engine's threads, so the fewer the better.
    """

    def __init__(self, model: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model  # the source JobsModel; the proxy maps rows one to one
        self.zero = QColor(ZERO_COLOUR)
        self.colours = {"warnings": QColor(P.PALETTES["yellow"].fg), "errors": QColor(P.PALETTES["red"].fg)}
        self.bold = QFont()
        self.bold.setBold(True)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        rect = option.rect
        if selected:
            painter.fillRect(rect, pal.highlight())
        elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
            painter.fillRect(rect, pal.alternateBase())
        snap = self.model.snapshot_or_fetch(index.row())
        column = COLUMNS[index.column()]
        text_colour = pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text)
        if snap is None:
            if column == "id":
                painter.setPen(pal.color(pal.ColorRole.PlaceholderText))
                painter.drawText(rect.adjusted(4, 0, -6, 0), RIGHT, str(self.model.job_id(index.row())))
            return
        if column == "status":
            paint_badge(painter, rect.adjusted(3, 0, -3, 0), P.badge(snap))
            return
        if column == "progress":
            paint_progress(painter, rect, snap, pal, selected=selected)
            return
        value = self.model.display(snap, index.column())
        text = "" if value is None else str(value)
        align = LEFT
        pen = text_colour
        if column in ("id", "warnings", "errors"):
            align = RIGHT
            if column != "id" and not selected:
                pen = self.colours[column] if value else self.zero
            if column != "id" and value:
                painter.setFont(self.bold)
        painter.setPen(pen)
        r = rect.adjusted(5, 0, -6, 0)
        painter.drawText(r, align, option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
        if column in ("warnings", "errors") and value:
            painter.setFont(option.font)


LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
