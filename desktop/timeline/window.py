"""The Timeline window: one lane per queue, each job a bar from its start to its end coloured by its status, the
wait before it started drawn hatched with why it waited in its tooltip (``Tracker.workflows.timeline`` works
that out from the history). Over the last hour, day or week; zoom in and out, scroll, click a bar to open the
job, export the picture as PNG. Above it: jobs per hour and the median wait per queue.

Signals of TimelineWindow:
    openJob(int): a bar was clicked.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHideEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.api import Bar, Timeline, Tracker, Wait
from desktop import i18n
from desktop.jobs import presentation as P
from desktop.retranslate import is_language_change
from desktop.services.background import Background

translate = QCoreApplication.translate

RANGES = (("hour", dt.timedelta(hours=1)), ("day", dt.timedelta(days=1)), ("week", dt.timedelta(weeks=1)))
ROW = 18  # height of one row of bars
LANE_HEADER = 20  # the lane's name band
AXIS = 24  # the time axis at the top
MAX_WIDTH = 30_000  # QPainter's coordinates stay well inside 16 bits
WAIT_COLOUR = "#8a8f98"
REFRESH_MS = 5_000


@dataclass(frozen=True, slots=True)
class Hit:
    bar: Bar
    wait: Wait | None  # the hatched segment under the mouse, or None for the run itself


class TimelineCanvas(QWidget):
    """Paints a :class:`Timeline`; ``item_at`` answers what is under a point (tooltips, clicks, tests)."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setMouseTracking(True)
        self.timeline: Timeline | None = None
        self.zoom = 1.0
        self.fit_width = 800
        self.lanes: list[tuple[str, int, int]] = []  # (queue, top, height)
        self.items: list[tuple[QRectF, Hit]] = []  # in painting order
        self._lefts: list[float] = []  # the items' left edges, sorted, for hit tests

    # -- geometry -------------------------------------------------------------------------------------
    def px_per_second(self) -> float:
        if self.timeline is None:
            return 1.0
        seconds = max(1.0, (self.timeline.until - self.timeline.since).total_seconds())
        return min(MAX_WIDTH, self.fit_width * self.zoom) / seconds

    def x_of(self, when: dt.datetime) -> float:
        assert self.timeline is not None
        return (when - self.timeline.since).total_seconds() * self.px_per_second()

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.relayout()

    def relayout(self) -> None:
        self.lanes, self.items = [], []
        width = self.fit_width
        height = AXIS
        if self.timeline is not None:
            width = int(min(MAX_WIDTH, self.fit_width * self.zoom))
            by_queue: dict[str, list[Bar]] = {}
            for bar in self.timeline.bars:
                by_queue.setdefault(bar.queue, []).append(bar)
            for queue in sorted(by_queue):
                top = height
                rows_end: list[float] = []  # per row, the right edge of its last bar
                for bar in sorted(by_queue[queue], key=lambda b: b.job.created_at):
                    left = max(0.0, self.x_of(bar.job.created_at))
                    right = max(left + 3, min(float(width), self.x_of(bar.end)))
                    row = next((i for i, end in enumerate(rows_end) if end + 2 <= left), len(rows_end))
                    if row == len(rows_end):
                        rows_end.append(right)
                    rows_end[row] = right
                    y = top + LANE_HEADER + row * ROW + 2
                    for wait in bar.waits:
                        wl, wr = self.x_of(wait.start), self.x_of(wait.end)
                        if wr > 0:
                            self.items.append(
                                (QRectF(max(0.0, wl), y, max(2.0, wr - max(0.0, wl)), ROW - 4), Hit(bar, wait))
                            )
                    if bar.start is not None:
                        rl = max(0.0, self.x_of(bar.start))
                        self.items.append((QRectF(rl, y, max(3.0, self.x_of(bar.end) - rl), ROW - 4), Hit(bar, None)))
                lane_height = LANE_HEADER + max(1, len(rows_end)) * ROW + 6
                self.lanes.append((queue, top, lane_height))
                height += lane_height
        self.items.sort(key=lambda item: item[0].left())
        self._lefts = [r.left() for r, _ in self.items]
        self.setFixedSize(QSize(max(width, 200), max(height, AXIS + LANE_HEADER + ROW)))
        self.update()

    def item_at(self, pos: QPoint) -> Hit | None:
        """The bar (and wait segment) under ``pos``, the topmost when several overlap."""
        end = bisect.bisect_right(self._lefts, pos.x())
        for rect, hit in reversed(self.items[:end]):
            if rect.contains(pos.toPointF()) or rect.adjusted(-1, -1, 1, 1).contains(pos.toPointF()):
                return hit
        return None

    # -- painting -------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(event.rect(), self.palette().base())
        if self.timeline is None:
            return
        visible = self.visibleRegion().boundingRect()
        self._paint_axis(p, visible.left(), visible.right())
        text = self.palette().text().color()
        for queue, top, _height in self.lanes:
            p.setPen(QPen(self.palette().mid().color()))
            p.drawLine(0, top, self.width(), top)
            p.setPen(text)
            label = translate("TimelineWindow", "Queue %1").replace("%1", queue)
            p.drawText(QRectF(visible.left() + 6, top + 2, 400, LANE_HEADER - 2), Qt.AlignmentFlag.AlignVCenter, label)
        clip = QRectF(event.rect())
        end = bisect.bisect_right(self._lefts, clip.right())
        for rect, hit in self.items[:end]:
            if not rect.intersects(clip):
                continue
            if hit.wait is not None:
                p.fillRect(rect, QColor("#eceef1"))
                p.fillRect(rect, QBrush(QColor(WAIT_COLOUR), Qt.BrushStyle.BDiagPattern))
            else:
                p.fillRect(rect, QColor(P.PALETTES[hit.bar.job.colour].bar))
                if rect.width() > 60:  # room for the job's number and title
                    p.setPen(QColor("white"))
                    title = p.fontMetrics().elidedText(
                        f"#{hit.bar.job.id} {P.job_title(hit.bar.job)}",
                        Qt.TextElideMode.ElideRight,
                        int(rect.width()) - 6,
                    )
                    p.drawText(rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, title)
        p.end()

    def _paint_axis(self, p: QPainter, left: int, right: int) -> None:
        assert self.timeline is not None
        seconds = (self.timeline.until - self.timeline.since).total_seconds()
        pps = self.px_per_second()
        # a tick every 1, 5, 10, 15, 30 min, 1, 3, 6, 12 h or 1 day: the first at least 90 px apart
        step = next((s for s in (60, 300, 600, 900, 1800, 3600, 10800, 21600, 43200, 86400) if s * pps >= 90), 86400)
        local = self.timeline.since.astimezone()
        into_day = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        t = (step - into_day % step) % step  # the first round time (every step divides a day)
        fmt = "HH:mm" if seconds <= 86400 else "ddd HH:mm"
        locale = QLocale()
        while t <= seconds:
            x = t * pps
            if left - 100 <= x <= right + 100:
                when = (self.timeline.since + dt.timedelta(seconds=t)).astimezone()
                p.setPen(QPen(self.palette().mid().color()))
                p.drawLine(int(x), AXIS - 6, int(x), self.height())
                p.setPen(self.palette().text().color())
                label = locale.toString(QDateTime.fromSecsSinceEpoch(int(when.timestamp())), fmt)
                p.drawText(int(x) + 3, AXIS - 8, label)
            t += step

    # -- mouse ----------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            hit = self.item_at(pos)
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip(hit), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.item_at(event.position().toPoint())
            if hit is not None:
                self.clicked.emit(hit.bar.job.id)
        super().mouseReleaseEvent(event)


