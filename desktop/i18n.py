"""Languages: English and French, from Qt Linguist files in resources/translations.

The ``.ts`` sources are edited with Qt Linguist; ``.qm`` files are compiled by ``pyside6-lrelease`` (it ships
in PySide6-Essentials) and committed, so running from a checkout needs no build step. If a ``.qm`` is missing
or older than its ``.ts`` and ``lrelease`` is available, it is compiled on first use into the data folder.

The language is the system locale's unless the preference ``language`` (View ▸ Language) says otherwise.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.messages import Message
from core.store.db import data_dir
from desktop import prefs

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
SUPPORTED = ("en", "fr")
_installed: list[QTranslator] = []


def choose_language(preference: str | None = None) -> str:
    pref = prefs.language() if preference is None else preference
    if pref in SUPPORTED:
        return pref
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def qm_path(lang: str, catalogue: str = "asyncops") -> Path | None:
    """The compiled catalogue of ``lang``: the shipped one, or one compiled now from the ``.ts`` source.
    ``asyncops`` holds the window's own texts, ``core`` those of the core (messages and operations)."""
    ts = TRANSLATIONS / f"{catalogue}_{lang}.ts"
    qm = TRANSLATIONS / f"{catalogue}_{lang}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if ts.exists():
        compiled = _compile(ts)
        if compiled is not None:
            return compiled
    return qm if qm.exists() else None


def _compile(ts: Path) -> Path | None:
    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        venv_tool = Path(__import__("sys").executable).with_name("pyside6-lrelease")
        tool = str(venv_tool) if venv_tool.exists() else None
    if tool is None:
        return None
    out = data_dir() / "translations" / ts.with_suffix(".qm").name
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([tool, str(ts), "-qm", str(out)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    return out


_language = ["en"]


def current_language() -> str:
    return _language[0]


def tr_message(message: Message | None) -> str:
    """A core message (code + arguments) in the window's language. The translations of the core's message
    templates live in the ``core_*.ts`` catalogues under the context ``messages``, one entry per code."""
    if message is None:
        return ""
    return message.render(
        lambda code, english: QCoreApplication.translate("messages", english, code), current_language()
    )


def tr_core(text: str) -> str:
    """A text the core declares in English for people (operation titles, descriptions, parameter labels,
    help, placeholders and choices; queue kinds; counted items), in the window's language."""
    return QCoreApplication.translate("operations", text) if text else text


def install(app: QCoreApplication, preference: str | None = None) -> str:
    """Load asyncops's and Qt's own catalogues for the chosen language (at start, and again whenever the
    person picks another one: Qt then sends every widget a LanguageChange event); returns the language code."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = choose_language(preference)
    _language[0] = lang
    for catalogue in ("asyncops", "core"):
        path = qm_path(lang, catalogue)
        if path is None:
            continue
        t = QTranslator(app)
        if t.load(str(path)):
            app.installTranslator(t)
            _installed.append(t)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    return lang
