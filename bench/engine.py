"""Engine throughput against huey, and the delay from submit to start on an idle queue.

    python bench/engine.py [--jobs 5000]

Both systems enqueue N no-op jobs one by one and run them on two threads against a SQLite file, in this
process, one after the other; the figure is jobs per second from the first enqueue to the last completion. They
take turns for ``--rounds`` rounds (huey, asyncops, huey, asyncops, …: each pair shares the machine's state of
the moment), and the ratio is the median of the rounds' ratios: one pair of runs varies by ±10 % on a 2-core
machine whose second core is idle or busy.
asyncops commits every state change (submit, claim -> ACTIVE, finish -> SUCCEEDED). Then four engines (each
with its own Database, as four processes would be) share 2,000 queued jobs on a queue of capacity 4: their
jobs per second and the largest share one engine ran. The last line is one JSON object: asyncops_jobs_per_s,
huey_jobs_per_s (medians), ratio (the median round's), ratios (each round's), start_delay_p50_ms,
start_delay_p99_ms, four_engines_jobs_per_s, four_engines_max_share.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.engine import Engine
from core.operations import Operation, registry
from core.store import jobs, settings
from core.store.db import Database
from core.store.settings import QueueConfig


class NoOp(Operation):
    """Registered through the same registry third parties use (their entry points end up in it)."""

    name = "bench-noop"
    title = "No-op"
    done = 0
    lock = threading.Lock()
    finished = threading.Event()
    target = 0

    def run(self, ctx, params):  # type: ignore[no-untyped-def]
        cls = type(self)
        with cls.lock:
            cls.done += 1
            if cls.done >= cls.target:
                cls.finished.set()
        return None


def bench_asyncops(folder: Path, n: int) -> float:
    db = Database(f"sqlite:///{folder / 'asyncops.db'}")
    settings.save_queue(db, QueueConfig("default", max_parallel=2))
    registry.register(NoOp, replace=True)
    NoOp.done, NoOp.target = 0, n
    NoOp.finished.clear()
    engine = Engine(db, purge=False).start()
    try:
        t0, c0 = time.perf_counter(), _cpu()
        for _ in range(n):
            engine.submit("bench-noop", {})
        if not NoOp.finished.wait(600):
            raise SystemExit("asyncops did not finish")
        # the last job's SUCCEEDED commit follows run(): wait for it in the database
        while jobs.list_jobs(db, statuses=["ACTIVE", "QUEUED"], limit=1, with_reasons=False):
            time.sleep(0.001)
        elapsed, cpu = time.perf_counter() - t0, _cpu() - c0
        done = len(jobs.list_jobs(db, statuses=["SUCCEEDED"], with_reasons=False))
        assert done == n, f"only {done}/{n} jobs succeeded"
        groups, writes = engine.write_groups
        print(
            f"asyncops engine: {writes} writes in {groups} transactions, {cpu / n * 1e6:.0f} µs of CPU per job",
            file=sys.stderr,
        )
    finally:
        engine.shutdown()
        db.dispose()
    return n / elapsed


def bench_delay(folder: Path, samples: int) -> tuple[float, float]:
    db = Database(f"sqlite:///{folder / 'delay.db'}")
    registry.register(NoOp, replace=True)
    engine = Engine(db, purge=False).start()
    delays = []
    try:
        for _ in range(samples):
            snap = engine.submit("bench-noop", {})
            while True:
                got = jobs.get_many(db, [snap.id])[0]
                if got.status.is_terminal:
                    break
                time.sleep(0.001)
            delays.append((got.started_at - got.created_at).total_seconds() * 1000)
    finally:
        engine.shutdown()
        db.dispose()
    delays.sort()
    return statistics.median(delays), delays[min(len(delays) - 1, int(len(delays) * 0.99))]


def bench_engines(folder: Path, n: int, count: int = 4) -> tuple[float, float]:
    """Jobs per second of ``count`` engines sharing ``n`` queued jobs, and the largest fraction one of them ran."""
    db = Database(f"sqlite:///{folder / 'engines.db'}")
    settings.save_queue(db, QueueConfig("default", max_parallel=count, paused=True))
    registry.register(NoOp, replace=True)
    NoOp.done, NoOp.target = 0, n
    NoOp.finished.clear()
    jobs.submit_many(db, "bench-noop", [{} for _ in range(n)])
    databases = [Database(db.url) for _ in range(count)]
    engines = [Engine(d, purge=False).start() for d in databases]
    try:
        while any(e.fair_share("default") != 1 for e in engines):  # each has seen the others
            time.sleep(0.01)
        t0 = time.perf_counter()
        settings.set_paused(db, "default", False)
        if not NoOp.finished.wait(600):
            raise SystemExit("the engines did not finish")
        while jobs.list_jobs(db, statuses=["ACTIVE", "QUEUED"], limit=1, with_reasons=False):
            time.sleep(0.001)
        elapsed = time.perf_counter() - t0
        by_engine = Counter(j.worker for j in jobs.list_jobs(db, with_reasons=False))
    finally:
        for e in engines:
            e.shutdown()
        for d in [*databases, db]:
            d.dispose()
    return n / elapsed, max(by_engine.values()) / n


def bench_huey(folder: Path, n: int) -> float | None:
    try:
        from huey import SqliteHuey
    except ImportError:
        print("huey is not installed (pip install -e '.[bench]'): no baseline", file=sys.stderr)
        return None
    import logging

    logging.getLogger("huey").setLevel(logging.ERROR)
    huey = SqliteHuey(filename=str(folder / "huey.db"), results=False)
    counter = {"n": 0}
    lock = threading.Lock()
    finished = threading.Event()

    @huey.task()
    def noop() -> None:
        with lock:
            counter["n"] += 1
            if counter["n"] >= n:
                finished.set()

    consumer = huey.create_consumer(
        workers=2, worker_type="thread", periodic=False, initial_delay=0.001, backoff=1.0, max_delay=0.01
    )
    t0, c0 = time.perf_counter(), _cpu()
    consumer.start()
    for _ in range(n):
        noop()
    if not finished.wait(600):
        raise SystemExit("huey did not finish")
    elapsed, cpu = time.perf_counter() - t0, _cpu() - c0
    consumer.stop(graceful=True)
    print(f"huey: {cpu / n * 1e6:.0f} µs of CPU per job", file=sys.stderr)
    return n / elapsed


def _cpu() -> float:
    """CPU seconds this process used so far (every thread): a figure that load on the machine disturbs less than
    the wall clock's."""
    return time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of both (the median ratio counts)")
    parser.add_argument("--delay-samples", type=int, default=200)
    args = parser.parse_args()
    rates: list[float] = []
    huey_rates: list[float] = []
    with tempfile.TemporaryDirectory(prefix="asyncops-bench-") as tmp:
        folder = Path(tmp)
        os.environ["ASYNCOPS_DATA_DIR"] = str(folder / "data")
        for k in range(max(1, args.rounds)):
            (folder / f"round{k}").mkdir()
            huey_rate = bench_huey(folder / f"round{k}", args.jobs)
            if huey_rate is not None:
                huey_rates.append(huey_rate)
            rates.append(bench_asyncops(folder / f"round{k}", args.jobs))
            if huey_rate is not None:
                print(f"round {k + 1}: ratio {rates[-1] / huey_rate:.2f}", file=sys.stderr)
        p50, p99 = bench_delay(folder, args.delay_samples)
        shared_rate, max_share = bench_engines(folder, 2000)
    ours = statistics.median(rates)
    ratios = [a / h for a, h in zip(rates, huey_rates, strict=False)]
    ratio = statistics.median(ratios) if ratios else None
    print(f"asyncops: {ours:,.0f} jobs/s ({args.jobs} no-op jobs, 2 threads, every state change committed)")
    if ratio is not None:
        print(f"huey (SqliteHuey, 2 threads): {statistics.median(huey_rates):,.0f} jobs/s")
        rounds = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"ratio asyncops/huey: {ratio:.2f}, the median of {len(ratios)} rounds ({rounds}) (goal >= 1.5)")
    print(f"start delay on an idle queue: p50 {p50:.1f} ms, p99 {p99:.1f} ms (goal < 50 ms)")
    print(f"four engines, 2,000 jobs: {shared_rate:,.0f} jobs/s, the busiest ran {max_share:.0%} (goal <= 40 %)")
    print(
        json.dumps(
            {
                "asyncops_jobs_per_s": round(ours, 1),
                "huey_jobs_per_s": round(statistics.median(huey_rates), 1) if huey_rates else None,
                "ratio": round(ratio, 3) if ratio else None,
                "ratios": [round(r, 3) for r in ratios],
                "start_delay_p50_ms": round(p50, 2),
                "start_delay_p99_ms": round(p99, 2),
                "four_engines_jobs_per_s": round(shared_rate, 1),
                "four_engines_max_share": round(max_share, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
