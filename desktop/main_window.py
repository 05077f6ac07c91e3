"""The Process Tracker window: job table with filters, toolbar/menus/context menu, latest operations, message
bar, notification inbox and status bar. ``_connect_signals`` is the one place that wires the parts together.

The window holds no data: the table is a lazy model over the core's jobs, fed by the bridge; every core call
goes through ``Background`` (or ``JobActions``), never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import UsageError
from core.operations import registry
from core.records import JobSnapshot
from core.status import JobStatus
from core.store import jobs
from desktop import icons, prefs
from desktop import presentation as P
from desktop.actions import JobActions
from desktop.config_dialogs import PurgeDialog, QueuesDialog, ThresholdsDialog
from desktop.dashboard import LatestModel, LatestPanel
from desktop.delegates import JobTableDelegate
from desktop.details import JobDetailsWindow
from desktop.jobs_model import COL, COLUMNS, JobFilter, JobsModel, JobsProxyModel, Sort
from desktop.new_operation import NewOperationDialog
from desktop.notifications import InboxModel, MessageBar, Notifier

S = JobStatus

# The status filter's choices: key -> statuses
STATUS_FILTERS: dict[str, frozenset[str]] = {
    "all": frozenset(),
    "running": frozenset({"ACTIVE", "STOPPING"}),
    "waiting": frozenset({"QUEUED", "SCHEDULED"}),
    "succeeded": frozenset({"SUCCEEDED"}),
    "failed": frozenset({"FAILED", "INTERRUPTED"}),
    "stopped": frozenset({"STOPPED"}),
}
DEFAULT_WIDTHS = {
    "id": 54,
    "operation": 118,
    "label": 220,
    "status": 184,
    "progress": 190,
    "warnings": 70,
    "errors": 54,
    "queue": 72,
    "created_at": 100,
    "started_at": 100,
    "duration": 84,
    "owner": 90,
}


class MainWindow(QMainWindow):
    """Signals:
    jobOpened(int): a details window was opened for this job.
    closed(): the window closed (the application then stops the engine and quits).
    """

    jobOpened = Signal(int)
    closed = Signal()

    def __init__(self, ctx: Any, *, use_tray: bool | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("asyncops — Process Tracker"))
        self.setWindowIcon(icons.app_icon())
        self.confirm_quit = True
        self.details: dict[int, JobDetailsWindow] = {}
        self.model = JobsModel(ctx.db, ctx.background, user=ctx.user, parent=self)
        self.proxy = JobsProxyModel(self.model, self)
        self.latest_model = LatestModel(ctx.db, ctx.background, user=ctx.user, parent=self)
        self.inbox = InboxModel(self)
        self.job_actions = JobActions(ctx.db, ctx.engine, ctx.background, user=ctx.user, admin=ctx.admin, parent=self)
        self._build_actions()
        self._build_central()
        self._build_menus()
        self._build_inbox()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.notifier = Notifier(
            ctx.db,
            ctx.background,
            user=ctx.user,
            bar=self.message_bar,
            inbox=self.inbox,
            use_tray=use_tray,
            show_window=self.bring_to_front,
            parent=self,
        )
        self._counts_timer = QTimer(self, singleShot=True, interval=700)
        self._counts_timer.timeout.connect(self._refresh_counts)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filters)
        self._connect_signals()
        self._restore_state()
        self.update_actions()

    # -- building -----------------------------------------------------------------------------------
    def _action(
        self, name: str, object_name: str, text: str, icon: QStyle.StandardPixmap | None, shortcut: Any = None
    ) -> QAction:
        a = QAction(text, self)
        a.setObjectName(object_name)
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        self.actions_by_name[name] = a
        return a

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        SP = QStyle.StandardPixmap
        self.action_new = self._action(
            "new",
            "actionNewOperation",
            self.tr("&New operation…"),
            SP.SP_FileDialogNewFolder,
            QKeySequence.StandardKey.New,
        )
        self.action_stop = self._action("stop", "actionStop", self.tr("&Stop"), SP.SP_MediaStop, "Ctrl+.")
        self.action_open = self._action(
            "open",
            "actionOpen",
            self.tr("&Open details"),
            SP.SP_FileDialogDetailedView,
            [QKeySequence("Return"), QKeySequence("Ctrl+O")],
        )
        self.action_remove = self._action(
            "remove", "actionRemove", self.tr("&Remove"), SP.SP_TrashIcon, QKeySequence.StandardKey.Delete
        )
        self.action_retry = self._action("retry", "actionRetry", self.tr("Re&try"), SP.SP_BrowserReload, "Ctrl+R")
        self.action_export = self._action(
            "export", "actionExportCsv", self.tr("Download &CSV…"), SP.SP_DialogSaveButton, "Ctrl+Shift+S"
        )
        self.action_open_link = self._action(
            "open_link", "actionOpenLink", self.tr("Open job by &link…"), SP.SP_DirLinkIcon, "Ctrl+L"
        )
        self.action_refresh = QAction(self.tr("Re&fresh"), self)
        self.action_refresh.setObjectName("actionRefresh")
        self.action_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.action_find = QAction(self.tr("&Find"), self)
        self.action_find.setShortcut(QKeySequence.StandardKey.Find)
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setObjectName("actionQuit")
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_queues = QAction(self.tr("&Queues…"), self)
        self.action_queues.setObjectName("actionQueues")
        self.action_thresholds = QAction(self.tr("&Thresholds…"), self)
        self.action_thresholds.setObjectName("actionThresholds")
        self.action_purge = QAction(self.tr("&Purge…"), self)
        self.action_purge.setObjectName("actionPurge")
        for a in (self.action_refresh, self.action_find, self.action_quit):
            self.addAction(a)

        tb = QToolBar(self.tr("Jobs"), self)
        tb.setObjectName("mainToolBar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setMovable(False)
        tb.addAction(self.action_new)
        tb.addSeparator()
        for a in (self.action_open, self.action_stop, self.action_retry, self.action_remove):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.action_export)
        tb.addAction(self.action_open_link)
        spacer = QWidget(tb)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy().Preferred
        )
        tb.addWidget(spacer)
        self.inbox_button = QToolButton(tb)
        self.inbox_button.setObjectName("inboxButton")
        self.inbox_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.inbox_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
        self.inbox_button.setCheckable(True)
        tb.addWidget(self.inbox_button)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_central(self) -> None:
        # filters
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        for key, text in (
            ("all", self.tr("All statuses")),
            ("running", self.tr("Active")),
            ("waiting", self.tr("Queued or scheduled")),
            ("succeeded", self.tr("Succeeded")),
            ("failed", self.tr("Failed or interrupted")),
            ("stopped", self.tr("Stopped")),
        ):
            self.status_filter.addItem(text, key)
        self.operation_filter = QComboBox(self)
        self.operation_filter.setObjectName("operationFilter")
        self.operation_filter.addItem(self.tr("All operations"), "")
        for op in registry.all():
            self.operation_filter.addItem(op.title or op.name, op.name)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search label, operation, description…  (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.all_users = QCheckBox(self.tr("All users"), self)
        self.all_users.setObjectName("allUsers")
        self.all_users.setVisible(bool(self.ctx.admin))
        self.all_users.setToolTip(self.tr("Show the jobs of every user (administrators)"))
        filters = QHBoxLayout()
        filters.setContentsMargins(8, 6, 8, 2)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_filter)
        filters.addSpacing(8)
        filters.addWidget(QLabel(self.tr("Operation:"), self))
        filters.addWidget(self.operation_filter)
        filters.addSpacing(8)
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.all_users)

        self.message_bar = MessageBar(self)

        # the table
        self.table = QTableView(self)
        self.table.setObjectName("jobTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSortIndicator(COL["id"], Qt.SortOrder.DescendingOrder)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for name, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(COL[name], width)
        self.table.setItemDelegate(JobTableDelegate(self.model, self.table))
        self.table.setColumnHidden(COL["owner"], True)

        # empty and loading states
        self.empty_page = QWidget(self)
        self.empty_page.setObjectName("emptyState")
        ev = QVBoxLayout(self.empty_page)
        ev.addStretch(2)
        self.empty_icon = QLabel(self.empty_page)
        self.empty_icon.setPixmap(icons.app_pixmap(72))
        self.empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title = QLabel(self.empty_page)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = self.empty_title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        self.empty_title.setFont(f)
        self.empty_text = QLabel(self.empty_page)
        self.empty_text.setObjectName("emptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.empty_button = QPushButton(self.empty_page)
        self.empty_button.setObjectName("emptyButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        for w in (self.empty_icon, self.empty_title, self.empty_text):
            ev.addWidget(w)
        ev.addSpacing(8)
        ev.addLayout(row)
        ev.addStretch(3)
        self.loading_page = QLabel(self.tr("Loading the job history…"), self)
        self.loading_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.loading_page)
        self.stack.setCurrentWidget(self.loading_page)

        self.latest = LatestPanel(self.latest_model, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(4)
        lv.addLayout(filters)
        bar_row = QHBoxLayout()
        bar_row.setContentsMargins(8, 0, 8, 0)
        bar_row.addWidget(self.message_bar)
        lv.addLayout(bar_row)
        lv.addWidget(self.stack, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.latest)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([1000, 300])
        self.setCentralWidget(self.splitter)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("&File"))
        file_menu.addAction(self.action_new)
        file_menu.addAction(self.action_open_link)
        file_menu.addSeparator()
        file_menu.addAction(self.action_export)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        job_menu = mb.addMenu(self.tr("&Job"))
        for a in (self.action_open, self.action_stop, self.action_retry, self.action_remove):
            job_menu.addAction(a)
        view_menu = mb.addMenu(self.tr("&View"))
        view_menu.addAction(self.action_refresh)
        view_menu.addAction(self.action_find)
        show_latest = QAction(self.tr("Latest operations panel"), self, checkable=True, checked=True)
        show_latest.setObjectName("actionShowLatest")
        show_latest.toggled.connect(self.latest.setVisible)
        self.action_show_latest = show_latest
        view_menu.addAction(show_latest)
        self.action_show_inbox = QAction(self.tr("Notifications"), self, checkable=True)
        self.action_show_inbox.setObjectName("actionShowInbox")
        view_menu.addAction(self.action_show_inbox)
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu(self.tr("Language"))
        self.language_actions: dict[str, QAction] = {}
        current = prefs.language()
        for code, name in prefs.LANGUAGES:
            a = QAction(self.tr("System language") if code == "" else name, self, checkable=True)
            a.setChecked(code == current)
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            lang_menu.addAction(a)
            self.language_actions[code] = a
        settings_menu = mb.addMenu(self.tr("&Settings"))
        for a in (self.action_queues, self.action_thresholds, self.action_purge):
            settings_menu.addAction(a)
        help_menu = mb.addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About asyncops"))
        about.triggered.connect(self.show_about)

    def _build_inbox(self) -> None:
        dock = QDockWidget(self.tr("Notifications"), self)
        dock.setObjectName("inboxDock")
        w = QWidget(dock)
        v = QVBoxLayout(w)
        v.setContentsMargins(4, 4, 4, 4)
        self.inbox_view = QListView(w)
        self.inbox_view.setObjectName("inboxView")
        self.inbox_view.setModel(self.inbox)
        self.inbox_view.setWordWrap(True)
        self.inbox_view.setAlternatingRowColors(True)
        self.inbox_view.setSpacing(2)
        clear = QPushButton(self.tr("Clear"), w)
        clear.clicked.connect(self.inbox.clear)
        v.addWidget(self.inbox_view, 1)
        v.addWidget(clear, 0, Qt.AlignmentFlag.AlignRight)
        dock.setWidget(w)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.inbox_dock = dock
        self._update_inbox_button(0)

    # -- wiring -------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        ctx = self.ctx
        ctx.bridge.batchReady.connect(self.model.apply_batch)
        ctx.bridge.batchReady.connect(self.latest_model.apply_batch)
        ctx.bridge.batchReady.connect(self.notifier.on_batch)
        ctx.bridge.batchReady.connect(self._on_batch)
        self.model.loaded.connect(self._on_loaded)
        self.model.loadFailed.connect(self._on_load_failed)
        self.model.rowsInserted.connect(self._update_stack)
        self.model.rowsRemoved.connect(self._update_stack)
        self.model.dataChanged.connect(self._on_data_changed)
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.operation_filter.currentIndexChanged.connect(self._apply_filters)
        self.all_users.toggled.connect(self._apply_filters)
        self.search_box.textChanged.connect(lambda _: self._search_timer.start())
        self.action_new.triggered.connect(lambda: self.new_operation())
        self.action_stop.triggered.connect(self.stop_selected)
        self.action_open.triggered.connect(self.open_selected)
        self.action_remove.triggered.connect(self.remove_selected)
        self.action_retry.triggered.connect(self.retry_selected)
        self.action_export.triggered.connect(self.export_csv)
        self.action_open_link.triggered.connect(self.open_link)
        self.action_refresh.triggered.connect(self.refresh)
        self.action_find.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.action_quit.triggered.connect(self.close)
        self.action_queues.triggered.connect(self.show_queues)
        self.action_thresholds.triggered.connect(self.show_thresholds)
        self.action_purge.triggered.connect(self.show_purge)
        self.inbox_button.toggled.connect(self.show_inbox)
        self.action_show_inbox.toggled.connect(self.show_inbox)
        self.inbox_dock.visibilityChanged.connect(self._on_inbox_visible)
        self.inbox.unreadChanged.connect(self._update_inbox_button)
        self.inbox_view.activated.connect(self._on_inbox_activated)
        self.latest.openJob.connect(self.open_job)
        self.notifier.openJob.connect(self.open_job)
        self.notifier.runningChanged.connect(lambda *_: self._counts_timer.start())
        self.job_actions.notice.connect(self.notifier.tell_in_window)
        self.job_actions.failed.connect(self.show_error)
        self.job_actions.exported.connect(self._on_exported)
        self.job_actions.submitted.connect(self._on_submitted)
        self.empty_button.clicked.connect(self._on_empty_button)

    # -- state --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the job list, the panel and the tray state (all in the background)."""
        self._apply_filters(force=True)
        self.latest_model.reload()
        self.notifier.load()
        self._refresh_counts()

    def current_filter(self) -> JobFilter:
        return JobFilter(
            statuses=STATUS_FILTERS[self.status_filter.currentData()],
            operation=self.operation_filter.currentData() or "",
            search=self.search_box.text().strip(),
            all_users=self.all_users.isChecked() and bool(self.ctx.admin),
        )

    def _apply_filters(self, *_: Any, force: bool = False) -> None:
        flt = self.current_filter()
        self.table.setColumnHidden(COL["owner"], not flt.all_users)
        self._remember_selection()
        self.model.set_filter(flt)
        if force:
            self.model.reload()

    def refresh(self) -> None:
        self._remember_selection()
        self.model.reload()
        self.latest_model.reload()
        self._refresh_counts()

    def _remember_selection(self) -> None:
        self._selected_ids = self.selected_ids()
        self._current_id = None
        cur = self.table.currentIndex()
        if cur.isValid():
            self._current_id = self.proxy.job_id(cur.row())

    def _on_loaded(self) -> None:
        self._update_stack()
        sel = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for job_id in getattr(self, "_selected_ids", []):
            row = self.proxy.row_of(job_id)
            if row is not None:
                sel.select(self.proxy.index(row, 0), flags)
        cur = getattr(self, "_current_id", None)
        if cur is not None and (row := self.proxy.row_of(cur)) is not None:
            sel.setCurrentIndex(self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.update_actions()

    def _on_load_failed(self, message: str) -> None:
        self.show_error(self.tr("Cannot read the job list"), message)
        self._update_stack()

    def _update_stack(self, *_: Any) -> None:
        if not self.model.ever_loaded:
            self.stack.setCurrentWidget(self.loading_page)
            return
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.filter.is_empty:
            self.empty_title.setText(self.tr("No operations yet"))
            self.empty_text.setText(
                self.tr(
                    "Bulk deletes, moves, imports, exports and other long operations you start appear here, with their "
                    "progress, warnings and errors. Start one with New operation, or from the command line with "
                    "“asyncops submit”."
                )
            )
            self.empty_button.setText(self.tr("New operation…"))
        else:
            self.empty_title.setText(self.tr("No job matches these filters"))
            self.empty_text.setText(self.tr("Change the status, operation or search, or clear the filters."))
            self.empty_button.setText(self.tr("Clear filters"))
        self.stack.setCurrentWidget(self.empty_page)

    def _on_empty_button(self) -> None:
        if self.model.filter.is_empty:
            self.new_operation()
        else:
            self.clear_filters()

    def clear_filters(self) -> None:
        for w in (self.status_filter, self.operation_filter, self.search_box):
            w.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.operation_filter.setCurrentIndex(0)
        self.search_box.clear()
        for w in (self.status_filter, self.operation_filter, self.search_box):
            w.blockSignals(False)
        self._apply_filters()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: Any) -> None:
        sel = self.table.selectionModel()
        if sel is not None and sel.hasSelection():
            rows = {self.proxy.mapToSource(i).row() for i in sel.selectedRows()}
            if any(top.row() <= r <= bottom.row() for r in rows):
                self.update_actions()

    def _on_batch(self, batch: Any) -> None:
        if (batch.changed or batch.removed) and not self._counts_timer.isActive():
            self._counts_timer.start()

    def _refresh_counts(self) -> None:
        all_users = self.all_users.isChecked() and bool(self.ctx.admin)
        self.ctx.background.run(
            jobs.count_by_status,
            self.ctx.db,
            user=self.ctx.user,
            all_users=all_users,
            on_success=self._show_counts,
            owner=self,
        )

    def _show_counts(self, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        running = counts.get("ACTIVE", 0) + counts.get("STOPPING", 0)
        waiting = counts.get("QUEUED", 0) + counts.get("SCHEDULED", 0)
        failed = counts.get("FAILED", 0) + counts.get("INTERRUPTED", 0)
        parts = [
            self.tr("%n job(s)", None, total),
            self.tr("%n running", None, running),
            self.tr("%n waiting", None, waiting),
        ]
        if failed:
            parts.append(self.tr("%n failed", None, failed))
        shown = self.model.rowCount()
        if not self.model.filter.is_empty:
            parts.insert(0, self.tr("%n shown", None, shown))
        self.counts_label.setText("  ·  ".join(parts))

    # -- selection and actions ----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        sel = self.table.selectionModel()
        return sorted(i.row() for i in sel.selectedRows()) if sel is not None else []

    def selected_ids(self) -> list[int]:
        return [self.proxy.job_id(r) for r in self.selected_rows()]

    def selected_snapshots(self) -> list[JobSnapshot]:
        snaps = [self.proxy.snapshot(r) for r in self.selected_rows()]
        return [s for s in snaps if s is not None]

    def update_actions(self, *_: Any) -> None:
        states = P.action_states(self.selected_snapshots())
        for name, state in states.items():
            a = self.actions_by_name[name]
            a.setEnabled(state.enabled)
            a.setToolTip(state.tooltip)
            a.setStatusTip(state.tooltip)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_job(self.proxy.job_id(index.row()))

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for name in P.context_menu(self.selected_snapshots()):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _header_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for i, name in enumerate(COLUMNS):
            if name == "owner" and not self.current_filter().all_users:
                continue
            a = menu.addAction(self.model.headerData(i, Qt.Orientation.Horizontal))
            a.setCheckable(True)
            a.setChecked(not self.table.isColumnHidden(i))
            a.setEnabled(name not in ("id", "status"))
            a.toggled.connect(lambda on, col=i: self.table.setColumnHidden(col, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_job(ids[0])

    def open_job(self, job_id: int) -> JobDetailsWindow:
        win = self.details.get(job_id)
        if win is None:
            win = JobDetailsWindow(
                job_id,
                db=self.ctx.db,
                background=self.ctx.background,
                bridge=self.ctx.bridge,
                actions=self.job_actions,
                user=self.ctx.user,
                admin=self.ctx.admin,
                parent=self,
            )
            win.closed.connect(lambda jid: self.details.pop(jid, None))
            self.details[job_id] = win
        win.show()
        win.raise_()
        win.activateWindow()
        self.jobOpened.emit(job_id)
        return win

    def stop_selected(self) -> None:
        snaps = [s for s in self.selected_snapshots() if s.status in (S.ACTIVE, S.QUEUED, S.SCHEDULED)]
        if snaps:
            self.job_actions.stop([s.id for s in snaps])

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        snaps = self.selected_snapshots()
        if not snaps or not P.action_states(snaps)["remove"].enabled:
            return
        text = self.tr("Remove %n job(s) and their logs from the history? This cannot be undone.", None, len(snaps))
        if self.confirm(self.tr("Remove jobs"), text):
            self.job_actions.remove([s.id for s in snaps])

    def retry_selected(self) -> None:
        snaps = [s for s in self.selected_snapshots() if s.status.is_terminal]
        if snaps:
            self.job_actions.retry([s.id for s in snaps])

    def ask_save_path(self, suggested: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Download CSV"), suggested, self.tr("CSV files (*.csv)"))
        return path

    def export_csv(self) -> None:
        """The selected job's details and log, or the listed jobs (with the current filters and order)."""
        ids = self.selected_ids()
        if len(ids) == 1:
            path = self.ask_save_path(f"asyncops-job-{ids[0]}.csv")
            if path:
                self.job_actions.export_job(path, ids[0])
            return
        path = self.ask_save_path("asyncops-jobs.csv")
        if path:
            self.job_actions.export_list(path, self.model.ids())

    def _on_exported(self, path: str, rows: int) -> None:
        self.statusBar().showMessage(self.tr("%n row(s) written to %1", None, rows).replace("%1", path), 8000)

    def ask_job_link(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Open job by link"), self.tr("Job link or number (asyncops://job/ID):")
        )
        return text if ok else None

    def open_link(self, text: str | None = None) -> None:
        if not text:
            text = self.ask_job_link()
            if not text:
                return
        try:
            job_id = jobs.parse_job_ref(text)
        except UsageError as exc:
            self.show_error(self.tr("Not a job link"), str(exc))
            return
        self.open_job(job_id)

    def new_operation(self, operation: str | None = None) -> NewOperationDialog:
        dlg = NewOperationDialog(
            db=self.ctx.db,
            background=self.ctx.background,
            actions=self.job_actions,
            user=self.ctx.user,
            operation=operation,
            parent=self,
        )
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def _on_submitted(self, snap: JobSnapshot, inline: bool, reason: str) -> None:
        if inline:
            self.statusBar().showMessage(
                self.tr("Job #%1 is running now (%2)").replace("%1", str(snap.id)).replace("%2", reason), 8000
            )
        else:
            self.notifier.tell_in_window(P.background_message(snap, reason))

    def show_error(self, title: str, text: str) -> None:
        self.notifier.tell_in_window(P.Message(title, text, "error"))

    def show_queues(self) -> QueuesDialog:
        dlg = QueuesDialog(db=self.ctx.db, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def show_thresholds(self) -> ThresholdsDialog:
        dlg = ThresholdsDialog(db=self.ctx.db, background=self.ctx.background, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def show_purge(self) -> PurgeDialog:
        dlg = PurgeDialog(db=self.ctx.db, background=self.ctx.background, bus=self.ctx.engine.bus, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.purged.connect(lambda n: self.statusBar().showMessage(self.tr("%n job(s) purged", None, n), 8000))
        dlg.open()
        return dlg

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About asyncops"),
            self.tr(
                "<b>asyncops</b> — Process Tracker<br>Queues, runs and watches long bulk operations.<br>Database: %1"
            ).replace("%1", self.ctx.db.url),
        )

    def set_language(self, code: str) -> None:
        prefs.set_language(code)
        for c, a in self.language_actions.items():
            a.setChecked(c == code)
        self.statusBar().showMessage(self.tr("The language changes the next time asyncops starts."), 8000)

    # -- inbox --------------------------------------------------------------------------------------
    def _update_inbox_button(self, unread: int) -> None:
        self.inbox_button.setText(
            self.tr("Notifications (%1)").replace("%1", str(unread)) if unread else self.tr("Notifications")
        )
        self.inbox_button.setToolTip(self.tr("%n unread message(s)", None, unread))

    def show_inbox(self, visible: bool = True) -> None:
        self.inbox_dock.setVisible(visible)
        self._on_inbox_visible(visible)

    def _on_inbox_visible(self, visible: bool) -> None:
        for w in (self.inbox_button, self.action_show_inbox):
            w.blockSignals(True)
            w.setChecked(visible)
            w.blockSignals(False)
        if visible:
            self.inbox.mark_all_read()

    def _on_inbox_activated(self, index: QModelIndex) -> None:
        n = self.inbox.notification(index.row())
        if n.message.job_id is not None:
            self.open_job(n.message.job_id)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- persistence --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = prefs.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 800)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        header = s.value("table/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        for combo, key in ((self.status_filter, "filters/status"), (self.operation_filter, "filters/operation")):
            value = s.value(key)
            i = combo.findData(value) if value is not None else -1
            if i >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(i)
                combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.setText(str(s.value("filters/search", "") or ""))
        self.search_box.blockSignals(False)
        self.all_users.blockSignals(True)
        self.all_users.setChecked(s.value("filters/all_users", False) in (True, "true") and bool(self.ctx.admin))
        self.all_users.blockSignals(False)
        hh = self.table.horizontalHeader()
        column = hh.sortIndicatorSection()
        order = hh.sortIndicatorOrder()
        if 0 <= column < len(COLUMNS):
            self.model.set_sort(Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder))

    def save_state(self) -> None:
        s = prefs.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.setValue("filters/status", self.status_filter.currentData())
        s.setValue("filters/operation", self.operation_filter.currentData())
        s.setValue("filters/search", self.search_box.text())
        s.setValue("filters/all_users", self.all_users.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.ctx.engine.running_ids()
        if running and self.confirm_quit:
            text = self.tr(
                "%n job(s) run in this window. Quit anyway? They will be interrupted (resumable "
                "operations are queued again).",
                None,
                len(running),
            )
            if not self.confirm(self.tr("Quit asyncops"), text):
                event.ignore()
                return
        self.save_state()
        for win in list(self.details.values()):
            win.close()
        self.notifier.close()
        super().closeEvent(event)
        self.closed.emit()