def tooltip(hit: Hit) -> str:
    snap = hit.bar.job
    head = f"#{snap.id} {P.job_title(snap)}"
    if hit.wait is not None:
        waited = P.format_duration(hit.wait.end - hit.wait.start)
        return (
            translate("TimelineWindow", "%1\nWaited %2: %3")
            .replace("%1", head)
            .replace("%2", waited)
            .replace("%3", i18n.tr_message(hit.wait.reason))
        )
    ran = P.format_duration(hit.bar.end - hit.bar.start) if hit.bar.start else ""
    return (
        translate("TimelineWindow", "%1\n%2, ran %3")
        .replace("%1", head)
        .replace("%2", P.badge(snap).text)
        .replace("%3", ran)
    )


def summary_text(timeline: Timeline) -> str:
    parts = [
        translate("TimelineWindow", "%1 jobs an hour").replace("%1", QLocale().toString(timeline.per_hour, "f", 1))
    ]
    for q in timeline.queues:
        wait = P.format_duration(dt.timedelta(seconds=q.median_wait)) if q.median_wait is not None else "–"
        parts.append(translate("TimelineWindow", "%1: median wait %2").replace("%1", q.queue).replace("%2", wait))
    if timeline.truncated:
        parts.append(
            translate("TimelineWindow", "only the most recent %1 jobs are drawn").replace("%1", str(len(timeline.bars)))
        )
    parts.append(translate("TimelineWindow", "hatched: waiting to start (hover for why)"))
    return " · ".join(parts)


