"""Regression guard: PySide6 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit and the
interpreter aborts after a few thousand emits; asyncops pins PySide6 < 6.12 (pyproject.toml)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    flag = Signal(bool)
    pair = Signal(object, bool)


def test_emit_does_not_leak_references_to_true(qtbot: Any) -> None:
    emitter = Emitter()
    received: list[bool] = []
    emitter.flag.connect(received.append)
    emitter.pair.connect(lambda _obj, value: None)
    before = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.flag.emit(True)
        emitter.pair.emit(None, True)
    assert len(received) == 10_000
    received.clear()  # the slot kept 10,000 references of its own: drop them before counting
    after = sys.getrefcount(True)
    assert after >= before, f"refcount of True fell from {before} to {after}: a PySide6 emit leaks references"
