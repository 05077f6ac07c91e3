"""The Process Tracker's table model: lazy, relaying the core's jobs (Anki's browser DataModel).

The model keeps the ordered ids of the jobs the filter selects (one SQL query, off the GUI thread) and fetches
rows into a bounded cache when the view asks for them (``jobs.get_many`` in the background, a block around the
requested row). Sorting and filtering run in SQL, so 100,000 jobs cost a list of ints, not 100,000 objects.

Live updates arrive as coalesced ``Batch`` es from the bridge: a changed row is updated in place; a new job
that matches the filter is inserted (at its place when sorted by id, else at the top); a job that no longer
matches, or was removed, leaves the list. One ``dataChanged`` per run of adjacent rows, at most a few times a
second; a one-second ticker refreshes duration and ETA of running rows only while some are visible.

``JobsProxyModel`` is the sort/filter proxy the view sits on: it forwards ``sort()`` to the source (SQL order)
instead of sorting in memory, which would need every row loaded.

Signals:
    loaded(): the ids were (re)loaded for a new filter or sort.
    loadingChanged(bool)
    loadFailed(str): the list could not be read (the database is unreachable...).
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

from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database
from desktop import presentation as P
from desktop.background import Background
from desktop.bridge import Batch

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
    "duration",
    "owner",
)
COL = {name: i for i, name in enumerate(COLUMNS)}
SNAPSHOT_FIELDS = frozenset(JobSnapshot.__slots__)  # type: ignore[attr-defined]

ZERO_COLOUR = "#9aa1ab"  # a zero count is quiet; a non-zero one stands out in its colour
FIRST_PAGE = 120  # rows fetched together with the ids, so the first screen is complete at once
BLOCK = 100  # rows fetched around a requested row
MAX_CACHE = 6000


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

    @property
    def is_empty(self) -> bool:
        return not self.statuses and not self.operation and not self.search

    def matches(self, snap: JobSnapshot, user: str) -> bool:
        if not self.all_users and snap.owner != user:
            return False
        if self.statuses and str(snap.status) not in self.statuses:
            return False
        if self.operation and snap.operation != self.operation:
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

    def __init__(self, db: Database, background: Background, *, user: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.background, self.user = db, background, user
        self._ids: list[int] = []
        self._cache: dict[int, JobSnapshot] = {}
        self._running: set[int] = set()  # cached jobs that are running (their clock-driven cells tick)
        self._inflight: set[int] = set()
        self._index: dict[int, int] | None = None
        self._filter = JobFilter()
        self._sort = Sort()
        self._generation = 0
        self._loading = False
        self._missed: list[Batch] = []  # batches that arrived while a load was in flight
        self._ever_loaded = False
        self._enabled = False
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)

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
        gen, flt, sort, user = self._generation, self._filter, self._sort, self.user
        self._missed = []
        if not self._loading:
            self._loading = True
            self.loadingChanged.emit(True)

        def load() -> _Load:
            ids = jobs.job_ids(
                self.db,
                user=user,
                all_users=flt.all_users,
                statuses=flt.statuses,
                operation=flt.operation or None,
                search=flt.search or None,
                sort=sort.key,
                descending=sort.descending,
            )
            first = jobs.get_many(self.db, ids[:FIRST_PAGE])
            return _Load(gen, ids, first)

        self.background.run(load, on_success=self._on_loaded, on_failure=self._on_load_failed, owner=self)

    def _on_loaded(self, result: _Load) -> None:
        if result.generation != self._generation:
            return
        self.beginResetModel()
        self._ids = result.ids
        self._index = None
        self._inflight.clear()
        for snap in result.first:
            self._store(snap)
        self.endResetModel()
        self._loading = False
        self._ever_loaded = True
        missed, self._missed = self._missed, []
        for batch in missed:  # changes seen while the query ran: the answer may predate them
            self.apply_batch(batch)
        self._update_ticker()
        self.loadingChanged.emit(False)
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        log.error("cannot read the job list", exc_info=(type(exc), exc, exc.__traceback__))
        self._loading = False
        self.loadingChanged.emit(False)
        self.loadFailed.emit(str(exc))

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return column_title(COLUMNS[section])
        return None

    # flags(): QAbstractTableModel's own (enabled, selectable, no children) — not overridden, so the view asks
    # C++ and not Python for every painted cell.

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        job_id = self._ids[index.row()]
        snap = self._cache.get(job_id)
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
        if column == "status":
            return P.badge(snap).text
        if column == "progress":
            return P.progress_text(snap)
        if column == "warnings":
            return snap.warnings
        if column == "errors":
            return snap.errors
        if column in ("created_at", "started_at"):
            return P.format_short_time(getattr(snap, column))
        if column == "duration":
            return P.duration_text(snap)
        return getattr(snap, column)

    def _tooltip(self, snap: JobSnapshot, column: str) -> str | None:
        if column == "status":
            parts = [P.badge(snap).text]
            if snap.waiting_reason:
                parts.append(snap.waiting_reason)
            if snap.message:
                parts.append(snap.message)
            return "\n".join(parts)
        if column in ("created_at", "started_at"):
            return P.format_time(getattr(snap, column), seconds=True) or None
        if column == "label":
            return f"{snap.label}\n{snap.link}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.set_sort(Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder))

    # -- rows ---------------------------------------------------------------------------------------
    def job_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def snapshot(self, row: int) -> JobSnapshot | None:
        return self._cache.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def snapshot_or_fetch(self, row: int) -> JobSnapshot | None:
        """The row's snapshot, asking for its block in the background when it is not cached (painting)."""
        if not 0 <= row < len(self._ids):
            return None
        snap = self._cache.get(self._ids[row])
        if snap is None:
            self._request(row)
        return snap

    def display(self, snap: JobSnapshot, column: int) -> Any:
        return self._display(snap, COLUMNS[column])

    def cached(self, job_id: int) -> JobSnapshot | None:
        return self._cache.get(job_id)

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

    def _store(self, snap: JobSnapshot) -> None:
        old = self._cache.pop(snap.id, None)
        if old is not None and old.updated_at > snap.updated_at:
            snap = old  # a late answer must not undo a newer update
        self._cache[snap.id] = snap
        if snap.status.is_running:
            self._running.add(snap.id)
        else:
            self._running.discard(snap.id)
        if len(self._cache) > MAX_CACHE:
            self._evict()

    def _evict(self) -> None:
        """Drop the least recently stored half of the cache (never running jobs)."""
        drop = len(self._cache) - MAX_CACHE // 2
        for job_id in list(self._cache):
            if drop <= 0:
                break
            if job_id not in self._running:
                del self._cache[job_id]
                drop -= 1

    def _request(self, row: int) -> None:
        job_id = self._ids[row]
        if job_id in self._inflight:
            return
        lo, hi = max(0, row - BLOCK // 4), min(len(self._ids), row + BLOCK)
        want = [j for j in self._ids[lo:hi] if j not in self._cache and j not in self._inflight]
        self._inflight.update(want)
        self.background.run(
            jobs.get_many, self.db, want, on_success=lambda snaps: self._on_rows(want, snaps), owner=self
        )

    def _on_rows(self, wanted: list[int], snaps: list[JobSnapshot]) -> None:
        self._inflight.difference_update(wanted)
        rows = []
        for snap in snaps:
            self._store(snap)
            row = self.row_of(snap.id)
            if row is not None:
                rows.append(row)
        self._changed_rows(rows)
        self._update_ticker()
        self.rowsFetched.emit()

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

    # -- live updates -------------------------------------------------------------------------------
    def apply_batch(self, batch: Batch) -> None:
        if self._loading:
            self._missed.append(batch)
        for job_id in batch.removed:
            self._remove_id(job_id)
        dirty: list[int] = []
        for snap in batch.changed.values():
            row = self._upsert(snap)
            if row is not None:
                dirty.append(row)
        for job_id, changes in batch.progress.items():
            snap = self._cache.get(job_id)
            if snap is None:
                continue
            when = changes.get("updated_at")
            if when is not None and when < snap.updated_at:
                continue
            self._cache[job_id] = snap.replace(
                **{k: v for k, v in changes.items() if k in SNAPSHOT_FIELDS}
            )  # same status
            row = self.row_of(job_id)
            if row is not None:
                dirty.append(row)
        self._changed_rows(dirty)
        self._update_ticker()

    def _upsert(self, snap: JobSnapshot) -> int | None:
        """Update, insert or drop one job's row; returns the row to repaint (None when inserted or dropped)."""
        visible = self._filter.matches(snap, self.user)
        row = self.row_of(snap.id)
        if row is None:
            if visible:
                self._insert(snap)
            return None
        if not visible:
            self._remove_row(row)
            self._forget(snap.id)
            return None
        self._store(snap)
        return row

    def _insert(self, snap: JobSnapshot) -> None:
        if self._sort.key == "id":
            if self._sort.descending:
                row = bisect.bisect_left(self._ids, -snap.id, key=lambda x: -x)
            else:
                row = bisect.bisect_left(self._ids, snap.id)
        else:
            row = 0 if self._sort.descending else len(self._ids)  # new jobs show up where one looks for them
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, snap.id)
        self._index = None
        self._store(snap)
        self.endInsertRows()

    def _remove_id(self, job_id: int) -> None:
        row = self.row_of(job_id)
        if row is not None:
            self._remove_row(row)
        self._forget(job_id)

    def _forget(self, job_id: int) -> None:
        self._cache.pop(job_id, None)
        self._running.discard(job_id)

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
