"""The Process Tracker's table model: ordered ids over the job cache (Anki's browser DataModel; qutebrowser's
DownloadModel holds no data either).

The model keeps the ordered ids of the jobs the filter selects (``tracker.job_ids``, one query off the GUI
thread) and reads each row's snapshot from the window's ``JobCache``; rows the cache lacks are asked for in a
block around the requested row. Sorting and filtering run in SQL, so 100,000 jobs cost a list of ints.

Live updates come from the cache: a changed job's row is repainted; a new job that matches the filter is
inserted (at its place when sorted by id, else at the top); a job that no longer matches, or was removed,
leaves the list. One ``dataChanged`` per run of adjacent rows, at most as often as the cache applies (four
times a second); a one-second ticker refreshes duration and ETA of running rows only while there are some.

``JobsProxyModel`` is the sort/filter proxy the view sits on: it forwards ``sort()`` to the source (SQL order)
instead of sorting in memory, which would need every row loaded.

Signals:
    loaded(): the ids were (re)loaded for a new filter or sort.
    loadingChanged(bool)
    loadFailed(str): the list could not be read (the database is unreachable...), in the window's language.
    rowsFetched(): rows arrived in the cache (tests wait on it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from core import api
from core.api import Tracker
from core.records import JobSnapshot
from desktop.jobs import presentation as P
from desktop.services.background import Background
from desktop.services.job_cache import JobCache

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

JobRole = Qt.ItemDataRole.UserRole + 1  # the JobSnapshot (None while the row is not fetched yet)
ColourRole = Qt.ItemDataRole.UserRole + 2  # green, yellow, red, blue, grey
FractionRole = Qt.ItemDataRole.UserRole + 3  # 0..1 or None
JobIdRole = Qt.ItemDataRole.UserRole + 4

COLUMNS = (
    "id",
    "operation",
    "label",
    "status",
    "progress",
    "warnings",
    "errors",
    "queue",
    "created_at",
    "started_at",
    "finished_at",
    "duration",
    "owner",
)
COL = {name: i for i, name in enumerate(COLUMNS)}
UNSORTABLE = frozenset(COLUMNS).difference(api.SORT_KEYS)  # columns the store cannot order by (none today)
# Narrow count columns show a sign in their header (their name in its tooltip), as mail clients do
HEADER_SIGNS = {"warnings": P.WARNING_SIGN, "errors": P.ERROR_SIGN}

ZERO_COLOUR = "#9aa1ab"  # a zero count is quiet; a non-zero one stands out in its colour
FIRST_PAGE = 120  # rows fetched together with the ids, so the first screen is complete at once
BLOCK = 100  # rows fetched around a requested row


def column_title(name: str) -> str:
    return {
        "id": translate("JobsModel", "ID"),
        "operation": translate("JobsModel", "Operation"),
        "label": translate("JobsModel", "Label"),
        "status": translate("JobsModel", "Status"),
        "progress": translate("JobsModel", "Progress"),
        "warnings": translate("JobsModel", "Warnings"),
        "errors": translate("JobsModel", "Errors"),
        "queue": translate("JobsModel", "Queue"),
        "created_at": translate("JobsModel", "Created"),
        "started_at": translate("JobsModel", "Started"),
        "finished_at": translate("JobsModel", "Finished"),
        "duration": translate("JobsModel", "Duration"),
        "owner": translate("JobsModel", "Owner"),
    }[name]


@dataclass(frozen=True)
class JobFilter:
    """What the table shows; ``matches`` mirrors the SQL of ``job_ids`` for rows that change live."""

    statuses: frozenset[str] = frozenset()
    operation: str = ""
    search: str = ""
    all_users: bool = False
    profile: str = ""  # only the jobs started from this saved profile
    origin: str = ""  # "manual" (started by a person) or "schedule"

    @property
    def is_empty(self) -> bool:
        return not self.statuses and not self.operation and not self.search and not self.profile and not self.origin

    def to_core(self) -> api.JobFilter:
        return api.JobFilter(
            all_users=self.all_users,
            statuses=tuple(sorted(self.statuses)),
            operation=self.operation or None,
            search=self.search or None,
            profile=self.profile or None,
            origin=self.origin or None,
        )

    def matches(self, snap: JobSnapshot, user: str) -> bool:
        if not self.all_users and snap.owner != user:
            return False
        if self.statuses and str(snap.status) not in self.statuses:
            return False
        if self.operation and snap.operation != self.operation:
            return False
        if self.profile and snap.profile != self.profile:
            return False
        if self.origin and (snap.origin == "schedule") != (self.origin == "schedule"):
            return False
        if self.search:
            s = self.search.lower()
            if s not in snap.label.lower() and s not in snap.operation.lower() and s not in snap.description.lower():
                return False
        return True


@dataclass(frozen=True)
class Sort:
    key: str = "id"
    descending: bool = True


@dataclass
class _Load:
    generation: int
    ids: list[int]
    first: list[JobSnapshot] = field(default_factory=list)


BOLD = QFont()
BOLD.setBold(True)


class JobsModel(QAbstractTableModel):
    loaded = Signal()
    loadingChanged = Signal(bool)
    rowsFetched = Signal()
    loadFailed = Signal(str)

    def __init__(self, tracker: Tracker, background: Background, cache: JobCache, *, parent: Any = None) -> None:
        super().__init__(parent)
        self.tracker, self.background, self.cache = tracker, background, cache
        self.user = tracker.user
        self._titles = {op.name: op.title for op in tracker.operation_list()}  # the registry, in memory
        self._ids: list[int] = []
        self._running: set[int] = set()  # listed jobs that are running (their clock-driven cells tick)
        self._index: dict[int, int] | None = None
        self._filter = JobFilter()
        self._sort = Sort()
        self._generation = 0
        self._loading = False
        self._missed: list[int] = []  # ids that changed while a load was in flight
        self._ever_loaded = False
        self._enabled = False
        self.texts_generation = 0  # grows when the language changes: painted texts are made again
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        cache.changed.connect(self.on_changed)
        cache.removed.connect(self.on_removed)
        cache.purged.connect(self._on_purged)

    # -- query --------------------------------------------------------------------------------------
    @property
    def filter(self) -> JobFilter:
        return self._filter

    @property
    def sort_spec(self) -> Sort:
        return self._sort

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def ever_loaded(self) -> bool:
        return self._ever_loaded

    def set_filter(self, flt: JobFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            if self._enabled:
                self.reload()

    def set_sort(self, sort: Sort) -> None:
        if sort != self._sort:
            self._sort = sort
            if self._enabled:
                self.reload()

    def reload(self) -> None:
        """Re-read the ordered ids (and the first page) off the GUI thread; the view keeps showing the old
        rows until the answer comes."""
        self._enabled = True  # before the first reload, filter and sort changes are only recorded
        self._generation += 1
        gen, flt, sort, tracker = self._generation, self._filter.to_core(), self._sort, self.tracker
        self._missed = []
        if not self._loading:
            self._loading = True
            self.loadingChanged.emit(True)

        def load() -> _Load:
            ids = tracker.job_ids(flt, sort=sort.key, descending=sort.descending)
            return _Load(gen, ids, tracker.snapshots(ids[:FIRST_PAGE]))

        self.background.run(load, on_success=self._on_loaded, on_failure=self._on_load_failed, owner=self)

    def _on_loaded(self, result: _Load) -> None:
        if result.generation != self._generation:
            return
        self.beginResetModel()
        self._ids = result.ids
        self._index = None
        self._running = set()
        self._loading = False  # before put(): the changes it announces apply to the new list
        self.endResetModel()
        self.cache.put(result.first)
        self._ever_loaded = True
        missed, self._missed = self._missed, []
        if missed:  # changes seen while the query ran: the answer may predate them
            self.on_changed(missed)
        for job_id in self._ids[:FIRST_PAGE]:
            self._track(job_id)
        self._update_ticker()
        self.loadingChanged.emit(False)
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        log.error("cannot read the job list", exc_info=(type(exc), exc, exc.__traceback__))
        self._loading = False
        self.loadingChanged.emit(False)
        self.loadFailed.emit(P.error_text(exc))

    def _on_purged(self) -> None:
        if self._enabled:
            self.reload()

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        name = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADER_SIGNS.get(name) or column_title(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_title(name)
        if role == Qt.ItemDataRole.TextAlignmentRole and name in HEADER_SIGNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def retranslate(self) -> None:
        """The language changed: headers and every cell say it again."""
        self.texts_generation += 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # flags(): QAbstractTableModel's own (enabled, selectable, no children) — not overridden, so the view asks
    # C++ and not Python for every painted cell.

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        job_id = self._ids[index.row()]
        snap = self.cache.get(job_id)
        column = COLUMNS[index.column()]
        if role == JobIdRole:
            return job_id
        if snap is None:
            if role in (Qt.ItemDataRole.DisplayRole, JobRole):
                self._request(index.row())
            if role == Qt.ItemDataRole.DisplayRole and column == "id":
                return job_id
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(snap, column)
        if role == JobRole:
            return snap
        if role == ColourRole:
            return snap.colour
        if role == FractionRole:
            return snap.fraction
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(snap, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("id", "warnings", "errors"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "warnings":
                return QColor(P.PALETTES["yellow"].fg if snap.warnings else ZERO_COLOUR)
            if column == "errors":
                return QColor(P.PALETTES["red"].fg if snap.errors else ZERO_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column in ("warnings", "errors") and getattr(snap, column):
            return BOLD
        return None

    def _display(self, snap: JobSnapshot, column: str) -> Any:
        if column == "id":
            return snap.id
        if column == "operation":
            return P.operation_title(snap.operation, self._titles.get(snap.operation, ""))
        if column == "status":
            return P.badge(snap).text
        if column == "progress":
            return P.progress_text(snap)
        if column == "warnings":
            return snap.warnings
        if column == "errors":
            return snap.errors
        if column in ("created_at", "started_at", "finished_at"):
            return P.format_short_time(getattr(snap, column))
        if column == "duration":
            return P.duration_text(snap)
        if column == "label":
            return P.job_title(snap)
        return getattr(snap, column)

    def _tooltip(self, snap: JobSnapshot, column: str) -> str | None:
        if column == "status":
            return "\n".join(p for p in (P.badge(snap).text, P.outcome_text(snap)) if p)
        if column in ("created_at", "started_at", "finished_at"):
            return P.format_time(getattr(snap, column), seconds=True) or None
        if column == "label":
            operation = P.operation_title(snap.operation, self._titles.get(snap.operation, ""))
            return f"{P.job_title(snap)}\n{operation} · {snap.link}"
        if column == "operation":
            return snap.operation
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column] not in UNSORTABLE:
            self.set_sort(Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder))

    # -- rows ---------------------------------------------------------------------------------------
    def job_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def snapshot(self, row: int) -> JobSnapshot | None:
        return self.cache.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def snapshot_or_fetch(self, row: int) -> JobSnapshot | None:
        """The row's snapshot, asking for its block in the background when it is not cached (painting)."""
        if not 0 <= row < len(self._ids):
            return None
        snap = self.cache.get(self._ids[row])
        if snap is None:
            self._request(row)
        return snap

    def display(self, snap: JobSnapshot, column: int) -> Any:
        return self._display(snap, COLUMNS[column])

    def cached(self, job_id: int) -> JobSnapshot | None:
        return self.cache.get(job_id)

    def row_of(self, job_id: int) -> int | None:
        if self._sort.key == "id":
            ids = self._ids
            if self._sort.descending:
                i = bisect.bisect_left(ids, -job_id, key=lambda x: -x)
            else:
                i = bisect.bisect_left(ids, job_id)
            return i if i < len(ids) and ids[i] == job_id else None
        if self._index is None:
            self._index = {j: r for r, j in enumerate(self._ids)}
        return self._index.get(job_id)

    def _request(self, row: int) -> None:
        if self.cache.requested(self._ids[row]):
            return  # its block is on its way (each painted cell of a missing row asks)
        lo, hi = max(0, row - BLOCK // 4), min(len(self._ids), row + BLOCK)
        self.cache.request(self._ids[lo:hi])

    def _track(self, job_id: int) -> None:
        snap = self.cache.get(job_id)
        if snap is not None and snap.status.is_running:
            self._running.add(job_id)
        else:
            self._running.discard(job_id)

    def _changed_rows(self, rows: list[int], first: int = 0, last: int | None = None) -> None:
        """One dataChanged per run of adjacent rows (runs closer than 8 rows are merged)."""
        if not rows:
            return
        last_col = len(COLUMNS) - 1 if last is None else last
        rows = sorted(set(rows))
        start = prev = rows[0]
        for r in rows[1:]:
            if r - prev > 8:
                self.dataChanged.emit(self.index(start, first), self.index(prev, last_col))
                start = r
            prev = r
        self.dataChanged.emit(self.index(start, first), self.index(prev, last_col))

    # -- live updates (from the cache) ---------------------------------------------------------------
    def on_changed(self, ids: list[int]) -> None:
        if self._loading:
            self._missed.extend(ids)
        dirty: list[int] = []
        fetched = False
        for job_id in ids:
            snap = self.cache.get(job_id)
            if snap is None:
                continue
            row = self.row_of(job_id)
            if row is None:
                if self._enabled and not self._loading and self._filter.matches(snap, self.user):
                    self._insert(job_id)
                continue
            if not self._filter.matches(snap, self.user):
                self._remove_row(row)
                self._running.discard(job_id)
                continue
            self._track(job_id)
            dirty.append(row)
            fetched = True
        self._changed_rows(dirty)
        self._update_ticker()
        if fetched:
            self.rowsFetched.emit()

    def on_removed(self, ids: list[int]) -> None:
        for job_id in ids:
            row = self.row_of(job_id)
            if row is not None:
                self._remove_row(row)
            self._running.discard(job_id)
        self._update_ticker()

    def _insert(self, job_id: int) -> None:
        if self._sort.key == "id":
            if self._sort.descending:
                row = bisect.bisect_left(self._ids, -job_id, key=lambda x: -x)
            else:
                row = bisect.bisect_left(self._ids, job_id)
        else:
            row = 0 if self._sort.descending else len(self._ids)  # new jobs show up where one looks for them
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, job_id)
        self._index = None
        self._track(job_id)
        self.endInsertRows()

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._index = None
        self.endRemoveRows()

    def _running_rows(self) -> list[int]:
        rows = []
        for job_id in self._running:
            row = self.row_of(job_id)
            if row is not None:
                rows.append(row)
        return rows

    def _update_ticker(self) -> None:
        running = bool(self._running)
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running and self._ticker.isActive():
            self._ticker.stop()

    def _tick(self) -> None:
        """Duration and time left move with the clock: repaint those cells of running rows once a second."""
        rows = self._running_rows()
        if not rows:
            self._ticker.stop()
            return
        self._changed_rows(rows, COL["status"], COL["duration"])

    def shutdown(self) -> None:
        self._ticker.stop()


class JobsProxyModel(QSortFilterProxyModel):
    """The view's proxy. Sorting is forwarded to the source model, which orders in SQL; rows are never
    sorted or filtered in memory (that would load all of them)."""

    def __init__(self, source: JobsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.setSourceModel(source)

    def source(self) -> JobsModel:
        model = self.sourceModel()
        assert isinstance(model, JobsModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def snapshot(self, row: int) -> JobSnapshot | None:
        return self.source().snapshot(self.mapToSource(self.index(row, 0)).row())

    def job_id(self, row: int) -> int:
        return self.source().job_id(self.mapToSource(self.index(row, 0)).row())

    def row_of(self, job_id: int) -> int | None:
        row = self.source().row_of(job_id)
        if row is None:
            return None
        return self.mapFromSource(self.source().index(row, 0)).row()


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
