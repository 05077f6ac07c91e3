"""Workers sharing one PostgreSQL database: throughput, spread, idle cost, wake-up latency, kill -9 and restarts.

    ASYNCOPS_TEST_SERVER=postgresql+psycopg://user:pw@127.0.0.1:5432 python bench/team.py [--jobs 20000]
        [--workers 4] [--cap 16] [--step 0] [--idle-seconds 40] [--restart-cmd "pg_ctl -D … -m fast restart"]

1. throughput: N short jobs (each sleeps ``step`` seconds) in one queue of max_parallel ``cap``, run by ``workers``
   separate worker processes, then by one worker process as the baseline measured in the same run. Checked: every
   job ran exactly once (attempt 1, SUCCEEDED), the queue never had more than ``cap`` jobs running (from the jobs'
   own start and end times, and from a sampler polling the database), none is left ACTIVE. Printed: jobs per
   second (from the queue's unpausing until every worker saw it drained and shut its engine down), the ratio
   against one worker, each worker's share.
2. idle: one idle worker's cost in transactions per second, from the server's own counters (pg_stat_database)
   over ``idle-seconds``; and how soon a job submitted by another process starts on it (p50, p99).
3. kill -9: a worker running a long job is killed; seconds until another worker has recovered the job.
4. restart under load (only with ``--restart-cmd``, a command that restarts the server): jobs recorded FAILED
   whose operation succeeded, jobs lost or run twice (all must be 0).

The last line is one JSON object. A database of its own is created on the server and dropped at the end.
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
    """One worker process: runs the queue until nothing is QUEUED or running (riding out server restarts)."""
    from core.engine import Engine
    from core.store.db import Database

    registry.register(Short, replace=True)
    db = Database(url)
    # the settings of `asyncops worker` (core.service.serve): its housekeeping every 0.1 s
    engine = Engine(db, kind="worker", tick=0.1, purge=False).start()
    print("ready", flush=True)
    try:
        _wait_drained(url)
    finally:
        engine.shutdown(grace=10)
        db.dispose()
    print("done", flush=True)  # the engine has shut down: what follows is the interpreter's own teardown


def _wait_drained(url: str) -> None:
    """Return once no job is QUEUED or running: the harness's own question, asked every 50 ms on one connection
    of its own without a transaction (not through the worker's pool: a check-out, a ping and a transaction each
    time cost the measured process and the server more than the question), riding out server restarts."""
    import psycopg

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    conn: psycopg.Connection[Any] | None = None
    try:
        while True:
            time.sleep(0.05)
            try:
                if conn is None or conn.closed:
                    conn = psycopg.connect(conninfo, autocommit=True)
                row = conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM jobs WHERE status IN ('QUEUED', 'ACTIVE', 'STOPPING', 'PAUSED'))",
                    prepare=True,
                ).fetchone()
            except psycopg.Error:
                if conn is not None:
                    conn.close()
                conn = None
                continue  # the server restarts: ask again
            if row is not None and not row[0]:
                return
    finally:
        if conn is not None:
            conn.close()


def idle_main(url: str) -> None:
    """One worker process that serves the queue until SIGTERM (for the idle, latency and kill -9 runs)."""
    import signal

    from core.engine import Engine
    from core.store.db import Database

    registry.register(Short, replace=True)
    db = Database(url)
    engine = Engine(db, kind="worker", purge=False).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    engine.shutdown(grace=5)
    db.dispose()


def _spawn(url: str, main: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from bench.team import {main}; {main}({url!r})"
    p = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    return p


def _done(p: subprocess.Popen[str]) -> None:
    """Wait until worker process ``p`` says its engine has shut down (or it ended without saying so). The time
    measured ends there: the seconds Python then takes to tear the interpreter down (a final garbage collection of
    every object, up to 2 s on a loaded machine) are not the engine's."""
    assert p.stdout is not None
    while (line := p.stdout.readline()) and line.strip() != "done":
        pass


def _reset(db: Any, cap: int, paused: bool = False) -> None:
    from core.store import settings
    from core.store.settings import QueueConfig

    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM jobs"))
        conn.execute(text("DELETE FROM engines"))
    settings.save_queue(db, QueueConfig("default", max_parallel=cap, paused=paused))


