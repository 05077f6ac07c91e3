"""The delay from ``submit`` in one process to the job's start on an idle local background engine.

    python bench/start_delay.py [--jobs 100]

It starts the background engine (``asyncops engine serve``, as ``submit`` would) on a SQLite file in a
temporary folder, listens to its event channel, and submits one no-op job at a time from this process, waiting
for each to finish (and the engine to be idle) before the next. Two ways, one after the other:

- ``poll`` (the baseline): the job is only written; the engine finds it by its database poll;
- ``channel``: the submitter also sends the wake over the engine's Unix socket, as the CLI does.

The delay is measured from just before the submit to the moment this process receives the job's ACTIVE event
over the channel (and, for reference, ``started_at - created_at`` as the database recorded them). The last
line is one JSON object: p50/p99 of each way in ms and the ratio of the p50s (and, with ``--cli N``, the
p50 of N whole ``asyncops submit`` commands, a new interpreter each). Goal: channel p50 < 20 ms,
p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.events import JobEvent
from core.service import ensure_engine, is_alive, lock_path, notify, subscribe
from core.status import JobStatus
from core.store import jobs
from core.store.db import Database


class Watch:
    """The moments this process learns that jobs started and ended, from the channel."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.started: dict[int, float] = {}
        self.ended: set[int] = set()

    def __call__(self, event: JobEvent) -> None:
        if event.job is None:
            return
        now = time.perf_counter()
        with self.cond:
            if event.job.status is JobStatus.ACTIVE:
                self.started.setdefault(event.job_id, now)
            elif event.job.status.is_terminal:
                self.ended.add(event.job_id)
            self.cond.notify_all()

    def wait_end(self, job_id: int, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: job_id in self.ended, timeout)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run(db: Database, socket: str, watch: Watch, n: int, wake: bool) -> tuple[list[float], list[float]]:
    seen, recorded = [], []
    idle = threading.Event()
    for _ in range(n):
        t0 = time.perf_counter()
        snap = jobs.submit(db, "command", {"argv": ["true"]})
        if wake:
            notify(socket, [snap])
        if not watch.wait_end(snap.id, 30):
            raise SystemExit(f"job {snap.id} did not finish within 30 s")
        seen.append((watch.started[snap.id] - t0) * 1000)
        done = jobs.get_many(db, [snap.id])[0]
        assert done.started_at is not None
        recorded.append((done.started_at - done.created_at).total_seconds() * 1000)
        idle.wait(0.03)  # let the engine's slot go back to waiting: the next job meets an idle engine
    return seen, recorded


def run_cli(db: Database, watch: Watch, n: int) -> list[float]:
    """The whole ``asyncops submit`` command in a new process (interpreter start and imports included)."""
    seen = []
    idle = threading.Event()
    for _ in range(n):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "core.cli", "submit", "command", "-p", 'argv=["true"]'],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        job_id = int(out.stdout)
        if not watch.wait_end(job_id, 30):
            raise SystemExit(f"job {job_id} did not finish within 30 s")
        seen.append((watch.started[job_id] - t0) * 1000)
        idle.wait(0.03)
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--cli", type=int, default=10, help="also time N whole `asyncops submit` commands")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="asyncops-bench-") as tmp:
        os.environ["ASYNCOPS_DATA_DIR"] = str(Path(tmp) / "data")
        url = f"sqlite:///{Path(tmp) / 'asyncops.db'}"
        os.environ["ASYNCOPS_DB"] = url
        db = Database(url)
        status = ensure_engine(url, autostart=True, wait=60)
        if not status.serving or not status.socket:
            raise SystemExit(f"no engine: {status}")
        watch = Watch()
        client = subscribe(status.socket, watch)
        try:
            if not client.connected.wait(30):
                raise SystemExit("cannot connect to the engine's channel")
            run(db, status.socket, watch, 5, wake=True)  # warm up (imports, first process spawn)
            poll_seen, poll_db = run(db, status.socket, watch, args.jobs, wake=False)
            chan_seen, chan_db = run(db, status.socket, watch, args.jobs, wake=True)
            cli_seen = run_cli(db, watch, args.cli) if args.cli else []
        finally:
            client.close()
            if status.pid:
                os.kill(status.pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while is_alive(lock_path(url)) and time.monotonic() < deadline:
                time.sleep(0.02)  # the OS releases the lock when the engine has left
            db.dispose()
    figures = {
        "jobs": args.jobs,
        "poll_p50_ms": round(statistics.median(poll_seen), 2),
        "poll_p99_ms": round(percentile(poll_seen, 0.99), 2),
        "channel_p50_ms": round(statistics.median(chan_seen), 2),
        "channel_p99_ms": round(percentile(chan_seen, 0.99), 2),
        "channel_db_p50_ms": round(statistics.median(chan_db), 2),
        "channel_db_p99_ms": round(percentile(chan_db, 0.99), 2),
        "poll_db_p50_ms": round(statistics.median(poll_db), 2),
    }
    if cli_seen:
        figures["cli_submit_p50_ms"] = round(statistics.median(cli_seen), 1)
    figures["ratio_p50_poll_over_channel"] = round(figures["poll_p50_ms"] / max(figures["channel_p50_ms"], 1e-3), 1)
    print(
        f"submit → start on an idle local engine, {args.jobs} jobs each way\n"
        f"  database poll only: p50 {figures['poll_p50_ms']} ms, p99 {figures['poll_p99_ms']} ms\n"
        f"  channel wake:       p50 {figures['channel_p50_ms']} ms, p99 {figures['channel_p99_ms']} ms "
        f"(as recorded: p50 {figures['channel_db_p50_ms']} ms, p99 {figures['channel_db_p99_ms']} ms)\n"
        f"  goal: p50 < 20 ms, p99 < 100 ms"
    )
    if cli_seen:
        print(f"  a whole `asyncops submit` command (new interpreter): p50 {figures['cli_submit_p50_ms']} ms")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
