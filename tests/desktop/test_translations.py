"""English and French ship as Qt Linguist sources with compiled catalogues; the language follows the
preference, else the system locale."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop import i18n, prefs
from desktop.jobs import presentation as P
from tests.desktop.util import snap


@pytest.fixture
def restore_language(qapp: Any) -> Iterator[None]:
    yield
    for t in i18n._installed:
        qapp.removeTranslator(t)
    i18n._installed.clear()
    QLocale.setDefault(QLocale("en"))


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_catalogues_are_complete(lang: str) -> None:
    ts = i18n.TRANSLATIONS / f"asyncops_{lang}.ts"
    assert ts.exists() and (i18n.TRANSLATIONS / f"asyncops_{lang}.qm").exists()
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if (m.find("translation").get("type") == "unfinished" and (lang == "fr" or m.get("numerus") == "yes"))
    ]
    assert unfinished == []


def test_french(qapp: Any, restore_language: None) -> None:
    assert i18n.install(qapp, "fr") == "fr"
    assert P.badge(snap("SUCCEEDED", warnings=3)).text == "Réussie · 3 avertissements"
    assert P.badge(snap("FAILED", errors=1)).text == "Échouée · 1 erreur"
    assert QCoreApplication.translate("WindowMenus", "&New operation…") == "&Nouvelle opération…"
    assert "stop" not in P.action_states([snap("ACTIVE", id=4)])["remove"].tooltip
    assert "nº 4" in P.action_states([snap("ACTIVE", id=4)])["remove"].tooltip


def test_english_plurals(qapp: Any, restore_language: None) -> None:
    assert i18n.install(qapp, "en") == "en"
    assert P.badge(snap("SUCCEEDED", warnings=1)).text == "Succeeded · 1 warning"
    assert P.badge(snap("SUCCEEDED", warnings=3)).text == "Succeeded · 3 warnings"


def test_language_preference(qapp: Any, restore_language: None) -> None:
    prefs.set_language("fr")
    assert i18n.choose_language() == "fr"
    prefs.set_language("")
    assert i18n.choose_language() in i18n.SUPPORTED  # the system's, or English


def test_window_in_french(qtbot: Any, qapp: Any, db: Any, probe: Any, restore_language: None) -> None:
    from tests.desktop.conftest import close_window, make_window

    i18n.install(qapp, "fr")
    win = make_window(qtbot)
    try:
        assert win.action_new.text() == "&Nouvelle opération…"
        assert win.empty_title.text() == "Aucune opération pour l’instant"
        assert win.model.headerData(3, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Statut"
    finally:
        close_window(win)
