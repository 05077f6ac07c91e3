"""A QA probe: the window, handed a link to a job id no job can have, logged an OverflowError."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from desktop.services.handoff import hand_off
from desktop.services.single import InstanceServer


def test_a_handed_over_id_no_job_can_have_only_raises_the_window(qtbot: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "w.sock")
    server = InstanceServer(path)
    try:
        assert server.listen()
        for sent, opened in ((10**20, None), (12, 12)):
            answered: list[bool] = []
            with qtbot.waitSignal(server.requested, timeout=5000) as got:
                t = threading.Thread(
                    target=lambda job=sent, out=answered: out.append(hand_off(job, path=path, timeout=5.0))
                )
                t.start()
            t.join(10)
            assert got.args == [opened] and answered == [True]
    finally:
        server.close()
