"""Job details: description, parameters, owner, queue, attempt, times, progress, counters, result, and the log
streaming live (``tracker.log(after_id=...)`` re-read when the job cache says the job logged or moved). The
job's snapshot is the cache's (pinned while the window is open); log lines are rendered in the window's
language from their code and arguments.

Signals of JobDetailsWindow:
    closed(int): the window for this job id closed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api import Launch, Tracker
from core.errors import NotFound
from core.records import JobSnapshot, LogEntry
from desktop import i18n
from desktop.details.kv import KeyValueView
from desktop.details.log_model import LEVEL_FILTERS, LogModel
from desktop.details.outputs import OutputsPanel
from desktop.jobs import presentation as P
from desktop.jobs.delegate import paint_badge
from desktop.services.actions import JobActions
from desktop.services.background import Background
from desktop.services.job_cache import JobCache
from desktop.services.links import job_link

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex


class BadgeLabel(QWidget):
    """A status badge as a widget (the same painting as the table's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._badge: P.Badge | None = None

    def set_badge(self, badge: P.Badge) -> None:
        self._badge = badge
        self.setToolTip(badge.text)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._badge.text if self._badge else ""

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.text()) + 40, fm.height() + 10)

    def paintEvent(self, event: Any) -> None:
        if self._badge is None:
            return
        p = QPainter(self)
        paint_badge(p, self.rect(), self._badge)
        p.end()


