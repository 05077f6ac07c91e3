"""Texts that follow the language: set once now, and again whenever the person picks another language.

A widget keeps a :class:`Texts` and binds each text to its setter::

    self.texts = Texts()
    self.texts(button.setText, lambda: self.tr("Save"))

and its ``changeEvent`` calls ``retranslateUi()``, which calls ``self.texts.apply()`` (Qt sends every widget a
``LanguageChange`` event when ``i18n.install`` swaps the catalogues).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QWidget


class Texts:
    def __init__(self) -> None:
        self._items: list[tuple[Callable[[str], Any], Callable[[], str]]] = []

    def __call__(self, setter: Callable[[str], Any], text: Callable[[], str]) -> None:
        setter(text())
        self._items.append((setter, text))

    def button(self, parent: QWidget, name: str, text: Callable[[], str], slot: Callable[[], Any]) -> QPushButton:
        """A push button named ``name`` whose text follows the language, calling ``slot`` when clicked."""
        button = QPushButton(parent)
        button.setObjectName(name)
        self(button.setText, text)
        button.clicked.connect(slot)
        return button

    def apply(self) -> None:
        for setter, text in self._items:
            try:
                setter(text())
            except RuntimeError:  # the widget was deleted meanwhile
                pass


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange
