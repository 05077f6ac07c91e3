"""The Process Tracker window: job table with filters, toolbar/menus/context menu, latest operations, message
bar, notification inbox and status bar. This module lays the window out and wires it (``_connect_signals``,
the one place that connects the parts); its actions and menus are in ``window_menus``, what they do in
``window_commands``.

The window holds no data: the table, the latest panel, the notifier and the details windows relay the one
``JobCache``; every core call goes through the Tracker in the background, never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, icons, prefs
from desktop.details.window import JobDetailsWindow
from desktop.jobs import layout
from desktop.jobs import presentation as P
from desktop.jobs.counts import StatusCounts
from desktop.jobs.delegate import JobTableDelegate
from desktop.jobs.latest import LatestModel, LatestPanel
from desktop.jobs.model import COL, COLUMNS, JobFilter, JobsModel, JobsProxyModel, Sort
from desktop.notify.notifications import InboxModel, InboxPopup, MessageBar, Notifier
from desktop.retranslate import Texts
from desktop.services.actions import JobActions
from desktop.window_commands import WindowCommands
from desktop.window_menus import WindowMenus

# The status filter's choices: key -> statuses
STATUS_FILTERS: dict[str, frozenset[str]] = {
    "all": frozenset(),
    "running": frozenset({"ACTIVE", "STOPPING", "PAUSED"}),
    "waiting": frozenset({"QUEUED", "SCHEDULED"}),
    "succeeded": frozenset({"SUCCEEDED"}),
    "failed": frozenset({"FAILED", "INTERRUPTED"}),
    "stopped": frozenset({"STOPPED"}),
}
CLOSE_NOTICE_OFF = "notices/close_jobs_keep_running_off"  # "Don't ask again" on the close notice


class MainWindow(WindowMenus, WindowCommands):
    """The window (signals: see ``WindowParts``)."""

    def __init__(self, ctx: Any, *, use_tray: bool | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = Texts()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.confirm_quit = True
        self._unread = 0
        self.details: dict[int, JobDetailsWindow] = {}
        self._after_list: list[Any] = []
        self.model = JobsModel(ctx.tracker, ctx.background, ctx.cache, parent=self)
        self.proxy = JobsProxyModel(self.model, self)
        self.latest_model = LatestModel(ctx.tracker, ctx.background, ctx.cache, parent=self)
        self.inbox = InboxModel(self)
        self.job_actions = JobActions(ctx.tracker, ctx.background, parent=self)
        self._build_actions()
        self._build_central()
        self._build_menus()
        self._build_inbox()
        self.offline_label = QLabel(self)
        self.offline_label.setObjectName("offlineLabel")
        self.offline_label.setStyleSheet(f"color: {P.PALETTES['red'].fg}; font-weight: bold;")
        self.offline_label.hide()
        self.statusBar().addPermanentWidget(self.offline_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        ctx.cache.offline.connect(self._show_offline)
        self.notifier = Notifier(
            ctx.tracker,
            ctx.background,
            ctx.cache,
            bar=self.message_bar,
            inbox=self.inbox,
            use_tray=use_tray,
            show_window=self.bring_to_front,
            parent=self,
        )
        self.status_counts = StatusCounts(self.model, parent=self)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filters)
        self._connect_signals()
        self._build_client_parts()
        self._restore_state()
        self.retranslateUi()

    # -- language -----------------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        """Every text the window shows, again in the current language (at start and on LanguageChange)."""
        # ends with the application's display name, so Qt adds it no second time (formatWindowTitle)
        self.setWindowTitle(self.tr("Process Tracker — asyncops"))
        if getattr(self, "_fitted_language", None) not in (None, i18n.current_language()):
            layout.fit_columns(self.table, self._titles_shown(), ("status", "operation"))  # longer words
        self._fitted_language = i18n.current_language()
        self.texts.apply()
        status_texts = {
            "all": self.tr("All statuses"),
            "running": self.tr("Active"),
            "waiting": self.tr("Queued or scheduled"),
            "succeeded": self.tr("Succeeded"),
            "failed": self.tr("Failed or interrupted"),
            "stopped": self.tr("Stopped"),
        }
        for i in range(self.status_filter.count()):
            self.status_filter.setItemText(i, status_texts[self.status_filter.itemData(i)])
        self.operation_filter.setItemText(0, self.tr("All operations"))
        self.origin_filter.setItemText(0, self.tr("Any origin"))
        self.origin_filter.setItemText(1, self.tr("Started by hand"))
        self.origin_filter.setItemText(2, self.tr("Started by a schedule"))
        for i in range(3, self.origin_filter.count()):
            name = self.origin_filter.itemData(i).removeprefix("profile:")
            self.origin_filter.setItemText(i, self.tr("Profile %1").replace("%1", name))
        for i in range(1, self.operation_filter.count()):
            name = self.operation_filter.itemData(i)
            self.operation_filter.setItemText(i, P.operation_title(name, self._op_titles.get(name, "")))
        self.model.retranslate()
        self.notifier.retranslate()
        self._update_stack()
        self._update_inbox_button(self._unread)
        self._show_counts()
        self.update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "notifier"):
            self.retranslateUi()
        super().changeEvent(event)

    # -- building -----------------------------------------------------------------------------------
    def _build_central(self) -> None:
        # filters
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        for key in STATUS_FILTERS:
            self.status_filter.addItem("", key)
        self.operation_filter = QComboBox(self)
        self.operation_filter.setObjectName("operationFilter")
        self.operation_filter.addItem("", "")
        self._op_titles = {op.name: op.title for op in self.ctx.tracker.operation_list()}  # the registry, in memory
        for name in self._op_titles:
            self.operation_filter.addItem("", name)
        # where jobs came from: started by a person or a schedule, or from one saved profile (filled in start())
        self.origin_filter = QComboBox(self)
        self.origin_filter.setObjectName("originFilter")
        for data in ("", "origin:manual", "origin:schedule"):  # then "profile:NAME" for each saved profile
            self.origin_filter.addItem("", data)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.texts(
            self.search_box.setPlaceholderText, lambda: self.tr("Search label, operation, description…  (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.all_users = QCheckBox(self)
        self.all_users.setObjectName("allUsers")
        self.all_users.setVisible(bool(self.ctx.admin))
        self.texts(self.all_users.setText, lambda: self.tr("All users"))
        self.texts(self.all_users.setToolTip, lambda: self.tr("Show the jobs of every user (administrators)"))
        status_label, operation_label = QLabel(self), QLabel(self)
        self.texts(status_label.setText, lambda: self.tr("Status:"))
        self.texts(operation_label.setText, lambda: self.tr("Operation:"))
        filters = QHBoxLayout()
        filters.setContentsMargins(8, 6, 8, 2)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addSpacing(8)
        filters.addWidget(operation_label)
        filters.addWidget(self.operation_filter)
        filters.addSpacing(8)
        filters.addWidget(self.origin_filter)
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
        self.table.setItemDelegate(JobTableDelegate(self.model, self.table))
        layout.setup_columns(self.table, self.model, self._titles_shown())

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
        self.loading_page = QLabel(self)
        self.texts(self.loading_page.setText, lambda: self.tr("Loading the job history…"))
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
        lv.addWidget(self.stack, 1)
        self.message_bar.float_over(self.stack)  # over the table's foot: a message never moves its rows
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.latest)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)  # a wider window widens the side panel a little too
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([1020, 260])
        self.setCentralWidget(self.splitter)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")

    def _show_offline(self, error: BaseException | None) -> None:
        """While the database cannot be read: "Offline" in the status bar, with why on hover; it goes by itself
        once a poll reads again (the cache keeps polling every second)."""
        self.offline_label.setVisible(error is not None)
        if error is not None:
            self.offline_label.setText(self.tr("Offline: cannot reach the database, retrying"))
            self.offline_label.setToolTip(P.error_text(error).strip().splitlines()[0])

    def _build_inbox(self) -> None:
        self.inbox_dock = InboxPopup(self.inbox, self)  # a popup over the window: the table keeps its width
        self.inbox_view = self.inbox_dock.view

    def _titles_shown(self) -> list[str]:
        return [P.operation_title(n, t) for n, t in self._op_titles.items()]

    # -- wiring -------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self.model.loaded.connect(self._on_loaded)
        self.model.loadFailed.connect(self._on_load_failed)
        self.model.loaded.connect(self._run_after_list)
        self.model.loadFailed.connect(self._run_after_list)
        self.model.rowsInserted.connect(self._update_stack)
        self.model.rowsRemoved.connect(self._update_stack)
        self.model.dataChanged.connect(self._on_data_changed)
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.operation_filter.currentIndexChanged.connect(self._apply_filters)
        self.origin_filter.currentIndexChanged.connect(self._apply_filters)
        self.all_users.toggled.connect(self._apply_filters)
        self.search_box.textChanged.connect(lambda _: self._search_timer.start())
        self.action_new.triggered.connect(lambda: self.new_operation())
        self.action_stop.triggered.connect(self.stop_selected)
        self.action_pause.triggered.connect(self.pause_selected)
        self.action_resume.triggered.connect(self.resume_selected)
        self.action_open.triggered.connect(self.open_selected)
        self.action_remove.triggered.connect(self.remove_selected)
        self.action_retry.triggered.connect(self.retry_selected)
        self.action_undo.triggered.connect(self.undo_selected)
        self.action_export.triggered.connect(self.export_csv)
        self.action_open_link.triggered.connect(self.open_link)
        self.action_refresh.triggered.connect(self.refresh)
        self.action_find.triggered.connect(self._focus_search)
        self.action_quit.triggered.connect(self.quit)
        self.action_profiles.triggered.connect(self.show_profiles)
        self.action_queues.triggered.connect(self.show_queues)
        self.action_thresholds.triggered.connect(self.show_thresholds)
        self.action_purge.triggered.connect(self.show_purge)
        self.action_about.triggered.connect(self.show_about)
        self.inbox_button.toggled.connect(self.show_inbox)
        self.action_show_inbox.toggled.connect(self.show_inbox)
        self.inbox_dock.visibilityChanged.connect(self._on_inbox_visible)
        self.inbox.unreadChanged.connect(self._update_inbox_button)
        self.inbox_view.activated.connect(self._on_inbox_activated)
        self.latest.openJob.connect(self.open_job)
        self.notifier.openJob.connect(self.open_job)
        self.status_counts.changed.connect(self._show_counts)
        self.job_actions.notice.connect(self.notifier.tell_in_window)
        self.job_actions.failed.connect(self.show_error)
        self.job_actions.exported.connect(self._on_exported)
        self.job_actions.submitted.connect(self._on_submitted)
        self.empty_button.clicked.connect(self._on_empty_button)

    # -- state --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the job list, the panel and the tray state (all in the background)."""
        self._apply_filters(force=True)
        self.after_first_list(self.load_profile_filters, self.latest_model.reload, self.notifier.load)

    def after_first_list(self, *calls: Any) -> None:
        """Run ``calls`` once the first job list came (or could not be read): what the first screen can show a
        moment later waits, so that the list's read is not slowed by others sharing the interpreter."""
        if self.model.ever_loaded:
            for call in calls:
                call()
            return
        self._after_list.extend(calls)

    def _run_after_list(self, *_: Any) -> None:
        if self._after_list:  # once the list is painted: the paint need not share the interpreter with them
            QTimer.singleShot(0, self, self._run_after_paint)

    def _run_after_paint(self) -> None:
        calls, self._after_list = self._after_list, []
        for call in calls:
            call()

    def current_filter(self) -> JobFilter:
        kind, _, value = (self.origin_filter.currentData() or "").partition(":")
        profile, origin = (value, "") if kind == "profile" else ("", value)
        return JobFilter(
            statuses=STATUS_FILTERS[self.status_filter.currentData()],
            operation=self.operation_filter.currentData() or "",
            search=self.search_box.text().strip(),
            all_users=self.all_users.isChecked() and bool(self.ctx.admin),
            profile=profile,
            origin=origin,
        )

    def load_profile_filters(self) -> None:
        """The saved profiles as entries of the origin filter (read in the background)."""

        def show(names: list[str]) -> None:
            current = self.origin_filter.currentData()
            self.origin_filter.blockSignals(True)
            while self.origin_filter.count() > 3:
                self.origin_filter.removeItem(3)
            for name in names:
                self.origin_filter.addItem(self.tr("Profile %1").replace("%1", name), f"profile:{name}")
            index = self.origin_filter.findData(current)
            self.origin_filter.setCurrentIndex(max(0, index))
            self.origin_filter.blockSignals(False)
            if index < 0:
                self._apply_filters()

        self.ctx.background.run(
            lambda: sorted({p.name for p in self.ctx.tracker.workflows.profiles()}), on_success=show, owner=self
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

    def set_admin(self, admin: bool) -> None:
        """An admin may see every user's jobs: the "All users" filter appears (and comes back as it was left)."""
        self.ctx.admin = admin
        self.ctx.cache.all_users = admin
        self.all_users.setVisible(admin)
        if admin and prefs.settings().value("filters/all_users", False) in (True, "true"):
            self.all_users.setChecked(True)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

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
        widgets = (self.status_filter, self.operation_filter, self.origin_filter, self.search_box)
        for w in widgets:
            w.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.operation_filter.setCurrentIndex(0)
        self.origin_filter.setCurrentIndex(0)
        self.search_box.clear()
        for w in widgets:
            w.blockSignals(False)
        self._apply_filters()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: Any) -> None:
        sel = self.table.selectionModel()
        if sel is not None and sel.hasSelection():
            rows = {self.proxy.mapToSource(i).row() for i in sel.selectedRows()}
            if any(top.row() <= r <= bottom.row() for r in rows):
                self.update_actions()

    # -- persistence --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = prefs.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        layout.fit_to_screen(self)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        header = s.value("table/header2")  # "table/header" had no Finished column
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
        s.setValue("table/header2", self.table.horizontalHeader().saveState())
        s.setValue("filters/status", self.status_filter.currentData())
        s.setValue("filters/operation", self.operation_filter.currentData())
        s.setValue("filters/search", self.search_box.text())
        s.setValue("filters/all_users", self.all_users.isChecked())
        s.sync()

    # -- a client of the engine: closing leaves the jobs running ---------------------------------------
    def _build_client_parts(self) -> None:
        self._quitting = False
        self._close_noticed = False
        self.action_quit_stop = self._action("", "actionQuitStop", lambda: self.tr("Quit and s&top jobs"), None)
        self.action_quit_stop.triggered.connect(self.quit_and_stop)
        file_menu = self.menuBar().findChild(QMenu, "menuFile")
        if file_menu is not None:
            file_menu.insertAction(self.action_quit, self.action_quit_stop)
        self.action_pause_all = self._action("", "actionPauseAll", lambda: self.tr("&Pause all queues"), None)
        self.action_pause_all.triggered.connect(lambda: self.pause_all_queues(True))
        self.action_resume_all = self._action("", "actionResumeAll", lambda: self.tr("R&esume all queues"), None)
        self.action_resume_all.triggered.connect(lambda: self.pause_all_queues(False))
        if self.notifier.tray is not None and (menu := self.notifier.tray.contextMenu()) is not None:
            # the tray menu: Show asyncops, New operation…, Pause / Resume all queues, Quit
            new = QAction(menu)
            self.texts(new.setText, lambda: self.tr("&New operation…"))
            new.triggered.connect(self._new_from_tray)
            menu.addAction(new)
            menu.addSeparator()
            menu.addAction(self.action_pause_all)
            menu.addAction(self.action_resume_all)
            menu.addSeparator()
            menu.addAction(self.action_quit)

    def _new_from_tray(self) -> None:
        self.bring_to_front()
        self.new_operation()

    def pause_all_queues(self, paused: bool) -> None:
        """Every queue paused (running jobs finish, nothing new starts) or resumed; an admin's act where admins
        are named: a refusal is shown, not hidden."""

        def done(n: int) -> None:
            if paused:
                text = self.tr("%n queue(s) paused: running jobs finish, nothing new starts", None, n)
            else:
                text = self.tr("%n queue(s) resumed", None, n)
            self.notifier.tell_in_window(P.Notice(self.tr("Queues"), text, "info"))

        self.ctx.background.run(
            self.ctx.tracker.set_all_paused,
            paused,
            on_success=done,
            on_failure=lambda exc: self.show_error(self.tr("Queues"), P.error_text(exc)),
            owner=self,
        )

    def handle_request(self, job_id: int | None) -> None:
        """A second ``asyncops`` (or ``asyncops asyncops://job/N``) handed its request to this window."""
        self.bring_to_front()
        if job_id is not None:
            self.open_job(job_id)

    def quit(self) -> None:
        """File ▸ Quit, tray ▸ Quit: the window really goes; the jobs go on in the engine."""
        self._quitting = True
        self.close()

    def quit_and_stop(self) -> None:
        """File ▸ Quit and stop jobs: ask the engine to stop this person's running and waiting jobs, then quit."""
        self.job_actions.stop_mine(on_done=self.quit)

    def close_notice(self, running: int) -> QMessageBox:
        """Says once that closing leaves the jobs running, with "Don't ask again" (remembered in QSettings)."""
        if self.notifier.has_tray and not self._quitting:
            text = self.tr(
                "%n job(s) keep running in the background; asyncops will tell you when they end.", None, running
            )
        else:
            text = self.tr(
                "%n job(s) keep running in the background; open asyncops again to see how they end.", None, running
            )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Jobs keep running"), text, parent=self)
        box.setObjectName("closeNotice")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setCheckBox(QCheckBox(self.tr("Don't ask again"), box))
        return box

    def _tell_jobs_go_on(self, running: int) -> None:
        if not running or not self.confirm_quit or self._close_noticed or prefs.value(CLOSE_NOTICE_OFF, False, bool):
            return
        self._close_noticed = True  # once per window
        box = self.close_notice(running)
        box.exec()
        if box.checkBox().isChecked():
            prefs.set_value(CLOSE_NOTICE_OFF, True)

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.notifier.running_summary()[0]
        if running and not self._quitting and self.notifier.has_tray:  # to the tray while jobs run
            self._tell_jobs_go_on(running)
            event.ignore()
            self.save_state()
            self.hide()
            return
        self._tell_jobs_go_on(running)
        self.save_state()
        for win in list(self.details.values()):
            win.close()
        self.notifier.close()
        super().closeEvent(event)
        self.closed.emit()
