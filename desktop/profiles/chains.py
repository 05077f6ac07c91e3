"""The chains part of the Profiles page: each saved chain with its steps (profiles run one after the other, the
``finally`` one whatever happened), its schedule and next run; Run chain starts its jobs, Remove… removes it.
New chain… makes one (``desktop.profiles.chain_dialog``), as ``asyncops chain save`` does.

Reads and runs go through ``Tracker.workflows`` in the background.

Signals of ChainsPanel:
    ran(object): a chain was started (the list of its jobs' JobSnapshots, first step first).
    failed(object): a read or a run was refused (the exception, for the page to show).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import Tracker
from desktop.jobs import presentation as P
from desktop.profiles.chain_dialog import ChainDialog
from desktop.retranslate import Texts, is_language_change
from desktop.services.background import Background

CHAIN_COLUMNS = ("name", "steps", "schedule", "next_due")


def record_table(parent: QWidget, name: str, columns: int, *, stretch: int) -> QTableWidget:
    """A read-only table of a few records (the profiles, the chains): one selected row at a time, every column as
    wide as its header and cells but ``stretch``, which takes the rest."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def steps_text(steps: tuple[str, ...], finally_profile: str | None, finally_word: str) -> str:
    """``fetch → scan, finally report``: the steps in their order, then the one that runs whatever happened."""
    text = " → ".join(steps)
    return f"{text}, {finally_word} {finally_profile}" if finally_profile else text


class ChainsPanel(QWidget):
    ran = Signal(object)
    failed = Signal(object)

    def __init__(self, *, tracker: Tracker, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainsPanel")
        self.tracker, self.background = tracker, background
        self.texts = Texts()
        self.chains: list[Any] = []  # core.workflows.profiles.ChainRecord
        self.dialog: ChainDialog | None = None  # the last New chain dialog

        self.title = QLabel(self)
        self.title.setObjectName("chainsTitle")
        self.texts(self.title.setText, lambda: "<b>" + self.tr("Chains") + "</b>")
        self.table = record_table(self, "chainsTable", len(CHAIN_COLUMNS), stretch=1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self)
        self.empty.setObjectName("chainsEmpty")
        self.empty.setWordWrap(True)
        self.texts(
            self.empty.setText,
            lambda: self.tr(
                "No chains yet: a chain runs saved profiles one after the other, on a schedule or by hand; "
                "make one with New chain…"
            ),
        )
        self.empty.hide()  # until the first read says there is none
        self.run_button = self.texts.button(self, "chainRun", lambda: self.tr("Run chain"), self.run_selected)
        self.new_button = self.texts.button(self, "chainNew", lambda: self.tr("New chain…"), self.new_chain)
        self.remove_button = self.texts.button(self, "chainRemove", lambda: self.tr("Remove…"), self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.new_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addLayout(row)
        self._headers()
        self._update_buttons()

    def _headers(self) -> None:
        titles = {
            "name": self.tr("Name"),
            "steps": self.tr("Steps"),
            "schedule": self.tr("Schedule"),
            "next_due": self.tr("Next run"),
        }
        self.table.setHorizontalHeaderLabels([titles[c] for c in CHAIN_COLUMNS])

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            self._headers()
            self._fill(self.chains)
        super().changeEvent(event)

    # -- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.background.run(
            self.tracker.workflows.chains, on_success=self._fill, on_failure=self.failed.emit, owner=self
        )

    def _fill(self, chains: list[Any]) -> None:
        chosen = self.selected()
        self.chains = list(chains)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.chains))
        for r, c in enumerate(self.chains):
            cells = (
                c.name,
                steps_text(c.steps, c.finally_profile, self.tr("finally")),
                c.schedule or "—",
                P.format_time(c.next_due) or "—",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.blockSignals(False)
        self.empty.setVisible(not self.chains)
        self.table.setVisible(bool(self.chains))
        rows = [r for r, c in enumerate(self.chains) if chosen is not None and c.name == chosen.name]
        if rows:
            self.table.selectRow(rows[0])
        self._update_buttons()

    def selected(self) -> Any | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.chains[min(rows)] if rows and min(rows) < len(self.chains) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.run_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- actions ------------------------------------------------------------------------------------
    def run_selected(self) -> None:
        chain = self.selected()
        if chain is None:
            return
        self.background.run(
            self.tracker.workflows.run_chain,
            chain.name,
            on_success=self.ran.emit,
            on_failure=self.failed.emit,
            owner=self,
        )

    def new_chain(self) -> None:
        """Ask for a new chain among the person's profiles (read in the background first)."""

        def ask(names: list[str]) -> None:
            dialog = ChainDialog(tracker=self.tracker, background=self.background, profiles=names, parent=self)
            dialog.saved.connect(lambda _record: self.refresh())
            dialog.open()
            self.dialog = dialog

        self.background.run(
            lambda: [p.name for p in self.tracker.workflows.profiles()],
            on_success=ask,
            on_failure=self.failed.emit,
            owner=self,
        )

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        chain = self.selected()
        if chain is None:
            return
        text = self.tr("Remove the chain %1? Its profiles and jobs stay.").replace("%1", chain.name)
        if not self.confirm(self.tr("Remove chain"), text):
            return
        self.background.run(
            self.tracker.workflows.remove_chain,
            chain.name,
            on_success=lambda _r: self.refresh(),
            on_failure=self.failed.emit,
            owner=self,
        )