class WholeRows(QWidget):
    """Holds a table view at a height of whole rows (the few pixels left stay empty below it): scrolled to the
    newest line, the top line is not cut in half."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def sizeHint(self) -> QSize:
        return self.view.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.view.minimumSizeHint()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        v = self.view
        row = max(1, v.verticalHeader().defaultSectionSize())
        bar = v.horizontalScrollBar()
        fixed = v.horizontalHeader().sizeHint().height() + 2 * v.frameWidth()
        fixed += bar.sizeHint().height() if bar.isVisible() else 0
        rows = max(1, (self.height() - fixed) // row)
        v.setGeometry(0, 0, self.width(), min(self.height(), fixed + rows * row))


class JobDetailsWindow(QWidget):
    """Signals: closed(int): the window for this job id closed."""

    closed = Signal(int)
    openJob = Signal(int)  # a job named in the Workflow row (a parent, a step of the chain run) was clicked

    FIELDS_LEFT = ("description", "operation", "owner", "queue", "attempt", "workflow", "link", "message")
    FIELDS_RIGHT = ("created_at", "scheduled_for", "started_at", "finished_at", "duration", "progress", "counters")

    def __init__(
        self,
        job_id: int,
        *,
        tracker: Tracker,
        background: Background,
        cache: JobCache,
        actions: JobActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("jobDetails")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.job_id = job_id
        self.tracker, self.background, self.cache = tracker, background, cache
        self.job_actions = actions
        self.snapshot: JobSnapshot | None = None
        self._removed = False
        self._error_text: str | None = None
        self._log_loading = False
        self._log_again = False
        self._levels: tuple[str, ...] | None = None
        self._titles = {op.name: op.title for op in tracker.operation_list()}  # the registry, in memory
        self.resize(900, 700)
        self._build()
        self.retranslateUi()
        cache.pin(job_id)
        cache.changed.connect(self._on_changed)
        cache.logged.connect(self._on_logged)
        cache.removed.connect(self._on_removed)
        self.load()

    # -- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("detailsTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = BadgeLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("detailsProgress")
        self.progress.setTextVisible(True)
        self.progress_text = QLabel(self)
        header = QGridLayout()
        header.addWidget(self.title, 0, 0, 1, 2)
        header.addWidget(self.badge, 1, 0)
        header.addWidget(self.progress, 1, 1)
        header.addWidget(self.progress_text, 2, 1)
        header.setColumnStretch(1, 1)

        self.fields: dict[str, QLabel] = {}
        self.field_titles: dict[str, QLabel] = {}
        form_left, form_right = QFormLayout(), QFormLayout()
        self.form_right = form_right
        for names, form in ((self.FIELDS_LEFT, form_left), (self.FIELDS_RIGHT, form_right)):
            for name in names:
                label = QLabel(self)
                label.setObjectName(f"field_{name}")
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields[name] = label
                self.field_titles[name] = QLabel(self)
                form.addRow(self.field_titles[name], label)
        self.form_left = form_left
        workflow = self.fields["workflow"]
        workflow.setTextFormat(Qt.TextFormat.RichText)
        workflow.setWordWrap(False)  # one line each: its height is then known to the form and the splitter
        workflow.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        workflow.setOpenExternalLinks(False)
        workflow.linkActivated.connect(self._open_link)
        self._chain: tuple[str, list[JobSnapshot]] | None = None  # the chain run's name and steps, once read
        self._chain_ids: set[int] = set()
        self._chain_reading = False
        forms = QHBoxLayout()
        forms.addLayout(form_left, 3)
        forms.addSpacing(16)
        forms.addLayout(form_right, 2)
        overview = QWidget(self)
        overview.setLayout(forms)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.params_view = KeyValueView(self)
        self.params_view.setObjectName("paramsView")
        self.result_view = KeyValueView(self)
        self.result_view.setObjectName("resultView")
        tabs = QTabWidget(self)
        tabs.addTab(overview, "")
        tabs.addTab(self.params_view, "")
        tabs.addTab(self.result_view, "")
        self.outputs = OutputsPanel(self.background, self)  # the files it wrote: open, open folder, save a copy
        self.outputs.failed.connect(self._show_error)
        tabs.addTab(self.outputs, "")
        self.tabs = tabs

        self.log_model = LogModel(self)
        self.log_view = QTableView(self)
        self.log_view.setObjectName("logView")
        self.log_shown = QSortFilterProxyModel(self)  # the search box's filter over every column
        self.log_shown.setSourceModel(self.log_model)
        self.log_shown.setFilterKeyColumn(-1)
        self.log_shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.log_view.setModel(self.log_shown)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setWordWrap(False)
        # a long message keeps its end ("…which is deleted"), an item its file name; both whole on hover and in Copy
        self.log_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.log_view.verticalHeader().hide()
        self.log_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        hh = self.log_view.horizontalHeader()
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.log_view.setFont(mono)
        fm = QFontMetrics(mono)
        self.log_view.setColumnWidth(0, fm.horizontalAdvance("2026-12-01 15:51:22") + 16)
        self.log_view.setColumnWidth(1, fm.horizontalAdvance("Warning") + 40)  # icon and text
        self.log_view.setColumnWidth(3, fm.horizontalAdvance("x") * 34)
        self.level_filter = QComboBox(self)
        self.level_filter.setObjectName("logLevelFilter")
        for key, _levels in LEVEL_FILTERS:
            self.level_filter.addItem("", key)
        self.level_filter.currentIndexChanged.connect(self._on_level)
        self.log_count = QLabel(self)
        self.log_search = QLineEdit(self)
        self.log_search.setObjectName("logSearch")
        self.log_search.setClearButtonEnabled(True)
        self.log_search.textChanged.connect(self._on_search)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyLog")
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_button.clicked.connect(self.copy_log)
        log_bar = QHBoxLayout()
        self.log_title = QLabel(self)
        bold = QFont(self.log_title.font())
        bold.setBold(True)
        self.log_title.setFont(bold)
        log_bar.addWidget(self.log_title)
        log_bar.addWidget(self.log_count)
        log_bar.addStretch(1)
        log_bar.addWidget(self.log_search, 2)
        log_bar.addWidget(self.level_filter)
        log_bar.addWidget(self.copy_button)
        log_box = QWidget(self)
        log_lay = QVBoxLayout(log_box)
        log_lay.setContentsMargins(0, 0, 0, 0)
        log_lay.addLayout(log_bar)
        log_lay.addWidget(WholeRows(self.log_view, log_box), 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(tabs)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("detailsStop")
        self.stop_button.clicked.connect(lambda: self.job_actions.stop([self.job_id]))
        self.pause_button = QPushButton(self)
        self.pause_button.setObjectName("detailsPause")
        self.pause_button.clicked.connect(lambda: self.job_actions.pause([self.job_id]))
        self.resume_button = QPushButton(self)
        self.resume_button.setObjectName("detailsResume")
        self.resume_button.clicked.connect(lambda: self.job_actions.resume([self.job_id]))
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("detailsRetry")
        self.retry_button.clicked.connect(lambda: self.job_actions.retry([self.job_id]))
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("detailsUndo")
        self.undo_button.clicked.connect(self.undo)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("detailsExport")
        self.export_button.clicked.connect(self.export_csv)
        self.copy_link_button = QPushButton(self)
        self.copy_link_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(job_link(self.job_id)))
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.stop_button, self.pause_button, self.resume_button, self.retry_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.copy_link_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        self.error = QLabel(self)
        self.error.setObjectName("detailsError")
        self.error.setStyleSheet(f"color: {P.PALETTES['red'].fg}")
        self.error.setWordWrap(True)
        self.error.hide()

        lay = QVBoxLayout(self)
        lay.addLayout(header)
        lay.addWidget(self.error)
        lay.addWidget(splitter, 1)
        lay.addLayout(buttons)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Job #%1").replace("%1", str(self.job_id)))
        titles = {
            "description": self.tr("Description"),
            "operation": self.tr("Operation"),
            "owner": self.tr("Owner"),
            "queue": self.tr("Queue"),
            "attempt": self.tr("Attempt"),
            "workflow": self.tr("Workflow"),
            "link": self.tr("Link"),
            "message": self.tr("Message"),
            "created_at": self.tr("Created"),
            "scheduled_for": self.tr("Scheduled for"),
            "started_at": self.tr("Started"),
            "finished_at": self.tr("Finished"),
            "duration": self.tr("Duration"),
            "progress": self.tr("Items"),
            "counters": self.tr("Warnings / errors"),
        }
        for name, label in self.field_titles.items():
            label.setText(self.tr("%1:").replace("%1", titles[name]))
        for i, text in enumerate((self.tr("Overview"), self.tr("Parameters"), self.tr("Result"), self.tr("Files"))):
            self.tabs.setTabText(i, text)
        level_texts = {
            "all": self.tr("All levels"),
            "info": self.tr("Info and above"),
            "warnings": self.tr("Warnings and errors"),
            "errors": self.tr("Errors only"),
        }
        for i in range(self.level_filter.count()):
            self.level_filter.setItemText(i, level_texts[self.level_filter.itemData(i)])
        self.copy_button.setText(self.tr("Copy log"))
        self.log_search.setPlaceholderText(self.tr("Search the log…"))
        self.log_title.setText(self.tr("Log"))
        self.stop_button.setText(self.tr("Stop"))
        self.pause_button.setText(self.tr("Pause"))
        self.resume_button.setText(self.tr("Resume"))
        self.retry_button.setText(self.tr("Retry"))
        self.undo_button.setText(self.tr("Undo…"))
        self.export_button.setText(self.tr("Download CSV…"))
        self.copy_link_button.setText(self.tr("Copy link"))
        self.close_button.setText(self.tr("Close"))
        self.log_model.retranslate()
        self._show_log_count()
        if self._removed:
            self._show_error(self.tr("This job was removed."))
        if self.snapshot is not None:
            self._show(self.snapshot)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------------
    def load(self) -> None:
        self.background.run(
            self.tracker.job, self.job_id, on_success=self._on_loaded, on_failure=self._on_error, owner=self
        )
        self.fetch_log()

    def _on_loaded(self, snap: JobSnapshot) -> None:
        self.cache.put([snap])
        current = self.cache.get(self.job_id)
        self._show(current or snap)

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):  # the window knows what it asked for: say it in its own words
            self._show_error(self.tr("There is no job #%1 that you can see.").replace("%1", str(self.job_id)))
        else:
            self._show_error(P.error_text(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._update_buttons()
        self.copy_link_button.setEnabled(self.snapshot is not None and not self._removed)

    def _show(self, snap: JobSnapshot) -> None:
        if self.snapshot is not None and snap.updated_at < self.snapshot.updated_at:
            return
        self.snapshot = snap
        if not self._removed:
            self.error.hide()
        self.title.setText(f"#{snap.id}  {snap.title}")
        f = self.fields
        f["description"].setText(snap.description or "—")
        f["operation"].setText(P.operation_title(snap.operation, self._titles.get(snap.operation, "")))
        f["operation"].setToolTip(snap.operation)
        f["owner"].setText(snap.owner)
        f["queue"].setText(self.tr("%1 (priority %2)").replace("%1", snap.queue).replace("%2", str(snap.priority)))
        attempt = self.tr("%1 of %2").replace("%1", str(snap.attempt)).replace("%2", str(snap.max_attempts))
        if snap.inline:
            attempt += " · " + self.tr("ran at once (under its threshold)")
        if snap.parent_id:
            attempt += " · " + self.tr("follows job #%1").replace("%1", str(snap.parent_id))
        f["attempt"].setText(attempt)
        f["link"].setText(snap.link)
        f["message"].setText(P.outcome_text(snap) or "—")
        for key in ("created_at", "scheduled_for", "started_at", "finished_at"):
            f[key].setText(P.format_time(getattr(snap, key), seconds=True) or "—")
        f["duration"].setText(P.duration_text(snap) or "—")
        self._show_progress(snap)
        self._show_workflow(snap)
        self.outputs.set_job(snap)
        titles = self._param_titles(snap.operation)
        self.params_view.set_data(snap.params, self.tr("(no parameters)"), lambda key: titles.get(key, key))
        self.result_view.set_data(
            snap.result, self.tr("(no result yet)") if not snap.status.is_terminal else self.tr("(no result)")
        )
        self._update_buttons()

    def _param_titles(self, operation: str) -> dict[str, str]:
        """Each parameter's label in the window's language (the operation's declaration; none when unknown)."""
        try:
            params = self.tracker.operation(operation).params
        except Exception:  # an operation this version no longer has: its raw names
            return {}
        return {p.name: i18n.tr_core(p.title) for p in params}

    def _show_progress(self, snap: JobSnapshot) -> None:
        f = self.fields
        if snap.progress_total:
            f["progress"].setText(f"{P.format_count(snap.progress_done)} / {P.format_count(snap.progress_total)}")
            self.progress.setRange(0, 1000)
            self.progress.setValue(int((snap.fraction or 0) * 1000))
            self.progress.setFormat(f"{P.percent(snap)}%")
        else:
            f["progress"].setText(P.format_count(snap.progress_done) or "—")
            if snap.status.is_running:
                self.progress.setRange(0, 0)  # busy indicator: the total is not known
            else:
                self.progress.setRange(0, 1)
                self.progress.setValue(1 if snap.status.is_terminal else 0)
                self.progress.setFormat("")
        self.progress.setVisible(snap.status.is_running or bool(snap.progress_total))
        # the bar takes the status's colour: a failed job's bar is red, not the running blue
        pal = self.progress.palette()
        pal.setColor(QPalette.ColorRole.Highlight, QColor(P.PALETTES[snap.colour].bar))
        self.progress.setPalette(pal)
        self.progress_text.setText(P.progress_text(snap) if snap.status.is_running else "")
        # a job that counts no items has no "Items: 0" line
        self.form_right.setRowVisible(self.fields["progress"], bool(snap.progress_total or snap.progress_done))
        f["counters"].setText(f"{P.warnings_text(snap.warnings)} · {P.errors_text(snap.errors)}")
        self.badge.set_badge(P.badge(snap))

    def _update_buttons(self) -> None:
        snaps = [self.snapshot] if self.snapshot is not None and not self._removed else []
        states = P.action_states(snaps, self.tracker.can_undo, self.tracker.can_pause)
        for button, name in (
            (self.stop_button, "stop"),
            (self.pause_button, "pause"),
            (self.resume_button, "resume"),
            (self.retry_button, "retry"),
            (self.undo_button, "undo"),
        ):
            button.setEnabled(states[name].enabled)
            button.setToolTip(states[name].tooltip)
        self.export_button.setEnabled(bool(snaps))

    # -- relaying the cache ---------------------------------------------------------------------------
    # -- workflow: where the job came from, what it waits for, its chain run --------------------------
    def _show_workflow(self, snap: JobSnapshot) -> None:
        parts = P.workflow_parts(snap)
        if snap.chain_run is not None:
            if self._chain is None:
                self._read_chain(snap.chain_run)
            else:
                parts.append(P.chain_text(*self._chain, current=snap.id))
        self.fields["workflow"].setText("<br>".join(parts))
        self.form_left.setRowVisible(self.fields["workflow"], bool(parts) or snap.chain_run is not None)

    def _read_chain(self, run_id: int) -> None:
        if self._chain_reading:
            return
        self._chain_reading = True

        def done(chain: tuple[str, list[JobSnapshot]]) -> None:
            self._chain_reading = False
            self._chain = chain
            self._chain_ids = {s.id for s in chain[1]}
            snap = self.cache.get(self.job_id)
            if snap is not None:
                self._show_workflow(snap)

        def failed(_exc: BaseException) -> None:
            self._chain_reading = False

        self.background.run(self.tracker.workflows.chain_run, run_id, on_success=done, on_failure=failed, owner=self)

    def _open_link(self, link: str) -> None:
        prefix = "asyncops://job/"
        if link.startswith(prefix) and link[len(prefix) :].isdigit():
            self.openJob.emit(int(link[len(prefix) :]))

    def _on_changed(self, ids: list[int]) -> None:
        snap_now = self.cache.get(self.job_id)
        if self._chain_ids & set(ids) and snap_now is not None and snap_now.chain_run is not None:
            self._read_chain(snap_now.chain_run)  # a step of its chain run moved on
        if self.job_id in ids:
            snap = self.cache.get(self.job_id)
            if snap is not None:
                self._show(snap)

    def _on_logged(self, ids: list[int]) -> None:
        if self.job_id in ids:
            self.fetch_log()

    def _on_removed(self, ids: list[int]) -> None:
        if self.job_id in ids:
            self._removed = True
            self._show_error(self.tr("This job was removed."))

    def fetch_log(self) -> None:
        """Read the log lines after the last one shown; one read at a time, repeated if more were asked."""
        if self._log_loading:
            self._log_again = True
            return
        self._log_loading = True
        after, levels = self.log_model.last_id, self._levels
        self.background.run(
            self.tracker.log,
            self.job_id,
            after_id=after,
            levels=levels,
            on_success=lambda entries: self._on_log(entries, levels),
            on_failure=lambda _exc: self._on_log([], levels),
            owner=self,
        )

    def _on_log(self, entries: list[LogEntry], levels: tuple[str, ...] | None) -> None:
        self._log_loading = False
        if levels == self._levels:
            bar = self.log_view.verticalScrollBar()
            at_bottom = bar.value() >= bar.maximum() - 2
            self.log_model.append([e for e in entries if e.id is None or e.id > self.log_model.last_id])
            if at_bottom:
                self.log_view.scrollToBottom()
            self._show_log_count()
        else:
            self._log_again = True
        if self._log_again:
            self._log_again = False
            self.fetch_log()

    def _show_log_count(self) -> None:
        total, shown = self.log_model.rowCount(), self.log_shown.rowCount()
        text = self.tr("%n line(s)", None, total)
        if shown != total:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.log_count.setText(text)

    def _on_search(self, text: str) -> None:
        self.log_shown.setFilterFixedString(text.strip())
        self._show_log_count()

    def _on_level(self) -> None:
        key = self.level_filter.currentData()
        self._levels = dict(LEVEL_FILTERS)[key]
        self.log_model.clear()
        self.fetch_log()

    def copy_log(self) -> None:
        """The lines shown (all of them, or those the search finds), whole."""
        rows = [self.log_shown.mapToSource(self.log_shown.index(r, 0)).row() for r in range(self.log_shown.rowCount())]
        QGuiApplication.clipboard().setText(self.log_model.as_text(rows))

    # -- actions ------------------------------------------------------------------------------------
    def undo(self) -> None:
        """Ask what undoing this job would launch, confirm it, then queue it."""
        self.job_actions.undo_launch(self.job_id, self._confirm_undo, owner=self)

    def _confirm_undo(self, snap: JobSnapshot, launch: Launch) -> None:
        if confirm_undo(self, snap, launch, self._titles):
            self.job_actions.undo(self.job_id)

    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Download CSV"), suggested, self.tr("CSV files (*.csv)"))
        return path

    def export_csv(self) -> None:
        path = self.ask_save_path(f"asyncops-job-{self.job_id}.csv")
        if path:
            self.job_actions.export_job(path, self.job_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the window, as a dialog would (a child that uses Escape itself keeps it)."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.cache.unpin(self.job_id)
        self.closed.emit(self.job_id)
        super().closeEvent(event)


def undo_text(snap: JobSnapshot, launch: Launch, titles: dict[str, str]) -> str:
    """What the undo confirmation says: which job, what will be launched and where it runs."""
    what = P.operation_title(launch.operation, titles.get(launch.operation, ""))
    text = translate("Undo", "Undo job #%1 (%2)?").replace("%1", str(snap.id)).replace("%2", P.job_title(snap))
    text += "\n\n" + translate("Undo", "This starts a new job: %1 — %2.").replace("%1", what).replace(
        "%2", launch.label
    )
    return text + "\n" + i18n.tr_message(launch.plan.reason)


def confirm_undo(parent: QWidget, snap: JobSnapshot, launch: Launch, titles: dict[str, str]) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, translate("Undo", "Undo"), undo_text(snap, launch, titles))
    box.setParent(parent, box.windowFlags())
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
