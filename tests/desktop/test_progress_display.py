"""A job that reports no progress looks alive (elapsed time and a busy block, not "starting…" and a still
bar); in its details a finished job's bar takes the status colour, and a job without items has no Items line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from core.operations import Operation, registry
from desktop.jobs import presentation as P
from desktop.jobs.delegate import busy_block
from desktop.jobs.model import COL
from tests.desktop.test_main_window import wait_cached
from tests.desktop.util import NOW, snap


class Silent(Operation):
    """Runs until stopped and reports nothing (a command, a remote call)."""

    name = "test-silent"
    title = "Silent"
    params = ()

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        while not ctx.wait(0.05):
            pass
        return {}


@pytest.fixture
def silent() -> Iterator[None]:
    registry.register(Silent)
    yield
    registry.unregister(Silent.name)


def test_a_job_without_progress_says_how_long_it_has_run() -> None:
    s = snap("ACTIVE", started_at=NOW - dt.timedelta(seconds=65), progress_done=0, progress_total=None)
    assert P.progress_text(s, now=NOW) == "1 min 05 s elapsed"
    assert "starting" in P.progress_text(snap("ACTIVE", started_at=NOW), now=NOW)  # only in its first second


def test_the_busy_block_moves_with_the_clock_and_stays_in_the_bar() -> None:
    positions = {busy_block(100, t)[0] for t in range(6)}
    assert len(positions) >= 4
    for t in (0, 1.5, 3, 4.5, 5.9, 600):
        left, width = busy_block(100, t)
        assert left >= 0 and left + width <= 100


def test_silent_job_in_table_and_details(qtbot: Any, silent: None, probe: Any, engine_proc: Any, window: Any) -> None:
    job = engine_proc.submit("test-silent", {}, owner="tester")
    wait_cached(qtbot, window, job.id, lambda s: s.status.is_running)

    def cell() -> str:
        row = window.proxy.row_of(job.id)
        return str(window.proxy.index(row, COL["progress"]).data())

    qtbot.waitUntil(lambda: "elapsed" in cell(), timeout=5000)  # the ticker moves it every second
    details = window.open_job(job.id)
    qtbot.waitUntil(lambda: details.snapshot is not None, timeout=5000)
    assert details.progress.maximum() == 0  # Qt's busy indicator
    assert not details.fields["progress"].isVisible() and not details.field_titles["progress"].isVisible()
    details.close()
    window.job_actions.stop([job.id])
    wait_cached(qtbot, window, job.id, lambda s: s.status.is_terminal)

    failed = engine_proc.submit("test-probe", {"items": 3, "fail": True}, owner="tester")
    wait_cached(qtbot, window, failed.id, lambda s: s.status.is_terminal)
    details = window.open_job(failed.id)
    qtbot.waitUntil(lambda: details.snapshot is not None and details.snapshot.status.is_terminal, timeout=5000)
    bar = details.progress.palette().color(details.progress.palette().ColorRole.Highlight).name()
    assert bar == P.PALETTES["red"].bar != P.PALETTES["blue"].bar
    assert details.fields["progress"].isVisible() and details.fields["progress"].text() == "3 / 3"
    details.close()


def test_progress_text_shortens_to_what_fits() -> None:
    s = snap("ACTIVE", progress_done=43, progress_total=100, started_at=NOW - dt.timedelta(minutes=6))
    options = P.progress_texts(s, now=NOW)
    assert options[0] == "43% · 0.1/s · 7 min 57 s left"
    assert "43% · 8 min left" in options and options[-1] == "43%"
    assert [len(o) for o in options] == sorted((len(o) for o in options), reverse=True)