class TimelineWindow(QWidget):
    openJob = Signal(int)

    def __init__(self, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("timelineWindow")
        self.tracker = tracker
        self.background = background
        self.loads = 0  # finished loads (tests wait on it)
        self.error = ""

        self.range_box = QComboBox(self)
        self.range_box.setObjectName("timelineRange")
        for key, _ in RANGES:
            self.range_box.addItem("", key)
        self.range_box.setCurrentIndex(0)  # the last hour: what a person watching work wants first
        self.zoom_out = QPushButton(self)
        self.zoom_out.setObjectName("timelineZoomOut")
        self.zoom_in = QPushButton(self)
        self.zoom_in.setObjectName("timelineZoomIn")
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("timelineExport")
        self.summary = QLabel(self)
        self.summary.setObjectName("timelineSummary")
        self.summary.setWordWrap(True)
        self.canvas = TimelineCanvas(self)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(False)
        self.scroller.horizontalScrollBar().valueChanged.connect(lambda _v: self.canvas.update())

        top = QHBoxLayout()
        top.addWidget(self.range_box)
        top.addWidget(self.zoom_out)
        top.addWidget(self.zoom_in)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroller, 1)

        self.range_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.canvas.zoom * 2))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.canvas.zoom / 2))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export_png)
        self.canvas.clicked.connect(self.openJob)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in.click)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out.click)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.retranslateUi()
        self.resize(1100, 520)

    def retranslateUi(self) -> None:
        names = {
            "hour": translate("TimelineWindow", "Last hour"),
            "day": translate("TimelineWindow", "Last day"),
            "week": translate("TimelineWindow", "Last week"),
        }
        for i, (key, _) in enumerate(RANGES):
            self.range_box.setItemText(i, names[key])
        self.setWindowTitle(translate("TimelineWindow", "Timeline"))
        self.zoom_in.setText(translate("TimelineWindow", "Zoom in"))
        self.zoom_out.setText(translate("TimelineWindow", "Zoom out"))
        self.refresh_button.setText(translate("TimelineWindow", "Refresh"))
        self.export_button.setText(translate("TimelineWindow", "Export PNG…"))
        if self.canvas.timeline is not None:
            self.summary.setText(summary_text(self.canvas.timeline))
        self.canvas.update()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslateUi()
        super().changeEvent(event)

    # -- data -----------------------------------------------------------------------------------------
    def span(self) -> dt.timedelta:
        return dict(RANGES)[self.range_box.currentData()]

    def reload(self) -> None:
        until = dt.datetime.now(dt.UTC)
        since = until - self.span()
        self.background.run(
            self.tracker.workflows.timeline,
            since,
            until,
            on_success=self._loaded,
            on_failure=self._failed,
            owner=self,
        )

    def _loaded(self, timeline: Timeline) -> None:
        self.error = ""
        self.canvas.fit_width = max(400, self.scroller.viewport().width() - 4)
        self.canvas.set_timeline(timeline)
        self.summary.setText(summary_text(timeline))
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        self.error = P.error_text(exc)
        self.summary.setText(self.error)
        self.loads += 1

    def set_zoom(self, zoom: float) -> None:
        self.canvas.zoom = max(1.0, min(zoom, 256.0))
        self.canvas.relayout()
        self.zoom_out.setEnabled(self.canvas.zoom > 1.0)

    def export_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("TimelineWindow", "Export PNG"), "timeline.png", "PNG (*.png)"
            )
        if not path:
            return False
        ok = self.canvas.grab().save(path, "PNG")
        self.summary.setText(
            translate("TimelineWindow", "Saved %1").replace("%1", path)
            if ok
            else translate("TimelineWindow", "Could not write %1").replace("%1", path)
        )
        return ok

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
        self.timer.start()
        self.zoom_out.setEnabled(self.canvas.zoom > 1.0)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)
