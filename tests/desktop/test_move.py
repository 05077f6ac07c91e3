"""Move to top / up / down on queued jobs of one queue: the order engines take them in changes, as asked."""

from __future__ import annotations

from typing import Any

from core.status import JobStatus
from desktop.jobs import presentation as P
from tests.desktop.test_main_window import select_ids, wait_cached


def order(win: Any) -> list[int]:
    """The queued jobs in the order engines claim them: priority, then age."""
    snaps = [s for s in win.ctx.tracker.jobs() if s.status is JobStatus.QUEUED]
    return [s.id for s in sorted(snaps, key=lambda s: (-s.priority, s.id))]


def test_move_actions_reorder_the_queue(qtbot: Any, window: Any) -> None:
    t = window.ctx.tracker
    a, b, c, d = (t.submit("command", {"cmd": "true"}).id for _ in range(4))
    for i in (a, b, c, d):
        wait_cached(qtbot, window, i)
    select_ids(window, [c, d])
    assert P.context_menu(window.selected_snapshots())[-7:-4] == list(P.MOVES)
    assert window.action_move_top.isEnabled()
    window.action_move_top.trigger()  # both, keeping their own order
    qtbot.waitUntil(lambda: order(window) == [c, d, a, b], timeout=10_000)
    select_ids(window, [a])
    window.action_move_up.trigger()
    qtbot.waitUntil(lambda: order(window) == [c, a, d, b], timeout=10_000)
    window.action_move_down.trigger()
    qtbot.waitUntil(lambda: order(window) == [c, d, a, b], timeout=10_000)


def test_moves_are_for_queued_jobs_of_one_queue(qtbot: Any, window: Any) -> None:
    t = window.ctx.tracker
    default = t.submit("command", {"cmd": "true"})
    stopped = t.stop(t.submit("command", {"cmd": "true"}).id)
    states = P.move_states([default, stopped])
    assert not states["move_top"].enabled and "Only queued jobs" in states["move_top"].tooltip
    elsewhere = default.replace(id=default.id + 100, queue="elsewhere")  # a queued job of another queue
    assert "one queue" in P.move_states([default, elsewhere])["move_up"].tooltip
    assert P.move_states([])["move_down"].enabled is False
    assert "stop" in P.context_menu([stopped]) and "move_up" not in P.context_menu([stopped])
    assert P.move_order([default, stopped], "top")[0] == stopped.id  # the last one first, so the first ends on top
