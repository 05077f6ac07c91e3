"""French everywhere, at once: switching the language retranslates open windows without a restart, and every
window and dialog rendered in French shows no English text of the window's own catalogue.

The texts that come from the core's catalogue (``tr_message``, ``tr_core``) are checked apart: they are
translated in ``resources/translations/core_fr.ts``; until that file exists the check is an expected failure.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from core.messages import Message
from desktop import i18n
from desktop.demo import DEMO, seed_demo
from tests.desktop.conftest import close_window, make_window

CORE_FR = i18n.TRANSLATIONS / "core_fr.ts"
# Proper names and values shown as they are in every language
ALLOWED = {"asyncops", "English", "Français", "tester", "default", "brand-assets", "CC-BY"}
ALLOWED |= {"File", "Files", "Files…"}  # French for queue(s), which are English words too
ALLOWED |= {"Destination", "Excel", "Shell"}  # the same word in both languages (core_fr.ts says so)
ALLOWED_RE = re.compile(
    r"^(?:[^A-Za-z]*|.*asyncops://job/\d+.*|/\S*|https?://\S+|[\w.-]+\.(?:csv|jpg)|HTTP \d{3} .*)$"  # HTTP: the server's words
    r"|^\[\".*\"\]$"  # a JSON array: a parameter's example (code, in no language)
)


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    """Switch languages in the test; English again afterwards."""

    def switch(lang: str) -> None:
        i18n.install(qapp, lang)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    yield switch
    switch("en")
    for t in i18n._installed:
        qapp.removeTranslator(t)
    i18n._installed.clear()
    QLocale.setDefault(QLocale("en"))


def test_switching_the_language_retranslates_at_once(qtbot: Any, db: Any, probe: Any, language: Any) -> None:
    win = make_window(qtbot)
    try:
        dlg = win.show_purge()
        qtbot.waitUntil(lambda: win.ctx.background.idle(), timeout=5000)
        header = win.model.headerData(3, Qt.Orientation.Horizontal)
        assert (win.action_new.text(), win.menuBar().actions()[0].text(), header) == (
            "&New operation…",
            "&File",
            "Status",
        )
        assert dlg.purge_now_button.text() == "Purge now"
        with qtbot.waitSignal(win.model.headerDataChanged):
            win.language_actions["fr"].trigger()  # View ▸ Language ▸ Français
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        qtbot.waitUntil(lambda: win.action_new.text() == "&Nouvelle opération…", timeout=5000)
        assert win.menuBar().actions()[0].text() == "&Fichier"
        assert win.model.headerData(3, Qt.Orientation.Horizontal) == "Statut"
        assert dlg.purge_now_button.text() == "Purger maintenant"
        assert dlg.windowTitle() == "Purge"
        assert win.language_actions["fr"].isChecked() and not win.language_actions["en"].isChecked()
        language("en")
        assert win.action_new.text() == "&New operation…" and dlg.purge_now_button.text() == "Purge now"
        dlg.reject()
    finally:
        close_window(win)


# -- every window in French ---------------------------------------------------------------------------
def _strip(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?=\w)", "", text)  # mnemonics
    return " ".join(text.split())


def visible_texts(top: QWidget) -> set[str]:
    """What a person can read in ``top``: labels, buttons, titles, placeholders, tooltips, combo items, tabs,
    menus and toolbar actions, table headers and cells."""
    out: set[str] = set()

    def add(text: str | None) -> None:
        if text:
            out.update(_strip(line) for line in text.splitlines() if _strip(line))

    add(top.windowTitle())
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not (w is top or w.isVisibleTo(top)):
            continue
        add(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w.tabText(i))
        elif isinstance(w, QAbstractSpinBox):
            add(getattr(w, "suffix", lambda: "")())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                cols = m.columnCount(QModelIndex())
            except TypeError:  # a list model: one column (its columnCount is private)
                cols = 1
            rows = m.rowCount(QModelIndex())
            for c in range(cols):
                add(str(m.headerData(c, Qt.Orientation.Horizontal) or ""))
            for r in range(min(rows, 60)):
                for c in range(max(1, cols)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = m.data(m.index(r, c), role)
                        if isinstance(value, str):
                            add(value)
    if isinstance(top, QMainWindow):
        menus = [a.menu() for a in top.menuBar().actions()]
        for a in top.menuBar().actions():
            add(a.text())
        while menus:
            menu = menus.pop()
            if menu is None:
                continue
            add(menu.title())
            for a in menu.actions():
                add(a.text())
                add(a.toolTip())
                if a.menu() is not None:
                    menus.append(a.menu())
        for tb_action in top.toolbar.actions():
            add(tb_action.text())
            add(tb_action.toolTip())
    return out


def same_in_french() -> set[str]:
    """Window texts whose finished French translation is the English word (Message, Notifications…)."""
    same = set()
    for message in ET.parse(i18n.TRANSLATIONS / "asyncops_fr.ts").getroot().iter("message"):
        tr = message.find("translation")
        if tr is not None and tr.text and tr.text == message.findtext("source"):
            same.add(_strip(tr.text))
    return same


CORE_ENGLISH: dict[str, set[str]] = {}  # what the core catalogue left in English (filled by the test below)


def render_everything(qtbot: Any, win: Any, ids: list[int]) -> list[QWidget]:
    """The main window with jobs of every status, the details of a job with a log, New operation for every
    operation, Queues, Thresholds and Purge: all open at once."""
    model = win.model
    for r in range(model.rowCount()):
        model.snapshot_or_fetch(r)
    qtbot.waitUntil(lambda: all(model.snapshot(r) is not None for r in range(model.rowCount())), timeout=10_000)
    win.table.selectRow(1)
    failed = model.cached(ids[7])
    from desktop.jobs.presentation import finished_message

    win.notifier.notify(finished_message(failed))
    win.show_inbox(True)
    details = win.open_job(ids[7])
    qtbot.waitUntil(lambda: details.log_model.rowCount() > 20 and details.snapshot is not None, timeout=10_000)
    tops: list[QWidget] = [win, details]
    for name in [op.name for op in win.ctx.tracker.operation_list()]:
        dlg = win.new_operation(name)
        tops.append(dlg)
    tops.append(dlg.ask_save_profile())  # Save as profile, over the last New operation
    for opener in (win.show_queues, win.show_thresholds, win.show_purge, win.show_profiles):
        tops.append(opener())
    from desktop.profiles.chain_dialog import ChainDialog

    tops.append(ChainDialog(tracker=win.ctx.tracker, background=win.ctx.background, profiles=["fetch"], parent=win))
    qtbot.waitUntil(lambda: win.ctx.background.idle(), timeout=10_000)
    qtbot.wait(400)  # the dialogs' checks land after their debounce
    qtbot.waitUntil(lambda: win.ctx.background.idle(), timeout=10_000)
    return tops


def test_every_window_in_french(qtbot: Any, db: Any, language: Any, monkeypatch: Any) -> None:
    """Everything open in English, then View ▸ Language ▸ Français: no English text of the window's own is left."""
    ids = seed_demo()
    core_out: dict[str, str] = {}  # French text -> English text, for every text the core catalogue rendered
    plain: set[str] = set()  # plain-text messages (log lines and outcomes of the demo): shown as written
    tr_message, tr_core = i18n.tr_message, i18n.tr_core

    def record_message(message: Message | None) -> str:
        text = tr_message(message)
        if message is not None and message.code is not None:
            core_out[text] = message.text
        elif text:
            plain.update(_strip(line) for line in text.splitlines())
        return text

    def record_core(text: str) -> str:
        out = tr_core(text)
        core_out[out] = text
        return out

    monkeypatch.setattr(i18n, "tr_message", record_message)
    monkeypatch.setattr(i18n, "tr_core", record_core)
    language("en")
    win = make_window(qtbot, start_engine=False)
    try:
        tops = render_everything(qtbot, win, ids)
        english = {id(t): visible_texts(t) for t in tops}
        core_out.clear()
        language("fr")  # at run time: every open window says it again (a text left over fails below)
        qtbot.waitUntil(lambda: win.ctx.background.idle(), timeout=10_000)
        french = {id(t): visible_texts(t) for t in tops}
        french_core = dict(core_out)
        # the labels people typed are data; the outcomes are messages, rendered in French like the rest
        data = {_strip(row[1]) for row in DEMO} | {_strip(row[9]) for row in DEMO if isinstance(row[9], str) and row[9]}
        allowed = ALLOWED | same_in_french() | data | {op.name for op in win.ctx.tracker.operation_list()}
        same_patterns = [
            re.compile(re.sub(r"%[0-9n]", ".*", re.escape(t).replace("%", "%"))) for t in same_in_french() if "%" in t
        ]
        core_texts = sorted((k for k in french_core if k), key=len, reverse=True)
        untranslated: dict[str, set[str]] = {}
        for top in tops:
            name = top.objectName() or type(top).__name__
            for text in french[id(top)] & english[id(top)]:
                if any(d and d in text for d in data | plain):
                    continue  # holds a job's label, outcome or log line (data)
                rest = text
                for core_text in core_texts:  # the core's part is checked below
                    rest = re.sub(re.escape(_strip(core_text)), " ", rest, flags=re.IGNORECASE)
                parts = [" ".join(p.split()).strip("()[]:—- ") for p in rest.split(" · ")]
                if all(
                    p in allowed
                    or any(pat.fullmatch(p) for pat in same_patterns)
                    or ALLOWED_RE.match(p)
                    or not re.search(r"[A-Za-z]{2,}", p)
                    for p in parts
                ):
                    continue
                if rest in allowed or ALLOWED_RE.match(rest) or not re.search(r"[A-Za-z]{2,}", rest):
                    continue
                untranslated.setdefault(name, set()).add(text)
        CORE_ENGLISH["texts"] = {
            fr
            for fr, en in french_core.items()
            if fr == en and re.search(r"[A-Za-z]{3,}", fr) and fr not in ALLOWED and not ALLOWED_RE.match(fr)
        }
        assert {k: sorted(v) for k, v in untranslated.items()} == {}
        for top in tops[2:]:
            top.close()
    finally:
        close_window(win)


def test_core_texts_in_french() -> None:
    """The core's messages and operation texts, rendered in the French window, are French."""
    assert "texts" in CORE_ENGLISH, "test_every_window_in_french did not run"
    assert sorted(CORE_ENGLISH["texts"]) == []


def test_a_missing_job_in_french(qtbot: Any, db: Any, probe: Any, language: Any) -> None:
    language("fr")
    win = make_window(qtbot)
    try:
        details = win.open_job(999)
        qtbot.waitUntil(lambda: not details.error.isHidden(), timeout=5000)
        assert details.error.text() == "Aucune tâche nº 999 visible pour vous."
        assert not details.undo_button.isEnabled() and details.undo_button.text() == "Défaire…"
        details.close()
    finally:
        close_window(win)
