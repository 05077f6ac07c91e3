"""How the job table and the window are sized: columns sized to their content with the label taking the slack,
defaults that fit 1280×720 without a horizontal scroll bar, and a window that never opens larger than its screen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desktop.jobs import presentation as P
from desktop.jobs.delegate import badge_width
from desktop.jobs.model import COL, COLUMNS, UNSORTABLE, JobsModel

PREFERRED_SIZE = QSize(1360, 800)
# Shown on demand (the header's context menu): the defaults must fit a 1280-pixel screen beside the side panel.
# The operation is hidden too: a job's label says what it does (the operation is in its tooltip and a filter).
DEFAULT_HIDDEN = frozenset({"operation", "queue", "created_at", "owner"})
FIXED_WIDTHS = {"progress": 136, "warnings": 44, "errors": 44, "owner": 90, "queue": 72}
LABEL_MIN = 160
PAD = 14


def content_widths(fm: QFontMetrics, operation_titles: list[str]) -> dict[str, int]:
    """Widths that show each column's usual content whole, in the current language and font."""
    widths = dict(FIXED_WIDTHS)
    widths["id"] = fm.horizontalAdvance("99999") + PAD
    widths["status"] = max(badge_width(fm, t) for t in P.badge_samples()) + 6
    widths["operation"] = min(124, max([fm.horizontalAdvance(t) for t in operation_titles] + [60]) + PAD)
    stamp = max(fm.horizontalAdvance(t) for t in ("25 Nov 14:03", "2025-11-25", P.format_short_time(_sample())))
    for name in ("created_at", "started_at", "finished_at"):
        widths[name] = stamp + PAD
    widths["duration"] = fm.horizontalAdvance(P.format_duration(_long())) + PAD
    return widths


def _sample() -> dt.datetime:
    return dt.datetime(2025, 11, 25, 14, 3, tzinfo=dt.UTC)


def _long() -> dt.timedelta:
    return dt.timedelta(minutes=59, seconds=59)


def setup_columns(table: QTableView, model: JobsModel, operation_titles: list[str]) -> None:
    """Default widths and visibility; the label column stretches into what is left."""
    hh = table.horizontalHeader()
    hh.setMinimumSectionSize(36)
    fit_columns(table, operation_titles)
    for name in DEFAULT_HIDDEN:
        table.setColumnHidden(COL[name], True)
    hh.setSectionResizeMode(COL["label"], QHeaderView.ResizeMode.Stretch)

    def keep_sortable(section: int, _order: Qt.SortOrder) -> None:
        if COLUMNS[section] in UNSORTABLE:  # show the order the rows really have
            current = COL[model.sort_spec.key] if model.sort_spec.key in COL else COL["id"]
            order = Qt.SortOrder.DescendingOrder if model.sort_spec.descending else Qt.SortOrder.AscendingOrder
            hh.blockSignals(True)
            hh.setSortIndicator(current, order)
            hh.blockSignals(False)
            hh.viewport().update()

    hh.sortIndicatorChanged.connect(keep_sortable)


def fit_columns(table: QTableView, operation_titles: list[str], names: tuple[str, ...] = ()) -> None:
    """Size the content columns (``names``, or all but the label) for the current language."""
    widths = content_widths(table.fontMetrics(), operation_titles)
    for name, width in widths.items():
        if not names or name in names:
            table.setColumnWidth(COL[name], width)


def fit_to_screen(window: QWidget) -> None:
    """The preferred size, or the screen's available size when smaller; a restored geometry that no longer fits
    (another screen, a lower resolution) is brought back inside."""
    screen = window.screen()
    if screen is None:
        window.resize(PREFERRED_SIZE)
        return
    avail = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    room = QSize(avail.width() - frame.width(), avail.height() - frame.height())
    size = window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else PREFERRED_SIZE
    window.resize(min(size.width(), room.width()), min(size.height(), room.height()))
    geo = window.frameGeometry()
    if not avail.contains(geo):
        x = min(max(geo.left(), avail.left()), avail.right() - geo.width() + 1)
        y = min(max(geo.top(), avail.top()), avail.bottom() - geo.height() + 1)
        window.move(x, y)
