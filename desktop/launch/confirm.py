"""Confirmation of destructive launches from New operation (delete, permanent delete, move that overwrites,
mass edit, metadata import and write-back): what will happen, with the plan's counts, and "Don't ask again" per
kind of launch (remembered in the window's preferences, ``desktop.prefs``).

``confirmation`` is the pure decision (tests call it); ``ask`` shows the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from core.api import Launch
from desktop import i18n, prefs
from desktop.jobs import presentation as P

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Confirmation:
    key: str  # what "Don't ask again" remembers (one per kind of launch)
    title: str
    text: str  # what will happen
    details: str  # the plan's counts
    irreversible: bool


def confirmation(launch: Launch) -> Confirmation | None:
    """The question to ask before this launch, or None when it destroys nothing."""
    op, params = launch.operation, launch.params
    n = len(params.get("paths") or [])
    if op == "delete" and params.get("permanent"):
        key, irreversible = "delete-permanent", True
        text = translate("Confirm", "Delete %n item(s) for good? They do not go to the trash.", None, n)
    elif op == "delete":
        key, irreversible = "delete", False
        text = translate("Confirm", "Move %n item(s) to the trash?", None, n)
    elif op == "move" and params.get("on_clash") == "overwrite":
        key, irreversible = "move-overwrite", False
        text = translate(
            "Confirm", "Move and overwrite the items of the same name at the destination (they go to the trash)?"
        )
    elif op == "mass-edit":
        key, irreversible = "mass-edit", False
        text = translate("Confirm", "Change every asset that matches “%1”?").replace("%1", str(params.get("filter")))
    elif op == "metadata-import":
        key, irreversible = "metadata-import", False
        text = translate("Confirm", "Apply the metadata of this file to the assets it names?")
    elif op == "metadata-writeback":
        key, irreversible = "metadata-writeback", False
        text = translate("Confirm", "Write the metadata into the files themselves?")
    else:
        return None
    counts = " · ".join(f"{i18n.tr_core(k)}: {P.format_count(v)}" for k, v in launch.plan.counts.items())
    details = translate("Confirm", "This run touches %1.").replace("%1", counts) if counts else ""
    if not irreversible:
        details = " ".join(x for x in (details, translate("Confirm", "Undo can reverse it once it has run.")) if x)
    return Confirmation(key, launch.label, text, details, irreversible)


def skipped(key: str) -> bool:
    return bool(prefs.value(f"confirm/skip/{key}", False, bool))


def ask(parent: QWidget, c: Confirmation) -> bool:
    """Show the question (unless the person said not to ask again for this kind of launch); True to go on."""
    if skipped(c.key):
        return True
    icon = QMessageBox.Icon.Warning if c.irreversible else QMessageBox.Icon.Question
    box = QMessageBox(icon, translate("Confirm", "Confirm: %1").replace("%1", c.title), c.text, parent=parent)
    box.setObjectName("confirmLaunch")
    box.setInformativeText(c.details)
    go = box.addButton(translate("Confirm", "Start"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel if c.irreversible else go)
    again = QCheckBox(translate("Confirm", "Don't ask again for this kind of operation"), box)
    again.setObjectName("dontAskAgain")
    box.setCheckBox(again)
    box.exec()
    ok = box.clickedButton() is go
    if ok and again.isChecked():
        prefs.set_value(f"confirm/skip/{c.key}", True)
    return ok
