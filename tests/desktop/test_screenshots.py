"""``python -m desktop.screenshots OUTDIR`` renders every window and dialog to PNG, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshots_render(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ASYNCOPS_NO_AUTOSTART", None)  # the tool itself must keep any engine from running the demo's jobs
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "desktop.screenshots", str(tmp_path / "shots"), "--size", "1280x720"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert _engines_left_since(started) == []
    names = {p.name for p in (tmp_path / "shots").glob("*.png")}
    assert {
        "main-window.png",
        "job-details.png",
        "new-operation.png",
        "dialog-queues.png",
        "dialog-thresholds.png",
        "dialog-purge.png",
        "empty-state.png",
    } <= names
    image = QImage(str(tmp_path / "shots" / "main-window.png"))
    assert image.width() >= 1200 and image.height() >= 600
    small = QImage(str(tmp_path / "shots" / "main-window-1280x720.png"))
    assert (small.width(), small.height()) == (1280, 720)
    assert "plugin does not support" not in out.stderr  # the offscreen platform's noise is not printed


def _engines_left_since(started: float) -> list[int]:
    """Background engines of a screenshot demo started since ``started`` (ended here if any: the test says so)."""
    import psutil

    left = []
    for proc in psutil.process_iter(["pid", "cmdline", "create_time"]):
        try:
            cmd = " ".join(proc.info["cmdline"] or [])
            recent = "engine serve" in cmd and proc.info["create_time"] >= started - 1
            if recent and "asyncops-shots-" in proc.environ().get("ASYNCOPS_DB", ""):
                left.append(proc.pid)
                proc.kill()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return left
