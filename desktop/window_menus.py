"""The main window's actions, toolbar, menus and context menus (a part of ``MainWindow``).

Every action's text follows the language (``self.texts``); View ▸ Language is a radio group that switches at
once (``i18n.install``: Qt then sends every widget a LanguageChange event).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QStyle, QToolBar, QToolButton, QWidget

from desktop import i18n, prefs
from desktop.jobs import presentation as P
from desktop.jobs.model import COLUMNS, column_title
from desktop.window_parts import WindowParts

LANGUAGES = ("", *i18n.SUPPORTED)  # "" = the system's


class WindowMenus(WindowParts):
    """Mixin of MainWindow: building and updating its actions and menus."""

    def _action(
        self,
        name: str,
        object_name: str,
        text: Any,
        icon: QStyle.StandardPixmap | None,
        shortcut: Any = None,
    ) -> QAction:
        a = QAction(self)
        a.setObjectName(object_name)
        self.texts(a.setText, text)
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if name:
            self.actions_by_name[name] = a
        return a

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        SP = QStyle.StandardPixmap
        self.action_new = self._action(
            "new",
            "actionNewOperation",
            lambda: self.tr("&New operation…"),
            SP.SP_FileDialogNewFolder,
            QKeySequence.StandardKey.New,
        )
        self.action_stop = self._action("stop", "actionStop", lambda: self.tr("&Stop"), SP.SP_MediaStop, "Ctrl+.")
        self.action_pause = self._action("pause", "actionPause", lambda: self.tr("&Pause"), SP.SP_MediaPause)
        self.action_resume = self._action("resume", "actionResume", lambda: self.tr("Res&ume"), SP.SP_MediaPlay)
        self.action_open = self._action(
            "open",
            "actionOpen",
            lambda: self.tr("&Open details"),
            SP.SP_FileDialogDetailedView,
            [QKeySequence("Return"), QKeySequence("Ctrl+O")],
        )
        self.action_remove = self._action(
            "remove", "actionRemove", lambda: self.tr("&Remove"), SP.SP_TrashIcon, QKeySequence.StandardKey.Delete
        )
        self.action_retry = self._action(
            "retry", "actionRetry", lambda: self.tr("Re&try"), SP.SP_BrowserReload, "Ctrl+R"
        )
        self.action_undo = self._action(
            "undo", "actionUndo", lambda: self.tr("&Undo…"), SP.SP_ArrowBack, QKeySequence.StandardKey.Undo
        )
        self.action_export = self._action(
            "export", "actionExportCsv", lambda: self.tr("Download &CSV…"), SP.SP_DialogSaveButton, "Ctrl+Shift+S"
        )
        self.action_open_link = self._action(
            "open_link", "actionOpenLink", lambda: self.tr("Open job by &link…"), SP.SP_DirLinkIcon, "Ctrl+L"
        )
        self.action_refresh = self._action(
            "", "actionRefresh", lambda: self.tr("Re&fresh"), None, QKeySequence.StandardKey.Refresh
        )
        self.action_find = self._action("", "actionFind", lambda: self.tr("&Find"), None, QKeySequence.StandardKey.Find)
        self.action_quit = self._action("", "actionQuit", lambda: self.tr("&Quit"), None, QKeySequence.StandardKey.Quit)
        self.action_move_top = self._action(
            "move_top", "actionMoveTop", lambda: self.tr("Move to &top"), None, "Alt+Home"
        )
        self.action_move_up = self._action("move_up", "actionMoveUp", lambda: self.tr("Move &up"), None, "Alt+Up")
        self.action_move_down = self._action(
            "move_down", "actionMoveDown", lambda: self.tr("Move &down"), None, "Alt+Down"
        )
        for a, where in ((self.action_move_top, "top"), (self.action_move_up, "up"), (self.action_move_down, "down")):
            a.triggered.connect(lambda _=False, w=where: self.move_selected(w))
            self.addAction(a)
        self.action_profiles = self._action("", "actionProfiles", lambda: self.tr("Saved &profiles…"), None)
        self.action_queues = self._action("", "actionQueues", lambda: self.tr("&Queues…"), None)
        self.action_thresholds = self._action("", "actionThresholds", lambda: self.tr("&Thresholds…"), None)
        self.action_purge = self._action("", "actionPurge", lambda: self.tr("&Purge…"), None)
        self.action_about = self._action("", "actionAbout", lambda: self.tr("&About asyncops"), None)
        for a in (self.action_refresh, self.action_find, self.action_quit):
            self.addAction(a)

        tb = QToolBar(self)
        self.texts(tb.setWindowTitle, lambda: self.tr("Jobs"))
        tb.setObjectName("mainToolBar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setMovable(False)
        tb.addAction(self.action_new)
        tb.addSeparator()
        for a in (
            self.action_open,
            self.action_stop,
            self.action_pause,
            self.action_resume,
            self.action_retry,
            self.action_undo,
        ):
            tb.addAction(a)
        tb.addAction(self.action_remove)
        tb.addSeparator()
        tb.addAction(self.action_export)
        tb.addAction(self.action_open_link)
        # the actions used less often show their icon only (their text is in the tooltip and the menus), so the
        # toolbar fits a 1280-pixel screen in every language
        for a in (self.action_pause, self.action_resume, self.action_retry, self.action_undo, self.action_open_link):
            button = tb.widgetForAction(a)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        spacer = QWidget(tb)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.inbox_button = QToolButton(tb)
        self.inbox_button.setObjectName("inboxButton")
        self.inbox_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.inbox_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
        self.inbox_button.setCheckable(True)
        tb.addWidget(self.inbox_button)
        self.addToolBar(tb)
        self.toolbar = tb

    def _menu(self, parent: Any, object_name: str, title: Any) -> QMenu:
        menu = parent.addMenu("")
        menu.setObjectName(object_name)
        self.texts(menu.setTitle, title)
        return menu

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = self._menu(mb, "menuFile", lambda: self.tr("&File"))
        file_menu.addAction(self.action_new)
        file_menu.addAction(self.action_profiles)
        file_menu.addAction(self.action_open_link)
        file_menu.addSeparator()
        file_menu.addAction(self.action_export)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        job_menu = self._menu(mb, "menuJob", lambda: self.tr("&Job"))
        for a in (self.action_open, self.action_stop, self.action_pause, self.action_resume, self.action_retry):
            job_menu.addAction(a)
        job_menu.addAction(self.action_undo)
        job_menu.addAction(self.action_remove)
        job_menu.addSeparator()
        for a in (self.action_move_top, self.action_move_up, self.action_move_down):
            job_menu.addAction(a)
        view_menu = self._menu(mb, "menuView", lambda: self.tr("&View"))
        view_menu.addAction(self.action_refresh)
        view_menu.addAction(self.action_find)
        self.action_show_latest = self._action("", "actionShowLatest", lambda: self.tr("Latest operations panel"), None)
        self.action_show_latest.setCheckable(True)
        self.action_show_latest.setChecked(True)
        self.action_show_latest.toggled.connect(self.latest.setVisible)
        view_menu.addAction(self.action_show_latest)
        self.action_show_inbox = self._action("", "actionShowInbox", lambda: self.tr("Notifications"), None)
        self.action_show_inbox.setCheckable(True)
        view_menu.addAction(self.action_show_inbox)
        self.action_timeline = self._action("", "actionTimeline", lambda: self.tr("&Timeline"), None, "Ctrl+T")
        self.action_timeline.triggered.connect(self.show_timeline)
        view_menu.addAction(self.action_timeline)
        view_menu.addSeparator()
        lang_menu = self._menu(view_menu, "menuLanguage", lambda: self.tr("Language"))
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = prefs.language()
        for code in LANGUAGES:
            a = QAction(self, checkable=True)
            a.setObjectName(f"actionLanguage_{code or 'system'}")
            self.texts(a.setText, partial(self.language_name, code))
            a.setChecked(code == current)
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(a)
            lang_menu.addAction(a)
            self.language_actions[code] = a
        settings_menu = self._menu(mb, "menuSettings", lambda: self.tr("&Settings"))
        for a in (self.action_queues, self.action_thresholds, self.action_purge):
            settings_menu.addAction(a)
        help_menu = self._menu(mb, "menuHelp", lambda: self.tr("&Help"))
        help_menu.addAction(self.action_about)

    def language_name(self, code: str) -> str:
        """Each language is named in itself, so a person who cannot read the current one finds theirs."""
        if code == "":
            return self.tr("System language")
        return {"en": "English", "fr": "Français"}[code]

    def set_language(self, code: str) -> None:
        """Switch at once: the catalogues are swapped and every widget retranslates itself."""
        prefs.set_language(code)
        self.language_actions[code].setChecked(True)
        app = QCoreApplication.instance()
        if app is not None:
            i18n.install(app, code)

    # -- enabling and context menus -----------------------------------------------------------------
    def update_actions(self, *_: Any) -> None:
        states = P.action_states(self.selected_snapshots(), self.ctx.tracker.can_undo, self.ctx.tracker.can_pause)
        for name, state in states.items():
            a = self.actions_by_name[name]
            a.setEnabled(state.enabled)
            a.setToolTip(state.tooltip)
            a.setStatusTip(state.tooltip)

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
            a = menu.addAction(column_title(name))
            a.setCheckable(True)
            a.setChecked(not self.table.isColumnHidden(i))
            a.setEnabled(name not in ("id", "status"))
            a.toggled.connect(lambda on, col=i: self.table.setColumnHidden(col, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
