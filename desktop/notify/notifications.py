"""Telling the user: the in-window message bar, the notification inbox and the tray icon.

``Notifier`` relays the job cache: when one of the user's jobs ends it says how (tray message, or the
message bar where the desktop has no system tray) and keeps the message in the inbox; the tray icon shows
how many jobs run (tooltip, badge and progress ring). Clicking a message opens the job.

Signals of Notifier:
    openJob(int): the user clicked a message about a job.
    messageShown(object, str): a presentation.Notice went to "tray" or "window".
    runningChanged(int, int): running and waiting jobs of the user.
Signals of InboxModel:
    unreadChanged(int)
Signals of MessageBar:
    jobLinkActivated(int)
Signals of InboxPopup:
    visibilityChanged(bool)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import JobFilter, Tracker
from core.records import JobSnapshot
from core.status import RUNNING, WAITING
from desktop import icons
from desktop.jobs import presentation as P
from desktop.services.background import Background
from desktop.services.job_cache import JobCache
from desktop.services.links import parse_job_ref

Index = QModelIndex | QPersistentModelIndex
MAX_INBOX = 200


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


@dataclass
class Notification:
    message: P.Notice
    time: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    read: bool = False


LEVEL_PIXMAPS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
GROUP_MS = 1500  # jobs that end within this time of the first are told in one message


def level_icon(level: str) -> QIcon | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.style().standardIcon(LEVEL_PIXMAPS.get(level, LEVEL_PIXMAPS["info"]))


class InboxModel(QAbstractListModel):
    """The messages of this session, newest first, with an unread count."""

    unreadChanged = Signal(int)
    NotificationRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Notification] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        n = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{P.format_short_time(n.time)}  {n.message.title}\n{n.message.text}"
        if role == Qt.ItemDataRole.DecorationRole:
            return level_icon(n.message.level)
        if role == Qt.ItemDataRole.ToolTipRole:
            return P.format_time(n.time, seconds=True)
        if role == Qt.ItemDataRole.FontRole and not n.read:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {"error": "red", "warning": "yellow"}.get(n.message.level)
            return QColor(P.PALETTES[colour].fg) if colour else None
        if role == self.NotificationRole:
            return n
        return None

    def add(self, message: P.Notice) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._items.insert(0, Notification(message))
        self.endInsertRows()
        if len(self._items) > MAX_INBOX:
            self.beginRemoveRows(QModelIndex(), MAX_INBOX, len(self._items) - 1)
            del self._items[MAX_INBOX:]
            self.endRemoveRows()
        self.unreadChanged.emit(self.unread)

    @property
    def unread(self) -> int:
        return sum(1 for n in self._items if not n.read)

    def mark_all_read(self) -> None:
        if not self.unread:
            return
        for n in self._items:
            n.read = True
        self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
        self.unreadChanged.emit(0)

    def clear(self) -> None:
        self.beginResetModel()
        self._items.clear()
        self.endResetModel()
        self.unreadChanged.emit(0)

    def retranslate(self) -> None:
        """Say every message again in the current language (those that know how)."""
        for n in self._items:
            n.message = n.message.retranslated()
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def notification(self, row: int) -> Notification:
        return self._items[row]


class MessageBar(QFrame):
    """A non-modal message across the top of the window (KMessageWidget style), with a link to the job."""

    jobLinkActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._text.setOpenExternalLinks(False)
        self._text.linkActivated.connect(self._on_link)
        close = QToolButton(self)
        close.setObjectName("messageBarClose")
        close.setAutoRaise(True)
        close.setText("✕")
        close.clicked.connect(self.hide)
        self._close = close
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        lay.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self._text, 1)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self, singleShot=True, interval=30_000)
        self._timer.timeout.connect(self.hide)
        self.message: P.Notice | None = None
        self.hide()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._close.setToolTip(self.tr("Close this message"))
        if self.message is not None:
            self._render(self.message.retranslated())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def float_over(self, host: QWidget) -> None:
        """Float over the bottom of ``host`` instead of taking room in a layout: a message that comes or goes
        never moves the rows under the mouse."""
        self.setParent(host)
        self._host = host
        host.installEventFilter(self)
        self.setAutoFillBackground(True)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "_host", None) and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        host = getattr(self, "_host", None)
        if host is None:
            return
        margin = 12
        width = max(200, min(host.width() - 2 * margin, 760))
        lay = self.layout()
        height = lay.heightForWidth(width) if lay is not None and lay.hasHeightForWidth() else self.sizeHint().height()
        height = max(height, self.minimumSizeHint().height())
        self.setGeometry(host.width() - width - margin, host.height() - height - margin, width, height)
        self.raise_()

    def show_message(self, message: P.Notice, *, timeout_ms: int = 30_000) -> None:
        self._render(message)
        self.show()
        self._place()
        if timeout_ms:
            self._timer.start(timeout_ms)

    def _render(self, message: P.Notice) -> None:
        self.message = message
        colour = {"error": "red", "warning": "yellow"}.get(message.level, "blue")
        pal = P.PALETTES[colour]
        self.setStyleSheet(
            f"#messageBar {{ background: {pal.bg}; border: 1px solid {pal.bar}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: {pal.fg}; }}"
        )
        sp = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(message.level, QStyle.StandardPixmap.SP_MessageBoxInformation)
        size = self.fontMetrics().height() + 4
        self._icon.setPixmap(self.style().standardIcon(sp).pixmap(size, size))
        body = _html(message.text).replace("\n", "<br>")
        link = ""
        if message.job_id is not None:
            text = self.tr("Open job #%1").replace("%1", str(message.job_id))
            link = f' &nbsp;<a href="asyncops://job/{message.job_id}">{text}</a>'
        self._text.setText(f"<b>{_html(message.title)}</b><br>{body}{link}")

    def text(self) -> str:
        return self._text.text()

    def _on_link(self, href: str) -> None:
        job_id = parse_job_ref(href)
        if job_id is not None:
            self.jobLinkActivated.emit(job_id)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Notifier(QObject):
    openJob = Signal(int)
    messageShown = Signal(object, str)
    runningChanged = Signal(int, int)

    def __init__(
        self,
        tracker: Tracker,
        background: Background,
        cache: JobCache,
        *,
        bar: MessageBar,
        inbox: InboxModel,
        use_tray: bool | None = None,
        window_icon: QIcon | None = None,
        show_window: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tracker, self.background, self.cache = tracker, background, cache
        self.user = tracker.user
        self.bar, self.inbox = bar, inbox
        self.started = dt.datetime.now(dt.UTC)
        self._notified: set[int] = set()
        self._ended: list[JobSnapshot] = []  # ended since the first of a burst: told together
        self._group_timer = QTimer(self, singleShot=True, interval=GROUP_MS)
        self._group_timer.timeout.connect(self._tell_ended)
        self._running: set[int] = set()
        self._waiting: set[int] = set()
        self._last_tray_job: int | None = None
        self._icon_state: tuple[int, int | None] | None = None
        self.tray: QSystemTrayIcon | None = None
        if use_tray is None:
            use_tray = tray_available()
        if use_tray:
            self.tray = QSystemTrayIcon(icons.app_icon(), self)
            self.tray.setToolTip(P.tray_tooltip(0, 0))
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray.activated.connect(self._on_tray_activated)
            menu = QMenu()
            self._show_action = menu.addAction(self.tr("Show asyncops"), show_window or (lambda: None))
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.show()
        self._show_window = show_window
        bar.jobLinkActivated.connect(self.openJob)
        cache.changed.connect(self.on_changed)
        cache.removed.connect(self.on_removed)

    def retranslate(self) -> None:
        """The language changed (the main window calls this: a QObject gets no LanguageChange event)."""
        if self.tray is not None:
            self._show_action.setText(self.tr("Show asyncops"))
        self.inbox.retranslate()
        self._update_tray()

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def load(self) -> None:
        """Learn which of the user's jobs are running or waiting now (off the GUI thread)."""
        flt = JobFilter(statuses=tuple(sorted(str(x) for x in RUNNING | WAITING)))
        self.background.run(self.tracker.jobs, flt, on_success=self._on_loaded, owner=self)

    def _on_loaded(self, snaps: list[JobSnapshot]) -> None:
        self.cache.put(snaps)
        for s in snaps:
            self._track(s.id)
        self._update_tray()

    def _track(self, job_id: int) -> None:
        self._running.discard(job_id)
        self._waiting.discard(job_id)
        snap = self.cache.get(job_id)
        if snap is None or snap.owner != self.user:
            return
        if snap.status.is_running:
            self._running.add(job_id)
        elif snap.status.is_waiting:
            self._waiting.add(job_id)

    # -- relaying the cache ---------------------------------------------------------------------------
    def on_removed(self, ids: list[int]) -> None:
        for job_id in ids:
            self._running.discard(job_id)
            self._waiting.discard(job_id)
        self._update_tray()

    def on_changed(self, ids: list[int]) -> None:
        for job_id in ids:
            self._track(job_id)
            snap = self.cache.get(job_id)
            if (
                snap is not None
                and snap.owner == self.user
                and snap.status.is_terminal
                and snap.id not in self._notified
                and snap.finished_at is not None
                and snap.finished_at >= self.started
            ):
                self._notified.add(snap.id)
                self._ended.append(snap)
                if not self._group_timer.isActive():
                    self._group_timer.start()
        self._update_tray()

    def _tell_ended(self) -> None:
        ended, self._ended = self._ended, []
        if ended:
            self.notify(P.ended_message(ended))

    def notify(self, message: P.Notice) -> None:
        """A message about a job: tray balloon when there is a tray, else the in-window bar; always the inbox."""
        self.inbox.add(message)
        if self.tray is not None:
            icon = {"error": QSystemTrayIcon.MessageIcon.Critical, "warning": QSystemTrayIcon.MessageIcon.Warning}.get(
                message.level, QSystemTrayIcon.MessageIcon.Information
            )
            self._last_tray_job = message.job_id
            self.tray.showMessage(message.title, message.text, icon, 10_000)
            self.messageShown.emit(message, "tray")
        else:
            self.bar.show_message(message)
            self.messageShown.emit(message, "window")

    def tell_in_window(self, message: P.Notice) -> None:
        """A message that belongs in the window itself (a job went to the background)."""
        self.inbox.add(message)
        self.bar.show_message(message)
        self.messageShown.emit(message, "window")

    def _on_tray_message_clicked(self) -> None:
        if self._last_tray_job is not None:
            self.openJob.emit(self._last_tray_job)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self._show_window is not None:
            self._show_window()

    # -- tray icon ----------------------------------------------------------------------------------
    def running_summary(self) -> tuple[int, int, float | None]:
        running = [s for s in map(self.cache.get, self._running) if s is not None]
        totals = [(s.progress_done, s.progress_total) for s in running if s.progress_total]
        fraction = (sum(min(d, t) for d, t in totals) / sum(t for _, t in totals)) if totals else None
        return len(self._running), len(self._waiting), fraction

    def _update_tray(self) -> None:
        running, waiting, fraction = self.running_summary()
        self.runningChanged.emit(running, waiting)
        if self.tray is None:
            return
        state = (running, None if fraction is None else int(fraction * 50))
        if state != self._icon_state:
            self._icon_state = state
            self.tray.setIcon(QIcon(icons.tray_pixmap(running, fraction)))
        self.tray.setToolTip(P.tray_tooltip(running, waiting))

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()


