"""Workers sharing one PostgreSQL database: claims under the queue's cap, across processes.

    ASYNCOPS_TEST_SERVER=postgresql+psycopg://user:pw@127.0.0.1 python bench/team.py [--jobs 2000] [--workers 4]
        [--cap 4] [--step 0.002]

N short jobs (each sleeps ``step`` seconds) go to one queue of max_parallel ``cap``; then ``workers`` separate
`asyncops worker`-like processes run them, and the same jobs run again with one worker process as the baseline
measured in the same run. Checked: every job ran exactly once (attempt 1, SUCCEEDED), the queue never had more
than ``cap`` jobs running (from the jobs' own start and end times, and from a sampler polling the database),
and none is left ACTIVE. Printed: jobs per second, the ratio against one worker, and each worker's share. The
last line is one JSON object. A database of its own is created on the server and dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from core.operations import Operation, Param, registry  # noqa: E402


class Short(Operation):
    name = "bench-short"
    title = "Short job"
    params = (Param("step", "float", default=0.0, minimum=0),)

    def run(self, ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        if params["step"]:
            time.sleep(params["step"])
        return {}


def worker_main(url: str) -> None:
    """One worker process: runs the queue until nothing is QUEUED or running."""
    from core.engine import Engine
    from core.store.db import Database

    registry.register(Short, replace=True)
    db = Database(url)
    engine = Engine(db, kind="worker", tick=0.05, idle_poll=0.05, purge=False).start()
    print("ready", flush=True)
    try:
        with db.engine.connect() as conn:
            while True:
                time.sleep(0.05)
                left = conn.execute(
                    text("SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'ACTIVE', 'STOPPING')")
                ).scalar()
                conn.rollback()
                if not left:
                    break
    finally:
        engine.shutdown(grace=10)
        db.dispose()


def _server_db(server: str) -> tuple[str, Any, str]:
    name = f"asyncops_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(server).set(database=name).render_as_string(hide_password=False), admin, name


def run_once(url: str, n: int, workers: int, cap: int, step: float) -> dict[str, Any]:
    from core.store import jobs, settings
    from core.store.db import Database
    from core.store.settings import QueueConfig

    db = Database(url)
    registry.register(Short, replace=True)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM jobs"))
        conn.execute(text("DELETE FROM engines"))
    settings.save_queue(db, QueueConfig("default", max_parallel=cap, paused=True))
    jobs.submit_many(db, "bench-short", [{"step": step}] * n)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from bench.team import worker_main; worker_main({url!r})"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(workers)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    peak = 0
    stop = threading.Event()

    def sample() -> None:  # what another client sees: running jobs of the queue
        nonlocal peak
        with db.engine.connect() as conn:
            while not stop.is_set():
                running = conn.execute(
                    text("SELECT count(*) FROM jobs WHERE queue = 'default' AND status IN ('ACTIVE', 'STOPPING')")
                ).scalar()
                conn.rollback()
                peak = max(peak, int(running or 0))
                time.sleep(0.002)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    settings.set_paused(db, "default", False)
    for p in procs:
        p.wait(timeout=600)
    elapsed = time.perf_counter() - t0
    stop.set()
    sampler.join()
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, status, attempt, worker, started_at, finished_at FROM jobs")).all()
    db.dispose()
    statuses = Counter(r.status for r in rows)
    events = sorted([(r.started_at, 1) for r in rows] + [(r.finished_at, -1) for r in rows], key=lambda e: (e[0], e[1]))
    overlap = cur = 0
    for _, d in events:  # an end at the same instant as a start is counted first
        cur += d
        overlap = max(overlap, cur)
    shares = Counter(r.worker.rsplit(":", 2)[1] if r.worker else "?" for r in rows)
    return {
        "jobs": len(rows),
        "succeeded": statuses.get("SUCCEEDED", 0),
        "exactly_once": all(r.attempt == 1 for r in rows) and statuses.get("SUCCEEDED", 0) == n,
        "left_active": statuses.get("ACTIVE", 0) + statuses.get("STOPPING", 0),
        "peak_running_sampled": peak,
        "peak_running_from_times": overlap,
        "cap": cap,
        "seconds": round(elapsed, 3),
        "jobs_per_s": round(n / elapsed, 1),
        "share_per_worker": sorted((round(v / max(1, len(rows)), 3) for v in shares.values()), reverse=True),
        "exit_codes": [p.returncode for p in procs],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--cap", type=int, default=4)
    ap.add_argument("--step", type=float, default=0.002, help="seconds each job sleeps")
    args = ap.parse_args()
    server = os.environ.get("ASYNCOPS_BENCH_SERVER") or os.environ.get("ASYNCOPS_TEST_SERVER")
    if not server:
        print(
            "set ASYNCOPS_TEST_SERVER=postgresql+psycopg://user:password@127.0.0.1 (a PostgreSQL server)",
            file=sys.stderr,
        )
        return 2
    url, admin, name = _server_db(server.rstrip("/"))
    try:
        many = run_once(url, args.jobs, args.workers, args.cap, args.step)
        one = run_once(url, args.jobs, 1, args.cap, args.step)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    ok = all(
        r["exactly_once"]
        and r["left_active"] == 0
        and r["peak_running_from_times"] <= r["cap"]
        and r["peak_running_sampled"] <= r["cap"]
        for r in (many, one)
    )
    print(f"{args.workers} workers: {json.dumps(many)}")
    print(f"1 worker (baseline): {json.dumps(one)}")
    print(
        json.dumps(
            {
                "workers": args.workers,
                "jobs": args.jobs,
                "cap": args.cap,
                "jobs_per_s": many["jobs_per_s"],
                "baseline_jobs_per_s": one["jobs_per_s"],
                "ratio": round(many["jobs_per_s"] / one["jobs_per_s"], 2),
                "peak_running": max(many["peak_running_from_times"], many["peak_running_sampled"]),
                "share_per_worker": many["share_per_worker"],
                "ok": ok,
            }
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
