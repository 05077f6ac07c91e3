"""While the database cannot be read, the window says "Offline" in its status bar (with why on hover), keeps
trying, and recovers by itself once it can read again."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import Unreachable


def test_offline_is_shown_then_goes_by_itself(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    label = window.offline_label
    assert label.isHidden()
    real = window.ctx.tracker.changes_since
    down = {"on": True}

    def changes_since(*args: Any, **kwargs: Any) -> Any:
        if down["on"]:
            raise Unreachable("cannot reach the database postgresql://server/asyncops: connection refused")
        return real(*args, **kwargs)

    monkeypatch.setattr(window.ctx.tracker, "changes_since", changes_since)
    qtbot.waitUntil(lambda: not label.isHidden(), timeout=10_000)
    assert label.text().startswith("Offline") and "connection refused" in label.toolTip()
    down["on"] = False  # the server is back: the next poll reads
    qtbot.waitUntil(label.isHidden, timeout=10_000)
    assert window.ctx.cache.error is None


def test_pause_and_resume_all_queues_from_the_tray_menu(qtbot: Any, window: Any) -> None:
    t = window.ctx.tracker
    window.action_pause_all.trigger()
    qtbot.waitUntil(lambda: all(q.paused for q in t.queues()), timeout=10_000)
    window.action_resume_all.trigger()
    qtbot.waitUntil(lambda: not any(q.paused for q in t.queues()), timeout=10_000)
