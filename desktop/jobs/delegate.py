"""Painting of the status badge and the progress bar, shared by the table, the latest panel and the details.

A badge is a rounded pill in the status's colour family *with its text* (never colour alone); a running job's
progress is a bar with percent, rate and time left.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.jobs.model import COLUMNS, ZERO_COLOUR

Index = QModelIndex | QPersistentModelIndex


def badge_width(fm: QFontMetrics, text: str) -> int:
    """The width ``paint_badge`` needs to show ``text`` whole."""
    dot = max(6, fm.height() // 2 - 1)
    return fm.horizontalAdvance(text) + 2 * 7 + dot + 5 + 4


def paint_badge(painter: QPainter, rect: QRect, badge: P.Badge, *, font: Any = None, compact: bool = False) -> int:
    """Paint a badge left-aligned and vertically centred in ``rect``; returns its width. ``compact`` paints
    the short text ("Succeeded · 140 ⚠") where room is scarce."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if font is not None:
        painter.setFont(font)
    fm = QFontMetrics(painter.font())
    dot = max(6, fm.height() // 2 - 1)
    pad = 7
    text = fm.elidedText(
        badge.compact if compact else badge.text, Qt.TextElideMode.ElideRight, max(10, rect.width() - 2 * pad - dot - 6)
    )
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


BUSY_PERIOD = 6  # seconds for the busy block to cross the bar and come back


def busy_block(width: float, elapsed: float) -> tuple[float, float]:
    """Left offset and width of the block of an indeterminate bar: it goes to and fro with the job's clock
    (the table repaints running rows every second), so a job that reports no progress still looks alive."""
    block = width / 4
    phase = (elapsed % BUSY_PERIOD) / BUSY_PERIOD * 2
    travel = phase if phase <= 1 else 2 - phase
    return (width - block) * travel, block


def fitting(fm: QFontMetrics, options: list[str], width: int) -> str:
    """The first of ``options`` (longest first) that fits ``width``; the last one elided otherwise."""
    for text in options:
        if fm.horizontalAdvance(text) <= width:
            return text
    return fm.elidedText(options[-1], Qt.TextElideMode.ElideRight, width)


def paint_progress(painter: QPainter, rect: QRect, snap: JobSnapshot, palette: Any, *, selected: bool = False) -> None:
    """A slim bar under the text for running jobs (a busy block when the job reports no fraction); plain text
    (done / total) otherwise."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    options = P.progress_texts(snap)
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
        elif fraction is None:  # unknown total: a block going to and fro shows it is alive
            d = snap.duration()
            left, block = busy_block(bar.width(), d.total_seconds() if d is not None else 0.0)
            painter.setBrush(colour.lighter(115))
            painter.drawRoundedRect(QRectF(bar.left() + left, bar.top(), block, bar_h), 3, 3)
        text_rect = QRect(inner.left(), inner.top() - 1, inner.width(), int(bar.top() - inner.top()))
        painter.setPen(text_colour)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            fitting(fm, options, text_rect.width()),
        )
    else:
        painter.setPen(text_colour)
        painter.drawText(
            rect.adjusted(4, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            fitting(fm, options, rect.width() - 8),
        )
    painter.restore()


def elide(fm: QFontMetrics, column: str, text: str, width: int) -> str:
    """A cell's text cut to ``width``: a label in the middle (its end — the file, the destination — is what
    tells jobs apart; the whole label is in the tooltip), anything else at its end."""
    mode = Qt.TextElideMode.ElideMiddle if column == "label" else Qt.TextElideMode.ElideRight
    return fm.elidedText(text, mode, width)


class JobTableDelegate(QStyledItemDelegate):
    """Every cell of the job table, painted straight from the row's snapshot.

    One Python call per painted cell: the snapshot comes from the Python model directly instead of a dozen
    ``data()`` round trips through the proxy (``initStyleOption``). What a cell says is worked out once per
    snapshot and width (its text, cut to the column) and kept until the snapshot changes, the language changes or
    the day turns (times read "14:03" today and "25 Nov 14:03" after): a scroll or a repaint then only draws. The
    cells of running jobs that move with the clock (progress, duration) are worked out at each paint.
    """

    def __init__(self, model: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model  # the source JobsModel; the proxy maps rows one to one
        self.zero = QColor(ZERO_COLOUR)
        self.colours = {"warnings": QColor(P.PALETTES["yellow"].fg), "errors": QColor(P.PALETTES["red"].fg)}
        self.bold = QFont()
        self.bold.setBold(True)
        # job id -> (the snapshot the texts were made from, {(column, width): (text, value)})
        self._texts: dict[int, tuple[JobSnapshot, dict[tuple[int, int], tuple[str, Any]]]] = {}
        self._stamp: tuple[Any, ...] = ()
        self._generation = -1
        self._checked = 0.0

    def _valid_stamp(self) -> None:
        """Forget every text when the language changed, or the day (checked every few seconds)."""
        generation = self.model.texts_generation
        now = time.monotonic()
        if generation == self._generation and now - self._checked < 5:
            return
        self._checked = now
        stamp = (generation, time.localtime()[:3])
        if stamp != self._stamp:
            self._generation = generation
            self._stamp = stamp
            self._texts.clear()

    def _cell_text(self, snap: JobSnapshot, column: int, width: int, fm: QFontMetrics) -> tuple[str, Any]:
        entry = self._texts.get(snap.id)
        if entry is None or entry[0] is not snap:
            if len(self._texts) > MAX_TEXTS:
                self._texts.clear()
            entry = self._texts[snap.id] = (snap, {})
        key = (column, width)
        cell = entry[1].get(key)
        if cell is None:
            value = self.model.display(snap, column)
            text = "" if value is None else str(value)
            cell = entry[1][key] = (elide(fm, COLUMNS[column], text, width), value)
        return cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        selected = bool(option.state.value & SELECTED)
        pal = option.palette
        rect = option.rect
        if selected:
            painter.fillRect(rect, pal.highlight())
        elif option.features.value & ALTERNATE:
            painter.fillRect(rect, pal.alternateBase())
        row, col = index.row(), index.column()
        snap = self.model.snapshot_or_fetch(row)
        column = COLUMNS[col]
        if snap is None:
            if column == "id":
                painter.setPen(pal.color(pal.ColorRole.PlaceholderText))
                painter.drawText(rect.adjusted(4, 0, -6, 0), RIGHT, str(self.model.job_id(row)))
            return
        if column == "status":
            paint_badge(painter, rect.adjusted(3, 0, -3, 0), P.badge(snap), compact=True)
            return
        running = snap.status.is_running
        if column == "progress" and running:
            paint_progress(painter, rect, snap, pal, selected=selected)
            return
        r = rect.adjusted(4, 0, -4, 0) if column == "progress" else rect.adjusted(5, 0, -6, 0)
        if running and column == "duration":
            value: Any = self.model.display(snap, col)
            text = elide(option.fontMetrics, column, value, r.width())
        else:
            self._valid_stamp()
            text, value = self._cell_text(snap, col, r.width(), option.fontMetrics)
        align = LEFT
        if column in ("id", "warnings", "errors"):
            align = RIGHT
            if column != "id":
                painter.setPen(
                    pal.color(pal.ColorRole.HighlightedText)
                    if selected
                    else self.colours[column]
                    if value
                    else self.zero
                )
                if value:
                    painter.setFont(self.bold)
                    painter.drawText(r, align, text)
                    painter.setFont(option.font)
                    return
                painter.drawText(r, align, text)
                return
        painter.setPen(pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text))
        painter.drawText(r, align, text)


MAX_TEXTS = 4000  # rows whose texts are kept (a few screens' worth; dropped all at once beyond)
SELECTED = QStyle.StateFlag.State_Selected.value
ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate.value
LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