class InboxPopup(QFrame):
    """The notification inbox as a popup under its toolbar button (it floats over the window: the table keeps
    its width). Signals: visibilityChanged(bool)."""

    visibilityChanged = Signal(bool)

    def __init__(self, inbox: InboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("inboxPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)  # the click that closes it does not reopen it
        self.title = QLabel(self)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.view = QListView(self)
        self.view.setObjectName("inboxView")
        self.view.setModel(inbox)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setIconSize(QSize(20, 20))
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(inbox.clear)
        self.empty = QLabel(self)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.empty, 1)
        lay.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignRight)
        inbox.modelReset.connect(self._update_empty)
        inbox.rowsInserted.connect(self._update_empty)
        self.resize(440, 460)
        self.retranslateUi()
        self._update_empty()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Notifications"))
        self.clear_button.setText(self.tr("Clear"))
        self.empty.setText(self.tr("No notifications"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _update_empty(self, *_: Any) -> None:
        empty = self.view.model().rowCount() == 0
        self.view.setVisible(not empty)
        self.empty.setVisible(empty)

    def popup_under(self, anchor: QWidget) -> None:
        """Open below ``anchor``, right-aligned with it, inside the screen."""
        pos = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), anchor.height()))
        screen = anchor.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(min(self.width(), avail.width()), min(self.height(), avail.height()))
            pos.setX(max(avail.left(), min(pos.x(), avail.right() - self.width() + 1)))
            pos.setY(max(avail.top(), min(pos.y(), avail.bottom() - self.height() + 1)))
        self.move(pos)
        self.show()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.visibilityChanged.emit(True)

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.visibilityChanged.emit(False)