def _wait(predicate: Any, timeout: float, interval: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise RuntimeError(f"timed out after {timeout}s")


def _xacts(db: Any) -> int:
    with db.engine.connect() as conn:
        conn.execute(text("SELECT pg_stat_clear_snapshot()"))
        n = conn.execute(
            text("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")
        ).scalar()
        conn.rollback()
    return int(n or 0)


def idle_and_latency(url: str, seconds: float, wakes: int) -> dict[str, Any]:
    """An idle worker's transactions per second, then how soon a job submitted elsewhere starts on it."""
    from core.store import jobs
    from core.store.db import Database

    db = Database(url)
    _reset(db, 4)
    w = _spawn(url, "idle_main")
    try:
        time.sleep(12)  # past its start-up, and past the server's 10 s at most before idle sessions report stats
        before, t0 = _xacts(db), time.monotonic()
        time.sleep(seconds)
        after, elapsed = _xacts(db), time.monotonic() - t0
        idle_tx = max(0, after - before - 1) / elapsed  # less this measure's own transaction
        delays = []
        for _ in range(wakes):
            snap = jobs.submit(db, "bench-short", {"step": 0.0})
            done = _wait(lambda s=snap: (j := jobs.get(db, s.id)).started_at and j, 30, 0.005)
            delays.append((done.started_at - snap.created_at).total_seconds() * 1000)
            time.sleep(0.2)
    finally:
        w.terminate()
        w.wait(30)
        db.dispose()
    delays.sort()
    return {
        "idle_tx_per_s": round(idle_tx, 2),
        "idle_window_s": round(elapsed, 1),
        "wake_p50_ms": round(delays[len(delays) // 2], 1),
        "wake_p99_ms": round(delays[min(len(delays) - 1, int(len(delays) * 0.99))], 1),
    }


def kill9(url: str) -> dict[str, Any]:
    """Seconds from kill -9 of the worker running a long job until another worker recovered the job."""
    import signal

    from core.store import jobs
    from core.store.db import Database

    db = Database(url)
    _reset(db, 4)
    procs = [_spawn(url, "idle_main") for _ in range(2)]
    try:
        snap = jobs.submit(db, "bench-short", {"step": 120.0})
        active = _wait(lambda: (j := jobs.get(db, snap.id)).status.value == "ACTIVE" and j, 30)
        pid = int(str(active.worker).rsplit(":", 2)[1])
        victim = next(p for p in procs if p.pid == pid)
        t0 = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        victim.wait(10)
        done = _wait(lambda: (j := jobs.get(db, snap.id)).status.value != "ACTIVE" and j, 120, 0.05)
        recovered = time.monotonic() - t0
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
            p.wait(30)
        db.dispose()
    return {"kill9_recovered_s": round(recovered, 2), "kill9_status": done.status.value}


def restart_under_load(url: str, n: int, workers: int, cap: int, restart_cmd: str) -> dict[str, Any]:
    """Restart the server while ``workers`` run ``n`` short jobs: none misrecorded, lost or run twice."""
    from core.store import jobs, settings
    from core.store.db import Database

    db = Database(url)
    _reset(db, cap, paused=True)
    jobs.submit_many(db, "bench-short", [{"step": 0.01}] * n)
    procs = [_spawn(url, "worker_main") for _ in range(workers)]
    settings.set_paused(db, "default", False)
    time.sleep(1.5)
    t0 = time.monotonic()
    subprocess.run(restart_cmd, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    restart_s = time.monotonic() - t0
    for p in procs:
        p.wait(600)
    db.dispose()
    db = Database(url)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT status, attempt FROM jobs")).all()
    db.dispose()
    statuses = Counter(r.status for r in rows)
    return {
        "restart_jobs": n,
        "restart_s": round(restart_s, 2),
        "restart_failed": statuses.get("FAILED", 0),
        "restart_interrupted": statuses.get("INTERRUPTED", 0),
        "restart_lost": n - len(rows) + sum(v for k, v in statuses.items() if k != "SUCCEEDED"),
        "restart_ran_twice": sum(1 for r in rows if r.attempt != 1),
        "exit_codes": [p.returncode for p in procs],
    }


def _server_db(server: str) -> tuple[str, Any, str]:
    name = f"asyncops_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(server).set(database=name).render_as_string(hide_password=False), admin, name


def run_once(url: str, n: int, workers: int, cap: int, step: float) -> dict[str, Any]:
    from core.store import jobs, settings
    from core.store.db import Database

    db = Database(url)
    registry.register(Short, replace=True)
    _reset(db, cap, paused=True)
    jobs.submit_many(db, "bench-short", [{"step": step}] * n)
    procs = [_spawn(url, "worker_main") for _ in range(workers)]
    peak = 0
    stop = threading.Event()

    def sample() -> None:  # what another client sees: running jobs of the queue
        nonlocal peak
        with db.engine.connect() as conn:
            while not stop.is_set():
                running = conn.execute(
                    text(
                        "SELECT count(*) FROM jobs WHERE queue = 'default' AND status IN ('ACTIVE', 'STOPPING', 'PAUSED')"
                    )
                ).scalar()
                conn.rollback()
                peak = max(peak, int(running or 0))
                time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    settings.set_paused(db, "default", False)
    for p in procs:
        _done(p)
    elapsed = time.perf_counter() - t0
    for p in procs:
        p.wait(timeout=600)
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
    ap.add_argument("--jobs", type=int, default=20000)
    ap.add_argument("--baseline-jobs", type=int, help="jobs of the one-worker baseline (default: --jobs)")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--cap", type=int, default=16)
    ap.add_argument("--step", type=float, default=0.0, help="seconds each job sleeps")
    ap.add_argument("--idle-seconds", type=float, default=40.0, help="window of the idle worker's measure")
    ap.add_argument("--wakes", type=int, default=50, help="jobs submitted one by one to the idle worker")
    ap.add_argument("--restart-cmd", help="a shell command that restarts the server (run under load)")
    ap.add_argument("--restart-jobs", type=int, default=4000)
    ap.add_argument("--only", choices=("throughput", "idle", "kill9", "restart"), action="append")
    args = ap.parse_args()
    server = os.environ.get("ASYNCOPS_BENCH_SERVER") or os.environ.get("ASYNCOPS_TEST_SERVER")
    if not server:
        print(
            "set ASYNCOPS_TEST_SERVER=postgresql+psycopg://user:password@127.0.0.1 (a PostgreSQL server)",
            file=sys.stderr,
        )
        return 2
    only = set(args.only or ("throughput", "idle", "kill9", "restart"))
    registry.register(Short, replace=True)
    summary: dict[str, Any] = {"workers": args.workers, "jobs": args.jobs, "cap": args.cap}
    ok = True
    url, admin, name = _server_db(server.rstrip("/"))
    try:
        if "throughput" in only:
            many = run_once(url, args.jobs, args.workers, args.cap, args.step)
            print(f"{args.workers} workers: {json.dumps(many)}", flush=True)
            one = run_once(url, args.baseline_jobs or args.jobs, 1, args.cap, args.step)
            print(f"1 worker (baseline): {json.dumps(one)}", flush=True)
            ok = ok and all(
                r["exactly_once"]
                and r["left_active"] == 0
                and r["peak_running_from_times"] <= r["cap"]
                and r["peak_running_sampled"] <= r["cap"]
                for r in (many, one)
            )
            summary.update(
                jobs_per_s=many["jobs_per_s"],
                baseline_jobs_per_s=one["jobs_per_s"],
                ratio=round(many["jobs_per_s"] / one["jobs_per_s"], 2),
                peak_running=max(many["peak_running_from_times"], many["peak_running_sampled"]),
                share_per_worker=many["share_per_worker"],
                exactly_once=many["exactly_once"],
                left_active=many["left_active"],
            )
        if "idle" in only:
            idle = idle_and_latency(url, args.idle_seconds, args.wakes)
            print(f"idle worker: {json.dumps(idle)}", flush=True)
            summary.update(idle)
        if "kill9" in only:
            k = kill9(url)
            print(f"kill -9: {json.dumps(k)}", flush=True)
            summary.update(k)
        if "restart" in only and args.restart_cmd:
            r = restart_under_load(url, args.restart_jobs, args.workers, args.cap, args.restart_cmd)
            print(f"restart under load: {json.dumps(r)}", flush=True)
            ok = ok and r["restart_failed"] == 0 and r["restart_lost"] == 0 and r["restart_ran_twice"] == 0
            summary.update({k: v for k, v in r.items() if k != "exit_codes"})
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    summary["ok"] = ok
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
