"""What the configuration dialogs share: texts that follow the language, and errors shown under the field
they name (``exc.field``), else under the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import presentation as P
from desktop.launch.param_form import field_error
from desktop.retranslate import Texts

DEFAULT_QUEUE = "default"  # core.store.settings.DEFAULT_QUEUE (the door does not re-export it)
FIELD_PREFIXES = ("queue.", "purge.", "threshold.")


class ConfigDialog(QDialog):
    """A configuration dialog: its texts follow the language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = Texts()

    def retranslateUi(self) -> None:
        self.texts.apply()

    def _standard_texts(self, buttons: QDialogButtonBox) -> None:
        """Save and Cancel in the window's language (Qt's own catalogue may be missing)."""
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, lambda: self.tr("Save")),
            (QDialogButtonBox.StandardButton.Cancel, lambda: self.tr("Cancel")),
        ):
            button = buttons.button(which)
            if button is not None:
                self.texts(button.setText, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {P.PALETTES['red'].fg};")
    label.hide()
    return label


class FieldErrors:
    """Error labels under named fields; ``route`` maps a core message to the field it is about."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def add(self, form: QFormLayout, name: str, title: QLabel, widget: QWidget, parent: QWidget) -> None:
        cell = QWidget(parent)
        v = QVBoxLayout(cell)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        label = error_label(cell, name)
        v.addWidget(label)
        self.labels[name] = label
        form.addRow(title, cell)

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, name: str, message: str) -> None:
        label = self.labels.get(name) or self.labels["general"]
        label.setText(message)
        label.show()

    def show_error(self, exc: BaseException, prefix: str = "") -> None:
        """A core error under the field it names (``exc.field``), else under the form; in the window's language."""
        name = getattr(exc, "field", None) or ""
        for p in FIELD_PREFIXES:
            if name.startswith(p):
                name = name[len(p) :]
        key = f"{prefix}{name}" if name else "general"
        self.show(key if key in self.labels else "general", P.error_text(exc))

    def shown(self) -> dict[str, str]:
        return {n: lb.text() for n, lb in self.labels.items() if not lb.isHidden() and lb.text()}


class SaveDialog(ConfigDialog):
    """A small dialog that saves one named thing in the background (Save as profile, New chain): Save and Cancel,
    a refusal shown under the field it names (``self.errors``; ``general`` under the form), closed once saved.

    Signals:
        saved(object): what was saved (the record the door returned).
    """

    saved = Signal(object)

    def __init__(self, background: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.errors = FieldErrors()
        self.errors.labels["general"] = error_label(self, "general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._standard_texts(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def field(self, form: QFormLayout, name: str, title: Callable[[], str], widget: QWidget) -> None:
        """A row of ``form``: its title (in the window's language), the widget, and its error label under it."""
        label = QLabel(self)
        self.texts(label.setText, title)
        self.errors.add(form, name, label, widget, self)

    def save(self) -> None:
        raise NotImplementedError

    def run_save(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """``fn(*args, **kwargs)`` off the GUI thread; closed once it returns, its refusal shown if it raises."""
        self.buttons.setEnabled(False)
        self.background.run(fn, *args, on_success=self._saved, on_failure=self._failed, owner=self, **kwargs)

    def _saved(self, record: Any) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.refused(exc)

    def refused(self, exc: BaseException) -> None:
        name, text = field_error(exc)
        self.errors.show(name if name in self.errors.labels else "general", text)


# -- queues ----------------------------------------------------------------------------------------
