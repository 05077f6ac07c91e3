"""View decisions as pure functions: badges, progress text, action states, context menu, messages."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.jobs import presentation as P
from tests.desktop.util import NOW, snap


@pytest.mark.parametrize(
    ("status", "kw", "colour", "words"),
    [
        ("SUCCEEDED", {}, "green", ["Succeeded"]),
        ("SUCCEEDED", {"warnings": 3}, "yellow", ["Succeeded", "3 warning"]),
        ("FAILED", {"errors": 2}, "red", ["Failed", "2 error"]),
        ("INTERRUPTED", {"errors": 1}, "red", ["Interrupted", "1 error"]),
        ("ACTIVE", {"progress_done": 45, "progress_total": 100}, "blue", ["Active", "45%"]),
        ("STOPPING", {}, "blue", ["Stopping"]),
        ("QUEUED", {}, "grey", ["Queued"]),
        ("SCHEDULED", {}, "grey", ["Scheduled"]),
        ("STOPPED", {}, "grey", ["Stopped"]),
    ],
)
def test_badge_colour_and_text_per_status(status: str, kw: dict, colour: str, words: list[str]) -> None:
    b = P.badge(snap(status, **kw))
    assert b.colour == colour
    for w in words:
        assert w in b.text  # the text says it too: never colour alone
    assert b.fg == P.PALETTES[colour].fg and b.bg == P.PALETTES[colour].bg


def test_progress_text_has_percent_rate_and_time_left() -> None:
    s = snap("ACTIVE", progress_done=50, progress_total=200, started_at=NOW - dt.timedelta(seconds=10))
    text = P.progress_text(s, now=NOW)
    assert "25%" in text and "5.0/s" in text and "30 s" in text


def test_progress_text_finished_and_unknown_total() -> None:
    assert P.progress_text(snap("SUCCEEDED", progress_done=1200, progress_total=1200)) == "1\u202f200 / 1\u202f200"
    assert "starting" in P.progress_text(snap("ACTIVE", started_at=NOW), now=NOW)


def test_format_duration() -> None:
    assert P.format_duration(dt.timedelta(seconds=5)) == "5 s"
    assert P.format_duration(dt.timedelta(seconds=125)) == "2 min 05 s"
    assert P.format_duration(dt.timedelta(hours=3, minutes=4)) == "3 h 04 min"


def test_action_states_nothing_selected() -> None:
    st = P.action_states([])
    assert st["new"].enabled and st["open_link"].enabled and st["export"].enabled
    for name in ("stop", "open", "remove", "retry"):
        assert not st[name].enabled and st[name].tooltip


@pytest.mark.parametrize("status", ["ACTIVE", "STOPPING", "QUEUED"])
def test_remove_disabled_for_active_and_queued_with_reason(status: str) -> None:
    st = P.action_states([snap(status, id=7)])
    assert not st["remove"].enabled
    assert "#7" in st["remove"].tooltip and "stop it first" in st["remove"].tooltip


def test_action_states_finished_job() -> None:
    st = P.action_states([snap("FAILED", errors=1)])
    assert st["remove"].enabled and st["retry"].enabled and st["open"].enabled
    assert not st["stop"].enabled
    assert "listed" in st["export"].tooltip  # the toolbar's CSV is the list shown, whatever is selected


def test_action_states_several_jobs() -> None:
    sel = [snap("ACTIVE", id=1), snap("SUCCEEDED", id=2)]
    st = P.action_states(sel)
    assert st["stop"].enabled  # at least one can be stopped
    assert not st["remove"].enabled and "#1" in st["remove"].tooltip
    assert not st["open"].enabled  # details are for one job
    assert not st["retry"].enabled
    two_done = P.action_states([snap("SUCCEEDED", id=1), snap("STOPPED", id=2)])
    assert two_done["remove"].enabled and two_done["retry"].enabled and not two_done["stop"].enabled


def test_scheduled_job_can_be_stopped_and_removed() -> None:
    st = P.action_states([snap("SCHEDULED")])
    assert st["stop"].enabled and st["remove"].enabled


def test_context_menu_lists_actions() -> None:
    assert P.context_menu([])[0] == "new"
    menu = P.context_menu([snap()])
    assert menu[0] == "open" and {"stop", "retry", "remove", "export"} <= set(menu)


def test_finished_message_says_how_with_counts() -> None:
    m = P.finished_message(snap("SUCCEEDED", id=9, warnings=2, progress_done=10, progress_total=10))
    assert m.job_id == 9 and m.level == "warning"
    assert "#9" in m.title and "Succeeded" in m.text and "2 warning" in m.text and "10" in m.text
    m = P.finished_message(snap("FAILED", errors=3, message="exit code 2"))
    assert m.level == "error" and "3 error" in m.text and "exit code 2" in m.text


def test_tray_tooltip() -> None:
    assert "no job" in P.tray_tooltip(0, 0)
    assert "2 job" in P.tray_tooltip(2, 1)
