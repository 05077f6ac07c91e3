"""``asyncops engine status|stop|serve`` and the auto-start that every queueing command goes through.

- ``engine status``: which engines serve this database (host, pid, kind, queues, running jobs, since when);
- ``engine stop``: SIGTERM to the local background engine (the pid recorded in its locked file), then wait for
  the OS to release its lock;
- ``engine serve``: the background engine itself (internal: started detached by :func:`core.service.ensure_engine`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any

import psutil

from core.api import Tracker
from core.cli.formatting import PROG, err, local, seconds, table
from core.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from core.records import JobSnapshot
from core.service import (
    EngineState,
    after_submit,
    autostart_disabled,
    is_alive,
    list_engines,
    local_engine,
    lock_path,
    recover_gone,
)
from core.service.lock import read_info
from core.store import settings

HINT = (
    "no engine serves the queue on this host, so the job waits: start one with `{prog} worker` "
    "(or open the window), or leave out --no-autostart / ASYNCOPS_NO_AUTOSTART"
)


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    text = "the local engine that runs queued jobs: status, stop"
    p = sub.add_parser("engine", help=text, description=text, parents=[common])
    esub = p.add_subparsers(dest="engine_command", metavar="ACTION", required=True)
    e = esub.add_parser("status", help="which engines serve this database", parents=[common])
    e.add_argument("--json", action="store_true")
    e = esub.add_parser("stop", help="stop the local background engine gracefully", parents=[common])
    e.add_argument("--timeout", type=seconds, default=30.0, help="seconds to wait for it to end (default 30)")
    e = esub.add_parser("serve", parents=[common])  # internal: no help line
    e.add_argument("--idle-exit", type=seconds, metavar="SECONDS", help="override the engine.idle_exit setting")
    e.add_argument("--grace", type=seconds, default=10.0, help="seconds running jobs get to stop at shutdown")
    e.add_argument("--start-lock-fd", type=int, help=argparse.SUPPRESS)


def cmd_engine(args: argparse.Namespace, t: Tracker) -> int:
    if args.engine_command == "status":
        return _status(args, t)
    if args.engine_command == "stop":
        return _stop(args, t)
    return _serve(args, t)


# -- auto-start, for every command that queues work -------------------------------------------------
def after_queue(args: argparse.Namespace, t: Tracker, snaps: Sequence[JobSnapshot]) -> None:
    """After jobs were written: make sure a local engine serves them (start the background one unless
    auto-start is off) and wake it; when none does, say so on stderr and how to start one."""
    off = bool(getattr(args, "no_autostart", False)) or autostart_disabled()
    status = after_submit(t.db.url, snaps, autostart=not off)
    if status.state is EngineState.FAILED:
        err(f"cannot start the background engine ({status.detail}); see {status.log}")
    if not status.serving:
        waiting = [s for s in t.snapshots([s.id for s in snaps]) if s.status.is_waiting]
        if any(s.waiting is not None and s.waiting.code in ("wait.no_engine", "wait.no_worker") for s in waiting):
            print(f"{PROG}: " + HINT.format(prog=PROG), file=sys.stderr)
        return
    for s in t.snapshots([s.id for s in snaps]):
        if s.status.is_waiting and s.waiting is not None and s.waiting.code == "wait.no_worker":
            print(f"{PROG}: job {s.id}: {s.waiting.text}", file=sys.stderr)  # a workers-only queue


def recover(t: Tracker) -> set[int]:
    """Before showing or acting on jobs: the jobs of this host's engines that are provably gone show as what they
    are (INTERRUPTED, their programs ended). Returns the ids of the jobs recovered."""
    try:
        return {s.id for s in recover_gone(t.db, t.bus)}
    except Exception as exc:  # showing the jobs matters more
        if os.environ.get("ASYNCOPS_DEBUG"):
            raise
        why = getattr(exc, "orig", None) or exc  # the database's own words, without the statement
        err(f"cannot check the engines' liveness: {type(why).__name__}: {why}")
        return set()


# -- status -----------------------------------------------------------------------------------------
def _status(args: argparse.Namespace, t: Tracker) -> int:
    engines = list_engines(t.db)
    if args.json:
        json.dump([e.to_json() for e in engines], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    mine = local_engine(t.db.url)
    if mine is not None and not any(e.id == mine.engine_id for e in engines):
        print(f"the background engine (pid {mine.pid or '?'}) holds the lock and is starting", file=sys.stderr)
    if not engines:
        print(f"no engine serves {t.db.display_url}; queued jobs wait until one starts (`{PROG} submit` starts one)")
        return EXIT_OK
    rows = [["HOST", "PID", "KIND", "QUEUES", "RUNNING", "SINCE", "STATE"]]
    for e in engines:
        kind = "background" if e.background else e.kind
        state = "alive" if e.alive else ("gone" if e.alive is False else f"beat {local(e.heartbeat_at)}")
        rows.append([e.host, str(e.pid), kind, ",".join(e.queues) or "all", str(e.running), local(e.started_at), state])
    table(rows, sys.stdout)
    return EXIT_OK


# -- stop -------------------------------------------------------------------------------------------
def _stop(args: argparse.Namespace, t: Tracker) -> int:
    path = lock_path(t.db.url)
    info = read_info(path) if is_alive(path) else None
    if info is None:
        print(f"no background engine serves {t.db.display_url} on this host")
        return EXIT_OK
    if info.kind != "service":
        err(
            f"the engine of this database here is a foreground `{PROG} worker` (pid {info.pid}): "
            "stop it where it runs (Ctrl-C)"
        )
        return EXIT_USAGE
    try:
        proc = psutil.Process(info.pid)
        same = abs(proc.create_time() - info.started) < 1.0
    except psutil.NoSuchProcess:
        same = False
    if not same:  # the lock is held, but not by the process the file names (it is writing it now)
        err("the background engine is starting or leaving; try again in a moment")
        return EXIT_FAILED
    os.kill(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + args.timeout
    while is_alive(path):
        if time.monotonic() >= deadline:
            err(f"the background engine (pid {info.pid}) still runs after {args.timeout:g}s")
            return EXIT_FAILED
        time.sleep(0.02)  # flock has no timed wait: test the lock until the OS releases it
    print(f"background engine (pid {info.pid}) stopped")
    return EXIT_OK


# -- serve ------------------------------------------------------------------------------------------
def _say(text: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} [{os.getpid()}] {text}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _stop_on_signals(stop: Any) -> Iterator[None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    old[signal.SIGHUP] = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _serve(args: argparse.Namespace, t: Tracker) -> int:
    from core.service.serve import EngineService, Outcome

    settings.ensure_defaults(t.db)
    service = EngineService(
        t.db, kind="service", idle_exit=args.idle_exit, grace=args.grace, start_fd=args.start_lock_fd
    )
    with _stop_on_signals(service.stop):
        if not service.start():
            _say(f"another engine already serves {t.db.display_url} here: leaving")
            return EXIT_OK
        _say(f"background engine {service.engine.id} serving {t.db.display_url}")
        outcome = service.run()
        _say("idle: leaving" if outcome is Outcome.IDLE else "asked to stop: leaving")
        service.close(outcome)
    _say("stopped")
    return EXIT_OK
