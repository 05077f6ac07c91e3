"""What the parts of the main window (``window_menus``, ``window_commands``) may use of it: the names
``MainWindow`` builds, declared once so that each part type-checks on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QToolButton

if TYPE_CHECKING:
    from desktop.details.window import JobDetailsWindow
    from desktop.jobs.counts import StatusCounts
    from desktop.jobs.latest import LatestModel, LatestPanel
    from desktop.jobs.model import JobFilter, JobsModel, JobsProxyModel
    from desktop.notify.notifications import InboxModel, InboxPopup, Notifier
    from desktop.retranslate import Texts
    from desktop.services.actions import JobActions


class WindowParts(QMainWindow):
    """Signals:
    jobOpened(int): a details window was opened for this job.
    closed(): the window closed (the application then stops the engine and quits).
    """

    jobOpened = Signal(int)
    closed = Signal()

    ctx: Any
    texts: Texts
    model: JobsModel
    proxy: JobsProxyModel
    latest_model: LatestModel
    latest: LatestPanel
    inbox: InboxModel
    notifier: Notifier
    job_actions: JobActions
    details: dict[int, JobDetailsWindow]
    table: QTableView
    counts_label: QLabel
    inbox_button: QToolButton
    inbox_dock: InboxPopup
    action_show_inbox: QAction
    language_group: QActionGroup
    status_counts: StatusCounts
    _unread: int

    def current_filter(self) -> JobFilter:
        raise NotImplementedError

    def selected_snapshots(self) -> list[Any]:
        raise NotImplementedError

    def show_timeline(self) -> Any:
        raise NotImplementedError

    def move_selected(self, where: str) -> None:
        raise NotImplementedError
