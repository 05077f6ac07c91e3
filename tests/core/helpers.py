"""Test helpers: operations registered through the public registry, and waiting on the database."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

from core.operations import Operation, Param
from core.records import JobSnapshot
from core.store import jobs
from core.store.db import Database


class Probe(Operation):
    """Counts how many of its runs overlap; runs ``items`` steps, each waiting ``step`` seconds or a stop."""

    name = "test-probe"
    title = "Probe"
    params = (
        Param("items", "int", default=1, minimum=0),
        Param("step", "float", default=0.0, minimum=0),
        Param("fail", "bool", default=False),
        Param("warn", "int", default=0),
        Param("hold", "str", default=""),  # a file: the job waits for it to exist before its items (a gate)
    )
    resumable = False
    lock = threading.Lock()
    current = 0
    peak = 0
    runs: list[int] = []

    @classmethod
    def reset(cls) -> None:
        cls.current = cls.peak = 0
        cls.runs = []

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        cls = type(self)
        with cls.lock:
            cls.current += 1
            cls.peak = max(cls.peak, cls.current)
            cls.runs.append(ctx.job_id)
        try:
            ctx.set_total(params["items"])
            deadline = time.monotonic() + 60
            while params["hold"] and not os.path.exists(params["hold"]) and time.monotonic() < deadline:
                if ctx.wait(0.02):
                    break
            for _ in range(params["items"]):
                if ctx.should_stop:
                    break
                if params["step"] and ctx.wait(params["step"]):
                    break
                ctx.advance()
            for i in range(params["warn"]):
                ctx.warn(f"warning {i}", item=f"item-{i}")
            if params["fail"]:
                raise RuntimeError("probe asked to fail")
            return {"done": ctx.done}
        finally:
            with cls.lock:
                cls.current -= 1


def wait_for(predicate: Callable[[], Any], timeout: float = 30.0, interval: float = 0.02) -> Any:
    """Poll ``predicate`` (reading another thread's or process's work) until it is truthy.

    The timeout is a deadline for a broken build, not a measure: it is generous so that a loaded machine only
    makes the wait longer, never a failure."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
        time.sleep(interval)


def wait_status(db: Database, job_id: int, *statuses: str, timeout: float = 30.0) -> JobSnapshot:
    wanted = {str(s) for s in statuses}

    def check() -> JobSnapshot | None:
        snap = jobs.get_many(db, [job_id])[0]
        return snap if (str(snap.status) in wanted if wanted else snap.status.is_terminal) else None

    return wait_for(check, timeout)
